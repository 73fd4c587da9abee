/* bp-deck-study.c: a deck's questions as the study store sees them
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-study"

#include "config.h"

#include "bp-deck-study.h"

/**
 * bp_deck_study_count:
 * @flags: what a question must have, all of it; %BP_STUDY_FLAG_NONE counts every one
 *
 * Returns: how many of @deck's questions have all of @flags in @store, for a filter's count
 *   in the sidebar
 */
guint
bp_deck_study_count (BpDeck       *deck,
                     BpStudyStore *store,
                     BpStudyFlags  flags)
{
  guint n_questions;
  guint count = 0;

  g_return_val_if_fail (BP_IS_DECK (deck), 0);
  g_return_val_if_fail (BP_IS_STUDY_STORE (store), 0);

  n_questions = bp_deck_get_n_questions (deck);
  for (guint i = 0; i < n_questions; i++)
    {
      const char *id = bp_question_get_id (bp_deck_get_question (deck, i));

      count += (bp_study_store_get_flags (store, id) & flags) == flags;
    }

  return count;
}
