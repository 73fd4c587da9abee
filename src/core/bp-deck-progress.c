/* bp-deck-progress.c: how far a deck's parse has got, written by its thread, read by another
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-progress"

#include "config.h"

#include "bp-deck-progress.h"

/* In ten-thousandths: an int is read and written atomically, a double is not. A reader
 * polls it as often as it draws, so the parse never floods another thread's main loop. */
#define STEPS 10000

struct _BpDeckProgress
{
  gatomicrefcount ref_count;
  int steps;
  BpDeckProgressFunc func;
  gpointer user_data;
};

/**
 * bp_deck_progress_new:
 * @func: (nullable): told of each advance, in the parsing thread
 *
 * Returns: (transfer full): a progress at 0
 */
BpDeckProgress *
bp_deck_progress_new (BpDeckProgressFunc func,
                      gpointer           user_data)
{
  BpDeckProgress *self = g_new0 (BpDeckProgress, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->func = func;
  self->user_data = user_data;
  return self;
}

BpDeckProgress *
bp_deck_progress_ref (BpDeckProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bp_deck_progress_unref (BpDeckProgress *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

/**
 * bp_deck_progress_advance:
 * @fraction: how much of the parse is done, 0 to 1
 *
 * Never goes back: a deck read twice (a moved file found again) keeps the bar where it was.
 */
void
bp_deck_progress_advance (BpDeckProgress *self,
                          double          fraction)
{
  int steps = (int)(CLAMP (fraction, 0.0, 1.0) * STEPS);
  int old;

  g_return_if_fail (self != NULL);

  do
    {
      old = g_atomic_int_get (&self->steps);
      if (steps <= old)
        return;
    }
  while (!g_atomic_int_compare_and_exchange (&self->steps, old, steps));

  if (self->func != NULL)
    self->func ((double)steps / STEPS, self->user_data);
}

/* Returns: the fraction done, from any thread */
double
bp_deck_progress_get (BpDeckProgress *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return (double)g_atomic_int_get (&self->steps) / STEPS;
}
