/* bp-study-view.h: a study session: one question at a time, recalled, revealed and graded
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bp-deck.h"
#include "bp-page-handler.h"
#include "bp-reviews.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

#define BP_TYPE_STUDY_VIEW (bp_study_view_get_type ())

G_DECLARE_FINAL_TYPE (BpStudyView, bp_study_view, BP, STUDY_VIEW, GtkWidget)

void        bp_study_view_setup        (BpStudyView   *self,
                                        BpDeck        *deck,
                                        BpStudyStore  *store,
                                        BpReviews     *reviews,
                                        BpPageHandler *page_handler);
void        bp_study_view_set_deck     (BpStudyView   *self,
                                        BpDeck        *deck);
void        bp_study_view_start        (BpStudyView   *self);
gboolean    bp_study_view_undo         (BpStudyView   *self);
BpQuestion *bp_study_view_get_question (BpStudyView   *self);
guint       bp_study_view_get_n_left   (BpStudyView   *self);
gboolean    bp_study_view_get_revealed (BpStudyView   *self);
gboolean    bp_study_view_get_finished (BpStudyView   *self);

G_END_DECLS
