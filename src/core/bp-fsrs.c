/* bp-fsrs.c: FSRS-6, the memory model that schedules reviews: pure functions in double precision
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-fsrs"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-fsrs.h"

/*
 * The model of open-spaced-repetition's FSRS-6 (fsrs-rs src/model.rs, py-fsrs
 * fsrs/scheduler.py), written from its formulas. Where the two differ in a detail, this follows
 * fsrs-rs, whose test vectors tests/test-fsrs.c reproduces: a review on the day of the previous
 * one (elapsed days 0) uses the short-term formula, whatever the grade; its growth is at
 * least 1 for Hard and better; a new question's first grade sets the initial state.
 */

/* The defaults FSRS-6 was fitted to (fsrs-rs DEFAULT_PARAMETERS); w20 is the decay. */
static const BpFsrsParameters default_parameters = { {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
} };

/* Each parameter's range, as py-fsrs validates them and fsrs-rs clips them (with one
 * relearning step and short-term scheduling allowed to be switched off). */
static const double lower_bounds[BP_FSRS_N_PARAMETERS] = {
  BP_FSRS_STABILITY_MIN, BP_FSRS_STABILITY_MIN, BP_FSRS_STABILITY_MIN, BP_FSRS_STABILITY_MIN,
  1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0,
  0.0, 0.1,
};
static const double upper_bounds[BP_FSRS_N_PARAMETERS] = {
  100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0,
  6.0, 2.0, 2.0, 0.8, 0.8,
};

G_DEFINE_QUARK (bp-fsrs-error-quark, bp_fsrs_error)

const BpFsrsParameters *
bp_fsrs_default_parameters (void)
{
  return &default_parameters;
}

/**
 * bp_fsrs_parameters_init:
 * @values: the 21 numbers of FSRS-6, as the optimizer prints them
 *
 * Returns: %FALSE, with an error that names the first bad number, unless there are 21 finite
 * numbers each in its range; @parameters is then left as it was
 */
gboolean
bp_fsrs_parameters_init (BpFsrsParameters  *parameters,
                         const double      *values,
                         gsize              n_values,
                         GError           **error)
{
  g_return_val_if_fail (parameters != NULL, FALSE);
  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);

  if (n_values != BP_FSRS_N_PARAMETERS)
    {
      g_set_error (error, BP_FSRS_ERROR, BP_FSRS_ERROR_PARAMETERS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "FSRS-6 has 21 parameters, but %zu was given. Paste all 21 numbers "
                                "the optimizer printed.",
                                "FSRS-6 has 21 parameters, but %zu were given. Paste all 21 numbers "
                                "the optimizer printed.", n_values),
                   (size_t)n_values);
      return FALSE;
    }

  for (guint i = 0; i < BP_FSRS_N_PARAMETERS; i++)
    if (!isfinite (values[i]) || values[i] < lower_bounds[i] || values[i] > upper_bounds[i])
      {
        g_set_error (error, BP_FSRS_ERROR, BP_FSRS_ERROR_PARAMETERS,
                     _("Parameter %u (w%u) is %g, outside its range %g to %g."),
                     i + 1, i, values[i], lower_bounds[i], upper_bounds[i]);
        return FALSE;
      }

  memcpy (parameters->w, values, sizeof parameters->w);
  return TRUE;
}

/**
 * bp_fsrs_parameters_parse:
 * @text: numbers separated by commas, spaces or new lines, optionally in brackets
 *
 * Reads parameters as a user pastes them from the optimizer's output.
 */
gboolean
bp_fsrs_parameters_parse (BpFsrsParameters  *parameters,
                          const char        *text,
                          GError           **error)
{
  g_auto(GStrv) words = NULL;
  double values[BP_FSRS_N_PARAMETERS + 1];
  gsize n = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  words = g_strsplit_set (text, ", \t\r\n[]()", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *end = NULL;

      if (*words[i] == '\0')
        continue;
      if (n == G_N_ELEMENTS (values))
        break;
      values[n] = g_ascii_strtod (words[i], &end);
      if (end == words[i] || *end != '\0')
        {
          g_set_error (error, BP_FSRS_ERROR, BP_FSRS_ERROR_PARAMETERS,
                       _("“%s” is not a number. Paste the 21 numbers the optimizer printed, "
                         "separated by commas."), words[i]);
          return FALSE;
        }
      n++;
    }

  return bp_fsrs_parameters_init (parameters, values, n, error);
}

/* Returns: (transfer full): the parameters as bp_fsrs_parameters_parse() reads them back */
char *
bp_fsrs_parameters_to_string (const BpFsrsParameters *parameters)
{
  GString *text = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < BP_FSRS_N_PARAMETERS; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ascii_dtostr (number, sizeof number, parameters->w[i]));
    }
  return g_string_free (text, FALSE);
}

gboolean
bp_fsrs_retention_check (double   retention,
                         GError **error)
{
  if (isfinite (retention) && retention >= BP_FSRS_RETENTION_MIN - 1e-9 &&
      retention <= BP_FSRS_RETENTION_MAX + 1e-9)
    return TRUE;

  g_set_error (error, BP_FSRS_ERROR, BP_FSRS_ERROR_RETENTION,
               _("The desired retention must be between %.0f %% and %.0f %%."),
               BP_FSRS_RETENTION_MIN * 100, BP_FSRS_RETENTION_MAX * 100);
  return FALSE;
}

/* F in R(t, S) = (1 + F·t/S)^(−decay): chosen so that R(S, S) = 90 %. */
static double
curve_factor (double decay)
{
  return pow (0.9, -1.0 / decay) - 1.0;
}

/* The probability of recalling a question @elapsed_days after its last review. */
double
bp_fsrs_retrievability_for_decay (double decay,
                                  double elapsed_days,
                                  double stability)
{
  return pow (1.0 + curve_factor (decay) * MAX (elapsed_days, 0.0) / stability, -decay);
}

double
bp_fsrs_retrievability (const BpFsrsParameters *parameters,
                        double                  elapsed_days,
                        double                  stability)
{
  return bp_fsrs_retrievability_for_decay (parameters->w[20], elapsed_days, stability);
}

/* The days until recall falls to @retention, unrounded and unbounded, as the reference's. */
double
bp_fsrs_interval_exact (const BpFsrsParameters *parameters,
                        double                  stability,
                        double                  retention)
{
  double decay = parameters->w[20];

  return stability / curve_factor (decay) * (pow (retention, -1.0 / decay) - 1.0);
}

/* The interval to schedule: whole days, at least one, at most a hundred years. */
guint
bp_fsrs_interval (const BpFsrsParameters *parameters,
                  double                  stability,
                  double                  retention)
{
  double days = round (bp_fsrs_interval_exact (parameters, stability, retention));

  if (!(days >= 1.0))
    return 1;
  return days > BP_FSRS_INTERVAL_MAX ? BP_FSRS_INTERVAL_MAX : (guint)days;
}

static double
initial_difficulty (const double *w,
                    BpGrade       grade)
{
  return w[4] - exp (w[5] * (grade - 1)) + 1.0;
}

BpMemoryState
bp_fsrs_initial_state (const BpFsrsParameters *parameters,
                       BpGrade                 grade)
{
  const double *w = parameters->w;

  g_return_val_if_fail (BP_GRADE_IS_VALID (grade), ((BpMemoryState){ 0, 0 }));

  return (BpMemoryState) {
    .stability = CLAMP (w[grade - 1], BP_FSRS_STABILITY_MIN, BP_FSRS_STABILITY_MAX),
    .difficulty = CLAMP (initial_difficulty (w, grade), BP_FSRS_DIFFICULTY_MIN,
                         BP_FSRS_DIFFICULTY_MAX),
  };
}

/* Easier grades lower the difficulty, less so the lower it already is; then it drifts back
 * towards the difficulty of a first Easy (unclamped), so no question stays hard for ever. */
static double
next_difficulty (const double *w,
                 double        d,
                 BpGrade       grade)
{
  double delta = -w[6] * (grade - 3.0);
  double damped = d + delta * (10.0 - d) / 9.0;
  double reverted = w[7] * initial_difficulty (w, BP_GRADE_EASY) + (1.0 - w[7]) * damped;

  return CLAMP (reverted, BP_FSRS_DIFFICULTY_MIN, BP_FSRS_DIFFICULTY_MAX);
}

static double
stability_after_success (const double *w,
                         double        s,
                         double        d,
                         double        r,
                         BpGrade       grade)
{
  double hard_penalty = grade == BP_GRADE_HARD ? w[15] : 1.0;
  double easy_bonus = grade == BP_GRADE_EASY ? w[16] : 1.0;

  return s * (1.0 + exp (w[8]) * (11.0 - d) * pow (s, -w[9]) * (exp (w[10] * (1.0 - r)) - 1.0)
              * hard_penalty * easy_bonus);
}

/* A lapse never leaves the question more stable than a same-day Again would. */
static double
stability_after_failure (const double *w,
                         double        s,
                         double        d,
                         double        r)
{
  double long_term = w[11] * pow (d, -w[12]) * (pow (s + 1.0, w[13]) - 1.0)
                     * exp (w[14] * (1.0 - r));
  double short_term_ceiling = s / exp (w[17] * w[18]);

  return MIN (long_term, short_term_ceiling);
}

/* A review on the same day: retrievability is near 1 and tells little. A pass never
 * lowers stability. */
static double
stability_short_term (const double *w,
                      double        s,
                      BpGrade       grade)
{
  double growth = exp (w[17] * (grade - 3.0 + w[18])) * pow (s, -w[19]);

  if (grade >= BP_GRADE_HARD)
    growth = MAX (growth, 1.0);
  return s * growth;
}

/**
 * bp_fsrs_next_state:
 * @state: (nullable): the question's memory before this review; %NULL for a new question
 * @elapsed_days: whole days since the previous review (0: the same day)
 *
 * Returns: the memory after a review graded @grade
 */
BpMemoryState
bp_fsrs_next_state (const BpFsrsParameters *parameters,
                    const BpMemoryState    *state,
                    guint                   elapsed_days,
                    BpGrade                 grade)
{
  const double *w = parameters->w;
  double s, d, r, next_s;

  g_return_val_if_fail (BP_GRADE_IS_VALID (grade), state ? *state : ((BpMemoryState){ 0, 0 }));

  if (state == NULL || state->stability <= 0.0)
    return bp_fsrs_initial_state (parameters, grade);

  s = CLAMP (state->stability, BP_FSRS_STABILITY_MIN, BP_FSRS_STABILITY_MAX);
  d = CLAMP (state->difficulty, BP_FSRS_DIFFICULTY_MIN, BP_FSRS_DIFFICULTY_MAX);
  r = bp_fsrs_retrievability (parameters, elapsed_days, s);

  if (elapsed_days == 0)
    next_s = stability_short_term (w, s, grade);
  else if (grade == BP_GRADE_AGAIN)
    next_s = stability_after_failure (w, s, d, r);
  else
    next_s = stability_after_success (w, s, d, r, grade);

  return (BpMemoryState) {
    .stability = CLAMP (next_s, BP_FSRS_STABILITY_MIN, BP_FSRS_STABILITY_MAX),
    .difficulty = next_difficulty (w, d, grade),
  };
}
