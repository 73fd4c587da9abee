/* bench-utils.c: statistics, memory readings and result lines shared by the benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench-utils.h"

/* CLOCK_MONOTONIC, the clock the traced programs print. */
double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Nearest rank on a sorted copy: p95 of 110 samples is the 105th smallest. */
double
bench_percentile (GArray *samples,
                  double  percentile)
{
  g_autoptr(GArray) sorted = NULL;
  guint rank;

  g_return_val_if_fail (samples != NULL && samples->len > 0, NAN);

  sorted = g_array_copy (samples);
  g_array_sort (sorted, compare_doubles);
  rank = (guint)ceil (percentile / 100.0 * sorted->len);
  rank = CLAMP (rank, 1, sorted->len);

  return g_array_index (sorted, double, rank - 1);
}

/* The middle value, or the mean of the two middle ones. */
double
bench_median (GArray *samples)
{
  g_autoptr(GArray) sorted = NULL;
  guint n;

  g_return_val_if_fail (samples != NULL && samples->len > 0, NAN);

  sorted = g_array_copy (samples);
  g_array_sort (sorted, compare_doubles);
  n = sorted->len;

  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);

  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

/* The resamples of a ratio's interval: with 20 runs each, its ends move by less than
 * 1 % from one seed to another. */
#define RESAMPLES 2000

static double
resampled_median (GRand  *rand,
                  GArray *samples,
                  GArray *scratch)
{
  g_array_set_size (scratch, 0);
  for (guint i = 0; i < samples->len; i++)
    {
      guint pick = (guint)g_rand_int_range (rand, 0, (gint32)samples->len);

      g_array_append_val (scratch, g_array_index (samples, double, pick));
    }

  return bench_median (scratch);
}

/**
 * bench_ratio_interval:
 * @numerator: the runs of one program
 * @denominator: the runs of the program it is compared with
 * @low: (out): the lower end
 * @high: (out): the upper end
 *
 * The 95 % confidence interval of median (@numerator) / median (@denominator): the
 * central 95 % of that ratio over sets of runs drawn from each with replacement (a
 * percentile bootstrap). It says whether a ratio near its target is over it or only
 * moved by the launches' noise. The seed is fixed: the same runs give the same interval.
 */
void
bench_ratio_interval (GArray *numerator,
                      GArray *denominator,
                      double *low,
                      double *high)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_sized_new (FALSE, FALSE, sizeof (double), RESAMPLES);

  g_return_if_fail (numerator != NULL && numerator->len > 0);
  g_return_if_fail (denominator != NULL && denominator->len > 0);
  g_return_if_fail (low != NULL && high != NULL);

  for (guint i = 0; i < RESAMPLES; i++)
    {
      double top = resampled_median (rand, numerator, scratch);
      double ratio = top / resampled_median (rand, denominator, scratch);

      g_array_append_val (ratios, ratio);
    }

  *low = bench_percentile (ratios, 2.5);
  *high = bench_percentile (ratios, 97.5);
}

/* A "Field:   123 kB" line of /proc/<pid>/<file>, in KiB, or -1. */
static gint64
read_kib_field (pid_t       pid,
                const char *file,
                const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/%s", (int)pid, file);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize field_length = strlen (field);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, field_length) == 0 && lines[i][field_length] == ':')
      return g_ascii_strtoll (lines[i] + field_length + 1, NULL, 10);

  return -1;
}

/* A field of /proc/<pid>/status (VmHWM, VmRSS…) in KiB; pid 0 is this process. */
gint64
bench_read_status_kib (pid_t       pid,
                       const char *field)
{
  return pid == 0 ? read_kib_field (getpid (), "status", field)
                  : read_kib_field (pid, "status", field);
}

/* The proportional set size: shared pages count for each process as their share. */
gint64
bench_read_pss_kib (pid_t pid)
{
  return read_kib_field (pid, "smaps_rollup", "Pss");
}

/* The parent pid in /proc/<pid>/stat, after the command name (which may hold spaces). */
static pid_t
read_parent (const char *pid_name)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid_name);
  g_autofree char *stat = NULL;
  const char *after_name;
  char state;
  int parent;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return -1;

  after_name = strrchr (stat, ')');
  if (after_name == NULL || sscanf (after_name + 1, " %c %d", &state, &parent) != 2 || state == 'Z')
    return -1;

  return parent;
}

/* Every live process below @pid (children, their children…), found by ppid chains. */
GArray *
bench_list_descendants (pid_t pid)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (pid_t));
  g_autoptr(GHashTable) parents = g_hash_table_new (NULL, NULL);
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  gboolean grew = TRUE;

  g_return_val_if_fail (proc != NULL, found);

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      pid_t parent;

      if (!g_ascii_isdigit (*name) || (parent = read_parent (name)) <= 0)
        continue;
      g_hash_table_insert (parents, GINT_TO_POINTER (atoi (name)), GINT_TO_POINTER (parent));
    }

  /* Until no new process hangs below the set: the tree is a few levels deep. */
  while (grew)
    {
      GHashTableIter iter;
      gpointer child, parent;

      grew = FALSE;
      g_hash_table_iter_init (&iter, parents);
      while (g_hash_table_iter_next (&iter, &child, &parent))
        {
          gboolean below = GPOINTER_TO_INT (parent) == pid;

          for (guint i = 0; !below && i < found->len; i++)
            below = GPOINTER_TO_INT (parent) == g_array_index (found, pid_t, i);

          if (below)
            {
              pid_t descendant = GPOINTER_TO_INT (child);

              g_array_append_val (found, descendant);
              g_hash_table_iter_remove (&iter);
              grew = TRUE;
            }
        }
    }

  return found;
}

/* The short command name of /proc/<pid>/comm ("WebKitWebProces"), or NULL. */
char *
bench_read_process_name (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/comm", (int)pid);
  char *name = NULL;

  if (!g_file_get_contents (path, &name, NULL, NULL))
    return NULL;

  return g_strchomp (name);
}

/* User and system time /proc/<pid>/stat counts for the process, all its threads. */
double
bench_read_cpu_ms (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int)pid);
  g_autofree char *stat = NULL;
  unsigned long user_ticks, system_ticks;
  const char *after_name;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after_name = strrchr (stat, ')')) == NULL ||
      sscanf (after_name + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
              &user_ticks, &system_ticks) != 2)
    return 0;

  return (user_ticks + system_ticks) * 1000.0 / sysconf (_SC_CLK_TCK);
}

/**
 * bench_figure:
 * @target: (nullable): the goal, as "<= 50", or %NULL for a figure shown for reference
 *
 * Prints one result line, "FIGURE <name> <value> <unit> [<op> <goal>]", which
 * build-aux/bench-report.py gathers into the table.
 */
void
bench_figure (const char *name,
              double      value,
              const char *unit,
              const char *target)
{
  g_print ("FIGURE %s %.3f %s%s%s\n", name, value, unit, target ? " " : "", target ? target : "");
}
