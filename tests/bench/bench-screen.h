/* bench-screen.h: what reaches the screen, sampled from outside the program with XShm
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BenchScreen BenchScreen;

/* Times on CLOCK_MONOTONIC, as bench_now_ms (); 0 for what was never seen. */
typedef struct
{
  double first_content_ms;
  double complete_ms;
} BenchScreenTimes;

/* Called between samples with the time left until the next one: read a pipe, say. */
typedef void (*BenchScreenIdleFunc) (int      wait_ms,
                                     gpointer user_data);

BenchScreen *bench_screen_open       (GError              **error);
void         bench_screen_free       (BenchScreen          *screen);
void         bench_screen_set_area   (BenchScreen          *screen,
                                      gulong                window,
                                      int                   x,
                                      int                   y,
                                      int                   width,
                                      int                   height);
void         bench_screen_guess_area (BenchScreen          *screen);
gboolean     bench_screen_watch      (BenchScreen          *screen,
                                      int                   timeout_ms,
                                      BenchScreenIdleFunc   idle,
                                      gpointer              user_data,
                                      BenchScreenTimes     *times);
gboolean     bench_screen_wait_change (BenchScreen         *screen,
                                       int                  timeout_ms,
                                       BenchScreenIdleFunc  idle,
                                       gpointer             user_data,
                                       BenchScreenTimes    *times);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchScreen, bench_screen_free)

G_END_DECLS
