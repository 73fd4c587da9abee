/* fuzz-review-log.c: libFuzzer target for the review log's line reader and its replay
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bp-review-csv.h"
#include "bp-review-format.h"
#include "bp-review-replay.h"
#include "fuzz-target.h"

/* Every event read is written back to a line that reads as the same event. */
static void
check_round_trip (const BpReviewEvent *event)
{
  g_autofree char *line = bp_review_format_line (event);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpReviewEvent) again = NULL;
  gsize length = strlen (line);

  g_assert_true (length > 0 && line[length - 1] == '\n');
  g_assert_null (memchr (line, '\n', length - 1));
  again = bp_review_format_parse_line (line, length - 1, &error);
  g_assert_no_error (error);
  g_assert_true (bp_review_event_equal (event, again));
}

static void
check_states (GHashTable *states)
{
  GHashTableIter iter;
  gpointer state;

  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, NULL, &state))
    {
      const BpCardState *card = state;

      g_assert_true (isfinite (card->memory.stability) && isfinite (card->memory.difficulty));
      g_assert_cmpfloat (card->memory.stability, >=, BP_FSRS_STABILITY_MIN);
      g_assert_cmpfloat (card->memory.stability, <=, BP_FSRS_STABILITY_MAX);
      g_assert_cmpfloat (card->memory.difficulty, >=, BP_FSRS_DIFFICULTY_MIN);
      g_assert_cmpfloat (card->memory.difficulty, <=, BP_FSRS_DIFFICULTY_MAX);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_target_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_event_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_problem_free);
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  gsize complete;

  /* The reader takes a length: the input is deliberately not nul-terminated. */
  complete = bp_review_format_parse ((const char *)data, size, events, problems);
  g_assert_cmpuint (complete, <=, size);
  g_assert_true (complete == 0 || data[complete - 1] == '\n');
  g_assert_null (memchr (data + complete, '\n', size - complete));

  for (guint i = 0; i < problems->len; i++)
    {
      BpReviewProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_true (*problem->message != '\0');
    }
  for (guint i = 0; i < events->len; i++)
    check_round_trip (g_ptr_array_index (events, i));

  states = bp_review_replay (events, bp_fsrs_default_parameters (), 0);
  check_states (states);

  /* The same bytes as a CSV: read, or refused with an error; never a crash. */
  {
    g_autoptr(GError) error = NULL;

    imported = bp_review_csv_import ((const char *)data, size, &error);
    g_assert_true ((imported == NULL) == (error != NULL));
  }
  return 0;
}
