/* bp-workers.c: the app's work in threads, counted, so the process never exits under it
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-workers"

#include "config.h"

#include "bp-workers.h"

/* A GTask whose callback never runs (the main loop has stopped) still runs its thread:
 * a deck parsed, an index built, an image read. Were the process to exit meanwhile, the
 * libraries' exit handlers (libxml2 frees its parser's state, GResources unregister) would
 * pull the data from under it and it would crash on the way out. main() waits for them. */

static GMutex lock;
static GCond idle;
static guint n_running;

static GQuark
worker_func_quark (void)
{
  return g_quark_from_static_string ("bp-workers-func");
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GTaskThreadFunc func = g_object_get_qdata (G_OBJECT (task), worker_func_quark ());

  func (task, source_object, task_data, cancellable);

  g_mutex_lock (&lock);
  if (--n_running == 0)
    g_cond_broadcast (&idle);
  g_mutex_unlock (&lock);
}

/**
 * bp_workers_run_in_thread:
 *
 * g_task_run_in_thread(), counted from now until @func returns.
 */
void
bp_workers_run_in_thread (GTask           *task,
                          GTaskThreadFunc  func)
{
  g_return_if_fail (G_IS_TASK (task) && func != NULL);

  g_mutex_lock (&lock);
  n_running++;
  g_mutex_unlock (&lock);
  g_object_set_qdata (G_OBJECT (task), worker_func_quark (), func);
  g_task_run_in_thread (task, run_worker);
}

/* How many are queued or running. */
guint
bp_workers_get_n_running (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_running;
  g_mutex_unlock (&lock);

  return n;
}

/**
 * bp_workers_wait:
 * @timeout_us: how long to wait at most
 *
 * Waits until no worker is queued or running.
 *
 * Returns: %TRUE if none is, %FALSE if some still were after @timeout_us
 */
gboolean
bp_workers_wait (gint64 timeout_us)
{
  gint64 end = g_get_monotonic_time () + timeout_us;
  gboolean done = TRUE;

  g_mutex_lock (&lock);
  while (n_running > 0 && done)
    done = g_cond_wait_until (&idle, &lock, end);
  done = n_running == 0;
  g_mutex_unlock (&lock);

  return done;
}
