/* bp-deck-switcher.h: the decks of the library, at the top of the sidebar
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bp-library.h"
#include "bp-reviews.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

#define BP_TYPE_DECK_SWITCHER (bp_deck_switcher_get_type ())

G_DECLARE_FINAL_TYPE (BpDeckSwitcher, bp_deck_switcher, BP, DECK_SWITCHER, GtkWidget)

void            bp_deck_switcher_set_library  (BpDeckSwitcher *self,
                                               BpLibrary      *library);
void            bp_deck_switcher_set_store    (BpDeckSwitcher *self,
                                               BpStudyStore   *store);
void            bp_deck_switcher_set_reviews  (BpDeckSwitcher *self,
                                               BpReviews      *reviews);
BpLibraryEntry *bp_deck_switcher_get_selected (BpDeckSwitcher *self);
void            bp_deck_switcher_set_selected (BpDeckSwitcher *self,
                                               BpLibraryEntry *entry);
void            bp_deck_switcher_set_loading  (BpDeckSwitcher *self,
                                               const char     *name,
                                               BpDeckProgress *progress);
char           *bp_deck_switcher_dup_summary  (BpDeckSwitcher *self,
                                               BpLibraryEntry *entry);

G_END_DECLS
