/* bp-study-export.h: the user's notes and weak topics as one markdown document
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-deck.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

char *bp_study_export_markdown (BpDeck       *deck,
                                BpStudyStore *store,
                                GDateTime    *now);

G_END_DECLS
