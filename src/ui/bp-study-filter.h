/* bp-study-filter.h: a list filter by study state: weak topics, notes, unread, due
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bp-settings-enum-types.h"
#include "bp-reviews.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

#define BP_TYPE_STUDY_FILTER (bp_study_filter_get_type ())

G_DECLARE_FINAL_TYPE (BpStudyFilter, bp_study_filter, BP, STUDY_FILTER, GtkFilter)

BpStudyFilter *bp_study_filter_new       (BpStudyStore  *store,
                                          BpFilter       mode);
BpStudyStore  *bp_study_filter_get_store (BpStudyFilter *self);
void           bp_study_filter_set_store (BpStudyFilter *self,
                                          BpStudyStore  *store);
BpReviews     *bp_study_filter_get_reviews (BpStudyFilter *self);
void           bp_study_filter_set_reviews (BpStudyFilter *self,
                                            BpReviews     *reviews);
BpFilter       bp_study_filter_get_mode  (BpStudyFilter *self);
void           bp_study_filter_set_mode  (BpStudyFilter *self,
                                          BpFilter       mode);

G_END_DECLS
