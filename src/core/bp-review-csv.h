/* bp-review-csv.h: the review log as the FSRS optimizer's revlog.csv, written and read (pure)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BP_REVIEW_CSV_ERROR (bp_review_csv_error_quark ())

typedef enum {
  BP_REVIEW_CSV_ERROR_INVALID,
} BpReviewCsvError;

GQuark     bp_review_csv_error_quark (void);
GBytes    *bp_review_csv_export      (GPtrArray   *events);
GPtrArray *bp_review_csv_import      (const char  *text,
                                      gsize        length,
                                      GError     **error);

G_END_DECLS
