/* test-fsrs.c: FSRS-6 gives the reference implementation's own results; parameters are validated
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bp-fsrs.h"

/*
 * The vectors below are those of open-spaced-repetition/fsrs-rs, src/inference.rs (tests
 * test_memory_state, test_next_interval, test_current_retrievability), quoted as reference
 * values. fsrs-rs computes in 32-bit floats, this in doubles: hence the tolerances.
 */

static void
assert_relative (double actual,
                 double expected,
                 double tolerance)
{
  if (fabs (actual - expected) > tolerance * fabs (expected))
    g_error ("%.7g is not %.7g within %g of it", actual, expected, tolerance);
}

/* fsrs-rs test_memory_state: grades 1, 3, 3, 3, 3, 3 on day gaps 0, 0, 1, 3, 8, 21, each state
 * from the previous one as next_states() gives it (the first from a new card). */
static BpMemoryState
replay_reference_history (const BpFsrsParameters *parameters)
{
  static const BpGrade grades[] = { 1, 3, 3, 3, 3, 3 };
  static const guint gaps[] = { 0, 0, 1, 3, 8, 21 };
  BpMemoryState state = { 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    state = bp_fsrs_next_state (parameters, i == 0 ? NULL : &state, gaps[i], grades[i]);
  return state;
}

static void
test_memory_state (void)
{
  BpMemoryState state = replay_reference_history (bp_fsrs_default_parameters ());

  g_assert_cmpfloat_with_epsilon (state.stability, 53.62691, 1e-4);
  g_assert_cmpfloat_with_epsilon (state.difficulty, 6.3574867, 1e-4);
}

/* The same with short-term memory switched off (w17 = w18 = w19 = 0). */
static void
test_memory_state_without_short_term (void)
{
  BpFsrsParameters parameters = *bp_fsrs_default_parameters ();
  BpMemoryState state;

  parameters.w[17] = parameters.w[18] = parameters.w[19] = 0.0;
  state = replay_reference_history (&parameters);
  g_assert_cmpfloat_with_epsilon (state.stability, 53.335106, 1e-4);
  g_assert_cmpfloat_with_epsilon (state.difficulty, 6.3574867, 1e-4);
}

/* fsrs-rs test_next_interval: S = 1 and desired retention 0.1 … 1.0, rounded, at least 1. */
static void
test_next_interval (void)
{
  static const double expected[] = { 3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1 };
  const BpFsrsParameters *parameters = bp_fsrs_default_parameters ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      double retention = (i + 1) / 10.0;
      double days = MAX (round (bp_fsrs_interval_exact (parameters, 1.0, retention)), 1.0);

      /* The longest ones differ in the last digits between float and double. */
      assert_relative (days, expected[i], 1e-4);
      if (expected[i] < 1000)
        g_assert_cmpfloat (days, ==, expected[i]);

      /* What the scheduler uses is the same, within a hundred years. */
      g_assert_cmpuint (bp_fsrs_interval (parameters, 1.0, retention), ==,
                        MIN (expected[i], BP_FSRS_INTERVAL_MAX));
    }
}

/* fsrs-rs test_current_retrievability: decay 0.2, S = 1, t = 0 … 3 days. */
static void
test_retrievability (void)
{
  static const double expected[] = { 1.0, 0.9, 0.84028935, 0.7985001 };

  for (guint t = 0; t < G_N_ELEMENTS (expected); t++)
    g_assert_cmpfloat_with_epsilon (bp_fsrs_retrievability_for_decay (0.2, t, 1.0),
                                    expected[t], 1e-6);

  /* By definition of stability, recall is 90 % after S days, whatever S and the decay. */
  g_assert_cmpfloat_with_epsilon (bp_fsrs_retrievability (bp_fsrs_default_parameters (),
                                                          37.5, 37.5), 0.9, 1e-12);
}

/* A first grade sets S0 = w[G−1] and D0 = w4 − e^(w5·(G−1)) + 1 within [1, 10]. */
static void
test_initial_state (void)
{
  const BpFsrsParameters *parameters = bp_fsrs_default_parameters ();
  const double *w = parameters->w;

  for (BpGrade g = BP_GRADE_AGAIN; g <= BP_GRADE_EASY; g++)
    {
      BpMemoryState state = bp_fsrs_next_state (parameters, NULL, 0, g);

      g_assert_cmpfloat (state.stability, ==, w[g - 1]);
      g_assert_cmpfloat_with_epsilon (state.difficulty,
                                      CLAMP (w[4] - exp (w[5] * (g - 1)) + 1, 1, 10), 1e-12);
    }
  /* Easy's difficulty falls below 1 with the defaults: clamped. */
  g_assert_cmpfloat (bp_fsrs_initial_state (parameters, BP_GRADE_EASY).difficulty, ==, 1.0);
}

/* What a user sees: better grades give longer intervals, a lapse shortens it, and a review
 * that comes late and is still recalled grows stability more. */
static void
test_grades_order_intervals (void)
{
  const BpFsrsParameters *parameters = bp_fsrs_default_parameters ();
  BpMemoryState state = { 10.0, 5.0 };
  guint previous = 0;

  for (BpGrade g = BP_GRADE_AGAIN; g <= BP_GRADE_EASY; g++)
    {
      BpMemoryState next = bp_fsrs_next_state (parameters, &state, 10, g);
      guint days = bp_fsrs_interval (parameters, next.stability, 0.9);

      g_assert_cmpuint (days, >, previous);
      previous = days;
      if (g == BP_GRADE_AGAIN)
        g_assert_cmpfloat (next.stability, <, state.stability);
      else
        g_assert_cmpfloat (next.stability, >, state.stability);
    }

  g_assert_cmpfloat (bp_fsrs_next_state (parameters, &state, 20, BP_GRADE_GOOD).stability, >,
                     bp_fsrs_next_state (parameters, &state, 5, BP_GRADE_GOOD).stability);
  /* A higher desired retention means shorter intervals. */
  g_assert_cmpuint (bp_fsrs_interval (parameters, 30, 0.97), <,
                    bp_fsrs_interval (parameters, 30, 0.70));
}

/* A lapse is never more stable than a same-day Again would leave it: S / e^(w17·w18). */
static void
test_failure_ceiling (void)
{
  const BpFsrsParameters *parameters = bp_fsrs_default_parameters ();
  const double *w = parameters->w;
  BpMemoryState state = { 0.5, 1.0 };
  BpMemoryState next = bp_fsrs_next_state (parameters, &state, 400, BP_GRADE_AGAIN);

  g_assert_cmpfloat (next.stability, <=, state.stability / exp (w[17] * w[18]) + 1e-12);
}

/* Stability and difficulty stay within their bounds, whatever the history. */
static void
test_bounds (void)
{
  const BpFsrsParameters *parameters = bp_fsrs_default_parameters ();
  BpMemoryState state = { 0, 0 };

  for (guint i = 0; i < 200; i++)
    {
      state = bp_fsrs_next_state (parameters, i ? &state : NULL, i % 3 ? 36500 : 0, BP_GRADE_EASY);
      g_assert_cmpfloat (state.stability, <=, BP_FSRS_STABILITY_MAX);
      g_assert_cmpfloat (state.difficulty, >=, BP_FSRS_DIFFICULTY_MIN);
    }
  g_assert_cmpfloat (state.stability, ==, BP_FSRS_STABILITY_MAX);
  g_assert_cmpuint (bp_fsrs_interval (parameters, state.stability, 0.7), ==, BP_FSRS_INTERVAL_MAX);

  for (guint i = 0; i < 200; i++)
    {
      state = bp_fsrs_next_state (parameters, &state, 1 + i % 2, BP_GRADE_AGAIN);
      g_assert_cmpfloat (state.stability, >=, BP_FSRS_STABILITY_MIN);
      g_assert_cmpfloat (state.difficulty, <=, BP_FSRS_DIFFICULTY_MAX);
    }
  /* Mean reversion keeps it just short of the maximum. */
  g_assert_cmpfloat (state.difficulty, >, 9.9);
  g_assert_cmpuint (bp_fsrs_interval (parameters, state.stability, 0.97), ==, 1);
}

/* What a user pastes from the optimizer is read, and anything else is refused, saying why. */
static void
test_parameters (void)
{
  g_autofree char *defaults = bp_fsrs_parameters_to_string (bp_fsrs_default_parameters ());
  g_autofree char *bracketed = g_strdup_printf ("[%s]\n", defaults);
  g_autofree char *twenty = g_strdup (defaults);
  BpFsrsParameters parameters = { { 0 } }, untouched;
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_fsrs_parameters_parse (&parameters, bracketed, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&parameters, sizeof parameters, bp_fsrs_default_parameters (),
                   sizeof parameters);

  *strrchr (twenty, ',') = '\0';
  untouched = parameters;
  g_assert_false (bp_fsrs_parameters_parse (&parameters, twenty, &error));
  g_assert_error (error, BP_FSRS_ERROR, BP_FSRS_ERROR_PARAMETERS);
  g_assert_nonnull (strstr (error->message, "20 were given"));
  g_assert_cmpmem (&parameters, sizeof parameters, &untouched, sizeof parameters);
  g_clear_error (&error);

  g_assert_false (bp_fsrs_parameters_parse (&parameters, "1, 2, x", &error));
  g_assert_nonnull (strstr (error->message, "“x” is not a number"));
  g_clear_error (&error);

  {
    double values[BP_FSRS_N_PARAMETERS];

    memcpy (values, bp_fsrs_default_parameters ()->w, sizeof values);
    values[20] = NAN;
    g_assert_false (bp_fsrs_parameters_init (&parameters, values, 21, &error));
    g_assert_nonnull (strstr (error->message, "w20"));
    g_clear_error (&error);
    values[20] = 0.1542;
    values[7] = 0.9;
    g_assert_false (bp_fsrs_parameters_init (&parameters, values, 21, &error));
    g_assert_nonnull (strstr (error->message, "w7"));
    g_clear_error (&error);
  }
}

static void
test_retention (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_fsrs_retention_check (BP_FSRS_RETENTION_DEFAULT, NULL));
  g_assert_true (bp_fsrs_retention_check (0.70, NULL));
  g_assert_true (bp_fsrs_retention_check (0.97, NULL));
  g_assert_false (bp_fsrs_retention_check (0.98, &error));
  g_assert_error (error, BP_FSRS_ERROR, BP_FSRS_ERROR_RETENTION);
  g_assert_false (bp_fsrs_retention_check (NAN, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fsrs/reference/memory-state", test_memory_state);
  g_test_add_func ("/fsrs/reference/memory-state-without-short-term",
                   test_memory_state_without_short_term);
  g_test_add_func ("/fsrs/reference/next-interval", test_next_interval);
  g_test_add_func ("/fsrs/reference/retrievability", test_retrievability);
  g_test_add_func ("/fsrs/initial-state", test_initial_state);
  g_test_add_func ("/fsrs/grades-order-intervals", test_grades_order_intervals);
  g_test_add_func ("/fsrs/failure-ceiling", test_failure_ceiling);
  g_test_add_func ("/fsrs/bounds", test_bounds);
  g_test_add_func ("/fsrs/parameters", test_parameters);
  g_test_add_func ("/fsrs/retention", test_retention);

  return g_test_run ();
}
