/* fuzz-page-renderer.c: libFuzzer target for the page renderer: decks, trusted and untrusted, and notes
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-cmark-private.h"
#include "bp-deck-parser.h"
#include "bp-page-renderer.h"
#include "fuzz-target.h"
#include "../html-nesting.h"

static const char * const allowed_url_prefixes[] = {
  "http:", "https:", "mailto:", "backprop:", "figure:", "question:", "#",
};

static BpPageRenderer *renderer;

static gboolean
is_allowed_url (const char *url,
                gsize       length)
{
  const char *colon = memchr (url, ':', length);

  /* Relative: no scheme before the first path, query or fragment character. */
  if (colon == NULL || strcspn (url, "/?#") < (gsize)(colon - url))
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (allowed_url_prefixes); i++)
    if (g_ascii_strncasecmp (url, allowed_url_prefixes[i], strlen (allowed_url_prefixes[i])) == 0)
      return TRUE;

  return FALSE;
}

/* Text from an untrusted deck or from notes: no element of its own that runs or loads
 * anything, and no link or image source outside the harmless schemes. */
static void
check_untrusted_html (const char *html)
{
  static const char * const attributes[] = { " href=\"", " src=\"" };
  static const char * const blocks[] = { "ul", "ol", "blockquote", NULL };
  static const char * const inlines[] = { "em", "strong", "a", NULL };
  g_autofree char *lower = g_ascii_strdown (html, -1);
  gboolean in_value = FALSE;

  /* Deeper nesting is flattened, or the web view would take minutes to lay it out. */
  g_assert_cmpuint (html_max_depth (html, blocks), <=, BP_CMARK_MAX_NESTING);
  g_assert_cmpuint (html_max_depth (html, inlines), <=, BP_CMARK_MAX_NESTING);

  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<iframe"));
  g_assert_null (strstr (lower, "<meta"));
  g_assert_null (strstr (lower, "<style"));

  /* cmark writes a '"' of text or of a value as &quot;: a bare one opens or closes a value,
   * and " src=\"" inside one (an image's title, say) is text, not an attribute. */
  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '"')
        in_value = !in_value;
      if (in_value || *p == '"')
        continue;

      for (gsize i = 0; i < G_N_ELEMENTS (attributes); i++)
        if (strncmp (p, attributes[i], strlen (attributes[i])) == 0)
          {
            const char *value = p + strlen (attributes[i]);
            const char *end = strchr (value, '"');

            g_assert_nonnull (end);
            if (!is_allowed_url (value, end - value))
              g_error ("Unsafe URL in untrusted output: %.*s", (int)(end - value), value);
            p = end;
            break;
          }
    }
}

static void
render_deck (const char  *text,
             size_t       size,
             BpDeckTrust  trust,
             const char  *notes)
{
  g_autoptr(BpDeck) deck = bp_deck_parser_parse ("fuzz", text, size, trust, NULL);

  if (deck == NULL)
    return;

  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    {
      BpQuestion *question = bp_deck_get_question (deck, i);
      BpPageTheme theme = i % 2 ? BP_PAGE_THEME_DARK : BP_PAGE_THEME_LIGHT;
      g_autofree char *page = bp_page_renderer_render (renderer, question, theme, notes);
      g_autofree char *answer = bp_page_renderer_render_answer (question);

      g_assert_true (g_utf8_validate (page, -1, NULL));
      g_assert_true (g_utf8_validate (answer, -1, NULL));
      if (trust == BP_DECK_UNTRUSTED)
        check_untrusted_html (answer);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_target_init ();
  /* The template and style sheet come from the GResource linked into the target. */
  renderer = bp_page_renderer_new_from_resources (&error);
  g_assert_no_error (error);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Notes are a C string in the app. */
  g_autofree char *notes = g_strndup ((const char *)data, size);
  g_autofree char *notes_html = NULL;
  /* The store only ever holds UTF-8 notes, so only those reach a page. */
  const char *page_notes = g_utf8_validate (notes, -1, NULL) ? notes : NULL;

  render_deck ((const char *)data, size, BP_DECK_UNTRUSTED, page_notes);
  render_deck ((const char *)data, size, BP_DECK_TRUSTED, page_notes);

  /* The notes alone, raw bytes and all, as the notes pane refreshes them. */
  notes_html = bp_page_renderer_render_notes (notes);
  g_assert_true (g_utf8_validate (notes_html, -1, NULL));
  check_untrusted_html (notes_html);

  return 0;
}
