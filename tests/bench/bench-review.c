/* bench-review.c: the review log at start-up: reading and replaying 100,000 reviews, and choosing the next question
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-utils.h"
#include "bp-review-format.h"
#include "bp-review-log.h"
#include "bp-review-replay.h"
#include "bp-study-queue.h"

#define N_REVIEWS 100000
#define N_QUESTIONS 5000
#define ROUNDS 11
#define DAY_US G_GINT64_CONSTANT (86400000000)
#define START_US G_GINT64_CONSTANT (1767225600000000) /* 2026-01-01 */

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = (*(BpReviewEvent **)a)->time_us, y = (*(BpReviewEvent **)b)->time_us;

  return x < y ? -1 : x > y;
}

/* A year of study of 5,000 questions, each reviewed 20 times at growing gaps, mostly Good,
 * appended in time order as the app does. */
static char *
generate_log (void)
{
  g_autoptr(GString) text = g_string_sized_new (N_REVIEWS * 110);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_event_free);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < N_REVIEWS; i++)
    {
      guint question = i % N_QUESTIONS, round = i / N_QUESTIONS;
      const guint32 bits[4] = { g_rand_int (rand), g_rand_int (rand), g_rand_int (rand), i };
      char id[BP_REVIEW_EVENT_ID_LENGTH + 1];
      g_autofree char *question_id = g_strdup_printf ("deck-%u/question-number-%u", question % 7,
                                                      question);
      guint grade = g_rand_int_range (rand, 0, 10) == 0 ? 1 : 2 + g_rand_int_range (rand, 0, 10) / 4;

      bp_review_event_id_from_bits (id, bits);
      g_ptr_array_add (events, bp_review_event_new_grade (
        id, START_US + (round * round + question % 30) * DAY_US / 2 + question * G_USEC_PER_SEC,
        question_id, MIN (grade, 4), round, 30000));
    }
  g_rand_free (rand);

  g_ptr_array_sort (events, compare_times);
  for (guint i = 0; i < events->len; i++)
    {
      g_autofree char *line = bp_review_format_line (g_ptr_array_index (events, i));
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
bench_startup (const char *path,
               GHashTable **states_out,
               BpReviewLog **log_out)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(BpReviewLog) log = bp_review_log_new (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) states = NULL;
      double start = bench_now_ms (), elapsed;

      g_assert_true (bp_review_log_load (log, &error));
      states = bp_review_replay (bp_review_log_get_events (log), bp_fsrs_default_parameters (), 0);
      elapsed = bench_now_ms () - start;
      g_assert_cmpuint (bp_review_log_get_events (log)->len, ==, N_REVIEWS);
      g_assert_cmpuint (g_hash_table_size (states), ==, N_QUESTIONS);
      g_array_append_val (samples, elapsed);
      if (i == ROUNDS - 1)
        {
          *states_out = g_steal_pointer (&states);
          *log_out = g_steal_pointer (&log);
        }
    }
  g_print ("review log: %d reviews of %d questions read and replayed in %.2f ms (median of %d)\n",
           N_REVIEWS, N_QUESTIONS, bench_median (samples), ROUNDS);
  bench_figure ("core.reviews.replay-100000", bench_median (samples), "ms", "<= 50");
}

/* Building the queue from every state and taking its first question: what a grade costs
 * before the next question shows. */
static void
bench_next_card (GHashTable *states)
{
  g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (BpQueueCard));
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  GHashTableIter iter;
  gpointer id, state;
  BpQueueOptions options;

  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, &id, &state))
    {
      BpQueueCard card = { id, state, FALSE };
      g_array_append_val (cards, card);
    }
  bp_queue_options_init (&options, bp_review_day (START_US, 0) + 250);

  for (guint i = 0; i < ROUNDS * 10; i++)
    {
      double start = bench_now_ms (), elapsed;
      g_autoptr(BpStudyQueue) queue = bp_study_queue_new (bp_fsrs_default_parameters (), &options,
                                                          (BpQueueCard *)cards->data, cards->len);

      g_assert_nonnull (bp_study_queue_peek (queue));
      elapsed = bench_now_ms () - start;
      g_array_append_val (samples, elapsed);
    }
  g_print ("next question among %u: chosen in %.3f ms (median)\n", cards->len, bench_median (samples));
  bench_figure ("core.reviews.next-question", bench_median (samples), "ms", "<= 1");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "reviews.log", NULL);
  g_autofree char *text = generate_log ();
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(BpReviewLog) log = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  bench_startup (path, &states, &log);
  bench_next_card (states);

  g_remove (path);
  g_rmdir (dir);
  return 0;
}
