/* ui-test-utils.c: waiting on the main loop, reading pages and typing keys in UI tests
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "ui-test-utils.h"

#define TIMEOUT_SECONDS 20

static gboolean
timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @predicate holds; fails the test after TIMEOUT_SECONDS. */
void
spin_until (Predicate    predicate,
            gpointer     data,
            const char  *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (TIMEOUT_SECONDS, timed_out_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);

  g_source_remove (timeout_id);
}

gboolean
page_loaded (gpointer data)
{
  WebKitWebView *web_view = data;

  return !webkit_web_view_is_loading (web_view) &&
         webkit_web_view_get_uri (web_view) != NULL &&
         g_str_has_prefix (webkit_web_view_get_uri (web_view), "backprop:") &&
         webkit_web_view_get_title (web_view) != NULL;
}

typedef struct
{
  char *result;
  gboolean done;
} Evaluation;

static void
evaluated_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Evaluation *evaluation = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object),
                                                                           result, &error);

  g_assert_no_error (error);
  evaluation->result = jsc_value_to_string (value);
  evaluation->done = TRUE;
}

static gboolean
evaluation_done (gpointer data)
{
  return ((Evaluation *)data)->done;
}

/* Reads the page itself, as the web process sees it. */
char *
evaluate (WebKitWebView *web_view,
          const char    *script)
{
  Evaluation evaluation = { NULL, FALSE };

  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL,
                                       evaluated_cb, &evaluation);
  spin_until (evaluation_done, &evaluation, script);

  return evaluation.result;
}

gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* Real key presses through the X server (XTEST), as a user types them, into @window. */
void
press_keys (GtkWindow  *window,
            const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  command = g_strdup_printf ("xdotool windowfocus --sync %lu key --delay 50 %s",
                             (unsigned long)gdk_x11_surface_get_xid (surface), keys);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("pressed %s", keys);
}


static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* Lets the app and its web process run for a while, for things that must NOT happen. */
void
spin_for_ms (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_true_cb, &done);
  spin_until (is_true, &done, "a pause");
}
