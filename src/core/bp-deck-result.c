/* bp-deck-result.c: a parsed deck, the rule that read it and what its author can fix
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-result"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bp-deck-result-private.h"

struct _BpDeckParseResult
{
  BpDeck *deck;
  BpDeckRule rule;
  int level;
  GArray *lines;      /* of int: where each question starts */
  GArray *warnings;   /* of BpDeckWarning, by line */
};

static void
clear_warning (gpointer data)
{
  g_free (((BpDeckWarning *)data)->message);
}

BpDeckParseResult *
_bp_deck_parse_result_new (void)
{
  BpDeckParseResult *self = g_new0 (BpDeckParseResult, 1);

  self->lines = g_array_new (FALSE, FALSE, sizeof (int));
  self->warnings = g_array_new (FALSE, FALSE, sizeof (BpDeckWarning));
  g_array_set_clear_func (self->warnings, clear_warning);
  return self;
}

void
bp_deck_parse_result_free (BpDeckParseResult *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->deck);
  g_array_unref (self->lines);
  g_array_unref (self->warnings);
  g_free (self);
}

void
_bp_deck_parse_result_set_rule (BpDeckParseResult *self,
                                BpDeckRule         rule,
                                int                level)
{
  self->rule = rule;
  self->level = level;
}

void
_bp_deck_parse_result_add_line (BpDeckParseResult *self,
                                int                line)
{
  g_array_append_val (self->lines, line);
}

static void
add_warning (BpDeckParseResult *self,
             int                line,
             char              *message)
{
  BpDeckWarning warning = { line, message };
  guint i = self->warnings->len;

  while (i > 0 && g_array_index (self->warnings, BpDeckWarning, i - 1).line > line)
    i--;
  g_array_insert_val (self->warnings, i, warning);
}

/* Where a line starts, found from the last one asked for: code blocks come in the order of
 * their lines, so a deck of 10,000 questions is read once, not once per code block. */
typedef struct
{
  const char *markdown;
  const char *position;  /* the start of line @line, or NULL past the last one */
  int line;
} LineCursor;

/* Line @line of the cursor's text (from 1), up to its end. */
static const char *
line_start (LineCursor *cursor,
            int         line)
{
  if (line < cursor->line)
    {
      cursor->position = cursor->markdown;
      cursor->line = 1;
    }

  for (; cursor->line < line && cursor->position != NULL; cursor->line++)
    if ((cursor->position = strchr (cursor->position, '\n')) != NULL)
      cursor->position++;

  return cursor->position;
}

/* cmark ends a fence left open where its container ends: the file or a list item. */
static gboolean
is_unclosed_fence (cmark_node *block,
                   LineCursor *lines)
{
  const char *last;
  char fence_char = 0;
  int fence_length = 0, offset = 0, run = 0;

  if (cmark_node_get_type (block) != CMARK_NODE_CODE_BLOCK ||
      !cmark_node_get_fenced (block, &fence_length, &offset, &fence_char))
    return FALSE;

  last = line_start (lines, cmark_node_get_end_line (block));
  if (last == NULL)
    return TRUE;

  while (*last == ' ' || *last == '\t' || *last == '>')
    last++;
  while (last[run] == fence_char)
    run++;

  return run < fence_length || cmark_node_get_end_line (block) == cmark_node_get_start_line (block);
}

/**
 * _bp_deck_parse_result_lint_document:
 * @markdown: the text @document was parsed from
 *
 * Warns of what reads otherwise than its author meant: a code fence never closed.
 */
void
_bp_deck_parse_result_lint_document (BpDeckParseResult *self,
                                     cmark_node        *document,
                                     const char        *markdown)
{
  cmark_iter *iter = cmark_iter_new (document);
  LineCursor lines = { markdown, markdown, 1 };
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && is_unclosed_fence (node, &lines))
        add_warning (self, cmark_node_get_start_line (node),
                     g_strdup_printf (_("A code block opens here and is never closed, so lines "
                                        "%d to %d are read as code: close it with a line of "
                                        "the same fence."),
                                      cmark_node_get_start_line (node) + 1,
                                      cmark_node_get_end_line (node)));
    }
  cmark_iter_free (iter);
}

/* Warns of questions without an answer, and of titles used more than once. */
static void
lint_questions (BpDeckParseResult *self)
{
  g_autoptr(GHashTable) first_line = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = bp_deck_get_n_questions (self->deck);

  for (guint i = 0; i < n && i < self->lines->len; i++)
    {
      BpQuestion *question = bp_deck_get_question (self->deck, i);
      const char *title = bp_question_get_title (question);
      int line = g_array_index (self->lines, int, i);
      gpointer seen;

      /* A list of questions is meant to be answered from memory. */
      if (!bp_question_has_answer (question) && self->rule != BP_DECK_RULE_QUESTION_LIST)
        add_warning (self, line, g_strdup_printf (_("“%s” has no answer: write it under the question."),
                                                  title));

      if ((seen = g_hash_table_lookup (first_line, title)) != NULL)
        add_warning (self, line,
                     g_strdup_printf (_("“%s” is also the title of the question on line %d: "
                                        "the list tells them apart by the start of their text."),
                                      title, GPOINTER_TO_INT (seen)));
      else
        g_hash_table_insert (first_line, (char *)title, GINT_TO_POINTER (line));
    }
}

void
_bp_deck_parse_result_set_deck (BpDeckParseResult *self,
                                BpDeck            *deck)
{
  g_assert (self->deck == NULL);

  self->deck = deck;
  lint_questions (self);
}

/**
 * bp_deck_parse_result_get_deck:
 *
 * Returns: (transfer none): the deck.
 */
BpDeck *
bp_deck_parse_result_get_deck (BpDeckParseResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->deck;
}

BpDeckRule
bp_deck_parse_result_get_rule (BpDeckParseResult *self)
{
  g_return_val_if_fail (self != NULL, BP_DECK_RULE_CANONICAL);

  return self->rule;
}

/**
 * bp_deck_parse_result_get_level:
 *
 * Returns: the heading level most questions use, for the heading rules; else 0.
 */
int
bp_deck_parse_result_get_level (BpDeckParseResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->level;
}

/**
 * bp_deck_parse_result_get_line:
 *
 * Returns: the line of the file where the question at @position starts.
 */
int
bp_deck_parse_result_get_line (BpDeckParseResult *self,
                               guint              position)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (position < self->lines->len, 0);

  return g_array_index (self->lines, int, position);
}

guint
bp_deck_parse_result_get_n_warnings (BpDeckParseResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->warnings->len;
}

/**
 * bp_deck_parse_result_get_warning:
 *
 * Returns: (transfer none): the warning at @index, in the order of their lines.
 */
const BpDeckWarning *
bp_deck_parse_result_get_warning (BpDeckParseResult *self,
                                  guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);

  return &g_array_index (self->warnings, BpDeckWarning, index);
}

/**
 * bp_deck_rule_to_string:
 *
 * Returns: how @rule reads questions, in a few words.
 */
const char *
bp_deck_rule_to_string (BpDeckRule rule)
{
  switch (rule)
    {
    case BP_DECK_RULE_CANONICAL:
      return _("“### Q<n>: title” headings");
    case BP_DECK_RULE_HEADINGS:
      return _("headings with text under them");
    case BP_DECK_RULE_DETAILS:
      return _("<details> whose summary is the question");
    case BP_DECK_RULE_LIST_ITEMS:
      return _("list items that ask a question");
    case BP_DECK_RULE_BOLD:
      return _("bold paragraphs");
    case BP_DECK_RULE_QUESTION_LIST:
      return _("lists of questions without answers");
    case BP_DECK_RULE_TABLES:
      return _("rows of glossary tables");
    default:
      g_return_val_if_reached ("");
    }
}
