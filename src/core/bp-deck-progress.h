/* bp-deck-progress.h: how far a deck's parse has got, written by its thread, read by another
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BpDeckProgress BpDeckProgress;

/* Called in the parsing thread each time the fraction grows. */
typedef void (*BpDeckProgressFunc) (double   fraction,
                                    gpointer user_data);

BpDeckProgress *bp_deck_progress_new     (BpDeckProgressFunc  func,
                                          gpointer            user_data);
BpDeckProgress *bp_deck_progress_ref     (BpDeckProgress     *self);
void            bp_deck_progress_unref   (BpDeckProgress     *self);
void            bp_deck_progress_advance (BpDeckProgress     *self,
                                          double              fraction);
double          bp_deck_progress_get     (BpDeckProgress     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpDeckProgress, bp_deck_progress_unref)

G_END_DECLS
