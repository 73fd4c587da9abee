/* bp-deck-study.h: a deck's questions as the study store sees them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-deck.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

guint bp_deck_study_count (BpDeck       *deck,
                           BpStudyStore *store,
                           BpStudyFlags  flags);

G_END_DECLS
