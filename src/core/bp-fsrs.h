/* bp-fsrs.h: FSRS-6, the memory model that schedules reviews: pure functions in double precision
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BP_FSRS_N_PARAMETERS 21

/* Bounds of the model, as the reference implementation keeps them. */
#define BP_FSRS_STABILITY_MIN 0.001
#define BP_FSRS_STABILITY_MAX 36500.0
#define BP_FSRS_DIFFICULTY_MIN 1.0
#define BP_FSRS_DIFFICULTY_MAX 10.0
#define BP_FSRS_INTERVAL_MAX 36500

#define BP_FSRS_RETENTION_DEFAULT 0.90
#define BP_FSRS_RETENTION_MIN 0.70
#define BP_FSRS_RETENTION_MAX 0.97

#define BP_FSRS_ERROR (bp_fsrs_error_quark ())

typedef enum {
  BP_FSRS_ERROR_PARAMETERS,
  BP_FSRS_ERROR_RETENTION,
} BpFsrsError;

typedef enum {
  BP_GRADE_AGAIN = 1,
  BP_GRADE_HARD  = 2,
  BP_GRADE_GOOD  = 3,
  BP_GRADE_EASY  = 4,
} BpGrade;

#define BP_GRADE_IS_VALID(g) ((g) >= BP_GRADE_AGAIN && (g) <= BP_GRADE_EASY)

/* A question's memory: stability in days (the interval after which recall falls to 90 %) and
 * difficulty, 1 to 10. */
typedef struct
{
  double stability;
  double difficulty;
} BpMemoryState;

typedef struct
{
  double w[BP_FSRS_N_PARAMETERS];
} BpFsrsParameters;

GQuark                  bp_fsrs_error_quark          (void);

const BpFsrsParameters *bp_fsrs_default_parameters   (void);
gboolean                bp_fsrs_parameters_init      (BpFsrsParameters       *parameters,
                                                      const double           *values,
                                                      gsize                   n_values,
                                                      GError                **error);
gboolean                bp_fsrs_parameters_parse     (BpFsrsParameters       *parameters,
                                                      const char             *text,
                                                      GError                **error);
char                   *bp_fsrs_parameters_to_string (const BpFsrsParameters *parameters);
gboolean                bp_fsrs_retention_check      (double                  retention,
                                                      GError                **error);

double                  bp_fsrs_retrievability       (const BpFsrsParameters *parameters,
                                                      double                  elapsed_days,
                                                      double                  stability);
double                  bp_fsrs_retrievability_for_decay (double              decay,
                                                      double                  elapsed_days,
                                                      double                  stability);
double                  bp_fsrs_interval_exact       (const BpFsrsParameters *parameters,
                                                      double                  stability,
                                                      double                  retention);
guint                   bp_fsrs_interval             (const BpFsrsParameters *parameters,
                                                      double                  stability,
                                                      double                  retention);

BpMemoryState           bp_fsrs_initial_state        (const BpFsrsParameters *parameters,
                                                      BpGrade                 grade);
BpMemoryState           bp_fsrs_next_state           (const BpFsrsParameters *parameters,
                                                      const BpMemoryState    *state,
                                                      guint                   elapsed_days,
                                                      BpGrade                 grade);

G_END_DECLS
