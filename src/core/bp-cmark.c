/* bp-cmark.c: what the parser and the renderer both need from cmark's node tree
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-cmark-private.h"

/* Mathematical alphanumerics ("𝐇𝐨𝐰", U+1D400..U+1D7FF) and the styled letters of the
 * letterlike block ("ℎ", "ℝ") are styling: a title is searched, slugged and read aloud
 * as the plain letters they stand for. Symbols there, such as ™, stay as they are. */
static gboolean
is_styled_letter (gunichar c)
{
  return (c >= 0x1D400 && c <= 0x1D7FF) ||
         (c >= 0x2100 && c <= 0x214F && g_unichar_isalpha (c));
}

static void
append_folded_char (GString  *out,
                    gunichar  c)
{
  if (is_styled_letter (c))
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));

      for (gsize i = 0; i < n; i++)
        g_string_append_unichar (out, decomposed[i]);
    }
  else if (g_unichar_isspace (c))
    {
      if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  else
    {
      g_string_append_unichar (out, c);
    }
}

/**
 * bp_cmark_plain_text:
 * @node: a heading, an image or any inline container
 *
 * Emphasis, code and links keep only their text; line breaks and runs of spaces become
 * one space; styled letters become plain ones.
 *
 * Returns: (transfer full): the text of @node's inlines, trimmed.
 */
char *
bp_cmark_plain_text (cmark_node *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) folded = NULL;
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *current = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (current))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (raw, cmark_node_get_literal (current));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (raw, ' ');
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  folded = g_string_sized_new (raw->len);
  for (const char *p = raw->str; *p; p = g_utf8_next_char (p))
    append_folded_char (folded, g_utf8_get_char (p));

  return g_strstrip (g_string_free (g_steal_pointer (&folded), FALSE));
}

static gboolean
is_allowed_url (const char *url)
{
  static const char * const allowed_schemes[] = { "http", "https", "mailto", "backprop", "figure" };
  g_autofree char *scheme = g_uri_parse_scheme (url);

  /* No scheme: a relative link or an #anchor, which stays inside the page. */
  if (scheme == NULL)
    return strchr (url, ':') == NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (allowed_schemes); i++)
    if (g_ascii_strcasecmp (scheme, allowed_schemes[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * bp_cmark_neutralize_unsafe_links:
 *
 * Empties every link and image URL under @root whose scheme could run code or reach
 * the disk: javascript:, data:, file: and anything else not known to be harmless. Even
 * the trusted deck gets this; cmark's safe mode alone would only cover untrusted text.
 */
void
bp_cmark_neutralize_unsafe_links (cmark_node *root)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      const char *url;

      if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE))
        continue;

      url = cmark_node_get_url (node);
      if (url != NULL && *url != '\0' && !is_allowed_url (url))
        cmark_node_set_url (node, "");
    }
  cmark_iter_free (iter);
}
