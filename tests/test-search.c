/* test-search.c: deck search: normalization, all-words prefix matching, ranking, a large deck
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-deck-parser.h"
#include "bp-search.h"
#include "deck-generator.h"

#define TEST_DECK_ID "test"
#define LARGE_DECK_QUESTIONS 10000
/* Under memcheck (tests/hardening/run-valgrind.sh): the same code, on fewer questions. */
#define LARGE_DECK_QUESTIONS_UNDER_MEMCHECK 1000
#define LARGE_DECK_SEED 20240601
#define N_RANDOM_QUERIES 300

/* Helpers */

static BpDeck *
parse_deck (const char  *markdown,
            BpDeckTrust  trust)
{
  g_autoptr(GError) error = NULL;
  BpDeck *deck;

  deck = bp_deck_parser_parse (TEST_DECK_ID, markdown, -1, trust, &error);
  g_assert_no_error (error);
  g_assert_true (BP_IS_DECK (deck));

  return deck;
}

static BpSearchIndex *
index_markdown (const char  *markdown,
                BpDeckTrust  trust)
{
  g_autoptr(BpDeck) deck = parse_deck (markdown, trust);

  return bp_search_index_new (deck);
}

static BpSearchIndex *
index_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse_builtin (&error);

  g_assert_no_error (error);
  return bp_search_index_new (deck);
}

/* The results as "Q18 Q6 Q19", then the number of title matches: "Q18 Q6 Q19 (1)". */
static char *
format_results (GPtrArray *results,
                guint      n_titles)
{
  GString *numbers = g_string_new (NULL);

  g_assert_nonnull (results);
  g_assert_cmpuint (n_titles, <=, results->len);

  for (guint i = 0; i < results->len; i++)
    g_string_append_printf (numbers, "%sQ%u", i > 0 ? " " : "",
                            bp_question_get_number (g_ptr_array_index (results, i)));
  g_string_append_printf (numbers, " (%u)", n_titles);

  return g_string_free (numbers, FALSE);
}

static char *
query_numbers (BpSearchIndex *index,
               const char    *query)
{
  g_autoptr(GPtrArray) results = NULL;
  guint n_titles = G_MAXUINT;

  results = bp_search_index_query (index, query, &n_titles);
  return format_results (results, n_titles);
}

static void
assert_query (BpSearchIndex *index,
              const char    *query,
              const char    *expected)
{
  g_autofree char *numbers = query_numbers (index, query);

  g_test_message ("“%s” → %s", query, numbers);
  g_assert_cmpstr (numbers, ==, expected);
}

/* The words of @query, joined by '|'. */
static char *
split (const char *query)
{
  g_auto(GStrv) words = bp_search_split_query (query);

  g_assert_nonnull (words);
  return g_strjoinv ("|", words);
}

static void
assert_split (const char *query,
              const char *expected)
{
  g_autofree char *words = split (query);

  g_assert_cmpstr (words, ==, expected);
}

/* Normalization */

static void
test_normalize_case (void)
{
  assert_split ("Momentum", "momentum");
  assert_split ("MOMENTUM", "momentum");
  assert_split ("mOmEnTuM momentum MOMENTUM", "momentum");
  assert_split ("LSTM Gate", "lstm|gate");
  assert_split ("İstanbul", "istanbul");
}

static void
test_normalize_accents (void)
{
  assert_split ("mómentum", "momentum");
  assert_split ("Résumé résumé RESUME", "resume");
  assert_split ("é ü ñ Å", "e|u|n|a");
  assert_split ("Ångström mañana über naïve", "angstrom|manana|uber|naive");
  /* Decomposed input, as some keyboards and files give it, is the same word. */
  assert_split ("re\u0301sume\u0301", "resume");
  assert_split ("x\u0302", "x");
}

/* ß folds to "ss", as Unicode case folding says, so "Straße", "STRASSE" and "strasse"
 * are one word: German writes the same word both ways. */
static void
test_normalize_sharp_s (void)
{
  assert_split ("Straße STRASSE strasse", "strasse");
  assert_split ("ẞ", "ss");
}

static void
test_normalize_compatibility (void)
{
  assert_split ("ﬁlter ﬂow", "filter|flow");
  assert_split ("ＭＯＭＥＮＴＵＭ", "momentum");
  assert_split ("Ｌ２", "l2");
  assert_split ("L²", "l2");
  assert_split ("𝐦𝐨𝐦𝐞𝐧𝐭𝐮𝐦", "momentum");
  assert_split ("ℌilbert", "hilbert");
  /* A soft hyphen is invisible and does not split a word. */
  assert_split ("hyphen\u00adation", "hyphenation");
}

static void
test_normalize_quotes_and_dashes (void)
{
  g_autofree char *straight = split ("SGD's \"momentum\" encoder-decoder");
  g_autofree char *typographic = split ("SGD\u2019s \u201cmomentum\u201d encoder\u2010decoder");

  /* Quotes and apostrophes split words, whichever kind they are. */
  g_assert_cmpstr (straight, ==, "sgd|s|momentum|encoderdecoder");
  g_assert_cmpstr (typographic, ==, straight);
  assert_split ("\u2018momentum\u2019 \u00abmomentum\u00bb", "momentum");

  /* A hyphen joins a compound, which a query looks for as one word; a dash separates. */
  assert_split ("pre-trained", "pretrained");
  assert_split ("pre\u2011trained", "pretrained");
  assert_split ("state-of-the-art", "stateoftheart");
  assert_split ("encoder\u2013decoder encoder\u2014decoder", "encoder|decoder");
  assert_split ("pre- trained -x a--b", "pre|trained|x|a|b");
}

static void
test_normalize_greek (void)
{
  assert_split ("σ Σ ς", "σ");
  assert_split ("ΣΟΦΙΑ σοφία", "σοφια");
  assert_split ("Ωmega", "ωmega");
  assert_split ("σ(x) = 1/(1 + e^−x)", "σ|x|1|e");
}

static void
test_normalize_empty (void)
{
  assert_split ("", "");
  assert_split (NULL, "");
  assert_split ("   \t\n  ", "");
  assert_split ("\u00a0\u2003\u3000", "");
  assert_split ("?!… — “” ' - -- () [] · ← ∇", "");
  assert_split ("\xff\xfe", "");
}

static void
test_normalize_digits_and_scripts (void)
{
  assert_split ("0.9999 L1 1D", "0|9999|l1|1d");
  assert_split ("learning_rate=0.01", "learning|rate|0|01");
  /* Scripts without spaces between words form one long word: see "left open". */
  assert_split ("神经网络", "神经网络");
}

/* The highlight is the piece of the query that holds its longest word, as typed. */
static void
test_highlight (void)
{
  struct {
    const char *query;
    const char *highlight;
  } cases[] = {
    { "momentum", "momentum" },
    { "MOMENTUM sgd", "MOMENTUM" },
    { "sgd momentum", "momentum" },
    { "lstm gate", "lstm" },
    { "  (momentum),  ", "momentum" },
    { "pre-trained model", "pre-trained" },
    { "SGD’s", "SGD’s" },
    { "Résumé", "Résumé" },
    { "a ＭＯＭＥＮＴＵＭ", "ＭＯＭＥＮＴＵＭ" },
    { "batch\u00a0normalization", "normalization" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *highlight = bp_search_dup_highlight (cases[i].query);

      g_assert_cmpstr (highlight, ==, cases[i].highlight);
    }

  g_assert_null (bp_search_dup_highlight (NULL));
  g_assert_null (bp_search_dup_highlight (""));
  g_assert_null (bp_search_dup_highlight ("  -- ?! "));
}

/* Matching on the built-in deck */

static void
test_builtin_momentum (void)
{
  g_autoptr(BpSearchIndex) index = index_builtin ();

  /* Q18 asks about it; Q6 lists it among SGD's hyperparameters; Q19 has the momentum of a
   * batch normalization layer's running statistics. */
  assert_query (index, "momentum", "Q18 Q6 Q19 (1)");
  assert_query (index, "MOMENTUM", "Q18 Q6 Q19 (1)");
  assert_query (index, "Mómentum", "Q18 Q6 Q19 (1)");
  assert_query (index, "ＭＯＭＥＮＴＵＭ", "Q18 Q6 Q19 (1)");
  assert_query (index, "moment", "Q18 Q3 Q6 Q19 (1)");
  assert_query (index, "momentum sgd", "Q18 Q6 (1)");
  assert_query (index, "sgd momentum", "Q18 Q6 (1)");
  assert_query (index, "SGD’s momentum", "Q18 Q6 (1)");
  assert_query (index, "omentum", " (0)");
}

static void
test_builtin_batch_normalization (void)
{
  g_autoptr(BpSearchIndex) index = index_builtin ();

  /* Q10 says "batch" and "normalized", not "normalization". */
  assert_query (index, "batch normalization", "Q4 Q19 Q3 Q6 Q8 Q9 Q16 Q22 (2)");
  assert_query (index, "normalization batch", "Q4 Q19 Q3 Q6 Q8 Q9 Q16 Q22 (2)");
  /* A compound is one word, found in "batch-norm" (Q17) and `BatchNormalization` (Q19). */
  assert_query (index, "Batch-Normalization", "Q19 (0)");
  assert_query (index, "batchnorm", "Q17 Q19 (0)");
}

static void
test_builtin_lstm_gate (void)
{
  g_autoptr(BpSearchIndex) index = index_builtin ();

  assert_query (index, "lstm gate", "Q14 Q2 Q9 Q11 Q13 (1)");
  /* A query word is a prefix: "gates" does not find Q9's "gated". */
  assert_query (index, "LSTM gates", "Q14 Q2 Q11 Q13 (1)");
}

static void
test_builtin_no_match (void)
{
  g_autoptr(BpSearchIndex) index = index_builtin ();

  assert_query (index, "zeppelin", " (0)");
  assert_query (index, "momentum zeppelin", " (0)");
  assert_query (index, "résumé", " (0)");
}

/* What the page shows is searched, wherever it is in the markdown; what it does not show
 * (URLs, markup, entities' names) is not. */
static void
test_builtin_page_text (void)
{
  g_autoptr(BpSearchIndex) index = index_builtin ();

  /* Only in MathML. */
  assert_query (index, "σ", "Q2 Q4 Q11 Q14 (0)");
  /* Figure URLs are "figure:q01-autoencoder"; tags are <mi>; &lt; is "<". */
  assert_query (index, "figure", " (0)");
  assert_query (index, "q01", " (0)");
  assert_query (index, "msub", " (0)");
  assert_query (index, "lt", " (0)");
  assert_query (index, "https", " (0)");
  /* Only in a figure's caption. */
  assert_query (index, "squeezes", "Q1 (0)");
  /* "pre-trained" in Q17's title, "pretrained" nowhere: one word, written either way. */
  assert_query (index, "pretrained", "Q17 Q1 Q3 Q12 Q19 Q21 (1)");
  assert_query (index, "pre-trained", "Q17 Q1 Q3 Q12 Q19 Q21 (1)");
}

static void
test_builtin_empty_query (void)
{
  g_autoptr(BpSearchIndex) index = index_builtin ();
  const char *all = "Q1 Q2 Q3 Q4 Q5 Q6 Q7 Q8 Q9 Q10 Q11 Q12 Q13 Q14 Q15 Q16 Q17 Q18 Q19 Q20 "
                    "Q21 Q22 (0)";

  assert_query (index, "", all);
  assert_query (index, NULL, all);
  assert_query (index, "   ", all);
  assert_query (index, " ?! — ", all);
}

/* Matching on small decks */

static const char small_deck[] =
  "# Small\n\n"
  "### Q1: What is a résumé?\n\n"
  "A one-page summary. See [the guide](https://example.org/zeppelin \"tooltip\").\n\n"
  "### Q2: Where is the Straße?\n\n"
  "Use `gradient_clipping` and:\n\n"
  "```\nmomentum = 0.9\n```\n\n"
  "![A curve of the loss](figure:q02-loss \"The loss falls steadily\")\n\n"
  "### Q3: Fine-tuning a pre-trained network\n\n"
  "The *mo*mentum of SGD\u2019s update, and a non-linear activation.\n\n"
  "<math display=\"block\">\n<mi>σ</mi><mo>=</mo><mi>&#955;</mi><mi>x</mi><mi>ω</mi>\n"
  "<annotation encoding=\"application/x-tex\">hiddentex</annotation>\n</math>\n\n"
  "### Q4: Nothing else\n\n"
  "Inline <math><mi>θ</mi><mi>φ</mi></math> and <script>hiddenscript</script>\n"
  "<!-- hiddencomment -->.\n";

static void
test_match_prefixes (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (small_deck, BP_DECK_TRUSTED);

  assert_query (index, "mom", "Q2 Q3 (0)");
  assert_query (index, "momentum", "Q2 Q3 (0)");
  assert_query (index, "momentums", " (0)");
  assert_query (index, "entum", " (0)");
  assert_query (index, "grad", "Q2 (0)");
  assert_query (index, "clipping", "Q2 (0)");
  assert_query (index, "r", "Q1 (1)");
  assert_query (index, "s", "Q2 Q1 Q3 (1)");
}

static void
test_match_normalized_text (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (small_deck, BP_DECK_TRUSTED);

  assert_query (index, "resume", "Q1 (1)");
  assert_query (index, "RÉSUMÉ", "Q1 (1)");
  assert_query (index, "strasse", "Q2 (1)");
  assert_query (index, "STRAßE", "Q2 (1)");
  assert_query (index, "sgd's", "Q3 (0)");
  assert_query (index, "pretrained finetuning", "Q3 (1)");
  assert_query (index, "fine tuning", "Q3 (1)");
  assert_query (index, "nonlinear", "Q3 (0)");
  assert_query (index, "onepage", "Q1 (0)");
}

static void
test_match_page_text (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (small_deck, BP_DECK_TRUSTED);

  /* Link text, code, a code block, a figure's description and caption, MathML. */
  assert_query (index, "guide", "Q1 (0)");
  assert_query (index, "loss curve steadily", "Q2 (0)");
  assert_query (index, "σ λ ω", "Q3 (0)");
  assert_query (index, "θ φ", "Q4 (0)");
  /* Not URLs, link titles, annotations, scripts, comments or tag names. */
  assert_query (index, "zeppelin", " (0)");
  assert_query (index, "example", " (0)");
  assert_query (index, "tooltip", " (0)");
  assert_query (index, "figure", " (0)");
  assert_query (index, "hiddentex", " (0)");
  assert_query (index, "hiddenscript", " (0)");
  assert_query (index, "hiddencomment", " (0)");
  assert_query (index, "math", " (0)");
  assert_query (index, "encoding", " (0)");
  assert_query (index, "955", " (0)");
}

/* An untrusted page drops raw HTML, so its words are not searched; the text between
 * inline tags is shown, and searched. */
static void
test_match_untrusted (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (small_deck, BP_DECK_UNTRUSTED);

  assert_query (index, "σ", " (0)");
  assert_query (index, "hiddentex", " (0)");
  assert_query (index, "θ φ", "Q4 (0)");
  assert_query (index, "hiddenscript", "Q4 (0)");
  assert_query (index, "hiddencomment", " (0)");
  assert_query (index, "momentum", "Q2 Q3 (0)");
}

/* Ranking */

static const char ranking_deck[] =
  "### Q1: Plain question\n\nAbout gradient descent.\n\n"
  "### Q2: Gradient descent\n\nPlain.\n\n"
  "### Q3: Descent\n\nA gradient, again.\n\n"
  "### Q4: Gradient of the loss\n\nAnd descent.\n\n"
  "### Q5: Unrelated\n\nNothing.\n\n"
  "### Q6: Gradient descent, again\n\nSame title words.\n";

static void
test_ranking (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (ranking_deck, BP_DECK_UNTRUSTED);

  /* Title matches, then the others, each in deck order however often the words occur. */
  assert_query (index, "gradient descent", "Q2 Q6 Q1 Q3 Q4 (2)");
  assert_query (index, "descent gradient", "Q2 Q6 Q1 Q3 Q4 (2)");
  assert_query (index, "gradient", "Q2 Q4 Q6 Q1 Q3 (3)");
  assert_query (index, "plain", "Q1 Q2 (1)");
  /* The same query gives the same order every time. */
  for (int i = 0; i < 3; i++)
    assert_query (index, "gradient descent", "Q2 Q6 Q1 Q3 Q4 (2)");
}

static void
test_ranking_deck_order_not_numbers (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown ("### Q9: Gradient\n\nx\n\n"
                                                   "### Q2: Other\n\ngradient\n\n"
                                                   "### Q1: Gradient too\n\nx\n",
                                                   BP_DECK_UNTRUSTED);

  assert_query (index, "gradient", "Q9 Q1 Q2 (2)");
}

static void
test_match_function (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (ranking_deck, BP_DECK_UNTRUSTED);
  BpDeck *deck = bp_search_index_get_deck (index);
  const BpSearchMatch expected[] = {
    BP_SEARCH_MATCH_ANSWER, BP_SEARCH_MATCH_TITLE, BP_SEARCH_MATCH_ANSWER,
    BP_SEARCH_MATCH_ANSWER, BP_SEARCH_MATCH_NONE, BP_SEARCH_MATCH_TITLE,
  };

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      BpQuestion *question = bp_deck_get_question (deck, i);

      g_assert_cmpint (bp_search_index_match (index, question, "Gradient DESCENT"), ==,
                       expected[i]);
      g_assert_cmpint (bp_search_index_match (index, question, ""), ==, BP_SEARCH_MATCH_ANY);
      g_assert_cmpint (bp_search_index_match (index, question, "zeppelin"), ==,
                       BP_SEARCH_MATCH_NONE);
    }
}

static void
test_match_foreign_question (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (ranking_deck, BP_DECK_UNTRUSTED);
  g_autoptr(BpDeck) other = parse_deck (ranking_deck, BP_DECK_UNTRUSTED);

  if (g_test_subprocess ())
    {
      bp_search_index_match (index, bp_deck_get_question (other, 0), "gradient");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*not in the index's deck*");
}

/* Relevance ranking (BM25F) */

/* The ranked results as "Q20 Q16 …". */
static char *
rank_numbers (BpSearchIndex *index,
              const char    *query)
{
  g_autoptr(GPtrArray) results = bp_search_index_rank (index, query);
  GString *numbers = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    g_string_append_printf (numbers, "%sQ%u", i > 0 ? " " : "",
                            bp_question_get_number (g_ptr_array_index (results, i)));

  return g_string_free (numbers, FALSE);
}

static void
assert_rank (BpSearchIndex *index,
             const char    *query,
             const char    *expected)
{
  g_autofree char *numbers = rank_numbers (index, query);

  g_test_message ("ranked “%s” → %s", query, numbers);
  g_assert_cmpstr (numbers, ==, expected);
}

/* The example, tried as a new user would: the question about dropout first. */
static void
test_rank_builtin_dropout (void)
{
  g_autoptr(BpSearchIndex) index = index_builtin ();
  g_autofree char *numbers = rank_numbers (index, "dropout infer");
  g_auto(GStrv) ranked = g_strsplit (numbers, " ", -1);

  g_test_message ("“dropout infer” → %s", numbers);
  g_assert_cmpstr (ranked[0], ==, "Q20");
  g_assert_true (g_strv_contains ((const char * const *)ranked, "Q16"));
  /* The title-only match of the old order comes first too, with its own word. */
  assert_rank (index, "momentum", "Q18 Q19 Q6");
}

static const char relevance_deck[] =
  "### Q1: Plain question\n\nThe loss, once.\n\n"
  "### Q2: About the loss\n\nSomething else entirely here.\n\n"
  "### Q3: Other question\n\nThe loss, the loss and the loss again.\n\n"
  "### Q4: Unrelated\n\nNothing at all, and loss.\n\n"
  "### Q5: Common words\n\nThe the the the, the.\n";

static void
test_rank_title_and_frequency (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (relevance_deck, BP_DECK_UNTRUSTED);

  /* A title word weighs three answer words; then the answer saying it most often, for
   * its length; equal scores keep deck order. */
  assert_rank (index, "loss", "Q2 Q3 Q1 Q4");
}

static void
test_rank_rare_words (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (
    "### Q1: One\n\nThe the the loss.\n\n"
    "### Q2: Two\n\nThe loss loss loss.\n\n"
    "### Q3: Three\n\nThe end.\n\n"
    "### Q4: Four\n\nThe start.\n", BP_DECK_UNTRUSTED);

  /* As long, each saying a word three times: the rarer word, "loss", decides. */
  assert_rank (index, "the loss", "Q2 Q1");
  assert_rank (index, "loss the", "Q2 Q1");
}

static void
test_rank_prefix_last_word_only (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (ranking_deck, BP_DECK_UNTRUSTED);

  /* Both words in the title, then one, then none. Every word is required; only the
   * last, still being typed, may be a start. */
  assert_rank (index, "gradient desc", "Q2 Q6 Q3 Q4 Q1");
  assert_rank (index, "gradient zeppelin", "");
  assert_rank (index, "descent gradient", "Q2 Q6 Q3 Q4 Q1");
  /* Without words, every question in deck order. */
  assert_rank (index, "", "Q1 Q2 Q3 Q4 Q5 Q6");
  assert_rank (index, NULL, "Q1 Q2 Q3 Q4 Q5 Q6");
  /* The same query gives the same order every time. */
  for (int i = 0; i < 3; i++)
    assert_rank (index, "gradient descent", "Q2 Q6 Q3 Q4 Q1");
}

static void
test_rank_finished_words (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown ("### Q1: Lossless compression\n\nzip\n\n"
                                                   "### Q2: The loss\n\nzip\n",
                                                   BP_DECK_UNTRUSTED);

  /* "loss", typed and followed by another word, is the deck's word "loss", not "lossless". */
  assert_rank (index, "loss zip", "Q2");
  assert_rank (index, "zip loss", "Q1 Q2");
  /* "lossl" is no word of the deck: a start, so the search still finds something. */
  assert_rank (index, "lossl zip", "Q1");
}

/* The snippet as text with its spans in brackets: "… the [loss] again". */
static char *
marked_snippet (BpSearchIndex *index,
                guint          position,
                const char    *query)
{
  BpQuestion *question = bp_deck_get_question (bp_search_index_get_deck (index), position);
  g_autoptr(GArray) spans = NULL;
  g_autofree char *snippet = bp_search_index_dup_snippet (index, question, query, &spans);
  GString *marked = g_string_new (NULL);
  gsize done = 0;

  g_assert_nonnull (snippet);
  g_assert_true (g_utf8_validate (snippet, -1, NULL));
  for (guint i = 0; i < spans->len; i++)
    {
      const BpSearchSpan *span = &g_array_index (spans, BpSearchSpan, i);

      g_assert_cmpuint (span->start, >=, done);
      g_assert_cmpuint (span->end, <=, strlen (snippet));
      g_string_append_len (marked, snippet + done, span->start - done);
      g_string_append_c (marked, '[');
      g_string_append_len (marked, snippet + span->start, span->end - span->start);
      g_string_append_c (marked, ']');
      done = span->end;
    }
  g_string_append (marked, snippet + done);

  return g_string_free (marked, FALSE);
}

static void
test_snippet (void)
{
  g_autoptr(BpSearchIndex) index = index_markdown (
    "### Q1: Short\n\nThe *Loss*,\nonce:   `loss_fn`.\n\n"
    "### Q2: Long\n\n" "Words come first here, many of them, far too many to show in one line "
    "of a sidebar, before anything at all is said about the Straße, which is long and "
    "winding and goes on and on past houses, gardens and fields, until the loss comes.\n\n"
    "### Q3: Title only\n\nNothing in the answer.\n\n"
    "### Q4: Empty\n\n", BP_DECK_UNTRUSTED);
  g_autofree char *short_one = marked_snippet (index, 0, "loss");
  g_autofree char *exact = marked_snippet (index, 0, "loss once");
  g_autofree char *later = marked_snippet (index, 1, "strasse");
  g_autofree char *none = marked_snippet (index, 2, "title");
  BpQuestion *empty = bp_deck_get_question (bp_search_index_get_deck (index), 3);

  /* Line breaks and runs of spaces are one space; case and accents folded as the index. */
  g_assert_cmpstr (short_one, ==, "The [Loss], once: [loss]_fn.");
  g_assert_cmpstr (exact, ==, "The [Loss], [once]: [loss]_fn.");
  g_assert_cmpstr (later, ==, "… at all is said about the [Straße], which is long and "
                              "winding and goes on and on past houses, gardens and fields, until "
                              "the loss comes.");
  /* The answer's start when only the title matched. */
  g_assert_cmpstr (none, ==, "Nothing in the answer.");
  g_assert_null (bp_search_index_dup_snippet (index, empty, "empty", NULL));
}

/* A large generated deck against a slow, obvious reference */

/* Normalizes with whole-string GLib calls, not the index's per-character code. */
static char *
reference_normalize (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = g_utf8_casefold (decomposed, -1);
  g_autofree char *again = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  GString *out = g_string_new (NULL);

  for (const char *p = again; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK || type == G_UNICODE_FORMAT)
        continue;
      else if (c == '-' || c == 0x2010)
        g_string_append_c (out, '-');
      else if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else
        g_string_append_c (out, ' ');
    }

  return g_string_free (out, FALSE);
}

/* The words of @text: runs of letters and digits and, when single hyphens join runs, the
 * runs joined (with @with_parts, the runs too), each with a space before. */
static void
reference_words (const char *text,
                 gboolean    with_parts,
                 GString    *words)
{
  g_autofree char *normalized = reference_normalize (text);
  g_auto(GStrv) tokens = g_strsplit (normalized, " ", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (tokens[i], "-", -1);
      g_autoptr(GString) compound = g_string_new (NULL);
      guint n_parts = 0;

      for (guint j = 0; ; j++)
        {
          if (parts[j] != NULL && *parts[j] != '\0')
            {
              if (with_parts)
                g_string_append_printf (words, " %s", parts[j]);
              g_string_append (compound, parts[j]);
              n_parts++;
              continue;
            }

          if (n_parts > 1 || (n_parts == 1 && !with_parts))
            g_string_append_printf (words, " %s", compound->str);
          g_string_truncate (compound, 0);
          n_parts = 0;

          if (parts[j] == NULL)
            break;
        }
    }
  g_string_append_c (words, ' ');
}

typedef struct
{
  char *title;  /* " word word … " */
  char *answer;
} ReferenceEntry;

static void
reference_entry_clear (gpointer data)
{
  ReferenceEntry *entry = data;

  g_free (entry->title);
  g_free (entry->answer);
}

static GArray *
reference_index (GeneratedDeck *generated)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (ReferenceEntry));

  g_array_set_clear_func (entries, reference_entry_clear);
  for (guint i = 0; i < generated->titles->len; i++)
    {
      GString *title = g_string_new (NULL);
      GString *answer = g_string_new (NULL);
      ReferenceEntry entry;

      reference_words (g_ptr_array_index (generated->titles, i), TRUE, title);
      reference_words (g_ptr_array_index (generated->answers, i), TRUE, answer);
      entry.title = g_string_free (title, FALSE);
      entry.answer = g_string_free (answer, FALSE);
      g_array_append_val (entries, entry);
    }

  return entries;
}

/* Every word of @query starts a word of the text: scanned for, question by question. */
static char *
reference_query (GArray     *entries,
                 const char *query)
{
  g_autoptr(GString) query_words = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autoptr(GString) answers = g_string_new (NULL);
  guint n_titles = 0;

  reference_words (query, FALSE, query_words);
  words = g_strsplit (g_strstrip (query_words->str), " ", -1);

  for (guint i = 0; i < entries->len; i++)
    {
      const ReferenceEntry *entry = &g_array_index (entries, ReferenceEntry, i);
      gboolean in_title = TRUE;
      gboolean found = TRUE;

      for (guint j = 0; found && words[j] != NULL && *words[j] != '\0'; j++)
        {
          g_autofree char *needle = g_strconcat (" ", words[j], NULL);

          if (strstr (entry->title, needle) != NULL)
            continue;
          in_title = FALSE;
          found = strstr (entry->answer, needle) != NULL;
        }

      if (found && in_title && words[0] != NULL && *words[0] != '\0')
        {
          g_string_append_printf (titles, " Q%u", i + 1);
          n_titles++;
        }
      else if (found)
        {
          g_string_append_printf (answers, " Q%u", i + 1);
        }
    }

  /* Formatted like format_results(): "Q2 Q6 Q1 (2)", or " (0)". */
  g_string_append (titles, answers->str);
  if (titles->len > 0)
    g_string_erase (titles, 0, 1);
  g_string_append_printf (titles, " (%u)", n_titles);

  return g_strdup (titles->str);
}

/* What a user might type: words of the deck, whole or begun, in any case, with
 * punctuation, and now and then a word in no question. */
static char *
random_query (GRand *rand)
{
  GString *query = g_string_new (NULL);
  guint n_words = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = g_rand_boolean (rand)
        ? deck_generator_pick_word (rand)
        : deck_generator_vocabulary ()[g_rand_int_range (rand, 0, DECK_GENERATOR_N_WORDS)];
      g_autofree char *typed = NULL;

      switch (g_rand_int_range (rand, 0, 8))
        {
        case 0:
          typed = g_utf8_strup (word, -1);
          break;
        case 1:
        case 2:
          {
            glong length = g_utf8_strlen (word, -1);
            glong kept = g_rand_int_range (rand, 1, length + 1);

            typed = g_strndup (word, g_utf8_offset_to_pointer (word, kept) - word);
          }
          break;
        case 3:
          typed = g_strdup_printf ("(%s),", word);
          break;
        case 4:
          typed = g_strdup ("zzqx");
          break;
        default:
          typed = g_strdup (word);
          break;
        }

      g_string_append_printf (query, "%s%s", i > 0 ? " " : "", typed);
    }

  return g_string_free (query, FALSE);
}

/* The index's matches for @query, question by question, formatted like its results. */
static char *
match_numbers (BpSearchIndex *index,
               const char    *query)
{
  BpDeck *deck = bp_search_index_get_deck (index);
  g_autoptr(GPtrArray) results = g_ptr_array_new ();
  guint n_titles = 0;

  for (BpSearchMatch rank = BP_SEARCH_MATCH_TITLE; rank > BP_SEARCH_MATCH_NONE; rank--)
    for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
      if (bp_search_index_match (index, bp_deck_get_question (deck, i), query) == rank)
        {
          g_ptr_array_add (results, bp_deck_get_question (deck, i));
          n_titles += rank == BP_SEARCH_MATCH_TITLE;
        }

  return format_results (results, n_titles);
}

/* Compares the index with the reference on random queries; returns the query times. */
static GArray *
compare_with_reference (BpSearchIndex *index,
                        GeneratedDeck *generated,
                        guint          n_queries,
                        guint32        seed)
{
  g_autoptr(GArray) reference = reference_index (generated);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_empty = 0;

  for (guint i = 0; i < n_queries; i++)
    {
      g_autofree char *query = random_query (rand);
      g_autofree char *expected = reference_query (reference, query);
      g_autofree char *numbers = NULL;
      g_autoptr(GPtrArray) results = NULL;
      guint n_titles;
      gint64 start;
      double elapsed_ms;

      start = g_get_monotonic_time ();
      results = bp_search_index_query (index, query, &n_titles);
      elapsed_ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, elapsed_ms);

      numbers = format_results (results, n_titles);
      if (g_strcmp0 (numbers, expected) != 0)
        g_test_message ("query “%s”", query);
      g_assert_cmpstr (numbers, ==, expected);
      n_empty += results->len == 0;

      /* The filter's view of the same query, for some of them: it is slower to ask. */
      if (i % 20 == 0)
        {
          g_autofree char *matched = match_numbers (index, query);

          g_assert_cmpstr (matched, ==, expected);
        }
    }

  /* Enough queries must find something for the comparison to mean anything. */
  g_test_message ("%u random queries, %u with no match", n_queries, n_empty);
  g_assert_cmpuint (n_empty, <, n_queries / 2);

  return times;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* Times are reported, never asserted: speed targets live in the benchmarks. */
static void
test_large_deck (void)
{
  g_autoptr(GeneratedDeck) generated = NULL;
  g_autoptr(BpDeck) deck = NULL;
  g_autoptr(BpSearchIndex) index = NULL;
  g_autoptr(GArray) times = NULL;
  guint n_questions = g_getenv ("BP_TEST_UNDER_MEMCHECK") != NULL
                      ? LARGE_DECK_QUESTIONS_UNDER_MEMCHECK : LARGE_DECK_QUESTIONS;
  gint64 start;

  generated = deck_generator_generate (n_questions, LARGE_DECK_SEED, TRUE);
  deck = parse_deck (generated->markdown, BP_DECK_TRUSTED);
  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, n_questions);

  start = g_get_monotonic_time ();
  index = bp_search_index_new (deck);
  g_test_message ("%u questions, %zu bytes of markdown: index built in %.1f ms",
                  n_questions, strlen (generated->markdown),
                  (g_get_monotonic_time () - start) / 1000.0);

  times = compare_with_reference (index, generated, N_RANDOM_QUERIES, LARGE_DECK_SEED);
  g_array_sort (times, compare_doubles);
  g_test_message ("query: median %.3f ms, slowest %.3f ms",
                  g_array_index (times, double, times->len / 2),
                  g_array_index (times, double, times->len - 1));
}

static void
test_generated_untrusted (void)
{
  g_autoptr(GeneratedDeck) generated = deck_generator_generate (500, 7, FALSE);
  g_autoptr(BpSearchIndex) index = index_markdown (generated->markdown, BP_DECK_UNTRUSTED);
  g_autoptr(GArray) times = compare_with_reference (index, generated, 200, 7);
}

static void
test_generator_deterministic (void)
{
  g_autoptr(GeneratedDeck) first = deck_generator_generate (50, 1, TRUE);
  g_autoptr(GeneratedDeck) again = deck_generator_generate (50, 1, TRUE);
  g_autoptr(GeneratedDeck) other = deck_generator_generate (50, 2, TRUE);

  g_assert_cmpstr (first->markdown, ==, again->markdown);
  g_assert_cmpstr (first->markdown, !=, other->markdown);
  g_assert_cmpuint (first->titles->len, ==, 50);
  g_assert_cmpuint (first->answers->len, ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/normalize/case", test_normalize_case);
  g_test_add_func ("/search/normalize/accents", test_normalize_accents);
  g_test_add_func ("/search/normalize/sharp-s", test_normalize_sharp_s);
  g_test_add_func ("/search/normalize/compatibility", test_normalize_compatibility);
  g_test_add_func ("/search/normalize/quotes-and-dashes", test_normalize_quotes_and_dashes);
  g_test_add_func ("/search/normalize/greek", test_normalize_greek);
  g_test_add_func ("/search/normalize/empty", test_normalize_empty);
  g_test_add_func ("/search/normalize/digits-and-scripts", test_normalize_digits_and_scripts);
  g_test_add_func ("/search/highlight", test_highlight);

  g_test_add_func ("/search/builtin/momentum", test_builtin_momentum);
  g_test_add_func ("/search/builtin/batch-normalization", test_builtin_batch_normalization);
  g_test_add_func ("/search/builtin/lstm-gate", test_builtin_lstm_gate);
  g_test_add_func ("/search/builtin/no-match", test_builtin_no_match);
  g_test_add_func ("/search/builtin/page-text", test_builtin_page_text);
  g_test_add_func ("/search/builtin/empty-query", test_builtin_empty_query);

  g_test_add_func ("/search/match/prefixes", test_match_prefixes);
  g_test_add_func ("/search/match/normalized-text", test_match_normalized_text);
  g_test_add_func ("/search/match/page-text", test_match_page_text);
  g_test_add_func ("/search/match/untrusted", test_match_untrusted);
  g_test_add_func ("/search/match/function", test_match_function);
  g_test_add_func ("/search/match/foreign-question", test_match_foreign_question);

  g_test_add_func ("/search/ranking/title-first", test_ranking);
  g_test_add_func ("/search/ranking/deck-order", test_ranking_deck_order_not_numbers);

  g_test_add_func ("/search/rank/builtin-dropout", test_rank_builtin_dropout);
  g_test_add_func ("/search/rank/title-and-frequency", test_rank_title_and_frequency);
  g_test_add_func ("/search/rank/rare-words", test_rank_rare_words);
  g_test_add_func ("/search/rank/finished-words", test_rank_finished_words);
  g_test_add_func ("/search/rank/prefix-last-word-only", test_rank_prefix_last_word_only);
  g_test_add_func ("/search/snippet", test_snippet);

  g_test_add_func ("/search/generated/deterministic", test_generator_deterministic);
  g_test_add_func ("/search/generated/untrusted", test_generated_untrusted);
  g_test_add_func ("/search/generated/large", test_large_deck);

  return g_test_run ();
}
