/* bp-review-log.h: the review log file: read, appended to durably, merged when another Backprop changed it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-review-format.h"

G_BEGIN_DECLS

#define BP_TYPE_REVIEW_LOG (bp_review_log_get_type ())

G_DECLARE_FINAL_TYPE (BpReviewLog, bp_review_log, BP, REVIEW_LOG, GObject)

BpReviewLog *bp_review_log_new          (const char     *path);
const char  *bp_review_log_get_path     (BpReviewLog    *self);
gboolean     bp_review_log_load         (BpReviewLog    *self,
                                         GError        **error);
gboolean     bp_review_log_append       (BpReviewLog    *self,
                                         BpReviewEvent  *event,
                                         GError        **error);
gboolean     bp_review_log_import       (BpReviewLog    *self,
                                         GPtrArray      *events,
                                         guint          *n_added,
                                         GError        **error);
GPtrArray   *bp_review_log_get_events   (BpReviewLog    *self);
GPtrArray   *bp_review_log_get_problems (BpReviewLog    *self);
gboolean     bp_review_log_contains     (BpReviewLog    *self,
                                         const char     *event_id);
void         bp_review_log_watch        (BpReviewLog    *self);
void         bp_review_log_new_event_id (char           *id);

G_END_DECLS
