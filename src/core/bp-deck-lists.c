/* bp-deck-lists.c: the list-item and bold-paragraph rules of the deck parser
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-lists"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bp-cmark-private.h"
#include "bp-deck-rules-private.h"
#include "bp-deck-titles.h"

/* List items */

/* The soft break after the first line of @paragraph, when that line asks a question. */
static cmark_node *
question_line_end (cmark_node *paragraph,
                   char      **title)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (cmark_node *node = cmark_node_first_child (paragraph); node != NULL; node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        {
          g_strstrip (line->str);
          if (!bp_deck_title_looks_like_question (line->str))
            return NULL;
          *title = g_strdup (line->str);
          return node;
        }

      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
        g_string_append (line, cmark_node_get_literal (node));
      else
        {
          g_autofree char *text = bp_cmark_plain_text (node);

          g_string_append (line, text);
        }
    }

  return NULL;
}

/* An item that starts with a heading, or with a question and then its answer. */
static BpFoundQuestion *
item_question (cmark_node *item)
{
  cmark_node *first = cmark_node_first_child (item);
  g_autofree char *text = NULL;
  BpFoundQuestion *found;
  cmark_node *split = NULL;

  if (first == NULL)
    return NULL;

  if (cmark_node_get_type (first) == CMARK_NODE_HEADING)
    text = bp_cmark_plain_text (first);
  else if (cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH)
    {
      split = question_line_end (first, &text);
      if (split == NULL)
        {
          text = bp_cmark_plain_text (first);
          if (!bp_deck_title_looks_like_question (text))
            g_clear_pointer (&text, g_free);
        }
    }

  if (text == NULL || *text == '\0' || _bp_deck_rules_is_links_paragraph (first))
    return NULL;

  found = _bp_found_question_new (text, cmark_node_get_start_line (item));
  found->split_after = split;
  found->first = cmark_node_next (first);
  found->last = found->first != NULL ? cmark_node_last_child (item) : NULL;
  return found;
}

static guint
count_items (cmark_node *list)
{
  guint n = 0;

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item))
    n++;

  return n;
}

static gboolean
item_asks (cmark_node *item)
{
  g_autoptr(BpFoundQuestion) question = item != NULL ? item_question (item) : NULL;

  return question != NULL;
}

/* Whether @next goes on with @list, @n_items long: an ordered list that picks up its
 * numbering, or the next bullet list (nothing tells it from a list of the answer). */
static gboolean
continues_list (cmark_node *list,
                guint       n_items,
                cmark_node *next)
{
  if (cmark_node_get_type (next) != CMARK_NODE_LIST ||
      cmark_node_get_list_type (next) != cmark_node_get_list_type (list))
    return FALSE;

  if (cmark_node_get_list_type (list) == CMARK_ORDERED_LIST)
    return cmark_node_get_list_start (next) == cmark_node_get_list_start (list) + (int)n_items;

  return TRUE;
}

/* The last block before @next that is no heading over it: a heading right above the
 * list that goes on names its section ("## ER Modeling" over "5. …"). */
static cmark_node *
last_answer_block (cmark_node *list,
                   cmark_node *next)
{
  cmark_node *last = cmark_node_previous (next);

  while (last != list && (cmark_node_get_type (last) == CMARK_NODE_HEADING || bp_deck_rules_is_skippable (last)))
    last = cmark_node_previous (last);

  return last != list ? last : NULL;
}

/**
 * _bp_deck_rules_list_continuation:
 * @heading_level: the level of the heading that opens the list's last item, or 0
 *
 * An answer written less indented than its item falls out of the list, which then
 * starts again after it ("446. ### Q" + a paragraph at the margin + "447. ### Q"): the
 * blocks in between belong to the last item, headings of its answer ("## Summary")
 * included when the numbering goes on. A level-1 heading, a heading no deeper than the
 * item's own under a bullet list, or an ordered list that asks again without picking
 * up the numbering, ends them.
 *
 * Returns: (nullable): the last of those blocks, or %NULL when no list goes on.
 */
cmark_node *
_bp_deck_rules_list_continuation (cmark_node *list,
                                  int         heading_level)
{
  guint n_items = count_items (list);

  if (cmark_node_get_list_type (list) == CMARK_ORDERED_LIST)
    heading_level = 1;
  for (cmark_node *node = cmark_node_next (list); node != NULL; node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      if (continues_list (list, n_items, node))
        return last_answer_block (list, node);
      if (type == CMARK_NODE_HEADING &&
          (heading_level == 0 || cmark_node_get_heading_level (node) <= heading_level))
        return NULL;
      if (type == CMARK_NODE_LIST && cmark_node_get_list_type (node) == cmark_node_get_list_type (list) &&
          item_asks (cmark_node_first_child (node)))
        return NULL;
    }

  return NULL;
}

static int
item_heading_level (cmark_node *item)
{
  cmark_node *first = cmark_node_first_child (item);

  return first != NULL && cmark_node_get_type (first) == CMARK_NODE_HEADING ?
         cmark_node_get_heading_level (first) : 0;
}

/* Reads @list's questions into @questions; returns the last block read, @list or the
 * last of the blocks after it that belong to its last item. */
static cmark_node *
find_in_list (cmark_node *list,
              GPtrArray  *questions)
{
  g_autoptr(GPtrArray) found = _bp_found_question_array_new ();
  guint n_items = 0, n_sure = 0;
  int start = cmark_node_get_list_start (list);
  gboolean ordered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;
  cmark_node *last_item = cmark_node_last_child (list);
  cmark_node *end = list;

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item), n_items++)
    {
      BpFoundQuestion *question = item_question (item);

      if (question == NULL)
        continue;
      if (ordered && !question->numbered)
        question->number = start + n_items, question->numbered = TRUE;
      if (item == last_item &&
          (question->more_last = _bp_deck_rules_list_continuation (list, item_heading_level (item))) != NULL)
        question->more_first = cmark_node_next (list), end = question->more_last;
      /* A heading in an item is a question even with its answer missing. */
      n_sure += question->first != NULL || question->split_after != NULL ||
                question->more_first != NULL || item_heading_level (item) > 0;
      g_ptr_array_add (found, question);
    }

  /* Most items ask, and most questions get an answer: else it is a list in prose. */
  if (found->len * 2 < n_items || n_sure * 2 < found->len || n_sure == 0)
    return list;

  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (questions, g_ptr_array_steal_index (found, i--));

  return end;
}

/**
 * bp_deck_rules_find_list_items:
 *
 * A list whose items start with a heading or a question, the text under each its answer.
 *
 * Returns: (transfer full) (element-type BpFoundQuestion): the questions found.
 */
GPtrArray *
bp_deck_rules_find_list_items (cmark_node *document)
{
  GPtrArray *questions = _bp_found_question_array_new ();

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_LIST && !_bp_deck_rules_is_link_list (node))
      node = find_in_list (node, questions);

  return questions;
}

/* Bold paragraphs */

/* The bold text of a paragraph that is all bold (punctuation aside), and the soft break
 * that ends it when the answer follows on the next line. */
static char *
bold_title (cmark_node  *paragraph,
            cmark_node **split)
{
  cmark_node *strong = NULL;

  *split = NULL;
  if (cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH)
    return NULL;

  for (cmark_node *node = cmark_node_first_child (paragraph); node != NULL; node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_STRONG && strong == NULL)
        strong = node;
      else if ((type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) && strong != NULL)
        {
          *split = node;
          break;
        }
      else if (type != CMARK_NODE_TEXT || strspn (cmark_node_get_literal (node), " \t:.?") !=
                                            strlen (cmark_node_get_literal (node)))
        return NULL;
    }

  return strong != NULL ? bp_cmark_plain_text (strong) : NULL;
}

/* "**1)** The number of active ads." or "**2) Factorial**. Compute n!": a paragraph that
 * opens with a bold number asks what its first line says, numbered as the bold says. */
static char *
numbered_bold_title (cmark_node  *paragraph,
                     cmark_node **split)
{
  cmark_node *strong = cmark_node_first_child (paragraph);
  g_autofree char *bold = NULL;
  g_autofree char *cleaned = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  guint number;
  gboolean numbered;

  *split = NULL;
  if (cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH || strong == NULL ||
      cmark_node_get_type (strong) != CMARK_NODE_STRONG)
    return NULL;

  bold = bp_cmark_plain_text (strong);
  cleaned = bp_deck_title_clean (bold, &number, &numbered);
  if (!g_ascii_isdigit (*bold) || !numbered)
    return NULL;

  for (cmark_node *node = strong; node != NULL; node = cmark_node_next (node))
    {
      g_autofree char *text = NULL;

      if (cmark_node_get_type (node) == CMARK_NODE_SOFTBREAK || cmark_node_get_type (node) == CMARK_NODE_LINEBREAK)
        {
          *split = node;
          break;
        }
      /* Literals as they are: the spaces around a text or code span are part of the line. */
      if (cmark_node_get_type (node) == CMARK_NODE_TEXT || cmark_node_get_type (node) == CMARK_NODE_CODE)
        g_string_append (line, cmark_node_get_literal (node));
      else
        {
          text = bp_cmark_plain_text (node);
          g_string_append (line, text);
        }
    }

  return g_strdup (g_strstrip (line->str));
}

/* Whether most bold questions end with a decoration (a difficulty emoji): then a bold
 * paragraph that ends with one is a question even when its words do not ask
 * ("Precision-recall trade-off ⭐️"). */
static gboolean
questions_decorated (cmark_node *document)
{
  guint n_asking = 0, n_decorated = 0;

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      cmark_node *split;
      g_autofree char *title = bold_title (node, &split);

      if (title == NULL || !bp_deck_title_looks_like_question (title))
        continue;
      n_asking++;
      n_decorated += bp_deck_title_has_decoration (title);
    }

  return n_asking > 0 && n_decorated * 2 > n_asking;
}

/**
 * bp_deck_rules_find_bold:
 *
 * @question_like_only: whether only bold text that asks ("What…?") is a question,
 *   the rest being part of an answer
 * @numbered_too: whether a paragraph that opens with a bold number ("**1)** …") is a
 *   question whatever it says
 *
 * A paragraph entirely bold is a question; the blocks up to the next one or to a
 * heading its answer.
 *
 * Returns: (transfer full) (element-type BpFoundQuestion): the questions found.
 */
GPtrArray *
bp_deck_rules_find_bold (cmark_node *document,
                         gboolean    question_like_only,
                         gboolean    numbered_too)
{
  GPtrArray *questions = _bp_found_question_array_new ();
  BpFoundQuestion *current = NULL;
  gboolean decorated = question_like_only && questions_decorated (document);

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      cmark_node *split;
      g_autofree char *title = bold_title (node, &split);
      gboolean numbered = FALSE;

      if (title == NULL && numbered_too)
        numbered = (title = numbered_bold_title (node, &split)) != NULL;

      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        current = NULL;
      else if (title != NULL && *title != '\0' && !bp_deck_text_is_answer_label (title) &&
               !bp_deck_title_is_not_question (title) &&
               (numbered || !question_like_only || bp_deck_title_looks_like_question (title) ||
                (decorated && bp_deck_title_has_decoration (title))))
        {
          current = _bp_found_question_new (title, cmark_node_get_start_line (node));
          current->split_after = split;
          g_ptr_array_add (questions, current);
        }
      else if (current != NULL)
        {
          if (current->first == NULL)
            current->first = node;
          current->last = node;
        }
    }

  return questions;
}
