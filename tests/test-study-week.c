/* test-study-week.c: a new user studies the built-in deck for a week of simulated days
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bp-clock.h"
#include "bp-sidebar-private.h"
#include "bp-study-view-private.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

/*
 * Each day is a run of its own (a subprocess: the app started afresh, BACKPROP_NOW a day
 * later, the data folder kept), as a user would: check the due count the sidebar and the
 * switcher show against the log's, study until nothing is due, with a learner's grades.
 * Each grade goes to schedule.tsv (day, question, grade, the interval its button offered);
 * the week's run reads it at the end.
 */

#define N_DAYS 7
#define MAX_CARDS_A_DAY 80

static BpApplication *app;

static char *
schedule_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "schedule.tsv", NULL);
}

/* A day's run says what it sees on stderr, which the week's run passes through (a
 * subprocess's test messages are not). */
#define day_message(...) g_printerr ("# " __VA_ARGS__), g_printerr ("\n")

static guint
study_day (void)
{
  return (guint)g_ascii_strtoull (g_getenv ("STUDY_WEEK_DAY"), NULL, 10);
}

/* A learner's grade: on first sight Q1, Q11, Q21 forgotten, Q4, Q14 hard, Q7, Q17 easy,
 * the rest good; Q5 forgotten at its second review; after a lapse, good; else good. */
static BpGrade
learner_grade (BpQuestion        *question,
               const BpCardState *state)
{
  guint number = bp_question_get_number (question);

  if (state == NULL)
    return number % 10 == 1 ? BP_GRADE_AGAIN : number % 10 == 4 ? BP_GRADE_HARD
           : number % 10 == 7 ? BP_GRADE_EASY : BP_GRADE_GOOD;
  if (number == 5 && state->n_reviews == 1)
    return BP_GRADE_AGAIN;
  return BP_GRADE_GOOD;
}

/* "Good · 4 days" → 4; "3 months" ≈ 90; "Again · in this session" → 0. */
static guint
label_days (const char *label)
{
  const char *interval = strstr (label, " · ");
  guint n;

  g_assert_nonnull (interval);
  interval += strlen (" · ");
  if (g_str_equal (interval, "in this session"))
    return 0;
  n = (guint)g_ascii_strtoull (interval, NULL, 10);
  if (strstr (interval, "month") != NULL)
    return n * 30;
  if (strstr (interval, "year") != NULL)
    return n * 365;
  g_assert_nonnull (strstr (interval, "day"));
  return n;
}

/* The log as a restart reads it, replayed on its own: what is due today. */
static guint
count_due_in_log (BpWindow *window,
                  gint64    today,
                  guint    *n_due_week)
{
  BpReviews *reviews = bp_application_get_reviews (app);
  g_autoptr(BpReviewLog) log = bp_review_log_new (bp_review_log_get_path (bp_reviews_get_log (reviews)));
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GError) error = NULL;
  BpQueueOptions options;
  guint n_due = 0;

  g_assert_true (bp_review_log_load (log, &error));
  g_assert_no_error (error);
  states = bp_review_replay (bp_review_log_get_events (log), bp_fsrs_default_parameters (),
                             bp_clock_day_offset_us (bp_clock_now_us ()));
  bp_queue_options_init (&options, today);
  *n_due_week = 0;
  for (guint i = 0; i < bp_deck_get_n_questions (window->deck); i++)
    {
      const BpCardState *state = g_hash_table_lookup (states, bp_question_get_id (bp_deck_get_question (window->deck, i)));
      gint64 due = state != NULL ? bp_queue_due_day (&options, bp_fsrs_default_parameters (), state) : G_MAXINT64;

      n_due += due <= today;
      *n_due_week += due < today + 7;
    }
  return n_due;
}

static gboolean
session_moved (gpointer data)
{
  BpStudyView *view = g_object_get_data (data, "view");

  return bp_study_view_get_question (view) != g_object_get_data (data, "shown") ||
         bp_study_view_get_n_left (view) != GPOINTER_TO_UINT (g_object_get_data (data, "n-left"));
}

/* The sidebar's Due filter and the deck switcher's row say @n_due. */
static void
assert_due_shown (BpWindow *window,
                  guint     n_due)
{
  BpLibraryEntry *entry = bp_library_lookup (bp_application_get_library (app), bp_deck_get_id (window->deck));
  g_autofree char *summary = bp_deck_switcher_dup_summary (window->deck_switcher, entry);
  g_autofree char *due = g_strdup_printf ("· %u due", n_due);

  g_autofree char *filter = g_strdup_printf ("Due (%u)", n_due);
  GListModel *names = G_LIST_MODEL (window->sidebar->filter_names);
  gboolean found = FALSE;

  /* The filter drop-down's count, as the user reads it there. */
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    found |= g_str_equal (gtk_string_list_get_string (window->sidebar->filter_names, i), filter);
  g_assert_true (found);
  day_message ("day %u: the switcher says “%s”", study_day (), summary);
  if (n_due > 0)
    g_assert_true (g_str_has_suffix (summary, due));
  else
    g_assert_null (strstr (summary, "due"));
}

/* Reveals, reads the interval the grade's button offers, grades; one line of the schedule. */
static void
grade_shown (BpWindow *window,
             FILE     *schedule)
{
  BpStudyView *view = window->study_view;
  BpQuestion *question = bp_study_view_get_question (view);
  const BpCardState *state = bp_reviews_lookup (bp_application_get_reviews (app), bp_question_get_id (question));
  BpGrade grade = learner_grade (question, state);
  g_autofree char *label = NULL;
  g_autoptr(GObject) moved = g_object_new (G_TYPE_OBJECT, NULL);
  g_autofree char *now = NULL;
  static guint n_today;

  /* Half a minute a question, as a learner takes: the clock moves between grades, so the
   * log's order is the order they were given. */
  now = g_strdup_printf ("2026-12-%02uT09:%02u:%02uZ", study_day (), n_today / 2, (n_today % 2) * 30);
  n_today++;
  g_setenv ("BACKPROP_NOW", now, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (view), "study.reveal", NULL);
  spin_until (revealed, view, "the answer to be revealed");
  label = g_strdup (gtk_button_get_label (bp_study_view_get_grade_button (view, grade)));
  fprintf (schedule, "%u\t%u\t%d\t%u\t%s\n", study_day (), bp_question_get_number (question), grade,
           label_days (label), label);
  day_message ("day %u: Q%u graded %s", study_day (), bp_question_get_number (question), label);

  g_object_set_data (moved, "view", view);
  g_object_set_data (moved, "shown", question);
  g_object_set_data (moved, "n-left", GUINT_TO_POINTER (bp_study_view_get_n_left (view)));
  gtk_widget_activate_action (GTK_WIDGET (view), "study.grade", "i", (int)grade);
  spin_until (session_moved, moved, "the next question");
}

/* Sessions until nothing is due, as the summary says: one, since what is forgotten comes
 * back in it until recalled. */
static void
study_until_done (BpWindow *window,
                  FILE     *schedule)
{
  guint n_graded = 0;

  for (guint session = 0; session < 4; session++)
    {
      /* The actions the keys stand for (test-study-session presses them): a day's run is
       * a subprocess, whose window X may not make the active one. */
      gtk_widget_activate_action (GTK_WIDGET (window), "study.start", NULL);
      spin_until (studying, window, "the session");
      while (bp_study_view_get_question (window->study_view) != NULL)
        {
          g_assert_cmpuint (++n_graded, <, MAX_CARDS_A_DAY);
          grade_shown (window, schedule);
        }
      day_message ("day %u: %s", study_day (), bp_study_view_get_summary (window->study_view));
      gtk_widget_activate_action (GTK_WIDGET (window), "study.stop", NULL);
      spin_until (reading, window, "the answers again");
      if (strstr (bp_study_view_get_summary (window->study_view), "due today") == NULL)
        {
          g_assert_cmpuint (session, ==, 0);
          return;
        }
    }
  g_assert_not_reached ();
}

static gboolean
progress_says (gpointer data)
{
  BpWindow *window = data;
  g_autofree char *text = try_evaluate (window_web_view (window), "document.body.innerText");

  return text != NULL && strstr (text, g_object_get_data (data, "expected")) != NULL;
}

static void
test_day (void)
{
  BpWindow *window;
  gint64 today = bp_review_day (bp_clock_now_us (), bp_clock_day_offset_us (bp_clock_now_us ()));
  g_autofree char *path = schedule_path ();
  g_autofree char *expected = NULL;
  FILE *schedule;
  guint n_due, n_week;

  if (!g_test_subprocess ())
    {
      g_test_skip ("a day of /study-week/week, run by it");
      return;
    }
  window = open_window (app, 1000, 760);
  schedule = fopen (path, "a");
  g_assert_nonnull (schedule);
  spin_until (reviews_loaded, bp_application_get_reviews (app), "the review log to be read");
  n_due = count_due_in_log (window, today, &n_week);
  day_message ("day %u (%s): %u due", study_day (), g_getenv ("BACKPROP_NOW"), n_due);
  assert_due_shown (window, n_due);
  study_until_done (window, schedule);
  fclose (schedule);

  /* Done for the day: nothing due, in the sidebar and the switcher too. */
  n_due = count_due_in_log (window, today, &n_week);
  g_assert_cmpuint (n_due, ==, 0);
  assert_due_shown (window, 0);
  if (study_day () == N_DAYS)
    {
      /* The week's Progress page: nothing due today, what comes this week, 7 days in a row. */
      expected = g_strdup_printf ("Due today: 0 · this week: %u", n_week);
      g_object_set_data (G_OBJECT (window), "expected", expected);
      gtk_widget_activate_action (GTK_WIDGET (window), "progress.show", NULL);
      spin_until (progress_says, window, "the progress page's due counts");
      g_object_set_data (G_OBJECT (window), "expected", (gpointer)"Streak: 7 days");
      spin_until (progress_says, window, "the progress page's streak");
      day_message ("day %u: Progress says “%s”, “Streak: 7 days”", study_day (), expected);
    }
  close_window (window);
}

/* The week's schedule: every Good offered no shorter than the Good before it (none between). */
static void
check_schedule (void)
{
  g_autofree char *path = schedule_path ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint last_good[64] = { 0 };
  GString *per_question[64] = { NULL };
  guint n_grades = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      guint number = (guint)g_ascii_strtoull (f[1], NULL, 10);
      guint days = (guint)g_ascii_strtoull (f[3], NULL, 10);

      g_assert_cmpuint (number, <, G_N_ELEMENTS (last_good));
      n_grades++;
      if (per_question[number] == NULL)
        per_question[number] = g_string_new (NULL);
      g_string_append_printf (per_question[number], "  day %s: %s", f[0], f[4]);
      if (g_str_equal (f[2], "3"))
        {
          g_assert_cmpuint (days, >=, last_good[number]);
          last_good[number] = days;
        }
      else
        last_good[number] = 0;
      /* A forgotten question is offered again in the same session, not "in 1 day". */
      if (g_str_equal (f[2], "1"))
        g_assert_cmpuint (days, ==, 0);
    }
  /* The schedule a learner saw, a question a line. */
  for (guint number = 0; number < G_N_ELEMENTS (per_question); number++)
    if (per_question[number] != NULL)
      {
        g_test_message ("Q%u:%s", number, per_question[number]->str);
        g_string_free (per_question[number], TRUE);
      }
  g_test_message ("%u grades in %d days", n_grades, N_DAYS);
  g_assert_cmpuint (n_grades, >=, 22);
}

static void
test_week (void)
{
  g_autofree char *path = schedule_path ();

  g_remove (path);
  for (guint day = 1; day <= N_DAYS; day++)
    {
      g_autofree char *now = g_strdup_printf ("2026-12-%02uT09:00:00Z", day);
      g_autofree char *number = g_strdup_printf ("%u", day);

      g_setenv ("BACKPROP_NOW", now, TRUE);
      g_setenv ("STUDY_WEEK_DAY", number, TRUE);
      g_test_trap_subprocess ("/study-week/day", 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                                    G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
  check_schedule ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/study-week/week", test_week);
  g_test_add_func ("/study-week/day", test_day);
  /* A day runs in a subprocess, in an app of its own: the week's run has none, so it is
   * no primary instance the days would forward to. */
  if (g_test_subprocess ())
    {
      app = bp_application_new ();
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
