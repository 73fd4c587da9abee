/* bp-search-rank.c: the search index's ranking: BM25F over titles and answers
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-search"

#include "config.h"

#include <math.h>

#include "bp-search-private.h"

/* BM25's usual constants; a title word counts as three answer words (BM25F), since a
 * question whose title names the topic is what a searcher most often means. */
#define K1 1.2
#define B 0.75
#define TITLE_WEIGHT 3.0

/* A query word as the ranking looks it up: the vocabulary ids it stands for, and how
 * many questions hold one of them. */
typedef struct
{
  guint first;
  guint last;
  guint n_questions;
} RankWord;

typedef struct
{
  guint position;
  double score;
} Ranked;

/* A word the user has finished typing must be in the question as it is; the last one
 * may be the start of a word, since it is still being typed. A finished word that is no
 * word of the deck ("momen sgd") is read as a start too, rather than finding nothing. */
static GArray *
look_up_words (BpSearchIndex *self,
               const char    *query)
{
  g_auto(GStrv) words = bp_search_split_query (query);
  GArray *ranked = g_array_new (FALSE, TRUE, sizeof (RankWord));

  for (guint i = 0; words[i] != NULL; i++)
    {
      RankWord word = { 0, };

      word.first = _bp_search_index_vocabulary_bound (self, words[i], FALSE);
      if (words[i + 1] != NULL && word.first < self->vocabulary->len &&
          g_str_equal (g_ptr_array_index (self->vocabulary, word.first), words[i]))
        word.last = word.first + 1;
      else
        word.last = _bp_search_index_vocabulary_bound (self, words[i], TRUE);
      g_array_append_val (ranked, word);
    }

  return ranked;
}

/* How often the text of sorted @ids holds a word of @word's range. */
static guint
count_in_text (BpSearchIndex  *self,
               guint           start,
               guint           end,
               const RankWord *word)
{
  const guint32 *ids = &g_array_index (self->word_ids, guint32, start);
  const guint16 *counts = &g_array_index (self->word_counts, guint16, start);
  guint count = 0;

  for (guint i = _bp_search_ids_lower_bound (ids, end - start, word->first);
       i < end - start && ids[i] < word->last; i++)
    count += counts[i];

  return count;
}

/* BM25F's pseudo-frequency of @word in @entry: each field's count, normalized by its
 * length against the deck's mean, weighted by the field. */
static double
field_frequency (BpSearchIndex       *self,
                 const BpSearchEntry *entry,
                 const RankWord      *word)
{
  guint in_title = count_in_text (self, entry->title_start, entry->answer_start, word);
  guint in_answer = count_in_text (self, entry->answer_start, entry->end, word);
  double title_norm = 1 - B + B * entry->title_length / self->mean_title_length;
  double answer_norm = 1 - B + B * entry->answer_length / self->mean_answer_length;

  return TITLE_WEIGHT * in_title / title_norm + in_answer / answer_norm;
}

/* The frequencies of every word in every question, @n_words a row; a question lacking
 * a word is left out by the caller, but still counts towards that word's rarity. */
static double *
frequencies (BpSearchIndex *self,
             GArray        *words)
{
  guint n_words = words->len;
  double *table = g_new (double, (gsize)self->entries->len * n_words);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const BpSearchEntry *entry = &g_array_index (self->entries, BpSearchEntry, i);

      for (guint j = 0; j < n_words; j++)
        {
          RankWord *word = &g_array_index (words, RankWord, j);
          double frequency = word->first < word->last ? field_frequency (self, entry, word) : 0;

          table[(gsize)i * n_words + j] = frequency;
          word->n_questions += frequency > 0;
        }
    }

  return table;
}

static double
score (const double *row,
       GArray       *words,
       guint         n_questions)
{
  double total = 0;

  for (guint j = 0; j < words->len; j++)
    {
      const RankWord *word = &g_array_index (words, RankWord, j);
      double idf = log (1 + (n_questions - word->n_questions + 0.5) / (word->n_questions + 0.5));

      if (row[j] == 0)
        return 0;
      total += idf * row[j] * (K1 + 1) / (K1 + row[j]);
    }

  return total;
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ranked_a = a;
  const Ranked *ranked_b = b;

  if (ranked_a->score != ranked_b->score)
    return ranked_a->score > ranked_b->score ? -1 : 1;

  return ranked_a->position < ranked_b->position ? -1 : ranked_a->position > ranked_b->position;
}

/**
 * bp_search_index_rank:
 * @query: (nullable): what the user typed
 *
 * The questions holding every word of @query, the most relevant first. Each word but the
 * last must be a word of the question; the last may start one, as it is still being
 * typed, and so may a word that is in no question of the deck. Words are folded as
 * bp_search_split_query() says.
 *
 * Relevance is BM25F: a word counts more the rarer it is in the deck and the more often
 * the question holds it, relative to its length; a title word counts three times an
 * answer word. Equal scores keep deck order, as does a query without words, which
 * matches every question.
 *
 * Returns: (transfer full) (element-type BpQuestion): the matching questions, best first.
 */
GPtrArray *
bp_search_index_rank (BpSearchIndex *self,
                      const char    *query)
{
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autofree double *table = NULL;
  GPtrArray *results;
  guint n = 0;

  g_return_val_if_fail (BP_IS_SEARCH_INDEX (self), NULL);

  n = self->entries->len;
  results = g_ptr_array_new_full (n, g_object_unref);
  words = look_up_words (self, query);
  if (words->len == 0)
    {
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (results, g_object_ref (bp_deck_get_question (self->deck, i)));
      return results;
    }

  table = frequencies (self, words);
  ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  for (guint i = 0; i < n; i++)
    {
      Ranked item = { i, score (table + (gsize)i * words->len, words, n) };

      if (item.score > 0)
        g_array_append_val (ranked, item);
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (results, g_object_ref (bp_deck_get_question (
      self->deck, g_array_index (ranked, Ranked, i).position)));

  return results;
}
