/* bp-startup-trace.c: with BACKPROP_TRACE_STARTUP=1, tells the benchmarks when the first page is on screen
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-startup-trace"

#include "config.h"

#include "bp-page-uri.h"
#include "bp-startup-trace.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Read by tests/bench only: nothing changes for anyone who does not set it. The line
 * goes to stderr, once per process, and carries g_get_monotonic_time () (CLOCK_MONOTONIC,
 * in microseconds) so the harness can subtract the moment it started the process. The
 * floor program of the benchmarks compiles this same file, so both are timed alike.
 * On X11 a second line, "web-view-area <window> <x> <y> <width> <height>", says where the
 * web view is in its window's X surface, so that a harness reading the screen looks at
 * the page only and not at a header bar or a sidebar drawn earlier. */
#define TRACE_VARIABLE "BACKPROP_TRACE_STARTUP"

/* Printed at the end of the first frame the view is in, and again with the painted mark
 * in case the window's layout moved it since. */
static void
print_area (GtkWidget *web_view)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (web_view);
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  graphene_rect_t bounds;
  double surface_x, surface_y;

  if (surface == NULL || !GDK_IS_X11_SURFACE (surface) ||
      !gtk_widget_compute_bounds (web_view, GTK_WIDGET (native), &bounds))
    return;

  /* Widget coordinates of the native start after its client-side shadow, if any. */
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  g_printerr ("backprop-trace: web-view-area %lu %d %d %d %d\n",
              (gulong)gdk_x11_surface_get_xid (surface),
              (int)(bounds.origin.x + surface_x), (int)(bounds.origin.y + surface_y),
              (int)bounds.size.width, (int)bounds.size.height);
#endif
}

static void
area_after_paint_cb (GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (frame_clock, area_after_paint_cb, user_data);
  print_area (user_data);
}

static gboolean
mapped_frame_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (area_after_paint_cb), widget);
  return G_SOURCE_REMOVE;
}

static void
map_cb (GtkWidget *web_view)
{
  g_signal_handlers_disconnect_by_func (web_view, map_cb, NULL);
  gtk_widget_add_tick_callback (web_view, mapped_frame_cb, NULL, NULL);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, user_data);
  print_area (user_data);
  g_printerr ("backprop-trace: first-page-painted %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
}

/* The first frame that starts after the load finished: the page is painted at its end. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), widget);
  return G_SOURCE_REMOVE;
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  load_event,
                 gpointer         user_data)
{
  /* The blank page a prepared view starts with (bp_answer_view_prepare ()) is no page. */
  if (load_event != WEBKIT_LOAD_FINISHED ||
      g_strcmp0 (webkit_web_view_get_uri (web_view), BP_PAGE_BLANK_URI) == 0)
    return;

  g_signal_handlers_disconnect_by_func (web_view, load_changed_cb, user_data);
  gtk_widget_add_tick_callback (GTK_WIDGET (web_view), first_frame_cb, NULL, NULL);
}

/**
 * bp_startup_trace_watch:
 *
 * When %BACKPROP_TRACE_STARTUP is "1", prints "backprop-trace: first-page-painted <µs>"
 * after the first page @web_view finishes loading has been drawn. Only the first view
 * of a process is watched. On X11 it also prints where the view is in its window,
 * "backprop-trace: web-view-area <xid> <x> <y> <width> <height>", once it is first drawn
 * and again just before the painted mark.
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
  g_signal_connect (web_view, "map", G_CALLBACK (map_cb), NULL);
}
