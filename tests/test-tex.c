/* test-tex.c: TeX math in opened decks: what is math, what is not, and its marks in the page
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-deck-parser.h"
#include "bp-tex.h"

/* The math of @text as "[tex]" for inline and "[[tex]]" for display, joined by spaces. */
static char *
found (const char *text)
{
  g_autoptr(GArray) spans = bp_tex_find_spans (text, -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const BpTexSpan *span = &g_array_index (spans, BpTexSpan, i);

      g_assert_cmpuint (span->start, <, span->tex_start);
      g_assert_cmpuint (span->tex_end, <, span->end);
      g_string_append_printf (out, "%s%s%.*s%s", i > 0 ? " " : "", span->display ? "[[" : "[",
                              (int)(span->tex_end - span->tex_start), text + span->tex_start,
                              span->display ? "]]" : "]");
    }

  return g_string_free (out, FALSE);
}

static void
assert_found (const char *text,
              const char *expected)
{
  g_autofree char *math = found (text);

  g_test_message ("“%s” → “%s”", text, math);
  g_assert_cmpstr (math, ==, expected);
}

static void
test_find_math (void)
{
  assert_found ("Euler: $e^{i\\pi}+1=0$.", "[e^{i\\pi}+1=0]");
  assert_found ("$$\\sum_i x_i$$", "[[\\sum_i x_i]]");
  assert_found ("a $x$ and $y$ b", "[x] [y]");
  assert_found ("\\(a+b\\) and \\[c\\]", "[a+b] [[c]]");
  assert_found ("$$\na + b\n$$", "[[\na + b\n]]");
  /* A dollar escaped inside math does not close it. */
  assert_found ("$a\\$b$", "[a\\$b]");
}

/* Everything a deck writes with dollars that is not math. */
static void
test_not_math (void)
{
  assert_found ("$$$", "");
  assert_found ("$$$ x $$$", "");
  assert_found ("It costs $5.", "");
  assert_found ("costs $10 and $20", "");
  assert_found ("$1,000 or $2,000", "");
  assert_found ("a lone $ here", "");
  assert_found ("echo $HOME", "");
  assert_found ("echo $HOME and $PATH", "");
  assert_found ("$ x$", "");
  assert_found ("$x $", "");
  /* A closing dollar must not be followed by a digit. */
  assert_found ("$x$5", "");
  assert_found ("$$  $$", "");
  assert_found ("\\(unclosed", "");
  assert_found ("", "");
}

static BpDeck *
parse (const char  *markdown,
       BpDeckTrust  trust)
{
  g_autoptr(GError) error = NULL;
  BpDeck *deck = bp_deck_parser_parse ("tex", markdown, -1, trust, &error);

  g_assert_no_error (error);
  return deck;
}

static const char *
answer_html (BpDeck *deck,
             guint   position)
{
  return bp_answer_document_get_html (bp_question_get_document (bp_deck_get_question (deck, position)));
}

/* Math is found on the tree's text: never in code, wherever a paragraph breaks its lines. */
static void
test_marks_in_answer (void)
{
  g_autoptr(BpDeck) deck = parse ("### Q1: Euler\n\n"
                                  "Inline $e^{i\\pi}+1=0$ and `$x$` in code.\n\n"
                                  "$$\na < b\n$$\n\n"
                                  "```\n$HOME $y$\n```\n\n"
                                  "Costs $5 and $6, *$a$*.\n",
                                  BP_DECK_UNTRUSTED);
  const char *html = answer_html (deck, 0);
  const char *text = bp_answer_document_get_text (bp_question_get_document (bp_deck_get_question (deck, 0)));

  g_test_message ("%s", html);
  g_assert_true (bp_tex_has_marks (html));
  g_assert_nonnull (strstr (html, "<span class=\"bp-tex\" data-display=\"inline\">e^{i\\pi}+1=0</span>"));
  g_assert_nonnull (strstr (html, "<span class=\"bp-tex\" data-display=\"block\">\na &lt; b\n</span>"));
  g_assert_nonnull (strstr (html, "<code>$x$</code>"));
  g_assert_nonnull (strstr (html, "$HOME $y$\n</code></pre>"));
  g_assert_nonnull (strstr (html, "Costs $5 and $6, <em><span class=\"bp-tex\" data-display=\"inline\">a</span></em>."));
  /* The search reads the TeX as text. */
  g_assert_nonnull (strstr (text, "e^{i\\pi}+1=0"));
}

/* Markdown reads "\(" as an escaped "(": math written with single backslashes, as most
 * decks do, is still math, and escaped brackets that open no math stay plain brackets. */
static void
test_single_backslash_math (void)
{
  g_autoptr(BpDeck) deck = parse ("### Q1: Odds\n\n"
                                  "Inline \\(p = \\frac{1}{2}\\) and \"then\" -- \\[x^2\\] &amp; more.\n\n"
                                  "Across lines \\(a\n= b\\) here.\n\n"
                                  "Just \\(escaped and \\[brackets.\n\nAnd \\(\\) empty, \\) closing.\n\n"
                                  "Doubled \\\\(y\\\\) stays math, `\\(code\\)` never.\n\n"
                                  "Costs $5 and $10, $$$ is money, $$z$$ is math.\n\n"
                                  "<details><summary>Why?</summary>\n\nSee \\(q\\).\n\n</details>\n",
                                  BP_DECK_UNTRUSTED);
  const char *html = answer_html (deck, 0);

  g_test_message ("%s", html);
  g_assert_nonnull (strstr (html, "Inline <span class=\"bp-tex\" data-display=\"inline\">p = \\frac{1}{2}</span> and"));
  g_assert_nonnull (strstr (html, "“then” – <span class=\"bp-tex\" data-display=\"block\">x^2</span> &amp; more."));
  g_assert_nonnull (strstr (html, "Across lines <span class=\"bp-tex\" data-display=\"inline\">a\n= b</span> here."));
  g_assert_nonnull (strstr (html, "Just (escaped and [brackets."));
  g_assert_nonnull (strstr (html, "And () empty, ) closing."));
  g_assert_nonnull (strstr (html, "Doubled <span class=\"bp-tex\" data-display=\"inline\">y</span> stays math"));
  g_assert_nonnull (strstr (html, "<code>\\(code\\)</code>"));
  g_assert_nonnull (strstr (html, "Costs $5 and $10, $$$ is money, <span class=\"bp-tex\" data-display=\"block\">z</span> is math."));
  g_assert_nonnull (strstr (html, "See <span class=\"bp-tex\" data-display=\"inline\">q</span>."));
}

/* The details answer is read as markdown of its own: its escapes are found there too. */
static void
test_single_backslash_details (void)
{
  g_autoptr(BpDeck) deck = parse ("# P\n\n<details>\n<summary>What is \\(p\\)?</summary>\n\n"
                                  "It is \\(\\frac{1}{6}\\) and (so) on.\n\n</details>\n",
                                  BP_DECK_UNTRUSTED);
  const char *html = answer_html (deck, 0);

  g_test_message ("%s", html);
  g_assert_nonnull (strstr (html, "It is <span class=\"bp-tex\" data-display=\"inline\">\\frac{1}{6}</span> and (so) on."));
}

/* A table cell takes no math mark: its TeX stays there as text, none of it lost. */
static void
test_table_cell_keeps_text (void)
{
  g_autoptr(BpDeck) deck = parse ("### Q1: Odds\n\n"
                                  "| event | odds |\n|---|---|\n| a head | $p = 1/2$ |\n",
                                  BP_DECK_UNTRUSTED);
  const char *html = answer_html (deck, 0);

  g_test_message ("%s", html);
  g_assert_nonnull (strstr (html, "<td>$p = 1/2$</td>"));
}

static void
test_builtin_untouched (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse_builtin (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    g_assert_false (bp_tex_has_marks (answer_html (deck, i)));

  /* A trusted deck's dollars stay as written. */
  {
    g_autoptr(BpDeck) trusted = parse ("### Q1: T\n\n$x$\n", BP_DECK_TRUSTED);

    g_assert_false (bp_tex_has_marks (answer_html (trusted, 0)));
  }
}

/* A renderer that knows one formula, to see what replacing does with a result and an error. */
static char *
render_known (const char  *tex,
              gboolean     display,
              gpointer     user_data,
              GError     **error)
{
  guint *calls = user_data;

  (*calls)++;
  if (g_str_equal (tex, "a < b"))
    return g_strdup_printf ("<math%s><mi>a</mi><mo>&lt;</mo><mi>b</mi></math>",
                            display ? " display=\"block\"" : "");

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Undefined control sequence: \\oops <\"here\">");
  return NULL;
}

static void
test_replace_marks (void)
{
  g_autoptr(BpDeck) deck = parse ("### Q1: R\n\n$a < b$ then $$\\oops{x} & y$$ end\n", BP_DECK_UNTRUSTED);
  guint calls = 0;
  g_autofree char *html = bp_tex_replace_marks (answer_html (deck, 0), render_known, &calls);

  g_test_message ("%s", html);
  g_assert_cmpuint (calls, ==, 2);
  g_assert_false (bp_tex_has_marks (html));
  /* The renderer gets the TeX unescaped. */
  g_assert_nonnull (strstr (html, "<p><math><mi>a</mi><mo>&lt;</mo><mi>b</mi></math> then "));
  /* An error shows the source, still escaped, in a code span titled with the message. */
  g_assert_nonnull (strstr (html, "<code class=\"tex-error display\" title=\"Undefined control "
                                  "sequence: \\oops &lt;&quot;here&quot;&gt;\">\\oops{x} &amp; y</code> end</p>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tex/find", test_find_math);
  g_test_add_func ("/tex/not-math", test_not_math);
  g_test_add_func ("/tex/marks-in-answer", test_marks_in_answer);
  g_test_add_func ("/tex/single-backslash", test_single_backslash_math);
  g_test_add_func ("/tex/single-backslash-details", test_single_backslash_details);
  g_test_add_func ("/tex/table-cell-keeps-text", test_table_cell_keeps_text);
  g_test_add_func ("/tex/builtin-untouched", test_builtin_untouched);
  g_test_add_func ("/tex/replace-marks", test_replace_marks);

  return g_test_run ();
}
