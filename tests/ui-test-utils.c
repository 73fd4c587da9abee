/* ui-test-utils.c: waiting on the main loop, reading pages, typing keys and opening windows
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "bp-answer-view-private.h"
#include "bp-window-private.h"
#include "bp-workers.h"
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
  WebKitWebView *web_view;
  const char *uri;
} PageWait;

static gboolean
page_loaded_at (gpointer data)
{
  PageWait *wait = data;

  return page_loaded (wait->web_view) &&
         g_strcmp0 (webkit_web_view_get_uri (wait->web_view), wait->uri) == 0;
}

/* Runs the main loop until @web_view has loaded the page at @uri. */
void
wait_for_uri (WebKitWebView *web_view,
              const char    *uri)
{
  PageWait wait = { web_view, uri };

  spin_until (page_loaded_at, &wait, uri);
}

typedef struct
{
  char *result;
  GError *error;
  gboolean done;
} Evaluation;

static void
evaluated_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Evaluation *evaluation = user_data;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object),
                                                                           result, &evaluation->error);

  if (value != NULL)
    evaluation->result = jsc_value_to_string (value);
  evaluation->done = TRUE;
}

static gboolean
evaluation_done (gpointer data)
{
  return ((Evaluation *)data)->done;
}

static char *
run_script (WebKitWebView  *web_view,
            const char     *script,
            GError        **error)
{
  Evaluation evaluation = { NULL, NULL, FALSE };

  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL,
                                       evaluated_cb, &evaluation);
  spin_until (evaluation_done, &evaluation, script);

  if (evaluation.error != NULL)
    g_propagate_error (error, evaluation.error);
  return evaluation.result;
}

/* Reads the page itself, as the web process sees it; the script must succeed. */
char *
evaluate (WebKitWebView *web_view,
          const char    *script)
{
  g_autoptr(GError) error = NULL;
  char *result = run_script (web_view, script, &error);

  g_assert_no_error (error);
  return result;
}

/* The same for a condition polled while the page changes (a new page, new notes): a
 * script the web process could not answer this time gives NULL, and the poll goes on. */
char *
try_evaluate (WebKitWebView *web_view,
              const char    *script)
{
  g_autoptr(GError) error = NULL;
  char *result = run_script (web_view, script, &error);

  if (error != NULL)
    g_test_message ("not answered yet (%s): %s", error->message, script);
  return result;
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

/* The page handler of answer views made without the app: one per program, on the default
 * web context, as the app's; tests add and remove their decks. */
BpPageHandler *
shared_page_handler (void)
{
  static BpPageHandler *handler;

  if (handler == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BpPageRenderer) renderer = bp_page_renderer_new_from_resources (&error);

      g_assert_no_error (error);
      handler = bp_page_handler_new (renderer);
      bp_page_handler_register (handler, webkit_web_context_get_default ());
    }

  return handler;
}

/* g_test_init, then the one application a program's tests share, registered as the app is. */
BpApplication *
init_app_tests (int    *argc,
                char ***argv)
{
  g_autoptr(BpApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  g_test_init (argc, argv, NULL);

  app = bp_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&app);
}

/* Runs the tests, then drops the application: what main returns. */
int
run_app_tests (BpApplication **app)
{
  int status = g_test_run ();

  g_clear_object (app);
  /* As main() does: no worker may be left running under the exit handlers. */
  g_assert_true (bp_workers_wait (30 * G_USEC_PER_SEC));
  return status;
}

/* Presents @window, at @width × @height unless they are 0, and waits until it has its size. */
void
present_window (GtkWindow *window,
                int        width,
                int        height)
{
  if (width > 0 && height > 0)
    gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  spin_until (is_allocated, window, "the window to map and get its size");
}

static BpDeck *
app_deck (BpApplication *app)
{
  g_autoptr(GError) error = NULL;
  BpDeck *deck = bp_application_get_deck (app, &error);

  g_assert_no_error (error);
  return deck;
}

/* A main window, as the app opens one; a 0 size keeps the one restored from the settings. */
BpWindow *
open_window (BpApplication *app,
             int            width,
             int            height)
{
  BpWindow *window = bp_window_new (app, app_deck (app));

  present_window (GTK_WINDOW (window), width, height);
  return window;
}

/* A main window that reads and writes @store rather than the app's own. */
BpWindow *
open_window_with_store (BpApplication *app,
                        BpStudyStore  *store,
                        int            width,
                        int            height)
{
  BpWindow *window = g_object_new (BP_TYPE_WINDOW,
                                   "application", app,
                                   "deck", app_deck (app),
                                   "store", store,
                                   NULL);

  present_window (GTK_WINDOW (window), width, height);
  return window;
}

/* Closes @window as its close button does, saving what it saves on the way. */
void
close_window (BpWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  g_main_context_iteration (NULL, FALSE);
}

/* The question numbered @number in @window's deck, which must have it. */
BpQuestion *
question_number (BpWindow *window,
                 guint     number)
{
  BpQuestion *question = bp_deck_find_by_number (bp_window_get_deck (window), number);

  g_assert_nonnull (question);
  return question;
}

/* The web view that shows @window's answers. */
WebKitWebView *
window_web_view (BpWindow *window)
{
  return bp_answer_view_get_web_view (window->answer_view);
}

typedef struct
{
  BpWindow *window;
  BpQuestion *question;
} Showing;

static gboolean
shows (gpointer data)
{
  Showing *showing = data;

  return bp_window_get_question (showing->window) == showing->question;
}

/* Runs the main loop until @window has question @number open, as after a key press. */
void
wait_for_question (BpWindow *window,
                   guint     number)
{
  Showing showing = { window, question_number (window, number) };

  g_test_message ("waiting for question %u, at %u", number,
                  bp_question_get_number (bp_window_get_question (window)));
  spin_until (shows, &showing, "the question to change");
}

/* Runs the main loop until @window's answer view has loaded @question's page. */
void
wait_for_page (BpWindow   *window,
               BpQuestion *question)
{
  g_autofree char *uri = bp_page_handler_dup_uri_for_question (question);

  wait_for_uri (window_web_view (window), uri);
}

/* The notes pane is on screen, tall enough to type in. */
gboolean
notes_pane_shown (gpointer data)
{
  BpWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window->notes_pane)) &&
         gtk_widget_get_height (GTK_WIDGET (window->notes_pane)) >= 100;
}

gboolean
notes_stored_are (gpointer data)
{
  NotesExpected *expected = data;
  g_autofree char *notes = bp_study_store_dup_notes (expected->store, expected->id);

  return g_strcmp0 (notes, expected->expected) == 0;
}
