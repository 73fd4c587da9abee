/* bench-screen-check.c: the screen harness checked against a client that draws at a known time
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <X11/Xlib.h>

#include "bench-screen.h"
#include "bench-utils.h"

/* The client maps a white window the size of the app's with only a frame drawn (grey
 * lines from edge to edge where a header bar ends and at the bottom, as an empty window
 * has), and DRAW_AFTER_MS later fills lines of "text" over a tenth of it, and prints two
 * CLOCK_MONOTONIC times: before it sent the drawing, and once the X server had drawn it
 * (XSync returned). The harness must see the content within MAX_ERROR_MS of that
 * interval, not the frame before it, and the window still from then on. */
#define RUNS 10
#define DRAW_AFTER_MS 400
#define MAX_ERROR_MS 10
#define WINDOW_WIDTH 960
#define WINDOW_HEIGHT 680
#define FRAME_TOP 52
#define FRAME_LINE 6

static int
run_client (void)
{
  Display *display = XOpenDisplay (NULL);
  int screen;
  Window window;
  GC gc;
  XEvent event;
  double mapped_ms, sent_ms;

  if (display == NULL)
    g_error ("The client could not open the display");
  screen = DefaultScreen (display);
  window = XCreateSimpleWindow (display, RootWindow (display, screen), 0, 0, WINDOW_WIDTH, WINDOW_HEIGHT,
                                0, BlackPixel (display, screen), WhitePixel (display, screen));
  gc = XCreateGC (display, window, 0, NULL);
  XSelectInput (display, window, ExposureMask);
  XMapWindow (display, window);
  XWindowEvent (display, window, ExposureMask, &event);
  mapped_ms = bench_now_ms ();

  /* The frame: more than 1 % of the content area, which is not content. */
  XSetForeground (display, gc, 0xd0d0d0);
  XFillRectangle (display, window, gc, 0, FRAME_TOP, WINDOW_WIDTH, FRAME_LINE);
  XFillRectangle (display, window, gc, 0, WINDOW_HEIGHT - FRAME_LINE, WINDOW_WIDTH, FRAME_LINE);
  XSync (display, False);
  XSetForeground (display, gc, BlackPixel (display, screen));

  g_usleep ((DRAW_AFTER_MS - (bench_now_ms () - mapped_ms)) * 1000);
  sent_ms = bench_now_ms ();
  for (int y = 80; y < WINDOW_HEIGHT - 40; y += 24)
    XFillRectangle (display, window, gc, 40, y, WINDOW_WIDTH - 80, 3);
  XSync (display, False);
  g_print ("%.3f %.3f\n", sent_ms, bench_now_ms ());
  fflush (stdout);

  g_usleep (3 * G_USEC_PER_SEC);
  XCloseDisplay (display);
  return EXIT_SUCCESS;
}

static double
check_once (BenchScreen *screen,
            const char  *self)
{
  const char *argv[] = { self, "--client", NULL };
  g_autoptr(GError) error = NULL;
  BenchScreenTimes times;
  GPid pid;
  int out_fd, status;
  char buffer[64] = { 0 };
  double sent_ms, drawn_ms;
  char *end;
  ssize_t n;

  if (!g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                 NULL, &out_fd, NULL, &error))
    g_error ("Could not start the client: %s", error->message);

  if (!bench_screen_watch (screen, 10000, NULL, NULL, &times))
    g_error ("The harness never saw the client's window still");

  n = read (out_fd, buffer, sizeof buffer - 1);
  close (out_fd);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  if (n <= 0)
    g_error ("The client said nothing");

  sent_ms = g_ascii_strtod (buffer, &end);
  drawn_ms = g_ascii_strtod (end, NULL);
  g_print ("client drew between %+.1f and %+.1f ms; ", sent_ms - times.first_content_ms,
           drawn_ms - times.first_content_ms);
  if (times.first_content_ms < sent_ms)
    return times.first_content_ms - sent_ms;

  return MAX (times.first_content_ms - drawn_ms, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BenchScreen) screen = NULL;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (double));
  double worst = 0;

  if (argc == 2 && g_str_equal (argv[1], "--client"))
    return run_client ();

  screen = bench_screen_open (&error);
  if (screen == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  for (int run = 0; run < RUNS; run++)
    {
      double late_ms = check_once (screen, argv[0]);

      g_print ("the harness saw it %+.1f ms from then\n", late_ms);
      g_array_append_val (errors, late_ms);
      worst = MAX (worst, ABS (late_ms));
    }

  g_print ("the screen harness against a client drawing at a known time: median %+.1f ms, worst %.1f ms\n",
           bench_median (errors), worst);
  bench_figure ("screen.self-check.worst-error", worst, "ms", "<= 10");

  return worst <= MAX_ERROR_MS ? EXIT_SUCCESS : EXIT_FAILURE;
}
