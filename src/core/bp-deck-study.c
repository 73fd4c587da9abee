/* bp-deck-study.c: a deck's questions as the study store and the reviews see them
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-study"

#include "config.h"

#include "bp-deck-study.h"

/* Whether @id is one of @deck's questions: the store and the log keep ids of questions
 * a deck no longer has. */
static gboolean
in_deck (BpDeck     *deck,
         const char *id)
{
  return bp_deck_find_by_id (deck, id) != NULL;
}

/**
 * bp_deck_study_count:
 * @flags: what a question must have, all of it; %BP_STUDY_FLAG_NONE counts every one
 *
 * Walks the store's entries, not the deck: a deck just opened has thousands of questions
 * and few entries, and this runs on the main thread as the deck is listed.
 *
 * Returns: how many of @deck's questions have all of @flags in @store, for a filter's count
 *   in the sidebar
 */
guint
bp_deck_study_count (BpDeck       *deck,
                     BpStudyStore *store,
                     BpStudyFlags  flags)
{
  g_auto(GStrv) ids = NULL;
  g_autofree char *prefix = NULL;
  guint count = 0;

  g_return_val_if_fail (BP_IS_DECK (deck), 0);
  g_return_val_if_fail (BP_IS_STUDY_STORE (store), 0);

  if (flags == BP_STUDY_FLAG_NONE)
    return bp_deck_get_n_questions (deck);

  /* A question without an entry has no flag: only entries can count. */
  ids = bp_study_store_dup_ids (store);
  prefix = g_strconcat (bp_deck_get_id (deck), "/", NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_has_prefix (ids[i], prefix) &&
        (bp_study_store_get_flags (store, ids[i]) & flags) == flags && in_deck (deck, ids[i]))
      count++;

  return count;
}

/**
 * bp_deck_study_count_due:
 * @today: bp_review_day() of now
 *
 * Walks the log's states, not the deck, for the same reason as bp_deck_study_count().
 *
 * Returns: how many of @deck's questions are due @today or before
 */
guint
bp_deck_study_count_due (BpDeck    *deck,
                         BpReviews *reviews,
                         gint64     today)
{
  g_autofree char *prefix = NULL;
  GHashTableIter iter;
  const char *id;
  guint count = 0;

  g_return_val_if_fail (BP_IS_DECK (deck), 0);
  g_return_val_if_fail (BP_IS_REVIEWS (reviews), 0);

  prefix = g_strconcat (bp_deck_get_id (deck), "/", NULL);
  g_hash_table_iter_init (&iter, bp_reviews_get_states (reviews));
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
    if (g_str_has_prefix (id, prefix) && in_deck (deck, id) && bp_reviews_get_due_day (reviews, id) <= today)
      count++;

  return count;
}
