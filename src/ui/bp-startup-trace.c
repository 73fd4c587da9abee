/* bp-startup-trace.c: with BACKPROP_TRACE_STARTUP=1, tells the benchmarks when the first page is on screen
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-startup-trace"

#include "config.h"

#include "bp-startup-trace.h"

/* Read by tests/bench only: nothing changes for anyone who does not set it. The line
 * goes to stderr, once per process, and carries g_get_monotonic_time () (CLOCK_MONOTONIC,
 * in microseconds) so the harness can subtract the moment it started the process. The
 * floor program of the benchmarks compiles this same file, so both are timed alike. */
#define TRACE_VARIABLE "BACKPROP_TRACE_STARTUP"

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, user_data);
  g_printerr ("backprop-trace: first-page-painted %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
}

/* The first frame that starts after the load finished: the page is painted at its end. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  return G_SOURCE_REMOVE;
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  load_event,
                 gpointer         user_data)
{
  if (load_event != WEBKIT_LOAD_FINISHED)
    return;

  g_signal_handlers_disconnect_by_func (web_view, load_changed_cb, user_data);
  gtk_widget_add_tick_callback (GTK_WIDGET (web_view), first_frame_cb, NULL, NULL);
}

/**
 * bp_startup_trace_watch:
 *
 * When %BACKPROP_TRACE_STARTUP is "1", prints "backprop-trace: first-page-painted <µs>"
 * after the first page @web_view finishes loading has been drawn. Only the first view
 * of a process is watched.
 */
void
bp_startup_trace_watch (WebKitWebView *web_view)
{
  static gboolean watching;

  g_return_if_fail (WEBKIT_IS_WEB_VIEW (web_view));

  if (watching || g_strcmp0 (g_getenv (TRACE_VARIABLE), "1") != 0)
    return;

  watching = TRUE;
  g_signal_connect (web_view, "load-changed", G_CALLBACK (load_changed_cb), NULL);
}
