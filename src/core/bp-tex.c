/* bp-tex.c: TeX math in an opened deck's text: where it is, and its place in the page
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-tex"

#include "config.h"

#include <string.h>

#include "bp-tex-private.h"

/* What the answer's HTML holds in place of math (see bp-tex-mark.c): the TeX, escaped
 * by cmark as any text, between these. The page handler replaces it with MathML. */
#define MARK_INLINE _BP_TEX_MARK_INLINE
#define MARK_DISPLAY _BP_TEX_MARK_DISPLAY
#define MARK_END _BP_TEX_MARK_END

/* Finding math
 *
 * Pandoc's rules, which real decks are written for: an opening $ has a non-space right
 * after it, a closing $ a non-space right before it and no digit right after it, so
 * prices ("$5", "costs $10 and $20") and shell variables ("$HOME") are text. $$…$$ is
 * display math; three dollars are never a delimiter. \(…\) and \[…\] are math too. */

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
}

/* The run of dollars starting at @p, at most @length bytes away from the end. */
static gsize
dollar_run (const char *p,
            const char *end)
{
  gsize n = 0;

  while (p + n < end && p[n] == '$')
    n++;

  return n;
}

/* The closing $ of inline math whose TeX starts at @tex, or NULL. */
static const char *
find_inline_close (const char *tex,
                   const char *end)
{
  for (const char *p = tex; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          continue;
        }
      if (*p != '$')
        continue;
      if (dollar_run (p, end) > 1)
        return NULL;
      if (p > tex && !is_space (p[-1]) && !(p + 1 < end && g_ascii_isdigit (p[1])))
        return p;
    }

  return NULL;
}

/* The closing $$ of display math whose TeX starts at @tex, or NULL. */
static const char *
find_display_close (const char *tex,
                    const char *end)
{
  for (const char *p = tex; p + 1 < end; p++)
    {
      if (*p == '\\')
        {
          p++;
          continue;
        }
      if (p[0] == '$' && p[1] == '$')
        return dollar_run (p, end) == 2 ? p : NULL;
    }

  return NULL;
}

static const char *
find_string (const char *from,
             const char *end,
             const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = from; p + length <= end; p++)
    if (memcmp (p, needle, length) == 0)
      return p;

  return NULL;
}

static gboolean
is_blank (const char *start,
          const char *end)
{
  for (const char *p = start; p < end; p++)
    if (!is_space (*p))
      return FALSE;

  return TRUE;
}

/* Math starting at @p, if any: fills @span and returns where to go on from. */
static const char *
match_math (const char *text,
            const char *p,
            const char *end,
            BpTexSpan  *span)
{
  const char *tex = NULL, *close = NULL;
  gsize close_length = 0;

  if (*p == '$')
    {
      gsize run = dollar_run (p, end);

      if (run == 2)
        {
          tex = p + 2;
          close = find_display_close (tex, end);
          close_length = 2;
        }
      else if (run == 1 && p + 1 < end && !is_space (p[1]))
        {
          tex = p + 1;
          close = find_inline_close (tex, end);
          close_length = 1;
        }
      else
        return p + run;
    }
  else if (*p == '\\' && p + 1 < end && (p[1] == '(' || p[1] == '['))
    {
      tex = p + 2;
      close = find_string (tex, end, p[1] == '(' ? "\\)" : "\\]");
      close_length = 2;
    }

  if (close == NULL || is_blank (tex, close))
    return NULL;

  span->start = p - text;
  span->tex_start = tex - text;
  span->tex_end = close - text;
  span->end = close + close_length - text;
  span->display = p[0] == '$' ? close_length == 2 : p[1] == '[';
  return close + close_length;
}

/**
 * bp_tex_find_spans:
 * @text: text of a deck, as its page would show it (never code)
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Where @text holds TeX math: $…$ and \(…\) inline, $$…$$ and \[…\] as display math.
 * "$$$", prices, lone dollars and shell variables are not math; a backslash escapes a
 * dollar inside math.
 *
 * Returns: (transfer full) (element-type BpTexSpan): the math, in order, not overlapping.
 */
GArray *
bp_tex_find_spans (const char *text,
                   gssize      length)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (BpTexSpan));
  const char *end;

  g_return_val_if_fail (text != NULL, spans);

  end = text + (length < 0 ? strlen (text) : (gsize)length);
  for (const char *p = text; p < end;)
    {
      BpTexSpan span = { 0, };
      const char *next;

      if (*p != '$' && *p != '\\')
        {
          p++;
          continue;
        }

      next = match_math (text, p, end, &span);
      if (next != NULL && span.end > span.start)
        g_array_append_val (spans, span);
      else if (next == NULL)
        next = p + 1;
      p = next;
    }

  return spans;
}

/* Rendering marks */

/**
 * bp_tex_has_marks:
 * @html: an answer's HTML
 *
 * Returns: whether @html holds math for bp_tex_replace_marks().
 */
gboolean
bp_tex_has_marks (const char *html)
{
  g_return_val_if_fail (html != NULL, FALSE);

  return strstr (html, "<span class=\"bp-tex\" ") != NULL;
}

/* cmark escaped the TeX as text: &amp; &lt; &gt; &quot; only. */
static char *
unescape (const char *start,
          gsize       length)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
  };
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      gboolean replaced = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (entities) && start[i] == '&'; j++)
        if (strncmp (start + i, entities[j].entity, strlen (entities[j].entity)) == 0)
          {
            g_string_append_c (out, entities[j].c);
            i += strlen (entities[j].entity) - 1;
            replaced = TRUE;
            break;
          }
      if (!replaced)
        g_string_append_c (out, start[i]);
    }

  return g_string_free (out, FALSE);
}

/* TeX that does not render shows as its source, the reason on hover. */
static void
append_error (GString    *out,
              const char *escaped_tex,
              gsize       length,
              gboolean    display,
              GError     *error)
{
  g_autofree char *message = g_markup_escape_text (error->message, -1);

  g_string_append_printf (out, "<code class=\"tex-error%s\" title=\"%s\">",
                          display ? " display" : "", message);
  g_string_append_len (out, escaped_tex, length);
  g_string_append (out, "</code>");
}

/**
 * bp_tex_replace_marks:
 * @html: an answer's HTML, holding math as bp_tex_has_marks() says
 * @render: (scope call): turns TeX into MathML
 *
 * @html with each piece of math replaced by what @render makes of it, or by its source
 * in a code span titled with the error when @render fails: a TeX error never breaks the
 * page.
 *
 * Returns: (transfer full): the HTML, with MathML.
 */
char *
bp_tex_replace_marks (const char      *html,
                      BpTexRenderFunc  render,
                      gpointer         user_data)
{
  GString *out = g_string_sized_new (strlen (html) * 2);
  const char *p = html;
  const char *mark;

  g_return_val_if_fail (html != NULL && render != NULL, NULL);

  while ((mark = strstr (p, "<span class=\"bp-tex\" ")) != NULL)
    {
      gboolean display = g_str_has_prefix (mark, MARK_DISPLAY);
      const char *tex = mark + strlen (display ? MARK_DISPLAY : MARK_INLINE);
      const char *close = strstr (tex, MARK_END);
      g_autofree char *source = NULL;
      g_autofree char *mathml = NULL;
      g_autoptr(GError) error = NULL;

      if ((!display && !g_str_has_prefix (mark, MARK_INLINE)) || close == NULL)
        break;

      g_string_append_len (out, p, mark - p);
      source = unescape (tex, close - tex);
      mathml = render (source, display, user_data, &error);
      if (mathml != NULL)
        g_string_append (out, mathml);
      else
        append_error (out, tex, close - tex, display, error);
      p = close + strlen (MARK_END);
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

/* As cmark escapes text, which unescape() undoes: &amp; &lt; &gt; &quot; only. */
static void
append_escaped_tex (GString    *out,
                    const char *tex,
                    gsize       length)
{
  for (gsize i = 0; i < length; i++)
    switch (tex[i])
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      default: g_string_append_c (out, tex[i]);
      }
}

static void
append_escaped_text (GString    *out,
                     const char *text,
                     gsize       length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (out, escaped);
}

/**
 * bp_tex_mark_text:
 * @text: a line of an opened deck's text, such as a question's title
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * @text as HTML, escaped, with its math (see bp_tex_find_spans()) marked for
 * bp_tex_replace_marks() as an answer's is. All of it is inline math: a line holds no
 * display.
 *
 * Returns: (transfer full): the HTML.
 */
char *
bp_tex_mark_text (const char *text,
                  gssize      length)
{
  g_autoptr(GArray) spans = NULL;
  GString *out;
  gsize done = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);

  spans = bp_tex_find_spans (text, length);
  out = g_string_sized_new (length + spans->len * 64);
  for (guint i = 0; i < spans->len; i++)
    {
      const BpTexSpan *span = &g_array_index (spans, BpTexSpan, i);

      append_escaped_text (out, text + done, span->start - done);
      g_string_append (out, MARK_INLINE);
      append_escaped_tex (out, text + span->tex_start, span->tex_end - span->tex_start);
      g_string_append (out, MARK_END);
      done = span->end;
    }
  append_escaped_text (out, text + done, length - done);

  return g_string_free (out, FALSE);
}
