/* bp-html-text.c: the text a page shows of raw HTML, for the answer document's walk
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-html-text"

#include "config.h"

#include <string.h>

#include "bp-html-text.h"

/* Raw HTML whose content a page never shows: scripts, styles and MathML's annotations
 * (the TeX source of a formula, say). */
static const char * const hidden_elements[] = { "script", "style", "annotation", "annotation-xml" };

static gboolean
is_hidden_element (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (hidden_elements); i++)
    if (g_ascii_strcasecmp (name, hidden_elements[i]) == 0)
      return TRUE;

  return FALSE;
}

/* The end of the tag, comment or declaration at @p, just after its '>'; NULL if @p does
 * not start one, so the '<' is text. Quoted attribute values may hold '>'. */
static const char *
skip_markup (const char *p,
             char        name[BP_HTML_TEXT_MAX_ELEMENT_NAME + 1],
             gboolean   *closing,
             gboolean   *self_closing)
{
  const char *end;
  gsize length = 0;
  char quote = 0;

  *name = '\0';
  if (g_str_has_prefix (p, "<!--"))
    return (end = strstr (p + 4, "-->")) != NULL ? end + 3 : p + strlen (p);

  *closing = p[1] == '/';
  end = p + (*closing ? 2 : 1);
  if (!g_ascii_isalpha (*end) && !(!*closing && (*end == '!' || *end == '?')))
    return NULL;

  for (; g_ascii_isalnum (*end) || *end == '-' || *end == ':'; end++)
    if (length < BP_HTML_TEXT_MAX_ELEMENT_NAME)
      name[length++] = *end;
  name[length] = '\0';

  for (; *end != '\0' && (quote != 0 || *end != '>'); end++)
    if (quote == 0 && (*end == '"' || *end == '\''))
      quote = *end;
    else if (*end == quote)
      quote = 0;

  if (*end == '\0')
    return NULL;

  *self_closing = end[-1] == '/';
  return end + 1;
}

static void
enter_or_leave_element (BpHtmlText *self,
                        const char *name,
                        gboolean    closing,
                        gboolean    self_closing)
{
  if (self->hidden_element[0] != '\0')
    {
      if (closing && g_ascii_strcasecmp (name, self->hidden_element) == 0)
        self->hidden_element[0] = '\0';
    }
  else if (!closing && !self_closing && is_hidden_element (name))
    {
      g_strlcpy (self->hidden_element, name, sizeof self->hidden_element);
    }
}

/* A numeric character reference becomes its character; a named one stands, in practice,
 * for a space or a symbol, which separates words anyway (the deck writes letters as
 * UTF-8). Returns the end of the reference, or NULL if @p does not start one. */
static const char *
append_entity (GString    *text,
               const char *p)
{
  const char *end = p + 1;
  gunichar c = 0;

  if (*end == '#')
    {
      gboolean hex = end[1] == 'x' || end[1] == 'X';
      char *digits_end;
      guint64 value;

      end += hex ? 2 : 1;
      value = g_ascii_strtoull (end, &digits_end, hex ? 16 : 10);
      if (digits_end == end || *digits_end != ';')
        return NULL;

      c = value <= 0x10FFFF ? (gunichar)value : 0;
      end = digits_end;
    }
  else
    {
      while (g_ascii_isalnum (*end))
        end++;
      if (end == p + 1 || *end != ';')
        return NULL;
    }

  if (c != 0 && g_unichar_validate (c))
    g_string_append_unichar (text, c);
  else
    g_string_append_c (text, ' ');

  return end + 1;
}

/**
 * bp_html_text_append:
 * @html: a piece of raw HTML, as a trusted page shows it
 *
 * Appends the text of @html to @text: tags, comments and hidden elements' content left
 * out, each tag a space, character references decoded.
 */
void
bp_html_text_append (BpHtmlText *self,
                     GString    *text,
                     const char *html)
{
  const char *p = html;

  while (*p != '\0')
    {
      char name[BP_HTML_TEXT_MAX_ELEMENT_NAME + 1];
      gboolean closing = FALSE, self_closing = FALSE;
      const char *end = NULL;

      if (*p == '<' && (end = skip_markup (p, name, &closing, &self_closing)) != NULL)
        {
          if (*name != '\0')
            enter_or_leave_element (self, name, closing, self_closing);
          g_string_append_c (text, ' ');
        }
      else if (bp_html_text_is_hidden (self))
        end = p + 1;
      else if (*p != '&' || (end = append_entity (text, p)) == NULL)
        {
          g_string_append_c (text, *p);
          end = p + 1;
        }

      p = end;
    }
}

/**
 * bp_html_text_is_hidden:
 *
 * Returns: whether what follows is inside an element a page does not show, such as a
 *   script, so that text there is no text of the page.
 */
gboolean
bp_html_text_is_hidden (BpHtmlText *self)
{
  return self->hidden_element[0] != '\0';
}
