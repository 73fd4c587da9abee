/* bp-search-snippet.c: a line of an answer around the words a query found, with them marked
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-search"

#include "config.h"

#include <string.h>

#include "bp-search-private.h"
#include "bp-text-fold.h"

/* In characters: enough for one sidebar line and some, which the row ellipsizes. */
#define SNIPPET_LENGTH 140
#define CONTEXT_BEFORE 30

typedef struct
{
  gsize start;
  gsize end;
} Span;

/* Whether the word of @text at [@start, @end) is one of @words: as the ranking does, each
 * but the last whole, the last as the start of a word. */
static gboolean
is_query_word (const char  *text,
               gsize        start,
               gsize        end,
               char       **words)
{
  g_autofree char *piece = g_strndup (text + start, end - start);
  g_autofree char *folded = bp_text_fold (piece);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (word, *p);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i + 1] == NULL ? g_str_has_prefix (word->str, words[i])
                               : g_str_equal (word->str, words[i]))
        return TRUE;
    }

  return FALSE;
}

/* The words of @text up to byte @limit (all of it for -1) that are words of the query. */
static GArray *
find_words (const char  *text,
            gssize       limit,
            char       **words)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *p = text;

  while (*p && (limit < 0 || p - text < limit))
    {
      const char *start = p;

      while (*p && bp_text_fold_is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        {
          p = g_utf8_next_char (p);
          continue;
        }

      if (is_query_word (text, start - text, p - text, words))
        {
          Span span = { start - text, p - text };

          g_array_append_val (spans, span);
          if (limit < 0)
            break;
        }
    }

  return spans;
}

/* Where the snippet starts: a few words before @match, at the start of one. */
static const char *
window_start (const char *text,
              const char *match)
{
  const char *start = match;

  for (int i = 0; i < CONTEXT_BEFORE && start > text; i++)
    start = g_utf8_prev_char (start);
  while (start > text && start < match && !g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (start < match && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  return start;
}

static const char *
window_end (const char *start)
{
  const char *end = start;

  for (int i = 0; i < SNIPPET_LENGTH && *end; i++)
    end = g_utf8_next_char (end);

  return end;
}

/* Copies [@start, @end) of @text to @out on one line, spaces collapsed, and moves the
 * spans of @found in it to @spans, in @out's bytes. */
static void
copy_line (const char *text,
           const char *start,
           const char *end,
           GArray     *found,
           GString    *out,
           GArray     *spans)
{
  guint next = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gsize offset = p - text;
      gunichar c = g_utf8_get_char (p);

      while (next < found->len && g_array_index (found, Span, next).end <= offset)
        next++;
      if (next < found->len && g_array_index (found, Span, next).start == offset)
        {
          const Span *span = &g_array_index (found, Span, next);
          BpSearchSpan moved = { out->len, out->len + MIN (span->end, (gsize)(end - text)) - offset };

          g_string_append_len (out, p, moved.end - moved.start);
          g_array_append_val (spans, moved);
          p += moved.end - moved.start - 1;
          continue;
        }

      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_unichar (out, c);
    }
}

/**
 * bp_search_index_dup_snippet:
 * @query: (nullable): what the user typed
 * @spans: (out) (optional) (element-type BpSearchSpan): where the query's words are in the
 *   snippet, in bytes, in order
 *
 * One line of @question's answer, as its page shows it, from a few words before the first
 * word @query found: what a result row shows under its title. Spaces and line breaks are
 * single spaces; "…" marks text left out at either end. An answer without the query's
 * words gives its start, with no spans.
 *
 * Returns: (transfer full) (nullable): the snippet, or %NULL when the answer has no text.
 */
char *
bp_search_index_dup_snippet (BpSearchIndex  *self,
                             BpQuestion     *question,
                             const char     *query,
                             GArray        **spans)
{
  const char *text;
  g_auto(GStrv) words = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (BpSearchSpan));
  g_autoptr(GString) out = g_string_new (NULL);
  const char *start, *end;
  guint position;

  g_return_val_if_fail (BP_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (BP_IS_QUESTION (question), NULL);

  if (!_bp_search_index_find (self, question, &position))
    return NULL;

  text = bp_answer_document_get_text (bp_question_get_document (question));
  while (g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  if (*text == '\0')
    return NULL;

  words = bp_search_split_query (query);
  first = find_words (text, -1, words);
  start = first->len > 0 ? window_start (text, text + g_array_index (first, Span, 0).start) : text;
  end = window_end (start);
  found = find_words (text, end - text, words);

  if (start > text)
    g_string_append (out, "… ");
  copy_line (text, start, end, found, out, moved);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (*end != '\0')
    g_string_append (out, " …");

  if (spans != NULL)
    *spans = g_steal_pointer (&moved);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
