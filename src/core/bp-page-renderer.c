/* bp-page-renderer.c: renders a question into a complete, self-contained HTML page
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-page-renderer"

#include "config.h"

#include <cmark-gfm.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bp-cmark-private.h"
#include "bp-page-renderer.h"
#include "bp-tex.h"

#define TEMPLATE_PATH RESOURCE_PREFIX "page/page.html"
#define STYLE_PATH RESOURCE_PREFIX "page/page.css"
/* Answers with math kept rendered: the pages a study session goes back and forth among. */
#define MAX_CACHED_MATH 256

/* The template's {{placeholders}}; each value is escaped for where it goes, or is our own HTML. */
typedef enum {
  SLOT_LITERAL,
  SLOT_THEME,
  SLOT_CSP,
  SLOT_STYLE,
  SLOT_LABEL,
  SLOT_TITLE,
  SLOT_HEADING,
  SLOT_ANSWER,
  SLOT_NOTES,
} Slot;

static const char * const slot_names[] = {
  [SLOT_THEME] = "theme",
  [SLOT_CSP] = "csp",
  [SLOT_STYLE] = "style",
  [SLOT_LABEL] = "label",
  [SLOT_TITLE] = "title",
  [SLOT_HEADING] = "heading",
  [SLOT_ANSWER] = "answer",
  [SLOT_NOTES] = "notes",
};

typedef struct
{
  Slot slot;
  char *text;
} Segment;

struct _BpPageRenderer
{
  GObject parent_instance;

  GArray *segments;
  char *style_css;

  BpTexRenderFunc tex_render;
  gpointer tex_data;
  GDestroyNotify tex_destroy;
  GHashTable *math_answers;  /* BpAnswerDocument (a reference) -> its HTML with MathML */
};

G_DEFINE_FINAL_TYPE (BpPageRenderer, bp_page_renderer, G_TYPE_OBJECT)

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  g_clear_pointer (&segment->text, g_free);
}

static void
bp_page_renderer_finalize (GObject *object)
{
  BpPageRenderer *self = (BpPageRenderer *)object;

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->style_css, g_free);
  g_clear_pointer (&self->math_answers, g_hash_table_unref);
  if (self->tex_destroy != NULL)
    self->tex_destroy (self->tex_data);

  G_OBJECT_CLASS (bp_page_renderer_parent_class)->finalize (object);
}

static void
bp_page_renderer_class_init (BpPageRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_page_renderer_finalize;
}

static void
bp_page_renderer_init (BpPageRenderer *self)
{
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  g_array_set_clear_func (self->segments, segment_clear);
  self->math_answers = g_hash_table_new_full (NULL, NULL,
                                              (GDestroyNotify)bp_answer_document_unref, g_free);
}

static gboolean
lookup_slot (const char  *name,
             gsize        length,
             Slot        *slot)
{
  for (guint i = SLOT_LITERAL + 1; i < G_N_ELEMENTS (slot_names); i++)
    if (strlen (slot_names[i]) == length && strncmp (slot_names[i], name, length) == 0)
      {
        *slot = (Slot)i;
        return TRUE;
      }

  return FALSE;
}

static void
add_segment (BpPageRenderer *self,
             Slot            slot,
             const char     *text,
             gsize           length)
{
  Segment segment = { slot, slot == SLOT_LITERAL ? g_strndup (text, length) : NULL };

  g_array_append_val (self->segments, segment);
}

/* Splits the template once, so rendering a page is only appends. */
static gboolean
compile_template (BpPageRenderer  *self,
                  const char      *template_html,
                  GError         **error)
{
  const char *p = template_html;
  const char *open;

  while ((open = strstr (p, "{{")) != NULL)
    {
      const char *close = strstr (open + 2, "}}");
      Slot slot;

      if (close == NULL || !lookup_slot (open + 2, close - open - 2, &slot))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Page template: unknown or unclosed placeholder at byte %ld",
                       (long)(open - template_html));
          return FALSE;
        }

      add_segment (self, SLOT_LITERAL, p, open - p);
      add_segment (self, slot, NULL, 0);
      p = close + 2;
    }

  add_segment (self, SLOT_LITERAL, p, strlen (p));
  return TRUE;
}

/**
 * bp_page_renderer_new:
 * @template_html: the page, with {{theme}}, {{csp}}, {{style}}, {{label}}, {{title}}
 *   (text), {{heading}} (the title as HTML, its math rendered) and {{answer}} where the
 *   values go
 * @style_css: the style sheet, inlined into every page
 *
 * Returns: (transfer full): a renderer, or %NULL if the template is malformed.
 */
BpPageRenderer *
bp_page_renderer_new (const char  *template_html,
                      const char  *style_css,
                      GError     **error)
{
  g_autoptr(BpPageRenderer) self = NULL;

  g_return_val_if_fail (template_html != NULL, NULL);
  g_return_val_if_fail (style_css != NULL, NULL);

  self = g_object_new (BP_TYPE_PAGE_RENDERER, NULL);
  self->style_css = g_strdup (style_css);

  if (!compile_template (self, template_html, error))
    return NULL;

  return g_steal_pointer (&self);
}

static char *
lookup_resource_text (const char  *path,
                      GError     **error)
{
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  gsize size;
  const char *data;
  char *text;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  g_bytes_unref (bytes);

  return text;
}

/**
 * bp_page_renderer_new_from_resources:
 *
 * Returns: (transfer full): a renderer using the page template and style sheet compiled
 *   into the program.
 */
BpPageRenderer *
bp_page_renderer_new_from_resources (GError **error)
{
  g_autofree char *template_html = lookup_resource_text (TEMPLATE_PATH, error);
  g_autofree char *style_css = NULL;

  if (template_html == NULL)
    return NULL;

  style_css = lookup_resource_text (STYLE_PATH, error);
  if (style_css == NULL)
    return NULL;

  return bp_page_renderer_new (template_html, style_css, error);
}

const char *
bp_page_theme_to_string (BpPageTheme theme)
{
  return theme == BP_PAGE_THEME_DARK ? "dark" : "light";
}

/**
 * bp_page_renderer_render_answer:
 *
 * The answer's HTML, as the question's document has it (see bp_question_get_document()):
 * figures inline, raw HTML only from a trusted deck.
 *
 * Returns: (transfer full): the answer as an HTML fragment.
 */
char *
bp_page_renderer_render_answer (BpQuestion *question)
{
  g_return_val_if_fail (BP_IS_QUESTION (question), NULL);

  return g_strdup (bp_answer_document_get_html (bp_question_get_document (question)));
}

/**
 * bp_page_renderer_set_tex_func:
 * @render: (nullable) (scope notified): turns TeX into MathML
 *
 * Math in an opened deck's answers (see bp-tex.h) is rendered by @render when its page
 * is, once per answer: the page runs no script, so the app does it. Without a function,
 * the TeX shows as written.
 */
void
bp_page_renderer_set_tex_func (BpPageRenderer  *self,
                               BpTexRenderFunc  render,
                               gpointer         user_data,
                               GDestroyNotify   destroy)
{
  g_return_if_fail (BP_IS_PAGE_RENDERER (self));

  if (self->tex_destroy != NULL)
    self->tex_destroy (self->tex_data);
  self->tex_render = render;
  self->tex_data = user_data;
  self->tex_destroy = destroy;
  g_hash_table_remove_all (self->math_answers);
}

/* The answer's HTML, its math rendered; kept per document, which a reloaded deck replaces. */
static const char *
answer_html (BpPageRenderer *self,
             BpQuestion     *question)
{
  BpAnswerDocument *document = bp_question_get_document (question);
  const char *html = bp_answer_document_get_html (document);
  char *with_math;

  if (self->tex_render == NULL || !bp_tex_has_marks (html))
    return html;

  with_math = g_hash_table_lookup (self->math_answers, document);
  if (with_math != NULL)
    return with_math;

  if (g_hash_table_size (self->math_answers) >= MAX_CACHED_MATH)
    g_hash_table_remove_all (self->math_answers);
  with_math = bp_tex_replace_marks (html, self->tex_render, self->tex_data);
  g_hash_table_insert (self->math_answers, bp_answer_document_ref (document), with_math);

  return with_math;
}

/* The title as the page's heading shows it: an opened deck's TeX as math, as in answers. */
static char *
heading_html (BpPageRenderer *self,
              BpQuestion     *question)
{
  const char *source = bp_question_get_source_title (question);
  g_autofree char *marked = NULL;

  if (bp_question_get_trusted (question) || self->tex_render == NULL)
    return g_markup_escape_text (bp_question_get_title (question), -1);

  marked = bp_tex_mark_text (source, -1);
  if (!bp_tex_has_marks (marked))
    return g_steal_pointer (&marked);

  return bp_tex_replace_marks (marked, self->tex_render, self->tex_data);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/**
 * bp_page_renderer_render_notes:
 * @notes: (nullable): the user's notes for a question, as markdown
 *
 * Notes are the user's own text, so they are untrusted: cmark's safe mode drops raw
 * HTML and scripts, and only harmless link schemes survive.
 *
 * Returns: (transfer full): the "Your notes" section's content, or "" without notes.
 */
char *
bp_page_renderer_render_notes (const char *notes)
{
  g_autofree char *heading = NULL;
  cmark_node *document;
  char *cmark_html;
  char *html;

  if (is_blank (notes))
    return g_strdup ("");

  /* The page is UTF-8: bytes that are not (the store never keeps them, but this is a
   * public entry point) become U+FFFD rather than reaching it as they are. */
  document = bp_cmark_parse (notes, strlen (notes),
                             CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8);
  bp_cmark_neutralize_unsafe_links (document);
  bp_cmark_limit_nesting (document, BP_CMARK_MAX_NESTING);
  cmark_html = bp_cmark_render_html (document, CMARK_OPT_DEFAULT);
  cmark_node_free (document);

  heading = g_markup_escape_text (_("Your notes"), -1);
  html = g_strdup_printf ("<h2 id=\"notes-heading\">%s</h2>\n%s", heading, cmark_html);
  free (cmark_html);

  return html;
}

/* What a page shows of its question: the answer and notes, or the question alone. */
typedef struct
{
  BpQuestion  *question;
  BpPageTheme  theme;
  const char  *notes;
  gboolean     answer_hidden;
  /* A page of no question (the progress page): its own label, title and body. */
  const char  *label;
  const char  *title;
  const char  *body;
} PageContent;

/* While the user recalls, the page holds no word of the answer, nor of the notes (which
 * would give it away): revealing loads the answer's own page. */
static void
append_hidden_answer (GString *page)
{
  g_autofree char *text = g_markup_escape_text (_("Recall your answer, then show it."), -1);

  g_string_append_printf (page, "<p class=\"recall\" id=\"recall\">%s</p>\n", text);
}

static void
append_slot (BpPageRenderer    *self,
             GString           *page,
             Slot               slot,
             const char        *style_css,
             const PageContent *content)
{
  BpQuestion *question = content->question;

  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (question == NULL && slot != SLOT_THEME && slot != SLOT_CSP && slot != SLOT_STYLE)
    {
      text = g_markup_escape_text (slot == SLOT_LABEL ? content->label : content->title, -1);
      g_string_append (page, slot == SLOT_ANSWER ? content->body
                             : slot == SLOT_NOTES ? "" : text);
      return;
    }

  switch (slot)
    {
    case SLOT_THEME:
      g_string_append (page, bp_page_theme_to_string (content->theme));
      break;

    case SLOT_CSP:
      g_string_append (page, BP_PAGE_CSP);
      break;

    case SLOT_STYLE:
      g_string_append (page, style_css);
      break;

    case SLOT_LABEL:
      text = g_strdup_printf (_("Question %u"), bp_question_get_number (question));
      escaped = g_markup_escape_text (text, -1);
      g_string_append (page, escaped);
      break;

    case SLOT_TITLE:
      text = g_markup_escape_text (bp_question_get_title (question), -1);
      g_string_append (page, text);
      break;

    case SLOT_HEADING:
      text = heading_html (self, question);
      g_string_append (page, text);
      break;

    case SLOT_ANSWER:
      if (content->answer_hidden)
        append_hidden_answer (page);
      else
        g_string_append (page, answer_html (self, question));
      break;

    case SLOT_NOTES:
      text = bp_page_renderer_render_notes (content->answer_hidden ? NULL : content->notes);
      g_string_append (page, text);
      break;

    case SLOT_LITERAL:
    default:
      g_assert_not_reached ();
    }
}

static char *
render_content (BpPageRenderer    *self,
                const PageContent *content)
{
  GString *page = g_string_sized_new (16 * 1024);

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);

      if (segment->slot == SLOT_LITERAL)
        g_string_append (page, segment->text);
      else
        append_slot (self, page, segment->slot, self->style_css, content);
    }

  return g_string_free (page, FALSE);
}

/**
 * bp_page_renderer_render:
 * @theme: the colour variant the page opens in
 * @notes: (nullable): the user's notes for @question, as markdown
 *
 * Returns: (transfer full): the whole page for @question, as UTF-8 HTML.
 */
char *
bp_page_renderer_render (BpPageRenderer *self,
                         BpQuestion     *question,
                         BpPageTheme     theme,
                         const char     *notes)
{
  PageContent content = { question, theme, notes, FALSE };

  g_return_val_if_fail (BP_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (BP_IS_QUESTION (question), NULL);

  return render_content (self, &content);
}

/**
 * bp_page_renderer_render_question:
 *
 * The page a study session shows first: from the same template, the question's label and
 * title, and none of its answer or notes.
 *
 * Returns: (transfer full): the page, as UTF-8 HTML.
 */
char *
bp_page_renderer_render_question (BpPageRenderer *self,
                                  BpQuestion     *question,
                                  BpPageTheme     theme)
{
  PageContent content = { question, theme, NULL, TRUE };

  g_return_val_if_fail (BP_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (BP_IS_QUESTION (question), NULL);

  return render_content (self, &content);
}

/**
 * bp_page_renderer_render_page:
 * @body: the page's HTML, made by the core (bp_progress_page_render())
 *
 * Returns: (transfer full): a page of no question, in the answers' template and style
 */
char *
bp_page_renderer_render_page (BpPageRenderer *self,
                              BpPageTheme     theme,
                              const char     *label,
                              const char     *title,
                              const char     *body)
{
  PageContent content = { NULL, theme, NULL, FALSE, label, title, body };

  g_return_val_if_fail (BP_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (label != NULL && title != NULL && body != NULL, NULL);

  return render_content (self, &content);
}
