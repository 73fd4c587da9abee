/* review-log-writer.h: the reviews the crash test's writer appends, known to the test too
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "bp-review-format.h"

/* Review @k: its id holds its number, its question id is long enough that a kill can cut it. */
static inline BpReviewEvent *
writer_review (guint k)
{
  const guint32 bits[4] = { 0xc0ffee00, k, 0, k * 2654435761u };
  char id[BP_REVIEW_EVENT_ID_LENGTH + 1];
  g_autofree char *question_id = g_strdup_printf ("crash-deck/question-%u-%s", k % 50,
                                                  "with-a-title-long-enough-to-be-cut-midway");

  bp_review_event_id_from_bits (id, bits);
  return bp_review_event_new_grade (id, G_GINT64_CONSTANT (1795781283606170) + k * 1000000,
                                    question_id, 1 + k % 4, k % 7, k);
}

static inline gboolean
writer_review_number (const BpReviewEvent *event,
                      guint               *k)
{
  guint32 bits[4];

  if (sscanf (event->id, "%8x%8x%8x%8x", &bits[0], &bits[1], &bits[2], &bits[3]) != 4 ||
      bits[0] != 0xc0ffee00)
    return FALSE;
  *k = bits[1];
  return TRUE;
}
