/* bp-review-csv.c: the review log as the FSRS optimizer's revlog.csv, written and read (pure)
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-review-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bp-fsrs.h"
#include "bp-review-csv.h"
#include "bp-review-format.h"
#include "bp-review-replay.h"

/*
 * The columns of open-spaced-repetition/fsrs-optimizer's review_logs schema (its README;
 * fsrs_optimizer.py reads revlog.csv by column name and sorts by card_id, review_time):
 * card_id (a string here: the question id), review_time (ms since 1970, UTC), review_rating
 * (1 to 4), review_state (0 new, 1 learning, 2 review, 3 relearning) and review_duration (ms).
 */

#define HEADER "card_id,review_time,review_rating,review_state,review_duration\n"

enum {
  STATE_NEW = 0,
  STATE_LEARNING = 1,
  STATE_REVIEW = 2,
  STATE_RELEARNING = 3,
};

G_DEFINE_QUARK (bp-review-csv-error-quark, bp_review_csv_error)

static int
compare_by_card_then_time (gconstpointer a,
                           gconstpointer b)
{
  const BpReviewEvent *x = *(BpReviewEvent **)a, *y = *(BpReviewEvent **)b;
  int by_card = strcmp (x->question_id, y->question_id);

  if (by_card != 0)
    return by_card;
  if (x->time_us != y->time_us)
    return x->time_us < y->time_us ? -1 : 1;
  return strcmp (x->id, y->id);
}

/* A field with a comma, a quote or a line break is quoted, its quotes doubled (RFC 4180). */
static void
append_field (GString    *csv,
              const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/* What the card was in when graded, as Anki's states: new at its first grade, relearning
 * after a lapse, learning before its first pass. */
static int
state_before (const BpReviewEvent *previous,
              gboolean             ever_passed)
{
  if (previous == NULL)
    return STATE_NEW;
  if (previous->grade == BP_GRADE_AGAIN)
    return ever_passed ? STATE_RELEARNING : STATE_LEARNING;
  return STATE_REVIEW;
}

/**
 * bp_review_csv_export:
 * @events: (element-type BpReviewEvent): the log's events; undone grades are left out
 *
 * Returns: (transfer full): revlog.csv, as the optimizer reads it
 */
GBytes *
bp_review_csv_export (GPtrArray *events)
{
  g_autoptr(GPtrArray) grades = bp_review_kept_grades (events);
  GString *csv = g_string_new (HEADER);
  const BpReviewEvent *previous = NULL;
  gboolean ever_passed = FALSE;

  g_ptr_array_sort (grades, compare_by_card_then_time);
  for (guint i = 0; i < grades->len; i++)
    {
      const BpReviewEvent *event = g_ptr_array_index (grades, i);

      if (previous != NULL && !g_str_equal (previous->question_id, event->question_id))
        previous = NULL, ever_passed = FALSE;

      append_field (csv, event->question_id);
      g_string_append_printf (csv, ",%" G_GINT64_FORMAT ",%u,%d,%u\n", event->time_us / 1000,
                              event->grade, state_before (previous, ever_passed),
                              event->duration_ms);
      ever_passed |= event->grade != BP_GRADE_AGAIN;
      previous = event;
    }
  return g_string_free_to_bytes (csv);
}

/* Reads one record from @p (RFC 4180: quoted fields may hold commas, quotes, line breaks).
 * Returns: (transfer full) (nullable): its fields, or %NULL at the end or on a stray quote */
static GPtrArray *
read_record (const char **p,
             const char  *end,
             guint       *line,
             gboolean    *damaged)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  *damaged = FALSE;
  if (*p >= end)
    return (g_ptr_array_unref (fields), NULL);

  for (; *p < end; (*p)++)
    {
      char c = **p;

      if (quoted && c == '"' && *p + 1 < end && (*p)[1] == '"')
        g_string_append_c (field, '"'), (*p)++;
      else if (c == '"' && (quoted || field->len == 0))
        quoted = !quoted;
      else if (!quoted && c == ',')
        g_ptr_array_add (fields, g_strdup (field->str)), g_string_truncate (field, 0);
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (c == '\r' && *p + 1 < end && (*p)[1] == '\n')
            (*p)++;
          (*p)++;
          break;
        }
      else
        {
          *line += c == '\n';
          g_string_append_c (field, c);
        }
    }
  (*line)++;
  *damaged = quoted;
  g_ptr_array_add (fields, g_strdup (field->str));
  return fields;
}

static gboolean not_a_review_log (GError **error);

typedef struct
{
  int card_id, review_time, review_rating, review_duration;
} Columns;

static gboolean
find_columns (GPtrArray  *header,
              Columns    *columns,
              GError    **error)
{
  *columns = (Columns) { -1, -1, -1, -1 };
  for (guint i = 0; i < header->len; i++)
    {
      const char *name = g_strstrip ((char *)g_ptr_array_index (header, i));

      if (g_str_equal (name, "card_id"))
        columns->card_id = i;
      else if (g_str_equal (name, "review_time"))
        columns->review_time = i;
      else if (g_str_equal (name, "review_rating"))
        columns->review_rating = i;
      else if (g_str_equal (name, "review_duration"))
        columns->review_duration = i;
    }
  if (columns->card_id >= 0 && columns->review_time >= 0 && columns->review_rating >= 0)
    return TRUE;

  return not_a_review_log (error);
}

static gboolean
not_a_review_log (GError **error)
{
  g_set_error_literal (error, BP_REVIEW_CSV_ERROR, BP_REVIEW_CSV_ERROR_INVALID,
                       _("This is not a review log: its first line must name the columns "
                         "card_id, review_time and review_rating."));
  return FALSE;
}

static gboolean
read_number (const char *text,
             guint64     max,
             guint64    *value)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL);
}

/* The same review imported twice has the same id: its card and its millisecond. */
static void
derive_event_id (const char *card_id,
                 guint64     time_ms,
                 char       *id)
{
  g_autofree char *key = g_strdup_printf ("revlog.csv\n%s\n%" G_GUINT64_FORMAT, card_id, time_ms);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  memcpy (id, hash, BP_REVIEW_EVENT_ID_LENGTH);
  id[BP_REVIEW_EVENT_ID_LENGTH] = '\0';
}

/* The latest review time this reads: the end of year 9999, as the log writes times. */
#define MAX_TIME_MS G_GUINT64_CONSTANT (253402300799999)

static BpReviewEvent *
read_row (GPtrArray     *row,
          const Columns *columns,
          guint          line,
          GError       **error)
{
  guint64 time_ms, rating, duration = 0;
  const char *card_id, *duration_text;
  char id[BP_REVIEW_EVENT_ID_LENGTH + 1];

  if ((guint)MAX (MAX (columns->card_id, columns->review_time), columns->review_rating) >= row->len)
    goto invalid;
  card_id = g_ptr_array_index (row, columns->card_id);
  duration_text = columns->review_duration >= 0 && (guint)columns->review_duration < row->len
                  ? g_ptr_array_index (row, columns->review_duration) : "";
  if (!read_number (g_ptr_array_index (row, columns->review_time), MAX_TIME_MS, &time_ms) ||
      !read_number (g_ptr_array_index (row, columns->review_rating), 4, &rating) ||
      (*duration_text != '\0' && !read_number (duration_text, G_MAXUINT, &duration)) ||
      !bp_review_question_id_is_valid (card_id, strlen (card_id)))
    goto invalid;
  /* Rating 0 is Anki's manual rescheduling: not a review. */
  if (rating == 0)
    return NULL;

  derive_event_id (card_id, time_ms, id);
  return bp_review_event_new_grade (id, (gint64)time_ms * 1000, card_id, rating, 0, duration);

invalid:
  g_set_error (error, BP_REVIEW_CSV_ERROR, BP_REVIEW_CSV_ERROR_INVALID,
               _("Line %u is not a review: it needs a card id, a time in milliseconds and a "
                 "rating from 1 to 4."), line);
  return NULL;
}

/* Each card's elapsed days, counted in UTC days as the optimizer does without a time zone. */
static void
count_elapsed_days (GPtrArray *events)
{
  g_ptr_array_sort (events, compare_by_card_then_time);
  for (guint i = 1; i < events->len; i++)
    {
      BpReviewEvent *previous = g_ptr_array_index (events, i - 1);
      BpReviewEvent *event = g_ptr_array_index (events, i);

      if (g_str_equal (previous->question_id, event->question_id))
        event->elapsed_days = bp_review_day (event->time_us, 0) - bp_review_day (previous->time_us, 0);
    }
}

/**
 * bp_review_csv_import:
 *
 * Reads a revlog.csv with at least the columns card_id, review_time and review_rating, in
 * any order; other columns are ignored.
 *
 * Returns: (transfer full) (element-type BpReviewEvent): the reviews, or %NULL with an error
 *   naming the first bad line (nothing is imported then)
 */
GPtrArray *
bp_review_csv_import (const char  *text,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_event_free);
  g_autoptr(GPtrArray) header = NULL;
  const char *p = text, *end = text + length;
  guint line = 1;
  gboolean damaged;
  Columns columns;

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, BP_REVIEW_CSV_ERROR, BP_REVIEW_CSV_ERROR_INVALID,
                           _("The review log is not UTF-8 text."));
      return NULL;
    }
  header = read_record (&p, end, &line, &damaged);
  if (header == NULL)
    return (not_a_review_log (error), NULL);
  if (!find_columns (header, &columns, error))
    return NULL;

  for (;;)
    {
      guint row_line = line;
      g_autoptr(GPtrArray) row = read_record (&p, end, &line, &damaged);
      g_autoptr(GError) row_error = NULL;
      BpReviewEvent *event;

      if (row == NULL)
        break;
      if (row->len == 1 && *(char *)g_ptr_array_index (row, 0) == '\0' && !damaged)
        continue;
      event = damaged ? NULL : read_row (row, &columns, row_line, &row_error);
      if (damaged && row_error == NULL)
        g_set_error (&row_error, BP_REVIEW_CSV_ERROR, BP_REVIEW_CSV_ERROR_INVALID,
                     _("Line %u has a quote that is never closed."), row_line);
      if (row_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return NULL;
        }
      if (event != NULL)
        g_ptr_array_add (events, event);
    }
  count_elapsed_days (events);
  return g_steal_pointer (&events);
}
