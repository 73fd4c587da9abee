/* bench-floor.c: the floor of the stack, a bare libadwaita window whose one web view shows one static page
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <webkit/webkit.h>

#include "bench-floor-window.h"
#include "bp-renderer.h"
#include "bp-startup-trace.h"

/* What the app would do at the least: register on the session bus as a single instance,
 * open a window of the app's default size and load a page it already holds. The page is
 * given on the command line; the start-up benchmark passes the app's own first page.
 * With --scheme, the page comes through a URI scheme, as the app serves its pages. With
 * --window, the web view sits in a window drawn like the app's (bench-floor-window.c); the
 * file given holds the deck's title on its first line and a question's title on each next. */
#define FLOOR_APP_ID "io.github.backprop.Backprop.BenchFloor"
#define FLOOR_SCHEME "bench-floor"
#define WINDOW_WIDTH 960
#define WINDOW_HEIGHT 680

static char *page_html;
static gboolean use_scheme;
static char **window_lines;

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
  if (window_lines != NULL)
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                        bench_floor_window_new (web_view, window_lines[0],
                                                                (const char *const *)window_lines + 1));
  else
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
  g_autoptr(GOptionContext) context = g_option_context_new ("PAGE.html");
  g_autoptr(GError) error = NULL;
  g_autofree char *window_file = NULL;
  g_autofree char *window_text = NULL;
  const GOptionEntry options[] = {
    { "scheme", 0, 0, G_OPTION_ARG_NONE, &use_scheme, "Serve the page through a URI scheme", NULL },
    { "window", 0, 0, G_OPTION_ARG_FILENAME, &window_file, "Draw a window like the app's, of these titles", "TITLES" },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: %s [--scheme] [--window=TITLES] PAGE.html\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[1], &page_html, NULL, &error) ||
      (window_file != NULL && !g_file_get_contents (window_file, &window_text, NULL, &error)))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }
  if (window_text != NULL)
    window_lines = g_strsplit (g_strchomp (window_text), "\n", -1);
  if (window_lines != NULL && window_lines[0] == NULL)
    {
      g_printerr ("%s: %s holds no deck title\n", argv[0], window_file);
      return 1;
    }

  application = adw_application_new (FLOOR_APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (application), 1, argv);
  g_free (page_html);
  g_strfreev (window_lines);

  return status;
}
