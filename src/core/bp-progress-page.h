/* bp-progress-page.h: a deck's progress page: recall tiles, due counts, review calendar, streak, retention (pure)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bp-deck.h"
#include "bp-fsrs.h"
#include "bp-study-queue.h"

G_BEGIN_DECLS

#define BP_PROGRESS_WEEKS 26
#define BP_PROGRESS_RETENTION_DAYS 30

typedef struct
{
  const BpFsrsParameters *parameters;
  gint64 today;              /* bp_review_day() of now */
  gint64 day_offset_us;      /* what bp_review_day() took for @today */
  double retention;          /* the desired retention */
  gint64 interview_day;      /* or BP_STUDY_QUEUE_NO_INTERVIEW */
} BpProgressOptions;

/* What the page says, in numbers: the tests read them, the page shows them. */
typedef struct
{
  guint  n_due_today;
  guint  n_due_week;
  guint  streak;             /* days in a row with a review, up to today (or yesterday) */
  guint  n_retention_reviews;
  guint  n_retention_passed;
  double true_retention;     /* passed / reviews; negative without reviews */
} BpProgressFigures;

char *bp_progress_page_render (BpDeck                  *deck,
                               GHashTable              *states,
                               GPtrArray               *events,
                               GHashTable              *weak_ids,
                               const BpProgressOptions *options,
                               BpProgressFigures       *figures);
const char *bp_progress_colour (double recall);

G_END_DECLS
