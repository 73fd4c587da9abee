/* bp-deck-question-lists.c: the question-list rule: a list of questions with no answers, studied by recall
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-question-lists"

#include "config.h"

#include <string.h>

#include "bp-cmark-private.h"
#include "bp-deck-rules-private.h"
#include "bp-deck-titles.h"

/* More words than this, or an end like a sentence's, and the text over sub-questions is
 * what they ask about ("There are two chip makers…"), not the name of a topic. */
#define MAX_LABEL_WORDS 6

typedef struct
{
  GPtrArray *questions;
  const char *section;    /* the heading over the list, or NULL */
  gboolean section_asks;  /* "## Coding questions": every item of it asks */
} Walk;

/* What an item asks about: the item above a sub-question. */
typedef struct
{
  const char *text;
  gboolean asks;
  gboolean numbered;
  guint number;
} Parent;

/* The text an item opens with: its heading or its first paragraph. */
static char *
item_text (cmark_node *item)
{
  cmark_node *first = cmark_node_first_child (item);

  if (first == NULL || (cmark_node_get_type (first) != CMARK_NODE_PARAGRAPH &&
                        cmark_node_get_type (first) != CMARK_NODE_HEADING) ||
      _bp_deck_rules_is_links_paragraph (first))
    return NULL;

  return bp_cmark_plain_text (first);
}

/* Length of a difficulty tag that opens @text ("[E] ", "[Hard] "), or 0. */
static gsize
difficulty_tag_length (const char *text)
{
  static const char * const tags[] = {
    "[e]", "[m]", "[h]", "[easy]", "[medium]", "[hard]", "(e)", "(m)", "(h)",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (tags); i++)
    if (g_ascii_strncasecmp (text, tags[i], strlen (tags[i])) == 0)
      return strlen (tags[i]);

  return 0;
}

static gboolean
text_asks (const Walk *walk,
           const char *text)
{
  return walk->section_asks || difficulty_tag_length (text) > 0 ||
         bp_deck_title_looks_like_question (text);
}

/* A list most of whose items ask: the sub-questions of the item that holds it. */
static gboolean
is_question_sublist (const Walk *walk,
                     cmark_node *list)
{
  guint n_items = 0, n_asking = 0;

  if (cmark_node_get_type (list) != CMARK_NODE_LIST)
    return FALSE;

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item))
    {
      g_autofree char *text = item_text (item);

      n_items++;
      n_asking += text != NULL && text_asks (walk, text);
    }

  return n_asking > 0 && n_asking * 2 >= n_items;
}

/* Whether all @item holds after its first line is lists of sub-questions. */
static gboolean
holds_only_sub_questions (const Walk *walk,
                          cmark_node *item)
{
  gboolean any = FALSE;

  for (cmark_node *node = cmark_node_next (cmark_node_first_child (item)); node != NULL; node = cmark_node_next (node))
    {
      if (bp_deck_rules_is_skippable (node))
        continue;
      if (!is_question_sublist (walk, node))
        return FALSE;
      any = TRUE;
    }

  return any;
}

static gboolean
is_label (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  gsize length = strlen (text);

  return g_strv_length (words) <= MAX_LABEL_WORDS &&
         (length == 0 || strchr (".:!;", text[length - 1]) == NULL);
}

/* A sub-question under a stem it cannot be answered without reads the stem first, its
 * difficulty tag in front: "[M] There are two chip makers… What is the chance…?".
 * Under a topic or a question, it reads alone, the topic or question shown under it. */
static BpFoundQuestion *
sub_question_new (const char   *text,
                  int           line,
                  const Parent *parent)
{
  g_autofree char *title = NULL;
  BpFoundQuestion *found;
  gsize tag;

  if (parent == NULL)
    return _bp_found_question_new (text, line);

  if (parent->asks || is_label (parent->text))
    {
      found = _bp_found_question_new (text, line);
      found->subtitle = g_strdup (parent->text);
    }
  else
    {
      tag = difficulty_tag_length (text);
      title = tag > 0 ? g_strdup_printf ("%.*s %s %s", (int)tag, text, parent->text, text + tag + strspn (text + tag, " "))
                      : g_strdup_printf ("%s %s", parent->text, text);
      found = _bp_found_question_new (title, line);
    }

  /* The parts of question 9 are question 9 too. */
  found->numbered = parent->numbered;
  found->number = parent->number;
  return found;
}

static guint read_list (Walk         *walk,
                        cmark_node   *list,
                        cmark_node   *top,
                        const Parent *parent);

/* Reads one item: a question, its answer what follows its first line; or the stem of
 * sub-questions. Returns whether it asks. */
static gboolean
read_item (Walk         *walk,
           cmark_node   *item,
           cmark_node   *top,
           const Parent *parent,
           guint         number)
{
  g_autofree char *text = item_text (item);
  BpFoundQuestion *found = NULL;
  Parent self;

  if (text == NULL || *text == '\0')
    return FALSE;

  /* The section's name makes an item ask, but not the stem of sub-questions. */
  self = (Parent) { text, text_asks (walk, text), number > 0, number };
  if (walk->section_asks && holds_only_sub_questions (walk, item))
    self.asks = difficulty_tag_length (text) > 0 || bp_deck_title_looks_like_question (text);
  if (parent != NULL && parent->numbered)
    self.numbered = TRUE, self.number = parent->number;

  if (self.asks)
    {
      found = sub_question_new (text, cmark_node_get_start_line (item), parent);
      if (parent == NULL && self.numbered)
        found->numbered = TRUE, found->number = number;
      found->list = top;
      found->context = g_strdup (walk->section);
      g_ptr_array_add (walk->questions, found);
    }

  if (!holds_only_sub_questions (walk, item))
    {
      if (found != NULL && (found->first = cmark_node_next (cmark_node_first_child (item))) != NULL)
        found->last = cmark_node_last_child (item);
      return self.asks;
    }

  for (cmark_node *node = cmark_node_next (cmark_node_first_child (item)); node != NULL; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_LIST)
      read_list (walk, node, top, &self);

  return TRUE;
}

/* Reads @list's questions into @walk; returns how many of its items ask. */
static guint
read_list (Walk         *walk,
           cmark_node   *list,
           cmark_node   *top,
           const Parent *parent)
{
  gboolean ordered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;
  int start = cmark_node_get_list_start (list);
  guint index = 0, n_asking = 0;

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item), index++)
    n_asking += read_item (walk, item, top, parent, ordered && parent == NULL ? (guint)MAX (start, 0) + index : 0);

  return n_asking;
}

/* The blocks after a list that fell out of its last item ("* Make this work:" over a
 * code block at the margin) are that question's. */
static cmark_node *
read_top_list (Walk       *walk,
               cmark_node *list)
{
  g_autoptr(GPtrArray) all = g_steal_pointer (&walk->questions);
  guint n_items = 0, n_asking;
  BpFoundQuestion *last;
  cmark_node *end = list;

  walk->questions = _bp_found_question_array_new ();
  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item))
    n_items++;
  n_asking = read_list (walk, list, list, NULL);

  /* Most items ask: else it is a list in prose. */
  if (n_asking > 0 && n_asking * 2 >= n_items)
    {
      last = walk->questions->len > 0 ? g_ptr_array_index (walk->questions, walk->questions->len - 1) : NULL;
      if (last != NULL && last->line == cmark_node_get_start_line (cmark_node_last_child (list)) &&
          (last->more_last = _bp_deck_rules_list_continuation (list, 0)) != NULL)
        last->more_first = cmark_node_next (list), end = last->more_last;
      for (guint i = 0; i < walk->questions->len; i++)
        g_ptr_array_add (all, g_ptr_array_steal_index (walk->questions, i--));
    }

  g_ptr_array_unref (walk->questions);
  walk->questions = g_steal_pointer (&all);
  return end;
}

/**
 * bp_deck_rules_find_question_lists:
 *
 * A list of questions with no answers is still a deck, studied by recall: each item that
 * asks ("…?", "Explain…", "[E] …") is a question, its answer what the item holds after
 * its first line (a hint), often nothing. An item whose only content is a list of
 * sub-questions is their stem: each sub-question is a question of its own, so each is
 * graded on its own, and reads with the stem or shows its topic under it.
 *
 * Returns: (transfer full) (element-type BpFoundQuestion): the questions found.
 */
GPtrArray *
bp_deck_rules_find_question_lists (cmark_node *document)
{
  g_autofree char *section = NULL;
  Walk walk = { _bp_found_question_array_new (), NULL, FALSE };

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        {
          g_autofree char *text = bp_cmark_plain_text (node);
          guint number;
          gboolean numbered;

          g_free (section);
          section = bp_deck_title_clean (text, &number, &numbered);
          walk.section = section;
          walk.section_asks = bp_deck_title_names_questions (section);
        }
      else if (cmark_node_get_type (node) == CMARK_NODE_LIST && !_bp_deck_rules_is_link_list (node))
        node = read_top_list (&walk, node);
    }

  return walk.questions;
}

static gboolean
has_answer (BpFoundQuestion *found)
{
  return found->first != NULL || found->split_after != NULL || found->more_first != NULL ||
         (found->markdown_before != NULL && found->markdown_before[strspn (found->markdown_before, " \t\r\n")] != '\0');
}

/* Marks the question lists in @found's answer as excluded when @found asks: a list of
 * questions inside an answer is part of it. Returns whether @found only named the
 * topic of the lists it holds ("## Vectors" over them). */
static gboolean
mark_lists_in_answer (BpFoundQuestion *found,
                      GHashTable      *lists,
                      GHashTable      *excluded)
{
  cmark_node *ranges[2][2] = { { found->first, found->last }, { found->more_first, found->more_last } };
  gboolean asks = bp_deck_title_looks_like_question (found->title);
  gboolean any = FALSE;

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (cmark_node *node = ranges[r][0]; node != NULL; node = node == ranges[r][1] ? NULL : cmark_node_next (node))
      if (g_hash_table_contains (lists, node))
        {
          any = TRUE;
          if (asks)
            g_hash_table_add (excluded, node);
        }

  return any && !asks;
}

/**
 * bp_deck_rules_keep_question_lists:
 * @lists: what bp_deck_rules_find_question_lists() found
 * @best: what the best of the other rules found
 *
 * Lists of questions win only where the other rules read no deck of questions with
 * answers: lists inside the answer of a question that asks are part of that answer,
 * and a deck with as many as a quarter of their number of real answers is a Q&A deck.
 *
 * Returns: (transfer full) (nullable) (element-type BpFoundQuestion): the questions of
 *   the lists that are the deck's, or %NULL when @best reads it better.
 */
GPtrArray *
bp_deck_rules_keep_question_lists (GPtrArray *lists,
                                   GPtrArray *best)
{
  g_autoptr(GHashTable) tops = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) excluded = g_hash_table_new (NULL, NULL);
  GPtrArray *kept = _bp_found_question_array_new ();
  guint n_real = 0;

  for (guint i = 0; i < lists->len; i++)
    g_hash_table_add (tops, ((BpFoundQuestion *)g_ptr_array_index (lists, i))->list);

  for (guint i = 0; i < best->len; i++)
    {
      BpFoundQuestion *found = g_ptr_array_index (best, i);

      if (!mark_lists_in_answer (found, tops, excluded) && has_answer (found))
        n_real++;
    }

  for (guint i = 0; i < lists->len; i++)
    if (!g_hash_table_contains (excluded, ((BpFoundQuestion *)g_ptr_array_index (lists, i))->list))
      g_ptr_array_add (kept, g_ptr_array_steal_index (lists, i--));

  if (kept->len <= best->len || n_real * 4 >= kept->len)
    g_clear_pointer (&kept, g_ptr_array_unref);

  return kept;
}
