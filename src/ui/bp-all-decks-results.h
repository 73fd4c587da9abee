/* bp-all-decks-results.h: the sidebar's search over every deck of the library, by deck
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bp-library.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

#define BP_TYPE_ALL_DECKS_RESULTS (bp_all_decks_results_get_type ())

G_DECLARE_FINAL_TYPE (BpAllDecksResults, bp_all_decks_results, BP, ALL_DECKS_RESULTS, GtkWidget)

BpLibrary    *bp_all_decks_results_get_library (BpAllDecksResults *self);
void          bp_all_decks_results_set_library (BpAllDecksResults *self,
                                                BpLibrary         *library);
void          bp_all_decks_results_set_store   (BpAllDecksResults *self,
                                                BpStudyStore      *store);
const char   *bp_all_decks_results_get_query   (BpAllDecksResults *self);
void          bp_all_decks_results_set_query   (BpAllDecksResults *self,
                                                const char        *query);
guint         bp_all_decks_results_get_n_results (BpAllDecksResults *self);
BpQuestion   *bp_all_decks_results_get_result  (BpAllDecksResults *self,
                                                guint              position,
                                                BpLibraryEntry   **entry);

G_END_DECLS
