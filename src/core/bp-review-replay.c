/* bp-review-replay.c: every question's memory state, recomputed from the review log's events (pure)
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-review-replay"

#include "config.h"

#include <string.h>

#include "bp-review-replay.h"

#define US_PER_DAY G_GINT64_CONSTANT (86400000000)

/**
 * bp_review_day:
 * @day_offset_us: the user's offset from UTC, less the hour their day starts at (4 am: a
 *   review at 2 am counts for the day before)
 *
 * Returns: the calendar day of @time_us, counted from 1970-01-01
 */
gint64
bp_review_day (gint64 time_us,
               gint64 day_offset_us)
{
  gint64 local = time_us + day_offset_us;

  return local >= 0 ? local / US_PER_DAY : -((-local - 1) / US_PER_DAY) - 1;
}

/* Log order across devices is not time order: replay in time order, the id breaking ties. */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const BpReviewEvent *x = *(BpReviewEvent **)a, *y = *(BpReviewEvent **)b;

  if (x->time_us != y->time_us)
    return x->time_us < y->time_us ? -1 : 1;
  return strcmp (x->id, y->id);
}

static gboolean
is_sorted (GPtrArray *events)
{
  for (guint i = 1; i < events->len; i++)
    if (compare_events (&events->pdata[i - 1], &events->pdata[i]) > 0)
      return FALSE;
  return TRUE;
}

static GHashTable *
undone_ids (GPtrArray *events)
{
  GHashTable *undone = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < events->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (events, i);

      if (event->kind == BP_REVIEW_EVENT_UNDO)
        g_hash_table_add (undone, event->undone_id);
    }
  return undone;
}

static void
apply_grade (BpCardState            *state,
             const BpReviewEvent    *event,
             const BpFsrsParameters *parameters,
             gint64                  day)
{
  gboolean first = state->n_reviews == 0;
  guint elapsed = first ? 0 : (guint)CLAMP (day - state->last_day, 0, G_MAXINT);

  state->memory = bp_fsrs_next_state (parameters, first ? NULL : &state->memory, elapsed,
                                      event->grade);
  if (first)
    {
      state->first_review_us = event->time_us;
      state->first_day = day;
    }
  state->last_review_us = event->time_us;
  state->last_day = day;
  state->n_reviews++;
  state->n_lapses += !first && event->grade == BP_GRADE_AGAIN;
  state->last_grade = event->grade;
  state->last_event_id = event->id;
}

/**
 * bp_review_kept_grades:
 * @events: (element-type BpReviewEvent): the log's events
 *
 * Returns: (transfer container) (element-type BpReviewEvent): the grades that count, every
 *   one no undo took back, in the order of @events
 */
GPtrArray *
bp_review_kept_grades (GPtrArray *events)
{
  g_autoptr(GHashTable) undone = undone_ids (events);
  GPtrArray *grades = g_ptr_array_new ();

  for (guint i = 0; i < events->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (events, i);

      if (event->kind == BP_REVIEW_EVENT_GRADE && !g_hash_table_contains (undone, event->id))
        g_ptr_array_add (grades, event);
    }
  return grades;
}

/**
 * bp_review_replay:
 * @events: (element-type BpReviewEvent): the log's events, each id once, in any order
 *
 * Elapsed days are counted again from the review times, not taken from the lines: merged logs
 * of two devices interleave, and the day before a review is the one the history says.
 *
 * Returns: (transfer full) (element-type utf8 BpCardState): each reviewed question's state,
 *   keyed by the question id of the events, which must outlive it
 */
GHashTable *
bp_review_replay (GPtrArray              *events,
                  const BpFsrsParameters *parameters,
                  gint64                  day_offset_us)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (events, NULL, NULL);
  g_autoptr(GHashTable) undone = undone_ids (events);
  GHashTable *states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  /* The copy would free the events with the original's function. */
  g_ptr_array_set_free_func (sorted, NULL);
  /* A log is mostly in time order already: sorted only if it is not. */
  if (!is_sorted (sorted))
    g_ptr_array_sort (sorted, compare_events);
  for (guint i = 0; i < sorted->len; i++)
    {
      const BpReviewEvent *event = g_ptr_array_index (sorted, i);
      BpCardState *state;

      if (event->kind != BP_REVIEW_EVENT_GRADE ||
          (g_hash_table_size (undone) > 0 && g_hash_table_contains (undone, event->id)))
        continue;

      state = g_hash_table_lookup (states, event->question_id);
      if (state == NULL)
        {
          state = g_new0 (BpCardState, 1);
          g_hash_table_insert (states, event->question_id, state);
        }
      apply_grade (state, event, parameters, bp_review_day (event->time_us, day_offset_us));
    }
  return states;
}

/* The day the question is next due: its last review's day plus the interval its stability
 * gives at @retention. */
gint64
bp_card_state_due_day (const BpCardState      *state,
                       const BpFsrsParameters *parameters,
                       double                  retention)
{
  return state->last_day + bp_fsrs_interval (parameters, state->memory.stability, retention);
}
