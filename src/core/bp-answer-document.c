/* bp-answer-document.c: an answer as its page shows it: HTML and searchable text, from one walk
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-answer-document"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bp-answer-document-private.h"
#include "bp-cmark-private.h"
#include "bp-html-sanitizer.h"
#include "bp-html-text.h"

#define FIGURE_DIR RESOURCE_PREFIX "figures/"
#define FIGURE_SCHEME "figure:"
#define MAX_FIGURE_NAME 64

struct _BpAnswerDocument
{
  char *html;
  char *text;
};

G_DEFINE_BOXED_TYPE (BpAnswerDocument, bp_answer_document,
                     bp_answer_document_ref, bp_answer_document_unref)

/* One walk over an answer's blocks makes both what the page shows and the text the search
 * reads, so the two follow the same rules: what trust lets through, what a figure shows. */
typedef struct
{
  cmark_node *answer;
  gboolean trusted; /* raw HTML is shown, in the page and so in the text */
  const char *deck_id; /* where an untrusted deck's local images are served from */
  GString *unsanitized; /* an untrusted answer's raw HTML and images: its blocks so far */
  GString *html;
  GString *text;
  BpHtmlText html_text;
} Walk;

/* Figures */

static gboolean
is_figure_name (const char *name)
{
  gsize length = strlen (name);

  if (length == 0 || length > MAX_FIGURE_NAME)
    return FALSE;

  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* The image of a paragraph that holds only ![alt](figure:<name> "caption"). */
static cmark_node *
figure_image (cmark_node *block)
{
  cmark_node *image = cmark_node_first_child (block);

  if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH || image == NULL ||
      cmark_node_next (image) != NULL || cmark_node_get_type (image) != CMARK_NODE_IMAGE)
    return NULL;

  if (!g_str_has_prefix (cmark_node_get_url (image), FIGURE_SCHEME))
    return NULL;

  return image;
}

/* The figure's SVG from the resources, from its root element on. */
static GBytes *
lookup_figure (const char  *name,
               const char **svg)
{
  g_autofree char *path = g_strconcat (FIGURE_DIR, name, ".svg", NULL);
  GBytes *bytes;
  gsize size;
  const char *data;

  if (!is_figure_name (name))
    return NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  *svg = g_strstr_len (data, size, "<svg");
  if (*svg == NULL)
    g_clear_pointer (&bytes, g_bytes_unref);

  return bytes;
}

/* Inline SVG, so the figure takes the page's colours; its alternative text becomes the
 * accessible name of the drawing, its title the caption. */
static void
append_figure (GString    *html,
               cmark_node *image)
{
  const char *name = cmark_node_get_url (image) + strlen (FIGURE_SCHEME);
  g_autofree char *alt = bp_cmark_plain_text (image);
  g_autofree char *alt_escaped = g_markup_escape_text (alt, -1);
  g_autofree char *caption = g_markup_escape_text (cmark_node_get_title (image), -1);
  g_autoptr(GBytes) bytes = NULL;
  const char *svg = NULL;
  const char *end;

  bytes = lookup_figure (name, &svg);
  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Figure “%s” is missing from this build."), name);
      g_autofree char *message_escaped = g_markup_escape_text (message, -1);

      g_string_append_printf (html, "<p class=\"missing-figure\">%s</p>\n", message_escaped);
      return;
    }

  end = (const char *)g_bytes_get_data (bytes, NULL) + g_bytes_get_size (bytes);
  g_string_append_printf (html, "<figure id=\"figure-%s\">\n<svg role=\"img\" aria-label=\"%s\"",
                          name, alt_escaped);
  g_string_append_len (html, svg + strlen ("<svg"), end - svg - strlen ("<svg"));
  if (*caption != '\0')
    g_string_append_printf (html, "<figcaption>%s</figcaption>\n", caption);
  g_string_append (html, "</figure>\n");
}

/* Untrusted raw HTML and images
 *
 * An untrusted answer that holds raw HTML or an image is rendered with its raw HTML and
 * then sanitized whole (see bp-html-sanitizer.c): an element opened in one cmark node and
 * closed in another (<kbd>Ctrl</kbd>, or a <details> around markdown blocks) is read as
 * a browser reads the page. Other answers keep cmark's safe mode, unchanged. */

static gboolean
needs_sanitizer (cmark_node *block)
{
  cmark_iter *iter = cmark_iter_new (block);
  cmark_event_type event;
  gboolean found = FALSE;

  while (!found && (event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    switch (cmark_node_get_type (cmark_iter_get_node (iter)))
      {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_IMAGE:
        found = TRUE;
        break;

      default:
        break;
      }
  cmark_iter_free (iter);

  return found;
}

static void
append_unsanitized_block (Walk       *walk,
                          cmark_node *block)
{
  char *raw = bp_cmark_render_html (block, CMARK_OPT_UNSAFE);

  g_string_append (walk->unsanitized, raw);
  free (raw);
}

/* Before a figure and at the end of the answer. */
static void
flush_unsanitized (Walk *walk)
{
  g_autofree char *sanitized = NULL;

  if (walk->unsanitized == NULL || walk->unsanitized->len == 0)
    return;

  sanitized = bp_html_sanitize (walk->unsanitized->str, walk->unsanitized->len, walk->deck_id);
  g_string_append (walk->html, sanitized);
  g_string_truncate (walk->unsanitized, 0);
}

/* The HTML
 *
 * Block by block, so that a paragraph holding only a figure image becomes the figure
 * itself. Untrusted answers get cmark's safe mode: raw HTML is dropped and unsafe link
 * schemes emptied. */

static void
append_block_html (Walk       *walk,
                   cmark_node *block)
{
  cmark_node *image = figure_image (block);
  char *block_html;

  if (image != NULL)
    {
      flush_unsanitized (walk);
      append_figure (walk->html, image);
      return;
    }

  if (walk->unsanitized != NULL)
    {
      append_unsanitized_block (walk, block);
      return;
    }

  block_html = bp_cmark_render_html (block, walk->trusted ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT);
  g_string_append (walk->html, block_html);
  free (block_html);
}

/* The text
 *
 * Text, code, link text, image descriptions and captions, and the text of raw HTML: all
 * of it in a trusted deck (MathML), what the sanitizer keeps in an untrusted one. Never URLs. Blocks,
 * line breaks and HTML tags separate words; emphasis and links do not. */

static void
append_text (Walk       *walk,
             const char *text)
{
  if (!bp_html_text_is_hidden (&walk->html_text) && text != NULL)
    g_string_append (walk->text, text);
}

static void
append_raw_html_text (Walk       *walk,
                      const char *html)
{
  g_autofree char *sanitized = NULL;

  if (walk->trusted)
    {
      bp_html_text_append (&walk->html_text, walk->text, html);
      return;
    }

  sanitized = bp_html_sanitize (html, strlen (html), NULL);
  bp_html_text_append (&walk->html_text, walk->text, sanitized);
  g_string_append_c (walk->text, ' ');
}

/* An image's title is its figure's caption. */
static void
append_caption_text (Walk       *walk,
                     cmark_node *image)
{
  g_string_append_c (walk->text, ' ');
  append_text (walk, cmark_node_get_title (image));
  g_string_append_c (walk->text, ' ');
}

static void
append_node_text (Walk             *walk,
                  cmark_node       *node,
                  cmark_event_type  event)
{
  cmark_node_type type = cmark_node_get_type (node);

  if (bp_cmark_is_block (node))
    g_string_append_c (walk->text, ' ');

  if (event == CMARK_EVENT_EXIT)
    {
      if (type == CMARK_NODE_IMAGE)
        append_caption_text (walk, node);
      return;
    }

  switch (type)
    {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_CODE_BLOCK:
      append_text (walk, cmark_node_get_literal (node));
      break;

    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_HTML_INLINE:
      append_raw_html_text (walk, cmark_node_get_literal (node));
      break;

    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_IMAGE:
      g_string_append_c (walk->text, ' ');
      break;

    default:
      break;
    }
}

/* The document */

static void
walk_answer (Walk *walk)
{
  cmark_iter *iter = cmark_iter_new (walk->answer);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_parent (node) == walk->answer)
        append_block_html (walk, node);
      append_node_text (walk, node, event);
    }
  cmark_iter_free (iter);
}

/* The document lives as long as its question: no room to spare. */
static char *
free_to_fit (GString *string)
{
  gsize length = string->len;

  return g_realloc (g_string_free (string, FALSE), length + 1);
}

static void
clear_document (gpointer data)
{
  BpAnswerDocument *self = data;

  g_free (self->html);
  g_free (self->text);
}

/**
 * bp_answer_document_new:
 * @answer: a CMARK_NODE_DOCUMENT holding an answer's blocks, which is only read
 * @trusted: whether @answer comes from a trusted deck, whose raw HTML is shown
 * @deck_id: (nullable): the deck's id, which an untrusted deck's local images are served under
 *
 * Walks @answer once. Several threads may walk one tree at once: nothing is changed.
 *
 * Returns: (transfer full): @answer's document.
 */
BpAnswerDocument *
bp_answer_document_new (cmark_node *answer,
                        gboolean    trusted,
                        const char *deck_id)
{
  BpAnswerDocument *self;
  Walk walk = { answer, !!trusted, deck_id, NULL, g_string_new (NULL), g_string_new (NULL), { "" } };

  g_return_val_if_fail (answer != NULL, NULL);
  g_return_val_if_fail (cmark_node_get_type (answer) == CMARK_NODE_DOCUMENT, NULL);

  if (!walk.trusted && needs_sanitizer (answer))
    walk.unsanitized = g_string_new (NULL);
  walk_answer (&walk);
  flush_unsanitized (&walk);
  if (walk.unsanitized != NULL)
    g_string_free (walk.unsanitized, TRUE);
  if (cmark_node_first_child (answer) == NULL)
    g_string_printf (walk.html, "<p class=\"no-answer\">%s</p>", _("This question has no answer yet."));

  self = g_atomic_rc_box_new0 (BpAnswerDocument);
  self->html = free_to_fit (walk.html);
  self->text = free_to_fit (walk.text);

  return self;
}

BpAnswerDocument *
bp_answer_document_ref (BpAnswerDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
bp_answer_document_unref (BpAnswerDocument *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, clear_document);
}

/**
 * bp_answer_document_get_html:
 *
 * Returns: the answer as an HTML fragment, as its page shows it.
 */
const char *
bp_answer_document_get_html (BpAnswerDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->html;
}

/**
 * bp_answer_document_get_text:
 *
 * The words the page shows, for the search: see bp_search_index_query(). Blocks, line
 * breaks and tags are spaces, so words never run together; spaces are not collapsed.
 *
 * Returns: the answer's text, as its page shows it.
 */
const char *
bp_answer_document_get_text (BpAnswerDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}
