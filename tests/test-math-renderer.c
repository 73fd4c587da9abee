/* test-math-renderer.c: TeX to MathML with KaTeX, and an opened deck's math in its page
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-deck-parser.h"
#include "bp-math-renderer.h"
#include "bp-page-renderer.h"

static BpMathRenderer *renderer;

static char *
render (const char *tex,
        gboolean    display)
{
  g_autoptr(GError) error = NULL;
  char *mathml = bp_math_renderer_render (renderer, tex, display, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mathml);
  g_test_message ("%s → %s", tex, mathml);
  return mathml;
}

static void
test_inline (void)
{
  g_autofree char *mathml = render ("e^{i\\pi}+1=0", FALSE);

  g_assert_nonnull (strstr (mathml, "<math"));
  g_assert_nonnull (strstr (mathml, "<msup>"));
  g_assert_nonnull (strstr (mathml, "<mi>π</mi>"));
  g_assert_null (strstr (mathml, "display=\"block\""));
  /* MathML only: no HTML layout for a style sheet the page does not have. */
  g_assert_null (strstr (mathml, "katex-html"));
}

static void
test_display (void)
{
  g_autofree char *mathml = render ("\\sum_{i=1}^{n} x_i", TRUE);

  g_assert_nonnull (strstr (mathml, "display=\"block\""));
  g_assert_nonnull (strstr (mathml, "<munderover>"));
}

static void
test_tex_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mathml = bp_math_renderer_render (renderer, "\\frac{1}", FALSE, &error);

  g_assert_null (mathml);
  g_assert_error (error, BP_MATH_RENDERER_ERROR, BP_MATH_RENDERER_ERROR_TEX);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "KaTeX"));

  /* The renderer is still good for the next formula. */
  g_free (render ("x", FALSE));
}

/* Nothing in the TeX gets out as markup: \href is refused (trust is off), text is escaped. */
static void
test_untrusted_tex (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link = bp_math_renderer_render (renderer, "\\href{https://example.org}{x}",
                                                   FALSE, &error);
  g_autofree char *text = render ("\\text{<script>alert(1)</script>}", FALSE);

  g_assert_null (link != NULL ? strstr (link, "example.org\"") : NULL);
  g_assert_null (strstr (text, "<script"));
}

static char *
render_tex_cb (const char  *tex,
               gboolean     display,
               gpointer     user_data,
               GError     **error)
{
  return bp_math_renderer_render (user_data, tex, display, error);
}

/* An opened deck's page, as the app makes it: MathML in place of the TeX. */
static void
test_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPageRenderer) pages = bp_page_renderer_new_from_resources (&error);
  g_autoptr(BpDeck) deck = NULL;
  g_autofree char *page = NULL;
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  deck = bp_deck_parser_parse ("math", "### Q1: Euler\n\nSo $e^{i\\pi}+1=0$, and\n\n"
                               "$$\n\\int_0^1 x\\,dx\n$$\n\nbut $\\frac{1}$ and it costs $5.\n",
                               -1, BP_DECK_UNTRUSTED, &error);
  g_assert_no_error (error);
  bp_page_renderer_set_tex_func (pages, render_tex_cb, g_object_ref (renderer), g_object_unref);

  page = bp_page_renderer_render (pages, bp_deck_get_question (deck, 0), BP_PAGE_THEME_LIGHT, NULL);
  g_assert_nonnull (strstr (page, "<msup>"));
  g_assert_nonnull (strstr (page, "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"));
  g_assert_nonnull (strstr (page, "<code class=\"tex-error\" title=\"KaTeX"));
  g_assert_nonnull (strstr (page, "\\frac{1}</code> and it costs $5."));
  g_assert_null (strstr (page, "bp-tex"));

  /* Rendered once per answer. */
  again = bp_page_renderer_render (pages, bp_deck_get_question (deck, 0), BP_PAGE_THEME_DARK, NULL);
  g_assert_nonnull (strstr (again, "<msup>"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  renderer = bp_math_renderer_new ();

  g_test_add_func ("/math/inline", test_inline);
  g_test_add_func ("/math/display", test_display);
  g_test_add_func ("/math/tex-error", test_tex_error);
  g_test_add_func ("/math/untrusted-tex", test_untrusted_tex);
  g_test_add_func ("/math/page", test_page);

  status = g_test_run ();
  g_clear_object (&renderer);
  return status;
}
