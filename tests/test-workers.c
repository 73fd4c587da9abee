/* test-workers.c: work in threads is counted until it ends, so main() can wait for it
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bp-workers.h"

typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean release;
  guint n_done;
} Gate;

static void
blocked_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Gate *gate = task_data;

  g_mutex_lock (&gate->lock);
  while (!gate->release)
    g_cond_wait (&gate->cond, &gate->lock);
  gate->n_done++;
  g_mutex_unlock (&gate->lock);
  g_task_return_boolean (task, TRUE);
}

/* Counted from the moment they are queued, not only once a thread takes them; a wait
 * that runs out says so; one after they end returns at once. */
static void
test_wait (void)
{
  Gate gate = { 0 };

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  g_assert_cmpuint (bp_workers_get_n_running (), ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

      g_task_set_task_data (task, &gate, NULL);
      bp_workers_run_in_thread (task, blocked_thread);
    }
  g_assert_cmpuint (bp_workers_get_n_running (), ==, 3);
  g_assert_false (bp_workers_wait (50 * 1000));
  g_assert_cmpuint (bp_workers_get_n_running (), ==, 3);

  g_mutex_lock (&gate.lock);
  gate.release = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);

  g_assert_true (bp_workers_wait (10 * G_USEC_PER_SEC));
  g_assert_cmpuint (bp_workers_get_n_running (), ==, 0);
  g_assert_cmpuint (gate.n_done, ==, 3);
  g_assert_true (bp_workers_wait (0));

  /* The tasks' own callbacks are for the main loop; none is set here. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workers/wait", test_wait);

  return g_test_run ();
}
