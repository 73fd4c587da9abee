/* test-deck-parser.c: the markdown deck parser, the built-in deck and BpDeck as a list model
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-deck-parser.h"
#include "deck-generator.h"
#include "bp-html-sanitizer.h"
#include "bp-page-renderer.h"

#define TEST_DECK_ID "test"

/* The built-in deck's questions, as resources/deck/deep-learning.md writes them. The
 * parser uses cmark's smart punctuation, so Q18's "SGD's" becomes "SGD’s" (U+2019). */
static const char * const builtin_titles[] = {
  "What are autoencoders, what layers do they have, and what are three practical uses?",
  "What is an activation function, why is it needed, and what are three common types?",
  "Your deep network overfits the training set and does poorly on the test set. "
    "How do you reduce overfitting?",
  "Why should we use batch normalization?",
  "How can you tell whether your model suffers from exploding gradients?",
  "Can you name and explain some hyperparameters used to train a neural network?",
  "What is parameter sharing in deep learning?",
  "What does the architecture of a typical convolutional neural network (CNN) look like?",
  "What is the vanishing gradient problem in neural networks, and how can you fix it?",
  "Why might the training loss of a neural network not decrease over the first few epochs?",
  "Why are sigmoid and tanh usually avoided as activation functions in hidden layers?",
  "When is transfer learning recommended, and when is it not?",
  "What causes vanishing gradients in RNNs, and how can the problem be solved?",
  "What are the main gates of an LSTM and what does each one do?",
  "Is it a good idea to use a CNN to classify a 1D signal?",
  "How does L1 or L2 regularization affect a neural network?",
  "How would you turn a pre-trained classification network into a regression model?",
  "What can happen if you set SGD\u2019s momentum hyperparameter too close to 1 (e.g. 0.9999)?",
  "Which hyperparameters of a batch normalization layer can be tuned?",
  "How does dropout affect the training and prediction speed of a deep learning model?",
  "What advantages does deep learning have over traditional machine learning?",
  "What is a depthwise separable convolution layer, and what are its advantages?",
};

/* Saved study data is keyed by these ids: changing any of them loses a user's progress. */
static const char * const builtin_ids[] = {
  "deep-learning/what-are-autoencoders-what-layers-do-they-have-and-what-are",
  "deep-learning/what-is-an-activation-function-why-is-it-needed-and-what-are",
  "deep-learning/your-deep-network-overfits-the-training-set-and-does-poorly",
  "deep-learning/why-should-we-use-batch-normalization",
  "deep-learning/how-can-you-tell-whether-your-model-suffers-from-exploding-g",
  "deep-learning/can-you-name-and-explain-some-hyperparameters-used-to-train",
  "deep-learning/what-is-parameter-sharing-in-deep-learning",
  "deep-learning/what-does-the-architecture-of-a-typical-convolutional-neural",
  "deep-learning/what-is-the-vanishing-gradient-problem-in-neural-networks-an",
  "deep-learning/why-might-the-training-loss-of-a-neural-network-not-decrease",
  "deep-learning/why-are-sigmoid-and-tanh-usually-avoided-as-activation-funct",
  "deep-learning/when-is-transfer-learning-recommended-and-when-is-it-not",
  "deep-learning/what-causes-vanishing-gradients-in-rnns-and-how-can-the-prob",
  "deep-learning/what-are-the-main-gates-of-an-lstm-and-what-does-each-one-do",
  "deep-learning/is-it-a-good-idea-to-use-a-cnn-to-classify-a-1d-signal",
  "deep-learning/how-does-l1-or-l2-regularization-affect-a-neural-network",
  "deep-learning/how-would-you-turn-a-pre-trained-classification-network-into",
  "deep-learning/what-can-happen-if-you-set-sgd-s-momentum-hyperparameter-too",
  "deep-learning/which-hyperparameters-of-a-batch-normalization-layer-can-be",
  "deep-learning/how-does-dropout-affect-the-training-and-prediction-speed-of",
  "deep-learning/what-advantages-does-deep-learning-have-over-traditional-mac",
  "deep-learning/what-is-a-depthwise-separable-convolution-layer-and-what-are",
};

G_STATIC_ASSERT (G_N_ELEMENTS (builtin_titles) == 22);
G_STATIC_ASSERT (G_N_ELEMENTS (builtin_ids) == 22);

static BpDeck *
parse_ok (const char  *text,
          gssize       length,
          BpDeckTrust  trust)
{
  g_autoptr(GError) error = NULL;
  BpDeck *deck;

  deck = bp_deck_parser_parse (TEST_DECK_ID, text, length, trust, &error);
  g_assert_no_error (error);
  g_assert_true (BP_IS_DECK (deck));

  return deck;
}

static BpDeck *
parse_builtin (void)
{
  g_autoptr(GError) error = NULL;
  BpDeck *deck;

  deck = bp_deck_parser_parse_builtin (&error);
  g_assert_no_error (error);
  g_assert_true (BP_IS_DECK (deck));

  return deck;
}

/* Parsing @text must fail with @code; returns the message. */
static char *
parse_fails (const char        *text,
             gssize             length,
             BpDeckParserError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = NULL;

  deck = bp_deck_parser_parse (TEST_DECK_ID, text, length, BP_DECK_UNTRUSTED, &error);
  g_assert_error (error, BP_DECK_PARSER_ERROR, (gint) code);
  g_assert_null (deck);
  g_test_message ("error: %s", error->message);

  return g_strdup (error->message);
}

static BpQuestion *
question_at (BpDeck *deck,
             guint   position)
{
  BpQuestion *question = bp_deck_get_question (deck, position);

  g_assert_nonnull (question);
  return question;
}

static char *
answer_html (BpDeck *deck,
             guint   position)
{
  return bp_page_renderer_render_answer (question_at (deck, position));
}

static const char *
title_at (BpDeck *deck,
          guint   position)
{
  return bp_question_get_title (question_at (deck, position));
}

static const char *
id_at (BpDeck *deck,
       guint   position)
{
  return bp_question_get_id (question_at (deck, position));
}

/* The slug of a question id, after "<deck id>/". */
static const char *
slug_of (const char *id)
{
  g_assert_true (g_str_has_prefix (id, TEST_DECK_ID "/"));
  return id + strlen (TEST_DECK_ID "/");
}

/* The built-in deck */

static void
test_builtin_n_questions (void)
{
  g_autoptr(BpDeck) deck = parse_builtin ();

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 22);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (deck)), ==, 22);
}

static void
test_builtin_numbers (void)
{
  g_autoptr(BpDeck) deck = parse_builtin ();

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 22);
  for (guint i = 0; i < 22; i++)
    g_assert_cmpuint (bp_question_get_number (question_at (deck, i)), ==, i + 1);
}

static void
test_builtin_titles (void)
{
  g_autoptr(BpDeck) deck = parse_builtin ();

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, G_N_ELEMENTS (builtin_titles));
  for (guint i = 0; i < G_N_ELEMENTS (builtin_titles); i++)
    g_assert_cmpstr (title_at (deck, i), ==, builtin_titles[i]);
}

static void
test_builtin_ids (void)
{
  g_autoptr(BpDeck) deck = parse_builtin ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, G_N_ELEMENTS (builtin_ids));
  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      const char *id = id_at (deck, i);

      g_assert_cmpstr (id, ==, builtin_ids[i]);
      g_assert_cmpuint (strlen (id), <=, strlen ("deep-learning/") + 60);
      g_assert_true (g_regex_match_simple ("^deep-learning/[a-z0-9]+(-[a-z0-9]+)*$", id, 0, 0));
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (char *)id);
      g_assert_true (bp_deck_find_by_id (deck, id) == question_at (deck, i));
    }
}

static void
test_builtin_deck (void)
{
  g_autoptr(BpDeck) deck = parse_builtin ();

  g_assert_cmpstr (bp_deck_get_id (deck), ==, BP_BUILTIN_DECK_ID);
  g_assert_cmpstr (bp_deck_get_id (deck), ==, "deep-learning");
  g_assert_cmpstr (bp_deck_get_title (deck), ==, "Deep Learning");
  g_assert_true (bp_deck_get_trusted (deck));

  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    {
      BpQuestion *question = question_at (deck, i);

      g_assert_true (bp_question_get_trusted (question));
      g_assert_true (bp_question_has_answer (question));
    }
}

/* The built-in answers are split at the right place: each one has its own sub-headings,
 * and none swallows the next question or the deck's introduction. */
static void
test_builtin_answers (void)
{
  g_autoptr(BpDeck) deck = parse_builtin ();
  g_autofree char *first = answer_html (deck, 0);
  g_autofree char *seventeenth = answer_html (deck, 16);
  g_autofree char *last = answer_html (deck, 21);

  g_assert_true (g_str_has_prefix (first, "<p>An autoencoder is a neural network"));
  g_assert_nonnull (strstr (first, "<h4>The layers</h4>"));
  g_assert_null (strstr (first, "Twenty-two classic"));
  g_assert_null (strstr (first, "Q2:"));
  g_assert_null (strstr (first, "An activation function is"));

  g_assert_nonnull (strstr (seventeenth, "<h4>Example in PyTorch</h4>"));
  g_assert_nonnull (strstr (seventeenth, "<pre><code class=\"language-python\">"));

  g_assert_nonnull (strstr (last, "<h4>Limitations</h4>"));
}

/* Where an answer ends */

static void
test_answer_stops_at_next_question (void)
{
  static const char deck_text[] =
    "# Small\n"
    "\n"
    "### Q1: First?\n"
    "\n"
    "The first answer.\n"
    "\n"
    "### Q2: Second?\n"
    "\n"
    "The second answer.\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 2);
  first = answer_html (deck, 0);
  second = answer_html (deck, 1);

  g_assert_cmpstr (first, ==, "<p>The first answer.</p>\n");
  g_assert_cmpstr (second, ==, "<p>The second answer.</p>\n");
  g_assert_null (strstr (first, "Second"));
  g_assert_null (strstr (first, "second answer"));
}

static void
test_answer_keeps_subheadings (void)
{
  static const char deck_text[] =
    "### Q1: First?\n"
    "\n"
    "Intro.\n"
    "\n"
    "## A level-2 heading\n"
    "\n"
    "Under it.\n"
    "\n"
    "### Not a question\n"
    "\n"
    "Still the first answer.\n"
    "\n"
    "#### Details\n"
    "\n"
    "### Q2: Second?\n"
    "\n"
    "Two.\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autofree char *first = NULL;

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 2);
  g_assert_cmpstr (title_at (deck, 1), ==, "Second?");

  first = answer_html (deck, 0);
  g_assert_cmpstr (first, ==,
                   "<p>Intro.</p>\n"
                   "<h2>A level-2 heading</h2>\n"
                   "<p>Under it.</p>\n"
                   "<h3>Not a question</h3>\n"
                   "<p>Still the first answer.</p>\n"
                   "<h4>Details</h4>\n");
}

static void
test_answer_empty (void)
{
  static const char deck_text[] =
    "### Q1: Not answered yet?\n"
    "### Q2: Answered?\n"
    "\n"
    "Yes.\n"
    "\n"
    "### Q3: Last and empty?\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 3);
  g_assert_false (bp_question_has_answer (question_at (deck, 0)));
  g_assert_true (bp_question_has_answer (question_at (deck, 1)));
  g_assert_false (bp_question_has_answer (question_at (deck, 2)));

  first = answer_html (deck, 0);
  second = answer_html (deck, 1);
  third = answer_html (deck, 2);
  g_assert_nonnull (strstr (first, "no answer yet"));
  g_assert_nonnull (strstr (third, "no answer yet"));
  g_assert_cmpstr (second, ==, "<p>Yes.</p>\n");
}

static void
test_answer_fenced_code (void)
{
  static const char deck_text[] =
    "### Q1: Code?\n"
    "\n"
    "```markdown\n"
    "### Q9: x\n"
    "```\n"
    "\n"
    "~~~\n"
    "### Q10: y\n"
    "~~~\n"
    "\n"
    "After the code.\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autofree char *html = NULL;

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 1);
  g_assert_null (bp_deck_find_by_number (deck, 9));
  g_assert_null (bp_deck_find_by_number (deck, 10));

  html = answer_html (deck, 0);
  g_assert_cmpstr (html, ==,
                   "<pre><code class=\"language-markdown\">### Q9: x\n</code></pre>\n"
                   "<pre><code>### Q10: y\n</code></pre>\n"
                   "<p>After the code.</p>\n");
}

static void
test_answer_indented_code (void)
{
  static const char deck_text[] =
    "### Q1: Code?\n"
    "\n"
    "Before.\n"
    "\n"
    "    ### Q9: x\n"
    "\n"
    "After.\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autofree char *html = NULL;

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 1);
  g_assert_null (bp_deck_find_by_number (deck, 9));

  html = answer_html (deck, 0);
  g_assert_cmpstr (html, ==,
                   "<p>Before.</p>\n"
                   "<pre><code>### Q9: x\n</code></pre>\n"
                   "<p>After.</p>\n");
}

/* Errors */

static void
test_error_no_questions (void)
{
  static const char deck_text[] =
    "# A deck\n"
    "\n"
    "## Q1: a level-2 heading\n"
    "## Contributing\n"
    "\n"
    "Some text, and `### Q2: in code`.\n";
  g_autofree char *message = parse_fails (deck_text, -1, BP_DECK_PARSER_ERROR_NO_QUESTIONS);

  g_assert_nonnull (strstr (message, "level-3 heading"));
  g_assert_nonnull (strstr (message, "### Q1:"));
}

static void
test_error_empty_document (void)
{
  g_autofree char *empty = parse_fails ("", -1, BP_DECK_PARSER_ERROR_NO_QUESTIONS);
  g_autofree char *no_length = parse_fails ("### Q1: x", 0, BP_DECK_PARSER_ERROR_NO_QUESTIONS);
  g_autofree char *blank = parse_fails ("\n\n   \n", -1, BP_DECK_PARSER_ERROR_NO_QUESTIONS);

  g_assert_nonnull (strstr (empty, "### Q1:"));
  g_assert_nonnull (strstr (no_length, "### Q1:"));
  g_assert_nonnull (strstr (blank, "### Q1:"));
}

static void
test_error_invalid_utf8 (void)
{
  static const char deck_text[] =
    "### Q1: Fine?\n"
    "\n"
    "Caf\xe9 au lait.\n";
  static const char truncated[] =
    "### Q1: Fine?\n"
    "\n"
    "\n"
    "\n"
    "An unfinished \xe2\x82";
  g_autofree char *message = parse_fails (deck_text, -1, BP_DECK_PARSER_ERROR_INVALID_UTF8);
  g_autofree char *truncated_message = parse_fails (truncated, -1,
                                                    BP_DECK_PARSER_ERROR_INVALID_UTF8);
  g_autofree char *first_line = parse_fails ("\xff### Q1: x\n", -1,
                                             BP_DECK_PARSER_ERROR_INVALID_UTF8);

  g_assert_nonnull (strstr (message, "line 3 "));
  g_assert_nonnull (strstr (truncated_message, "line 5 "));
  g_assert_nonnull (strstr (first_line, "line 1 "));
}

static void
test_error_empty_title (void)
{
  static const char deck_text[] =
    "# Deck\n"
    "\n"
    "### Q1: Fine?\n"
    "\n"
    "Yes.\n"
    "\n"
    "### Q3:\n"
    "\n"
    "An answer without a question.\n";
  g_autofree char *message = parse_fails (deck_text, -1, BP_DECK_PARSER_ERROR_EMPTY_TITLE);
  g_autofree char *spaces = parse_fails ("### Q4:    \n", -1, BP_DECK_PARSER_ERROR_EMPTY_TITLE);
  g_autofree char *markup = parse_fails ("\n### Q5: ###\n", -1,
                                         BP_DECK_PARSER_ERROR_EMPTY_TITLE);

  g_assert_nonnull (strstr (message, "line 7"));
  g_assert_nonnull (strstr (message, "Q3:"));
  g_assert_nonnull (strstr (spaces, "line 1"));
  g_assert_nonnull (strstr (markup, "line 2"));
}

/* Titles */

static void
test_title_inline_markup (void)
{
  static const char deck_text[] =
    "### Q1: What is *batch* `norm` [here](http://x)?\n"
    "### Q2: A **strong** _and_ __bold__ ![image alt](pic.png) title\n"
    "### Q3: Keeps `a * b` and <span>html</span> text\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_TRUSTED);

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 3);
  g_assert_cmpstr (title_at (deck, 0), ==, "What is batch norm here?");
  g_assert_cmpstr (title_at (deck, 1), ==, "A strong and bold image alt title");
  g_assert_cmpstr (title_at (deck, 2), ==, "Keeps a * b and html text");
  g_assert_cmpstr (id_at (deck, 0), ==, "test/what-is-batch-norm-here");
}

static void
test_title_closed_heading (void)
{
  static const char deck_text[] =
    "### Q1: Title ###\n"
    "### Q2: Another one #####   \n"
    "### Q3: Keeps C# and a#b\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 3);
  g_assert_cmpstr (title_at (deck, 0), ==, "Title");
  g_assert_cmpstr (title_at (deck, 1), ==, "Another one");
  g_assert_cmpstr (title_at (deck, 2), ==, "Keeps C# and a#b");
  g_assert_cmpstr (id_at (deck, 0), ==, "test/title");
}

static void
test_title_whitespace (void)
{
  static const char deck_text[] =
    "   ###    Q1:     Padded   title\t  \n"
    "### Q2:\tTabbed\n"
    "### Q3: Two  inner   spaces\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 3);
  g_assert_cmpstr (title_at (deck, 0), ==, "Padded title");
  g_assert_cmpstr (title_at (deck, 1), ==, "Tabbed");
  g_assert_cmpstr (title_at (deck, 2), ==, "Two inner spaces");
}

static void
test_title_non_ascii (void)
{
  static const char deck_text[] =
    "### Q1: Qu'est-ce qu'une régularisation L² ?\n"
    "### Q2: Τι είναι η οπισθοδιάδοση;\n"
    "### Q3: 什么是反向传播？\n"
    "### Q4: Что такое «dropout»?\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 4);
  /* Smart punctuation turns the apostrophes into U+2019; every other character is kept. */
  g_assert_cmpstr (title_at (deck, 0), ==, "Qu\u2019est-ce qu\u2019une régularisation L² ?");
  g_assert_cmpstr (title_at (deck, 1), ==, "Τι είναι η οπισθοδιάδοση;");
  g_assert_cmpstr (title_at (deck, 2), ==, "什么是反向传播？");
  g_assert_cmpstr (title_at (deck, 3), ==, "Что такое «dropout»?");

  /* Accented Latin is transliterated into the slug. (The "²" is currently dropped, not
   * turned into "2": only the prefix is pinned.) */
  g_assert_true (g_str_has_prefix (id_at (deck, 0), "test/qu-est-ce-qu-une-regularisation-l"));

  for (guint i = 0; i < 4; i++)
    {
      const char *id = id_at (deck, i);

      g_assert_true (g_utf8_validate (title_at (deck, i), -1, NULL));
      g_assert_true (g_regex_match_simple ("^test/[a-z0-9]+(-[a-z0-9]+)*$", id, 0, 0));
      g_assert_true (bp_deck_find_by_id (deck, id) == question_at (deck, i));
    }
}

static void
test_title_cjk_id (void)
{
  static const char deck_text[] =
    "### Q1: 什么是反向传播？\n"
    "### Q2: 什么是卷积？\n"
    "### Q3: Τι είναι η οπισθοδιάδοση;\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autoptr(BpDeck) again = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autoptr(BpDeck) alone = NULL;

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const char *slug = slug_of (id_at (deck, i));

      g_assert_cmpuint (strlen (slug), >, 0);
      g_assert_true (g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", slug, 0, 0));
      g_assert_cmpstr (id_at (again, i), ==, id_at (deck, i));
    }

  /* Different titles written without Latin letters still get different ids, and each id
   * comes from the title alone, not from where the question sits in the deck. */
  g_assert_cmpstr (id_at (deck, 0), !=, id_at (deck, 1));
  g_assert_cmpstr (id_at (deck, 0), !=, id_at (deck, 2));
  g_assert_cmpstr (id_at (deck, 1), !=, id_at (deck, 2));
  g_assert_false (g_str_has_suffix (id_at (deck, 1), "-2"));

  alone = parse_ok ("### Q7: 什么是卷积？\n", -1, BP_DECK_UNTRUSTED);
  g_assert_cmpstr (id_at (alone, 0), ==, id_at (deck, 1));
}

static void
test_title_math_alphanumerics (void)
{
  static const char deck_text[] =
    "### Q1: 𝐇𝐨𝐰 𝐰𝐨𝐮𝐥𝐝 𝐲𝐨𝐮 𝐬𝐜𝐚𝐥𝐞 𝐢𝐭?\n"
    "### Q2: 𝑊𝑒 𝑢𝑠𝑒 𝐋𝟐 𝘥𝘳𝘰𝘱𝘰𝘶𝘵 𝛂?\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 2);
  g_assert_cmpstr (title_at (deck, 0), ==, "How would you scale it?");
  g_assert_cmpstr (id_at (deck, 0), ==, "test/how-would-you-scale-it");
  g_assert_true (g_str_has_prefix (slug_of (id_at (deck, 0)), "how-would-you"));

  /* Italic, bold digits, sans-serif italic and bold Greek all fold to plain letters. */
  g_assert_cmpstr (title_at (deck, 1), ==, "We use L2 dropout α?");
  g_assert_cmpstr (slug_of (id_at (deck, 1)), ==, "we-use-l2-dropout");
}

static void
test_title_letterlike_symbols (void)
{
  /* Math italic h and the double-struck capitals live outside the math block; ™ is no letter. */
  g_autoptr(BpDeck) deck = parse_ok ("### Q1: 𝑊ℎ𝑎𝑡 maps ℝ to ℤ™?\n", -1, BP_DECK_UNTRUSTED);

  g_assert_cmpstr (title_at (deck, 0), ==, "What maps R to Z™?");
}

static void
test_id_superscripts (void)
{
  /* Superscripts count in ids: these are two titles, not one title twice. */
  g_autoptr(BpDeck) deck = parse_ok ("### Q1: What does L¹ do?\n"
                                     "### Q2: What does L² do?\n",
                                     -1, BP_DECK_UNTRUSTED);

  g_assert_cmpstr (id_at (deck, 0), ==, "test/what-does-l1-do");
  g_assert_cmpstr (id_at (deck, 1), ==, "test/what-does-l2-do");
  g_assert_cmpstr (title_at (deck, 1), ==, "What does L² do?");
}

static void
test_deck_blank_title (void)
{
  g_autoptr(BpDeck) deck = parse_ok ("#\n\n### Q1: One\n", -1, BP_DECK_UNTRUSTED);

  g_assert_cmpstr (bp_deck_get_title (deck), ==, "test");
}

/* Line endings */

static void
assert_same_decks (BpDeck *expected,
                   BpDeck *actual)
{
  g_assert_cmpuint (bp_deck_get_n_questions (actual), ==, bp_deck_get_n_questions (expected));
  g_assert_cmpstr (bp_deck_get_title (actual), ==, bp_deck_get_title (expected));

  for (guint i = 0; i < bp_deck_get_n_questions (expected); i++)
    {
      g_autofree char *expected_html = answer_html (expected, i);
      g_autofree char *actual_html = answer_html (actual, i);

      g_assert_cmpuint (bp_question_get_number (question_at (actual, i)), ==,
                        bp_question_get_number (question_at (expected, i)));
      g_assert_cmpstr (title_at (actual, i), ==, title_at (expected, i));
      g_assert_cmpstr (id_at (actual, i), ==, id_at (expected, i));
      g_assert_cmpstr (actual_html, ==, expected_html);
    }
}

static const char line_ending_deck[] =
  "# Endings\n"
  "\n"
  "### Q1: First ###\n"
  "\n"
  "A paragraph\n"
  "on two lines.\n"
  "\n"
  "```\n"
  "code line 1\n"
  "### Q9: in code\n"
  "```\n"
  "\n"
  "### Q2: Second?\n"
  "\n"
  "- item\n"
  "- item two\n"
  "\n"
  "### Q3:\tThird\n";

static char *
with_line_endings (const char *text,
                   const char *ending)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv (ending, lines);
}

static void
test_line_endings_crlf (void)
{
  g_autofree char *crlf = with_line_endings (line_ending_deck, "\r\n");
  g_autoptr(BpDeck) lf_deck = parse_ok (line_ending_deck, -1, BP_DECK_UNTRUSTED);
  g_autoptr(BpDeck) crlf_deck = parse_ok (crlf, -1, BP_DECK_UNTRUSTED);
  g_autofree char *code = NULL;

  g_assert_nonnull (strstr (crlf, "\r\n"));
  g_assert_cmpuint (bp_deck_get_n_questions (lf_deck), ==, 3);
  g_assert_cmpstr (bp_deck_get_title (lf_deck), ==, "Endings");
  g_assert_cmpstr (title_at (lf_deck, 0), ==, "First");
  g_assert_cmpstr (title_at (lf_deck, 2), ==, "Third");
  assert_same_decks (lf_deck, crlf_deck);

  code = answer_html (crlf_deck, 0);
  g_assert_null (strchr (code, '\r'));
}

static void
test_line_endings_cr (void)
{
  g_autofree char *cr = with_line_endings (line_ending_deck, "\r");
  g_autoptr(BpDeck) lf_deck = parse_ok (line_ending_deck, -1, BP_DECK_UNTRUSTED);
  g_autoptr(BpDeck) cr_deck = parse_ok (cr, -1, BP_DECK_UNTRUSTED);

  g_assert_null (strchr (cr, '\n'));
  assert_same_decks (lf_deck, cr_deck);
}

static void
test_line_endings_empty_title_line (void)
{
  g_autofree char *crlf = with_line_endings ("### Q1: x\n\n### Q2:\n", "\r\n");
  g_autofree char *cr = with_line_endings ("### Q1: x\n\n### Q2:\n", "\r");
  g_autofree char *crlf_message = parse_fails (crlf, -1, BP_DECK_PARSER_ERROR_EMPTY_TITLE);
  g_autofree char *cr_message = parse_fails (cr, -1, BP_DECK_PARSER_ERROR_EMPTY_TITLE);

  g_assert_nonnull (strstr (crlf_message, "line 3"));
  g_assert_nonnull (strstr (cr_message, "line 3"));
}

static void
test_line_endings_invalid_utf8_line (void)
{
  static const char deck_text[] = "### Q1: x\n\nText.\nCaf\xe9\n";
  g_autofree char *crlf = with_line_endings (deck_text, "\r\n");
  g_autofree char *cr = with_line_endings (deck_text, "\r");
  g_autofree char *lf_message = parse_fails (deck_text, -1, BP_DECK_PARSER_ERROR_INVALID_UTF8);
  g_autofree char *crlf_message = parse_fails (crlf, -1, BP_DECK_PARSER_ERROR_INVALID_UTF8);
  g_autofree char *cr_message = parse_fails (cr, -1, BP_DECK_PARSER_ERROR_INVALID_UTF8);

  g_assert_nonnull (strstr (lf_message, "line 4 "));
  g_assert_nonnull (strstr (crlf_message, "line 4 "));
  g_assert_nonnull (strstr (cr_message, "line 4 "));
}

/* Ids */

static void
test_id_duplicate_titles (void)
{
  static const char deck_text[] =
    "### Q1: Why?\n"
    "\n"
    "One.\n"
    "\n"
    "### Q2: Why?\n"
    "\n"
    "Two.\n"
    "\n"
    "### Q3: *Why*?\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autoptr(BpDeck) again = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 3);
  g_assert_cmpstr (id_at (deck, 0), ==, "test/why");
  g_assert_cmpstr (id_at (deck, 1), ==, "test/why-2");
  g_assert_cmpstr (id_at (deck, 2), ==, "test/why-3");
  g_assert_true (g_str_has_suffix (id_at (deck, 1), "-2"));

  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (id_at (again, i), ==, id_at (deck, i));
      g_assert_true (bp_deck_find_by_id (deck, id_at (deck, i)) == question_at (deck, i));
    }
}

static void
test_id_stable_across_parses (void)
{
  g_autoptr(BpDeck) deck = parse_builtin ();
  g_autoptr(BpDeck) again = parse_builtin ();

  g_assert_true (deck != again);
  g_assert_cmpuint (bp_deck_get_n_questions (again), ==, bp_deck_get_n_questions (deck));
  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    g_assert_cmpstr (id_at (again, i), ==, id_at (deck, i));
}

static void
test_id_independent_of_position (void)
{
  static const char before[] =
    "### Q1: Alpha?\n"
    "### Q2: Beta?\n";
  static const char after[] =
    "### Q1: Inserted first?\n"
    "### Q2: Alpha?\n"
    "### Q3: A new one between\n"
    "### Q4: Beta?\n";
  g_autoptr(BpDeck) old_deck = parse_ok (before, -1, BP_DECK_UNTRUSTED);
  g_autoptr(BpDeck) new_deck = parse_ok (after, -1, BP_DECK_UNTRUSTED);

  g_assert_cmpstr (id_at (old_deck, 0), ==, "test/alpha");
  g_assert_cmpstr (id_at (old_deck, 1), ==, "test/beta");
  g_assert_cmpstr (id_at (new_deck, 1), ==, "test/alpha");
  g_assert_cmpstr (id_at (new_deck, 3), ==, "test/beta");

  /* Renumbering does not move the id either. */
  g_assert_cmpuint (bp_question_get_number (bp_deck_find_by_id (new_deck, "test/beta")), ==, 4);
}

/* Which headings start a question */

static void
test_heading_levels (void)
{
  static const char deck_text[] =
    "### Q1: Real\n"
    "\n"
    "## Q2: level two\n"
    "\n"
    "#### Q3: level four\n"
    "\n"
    "Q4: setext level two\n"
    "--------------------\n"
    "\n"
    "> ### Q5: quoted\n"
    "\n"
    "- ### Q6: in a list\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autofree char *html = NULL;

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 1);
  g_assert_cmpstr (title_at (deck, 0), ==, "Real");

  html = answer_html (deck, 0);
  g_assert_nonnull (strstr (html, "<h2>Q2: level two</h2>"));
  g_assert_nonnull (strstr (html, "<h4>Q3: level four</h4>"));
  g_assert_nonnull (strstr (html, "<h2>Q4: setext level two</h2>"));
  g_assert_nonnull (strstr (html, "<h3>Q5: quoted</h3>"));
  g_assert_nonnull (strstr (html, "<h3>Q6: in a list</h3>"));
}

static void
test_heading_shapes (void)
{
  static const char deck_text[] =
    "### Q1 : spaced\n"
    "### Q12:x\n"
    "### q1: lower\n"
    "### Question 1: x\n"
    "### Q: no number\n"
    "### Q1 no colon\n"
    "### Q-1: negative\n"
    "### Q007: leading zeros\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autofree char *html = NULL;

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 3);

  g_assert_cmpuint (bp_question_get_number (question_at (deck, 0)), ==, 1);
  g_assert_cmpstr (title_at (deck, 0), ==, "spaced");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 1)), ==, 12);
  g_assert_cmpstr (title_at (deck, 1), ==, "x");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 2)), ==, 7);
  g_assert_cmpstr (title_at (deck, 2), ==, "leading zeros");

  html = answer_html (deck, 1);
  g_assert_cmpstr (html, ==,
                   "<h3>q1: lower</h3>\n"
                   "<h3>Question 1: x</h3>\n"
                   "<h3>Q: no number</h3>\n"
                   "<h3>Q1 no colon</h3>\n"
                   "<h3>Q-1: negative</h3>\n");
}

static void
test_heading_number_overflow (void)
{
  static const char deck_text[] =
    "### Q1: Real\n"
    "### Q99999999999999999999: too big\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);

  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 1);
  g_assert_true (bp_question_has_answer (question_at (deck, 0)));
}

static void
test_deck_title (void)
{
  g_autoptr(BpDeck) untitled = parse_ok ("## Not a title\n\n### Q1: x\n", -1, BP_DECK_UNTRUSTED);
  g_autoptr(BpDeck) titled = parse_ok ("# *My* deck #\n\n# Second\n\n### Q1: x\n\n# In answer\n",
                                       -1, BP_DECK_UNTRUSTED);

  g_assert_cmpstr (bp_deck_get_title (untitled), ==, TEST_DECK_ID);
  g_assert_cmpstr (bp_deck_get_title (titled), ==, "My deck");
  g_assert_false (bp_deck_get_trusted (titled));
  g_assert_false (bp_question_get_trusted (question_at (titled, 0)));
}

/* BpDeck as a GListModel */

static void
test_deck_list_model (void)
{
  static const char deck_text[] =
    "### Q1: One\n"
    "### Q5: Five\n"
    "### Q2: Two\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  GListModel *model = G_LIST_MODEL (deck);
  guint n_items = 0;

  g_assert_true (G_IS_LIST_MODEL (deck));
  g_assert_true (g_list_model_get_item_type (model) == BP_TYPE_QUESTION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_object_get (deck, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BpQuestion) item = g_list_model_get_item (model, i);
      g_autoptr(GObject) object = g_list_model_get_object (model, i);

      g_assert_true (BP_IS_QUESTION (item));
      g_assert_true (item == bp_deck_get_question (deck, i));
      g_assert_true (object == G_OBJECT (item));
    }

  g_assert_cmpuint (bp_question_get_number (bp_deck_get_question (deck, 1)), ==, 5);
  g_assert_null (g_list_model_get_item (model, 3));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));
  g_assert_null (bp_deck_get_question (deck, 3));
}

static void
test_deck_list_model_refs (void)
{
  g_autoptr(BpDeck) deck = parse_ok ("### Q1: Kept\n\nAlive.\n", -1, BP_DECK_UNTRUSTED);
  g_autoptr(BpQuestion) item = g_list_model_get_item (G_LIST_MODEL (deck), 0);

  /* get_item returns a reference of its own: the question outlives the deck. */
  g_clear_object (&deck);
  g_assert_true (BP_IS_QUESTION (item));
  g_assert_cmpstr (bp_question_get_title (item), ==, "Kept");
  g_assert_true (bp_question_has_answer (item));
}

static void
test_deck_find (void)
{
  static const char deck_text[] =
    "### Q1: One\n"
    "### Q5: Five\n"
    "### Q2: Two\n"
    "### Q5: Five again\n";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  g_autoptr(BpDeck) other = parse_ok (deck_text, -1, BP_DECK_UNTRUSTED);
  BpQuestion *five;
  BpQuestion *two;
  guint position = G_MAXUINT;

  five = bp_deck_find_by_number (deck, 5);
  g_assert_nonnull (five);
  g_assert_cmpstr (bp_question_get_title (five), ==, "Five");
  two = bp_deck_find_by_number (deck, 2);
  g_assert_nonnull (two);
  g_assert_cmpstr (bp_question_get_title (two), ==, "Two");
  g_assert_null (bp_deck_find_by_number (deck, 3));
  g_assert_null (bp_deck_find_by_number (deck, 0));

  g_assert_true (bp_deck_find_by_id (deck, "test/two") == two);
  g_assert_true (bp_deck_find_by_id (deck, "test/five") == five);
  g_assert_cmpstr (bp_question_get_title (bp_deck_find_by_id (deck, "test/five-again")), ==,
                   "Five again");
  g_assert_null (bp_deck_find_by_id (deck, "two"));
  g_assert_null (bp_deck_find_by_id (deck, "other/two"));
  g_assert_null (bp_deck_find_by_id (deck, ""));
  g_assert_null (bp_deck_find_by_id (deck, NULL));

  g_assert_true (bp_deck_find_position (deck, two, &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_true (bp_deck_find_position (deck, five, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (bp_deck_find_position (deck, two, NULL));

  /* The same question from another parse is another object. */
  position = 42;
  g_assert_false (bp_deck_find_position (deck, bp_deck_get_question (other, 2), &position));
  g_assert_cmpuint (position, ==, 42);
}

/* Links */

static const char * const unsafe_urls[] = {
  "javascript:alert(1)",
  "JavaScript:alert(document.cookie)",
  " javascript:alert(2)",
  "<javascript:alert(3)>",
  "java&#x73;cript:alert(4)",
  "data:text/html,<script>alert(5)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==",
  "DATA:image/png;base64,iVBORw0KGgo=",
  "file:///etc/passwd",
  "FILE:///etc/shadow",
  "vbscript:msgbox(7)",
  "VBScript:msgbox(8)",
};

static void
test_links_unsafe (void)
{
  for (BpDeckTrust trust = BP_DECK_UNTRUSTED; trust <= BP_DECK_TRUSTED; trust++)
    for (guint i = 0; i < G_N_ELEMENTS (unsafe_urls); i++)
      {
        g_autofree char *deck_text = NULL;
        g_autoptr(BpDeck) deck = NULL;
        g_autofree char *html = NULL;
        g_autofree char *lower = NULL;

        deck_text = g_strdup_printf ("### Q1: Link\n\n"
                                     "Click [x](%s) or ![y](%s) [z][ref].\n\n"
                                     "[ref]: %s\n",
                                     unsafe_urls[i], unsafe_urls[i], unsafe_urls[i]);
        deck = parse_ok (deck_text, -1, trust);
        html = answer_html (deck, 0);
        lower = g_ascii_strdown (html, -1);
        g_test_message ("%s deck, %s", trust ? "trusted" : "untrusted", unsafe_urls[i]);

        g_assert_null (strstr (lower, "javascript"));
        g_assert_null (strstr (lower, "data:"));
        g_assert_null (strstr (lower, "file:"));
        g_assert_null (strstr (lower, "vbscript"));
        g_assert_null (strstr (lower, "alert"));
        g_assert_null (strstr (lower, "passwd"));
        /* The link text is kept; only the URL goes. */
        g_assert_nonnull (strstr (html, ">x</a>"));
        g_assert_nonnull (strstr (html, ">z</a>"));
      }
}

static void
test_links_safe (void)
{
  static const char deck_text[] =
    "### Q1: Links\n"
    "\n"
    "[a](http://example.com/a) [b](https://example.org/b?q=1) [c](mailto:someone@example.com)\n"
    "[d](notes/page.html) [e](#section-2) [f](../up.html) [g](backprop:figure/1)\n"
    "[h](HTTPS://EXAMPLE.NET) ![i](figures/i.svg) <https://example.com/auto>\n";

  for (BpDeckTrust trust = BP_DECK_UNTRUSTED; trust <= BP_DECK_TRUSTED; trust++)
    {
      g_autoptr(BpDeck) deck = parse_ok (deck_text, -1, trust);
      g_autofree char *html = answer_html (deck, 0);

      g_assert_nonnull (strstr (html, "<a href=\"http://example.com/a\">a</a>"));
      g_assert_nonnull (strstr (html, "<a href=\"https://example.org/b?q=1\">b</a>"));
      g_assert_nonnull (strstr (html, "<a href=\"mailto:someone@example.com\">c</a>"));
      g_assert_nonnull (strstr (html, "<a href=\"notes/page.html\">d</a>"));
      g_assert_nonnull (strstr (html, "<a href=\"#section-2\">e</a>"));
      g_assert_nonnull (strstr (html, "<a href=\"../up.html\">f</a>"));
      g_assert_nonnull (strstr (html, "<a href=\"backprop:figure/1\">g</a>"));
      g_assert_nonnull (strstr (html, "<a href=\"HTTPS://EXAMPLE.NET\">h</a>"));
      /* An untrusted deck's image is its own file, served from its folder (see bp-deck-files.c). */
      if (trust == BP_DECK_TRUSTED)
        g_assert_nonnull (strstr (html, "<img src=\"figures/i.svg\" alt=\"i\" />"));
      else
        g_assert_nonnull (strstr (html, "<img src=\"" BP_DECK_FILE_URI_PREFIX TEST_DECK_ID "/figures/i.svg\" alt=\"i\" />"));
      g_assert_nonnull (strstr (html, "<a href=\"https://example.com/auto\">"));
    }
}

static void
record_progress_cb (double   fraction,
                    gpointer user_data)
{
  g_array_append_val ((GArray *)user_data, fraction);
}

/* Whether one fraction of @seen lies in [@low, @high). */
static gboolean
reached_between (GArray *seen,
                 double  low,
                 double  high)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_array_index (seen, double, i) >= low && g_array_index (seen, double, i) < high)
      return TRUE;

  return high >= 1.0 && g_array_index (seen, double, seen->len - 1) == 1.0;
}

static void
check_progress_of (const char *markdown,
                   guint       n_questions)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(BpDeckProgress) progress = bp_deck_progress_new (record_progress_cb, seen);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = NULL;

  deck = bp_deck_parser_parse_with_progress ("big", markdown, strlen (markdown), BP_DECK_UNTRUSTED,
                                             progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, n_questions);

  /* Many steps along the way, each further than the last, ending at 1. */
  g_assert_cmpuint (seen->len, >, 50);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, 0), <, 0.5);
  /* The bar starts near its start, and every quarter of it is passed through on the way, so
   * no stage is one leap. */
  g_assert_cmpfloat (g_array_index (seen, double, 0), <, 0.2);
  for (guint quarter = 0; quarter < 4; quarter++)
    g_assert_true (reached_between (seen, quarter / 4.0, (quarter + 1) / 4.0));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  g_assert_cmpfloat (bp_deck_progress_get (progress), ==, 1.0);
}

/* A large deck, canonical and in another shape, tells how far its parse is. */
static void
test_progress_large (void)
{
  g_autoptr(GeneratedDeck) generated = deck_generator_generate (3000, 7, FALSE);
  g_autoptr(GString) headings = g_string_new ("# Big\n\n");

  check_progress_of (generated->markdown, 3000);

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (headings, "## How does step %u work?\n\nIt runs after step %u.\n\n", i, i);
  check_progress_of (headings->str, 3000);
}

typedef struct
{
  GCancellable *cancellable;
  double at;
} StopAt;

static void
stop_at_cb (double   fraction,
            gpointer user_data)
{
  StopAt *stop = user_data;

  if (fraction > stop->at)
    g_cancellable_cancel (stop->cancellable);
}

/* A generated deck's parse, stopped once its progress passes @at: no deck, and the error
 * says it was cancelled. Returns: where the progress ended. */
static double
parse_stopped_at (double at)
{
  g_autoptr(GeneratedDeck) generated = deck_generator_generate (3000, 7, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  StopAt stop = { cancellable, at };
  g_autoptr(BpDeckProgress) progress = bp_deck_progress_new (stop_at_cb, &stop);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = NULL;

  deck = bp_deck_parser_parse_with_progress ("big", generated->markdown, strlen (generated->markdown),
                                             BP_DECK_UNTRUSTED, progress, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (deck);
  return bp_deck_progress_get (progress);
}

/* Cancelled part-way, while the bytes are read. */
static void
test_progress_cancelled (void)
{
  g_assert_cmpfloat (parse_stopped_at (0.2), <, 1.0);
}

/* A Stop once the bytes are read is heard between the passes over the tree: no question
 * is made after it. */
static void
test_progress_cancelled_in_passes (void)
{
  double ended = parse_stopped_at (0.5);

  g_assert_cmpfloat (ended, >, 0.5);
  g_assert_cmpfloat (ended, <, 0.7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck-parser/builtin/22-questions", test_builtin_n_questions);
  g_test_add_func ("/deck-parser/progress/large", test_progress_large);
  g_test_add_func ("/deck-parser/progress/cancelled", test_progress_cancelled);
  g_test_add_func ("/deck-parser/progress/cancelled-in-passes", test_progress_cancelled_in_passes);
  g_test_add_func ("/deck-parser/builtin/numbers-in-order", test_builtin_numbers);
  g_test_add_func ("/deck-parser/builtin/titles", test_builtin_titles);
  g_test_add_func ("/deck-parser/builtin/ids", test_builtin_ids);
  g_test_add_func ("/deck-parser/builtin/deck", test_builtin_deck);
  g_test_add_func ("/deck-parser/builtin/answers", test_builtin_answers);

  g_test_add_func ("/deck-parser/answer/stops-at-next-question",
                   test_answer_stops_at_next_question);
  g_test_add_func ("/deck-parser/answer/keeps-subheadings", test_answer_keeps_subheadings);
  g_test_add_func ("/deck-parser/answer/empty", test_answer_empty);
  g_test_add_func ("/deck-parser/answer/fenced-code", test_answer_fenced_code);
  g_test_add_func ("/deck-parser/answer/indented-code", test_answer_indented_code);

  g_test_add_func ("/deck-parser/error/no-questions", test_error_no_questions);
  g_test_add_func ("/deck-parser/error/empty-document", test_error_empty_document);
  g_test_add_func ("/deck-parser/error/invalid-utf8", test_error_invalid_utf8);
  g_test_add_func ("/deck-parser/error/empty-title", test_error_empty_title);

  g_test_add_func ("/deck-parser/title/inline-markup", test_title_inline_markup);
  g_test_add_func ("/deck-parser/title/closed-heading", test_title_closed_heading);
  g_test_add_func ("/deck-parser/title/whitespace", test_title_whitespace);
  g_test_add_func ("/deck-parser/title/non-ascii", test_title_non_ascii);
  g_test_add_func ("/deck-parser/title/cjk-id", test_title_cjk_id);
  g_test_add_func ("/deck-parser/title/math-alphanumerics", test_title_math_alphanumerics);
  g_test_add_func ("/deck-parser/title/letterlike-symbols", test_title_letterlike_symbols);
  g_test_add_func ("/deck-parser/id/superscripts", test_id_superscripts);
  g_test_add_func ("/deck-parser/deck/blank-title", test_deck_blank_title);

  g_test_add_func ("/deck-parser/line-endings/crlf", test_line_endings_crlf);
  g_test_add_func ("/deck-parser/line-endings/cr", test_line_endings_cr);
  g_test_add_func ("/deck-parser/line-endings/empty-title-line",
                   test_line_endings_empty_title_line);
  g_test_add_func ("/deck-parser/line-endings/invalid-utf8-line",
                   test_line_endings_invalid_utf8_line);

  g_test_add_func ("/deck-parser/id/duplicate-titles", test_id_duplicate_titles);
  g_test_add_func ("/deck-parser/id/stable-across-parses", test_id_stable_across_parses);
  g_test_add_func ("/deck-parser/id/independent-of-position", test_id_independent_of_position);

  g_test_add_func ("/deck-parser/heading/levels", test_heading_levels);
  g_test_add_func ("/deck-parser/heading/shapes", test_heading_shapes);
  g_test_add_func ("/deck-parser/heading/number-overflow", test_heading_number_overflow);

  g_test_add_func ("/deck-parser/deck/title", test_deck_title);
  g_test_add_func ("/deck-parser/deck/list-model", test_deck_list_model);
  g_test_add_func ("/deck-parser/deck/list-model-refs", test_deck_list_model_refs);
  g_test_add_func ("/deck-parser/deck/find", test_deck_find);

  g_test_add_func ("/deck-parser/links/unsafe", test_links_unsafe);
  g_test_add_func ("/deck-parser/links/safe", test_links_safe);

  return g_test_run ();
}
