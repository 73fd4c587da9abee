/* bp-deck-anchors.c: the in-page links of a deck and the headings they lead to, as GitHub names them
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-anchors"

#include "config.h"

#include <string.h>

#include "bp-deck-rules-private.h"

/* The fragment of an in-page link as GitHub compares it: unescaped, lower case. */
static char *
fragment_key (const char *url)
{
  g_autofree char *unescaped = g_uri_unescape_string (url + 1, NULL);

  return unescaped != NULL ? g_utf8_strdown (unescaped, -1) : NULL;
}

/**
 * _bp_deck_anchors_collect:
 *
 * Every "#fragment" a link of @document leads to: a table of contents, in a list, a
 * table or a paragraph, names the sections it thinks worth reaching.
 *
 * Returns: (transfer full): the set of fragments, unescaped and in lower case.
 */
GHashTable *
_bp_deck_anchors_collect (cmark_node *document)
{
  GHashTable *anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      const char *url;
      char *key;

      if (event != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_LINK ||
          (url = cmark_node_get_url (node)) == NULL || url[0] != '#' || url[1] == '\0')
        continue;
      if ((key = fragment_key (url)) != NULL)
        g_hash_table_add (anchors, key);
    }
  cmark_iter_free (iter);

  return anchors;
}

/**
 * _bp_deck_anchors_slug:
 * @text: a heading's plain text
 *
 * The anchor GitHub gives a heading: lower case, letters, marks, digits, '-' and '_'
 * kept, spaces made '-', anything else dropped ("Question 1. What is X?" is
 * "question-1-what-is-x").
 *
 * Returns: (transfer full): the anchor, without its '#'.
 */
char *
_bp_deck_anchors_slug (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *slug = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        g_string_append_c (slug, '-');
      else if (g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '-' || c == '_')
        g_string_append_unichar (slug, c);
    }

  return g_string_free (slug, FALSE);
}
