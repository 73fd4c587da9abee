/* bp-reviews.h: every question's memory state from the review log, and grades written to it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-fsrs.h"
#include "bp-review-log.h"
#include "bp-review-replay.h"
#include "bp-study-queue.h"

G_BEGIN_DECLS

#define BP_TYPE_REVIEWS (bp_reviews_get_type ())

G_DECLARE_FINAL_TYPE (BpReviews, bp_reviews, BP, REVIEWS, GObject)

BpReviews              *bp_reviews_new             (BpReviewLog             *log);
BpReviewLog            *bp_reviews_get_log         (BpReviews               *self);
void                    bp_reviews_load_async      (BpReviews               *self,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
gboolean                bp_reviews_load_finish     (BpReviews               *self,
                                                    GAsyncResult            *result,
                                                    GError                 **error);
gboolean                bp_reviews_get_loaded      (BpReviews               *self);
const BpFsrsParameters *bp_reviews_get_parameters  (BpReviews               *self);
void                    bp_reviews_set_parameters  (BpReviews               *self,
                                                    const BpFsrsParameters  *parameters);
gint64                  bp_reviews_get_day_offset  (BpReviews               *self);
void                    bp_reviews_set_day_offset  (BpReviews               *self,
                                                    gint64                   day_offset_us);
double                  bp_reviews_get_retention   (BpReviews               *self);
void                    bp_reviews_set_retention   (BpReviews               *self,
                                                    double                   retention);
gint64                  bp_reviews_get_interview_day (BpReviews             *self);
void                    bp_reviews_set_interview_day (BpReviews             *self,
                                                    gint64                   day);
void                    bp_reviews_queue_options   (BpReviews               *self,
                                                    gint64                   today,
                                                    BpQueueOptions          *options);
gint64                  bp_reviews_get_due_day     (BpReviews               *self,
                                                    const char              *question_id);
const BpCardState      *bp_reviews_lookup          (BpReviews               *self,
                                                    const char              *question_id);
GHashTable             *bp_reviews_get_states      (BpReviews               *self);
gboolean                bp_reviews_grade           (BpReviews               *self,
                                                    const char              *question_id,
                                                    BpGrade                  grade,
                                                    gint64                   now_us,
                                                    guint                    duration_ms,
                                                    char                    *event_id,
                                                    GError                 **error);
gboolean                bp_reviews_undo            (BpReviews               *self,
                                                    const char              *event_id,
                                                    gint64                   now_us,
                                                    GError                 **error);
gboolean                bp_reviews_retry           (BpReviews               *self,
                                                    GError                 **error);
guint                   bp_reviews_get_n_pending   (BpReviews               *self);
const GError           *bp_reviews_get_save_error  (BpReviews               *self);

G_END_DECLS
