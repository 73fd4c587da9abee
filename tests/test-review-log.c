/* test-review-log.c: the review log: lines, append, replay, cut last lines, damage, merge, undo, CSV
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bp-review-csv.h"
#include "bp-review-log.h"
#include "bp-review-replay.h"
#include "review-log-writer.h"

#define DAY_US G_GINT64_CONSTANT (86400000000)
/* 2026-11-27T12:08:03.606170Z */
#define SOME_TIME G_GINT64_CONSTANT (1795781283606170)

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("test-review-log-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "backprop", "reviews.log", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (fixture->path);

  g_remove (fixture->path);
  g_rmdir (parent);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static BpReviewEvent *
grade_event (const char *question_id,
             gint64      time_us,
             guint8      grade)
{
  char id[BP_REVIEW_EVENT_ID_LENGTH + 1];

  bp_review_log_new_event_id (id);
  return bp_review_event_new_grade (id, time_us, question_id, grade, 0, 12345);
}

static BpReviewLog *
open_log (const char *path)
{
  BpReviewLog *log = bp_review_log_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_review_log_load (log, &error));
  g_assert_no_error (error);
  return log;
}

static void
append_ok (BpReviewLog   *log,
           BpReviewEvent *event)
{
  g_autoptr(GError) error = NULL;

  gboolean appended = bp_review_log_append (log, event, &error);

  g_assert_no_error (error);
  g_assert_true (appended);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
append_raw (const char *path,
            const char *text)
{
  g_autofree char *old = NULL;
  g_autofree char *new = NULL;

  g_file_get_contents (path, &old, NULL, NULL);
  new = g_strconcat (old ? old : "", text, NULL);
  g_assert_true (g_file_set_contents (path, new, -1, NULL));
}

/* Lines */

static void
test_time_round_trip (void)
{
  static const gint64 times[] = { 0, SOME_TIME, 951782400000000 /* 2000-02-29 */,
                                  253402300799999999 /* 9999-12-31T23:59:59.999999Z */ };
  char text[BP_REVIEW_TIME_LENGTH + 1];
  gint64 back;

  bp_review_format_time (SOME_TIME, text);
  g_assert_cmpstr (text, ==, "2026-11-27T12:08:03.606170Z");
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      bp_review_format_time (times[i], text);
      g_assert_true (bp_review_format_parse_time (text, strlen (text), &back));
      g_assert_cmpint (back, ==, times[i]);
    }
  g_assert_false (bp_review_format_parse_time ("2026-02-29T00:00:00.000000Z", 27, &back));
  g_assert_false (bp_review_format_parse_time ("2026-11-27T24:00:00.000000Z", 27, &back));
  g_assert_false (bp_review_format_parse_time ("2026-11-27 12:08:03.606170Z", 27, &back));
}

static void
test_line_round_trip (void)
{
  g_autoptr(BpReviewEvent) grade = bp_review_event_new_grade (
    "0123456789abcdef0123456789abcdef", SOME_TIME, "deep-learning/what is it? ünïcode", 3, 4, 61250);
  g_autoptr(BpReviewEvent) undo = bp_review_event_new_undo (
    "fedcba9876543210fedcba9876543210", SOME_TIME + 1, grade->id);
  BpReviewEvent *events[] = { grade, undo };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autofree char *line = bp_review_format_line (events[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BpReviewEvent) back = NULL;

      g_assert_true (g_str_has_suffix (line, "\n"));
      back = bp_review_format_parse_line (line, strlen (line) - 1, &error);
      g_assert_no_error (error);
      g_assert_true (bp_review_event_equal (events[i], back));
    }
  {
    g_autofree char *line = bp_review_format_line (grade);

    g_assert_cmpstr (line, ==, "r1\t0123456789abcdef0123456789abcdef\t2026-11-27T12:08:03.606170Z"
                               "\t3\t4\t61.250\tdeep-learning/what is it? ünïcode\n");
  }
}

/* A damaged line is reported by its number and skipped; the others are read; a newer
 * version's records and comments are no problem; a cut last line is left out. */
static void
test_parse_damage (void)
{
  const char *text =
    "# a comment\n"
    "r1\t0123456789abcdef0123456789abcdef\t2026-11-27T12:08:03.606170Z\t3\t0\t1.000\ta/b\n"
    "r1\t0123456789abcdef0123456789abcdeX\t2026-11-27T12:08:03.606170Z\t3\t0\t1.000\ta/b\n"
    "r9\tsomething a newer Backprop writes\n"
    "r1\t1123456789abcdef0123456789abcdef\t2026-11-27T12:08:03.606170Z\t5\t0\t1.000\ta/b\n"
    "garbage\n"
    "u1\t2123456789abcdef0123456789abcdef\t2026-11-28T12:08:03.606170Z\t0123456789abcdef0123456789abcdef\n"
    "r1\t3123456789abcdef0123456789abcdef\t2026-11-2";
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_event_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_problem_free);
  gsize complete = bp_review_format_parse (text, strlen (text), events, problems);
  BpReviewProblem *problem;

  g_assert_cmpuint (complete, ==, strrchr (text, '\n') + 1 - text);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 3);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_nonnull (strstr (problem->message, "id"));
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_nonnull (strstr (problem->message, "grade"));
  g_assert_cmpuint (((BpReviewProblem *)g_ptr_array_index (problems, 2))->line, ==, 6);
}

/* The file */

/* What was appended is read back by a new log, and replays to FSRS's states. */
static void
test_append_and_replay (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BpReviewLog) log = open_log (fixture->path);
  g_autoptr(BpReviewLog) again = NULL;
  g_autoptr(GHashTable) states = NULL;
  static const guint8 grades[] = { 1, 3, 3, 3, 3, 3 };
  static const guint days[] = { 0, 0, 1, 4, 12, 33 };
  const BpCardState *state;

  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      g_autoptr(BpReviewEvent) event = grade_event ("deck/q", SOME_TIME + days[i] * DAY_US + i,
                                                    grades[i]);
      append_ok (log, event);
    }
  {
    g_autoptr(BpReviewEvent) other = grade_event ("deck/other", SOME_TIME, 4);
    append_ok (log, other);
  }

  again = open_log (fixture->path);
  g_assert_cmpuint (bp_review_log_get_events (again)->len, ==, 7);
  g_assert_cmpuint (bp_review_log_get_problems (again)->len, ==, 0);
  states = bp_review_replay (bp_review_log_get_events (again), bp_fsrs_default_parameters (), 0);
  g_assert_cmpuint (g_hash_table_size (states), ==, 2);

  /* The day gaps 0, 0, 1, 3, 8, 21 of fsrs-rs's test_memory_state: its state. */
  state = g_hash_table_lookup (states, "deck/q");
  g_assert_cmpfloat_with_epsilon (state->memory.stability, 53.62691, 1e-4);
  g_assert_cmpfloat_with_epsilon (state->memory.difficulty, 6.3574867, 1e-4);
  g_assert_cmpuint (state->n_reviews, ==, 6);
  g_assert_cmpint (state->last_day, ==, bp_review_day (SOME_TIME, 0) + 33);
  g_assert_cmpint (bp_card_state_due_day (state, bp_fsrs_default_parameters (), 0.9), ==,
                   state->last_day + 54);

  g_assert_cmpuint (((BpCardState *)g_hash_table_lookup (states, "deck/other"))->n_reviews, ==, 1);
  g_assert_cmpint (g_stat (fixture->path, &(GStatBuf) { 0 }), ==, 0);
}

/* An undo is an event of its own: the log is never rewritten, and the replay skips the grade. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(BpReviewLog) log = open_log (fixture->path);
  g_autoptr(BpReviewEvent) first = grade_event ("deck/q", SOME_TIME, 3);
  g_autoptr(BpReviewEvent) second = grade_event ("deck/q", SOME_TIME + 3 * DAY_US, 1);
  g_autoptr(BpReviewEvent) undo = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  char id[BP_REVIEW_EVENT_ID_LENGTH + 1];
  BpCardState *a, *b;

  append_ok (log, first);
  before = bp_review_replay (bp_review_log_get_events (log), bp_fsrs_default_parameters (), 0);
  append_ok (log, second);
  bp_review_log_new_event_id (id);
  undo = bp_review_event_new_undo (id, SOME_TIME + 3 * DAY_US + 1, second->id);
  append_ok (log, undo);

  after = bp_review_replay (bp_review_log_get_events (log), bp_fsrs_default_parameters (), 0);
  a = g_hash_table_lookup (before, "deck/q");
  b = g_hash_table_lookup (after, "deck/q");
  g_assert_cmpmem (&a->memory, sizeof a->memory, &b->memory, sizeof b->memory);
  g_assert_cmpint (a->last_day, ==, b->last_day);
  g_assert_cmpuint (b->n_lapses, ==, 0);
  g_assert_cmpuint (bp_review_log_get_events (log)->len, ==, 3);
}

/* A crash mid-write leaves a cut line: ignored, and cut off by the next append, which starts
 * on a line of its own, even when what is left of it reads as a line. */
static void
test_cut_last_line (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BpReviewLog) log = open_log (fixture->path);
  g_autoptr(BpReviewEvent) first = grade_event ("deck/a", SOME_TIME, 3);
  g_autoptr(BpReviewEvent) second = grade_event ("deck/b", SOME_TIME + 1, 2);
  g_autoptr(BpReviewEvent) third = grade_event ("deck/c", SOME_TIME + 2, 4);
  g_autoptr(BpReviewLog) reader = NULL;
  g_autofree char *first_line = bp_review_format_line (first);
  g_autofree char *whole = bp_review_format_line (third);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  append_ok (log, first);
  append_raw (fixture->path, "r1\t0123456789abcdef01234");
  reader = open_log (fixture->path);
  g_assert_cmpuint (bp_review_log_get_events (reader)->len, ==, 1);
  g_assert_cmpuint (bp_review_log_get_problems (reader)->len, ==, 0);

  append_ok (log, second);
  text = read_text (fixture->path);
  {
    g_autofree char *second_line = bp_review_format_line (second);
    expected = g_strconcat (first_line, second_line, NULL);
  }
  g_assert_cmpstr (text, ==, expected);

  /* Cut in its question id, it reads as a review of another question: still cut off. */
  whole[strlen (whole) - 3] = '\0';
  append_raw (fixture->path, whole);
  g_clear_object (&reader);
  reader = bp_review_log_new (fixture->path);
  {
    g_autoptr(BpReviewEvent) fourth = grade_event ("deck/d", SOME_TIME + 3, 1);
    g_autoptr(BpReviewLog) third_reader = NULL;

    append_ok (reader, fourth);
    third_reader = open_log (fixture->path);
    g_assert_cmpuint (bp_review_log_get_events (third_reader)->len, ==, 3);
    g_assert_false (bp_review_log_contains (third_reader, third->id));
    g_assert_true (bp_review_log_contains (third_reader, fourth->id));
    g_assert_cmpuint (bp_review_log_get_problems (third_reader)->len, ==, 0);
  }
}

/* A damaged line in the middle is reported, skipped and left in the file. */
static void
test_damaged_line_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BpReviewLog) log = open_log (fixture->path);
  g_autoptr(BpReviewEvent) first = grade_event ("deck/a", SOME_TIME, 3);
  g_autoptr(BpReviewEvent) second = grade_event ("deck/b", SOME_TIME + 1, 2);
  g_autoptr(BpReviewLog) reader = NULL;
  g_autofree char *text = NULL;
  BpReviewProblem *problem;

  append_ok (log, first);
  append_raw (fixture->path, "r1\tthis line was damaged\n");
  append_ok (log, second);

  reader = open_log (fixture->path);
  g_assert_cmpuint (bp_review_log_get_events (reader)->len, ==, 2);
  g_assert_cmpuint (bp_review_log_get_problems (reader)->len, ==, 1);
  problem = g_ptr_array_index (bp_review_log_get_problems (reader), 0);
  g_assert_cmpuint (problem->line, ==, 2);

  text = read_text (fixture->path);
  g_assert_nonnull (strstr (text, "r1\tthis line was damaged\n"));
}

/* Two Backprops append to one file: each merges the other's events by id, none twice. A
 * synced copy that lacks ours replaces the file: ours are written again, nothing is lost. */
static void
test_merge_by_event_id (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BpReviewLog) a = open_log (fixture->path);
  g_autoptr(BpReviewLog) b = open_log (fixture->path);
  g_autoptr(BpReviewEvent) from_a = grade_event ("deck/a", SOME_TIME, 3);
  g_autoptr(BpReviewEvent) from_b = grade_event ("deck/b", SOME_TIME + 1, 4);
  g_autoptr(BpReviewEvent) later = grade_event ("deck/c", SOME_TIME + 2, 2);
  g_autofree char *remote_copy = NULL;
  g_autoptr(GError) error = NULL;

  append_ok (a, from_a);
  append_ok (b, from_b);
  g_assert_true (bp_review_log_load (a, &error));
  g_assert_true (bp_review_log_load (b, &error));
  g_assert_true (bp_review_log_load (b, &error));
  g_assert_cmpuint (bp_review_log_get_events (a)->len, ==, 2);
  g_assert_cmpuint (bp_review_log_get_events (b)->len, ==, 2);

  /* The other device's copy: both events, but not the one a appends next. */
  remote_copy = read_text (fixture->path);
  append_ok (a, later);
  g_assert_true (g_file_set_contents (fixture->path, remote_copy, -1, NULL));

  g_assert_true (bp_review_log_load (a, &error));
  g_assert_no_error (error);
  {
    g_autoptr(BpReviewLog) fresh = open_log (fixture->path);

    g_assert_cmpuint (bp_review_log_get_events (fresh)->len, ==, 3);
    g_assert_true (bp_review_log_contains (fresh, later->id));
  }
}

/* The file monitor merges what another Backprop appended, and says so. */
static void
changed_cb (BpReviewLog *log,
            gboolean    *changed)
{
  *changed = TRUE;
}

static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BpReviewLog) a = open_log (fixture->path);
  g_autoptr(BpReviewLog) b = open_log (fixture->path);
  g_autoptr(BpReviewEvent) first = grade_event ("deck/a", SOME_TIME, 3);
  g_autoptr(BpReviewEvent) from_b = grade_event ("deck/b", SOME_TIME + 1, 4);
  gboolean changed = FALSE;
  gint64 deadline;

  append_ok (a, first);
  bp_review_log_watch (a);
  g_signal_connect (a, "changed", G_CALLBACK (changed_cb), &changed);
  append_ok (b, from_b);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!changed && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_true (changed);
  g_assert_true (bp_review_log_contains (a, from_b->id));
}

/* CSV */

/* Exported as the optimizer reads it, then imported into an empty log: the same history. */
static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BpReviewLog) log = open_log (fixture->path);
  g_autoptr(BpReviewLog) other = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) csv_again = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.log", NULL);
  const char *text;
  gsize length;
  guint n_added = 99;

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(BpReviewEvent) event = grade_event (i % 3 ? "deck/q,\"quoted\"" : "deck/plain",
                                                    SOME_TIME + i * DAY_US + 1000 * i, 1 + i % 4);
      append_ok (log, event);
    }
  csv = bp_review_csv_export (bp_review_log_get_events (log));
  text = g_bytes_get_data (csv, &length);
  g_assert_true (g_str_has_prefix (text,
                 "card_id,review_time,review_rating,review_state,review_duration\n"));
  g_assert_nonnull (strstr (text, "\n\"deck/q,\"\"quoted\"\"\",1795867683607,2,0,12345\n"));

  imported = bp_review_csv_import (text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->len, ==, 12);

  /* Importing into the same log adds nothing. */
  g_assert_true (bp_review_log_import (log, imported, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);

  other = open_log (other_path);
  g_assert_true (bp_review_log_import (other, imported, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 12);
  csv_again = bp_review_csv_export (bp_review_log_get_events (other));
  g_assert_true (g_bytes_equal (csv, csv_again));

  {
    g_autoptr(GHashTable) mine = bp_review_replay (bp_review_log_get_events (log),
                                                   bp_fsrs_default_parameters (), 0);
    g_autoptr(GHashTable) theirs = bp_review_replay (bp_review_log_get_events (other),
                                                     bp_fsrs_default_parameters (), 0);
    BpCardState *x = g_hash_table_lookup (mine, "deck/plain");
    BpCardState *y = g_hash_table_lookup (theirs, "deck/plain");

    g_assert_cmpfloat (x->memory.stability, ==, y->memory.stability);
    g_assert_cmpfloat (x->memory.difficulty, ==, y->memory.difficulty);
  }
  g_remove (other_path);
}

static void
test_csv_errors (void)
{
  static const struct { const char *csv; const char *message; } cases[] = {
    { "", "first line" },
    { "a,b,c\n1,2,3\n", "first line" },
    { "card_id,review_time,review_rating\nq,1000,5\n", "Line 2" },
    { "review_rating,card_id,review_time\n3,q,1000\n3,q,x\n", "Line 3" },
    { "card_id,review_time,review_rating\n\"q,1000,3\n", "never closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = bp_review_csv_import (cases[i].csv, strlen (cases[i].csv),
                                                          &error);

      g_assert_null (events);
      g_assert_error (error, BP_REVIEW_CSV_ERROR, BP_REVIEW_CSV_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  {
    /* Columns in any order, extra ones ignored, Anki's manual rescheduling (0) skipped. */
    const char *csv = "review_rating,x,card_id,review_time\r\n3,?,q,1000\r\n0,?,q,2000\r\n";
    g_autoptr(GPtrArray) events = bp_review_csv_import (csv, strlen (csv), NULL);

    g_assert_cmpuint (events->len, ==, 1);
    g_assert_cmpint (((BpReviewEvent *)g_ptr_array_index (events, 0))->time_us, ==, 1000000);
  }
}

/* Crash safety: the writer is killed 200 times mid-append */

#define CRASH_RUNS 200
/* Kills land at random within the writer's start-up and this much more. */
#define CRASH_MAX_DELAY_US 20000

/* Reads @fd up to its first newline, into @output: the writer's first acknowledged append. */
static void
read_first_report (int      fd,
                   GString *output)
{
  char c;

  while (read (fd, &c, 1) == 1)
    {
      g_string_append_c (output, c);
      if (c == '\n')
        return;
    }
}

/* The last review the writer says it appended (@output holds what was read so far), or -1. */
static gint64
last_reported (int      fd,
               GString *output)
{
  g_auto(GStrv) lines = NULL;
  char buffer[4096];
  gssize n;
  guint n_lines;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (output, buffer, n);
  lines = g_strsplit (output->str, "\n", -1);
  n_lines = g_strv_length (lines);
  /* A number cut by the kill has no newline yet: that review is not known to be saved. */
  return n_lines < 2 ? -1 : g_ascii_strtoll (lines[n_lines - 2], NULL, 10);
}

/* The kill comes @delay_us after the writer's first acknowledged append, so every run adds
 * to the log however slowly the writer starts (under ASan or valgrind, on a busy machine),
 * and lands at a random point of the appends that follow. */
static gint64
run_and_kill_writer (const char *writer,
                     const char *path,
                     gulong      delay_us)
{
  const char *argv[] = { writer, path, NULL };
  g_autoptr(GString) output = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out_fd, status;
  gint64 reported;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  read_first_report (out_fd, output);
  g_usleep (delay_us);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  /* Killed, not exited: it never stops appending by itself. */
  g_assert_true (WIFSIGNALED (status));

  reported = last_reported (out_fd, output);
  close (out_fd);
  return reported;
}

/* The file holds reviews 0 … n−1, each once, in order, undamaged. Returns n. */
static guint
check_log_after_kill (const char *path,
                      gint64      reported,
                      guint       before,
                      guint       run)
{
  g_autoptr(BpReviewLog) log = open_log (path);
  GPtrArray *events = bp_review_log_get_events (log);

  if (bp_review_log_get_problems (log)->len > 0)
    g_error ("Run %u: line %u is damaged", run,
             ((BpReviewProblem *)g_ptr_array_index (bp_review_log_get_problems (log), 0))->line);
  for (guint i = 0; i < events->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (events, i);
      g_autoptr(BpReviewEvent) expected = writer_review (i);
      guint k = G_MAXUINT;

      g_assert_true (writer_review_number (event, &k));
      if (k != i || !bp_review_event_equal (event, expected))
        g_error ("Run %u: line %u holds review %u, not %u as written", run, i + 1, k, i);
    }
  /* Nothing acknowledged is lost; at most the one being written is there unacknowledged. */
  if (reported >= 0 && events->len < reported + 1)
    g_error ("Run %u: review %" G_GINT64_FORMAT " was acknowledged, but the log holds %u",
             run, reported, events->len);
  g_assert_cmpuint (events->len, >=, before);
  g_assert_cmpuint (events->len, <=, (reported >= 0 ? (guint)reported + 1 : before) + 1);
  return events->len;
}

static void
test_crash_safety (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "review-log-writer", NULL);
  guint before = 0, n_cut = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (g_file_test (writer, G_FILE_TEST_IS_EXECUTABLE));
  for (guint run = 0; run < CRASH_RUNS; run++)
    {
      gint64 reported;

      /* A kill cannot cut one write(2) of a line in two, a power cut can: every fifth run
       * starts after one, the start of the next review's line. */
      if (run % 5 == 4)
        {
          g_autoptr(BpReviewEvent) next = writer_review (before);
          g_autofree char *line = bp_review_format_line (next);

          line[g_test_rand_int_range (1, strlen (line) - 1)] = '\0';
          append_raw (fixture->path, line);
        }
      reported = run_and_kill_writer (writer, fixture->path,
                                             g_test_rand_int_range (0, CRASH_MAX_DELAY_US));
      g_autofree char *text = NULL;

      if (g_file_get_contents (fixture->path, &text, NULL, NULL) && *text &&
          !g_str_has_suffix (text, "\n"))
        n_cut++;
      before = check_log_after_kill (fixture->path, reported, before, run);
    }

  g_test_message ("%u kills in %.1f s: %u reviews appended, %u runs ended on a cut line",
                  CRASH_RUNS, (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC,
                  before, n_cut);
  /* The kills must land between appends, many times over, or the test proves little. */
  g_assert_cmpuint (before, >=, CRASH_RUNS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review-log/format/time", test_time_round_trip);
  g_test_add_func ("/review-log/format/line", test_line_round_trip);
  g_test_add_func ("/review-log/format/damage", test_parse_damage);
  g_test_add ("/review-log/append-and-replay", Fixture, NULL, fixture_set_up,
              test_append_and_replay, fixture_tear_down);
  g_test_add ("/review-log/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/review-log/cut-last-line", Fixture, NULL, fixture_set_up, test_cut_last_line,
              fixture_tear_down);
  g_test_add ("/review-log/damaged-line-kept", Fixture, NULL, fixture_set_up,
              test_damaged_line_kept, fixture_tear_down);
  g_test_add ("/review-log/merge-by-event-id", Fixture, NULL, fixture_set_up,
              test_merge_by_event_id, fixture_tear_down);
  g_test_add ("/review-log/watch", Fixture, NULL, fixture_set_up, test_watch, fixture_tear_down);
  g_test_add ("/review-log/csv/round-trip", Fixture, NULL, fixture_set_up, test_csv_round_trip,
              fixture_tear_down);
  g_test_add_func ("/review-log/csv/errors", test_csv_errors);
  g_test_add ("/review-log/crash-safety", Fixture, NULL, fixture_set_up, test_crash_safety,
              fixture_tear_down);

  return g_test_run ();
}
