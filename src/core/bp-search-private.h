/* bp-search-private.h: the search index's fields, shared by its lookup, ranking and snippets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-search.h"

G_BEGIN_DECLS

/* Where one question's words are in the index's word_ids (and their counts in word_counts):
 * the title's, then the answer's, each sorted and without duplicates; and how many words
 * each holds, for the ranking's length normalization. */
typedef struct
{
  guint title_start;
  guint answer_start;
  guint end;
  guint title_length;
  guint answer_length;
} BpSearchEntry;

/* The vocabulary ids [first, last) of the words that start with one word of a query, and
 * how many titles and answers hold one of them, at most. */
typedef struct
{
  guint first;
  guint last;
  guint n_texts;
} BpSearchWordRange;

struct _BpSearchIndex
{
  GObject parent_instance;

  BpDeck *deck;
  GStringChunk *strings;
  GPtrArray *vocabulary;
  GArray *word_ids;
  GArray *word_counts;    /* guint16, beside word_ids: how often the text holds the word */
  guint32 *texts_before;  /* for each id, how many times a text holds a word sorting before it */
  GArray *entries;
  GHashTable *positions;
  double mean_title_length;
  double mean_answer_length;

  /* The last query looked up, so a filter asking about each question in turn looks it up once. */
  char *query;
  GArray *query_ranges;
  gboolean query_has_words;
};

guint    _bp_search_index_vocabulary_bound (BpSearchIndex           *self,
                                            const char              *word,
                                            gboolean                 past_prefix);
guint    _bp_search_ids_lower_bound        (const guint32           *ids,
                                            guint                    n_ids,
                                            guint                    id);
gboolean _bp_search_index_find             (BpSearchIndex           *self,
                                            BpQuestion              *question,
                                            guint                   *position);

G_END_DECLS
