/* bp-review-format.c: the review log's lines, read and written as pure functions (no I/O, no clock)
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-review-format"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bp-review-format.h"

/*
 * One event a line, its fields separated by tabs, the question id last (any text without
 * control characters, spaces included):
 *
 *   r1 <tab> id <tab> time <tab> grade <tab> elapsed days <tab> seconds <tab> question id
 *   u1 <tab> id <tab> time <tab> id of the grade it undoes
 *
 * A line starting with another record name ("r2", "x1") is a newer version's: skipped, never
 * reported, and kept in the file since nothing ever rewrites it. "#" starts a comment.
 */

#define GRADE_RECORD "r1"
#define UNDO_RECORD "u1"
#define N_GRADE_FIELDS 7
#define N_UNDO_FIELDS 4
#define MAX_SECONDS_DIGITS 7
#define US_PER_DAY G_GINT64_CONSTANT (86400000000)

G_DEFINE_QUARK (bp-review-format-error-quark, bp_review_format_error)

/**
 * bp_review_question_id_is_valid:
 *
 * Returns: whether @id can name a question in the log: UTF-8 text, not empty, no control
 *   characters (a tab or a newline would split its line)
 */
gboolean
bp_review_question_id_is_valid (const char *id,
                                gsize       length)
{
  if (length == 0 || !g_utf8_validate_len (id, length, NULL))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if ((guchar)id[i] < 0x20 || id[i] == 0x7f)
      return FALSE;
  return TRUE;
}

gboolean
bp_review_event_id_is_valid (const char *id)
{
  /* Random digits make a branch per character a coin toss: one table, no branch. Read once
   * for every line of the log at start-up. */
  static const guint8 lower_hex[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
  };
  guint n_hex = 0;

  for (guint i = 0; i < BP_REVIEW_EVENT_ID_LENGTH && id[i] != '\0'; i++)
    n_hex += lower_hex[(guchar)id[i]];
  return n_hex == BP_REVIEW_EVENT_ID_LENGTH && id[BP_REVIEW_EVENT_ID_LENGTH] == '\0';
}

/* @id: room for BP_REVIEW_EVENT_ID_LENGTH + 1 characters */
void
bp_review_event_id_from_bits (char          *id,
                              const guint32  bits[4])
{
  g_snprintf (id, BP_REVIEW_EVENT_ID_LENGTH + 1, "%08x%08x%08x%08x",
              bits[0], bits[1], bits[2], bits[3]);
}

BpReviewEvent *
bp_review_event_new_grade (const char *id,
                           gint64      time_us,
                           const char *question_id,
                           guint8      grade,
                           guint       elapsed_days,
                           guint       duration_ms)
{
  BpReviewEvent *event;

  g_return_val_if_fail (bp_review_event_id_is_valid (id), NULL);
  g_return_val_if_fail (bp_review_question_id_is_valid (question_id, strlen (question_id)), NULL);
  g_return_val_if_fail (grade >= 1 && grade <= 4, NULL);

  event = g_new0 (BpReviewEvent, 1);
  event->kind = BP_REVIEW_EVENT_GRADE;
  memcpy (event->id, id, sizeof event->id);
  event->time_us = time_us;
  event->question_id = g_strdup (question_id);
  event->grade = grade;
  event->elapsed_days = elapsed_days;
  event->duration_ms = duration_ms;
  return event;
}

BpReviewEvent *
bp_review_event_new_undo (const char *id,
                          gint64      time_us,
                          const char *undone_id)
{
  BpReviewEvent *event;

  g_return_val_if_fail (bp_review_event_id_is_valid (id), NULL);
  g_return_val_if_fail (bp_review_event_id_is_valid (undone_id), NULL);

  event = g_new0 (BpReviewEvent, 1);
  event->kind = BP_REVIEW_EVENT_UNDO;
  memcpy (event->id, id, sizeof event->id);
  event->time_us = time_us;
  memcpy (event->undone_id, undone_id, sizeof event->undone_id);
  return event;
}

BpReviewEvent *
bp_review_event_copy (const BpReviewEvent *event)
{
  BpReviewEvent *copy = g_memdup2 (event, sizeof *event);

  copy->question_id = g_strdup (event->question_id);
  return copy;
}

void
bp_review_event_free (BpReviewEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->question_id);
  g_free (event);
}

gboolean
bp_review_event_equal (const BpReviewEvent *a,
                       const BpReviewEvent *b)
{
  return a->kind == b->kind && g_str_equal (a->id, b->id) && a->time_us == b->time_us &&
         g_strcmp0 (a->question_id, b->question_id) == 0 && a->grade == b->grade &&
         a->elapsed_days == b->elapsed_days && a->duration_ms == b->duration_ms &&
         g_str_equal (a->undone_id, b->undone_id);
}

void
bp_review_problem_free (BpReviewProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

/* Days since 1970-01-01 of a date in the proleptic Gregorian calendar (the civil-from-days
 * inverse of the usual era arithmetic). */
static gint64
days_from_civil (gint64 year,
                 guint  month,
                 guint  day)
{
  gint64 era, year_of_era, day_of_year, day_of_era;

  year -= month <= 2;
  era = year / 400;
  year_of_era = year - era * 400;
  day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

static void
civil_from_days (gint64  days,
                 gint64 *year,
                 guint  *month,
                 guint  *day)
{
  gint64 era, day_of_era, year_of_era, day_of_year, mp;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  day_of_era = days - era * 146097;
  year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  mp = (5 * day_of_year + 2) / 153;
  *day = day_of_year - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = year_of_era + era * 400 + (*month <= 2);
}

/* @text: room for BP_REVIEW_TIME_LENGTH + 1 characters; @time_us from 1970 to 9999 */
void
bp_review_format_time (gint64  time_us,
                       char   *text)
{
  gint64 days = time_us / US_PER_DAY, rest = time_us % US_PER_DAY, year;
  guint month, day;

  if (rest < 0)
    {
      days--;
      rest += US_PER_DAY;
    }
  civil_from_days (days, &year, &month, &day);
  g_snprintf (text, BP_REVIEW_TIME_LENGTH + 1, "%04d-%02u-%02uT%02u:%02u:%02u.%06uZ",
              (int)year, month, day, (guint)(rest / G_GINT64_CONSTANT (3600000000)),
              (guint)(rest / 60000000 % 60), (guint)(rest / 1000000 % 60),
              (guint)(rest % 1000000));
}

static gboolean
read_digits (const char *text,
             guint       n,
             guint      *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return TRUE;
}

static guint
days_in_month (gint64 year,
               guint  month)
{
  static const guint days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

/* Reads exactly what bp_review_format_time() writes, and nothing else. */
gboolean
bp_review_format_parse_time (const char *text,
                             gsize       length,
                             gint64     *time_us)
{
  guint year, month, day, hour, minute, second, micro;

  if (length != BP_REVIEW_TIME_LENGTH || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text[19] != '.' || text[26] != 'Z')
    return FALSE;
  if (!read_digits (text, 4, &year) || !read_digits (text + 5, 2, &month) ||
      !read_digits (text + 8, 2, &day) || !read_digits (text + 11, 2, &hour) ||
      !read_digits (text + 14, 2, &minute) || !read_digits (text + 17, 2, &second) ||
      !read_digits (text + 20, 6, &micro))
    return FALSE;
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > days_in_month (year, month) ||
      hour > 23 || minute > 59 || second > 59)
    return FALSE;

  *time_us = days_from_civil (year, month, day) * US_PER_DAY +
             ((hour * 60 + minute) * 60 + second) * G_GINT64_CONSTANT (1000000) + micro;
  return TRUE;
}

/* Returns: (transfer full): the event's line, with its line break */
char *
bp_review_format_line (const BpReviewEvent *event)
{
  char time[BP_REVIEW_TIME_LENGTH + 1];

  g_return_val_if_fail (event != NULL, NULL);

  bp_review_format_time (event->time_us, time);
  if (event->kind == BP_REVIEW_EVENT_UNDO)
    return g_strdup_printf (UNDO_RECORD "\t%s\t%s\t%s\n", event->id, time, event->undone_id);

  return g_strdup_printf (GRADE_RECORD "\t%s\t%s\t%u\t%u\t%u.%03u\t%s\n", event->id, time,
                          event->grade, event->elapsed_days, event->duration_ms / 1000,
                          event->duration_ms % 1000, event->question_id);
}

typedef struct
{
  const char *start;
  gsize       length;
} Field;

/* Splits at tabs into at most @max fields, the last taking the rest. Returns how many. */
static guint
split_fields (const char *line,
              gsize       length,
              Field      *fields,
              guint       max)
{
  const char *end = line + length;
  const char *start = line;
  guint n = 0;

  while (n < max - 1)
    {
      const char *tab = memchr (start, '\t', end - start);

      if (tab == NULL)
        break;
      fields[n++] = (Field) { start, tab - start };
      start = tab + 1;
    }
  fields[n++] = (Field) { start, end - start };
  return n;
}

static gboolean
field_is (const Field *field,
          const char  *text)
{
  return field->length == strlen (text) && memcmp (field->start, text, field->length) == 0;
}

static gboolean
read_id (const Field *field,
         char        *id)
{
  if (field->length != BP_REVIEW_EVENT_ID_LENGTH)
    return FALSE;
  memcpy (id, field->start, BP_REVIEW_EVENT_ID_LENGTH);
  id[BP_REVIEW_EVENT_ID_LENGTH] = '\0';
  return bp_review_event_id_is_valid (id);
}

static gboolean
read_count (const Field *field,
            guint        max_digits,
            guint       *value)
{
  guint64 n = 0;

  if (field->length == 0 || field->length > max_digits)
    return FALSE;
  for (gsize i = 0; i < field->length; i++)
    {
      if (!g_ascii_isdigit (field->start[i]))
        return FALSE;
      n = n * 10 + (field->start[i] - '0');
    }
  if (n > G_MAXUINT)
    return FALSE;
  *value = (guint)n;
  return TRUE;
}

/* "12.345" seconds, as milliseconds */
static gboolean
read_seconds (const Field *field,
              guint       *duration_ms)
{
  Field whole = { field->start, field->length - 4 }, fraction = { field->start + field->length - 3, 3 };
  guint seconds, ms;

  if (field->length < 5 || field->start[field->length - 4] != '.')
    return FALSE;
  if (!read_count (&whole, MAX_SECONDS_DIGITS, &seconds) || !read_count (&fraction, 3, &ms))
    return FALSE;
  *duration_ms = seconds * 1000 + ms;
  return TRUE;
}

static BpReviewEvent *
damaged (GError    **error,
         const char *what)
{
  g_set_error_literal (error, BP_REVIEW_FORMAT_ERROR, BP_REVIEW_FORMAT_ERROR_DAMAGED, what);
  return NULL;
}

static BpReviewEvent *
parse_grade (const Field  *fields,
             guint         n_fields,
             GError      **error)
{
  g_autoptr(BpReviewEvent) event = g_new0 (BpReviewEvent, 1);
  guint grade;

  if (n_fields != N_GRADE_FIELDS)
    return damaged (error, _("A review has too few fields."));
  event->kind = BP_REVIEW_EVENT_GRADE;
  if (!read_id (&fields[1], event->id))
    return damaged (error, _("A review’s id is not 32 hexadecimal digits."));
  if (!bp_review_format_parse_time (fields[2].start, fields[2].length, &event->time_us))
    return damaged (error, _("A review’s time is not a UTC time like 2026-11-27T12:08:03.606170Z."));
  if (!read_count (&fields[3], 1, &grade) || grade < 1 || grade > 4)
    return damaged (error, _("A review’s grade is not 1, 2, 3 or 4."));
  event->grade = grade;
  if (!read_count (&fields[4], 9, &event->elapsed_days))
    return damaged (error, _("A review’s elapsed days are not a number of days."));
  if (!read_seconds (&fields[5], &event->duration_ms))
    return damaged (error, _("A review’s time spent is not a number of seconds."));
  if (!bp_review_question_id_is_valid (fields[6].start, fields[6].length))
    return damaged (error, _("A review’s question id is empty or not text."));
  event->question_id = g_strndup (fields[6].start, fields[6].length);
  return g_steal_pointer (&event);
}

static BpReviewEvent *
parse_undo (const Field  *fields,
            guint         n_fields,
            GError      **error)
{
  g_autoptr(BpReviewEvent) event = g_new0 (BpReviewEvent, 1);

  event->kind = BP_REVIEW_EVENT_UNDO;
  if (n_fields != N_UNDO_FIELDS)
    return damaged (error, _("An undo does not have its four fields."));
  if (!read_id (&fields[1], event->id) || !read_id (&fields[3], event->undone_id))
    return damaged (error, _("An undo’s ids are not 32 hexadecimal digits."));
  if (!bp_review_format_parse_time (fields[2].start, fields[2].length, &event->time_us))
    return damaged (error, _("An undo’s time is not a UTC time like 2026-11-27T12:08:03.606170Z."));
  return g_steal_pointer (&event);
}

/* A record name a later version may use: a lowercase letter, then digits. */
static gboolean
is_record_name (const Field *field)
{
  if (field->length < 2 || !g_ascii_islower (field->start[0]))
    return FALSE;
  for (gsize i = 1; i < field->length; i++)
    if (!g_ascii_isdigit (field->start[i]))
      return FALSE;
  return TRUE;
}

/**
 * bp_review_format_parse_line:
 * @length: the line's length, without its line break
 *
 * Returns: (transfer full) (nullable): the event; %NULL with @error set for a damaged line,
 *   %NULL alone for a comment, an empty line or a newer version's record
 */
BpReviewEvent *
bp_review_format_parse_line (const char  *line,
                             gsize        length,
                             GError     **error)
{
  Field fields[N_GRADE_FIELDS];
  guint n;

  if (length == 0 || line[0] == '#')
    return NULL;
  if (length > 0 && line[length - 1] == '\r')
    length--;

  n = split_fields (line, length, fields, N_GRADE_FIELDS);
  if (field_is (&fields[0], GRADE_RECORD))
    return parse_grade (fields, n, error);
  if (field_is (&fields[0], UNDO_RECORD))
    return parse_undo (fields, n, error);
  if (n >= 2 && is_record_name (&fields[0]))
    return NULL;
  return damaged (error, _("The line is not a review."));
}

/**
 * bp_review_format_parse:
 * @events: (element-type BpReviewEvent): where the events read are added, in file order
 * @problems: (element-type BpReviewProblem): where damaged lines are added
 *
 * A last line without its line break is the one a writer was cut short in: it is left out,
 * and not a problem.
 *
 * Returns: the length of the complete lines, which the next append must start after
 */
gsize
bp_review_format_parse (const char *text,
                        gsize       length,
                        GPtrArray  *events,
                        GPtrArray  *problems)
{
  gsize start = 0;
  guint number = 1;

  for (const char *end; start < length &&
       (end = memchr (text + start, '\n', length - start)) != NULL; number++)
    {
      g_autoptr(GError) error = NULL;
      gsize line_length = end - (text + start);
      BpReviewEvent *event = bp_review_format_parse_line (text + start, line_length, &error);

      if (event != NULL)
        g_ptr_array_add (events, event);
      else if (error != NULL)
        {
          BpReviewProblem *problem = g_new0 (BpReviewProblem, 1);

          problem->line = number;
          problem->message = g_strdup (error->message);
          g_ptr_array_add (problems, problem);
        }
      start += line_length + 1;
    }
  return start;
}
