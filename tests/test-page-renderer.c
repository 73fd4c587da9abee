/* test-page-renderer.c: the HTML page of a question: escaping, raw HTML, links, CSP, theme
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-cmark-private.h"
#include "bp-deck-parser.h"
#include "bp-html-sanitizer.h"
#include "bp-page-renderer.h"
#include "html-nesting.h"

#define TEST_DECK_ID "test"

static BpPageRenderer *
renderer_new (void)
{
  g_autoptr(GError) error = NULL;
  BpPageRenderer *renderer;

  renderer = bp_page_renderer_new_from_resources (&error);
  g_assert_no_error (error);
  g_assert_true (BP_IS_PAGE_RENDERER (renderer));

  return renderer;
}

static BpDeck *
parse_ok (const char  *text,
          BpDeckTrust  trust)
{
  g_autoptr(GError) error = NULL;
  BpDeck *deck;

  deck = bp_deck_parser_parse (TEST_DECK_ID, text, -1, trust, &error);
  g_assert_no_error (error);
  g_assert_true (BP_IS_DECK (deck));

  return deck;
}

/* The page of the first question of @text. */
static char *
render_first (const char  *text,
              BpDeckTrust  trust,
              BpPageTheme  theme)
{
  g_autoptr(BpPageRenderer) renderer = renderer_new ();
  g_autoptr(BpDeck) deck = parse_ok (text, trust);
  BpQuestion *question = bp_deck_get_question (deck, 0);
  char *page;

  g_assert_nonnull (question);
  page = bp_page_renderer_render (renderer, question, theme, NULL);
  g_assert_nonnull (page);
  g_assert_true (g_utf8_validate (page, -1, NULL));

  return page;
}

/* The text between the first @start in @page and the @end after it, or NULL. */
static char *
extract_between (const char *page,
                 const char *start,
                 const char *end)
{
  const char *begin = strstr (page, start);
  const char *stop;

  if (begin == NULL)
    return NULL;
  begin += strlen (start);
  stop = strstr (begin, end);
  if (stop == NULL)
    return NULL;

  return g_strndup (begin, stop - begin);
}

/* GLib has escaped ' as &apos; or as &#39;: both mean the same in HTML5. */
static char *
normalize_apostrophes (const char *html)
{
  g_autoptr(GString) text = g_string_new (html);

  g_string_replace (text, "&#39;", "&apos;", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  gsize length = strlen (needle);
  guint n = 0;

  /* Not strstr () in a loop: AddressSanitizer's strstr () measures the whole haystack on
   * every call, which makes counting in a large page quadratic. */
  for (const char *p = haystack; *p != '\0'; p++)
    n += strncmp (p, needle, length) == 0;

  return n;
}

/* Escaping */

static void
test_escape_title (void)
{
  /* A code span keeps the quotes straight: smart punctuation does not touch code. */
  static const char deck_text[] =
    "### Q1: Is `<a href=\"x\">&'` > `b`?\n"
    "\n"
    "Yes.\n";
  static const char escaped[] = "Is &lt;a href=&quot;x&quot;&gt;&amp;&apos; &gt; b?";
  g_autoptr(BpDeck) deck = parse_ok (deck_text, BP_DECK_UNTRUSTED);
  g_autofree char *page = render_first (deck_text, BP_DECK_UNTRUSTED, BP_PAGE_THEME_LIGHT);
  g_autofree char *raw_title = extract_between (page, "<title>", "</title>");
  g_autofree char *raw_h1 = extract_between (page, "<h1>", "</h1>");
  g_autofree char *title = normalize_apostrophes (raw_title);
  g_autofree char *h1 = normalize_apostrophes (raw_h1);

  g_assert_cmpstr (bp_question_get_title (bp_deck_get_question (deck, 0)), ==,
                   "Is <a href=\"x\">&' > b?");
  g_assert_cmpstr (title, ==, escaped);
  g_assert_cmpstr (h1, ==, escaped);
  g_assert_null (strstr (page, "<a href=\"x\">"));
  g_assert_cmpuint (count_occurrences (page, "<title>"), ==, 1);
  g_assert_cmpuint (count_occurrences (page, "<h1>"), ==, 1);
}

static void
test_escape_title_tags (void)
{
  static const char deck_text[] =
    "### Q1: Why `</title><script>alert(1)</script>` here?\n";
  g_autofree char *page = render_first (deck_text, BP_DECK_TRUSTED, BP_PAGE_THEME_LIGHT);
  g_autofree char *title = extract_between (page, "<title>", "</title>");

  g_assert_null (strstr (page, "<script"));
  g_assert_cmpstr (title, ==, "Why &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; here?");
}

static void
test_escape_answer_text (void)
{
  static const char deck_text[] =
    "### Q1: Comparisons\n"
    "\n"
    "It holds when a < b && c, not when x<y.\n";
  g_autofree char *page = render_first (deck_text, BP_DECK_UNTRUSTED, BP_PAGE_THEME_LIGHT);

  g_assert_nonnull (strstr (page, "<p>It holds when a &lt; b &amp;&amp; c, not when x&lt;y.</p>"));
  g_assert_null (strstr (page, "a < b"));
  g_assert_null (strstr (page, "&& c"));
}

/* Raw HTML */

static void
test_untrusted_raw_html (void)
{
  static const char deck_text[] =
    "### Q1: Raw HTML\n"
    "\n"
    "<script>alert(1)</script>\n"
    "\n"
    "An image <img src=x onerror=\"alert(2)\"> inline.\n"
    "\n"
    "<iframe src=\"https://example.com\"></iframe>\n"
    "\n"
    "<div onclick=\"alert(3)\">block</div>\n"
    "\n"
    "Inline <math><mi>x</mi></math> math.\n";
  g_autofree char *page = render_first (deck_text, BP_DECK_UNTRUSTED, BP_PAGE_THEME_LIGHT);
  g_autofree char *lower = g_ascii_strdown (page, -1);

  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "alert("));
  /* The image is the deck's own file now, served from its folder; its handler is gone. */
  g_assert_nonnull (strstr (page, "An image <img src=\"" BP_DECK_FILE_URI_PREFIX TEST_DECK_ID "/x\" alt=\"\" /> inline."));
  g_assert_cmpuint (count_occurrences (lower, "<img"), ==, 1);
  g_assert_null (strstr (lower, "onerror"));
  g_assert_null (strstr (lower, "<iframe"));
  g_assert_null (strstr (lower, "onclick"));
  g_assert_null (strstr (lower, "<math"));
  /* The text around the dropped tags is kept. */
  g_assert_nonnull (strstr (page, "An image "));
  g_assert_nonnull (strstr (page, " inline."));
}

/* A markdown image that leaves the deck's folder is never asked for: the page says what it
 * shows and why it is not shown, as text a screen reader reads. */
static void
test_untrusted_image_outside (void)
{
  static const char deck_text[] =
    "### Q1: Images\n"
    "\n"
    "![A red square](../outside.png) and ![Root](/etc/x.png) and ![Beside](figs/a.png)\n";
  g_autofree char *page = render_first (deck_text, BP_DECK_UNTRUSTED, BP_PAGE_THEME_LIGHT);
  g_autofree char *lower = g_ascii_strdown (page, -1);

  g_assert_null (strstr (page, "outside.png"));
  g_assert_null (strstr (page, "/etc/x.png"));
  g_assert_cmpuint (count_occurrences (lower, "<img"), ==, 1);
  g_assert_nonnull (strstr (page, "<img src=\"" BP_DECK_FILE_URI_PREFIX TEST_DECK_ID "/figs/a.png\" alt=\"Beside\""));
  g_assert_nonnull (strstr (page, "<span class=\"image-placeholder-alt\">A red square</span> "
                                  "<span class=\"image-placeholder-reason\">Outside the deck\u2019s folder</span>"));
  g_assert_nonnull (strstr (page, "<span class=\"image-placeholder-alt\">Root</span>"));
}

static void
test_trusted_raw_html (void)
{
  static const char deck_text[] =
    "### Q1: Math\n"
    "\n"
    "The input <math><mi>x</mi></math> is a vector.\n"
    "\n"
    "<svg viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>\n";
  g_autofree char *page = render_first (deck_text, BP_DECK_TRUSTED, BP_PAGE_THEME_LIGHT);
  g_autofree char *untrusted = render_first (deck_text, BP_DECK_UNTRUSTED, BP_PAGE_THEME_LIGHT);

  g_assert_nonnull (strstr (page, "<p>The input <math><mi>x</mi></math> is a vector.</p>"));
  g_assert_nonnull (strstr (page,
                           "<svg viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>"));
  g_assert_null (strstr (untrusted, "<math>"));
  g_assert_null (strstr (untrusted, "<svg"));
}

/* Links */

static void
test_javascript_link (void)
{
  static const char deck_text[] =
    "### Q1: A link\n"
    "\n"
    "Click [here](javascript:alert(1)), [there](JavaScript:alert(2)) or\n"
    "![this](javascript:alert(3)) and [that][ref].\n"
    "\n"
    "[ref]: javascript:alert(4)\n";

  for (BpDeckTrust trust = BP_DECK_UNTRUSTED; trust <= BP_DECK_TRUSTED; trust++)
    {
      g_autofree char *page = render_first (deck_text, trust, BP_PAGE_THEME_DARK);
      g_autofree char *lower = g_ascii_strdown (page, -1);

      g_assert_null (strstr (lower, "javascript:"));
      g_assert_null (strstr (lower, "alert("));
      g_assert_nonnull (strstr (page, ">here</a>"));
      g_assert_nonnull (strstr (page, ">that</a>"));
    }
}

/* Content Security Policy */

static void
test_csp_meta (void)
{
  static const char deck_text[] = "### Q1: Policy\n\nText.\n";
  static const char csp_meta[] = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
  g_autofree char *page = render_first (deck_text, BP_DECK_TRUSTED, BP_PAGE_THEME_LIGHT);
  g_autofree char *head = extract_between (page, "<head>", "</head>");
  g_autofree char *csp = NULL;

  g_assert_nonnull (head);
  g_assert_cmpuint (count_occurrences (page, "Content-Security-Policy"), ==, 1);
  csp = extract_between (head, csp_meta, "\"");
  g_assert_cmpstr (csp, ==, BP_PAGE_CSP);

  /* The policy comes before anything it must govern. */
  g_assert_true (strstr (head, csp_meta) < strstr (head, "<style>"));
}

static void
test_csp_policy (void)
{
  g_auto(GStrv) directives = g_strsplit (BP_PAGE_CSP, ";", -1);
  gboolean has_default_src = FALSE;

  g_assert_nonnull (strstr (BP_PAGE_CSP, "default-src 'none'"));
  g_assert_null (strstr (BP_PAGE_CSP, "http:"));
  g_assert_null (strstr (BP_PAGE_CSP, "https:"));
  g_assert_null (strstr (BP_PAGE_CSP, "http"));
  g_assert_null (strstr (BP_PAGE_CSP, "*"));
  g_assert_null (strstr (BP_PAGE_CSP, "script-src"));
  g_assert_null (strstr (BP_PAGE_CSP, "'unsafe-eval'"));
  /* It must fit in a double-quoted attribute as is. */
  g_assert_null (strchr (BP_PAGE_CSP, '"'));
  g_assert_null (strchr (BP_PAGE_CSP, '<'));
  g_assert_null (strchr (BP_PAGE_CSP, '&'));

  for (guint i = 0; directives[i] != NULL; i++)
    {
      const char *directive = g_strstrip (directives[i]);

      if (g_str_has_prefix (directive, "default-src"))
        {
          g_assert_cmpstr (directive, ==, "default-src 'none'");
          has_default_src = TRUE;
        }
    }
  g_assert_true (has_default_src);
}

/* Theme */

static void
assert_theme (BpPageTheme  theme,
              const char  *name,
              const char  *other)
{
  static const char deck_text[] = "### Q1: Colours\n\nText.\n";
  g_autofree char *page = render_first (deck_text, BP_DECK_UNTRUSTED, theme);
  g_autofree char *html_tag = extract_between (page, "<html", ">");
  g_autofree char *class_attr = g_strdup_printf ("class=\"%s\"", name);
  g_autofree char *other_class_attr = g_strdup_printf ("class=\"%s\"", other);
  g_autofree char *color_scheme = g_strdup_printf ("<meta name=\"color-scheme\" content=\"%s\">",
                                                   name);
  g_autofree char *style = extract_between (page, "<style>", "</style>");

  g_assert_cmpstr (bp_page_theme_to_string (theme), ==, name);
  g_assert_nonnull (html_tag);
  g_assert_nonnull (strstr (html_tag, class_attr));
  g_assert_null (strstr (html_tag, other_class_attr));
  g_assert_nonnull (strstr (page, color_scheme));
  g_assert_cmpuint (count_occurrences (page, "name=\"color-scheme\""), ==, 1);

  /* Both palettes are inlined, whichever the page opens in. */
  g_assert_nonnull (style);
  g_assert_nonnull (strstr (style, ":root {"));
  g_assert_nonnull (strstr (style, ":root.dark {"));
}

static void
test_theme_dark (void)
{
  assert_theme (BP_PAGE_THEME_DARK, "dark", "light");
}

static void
test_theme_light (void)
{
  assert_theme (BP_PAGE_THEME_LIGHT, "light", "dark");
}

/* The whole page */

static void
test_page_structure (void)
{
  static const char deck_text[] =
    "# Deck\n"
    "\n"
    "### Q7: What is a *page*?\n"
    "\n"
    "A page is **one** question.\n"
    "\n"
    "- with a list\n";
  g_autofree char *page = render_first (deck_text, BP_DECK_UNTRUSTED, BP_PAGE_THEME_LIGHT);
  g_autofree char *article = extract_between (page, "<article class=\"answer\">", "</article>");
  g_autofree char *body = extract_between (page, "<body>", "</body>");

  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>"));
  g_assert_true (g_regex_match_simple ("<html lang=\"[a-z]{2}[^\"]*\"", page, 0, 0));
  g_assert_nonnull (strstr (page, "<meta charset=\"utf-8\">"));
  g_assert_nonnull (strstr (page, "<p class=\"label\">Question 7</p>"));
  g_assert_nonnull (strstr (page, "<title>What is a page?</title>"));
  g_assert_nonnull (strstr (page, "<h1>What is a page?</h1>"));
  g_assert_true (g_str_has_suffix (g_strchomp (page), "</html>"));

  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body, "<h1>"));
  g_assert_cmpstr (article, ==,
                   "\n"
                   "<p>A page is <strong>one</strong> question.</p>\n"
                   "<ul>\n"
                   "<li>with a list</li>\n"
                   "</ul>\n"
                   "\n");
}

static void
test_page_no_answer (void)
{
  static const char deck_text[] = "### Q2: Unanswered?\n### Q3: Next\n\nText.\n";
  g_autofree char *page = render_first (deck_text, BP_DECK_UNTRUSTED, BP_PAGE_THEME_LIGHT);
  g_autofree char *article = extract_between (page, "<article class=\"answer\">", "</article>");

  g_assert_nonnull (strstr (page, "<h1>Unanswered?</h1>"));
  g_assert_nonnull (strstr (page, "<p class=\"label\">Question 2</p>"));
  g_assert_nonnull (article);
  g_assert_nonnull (strstr (article, "no answer yet"));
  g_assert_null (strstr (article, "Text."));
}

static void
test_page_builtin_deck (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse_builtin (&error);
  g_autoptr(BpPageRenderer) renderer = renderer_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (deck)), ==, 22);

  for (guint i = 0; i < 22; i++)
    for (BpPageTheme theme = BP_PAGE_THEME_LIGHT; theme <= BP_PAGE_THEME_DARK; theme++)
      {
        BpQuestion *question = bp_deck_get_question (deck, i);
        g_autofree char *page = bp_page_renderer_render (renderer, question, theme, NULL);
        g_autofree char *label = g_strdup_printf ("<p class=\"label\">Question %u</p>", i + 1);
        const char *title = bp_question_get_title (question);
        g_autofree char *escaped_title = g_markup_escape_text (title, -1);
        g_autofree char *h1 = g_strdup_printf ("<h1>%s</h1>", escaped_title);
        g_autofree char *article = extract_between (page, "<article class=\"answer\">",
                                                    "</article>");
        g_autofree char *lower = g_ascii_strdown (page, -1);

        g_assert_nonnull (page);
        g_assert_true (g_utf8_validate (page, -1, NULL));
        g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>"));
        g_assert_null (strstr (page, "{{"));
        g_assert_nonnull (strstr (page, label));
        g_assert_nonnull (strstr (page, h1));
        g_assert_nonnull (article);
        g_assert_cmpuint (strlen (article), >, 200);
        g_assert_null (strstr (article, "no answer yet"));
        g_assert_null (strstr (lower, "<script"));
        g_assert_null (strstr (lower, "javascript:"));
      }
}

static void
test_page_render_answer_matches (void)
{
  static const char deck_text[] = "### Q1: Same\n\nA *fragment*.\n";
  g_autoptr(BpPageRenderer) renderer = renderer_new ();
  g_autoptr(BpDeck) deck = parse_ok (deck_text, BP_DECK_UNTRUSTED);
  BpQuestion *question = bp_deck_get_question (deck, 0);
  g_autofree char *fragment = bp_page_renderer_render_answer (question);
  g_autofree char *page = bp_page_renderer_render (renderer, question, BP_PAGE_THEME_LIGHT, NULL);

  g_assert_cmpstr (fragment, ==, "<p>A <em>fragment</em>.</p>\n");
  g_assert_nonnull (strstr (page, fragment));
}

/* The answer document */

/* A page and the search read one document, made by one walk the first time it is asked
 * for and kept: rendering a question again walks nothing. */
static void
test_document_one_walk (void)
{
  static const char deck_text[] =
    "### Q1: Walked\n\n"
    "A *fragment* with <span>raw</span> HTML.\n\n"
    "![A curve](figure:q04-batch-norm \"The caption\")\n\n"
    "<script>hiddenscript</script>\n";
  g_autoptr(BpPageRenderer) renderer = renderer_new ();
  g_autoptr(BpDeck) deck = parse_ok (deck_text, BP_DECK_TRUSTED);
  BpQuestion *question = bp_deck_get_question (deck, 0);
  BpAnswerDocument *document = bp_question_get_document (question);
  g_autofree char *first = bp_page_renderer_render (renderer, question, BP_PAGE_THEME_LIGHT, NULL);
  g_autofree char *again = bp_page_renderer_render (renderer, question, BP_PAGE_THEME_LIGHT, NULL);
  g_autofree char *fragment = bp_page_renderer_render_answer (question);
  const char *text = bp_answer_document_get_text (document);

  g_assert_nonnull (document);
  g_assert_true (bp_question_get_document (question) == document);
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (fragment, ==, bp_answer_document_get_html (document));
  g_assert_nonnull (strstr (first, fragment));
  g_assert_nonnull (strstr (fragment, "<figcaption>The caption</figcaption>"));

  /* The text is what the page shows: the caption and the description, never the URL or
   * a script. */
  g_assert_nonnull (strstr (text, "fragment"));
  g_assert_nonnull (strstr (text, "raw"));
  g_assert_nonnull (strstr (text, "A curve"));
  g_assert_nonnull (strstr (text, "The caption"));
  g_assert_null (strstr (text, "figure:"));
  g_assert_null (strstr (text, "span"));
  g_assert_null (strstr (text, "hiddenscript"));
}

static void
test_document_no_answer (void)
{
  g_autoptr(BpDeck) deck = parse_ok ("### Q1: Empty\n", BP_DECK_UNTRUSTED);
  BpAnswerDocument *document = bp_question_get_document (bp_deck_get_question (deck, 0));

  g_assert_nonnull (strstr (bp_answer_document_get_html (document), "class=\"no-answer\""));
  g_assert_null (strstr (bp_answer_document_get_text (document), "answer"));
}

#define N_THREADS 4

static gpointer
get_documents_thread (gpointer data)
{
  BpDeck *deck = data;
  guint n = bp_deck_get_n_questions (deck);
  gpointer *documents = g_new (gpointer, n);

  /* From the end, so the threads meet the same questions at the same time. */
  for (guint i = 0; i < n; i++)
    documents[i] = bp_question_get_document (bp_deck_get_question (deck, n - 1 - i));

  return documents;
}

/* A search index built in a worker and a page shown on the main thread may ask for one
 * question's document at once: both get the same one. */
static void
test_document_threads (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(BpDeck) deck = NULL;
  GThread *threads[N_THREADS];
  gpointer *documents[N_THREADS];
  guint n;

  for (guint i = 1; i <= 500; i++)
    g_string_append_printf (text, "### Q%u: Question %u\n\nAnswer *%u*, <b>raw</b>.\n\n", i, i, i);
  deck = parse_ok (text->str, BP_DECK_TRUSTED);
  n = bp_deck_get_n_questions (deck);

  for (guint t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("documents", get_documents_thread, deck);
  for (guint t = 0; t < N_THREADS; t++)
    documents[t] = g_thread_join (threads[t]);

  for (guint i = 0; i < n; i++)
    {
      BpQuestion *question = bp_deck_get_question (deck, n - 1 - i);

      for (guint t = 0; t < N_THREADS; t++)
        g_assert_true (documents[t][i] == bp_question_get_document (question));
    }

  for (guint t = 0; t < N_THREADS; t++)
    g_free (documents[t]);
}

/* Templates */

static void
test_template_custom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPageRenderer) renderer = NULL;
  g_autoptr(BpDeck) deck = parse_ok ("### Q4: A & B\n\nText.\n", BP_DECK_UNTRUSTED);
  g_autofree char *page = NULL;

  renderer = bp_page_renderer_new ("[{{theme}}|{{label}}|{{title}}|{{style}}|{{answer}}]",
                                   "p{}", &error);
  g_assert_no_error (error);
  g_assert_nonnull (renderer);

  page = bp_page_renderer_render (renderer, bp_deck_get_question (deck, 0), BP_PAGE_THEME_DARK, NULL);
  g_assert_cmpstr (page, ==, "[dark|Question 4|A &amp; B|p{}|<p>Text.</p>\n]");
}

static void
test_template_no_placeholders (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPageRenderer) renderer = bp_page_renderer_new ("static } { page", "", &error);
  g_autoptr(BpDeck) deck = parse_ok ("### Q1: x\n", BP_DECK_UNTRUSTED);
  g_autofree char *page = NULL;

  g_assert_no_error (error);
  page = bp_page_renderer_render (renderer, bp_deck_get_question (deck, 0), BP_PAGE_THEME_LIGHT, NULL);
  g_assert_cmpstr (page, ==, "static } { page");
}

static void
assert_template_fails (const char *template_html)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpPageRenderer) renderer = NULL;

  renderer = bp_page_renderer_new (template_html, "body {}", &error);
  g_assert_null (renderer);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("%s: %s", template_html, error->message);
}

static void
test_template_unknown_placeholder (void)
{
  assert_template_fails ("<p>{{nope}}</p>");
  assert_template_fails ("<title>{{title}}</title>{{ title }}");
  assert_template_fails ("{{}}");
}

static void
test_template_unclosed_placeholder (void)
{
  assert_template_fails ("<h1>{{title</h1>");
  assert_template_fails ("<h1>{{title}}</h1>{{");
  assert_template_fails ("{{title}");
}

static void
test_notes_untrusted (void)
{
  g_autofree char *html = bp_page_renderer_render_notes (
    "Remember **this**.\n\n"
    "<script>alert(1)</script>\n\n"
    "<img src=x onerror=alert(2)>\n\n"
    "[bad](javascript:alert(3)) [data](data:text/html,x) [good](https://example.org/)\n");

  g_assert_nonnull (strstr (html, "<h2 id=\"notes-heading\">Your notes</h2>"));
  g_assert_nonnull (strstr (html, "<strong>this</strong>"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "onerror"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "javascript:"));
  g_assert_null (strstr (html, "data:"));
  g_assert_nonnull (strstr (html, "href=\"https://example.org/\""));
}

static void
test_notes_in_page (void)
{
  g_autoptr(BpPageRenderer) renderer = renderer_new ();
  g_autoptr(BpDeck) deck = parse_ok ("### Q1: One\n\nAnswer.\n", BP_DECK_TRUSTED);
  BpQuestion *question = bp_deck_get_question (deck, 0);
  g_autofree char *with_notes = bp_page_renderer_render (renderer, question, BP_PAGE_THEME_LIGHT,
                                                         "My <b>own</b> words & more");
  g_autofree char *without_notes = bp_page_renderer_render (renderer, question, BP_PAGE_THEME_LIGHT,
                                                            " \n\t");
  g_autofree char *section = extract_between (with_notes, "<section id=\"notes\"", "</section>");
  g_autofree char *empty_section = extract_between (without_notes, "<section id=\"notes\"", "</section>");

  /* Even in a trusted deck's page, the notes stay untrusted. */
  g_assert_nonnull (section);
  g_assert_nonnull (strstr (section, "Your notes"));
  g_assert_nonnull (strstr (section, "words &amp; more"));
  g_assert_null (strstr (section, "<b>"));
  /* The answer comes first, the notes after it. */
  g_assert_true (strstr (with_notes, "Answer.") < strstr (with_notes, "Your notes"));

  g_assert_nonnull (empty_section);
  g_assert_null (strstr (empty_section, "Your notes"));
}

/* The study page: the question alone. Every answer of the built-in deck, and the notes, are
 * nowhere in it, not even their first words. */
static void
test_question_page_hides_answer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse_builtin (&error);
  g_autoptr(BpPageRenderer) renderer = renderer_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    {
      BpQuestion *question = bp_deck_get_question (deck, i);
      g_autofree char *page = bp_page_renderer_render_question (renderer, question,
                                                                BP_PAGE_THEME_DARK);
      g_autofree char *escaped_title = g_markup_escape_text (bp_question_get_title (question), -1);
      g_autofree char *h1 = g_strdup_printf ("<h1>%s</h1>", escaped_title);
      g_autofree char *article = extract_between (page, "<article class=\"answer\">", "</article>");
      const char *answer_html = bp_answer_document_get_html (bp_question_get_document (question));
      g_autofree char *answer_start = g_strndup (answer_html, 40);

      g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>"));
      g_assert_nonnull (strstr (page, "class=\"dark\""));
      g_assert_nonnull (strstr (page, h1));
      g_assert_nonnull (article);
      g_assert_nonnull (strstr (article, "Recall your answer"));
      g_assert_null (strstr (page, answer_start));
      g_assert_null (strstr (page, "Your notes"));
      g_assert_null (strstr (page, "<svg"));
    }
}

/* Nesting */

static const char * const block_nesting[] = { "ul", "ol", "blockquote", NULL };
static const char * const inline_nesting[] = { "em", "strong", "a", NULL };

static char *
repeat_around (const char *before,
               guint       times,
               const char *middle,
               const char *after)
{
  GString *text = g_string_new ("### Q1: Deep\n\n");

  for (guint i = 0; i < times; i++)
    g_string_append (text, before);
  g_string_append (text, middle);
  for (guint i = 0; i < times; i++)
    g_string_append (text, after);
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}

static char *
render_first_answer (const char  *text,
                     BpDeckTrust  trust)
{
  g_autoptr(BpDeck) deck = parse_ok (text, trust);

  return bp_page_renderer_render_answer (bp_deck_get_question (deck, 0));
}

/* A hundred thousand levels (WebKit would take minutes to lay them out) are flattened to
 * BP_CMARK_MAX_NESTING, in linear time, and the deepest text is still there. */
static void
test_nesting_deep_flattened (void)
{
  static const char * const units[] = { "- ", "1. ", "> ", "> - ", "- > " };

  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    for (BpDeckTrust trust = BP_DECK_UNTRUSTED; trust <= BP_DECK_TRUSTED; trust++)
      {
        g_autofree char *text = repeat_around (units[i], 100000, "deepest", "");
        g_autofree char *html = render_first_answer (text, trust);

        g_test_message ("'%s' x 100000, trusted: %d", units[i], trust);
        g_assert_cmpuint (html_max_depth (html, block_nesting), ==, BP_CMARK_MAX_NESTING);
        g_assert_nonnull (strstr (html, "deepest"));
      }
}

static void
test_nesting_shallow_kept (void)
{
  g_autofree char *at_limit = repeat_around ("- ", BP_CMARK_MAX_NESTING, "x", "");
  g_autofree char *over_limit = repeat_around ("> ", BP_CMARK_MAX_NESTING + 1, "x", "");
  g_autofree char *at_limit_html = render_first_answer (at_limit, BP_DECK_UNTRUSTED);
  g_autofree char *over_limit_html = render_first_answer (over_limit, BP_DECK_UNTRUSTED);
  g_autofree char *list_html = render_first_answer ("### Q1: List\n\n"
                                                    "- a\n  - b\n    > c\n    > - d\n- e\n",
                                                    BP_DECK_UNTRUSTED);

  g_assert_cmpuint (html_max_depth (at_limit_html, block_nesting), ==, BP_CMARK_MAX_NESTING);
  g_assert_cmpuint (html_max_depth (over_limit_html, block_nesting), ==, BP_CMARK_MAX_NESTING);
  g_assert_nonnull (strstr (over_limit_html, "<p>x</p>"));
  g_assert_cmpstr (list_html, ==,
                   "<ul>\n<li>a\n<ul>\n<li>b\n<blockquote>\n<p>c</p>\n<ul>\n<li>d</li>\n"
                   "</ul>\n</blockquote>\n</li>\n</ul>\n</li>\n<li>e</li>\n</ul>\n");
}

static void
test_nesting_inline_flattened (void)
{
  g_autofree char *emphasis = repeat_around ("_a ", 100000, "x", " b_");
  g_autofree char *links = repeat_around ("[", 1000, "x", "](https://example.org/)");
  g_autofree char *emphasis_html = render_first_answer (emphasis, BP_DECK_UNTRUSTED);
  g_autofree char *links_html = render_first_answer (links, BP_DECK_TRUSTED);

  g_assert_cmpuint (html_max_depth (emphasis_html, inline_nesting), ==, BP_CMARK_MAX_NESTING);
  /* Flattening keeps every word. */
  g_assert_cmpuint (count_occurrences (emphasis_html, "a "), ==, 100000);
  g_assert_cmpuint (count_occurrences (emphasis_html, " b"), ==, 100000);
  g_assert_cmpuint (html_max_depth (links_html, inline_nesting), <=, BP_CMARK_MAX_NESTING);
  g_assert_nonnull (strstr (links_html, "x"));
}

static void
test_nesting_notes (void)
{
  g_autofree char *notes = repeat_around ("> - ", 100000, "deepest", "");
  g_autofree char *html = bp_page_renderer_render_notes (notes);

  g_assert_cmpuint (html_max_depth (html, block_nesting), ==, BP_CMARK_MAX_NESTING);
  g_assert_nonnull (strstr (html, "deepest"));
}

static void
test_figure_inline (void)
{
  g_autofree char *page = render_first (
    "### Q1: One\n\nBefore.\n\n"
    "![Batch norm between the layer & its activation](figure:q04-batch-norm \"Where <BN> sits.\")\n\n"
    "After.\n",
    BP_DECK_UNTRUSTED, BP_PAGE_THEME_LIGHT);
  g_autofree char *figure = extract_between (page, "<figure id=\"figure-q04-batch-norm\">", "</figure>");

  /* Inline SVG, never an <img>, so it takes the page's colours; even for an untrusted deck,
   * since the drawing is the app's own. */
  g_assert_nonnull (figure);
  g_assert_null (strstr (page, "<img"));
  g_assert_nonnull (strstr (figure, "<svg role=\"img\" aria-label=\"Batch norm between the layer &amp; its activation\""));
  g_assert_nonnull (strstr (figure, "data-figure=\"q04-batch-norm\""));
  g_assert_nonnull (strstr (figure, "</svg>"));
  g_assert_nonnull (strstr (figure, "<figcaption>Where &lt;BN&gt; sits.</figcaption>"));
  g_assert_null (strstr (page, "<?xml"));
  g_assert_true (strstr (page, "Before.") < strstr (page, "<figure") &&
                 strstr (page, "</figure>") < strstr (page, "After."));
}

static void
test_figure_missing_or_malformed (void)
{
  static const char * const names[] = { "q99-nothing", "../page/page", "Q04-BATCH-NORM", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = g_strdup_printf ("### Q1: One\n\n![A figure that is not there](figure:%s)\n",
                                               names[i]);
      g_autofree char *page = render_first (text, BP_DECK_TRUSTED, BP_PAGE_THEME_LIGHT);

      g_assert_null (strstr (page, "<svg"));
      g_assert_null (strstr (page, "<figure"));
      g_assert_nonnull (strstr (page, "class=\"missing-figure\""));
    }
}

/* Every question whose answer has formulas shows them as MathML, and every figure the
 * built-in deck names is drawn. */
static void
test_builtin_math_and_figures (void)
{
  static const guint with_math[] = { 2, 4, 11, 14, 16, 18, 20, 22 };
  static const struct { guint number; guint figures; } with_figures[] = {
    { 1, 1 }, { 2, 1 }, { 4, 1 }, { 8, 1 }, { 9, 1 }, { 11, 2 }, { 14, 1 }, { 16, 1 },
    { 18, 1 }, { 20, 1 }, { 22, 4 },
  };
  g_autoptr(BpPageRenderer) renderer = renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse_builtin (&error);

  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (with_math); i++)
    {
      g_autofree char *page = bp_page_renderer_render (renderer, bp_deck_find_by_number (deck, with_math[i]),
                                                       BP_PAGE_THEME_DARK, NULL);

      g_test_message ("question %u", with_math[i]);
      g_assert_nonnull (strstr (page, "<math"));
      g_assert_null (strstr (page, "&lt;math"));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (with_figures); i++)
    {
      g_autofree char *page = bp_page_renderer_render (renderer,
                                                       bp_deck_find_by_number (deck, with_figures[i].number),
                                                       BP_PAGE_THEME_LIGHT, NULL);
      guint figures = 0;

      for (const char *p = page; (p = strstr (p, "<figure id=")) != NULL; p++)
        figures++;

      g_test_message ("question %u", with_figures[i].number);
      g_assert_cmpuint (figures, ==, with_figures[i].figures);
      g_assert_null (strstr (page, "missing-figure"));
      g_assert_null (strstr (page, "figure:"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-renderer/escape/title", test_escape_title);
  g_test_add_func ("/page-renderer/escape/title-tags", test_escape_title_tags);
  g_test_add_func ("/page-renderer/escape/answer-text", test_escape_answer_text);

  g_test_add_func ("/page-renderer/raw-html/untrusted-dropped", test_untrusted_raw_html);
  g_test_add_func ("/page-renderer/raw-html/trusted-kept", test_trusted_raw_html);
  g_test_add_func ("/page-renderer/images/outside-folder", test_untrusted_image_outside);

  g_test_add_func ("/page-renderer/links/javascript", test_javascript_link);

  g_test_add_func ("/page-renderer/csp/meta", test_csp_meta);
  g_test_add_func ("/page-renderer/csp/policy", test_csp_policy);

  g_test_add_func ("/page-renderer/theme/dark", test_theme_dark);
  g_test_add_func ("/page-renderer/theme/light", test_theme_light);

  g_test_add_func ("/page-renderer/page/structure", test_page_structure);
  g_test_add_func ("/page-renderer/page/no-answer", test_page_no_answer);
  g_test_add_func ("/page-renderer/page/builtin-deck", test_page_builtin_deck);
  g_test_add_func ("/page-renderer/page/render-answer", test_page_render_answer_matches);

  g_test_add_func ("/page-renderer/document/one-walk", test_document_one_walk);
  g_test_add_func ("/page-renderer/document/no-answer", test_document_no_answer);
  g_test_add_func ("/page-renderer/document/threads", test_document_threads);

  g_test_add_func ("/page-renderer/figure/inline", test_figure_inline);
  g_test_add_func ("/page-renderer/figure/missing-or-malformed", test_figure_missing_or_malformed);
  g_test_add_func ("/page-renderer/builtin/math-and-figures", test_builtin_math_and_figures);

  g_test_add_func ("/page-renderer/nesting/deep-flattened", test_nesting_deep_flattened);
  g_test_add_func ("/page-renderer/nesting/shallow-kept", test_nesting_shallow_kept);
  g_test_add_func ("/page-renderer/nesting/inline-flattened", test_nesting_inline_flattened);
  g_test_add_func ("/page-renderer/nesting/notes", test_nesting_notes);

  g_test_add_func ("/page-renderer/notes/untrusted", test_notes_untrusted);
  g_test_add_func ("/page-renderer/notes/in-page", test_notes_in_page);
  g_test_add_func ("/page-renderer/question-page-hides-answer", test_question_page_hides_answer);

  g_test_add_func ("/page-renderer/template/custom", test_template_custom);
  g_test_add_func ("/page-renderer/template/no-placeholders", test_template_no_placeholders);
  g_test_add_func ("/page-renderer/template/unknown-placeholder",
                   test_template_unknown_placeholder);
  g_test_add_func ("/page-renderer/template/unclosed-placeholder",
                   test_template_unclosed_placeholder);

  return g_test_run ();
}
