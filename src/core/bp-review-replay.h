/* bp-review-replay.h: every question's memory state, recomputed from the review log's events (pure)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bp-fsrs.h"
#include "bp-review-format.h"

G_BEGIN_DECLS

/* What the log says of one question. Days are calendar days (bp_review_day()). */
typedef struct
{
  BpMemoryState memory;
  gint64        first_review_us;
  gint64        last_review_us;
  gint64        first_day;
  gint64        last_day;
  guint         n_reviews;
  guint         n_lapses;
  guint8        last_grade;
  const char   *last_event_id;    /* borrowed from the events replayed */
} BpCardState;

gint64      bp_review_day              (gint64                  time_us,
                                        gint64                  day_offset_us);
GPtrArray  *bp_review_kept_grades      (GPtrArray              *events);
GHashTable *bp_review_replay           (GPtrArray              *events,
                                        const BpFsrsParameters *parameters,
                                        gint64                  day_offset_us);
gint64      bp_card_state_due_day      (const BpCardState      *state,
                                        const BpFsrsParameters *parameters,
                                        double                  retention);

G_END_DECLS
