/* test-study-queue.c: the study order, the daily limit of new questions, learning steps, undo, an interview date
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-study-queue.h"

#define TODAY 20000

static BpCardState
reviewed (gint64 last_day,
          double stability)
{
  return (BpCardState) { .memory = { stability, 5.0 }, .last_day = last_day,
                         .first_day = last_day, .n_reviews = 1 };
}

/* Due reviews first, the least likely recalled first; then new ones, weak first, in deck
 * order; questions not due are left out. */
static void
test_order (void)
{
  BpCardState overdue_long = reviewed (TODAY - 30, 10);   /* R ≈ 0.76 */
  BpCardState overdue_short = reviewed (TODAY - 5, 1);    /* R ≈ 0.68 */
  BpCardState due_today = reviewed (TODAY - 10, 10);      /* R = 0.9 */
  BpCardState not_due = reviewed (TODAY - 1, 30);
  BpQueueCard cards[] = {
    { "new-1", NULL, FALSE },
    { "due-today", &due_today, FALSE },
    { "new-weak", NULL, TRUE },
    { "overdue-long", &overdue_long, FALSE },
    { "not-due", &not_due, TRUE },
    { "new-2", NULL, FALSE },
    { "overdue-short", &overdue_short, FALSE },
  };
  static const char *expected[] = { "overdue-short", "overdue-long", "due-today", "new-weak",
                                    "new-1", "new-2" };
  BpQueueOptions options;
  g_autoptr(BpStudyQueue) queue = NULL;

  bp_queue_options_init (&options, TODAY);
  queue = bp_study_queue_new (bp_fsrs_default_parameters (), &options, cards, G_N_ELEMENTS (cards));
  g_assert_cmpuint (bp_study_queue_get_length (queue), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (bp_study_queue_get_n_due (queue), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (bp_study_queue_get_nth (queue, i), ==, expected[i]);
}

/* At most ten new questions a day by default, fewer if some were introduced today already;
 * due reviews are never limited. */
static void
test_new_limit (void)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (BpQueueCard));
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  BpCardState due = reviewed (TODAY - 20, 2);
  BpQueueOptions options;

  for (guint i = 0; i < 30; i++)
    {
      char *id = g_strdup_printf ("q%02u", i);
      BpQueueCard card = { id, i < 12 ? &due : NULL, FALSE };

      g_ptr_array_add (ids, id);
      g_array_append_val (cards, card);
    }

  bp_queue_options_init (&options, TODAY);
  {
    g_autoptr(BpStudyQueue) queue = bp_study_queue_new (bp_fsrs_default_parameters (), &options,
                                                        (BpQueueCard *)cards->data, cards->len);
    g_assert_cmpuint (bp_study_queue_get_n_due (queue), ==, 12);
    g_assert_cmpuint (bp_study_queue_get_length (queue), ==, 12 + 10);
  }

  /* Three were introduced earlier today. */
  for (guint i = 0; i < 3; i++)
    {
      BpCardState *state = g_new (BpCardState, 1);

      *state = reviewed (i == 0 ? TODAY - 1 : TODAY, 1);
      g_hash_table_insert (states, g_ptr_array_index (ids, 20 + i), state);
    }
  g_assert_cmpuint (bp_queue_count_new_today (states, TODAY), ==, 2);
  options.new_done_today = bp_queue_count_new_today (states, TODAY);
  {
    g_autoptr(BpStudyQueue) queue = bp_study_queue_new (bp_fsrs_default_parameters (), &options,
                                                        (BpQueueCard *)cards->data, cards->len);
    g_assert_cmpuint (bp_study_queue_get_length (queue), ==, 12 + 8);
  }

  options.new_done_today = 15;
  {
    g_autoptr(BpStudyQueue) queue = bp_study_queue_new (bp_fsrs_default_parameters (), &options,
                                                        (BpQueueCard *)cards->data, cards->len);
    g_assert_cmpuint (bp_study_queue_get_length (queue), ==, 12);
  }
}

/* A grade takes the question out; undo, several times over, puts each back in front with the
 * event to take back in the log. */
static void
test_undo (void)
{
  BpQueueCard cards[] = { { "a", NULL, FALSE }, { "b", NULL, FALSE }, { "c", NULL, FALSE } };
  BpQueueOptions options;
  g_autoptr(BpStudyQueue) queue = NULL;
  const char *event_id = NULL;

  bp_queue_options_init (&options, TODAY);
  queue = bp_study_queue_new (bp_fsrs_default_parameters (), &options, cards, 3);
  g_assert_null (bp_study_queue_undo (queue, &event_id));

  g_assert_true (bp_study_queue_graded (queue, "a", BP_GRADE_GOOD, "event-a"));
  g_assert_true (bp_study_queue_graded (queue, "b", BP_GRADE_GOOD, "event-b"));
  g_assert_cmpstr (bp_study_queue_peek (queue), ==, "c");
  g_assert_true (bp_study_queue_graded (queue, "c", BP_GRADE_GOOD, "event-c"));
  g_assert_null (bp_study_queue_peek (queue));
  g_assert_false (bp_study_queue_graded (queue, "c", BP_GRADE_GOOD, "again"));
  g_assert_cmpuint (bp_study_queue_get_n_undo (queue), ==, 3);

  g_assert_cmpstr (bp_study_queue_undo (queue, &event_id), ==, "c");
  g_assert_cmpstr (event_id, ==, "event-c");
  g_assert_cmpstr (bp_study_queue_undo (queue, &event_id), ==, "b");
  g_assert_cmpstr (event_id, ==, "event-b");
  g_assert_cmpstr (bp_study_queue_peek (queue), ==, "b");
  g_assert_cmpstr (bp_study_queue_get_nth (queue, 1), ==, "c");
  g_assert_cmpuint (bp_study_queue_get_length (queue), ==, 2);
  g_assert_cmpuint (bp_study_queue_get_n_undo (queue), ==, 1);
}

/* The queue as a string, "n1 n2 r": what the session would show, in order. */
static char *
queue_string (BpStudyQueue *queue)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < bp_study_queue_get_length (queue); i++)
    g_string_append_printf (text, i > 0 ? " %s" : "%s", bp_study_queue_get_nth (queue, i));
  return g_string_free (text, FALSE);
}

/* Again brings a question back after BP_STUDY_QUEUE_RELEARN_GAP others, last if fewer are
 * left, until it is recalled; Hard does so for a new or relearnt question, not a review.
 * The summary counts each question once. Undo, all the way, gives back each queue exactly. */
static void
test_relearn (void)
{
  BpCardState due = reviewed (TODAY - 20, 5);
  BpQueueCard cards[] = {
    { "n1", NULL, FALSE }, { "n2", NULL, FALSE }, { "r", &due, FALSE },
    { "n3", NULL, FALSE }, { "n4", NULL, FALSE },
  };
  static const struct { const char *id; BpGrade grade; const char *after; } steps[] = {
    { "r", BP_GRADE_AGAIN, "n1 n2 n3 r n4" },
    { "n1", BP_GRADE_HARD, "n2 n3 r n1 n4" },
    { "n2", BP_GRADE_GOOD, "n3 r n1 n4" },
    { "n3", BP_GRADE_AGAIN, "r n1 n4 n3" },
    { "r", BP_GRADE_HARD, "n1 n4 n3 r" },
    { "n1", BP_GRADE_GOOD, "n4 n3 r" },
    { "n4", BP_GRADE_EASY, "n3 r" },
    { "n3", BP_GRADE_GOOD, "r" },
    { "r", BP_GRADE_AGAIN, "r" },
    { "r", BP_GRADE_GOOD, "" },
  };
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  BpQueueOptions options;
  g_autoptr(BpStudyQueue) queue = NULL;
  const char *event_id = NULL;

  bp_queue_options_init (&options, TODAY);
  queue = bp_study_queue_new (bp_fsrs_default_parameters (), &options, cards, G_N_ELEMENTS (cards));
  g_assert_true (bp_study_queue_get_requeues (queue, "r", BP_GRADE_AGAIN));
  g_assert_false (bp_study_queue_get_requeues (queue, "r", BP_GRADE_HARD));
  g_assert_true (bp_study_queue_get_requeues (queue, "n1", BP_GRADE_HARD));
  g_assert_false (bp_study_queue_get_requeues (queue, "n1", BP_GRADE_GOOD));
  g_assert_false (bp_study_queue_get_requeues (queue, "missing", BP_GRADE_AGAIN));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *event = g_strdup_printf ("event-%u", i);
      g_autofree char *after = NULL;

      g_ptr_array_add (before, queue_string (queue));
      g_assert_cmpstr (bp_study_queue_peek (queue), ==, steps[i].id);
      g_assert_true (bp_study_queue_graded (queue, steps[i].id, steps[i].grade, event));
      after = queue_string (queue);
      g_assert_cmpstr (after, ==, steps[i].after);
      if (i == 0)
        {
          /* Back as a review, which the progress line counts so. */
          g_assert_cmpuint (bp_study_queue_get_n_due (queue), ==, 1);
          g_assert_true (bp_study_queue_get_requeues (queue, "r", BP_GRADE_HARD));
        }
    }
  g_assert_null (bp_study_queue_peek (queue));
  g_assert_cmpuint (bp_study_queue_get_n_studied (queue), ==, 5);
  g_assert_cmpuint (bp_study_queue_get_n_forgotten (queue), ==, 2);

  for (guint i = G_N_ELEMENTS (steps); i-- > 0;)
    {
      g_autofree char *expected_event = g_strdup_printf ("event-%u", i);
      g_autofree char *now = NULL;

      g_assert_cmpstr (bp_study_queue_undo (queue, &event_id), ==, steps[i].id);
      g_assert_cmpstr (event_id, ==, expected_event);
      now = queue_string (queue);
      g_assert_cmpstr (now, ==, g_ptr_array_index (before, i));
      if (i == 4)
        {
          g_assert_cmpuint (bp_study_queue_get_n_studied (queue), ==, 4);
          g_assert_cmpuint (bp_study_queue_get_n_forgotten (queue), ==, 2);
        }
    }
  g_assert_null (bp_study_queue_undo (queue, &event_id));
  g_assert_cmpuint (bp_study_queue_get_n_studied (queue), ==, 0);
  g_assert_cmpuint (bp_study_queue_get_n_forgotten (queue), ==, 0);
}

/* With an interview in 20 days, no interval jumps over it: the review falls the day before
 * at the latest; after the interview, intervals are FSRS's own. The forecast is the recall
 * probability on the day. */
static void
test_interview_date (void)
{
  const BpFsrsParameters *parameters = bp_fsrs_default_parameters ();
  BpCardState stable = reviewed (TODAY, 100);
  BpCardState fresh = reviewed (TODAY, 2);
  BpQueueOptions options;

  bp_queue_options_init (&options, TODAY);
  g_assert_cmpuint (bp_queue_interval (&options, parameters, 100), ==, 100);
  g_assert_cmpint (bp_queue_due_day (&options, parameters, &stable), ==, TODAY + 100);

  options.interview_day = TODAY + 20;
  g_assert_cmpuint (bp_queue_interval (&options, parameters, 100), ==, 19);
  g_assert_cmpint (bp_queue_due_day (&options, parameters, &stable), ==, TODAY + 19);
  /* Short intervals are not touched. */
  g_assert_cmpint (bp_queue_due_day (&options, parameters, &fresh), ==,
                   TODAY + bp_fsrs_interval (parameters, 2, 0.9));
  /* The day before: the next review comes the next day, on the interview day at the latest. */
  options.today = TODAY + 19;
  g_assert_cmpuint (bp_queue_interval (&options, parameters, 100), ==, 1);
  /* From the interview on, no cap. */
  options.today = TODAY + 20;
  g_assert_cmpuint (bp_queue_interval (&options, parameters, 100), ==, 100);

  /* Not due before the capped day, due on it. */
  {
    BpQueueCard card = { "stable", &stable, FALSE };

    options.today = TODAY + 18;
    g_autoptr(BpStudyQueue) before = bp_study_queue_new (parameters, &options, &card, 1);
    g_assert_null (bp_study_queue_peek (before));
    options.today = TODAY + 19;
    g_autoptr(BpStudyQueue) on = bp_study_queue_new (parameters, &options, &card, 1);
    g_assert_cmpstr (bp_study_queue_peek (on), ==, "stable");
  }

  /* R(S, S) = 0.9: recall after as many days as the stability. */
  g_assert_cmpfloat_with_epsilon (bp_queue_forecast (parameters, &fresh, TODAY + 2), 0.9, 1e-9);
  g_assert_cmpfloat (bp_queue_forecast (parameters, &stable, TODAY + 20), >,
                     bp_queue_forecast (parameters, &fresh, TODAY + 20));
}

/* Forgotten today (Again): due again today, so a later session today shows it once more,
 * whatever its stability; remembered (Good): due when FSRS says. */
static void
test_again_due_today (void)
{
  const BpFsrsParameters *parameters = bp_fsrs_default_parameters ();
  BpCardState forgotten = reviewed (TODAY, 3);
  BpCardState remembered = reviewed (TODAY, 3);
  BpQueueCard cards[] = {
    { "forgotten", &forgotten, FALSE },
    { "remembered", &remembered, FALSE },
  };
  BpQueueOptions options;
  g_autoptr(BpStudyQueue) queue = NULL;

  forgotten.last_grade = BP_GRADE_AGAIN;
  remembered.last_grade = BP_GRADE_GOOD;
  bp_queue_options_init (&options, TODAY);
  g_assert_cmpint (bp_queue_due_day (&options, parameters, &forgotten), ==, TODAY);
  g_assert_cmpint (bp_queue_due_day (&options, parameters, &remembered), ==,
                   TODAY + bp_fsrs_interval (parameters, 3, 0.9));
  g_assert_cmpint (bp_queue_due_day (&options, parameters, &remembered), >, TODAY);
  queue = bp_study_queue_new (parameters, &options, cards, G_N_ELEMENTS (cards));
  g_assert_cmpuint (bp_study_queue_get_length (queue), ==, 1);
  g_assert_cmpstr (bp_study_queue_peek (queue), ==, "forgotten");
}

/* An interview date as Preferences takes it: year-month-day, counted as bp_review_day()
 * counts days; anything else refused with a reason. */
static void
test_parse_day (void)
{
  g_autoptr(GError) error = NULL;
  gint64 day = -1;

  g_assert_true (bp_queue_parse_day ("1970-01-01", &day, &error));
  g_assert_no_error (error);
  g_assert_cmpint (day, ==, 0);
  g_assert_true (bp_queue_parse_day ("2026-12-08", &day, NULL));
  g_assert_cmpint (day, ==, bp_review_day (G_GINT64_CONSTANT (1796731200) * G_USEC_PER_SEC, 0));
  for (guint i = 0; i < 5; i++)
    {
      const char *bad[] = { "2026-02-30", "2026-12-8", "next friday", "2026-12-08x", "" };

      g_assert_false (bp_queue_parse_day (bad[i], &day, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "2027-03-15"));
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/study-queue/order", test_order);
  g_test_add_func ("/study-queue/new-limit", test_new_limit);
  g_test_add_func ("/study-queue/undo", test_undo);
  g_test_add_func ("/study-queue/relearn", test_relearn);
  g_test_add_func ("/study-queue/interview-date", test_interview_date);
  g_test_add_func ("/study-queue/again-due-today", test_again_due_today);
  g_test_add_func ("/study-queue/parse-day", test_parse_day);

  return g_test_run ();
}
