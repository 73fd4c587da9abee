/* bp-deck-headings.c: the heading rule: a heading with body text is a question, its section the answer
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-headings"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bp-cmark-private.h"
#include "bp-deck-rules-private.h"
#include "bp-deck-titles.h"

/* Raw HTML that opens with "<h3>…</h3>": a heading, as some decks write all of theirs.
 * The text after it, up to the blank line that ends the block, starts its section. */
static int
html_heading (cmark_node  *block,
              char       **text,
              const char **rest)
{
  const char *html;
  const char *start;
  g_autofree char *close = NULL;
  const char *end;
  int level;

  if (cmark_node_get_type (block) != CMARK_NODE_HTML_BLOCK)
    return 0;

  html = cmark_node_get_literal (block);
  while (g_ascii_isspace (*html))
    html++;
  if (html[0] != '<' || g_ascii_tolower (html[1]) != 'h' || html[2] < '1' || html[2] > '6' ||
      (html[3] != '>' && !g_ascii_isspace (html[3])) || (start = strchr (html, '>')) == NULL)
    return 0;

  level = html[2] - '0';
  close = g_strdup_printf ("</h%d>", level);
  for (end = start; *end != '\0' && g_ascii_strncasecmp (end, close, strlen (close)) != 0; end++)
    ;
  if (*end == '\0')
    return 0;

  *text = bp_deck_html_plain_text (start + 1, end - start - 1);
  *rest = end + strlen (close);
  return level;
}

/* The level of a heading, markdown's or raw HTML's; 0 for another block. */
static int
heading_level (cmark_node  *node,
               char       **text,
               const char **rest)
{
  *rest = NULL;
  if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
    {
      *text = bp_cmark_plain_text (node);
      return cmark_node_get_heading_level (node);
    }

  return html_heading (node, text, rest);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *shown = text != NULL ? bp_deck_html_plain_text (text, -1) : NULL;

  return shown == NULL || *shown == '\0';
}

/* Whether the blocks after @start, up to the next heading, hold what a reader reads;
 * @toc is set when all they hold is a table of contents. */
static gboolean
has_body (cmark_node *start,
          const char *rest,
          gboolean   *toc)
{
  gboolean body = !is_blank (rest);

  *toc = FALSE;
  for (cmark_node *node = cmark_node_next (start); node != NULL; node = cmark_node_next (node))
    {
      g_autofree char *text = NULL;
      const char *its_rest;

      if (heading_level (node, &text, &its_rest) > 0)
        {
          /* "#### Answer" under the question is its answer, not a section of its own. */
          if (!bp_deck_text_is_answer_label (text))
            break;
          body = TRUE;
          continue;
        }
      if (bp_deck_rules_is_skippable (node))
        continue;
      if (_bp_deck_rules_is_link_list (node) || _bp_deck_rules_is_links_paragraph (node))
        {
          *toc = !body;
          continue;
        }
      body = TRUE;
      *toc = FALSE;
    }

  return body;
}

/* Heading sections */

typedef struct
{
  cmark_node *node;
  int level;
  char *text;         /* as written, number and all */
  const char *rest;   /* what follows a raw HTML heading in its block, or NULL */
  char *title;
  gboolean question_like;
  gboolean numbered;
  gboolean body;
  gboolean label;     /* "Answer": part of the section above */
  gboolean candidate; /* a heading with body that is no README section nor category */
  gboolean targeted;  /* a link of the deck leads to it */
} Heading;

static void
clear_heading (gpointer data)
{
  g_free (((Heading *)data)->text);
  g_free (((Heading *)data)->title);
}

static GArray *
collect_headings (cmark_node *document)
{
  GArray *headings = g_array_new (FALSE, TRUE, sizeof (Heading));

  g_array_set_clear_func (headings, clear_heading);
  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      Heading heading = { node, 0 };
      gboolean toc;
      guint number;

      if ((heading.level = heading_level (node, &heading.text, &heading.rest)) == 0)
        continue;

      heading.title = bp_deck_title_clean (heading.text, &number, &heading.numbered);
      heading.question_like = heading.numbered || bp_deck_title_looks_like_question (heading.title);
      heading.label = bp_deck_text_is_answer_label (heading.title);
      heading.body = has_body (node, heading.rest, &toc);
      /* "## Basic Questions (Warm-up)" heads questions written some other way. */
      heading.candidate = heading.body && !toc && !heading.label &&
                          !bp_deck_title_is_not_question (heading.title) &&
                          !(bp_deck_title_names_questions (heading.title) && !heading.question_like);
      g_array_append_val (headings, heading);
    }

  return headings;
}

#define HEADING(i) (&g_array_index (headings, Heading, (i)))

/* A heading that is not a question but holds deeper ones ("## Arrays" over "### What
 * is…?") is a category, even with a paragraph of its own; so is the deck's title. */
static void
demote_categories (GArray *headings)
{
  guint n_level_1 = 0;

  for (guint i = 0; i < headings->len; i++)
    n_level_1 += HEADING (i)->level == 1 && HEADING (i)->candidate;

  for (guint i = 0; i < headings->len; i++)
    {
      Heading *heading = HEADING (i);

      if (heading->level == 1 && n_level_1 <= 1)
        heading->candidate = FALSE;
      if (!heading->candidate || heading->question_like)
        continue;

      for (guint j = i + 1; j < headings->len && HEADING (j)->level > heading->level; j++)
        if (HEADING (j)->candidate && HEADING (j)->question_like)
          {
            heading->candidate = FALSE;
            break;
          }
    }
}

/* A question mark, where "What I do before asking" only starts like a question. */
static gboolean
asks_outright (const char *title)
{
  return strchr (title, '?') != NULL || strstr (title, "？") != NULL;
}

/* Headings that do not ask, under one that does ("## 1. What is Go?" over "### Key
 * Features"), are the parts of its answer, however many there are. A heading only
 * numbered asks nothing: "## 1. Arrays" over "### Two Sum" is a category. */
static void
demote_answer_parts (GArray *headings)
{
  for (guint i = 0; i < headings->len; i++)
    {
      Heading *heading = HEADING (i);
      guint end = i + 1;
      gboolean parts_ask = FALSE;

      if (heading->label || !bp_deck_title_looks_like_question (heading->title) ||
          bp_deck_title_is_not_question (heading->title))
        continue;

      for (; end < headings->len && HEADING (end)->level > heading->level; end++)
        parts_ask = parts_ask || asks_outright (HEADING (end)->title);
      /* An answer that opens with its first part ("### Situation") still answers. */
      if (!heading->candidate && (end == i + 1 || parts_ask || heading->level == 1))
        continue;

      heading->candidate = TRUE;
      for (guint j = i + 1; j < end; j++)
        if (!asks_outright (HEADING (j)->title))
          HEADING (j)->candidate = FALSE;
    }
}

/* The level most questions use. */
static int
primary_level (GArray *headings)
{
  guint counts[7] = { 0 };
  int best = 0;

  for (guint i = 0; i < headings->len; i++)
    if (HEADING (i)->candidate)
      counts[HEADING (i)->level] += 2 + HEADING (i)->question_like;

  for (int level = 1; level <= 6; level++)
    if (counts[level] > counts[best])
      best = level;

  return best;
}

/* Whether the deck's questions moved to @heading's level for good: no question at the
 * current level follows before a shallower heading. */
static gboolean
level_switched (GArray *headings,
                guint   index,
                int     current_level)
{
  for (guint j = index + 1; j < headings->len; j++)
    {
      if (HEADING (j)->level < current_level)
        return TRUE;
      if (HEADING (j)->level == current_level && HEADING (j)->candidate)
        return FALSE;
    }

  return TRUE;
}

static void
end_answer (BpFoundQuestion *found,
            cmark_node      *question,
            cmark_node      *end)
{
  cmark_node *last = end != NULL ? cmark_node_previous (end) : cmark_node_last_child (cmark_node_parent (question));

  if (last != question)
    {
      found->first = cmark_node_next (question);
      found->last = last;
    }
}

/* Whether @heading, deeper than the question being read, starts a question of its own
 * rather than a part of that one's answer. */
static gboolean
starts_deeper_question (GArray *headings,
                        guint   index,
                        int     primary,
                        int     level,
                        gboolean current_numbered)
{
  Heading *heading = HEADING (index);

  if (!heading->candidate)
    return FALSE;

  return heading->level == primary || (heading->numbered && current_numbered) ||
         (heading->question_like && level_switched (headings, index, level));
}

static gboolean
is_empty_question (GArray *headings,
                   guint   index,
                   int     primary)
{
  Heading *heading = HEADING (index);

  return heading->level == primary && heading->question_like && !heading->label &&
         !bp_deck_title_is_not_question (heading->title) &&
         (index + 1 == headings->len || HEADING (index + 1)->level <= heading->level);
}

/* Marks the headings an in-page link leads to; GitHub numbers a repeated anchor "-1", "-2"… */
static void
mark_targets (GArray     *headings,
              cmark_node *document)
{
  g_autoptr(GHashTable) anchors = _bp_deck_anchors_collect (document);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < headings->len && g_hash_table_size (anchors) > 0; i++)
    {
      Heading *heading = HEADING (i);
      char *slug = _bp_deck_anchors_slug (heading->text);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, slug));
      g_autofree char *anchor = n == 0 ? g_strdup (slug) : g_strdup_printf ("%s-%u", slug, n);

      heading->targeted = g_hash_table_contains (anchors, anchor);
      g_hash_table_insert (seen, slug, GUINT_TO_POINTER (n + 1));
    }
}

/* Whether the deck's links lead to its questions: most headings they reach ask, three at
 * least. Then those are the questions, every heading between them part of an answer,
 * however its level compares ("## Question 1." over "# Direct answer"). */
static gboolean
links_lead_to_questions (GArray *headings)
{
  guint n_targeted = 0, n_asking = 0;

  for (guint i = 0; i < headings->len; i++)
    if (HEADING (i)->targeted)
      {
        n_targeted++;
        n_asking += bp_deck_title_looks_like_question (HEADING (i)->title);
      }

  return n_asking >= 3 && n_asking * 2 > n_targeted;
}

/* The level most of the linked headings that ask use. */
static int
asking_targets_level (GArray *headings)
{
  guint counts[7] = { 0 };
  int best = 1;

  for (guint i = 0; i < headings->len; i++)
    if (HEADING (i)->targeted && bp_deck_title_looks_like_question (HEADING (i)->title))
      counts[HEADING (i)->level]++;

  for (int level = 2; level <= 6; level++)
    if (counts[level] > counts[best])
      best = level;

  return best;
}

static BpFoundQuestion *
open_question (Heading *heading)
{
  BpFoundQuestion *found = _bp_found_question_new (heading->text, cmark_node_get_start_line (heading->node));

  if (!is_blank (heading->rest))
    found->markdown_before = g_strdup (heading->rest);
  return found;
}

/* The questions the deck's links lead to; a README section ("## Contributing") no deeper
 * than a question ends its answer. */
static GPtrArray *
find_linked_questions (GArray *headings)
{
  GPtrArray *questions = _bp_found_question_array_new ();
  BpFoundQuestion *current = NULL;
  Heading *current_heading = NULL;
  int question_level = asking_targets_level (headings);

  for (guint i = 0; i < headings->len; i++)
    {
      Heading *heading = HEADING (i);
      gboolean not_question = bp_deck_title_is_not_question (heading->title);
      /* At the questions' level, a title may name its topic ("Closures"); above it, a
       * link's target is the deck's title or a part of it ("[back](#OOP)"). */
      gboolean starts = heading->targeted && !heading->label && !not_question &&
                        (heading->level == question_level ||
                         bp_deck_title_looks_like_question (heading->title));

      if (!starts && !(current != NULL && not_question && heading->level <= current_heading->level))
        continue;

      if (current != NULL)
        end_answer (current, current_heading->node, heading->node);
      current = NULL;
      if (starts)
        {
          current = open_question (heading);
          current_heading = heading;
          g_ptr_array_add (questions, current);
        }
    }

  if (current != NULL)
    end_answer (current, current_heading->node, NULL);

  return questions;
}

/**
 * bp_deck_rules_find_headings:
 * @level: (out): the level most questions use
 *
 * A heading with body text is a question, its section (deeper headings included) its
 * answer, at the level the file uses for questions even where it changes. Where the
 * deck's own links (its table of contents) lead to questions, those are its questions.
 *
 * Returns: (transfer full) (element-type BpFoundQuestion): the questions found.
 */
GPtrArray *
bp_deck_rules_find_headings (cmark_node *document,
                             int        *level)
{
  g_autoptr(GArray) headings = collect_headings (document);
  GPtrArray *questions;
  BpFoundQuestion *current = NULL;
  cmark_node *current_node = NULL;
  int current_level = 0;
  int primary;

  mark_targets (headings, document);
  if (links_lead_to_questions (headings))
    {
      *level = asking_targets_level (headings);
      return find_linked_questions (headings);
    }

  questions = _bp_found_question_array_new ();
  demote_categories (headings);
  demote_answer_parts (headings);
  *level = primary = primary_level (headings);

  for (guint i = 0; i < headings->len; i++)
    {
      Heading *heading = HEADING (i);

      /* "#### Answer: B" belongs to the question, at whatever level it is written. */
      if (current != NULL && (heading->label ||
                              (heading->level > current_level &&
                               !starts_deeper_question (headings, i, primary, current_level,
                                                        current->numbered))))
        continue;

      if (current != NULL)
        end_answer (current, current_node, heading->node);
      current = NULL;

      if (heading->candidate || is_empty_question (headings, i, primary))
        {
          current = open_question (heading);
          current_node = heading->node;
          current_level = heading->level;
          g_ptr_array_add (questions, current);
        }
    }

  if (current != NULL)
    end_answer (current, current_node, NULL);

  return questions;
}

#undef HEADING
