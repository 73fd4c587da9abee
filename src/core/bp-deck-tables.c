/* bp-deck-tables.c: the glossary rule: each row of a term/definition table is a question
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-tables"

#include "config.h"

/* cmark-gfm's extension header uses bool without stdbool.h (see bp-cmark.c). */
#include <stdbool.h>
#include <cmark-gfm-core-extensions.h>
#include <string.h>

#include "bp-cmark-private.h"
#include "bp-deck-rules-private.h"
#include "bp-deck-titles.h"

/* Fewer rows are a table in prose (a comparison, an example), not a glossary to study. */
#define MIN_TERM_ROWS 3

/* First headers that say the other columns describe the term, whatever their number. */
static const char * const term_headers[] = {
  "term", "terms", "question", "questions", "concept", "concepts", "keyword", "word",
  "name", "command", "function", "acronym", "abbreviation", "symbol", "begriff", "frage",
};

static gboolean
is_table (cmark_node *node)
{
  return node != NULL && strcmp (cmark_node_get_type_string (node), "table") == 0;
}

static char *
cell_text (cmark_node *cell)
{
  return cell != NULL ? bp_cmark_plain_text (cell) : g_strdup ("");
}

/* A header row's first cell names a term ("Term", "Concept"), as wider glossaries say. */
static gboolean
names_terms (cmark_node *header)
{
  g_autofree char *text = cell_text (cmark_node_first_child (header));

  for (gsize i = 0; i < G_N_ELEMENTS (term_headers); i++)
    if (g_ascii_strcasecmp (text, term_headers[i]) == 0)
      return TRUE;

  return FALSE;
}

static guint
count_term_rows (cmark_node *table)
{
  guint n = 0;

  for (cmark_node *row = cmark_node_next (cmark_node_first_child (table)); row != NULL; row = cmark_node_next (row))
    {
      g_autofree char *term = cell_text (cmark_node_first_child (row));

      n += *term != '\0';
    }

  return n;
}

/* Two columns, or more under a first header that names the terms; enough terms. */
static gboolean
is_glossary (cmark_node *table)
{
  cmark_node *header = cmark_node_first_child (table);
  guint n_columns = cmark_gfm_extensions_get_table_columns (table);

  if (header == NULL || !cmark_gfm_extensions_get_table_row_is_header (header) || n_columns < 2 ||
      (n_columns > 2 && !names_terms (header)))
    return FALSE;

  return count_term_rows (table) >= MIN_TERM_ROWS;
}

static void
add_rows (GPtrArray  *questions,
          cmark_node *table,
          const char *section)
{
  cmark_node *header = cmark_node_first_child (table);

  for (cmark_node *row = cmark_node_next (header); row != NULL; row = cmark_node_next (row))
    {
      g_autofree char *term = cell_text (cmark_node_first_child (row));
      BpFoundQuestion *found;

      if (*term == '\0')
        continue;
      found = _bp_found_question_new (term, cmark_node_get_start_line (row));
      found->table = table;
      found->row = row;
      found->context = g_strdup (section);
      g_ptr_array_add (questions, found);
    }
}

/* The section a table is under; the first level-1 heading names the deck, no section. */
static char *
section_of (cmark_node *heading,
            gboolean    deck_title)
{
  g_autofree char *text = NULL;
  guint number;
  gboolean numbered;

  if (heading == NULL || deck_title)
    return NULL;

  text = bp_cmark_plain_text (heading);
  return bp_deck_title_clean (text, &number, &numbered);
}

/**
 * bp_deck_rules_find_tables:
 *
 * A glossary is a table of terms: each row of a table at the top of the document with
 * two columns (or more, under a first header such as "Term") and at least three terms is
 * a question, its first cell the title, the other cells the answer. Rows with no term are
 * left out; the heading over the table is the rows' section.
 *
 * Returns: (transfer full) (element-type BpFoundQuestion): the rows found.
 */
GPtrArray *
bp_deck_rules_find_tables (cmark_node *document)
{
  GPtrArray *questions = _bp_found_question_array_new ();
  cmark_node *heading = NULL;
  gboolean deck_title = FALSE, seen_title = FALSE;

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        {
          heading = node;
          deck_title = !seen_title && cmark_node_get_heading_level (node) == 1;
          seen_title = seen_title || deck_title;
        }
      else if (is_table (node) && is_glossary (node))
        {
          g_autofree char *section = section_of (heading, deck_title);

          add_rows (questions, node, section);
        }
    }

  return questions;
}

/* Whether all of @found's answer is glossary tables: its title only names their section. */
static gboolean
is_section_of_tables (BpFoundQuestion *found,
                      GHashTable      *tables)
{
  cmark_node *ranges[2][2] = { { found->first, found->last }, { found->more_first, found->more_last } };
  gboolean any = FALSE;

  if (found->split_after != NULL || found->markdown_before != NULL || found->markdown_after != NULL ||
      bp_deck_title_looks_like_question (found->title))
    return FALSE;

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (cmark_node *node = ranges[r][0]; node != NULL; node = node == ranges[r][1] ? NULL : cmark_node_next (node))
      {
        if (g_hash_table_contains (tables, node))
          any = TRUE;
        else if (!bp_deck_rules_is_skippable (node))
          return FALSE;
      }

  return any;
}

/**
 * bp_deck_rules_keep_tables:
 * @rows: what bp_deck_rules_find_tables() found
 * @best: what the best of the other rules found
 *
 * The rows of glossaries are the questions only where the other rules found none but
 * sections holding nothing but those tables ("## Joins" over a table of joins): a table
 * in a real answer is part of it, never split.
 *
 * Returns: (transfer full) (nullable) (element-type BpFoundQuestion): the rows, or %NULL
 *   when @best reads the deck.
 */
GPtrArray *
bp_deck_rules_keep_tables (GPtrArray *rows,
                           GPtrArray *best)
{
  g_autoptr(GHashTable) tables = g_hash_table_new (NULL, NULL);
  GPtrArray *kept;

  if (rows->len == 0)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (tables, ((BpFoundQuestion *)g_ptr_array_index (rows, i))->table);

  for (guint i = 0; i < best->len; i++)
    if (!is_section_of_tables (g_ptr_array_index (best, i), tables))
      return NULL;

  kept = _bp_found_question_array_new ();
  while (rows->len > 0)
    g_ptr_array_add (kept, g_ptr_array_steal_index (rows, 0));

  return kept;
}

/* A paragraph of @cell's inlines, moved out of the table, after @label in bold if any. */
static void
append_cell (cmark_node *answer,
             cmark_node *cell,
             const char *label)
{
  cmark_node *paragraph = cmark_node_new (CMARK_NODE_PARAGRAPH);
  cmark_node *node;

  if (label != NULL && *label != '\0')
    {
      cmark_node *strong = cmark_node_new (CMARK_NODE_STRONG);
      cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);
      cmark_node *space = cmark_node_new (CMARK_NODE_TEXT);
      g_autofree char *with_colon = g_strdup_printf ("%s:", label);

      cmark_node_set_literal (text, with_colon);
      cmark_node_append_child (strong, text);
      cmark_node_append_child (paragraph, strong);
      cmark_node_set_literal (space, " ");
      cmark_node_append_child (paragraph, space);
    }

  while ((node = cmark_node_first_child (cell)) != NULL)
    {
      bp_cmark_own_literals (node);
      cmark_node_unlink (node);
      cmark_node_append_child (paragraph, node);
    }
  cmark_node_append_child (answer, paragraph);
}

/**
 * _bp_deck_tables_take_row_answer:
 * @answer: the question's answer document, empty
 *
 * Moves the cells after @row's first into @answer: the definition of a two-column
 * glossary as it is, each cell of a wider one as a paragraph led by its header in bold.
 * Empty cells are left out, so a row with none gives no answer.
 */
void
_bp_deck_tables_take_row_answer (cmark_node *answer,
                                 cmark_node *table,
                                 cmark_node *row)
{
  cmark_node *header_cell = cmark_node_next (cmark_node_first_child (cmark_node_first_child (table)));
  gboolean labelled = cmark_gfm_extensions_get_table_columns (table) > 2;

  for (cmark_node *cell = cmark_node_next (cmark_node_first_child (row)); cell != NULL;
       cell = cmark_node_next (cell), header_cell = header_cell != NULL ? cmark_node_next (header_cell) : NULL)
    {
      g_autofree char *label = labelled ? cell_text (header_cell) : NULL;

      if (cmark_node_first_child (cell) != NULL)
        append_cell (answer, cell, label);
    }
}
