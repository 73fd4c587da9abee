/* bench-utils.h: statistics, memory readings and result lines shared by the benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

double  bench_now_ms             (void);
double  bench_percentile         (GArray     *samples,
                                  double      percentile);
double  bench_median             (GArray     *samples);
void    bench_ratio_interval     (GArray     *numerator,
                                  GArray     *denominator,
                                  double     *low,
                                  double     *high);
gint64  bench_read_status_kib    (pid_t       pid,
                                  const char *field);
gint64  bench_read_pss_kib       (pid_t       pid);
GArray *bench_list_descendants   (pid_t       pid);
char   *bench_read_process_name  (pid_t       pid);
double  bench_read_cpu_ms        (pid_t       pid);
void    bench_figure             (const char *name,
                                  double      value,
                                  const char *unit,
                                  const char *target);

G_END_DECLS
