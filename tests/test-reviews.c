/* test-reviews.c: grades written to the log before they count, kept while the disk refuses, undone
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bp-reviews.h"

#define DAY_US G_GINT64_CONSTANT (86400000000)
/* 2026-11-27T12:08:03.606170Z */
#define SOME_TIME G_GINT64_CONSTANT (1795781283606170)
#define QUESTION "deep-learning/what-is-dropout"

typedef struct
{
  char *dir;
  char *folder;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("test-reviews-XXXXXX", NULL);
  fixture->folder = g_build_filename (fixture->dir, "backprop", NULL);
  fixture->path = g_build_filename (fixture->folder, "reviews.log", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_remove (fixture->path);
  g_remove (fixture->folder);
  g_rmdir (fixture->folder);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->folder);
  g_free (fixture->dir);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_reviews_load_finish (BP_REVIEWS (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *)user_data = TRUE;
}

/* As the app does: read in a worker, finished on the main loop. */
static BpReviews *
load_reviews (const char *path)
{
  g_autoptr(BpReviewLog) log = bp_review_log_new (path);
  BpReviews *reviews = bp_reviews_new (log);
  gboolean done = FALSE;

  g_assert_false (bp_reviews_get_loaded (reviews));
  bp_reviews_load_async (reviews, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (bp_reviews_get_loaded (reviews));
  return reviews;
}

static void
grade_ok (BpReviews  *reviews,
          BpGrade     grade,
          gint64      now_us,
          char       *event_id)
{
  g_autoptr(GError) error = NULL;
  gboolean written = bp_reviews_grade (reviews, QUESTION, grade, now_us, 9000, event_id, &error);

  g_assert_no_error (error);
  g_assert_true (written);
}

/* A grade counts at once, is on disk when the call returns, and a new reading of the file
 * (a restart) gives the same state. */
static void
test_grade_is_durable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BpReviews) reviews = load_reviews (fixture->path);
  g_autoptr(BpReviews) restarted = NULL;
  char first[BP_REVIEW_EVENT_ID_LENGTH + 1], second[BP_REVIEW_EVENT_ID_LENGTH + 1];
  const BpCardState *state, *again;

  g_assert_null (bp_reviews_lookup (reviews, QUESTION));
  grade_ok (reviews, BP_GRADE_GOOD, SOME_TIME, first);
  grade_ok (reviews, BP_GRADE_GOOD, SOME_TIME + 3 * DAY_US, second);
  g_assert_cmpstr (first, !=, second);

  state = bp_reviews_lookup (reviews, QUESTION);
  g_assert_nonnull (state);
  g_assert_cmpuint (state->n_reviews, ==, 2);
  g_assert_cmpint (state->last_day - state->first_day, ==, 3);
  g_assert_cmpstr (state->last_event_id, ==, second);
  g_assert_true (bp_review_log_contains (bp_reviews_get_log (reviews), second));

  restarted = load_reviews (fixture->path);
  again = bp_reviews_lookup (restarted, QUESTION);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->n_reviews, ==, 2);
  g_assert_cmpfloat_with_epsilon (again->memory.stability, state->memory.stability, 1e-9);
  g_assert_cmpfloat_with_epsilon (again->memory.difficulty, state->memory.difficulty, 1e-9);
}

/* Undo takes the last grade back, in memory and after a restart, one level at a time. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(BpReviews) reviews = load_reviews (fixture->path);
  g_autoptr(BpReviews) restarted = NULL;
  g_autoptr(GError) error = NULL;
  char first[BP_REVIEW_EVENT_ID_LENGTH + 1], second[BP_REVIEW_EVENT_ID_LENGTH + 1];
  BpMemoryState after_first;

  grade_ok (reviews, BP_GRADE_AGAIN, SOME_TIME, first);
  after_first = bp_reviews_lookup (reviews, QUESTION)->memory;
  grade_ok (reviews, BP_GRADE_EASY, SOME_TIME + DAY_US, second);

  g_assert_true (bp_reviews_undo (reviews, second, SOME_TIME + DAY_US + 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bp_reviews_lookup (reviews, QUESTION)->n_reviews, ==, 1);
  g_assert_cmpfloat (bp_reviews_lookup (reviews, QUESTION)->memory.stability, ==,
                     after_first.stability);

  restarted = load_reviews (fixture->path);
  g_assert_cmpuint (bp_reviews_lookup (restarted, QUESTION)->n_reviews, ==, 1);
  g_assert_true (bp_reviews_undo (restarted, first, SOME_TIME + DAY_US + 2, &error));
  g_assert_no_error (error);
  g_assert_null (bp_reviews_lookup (restarted, QUESTION));
}

static void
count_changes (guint *n)
{
  (*n)++;
}

/* The folder cannot be made (a file stands where it goes): the grade is kept and counted,
 * the reason given; once the folder can be made, a retry writes it, and nothing is lost. */
static void
test_failed_append_is_kept (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(BpReviews) reviews = load_reviews (fixture->path);
  g_autoptr(BpReviews) restarted = NULL;
  g_autoptr(GError) error = NULL;
  char first[BP_REVIEW_EVENT_ID_LENGTH + 1], second[BP_REVIEW_EVENT_ID_LENGTH + 1];
  guint n_changes = 0;

  g_signal_connect_swapped (reviews, "changed", G_CALLBACK (count_changes), &n_changes);
  g_assert_true (g_file_set_contents (fixture->folder, "not a folder", -1, NULL));

  g_assert_false (bp_reviews_grade (reviews, QUESTION, BP_GRADE_GOOD, SOME_TIME, 1000, first, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_clear_error (&error);
  g_assert_false (bp_reviews_grade (reviews, QUESTION, BP_GRADE_HARD, SOME_TIME + DAY_US, 1000,
                                    second, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpuint (n_changes, ==, 2);
  g_assert_cmpuint (bp_reviews_get_n_pending (reviews), ==, 2);
  g_assert_nonnull (bp_reviews_get_save_error (reviews));
  g_assert_nonnull (strstr (bp_reviews_get_save_error (reviews)->message, "review log"));
  g_assert_cmpuint (bp_reviews_lookup (reviews, QUESTION)->n_reviews, ==, 2);
  g_assert_false (bp_reviews_retry (reviews, NULL));

  g_assert_no_errno (g_remove (fixture->folder));
  g_assert_true (bp_reviews_retry (reviews, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bp_reviews_get_n_pending (reviews), ==, 0);
  g_assert_null (bp_reviews_get_save_error (reviews));

  restarted = load_reviews (fixture->path);
  g_assert_cmpuint (bp_reviews_lookup (restarted, QUESTION)->n_reviews, ==, 2);
  g_assert_cmpstr (bp_reviews_lookup (restarted, QUESTION)->last_event_id, ==, second);
}

/* A grade that never reached the disk is simply dropped by its undo. */
static void
test_undo_pending (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BpReviews) reviews = load_reviews (fixture->path);
  char id[BP_REVIEW_EVENT_ID_LENGTH + 1];

  g_assert_true (g_file_set_contents (fixture->folder, "not a folder", -1, NULL));
  g_assert_false (bp_reviews_grade (reviews, QUESTION, BP_GRADE_GOOD, SOME_TIME, 1000, id, NULL));
  g_assert_true (bp_reviews_undo (reviews, id, SOME_TIME + 1, NULL));
  g_assert_cmpuint (bp_reviews_get_n_pending (reviews), ==, 0);
  g_assert_null (bp_reviews_get_save_error (reviews));
  g_assert_null (bp_reviews_lookup (reviews, QUESTION));
}

/* Optimized parameters replay the same history into other states. */
static void
test_parameters_replay (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BpReviews) reviews = load_reviews (fixture->path);
  g_autoptr(GError) error = NULL;
  BpFsrsParameters parameters = *bp_fsrs_default_parameters ();
  char id[BP_REVIEW_EVENT_ID_LENGTH + 1];
  double before;

  grade_ok (reviews, BP_GRADE_GOOD, SOME_TIME, id);
  before = bp_reviews_lookup (reviews, QUESTION)->memory.stability;
  g_assert_cmpfloat_with_epsilon (before, parameters.w[2], 1e-9);

  parameters.w[2] = 5.0;
  bp_reviews_set_parameters (reviews, &parameters);
  g_assert_cmpfloat_with_epsilon (bp_reviews_lookup (reviews, QUESTION)->memory.stability, 5.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reviews/grade-is-durable", test_grade_is_durable);
  ADD ("/reviews/undo", test_undo);
  ADD ("/reviews/failed-append-is-kept", test_failed_append_is_kept);
  ADD ("/reviews/undo-pending", test_undo_pending);
  ADD ("/reviews/parameters-replay", test_parameters_replay);
#undef ADD

  return g_test_run ();
}
