/* bp-tex-mark.c: marks the TeX math of an opened deck's answer on its cmark tree
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-tex"

#include "config.h"

#include <string.h>

#include "bp-tex-private.h"

static gboolean
is_run_node (cmark_node *node)
{
  cmark_node_type type = node != NULL ? cmark_node_get_type (node) : CMARK_NODE_NONE;

  return type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK;
}

/* Text in a paragraph is split at line ends ($$ on a line of its own is common), so math
 * is looked for in each run of text and soft breaks, joined. Code spans and code blocks
 * are other nodes, so they are never math. */
static char *
join_run (cmark_node *first)
{
  GString *joined = g_string_new (NULL);

  for (cmark_node *node = first; is_run_node (node); node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_TEXT)
        g_string_append (joined, cmark_node_get_literal (node));
      else
        g_string_append_c (joined, '\n');
    }

  return g_string_free (joined, FALSE);
}

/* Text nodes, and soft breaks where it had line ends, for @text before @before. */
static void
insert_text (cmark_node *before,
             const char *text,
             gsize       length)
{
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      cmark_node *node;

      if (i > 0)
        cmark_node_insert_before (before, cmark_node_new (CMARK_NODE_SOFTBREAK));
      if (*lines[i] == '\0')
        continue;
      node = cmark_node_new (CMARK_NODE_TEXT);
      cmark_node_set_literal (node, lines[i]);
      cmark_node_insert_before (before, node);
    }
}

/* A custom inline whose HTML is the mark around the TeX, escaped as text by cmark; the
 * search reads the TeX as the text it holds. */
static void
insert_math (cmark_node      *before,
             const char      *text,
             const BpTexSpan *span)
{
  cmark_node *math = cmark_node_new (CMARK_NODE_CUSTOM_INLINE);
  cmark_node *tex = cmark_node_new (CMARK_NODE_TEXT);
  g_autofree char *source = g_strndup (text + span->tex_start, span->tex_end - span->tex_start);

  cmark_node_set_on_enter (math, span->display ? _BP_TEX_MARK_DISPLAY : _BP_TEX_MARK_INLINE);
  cmark_node_set_on_exit (math, _BP_TEX_MARK_END);
  cmark_node_set_literal (tex, source);
  cmark_node_append_child (math, tex);
  cmark_node_insert_before (before, math);
}

/* Some parents take no custom inline (a GFM table cell): there the math stays as text, and
 * nothing is inserted that cmark would refuse and leave unowned. */
static gboolean
can_hold_math (cmark_node *node)
{
  cmark_node *probe = cmark_node_new (CMARK_NODE_CUSTOM_INLINE);
  gboolean held = cmark_node_insert_before (node, probe);

  /* Freeing unlinks it first. */
  cmark_node_free (probe);
  return held;
}

static void
mark_run (cmark_node *first)
{
  g_autofree char *text = join_run (first);
  g_autoptr(GArray) spans = bp_tex_find_spans (text, -1);
  gsize done = 0;
  cmark_node *next;

  if (spans->len == 0 || !can_hold_math (first))
    return;

  for (guint i = 0; i < spans->len; i++)
    {
      const BpTexSpan *span = &g_array_index (spans, BpTexSpan, i);

      insert_text (first, text + done, span->start - done);
      insert_math (first, text, span);
      done = span->end;
    }
  insert_text (first, text + done, strlen (text) - done);

  for (cmark_node *node = first; is_run_node (node); node = next)
    {
      next = cmark_node_next (node);
      cmark_node_free (node);
    }
}

/**
 * _bp_tex_mark_answer:
 * @answer: an opened deck's answer, before anything else reads it
 *
 * Replaces the TeX math in @answer's text (see bp_tex_find_spans()) by marks that its
 * HTML keeps for bp_tex_replace_marks(). Only for untrusted decks: the built-in one is
 * MathML already.
 */
void
_bp_tex_mark_answer (cmark_node *answer)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (answer);
  cmark_event_type event;

  /* The runs are found first: the tree must not change under the iterator. */
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_TEXT &&
          !is_run_node (cmark_node_previous (node)) &&
          cmark_node_get_type (cmark_node_parent (node)) != CMARK_NODE_CUSTOM_INLINE)
        g_ptr_array_add (runs, node);
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < runs->len; i++)
    mark_run (g_ptr_array_index (runs, i));
}
