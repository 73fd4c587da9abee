/* bp-search.h: finds the questions of a deck whose title or answer holds every word of a query
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-deck.h"

G_BEGIN_DECLS

/**
 * BpSearchMatch:
 * @BP_SEARCH_MATCH_NONE: some word of the query is in neither the title nor the answer
 * @BP_SEARCH_MATCH_ANY: the query has no words, so every question matches, unranked
 * @BP_SEARCH_MATCH_ANSWER: every word of the query is in the question, some only in its answer
 * @BP_SEARCH_MATCH_TITLE: every word of the query is in the title
 *
 * How a question matches a query. For one query, a higher value ranks first.
 */
typedef enum {
  BP_SEARCH_MATCH_NONE,
  BP_SEARCH_MATCH_ANY,
  BP_SEARCH_MATCH_ANSWER,
  BP_SEARCH_MATCH_TITLE,
} BpSearchMatch;

/**
 * BpSearchSpan:
 * @start: the first byte of a marked word
 * @end: the byte after it
 *
 * Where a word of the query is in a snippet.
 */
typedef struct
{
  gsize start;
  gsize end;
} BpSearchSpan;

#define BP_TYPE_SEARCH_INDEX (bp_search_index_get_type ())

G_DECLARE_FINAL_TYPE (BpSearchIndex, bp_search_index, BP, SEARCH_INDEX, GObject)

BpSearchIndex  *bp_search_index_new       (BpDeck        *deck);
BpDeck         *bp_search_index_get_deck  (BpSearchIndex *self);
GPtrArray      *bp_search_index_query     (BpSearchIndex *self,
                                           const char    *query,
                                           guint         *n_title_matches);
GPtrArray      *bp_search_index_rank      (BpSearchIndex *self,
                                           const char    *query);
char           *bp_search_index_dup_snippet (BpSearchIndex *self,
                                             BpQuestion    *question,
                                             const char    *query,
                                             GArray       **spans);
BpSearchMatch   bp_search_index_match     (BpSearchIndex *self,
                                           BpQuestion    *question,
                                           const char    *query);

char          **bp_search_split_query     (const char    *query);
char           *bp_search_dup_highlight   (const char    *query);

G_END_DECLS
