/* bench-floor.c: the floor of the stack, a bare libadwaita window whose one web view shows one static page
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <webkit/webkit.h>

#include "bp-renderer.h"
#include "bp-startup-trace.h"

/* What the app would do at the least: register on the session bus as a single instance,
 * open a window of the app's default size and load a page it already holds. The page is
 * given on the command line; the start-up benchmark passes the app's own first page.
 * With --scheme, the page comes through a URI scheme, as the app serves its pages. */
#define FLOOR_APP_ID "io.github.backprop.Backprop.BenchFloor"
#define FLOOR_SCHEME "bench-floor"
#define WINDOW_WIDTH 960
#define WINDOW_HEIGHT 680

static char *page_html;
static gboolean use_scheme;

static void
scheme_request_cb (WebKitURISchemeRequest *request,
                   gpointer                user_data)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (page_html, strlen (page_html), NULL);

  webkit_uri_scheme_request_finish (request, stream, strlen (page_html), "text/html");
}

/* As the app does, before any window is realized: the stack at its best on this machine. */
static void
startup_cb (GApplication *application)
{
  bp_renderer_choose (gdk_display_get_default ());
}

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *web_view = webkit_web_view_new ();

  bp_renderer_configure_web_view (WEBKIT_WEB_VIEW (web_view));
  bp_startup_trace_watch (WEBKIT_WEB_VIEW (web_view));
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), web_view);
  if (use_scheme)
    {
      webkit_web_context_register_uri_scheme (webkit_web_view_get_context (WEBKIT_WEB_VIEW (web_view)),
                                              FLOOR_SCHEME, scheme_request_cb, NULL, NULL);
      webkit_web_view_load_uri (WEBKIT_WEB_VIEW (web_view), FLOOR_SCHEME "://page");
    }
  else
    {
      webkit_web_view_load_html (WEBKIT_WEB_VIEW (web_view), page_html, NULL);
    }
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  use_scheme = argc == 3 && g_str_equal (argv[1], "--scheme");
  if (argc != 2 + use_scheme)
    {
      g_printerr ("usage: %s [--scheme] PAGE.html\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[argc - 1], &page_html, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }

  application = adw_application_new (FLOOR_APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (application), 1, argv);
  g_free (page_html);

  return status;
}
