/* bp-deck-study.h: a deck's questions as the study store and the reviews see them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-deck.h"
#include "bp-reviews.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

guint bp_deck_study_count     (BpDeck       *deck,
                               BpStudyStore *store,
                               BpStudyFlags  flags);
guint bp_deck_study_count_due (BpDeck       *deck,
                               BpReviews    *reviews,
                               gint64        today);

G_END_DECLS
