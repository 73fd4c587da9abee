/* bp-tex-escapes.c: gives back to TeX delimiters the backslash cmark took as an escape
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-tex"

#include "config.h"

#include <string.h>

#include "bp-tex-private.h"

/* In markdown "\(" is an escaped "(": cmark's text says "(x)" for the "\(x\)" a deck author
 * wrote as math, and keeps no trace of the escape. The text node's source position does:
 * its bytes in the deck are read beside its literal to find which brackets were escaped. */

typedef struct
{
  cmark_node *node;
  gsize at;        /* where the bracket is in the node's literal */
  gsize joined;    /* where its backslash is in the run's joined text */
  gboolean keep;
} Escape;

/* The bytes of a one-line node's source, or NULL when its position is not known. */
static const char *
node_source (cmark_node *node,
             GArray     *line_starts,
             const char *markdown,
             gsize       length,
             gsize      *source_length)
{
  int line = cmark_node_get_start_line (node);
  int start = cmark_node_get_start_column (node);
  int end = cmark_node_get_end_column (node);
  gsize offset;

  if (line < 1 || (guint)line > line_starts->len || line != cmark_node_get_end_line (node) ||
      start < 1 || end < start)
    return NULL;

  offset = g_array_index (line_starts, gsize, line - 1) + (gsize)(start - 1);
  if (offset + (gsize)(end - start + 1) > length)
    return NULL;

  *source_length = (gsize)(end - start + 1);
  return markdown + offset;
}

/* The length of the entity ("&amp;", "&#36;") at @src, or 0. */
static gsize
entity_length (const char *src,
               gsize       src_left)
{
  gsize n = 1;

  if (src[0] != '&')
    return 0;
  while (n < src_left && n < 40 && (g_ascii_isalnum (src[n]) || (n == 1 && src[n] == '#')))
    n++;

  return n > 1 && n < src_left && src[n] == ';' ? n + 1 : 0;
}

/* Smart punctuation: quotes, dashes and "..." become one three-byte character each. */
static gsize
smart_length (const char *src,
              gsize       src_left,
              const char *lit,
              gsize       lit_left)
{
  if (lit_left < 3 || (guchar)lit[0] != 0xE2)
    return 0;
  if (src[0] == '\'' || src[0] == '"')
    return 1;
  if (src_left >= 3 && memcmp (src, "...", 3) == 0)
    return 3;
  if (src_left >= 3 && memcmp (src, "---", 3) == 0 && (guchar)lit[2] == 0x94)
    return 3;
  if (src_left >= 2 && memcmp (src, "--", 2) == 0)
    return 2;

  return 0;
}

/* How many bytes of source and of literal one step of what cmark did takes, or FALSE
 * where they part (then nothing is claimed for the node). */
static gboolean
step (const char *src,
      gsize       src_left,
      const char *lit,
      gsize       lit_left,
      gsize      *src_step,
      gsize      *lit_step,
      gboolean   *escaped)
{
  *escaped = src_left >= 2 && src[0] == '\\' && g_ascii_ispunct (src[1]) && lit[0] == src[1];
  *lit_step = 1;
  if (*escaped)
    *src_step = 2;
  else if ((*src_step = entity_length (src, src_left)) > 0)
    *lit_step = g_utf8_next_char (lit) - lit;
  else if ((*src_step = smart_length (src, src_left, lit, lit_left)) > 0)
    *lit_step = 3;
  else if (src[0] == lit[0])
    *src_step = 1;
  else
    return FALSE;

  return *lit_step <= lit_left && *src_step <= src_left;
}

/* The escaped brackets of @node's literal, appended to @escapes. */
static void
find_escapes (cmark_node *node,
              const char *source,
              gsize       source_length,
              GArray     *escapes)
{
  const char *literal = cmark_node_get_literal (node);
  gsize lit_length = strlen (literal);
  gsize i = 0, j = 0;
  guint first = escapes->len;

  while (i < source_length && j < lit_length)
    {
      gsize src_step, lit_step;
      gboolean escaped;

      if (!step (source + i, source_length - i, literal + j, lit_length - j, &src_step, &lit_step, &escaped))
        {
          g_array_set_size (escapes, first);
          return;
        }
      if (escaped && strchr ("()[]", literal[j]) != NULL)
        {
          Escape escape = { node, j, 0, FALSE };

          g_array_append_val (escapes, escape);
        }
      i += src_step;
      j += lit_step;
    }
}

/* The run's text with every escape's backslash back, where math is then looked for. */
static char *
join_with_backslashes (cmark_node *first,
                       GArray     *escapes)
{
  GString *joined = g_string_new (NULL);
  guint e = 0;

  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    {
      const char *literal;

      if (cmark_node_get_type (node) == CMARK_NODE_SOFTBREAK)
        {
          g_string_append_c (joined, '\n');
          continue;
        }
      if (cmark_node_get_type (node) != CMARK_NODE_TEXT)
        break;

      literal = cmark_node_get_literal (node);
      for (gsize at = 0; literal[at] != '\0'; at++)
        {
          Escape *escape = e < escapes->len ? &g_array_index (escapes, Escape, e) : NULL;

          if (escape != NULL && escape->node == node && escape->at == at)
            escape->joined = joined->len, g_string_append_c (joined, '\\'), e++;
          g_string_append_c (joined, literal[at]);
        }
    }

  return g_string_free (joined, FALSE);
}

/* Puts back the backslashes of the escapes kept in @node's literal. */
static void
rewrite_node (cmark_node *node,
              GArray     *escapes)
{
  const char *literal = cmark_node_get_literal (node);
  g_autoptr(GString) text = g_string_new (NULL);
  gsize done = 0;

  for (guint e = 0; e < escapes->len; e++)
    {
      const Escape *escape = &g_array_index (escapes, Escape, e);

      if (escape->node != node || !escape->keep)
        continue;
      g_string_append_len (text, literal + done, escape->at - done);
      g_string_append_c (text, '\\');
      done = escape->at;
    }
  g_string_append (text, literal + done);
  cmark_node_set_literal (node, text->str);
}

/* Only the escapes that open or close math get their backslash: "\(" alone stays "(". */
static void
restore_run (cmark_node *first,
             GArray     *escapes)
{
  g_autofree char *joined = join_with_backslashes (first, escapes);
  g_autoptr(GArray) spans = bp_tex_find_spans (joined, -1);
  gboolean any = FALSE;

  for (guint e = 0; e < escapes->len; e++)
    {
      Escape *escape = &g_array_index (escapes, Escape, e);

      for (guint s = 0; s < spans->len && !escape->keep; s++)
        {
          const BpTexSpan *span = &g_array_index (spans, BpTexSpan, s);

          escape->keep = escape->joined == span->start || escape->joined == span->tex_end;
        }
      any = any || escape->keep;
    }

  for (guint e = 0; any && e < escapes->len; e++)
    if (e == 0 || g_array_index (escapes, Escape, e).node != g_array_index (escapes, Escape, e - 1).node)
      rewrite_node (g_array_index (escapes, Escape, e).node, escapes);
}

static GArray *
find_line_starts (const char *markdown,
                  gsize       length)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize zero = 0;

  g_array_append_val (starts, zero);
  for (gsize i = 0; i < length; i++)
    if (markdown[i] == '\n')
      {
        gsize next = i + 1;

        g_array_append_val (starts, next);
      }

  return starts;
}

/**
 * _bp_tex_restore_escapes:
 * @root: a tree bp_cmark_parse() made of @markdown, source positions unchanged
 * @markdown: the bytes it was parsed from
 * @length: their length
 *
 * Where "\(…\)" or "\[…\]" in @markdown is math, gives its text the backslashes markdown
 * read as escapes, so that the math is found in it (see bp_tex_find_spans()).
 */
void
_bp_tex_restore_escapes (cmark_node *root,
                         const char *markdown,
                         gsize       length)
{
  g_autoptr(GArray) line_starts = find_line_starts (markdown, length);
  g_autoptr(GPtrArray) runs = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node *previous = cmark_node_previous (node);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_TEXT &&
          (previous == NULL || (cmark_node_get_type (previous) != CMARK_NODE_TEXT &&
                                cmark_node_get_type (previous) != CMARK_NODE_SOFTBREAK)))
        g_ptr_array_add (runs, node);
    }
  cmark_iter_free (iter);

  for (guint r = 0; r < runs->len; r++)
    {
      g_autoptr(GArray) escapes = g_array_new (FALSE, FALSE, sizeof (Escape));

      for (cmark_node *node = g_ptr_array_index (runs, r); node != NULL; node = cmark_node_next (node))
        {
          const char *source;
          gsize source_length;

          if (cmark_node_get_type (node) == CMARK_NODE_SOFTBREAK)
            continue;
          if (cmark_node_get_type (node) != CMARK_NODE_TEXT)
            break;
          source = node_source (node, line_starts, markdown, length, &source_length);
          if (source != NULL)
            find_escapes (node, source, source_length, escapes);
        }
      if (escapes->len > 0)
        restore_run (g_ptr_array_index (runs, r), escapes);
    }
}
