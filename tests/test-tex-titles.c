/* test-tex-titles.c: TeX in question titles: math on the page's heading, Unicode text elsewhere
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-deck-parser.h"
#include "bp-page-renderer.h"
#include "bp-search.h"
#include "bp-tex.h"

#define TEST_DECK_ID "test"

typedef struct
{
  const char *tex;
  const char *plain;
} Vector;

/* What a reader of the sidebar, a window title or an export sees for each piece of TeX. */
static const Vector unicode_vectors[] = {
  /* Greek letters, upper case too, and the variants TeX tells apart. */
  { "\\sigma(x)", "σ(x)" },
  { "\\alpha + \\beta", "α + β" },
  /* A backslash before a letter of several bytes keeps it whole. */
  { "\\é + \\σ", "\\é + \\σ" },
  { "\\Sigma \\Omega \\Delta", "Σ Ω Δ" },
  { "\\epsilon \\varepsilon \\phi \\varphi", "ϵ ε ϕ φ" },
  /* Scripts where Unicode has every character, else the source. */
  { "x^2", "x²" },
  { "e^{x}", "eˣ" },
  { "e^{-x}", "e⁻ˣ" },
  { "W^{-1}", "W⁻¹" },
  { "a^T b", "aᵀ b" },
  { "x_i", "xᵢ" },
  { "x_{i+1}", "xᵢ₊₁" },
  { "\\sigma_j^2", "σⱼ²" },
  { "L_{norm}", "Lₙₒᵣₘ" },
  { "x^{q}", "x^{q}" },
  { "y_{b}", "y_{b}" },
  { "x^*", "x^*" },
  { "f^\\prime", "f′" },
  /* Operators and relations. */
  { "a \\cdot b", "a ⋅ b" },
  { "2 \\times 3", "2 × 3" },
  { "a \\leq b \\geq c \\neq d \\approx e", "a ≤ b ≥ c ≠ d ≈ e" },
  { "\\infty", "∞" },
  { "\\sum_{i=1}^{n} x_i", "∑ᵢ₌₁ⁿ xᵢ" },
  { "\\int f", "∫ f" },
  { "X \\sim N(0,1)", "X ∼ N(0,1)" },
  { "x \\in \\mathbb{R}^n", "x ∈ ℝⁿ" },
  /* Fractions: brackets only around parts of more than one term. */
  { "\\frac{1}{2}", "1/2" },
  { "\\frac12", "1/2" },
  { "\\frac{a+b}{2}", "(a+b)/2" },
  { "\\frac{1}{n - 1}", "1/(n - 1)" },
  { "\\frac{\\sigma}{\\sqrt{n}}", "σ/√n" },
  { "\\dfrac{(a+b)}{c}", "(a+b)/c" },
  { "\\frac{x^2}{2}", "x²/2" },
  /* Roots. */
  { "\\sqrt{2}", "√2" },
  { "\\sqrt{x + 1}", "√(x + 1)" },
  { "\\sqrt[3]{x}", "∛x" },
  { "\\sqrt[5]{x}", "\\sqrt[5]{x}" },
  /* Text, groups, spacing, delimiters. */
  { "\\text{softmax}(z)", "softmax(z)" },
  { "\\operatorname{ReLU}(x)", "ReLU(x)" },
  { "\\log p(x)", "log p(x)" },
  { "\\left( \\frac{a}{b} \\right)", "( a/b )" },
  { "\\left. x \\right|", "x |" },
  { "a\\,b\\!c", "a bc" },
  { "\\{a, b\\}", "{a, b}" },
  { "{a_1, a_2}", "a₁, a₂" },
  /* Commands Unicode cannot write keep their source, arguments included. */
  { "\\hat{y} = \\mathcal{L}", "\\hat{y} = \\mathcal{L}" },
  { "\\mathbb{E}[X]", "\\mathbb{E}[X]" },
  { "\\unknown", "\\unknown" },
  /* Broken TeX reads as much as it can and never runs past its end. */
  { "\\frac{1", "1/" },
  { "x^", "x^" },
  { "\\", "\\" },
  { "{{{", "" },
  { "", "" },
};

static void
test_to_unicode (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (unicode_vectors); i++)
    {
      g_autofree char *plain = bp_tex_to_unicode (unicode_vectors[i].tex, -1);

      g_test_message ("“%s” → “%s”", unicode_vectors[i].tex, plain);
      g_assert_cmpstr (plain, ==, unicode_vectors[i].plain);
      g_assert_true (g_utf8_validate (plain, -1, NULL));
    }
}

/* The length is honoured: the bytes after it are never read. */
static void
test_to_unicode_length (void)
{
  g_autofree char *plain = bp_tex_to_unicode ("\\sigma^2 and more", 8);
  g_autofree char *cut = bp_tex_to_unicode ("{\\alpha", 3);

  g_assert_cmpstr (plain, ==, "σ²");
  g_assert_cmpstr (cut, ==, "\\a");
}

/* A thousand nested groups come back as their source past the depth kept. */
static void
test_to_unicode_deep (void)
{
  g_autoptr(GString) tex = g_string_new (NULL);
  g_autofree char *plain = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (tex, "{x^");
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (tex, '}');

  plain = bp_tex_to_unicode (tex->str, tex->len);
  g_assert_nonnull (strstr (plain, "x"));
  g_assert_cmpuint (strlen (plain), <=, tex->len * 4);
}

static const Vector title_vectors[] = {
  { "What is $\\sigma(x)$ and why is $e^{x}$ used?", "What is σ(x) and why is eˣ used?" },
  { "3. Compute $\\frac{1}{2}$", "3. Compute 1/2" },
  { "Given $$u$$, find $$v$$", "Given u, find v" },
  { "Inline \\(x^2\\) too", "Inline x² too" },
  /* What the answers' scanner says is not math stays text. */
  { "Is $5 and $10 a price?", "Is $5 and $10 a price?" },
  { "What does $$$ mean?", "What does $$$ mean?" },
  { "Echo $HOME", "Echo $HOME" },
  { "No math at all", "No math at all" },
};

static void
test_plain_text (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (title_vectors); i++)
    {
      g_autofree char *plain = bp_tex_plain_text (title_vectors[i].tex, -1);

      g_test_message ("“%s” → “%s”", title_vectors[i].tex, plain);
      g_assert_cmpstr (plain, ==, title_vectors[i].plain);
    }
}

static void
test_mark_text (void)
{
  g_autofree char *html = bp_tex_mark_text ("Is <b> $a < b$ & $$x' = \"y\"$$ or $5?", -1);

  g_assert_cmpstr (html, ==,
                   "Is &lt;b&gt; <span class=\"bp-tex\" data-display=\"inline\">a &lt; b</span> &amp; "
                   "<span class=\"bp-tex\" data-display=\"inline\">x' = &quot;y&quot;</span> or $5?");
}

static BpDeck *
parse_ok (const char  *text,
          BpDeckTrust  trust)
{
  g_autoptr(GError) error = NULL;
  BpDeck *deck = bp_deck_parser_parse (TEST_DECK_ID, text, -1, trust, &error);

  g_assert_no_error (error);
  return deck;
}

static const char tex_deck[] =
  "# Activations\n\n"
  "### What is $\\sigma(x)$ and why is $e^{x}$ used?\n\nIt squashes.\n\n"
  "### Why does ReLU help?\n\nNo saturation.\n\n"
  "**3. Compute $\\frac{1}{2}$**\n\nHalf.\n";

/* Text-only places get the plain form; the id stays the slug of the title as written, so
 * study data kept under it before is still found. */
static void
test_deck_titles (void)
{
  g_autoptr(BpDeck) deck = parse_ok (tex_deck, BP_DECK_UNTRUSTED);
  BpQuestion *sigma = bp_deck_get_question (deck, 0);
  BpQuestion *relu = bp_deck_get_question (deck, 1);

  g_assert_cmpstr (bp_question_get_title (sigma), ==, "What is σ(x) and why is eˣ used?");
  g_assert_cmpstr (bp_question_get_source_title (sigma), ==, "What is $\\sigma(x)$ and why is $e^{x}$ used?");
  g_assert_cmpstr (bp_question_get_id (sigma), ==, "test/what-is-sigma-x-and-why-is-e-x-used");
  g_assert_cmpstr (bp_question_get_title (relu), ==, "Why does ReLU help?");
  g_assert_cmpstr (bp_question_get_source_title (relu), ==, "Why does ReLU help?");
  g_assert_cmpstr (bp_question_get_id (relu), ==, "test/why-does-relu-help");
}

/* The built-in deck is MathML: its titles are as written, and so its ids. */
static void
test_builtin_titles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse_builtin (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    {
      BpQuestion *question = bp_deck_get_question (deck, i);

      g_assert_cmpstr (bp_question_get_title (question), ==, bp_question_get_source_title (question));
    }
}

static void
test_search_finds_plain (void)
{
  g_autoptr(BpDeck) deck = parse_ok (tex_deck, BP_DECK_UNTRUSTED);
  g_autoptr(BpSearchIndex) index = bp_search_index_new (deck);
  BpQuestion *sigma = bp_deck_get_question (deck, 0);

  g_assert_cmpint (bp_search_index_match (index, sigma, "σ"), ==, BP_SEARCH_MATCH_TITLE);
  g_assert_cmpint (bp_search_index_match (index, sigma, "why is"), ==, BP_SEARCH_MATCH_TITLE);
}

static char *
render_tex (const char  *tex,
            gboolean     display,
            gpointer     user_data,
            GError     **error)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_false (display);
  return g_strdup_printf ("<math><mi>%s</mi></math>", tex);
}

/* On the page the heading shows the math as MathML; the window's <title> reads plain. */
static void
test_page_heading (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = parse_ok (tex_deck, BP_DECK_UNTRUSTED);
  g_autoptr(BpPageRenderer) renderer = bp_page_renderer_new_from_resources (&error);
  g_autofree char *before = NULL;
  g_autofree char *page = NULL;
  g_autofree char *plain_page = NULL;
  guint calls = 0;

  g_assert_no_error (error);
  /* Without a TeX renderer (no KaTeX) the heading reads as the plain title. */
  before = bp_page_renderer_render (renderer, bp_deck_get_question (deck, 0), BP_PAGE_THEME_LIGHT, NULL);
  g_assert_nonnull (strstr (before, "<h1>What is σ(x) and why is eˣ used?</h1>"));

  bp_page_renderer_set_tex_func (renderer, render_tex, &calls, NULL);
  page = bp_page_renderer_render (renderer, bp_deck_get_question (deck, 0), BP_PAGE_THEME_LIGHT, NULL);
  g_assert_nonnull (strstr (page, "<h1>What is <math><mi>\\sigma(x)</mi></math> and why is "
                                  "<math><mi>e^{x}</mi></math> used?</h1>"));
  g_assert_nonnull (strstr (page, "<title>What is σ(x) and why is eˣ used?</title>"));
  g_assert_cmpuint (calls, ==, 2);

  plain_page = bp_page_renderer_render_question (renderer, bp_deck_get_question (deck, 1), BP_PAGE_THEME_LIGHT);
  g_assert_nonnull (strstr (plain_page, "<h1>Why does ReLU help?</h1>"));
  g_assert_cmpuint (calls, ==, 2);
}

/* A trusted deck's dollars are its text, in the heading too. */
static void
test_trusted_heading (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = parse_ok ("### Q1: Is $x$ math?\n\nNo.\n", BP_DECK_TRUSTED);
  g_autoptr(BpPageRenderer) renderer = bp_page_renderer_new_from_resources (&error);
  g_autofree char *page = NULL;
  guint calls = 0;

  g_assert_no_error (error);
  bp_page_renderer_set_tex_func (renderer, render_tex, &calls, NULL);
  page = bp_page_renderer_render (renderer, bp_deck_get_question (deck, 0), BP_PAGE_THEME_LIGHT, NULL);
  g_assert_nonnull (strstr (page, "<h1>Is $x$ math?</h1>"));
  g_assert_cmpuint (calls, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tex-titles/to-unicode", test_to_unicode);
  g_test_add_func ("/tex-titles/to-unicode-length", test_to_unicode_length);
  g_test_add_func ("/tex-titles/to-unicode-deep", test_to_unicode_deep);
  g_test_add_func ("/tex-titles/plain-text", test_plain_text);
  g_test_add_func ("/tex-titles/mark-text", test_mark_text);
  g_test_add_func ("/tex-titles/deck-titles", test_deck_titles);
  g_test_add_func ("/tex-titles/builtin-titles", test_builtin_titles);
  g_test_add_func ("/tex-titles/search-finds-plain", test_search_finds_plain);
  g_test_add_func ("/tex-titles/page-heading", test_page_heading);
  g_test_add_func ("/tex-titles/trusted-heading", test_trusted_heading);

  return g_test_run ();
}
