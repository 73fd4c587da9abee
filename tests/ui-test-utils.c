/* ui-test-utils.c: waiting on the main loop, reading pages, typing keys, seeding data, opening windows and studying
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "bp-answer-view-private.h"
#include "bp-preferences-window.h"
#include "bp-review-format.h"
#include "bp-sidebar-private.h"
#include "bp-study-view-private.h"
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
} WindowShowing;

static gboolean
shows (gpointer data)
{
  WindowShowing *showing = data;

  return bp_window_get_question (showing->window) == showing->question;
}

/* Runs the main loop until @window has question @number open, as after a key press. */
void
wait_for_question (BpWindow *window,
                   guint     number)
{
  WindowShowing showing = { window, question_number (window, number) };

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

/* @name in the app's data folder, which is made if the run has none yet (each UI test
 * starts with empty XDG folders). */
char *
app_data_path (const char *name)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "backprop", NULL);

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  return g_build_filename (folder, name, NULL);
}

/* Review @index of a seeding; event ids 0123456789abcdef0123456789abcdef, then …cdf0, …cdf1:
 * distinct, as the log merges by id. */
static char *
seeded_line (const SeededReview *review,
             guint               index)
{
  const guint32 bits[4] = { 0x01234567, 0x89abcdef, 0x01234567, 0x89abcdef + index };
  char id[BP_REVIEW_EVENT_ID_LENGTH + 1];
  g_autoptr(BpReviewEvent) event = NULL;
  gint64 time_us;

  g_assert_true (bp_review_format_parse_time (review->time, strlen (review->time), &time_us));
  bp_review_event_id_from_bits (id, bits);
  /* First reviews (0 days elapsed), 12 s on each. */
  event = bp_review_event_new_grade (id, time_us, review->question_id, review->grade, 0, 12000);
  return bp_review_format_line (event);
}

/* Appends @reviews to the app's review log as the app writes them, through the log's own
 * line format: the one place the tests' seeded logs follow it. */
void
seed_reviews (const SeededReview *reviews,
              guint               n_reviews)
{
  g_autofree char *path = app_data_path ("reviews.log");
  g_autofree char *old = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &old, NULL, NULL))
    old = g_strdup ("");
  text = g_string_new (old);
  for (guint i = 0; i < n_reviews; i++)
    {
      g_autofree char *line = seeded_line (&reviews[i], i);

      g_string_append (text, line);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
}

gboolean
reviews_loaded (gpointer data)
{
  return bp_reviews_get_loaded (data);
}

gboolean
studying (gpointer data)
{
  return bp_window_get_studying (data);
}

gboolean
reading (gpointer data)
{
  return !bp_window_get_studying (data);
}

gboolean
shows_a_question (gpointer data)
{
  return bp_study_view_get_question (data) != NULL;
}

gboolean
revealed (gpointer data)
{
  return bp_study_view_get_revealed (data);
}

gboolean
shows_other (gpointer data)
{
  Showing *showing = data;

  return bp_study_view_get_question (showing->view) != showing->question;
}

gboolean
shows_same (gpointer data)
{
  Showing *showing = data;

  return bp_study_view_get_question (showing->view) == showing->question;
}

/* Reveals the question shown with Space and grades it with @key, as a user does; waits for
 * the next question or the summary, and returns the graded one. */
BpQuestion *
reveal_and_press (BpWindow   *window,
                  const char *key)
{
  BpStudyView *view = window->study_view;
  Showing showing = { view, bp_study_view_get_question (view) };

  g_assert_nonnull (showing.question);
  press_keys (GTK_WINDOW (window), "space");
  spin_until (revealed, view, "the answer to be revealed");
  press_keys (GTK_WINDOW (window), key);
  spin_until (shows_other, &showing, "the next question or the summary");
  return showing.question;
}

/* The sidebar row showing @question, if the list has laid it out. */
BpQuestionRow *
row_for (BpWindow   *window,
         BpQuestion *question)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (window->sidebar->question_list));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (BP_IS_QUESTION_ROW (row) && bp_question_row_get_question (BP_QUESTION_ROW (row)) == question)
        return BP_QUESTION_ROW (row);
    }
  return NULL;
}

/* The Preferences window, if one is open. */
GtkWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (BP_IS_PREFERENCES_WINDOW (toplevel))
        return toplevel;
    }
  return NULL;
}

/* The first widget of @type in @root's tree, @root included, or %NULL. */
GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button in @root's tree whose label is @label (with its mnemonic), or %NULL. */
GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label in @root's tree says @text, among other words or alone. */
gboolean
has_label_with (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;

  return FALSE;
}

gboolean
shows_deck_at (gpointer deck_at_path)
{
  DeckAtPath *wait = deck_at_path;

  return wait->window->entry != NULL &&
         g_strcmp0 (bp_library_entry_get_path (wait->window->entry), wait->path) == 0 &&
         bp_window_get_question (wait->window) != NULL;
}

/* Opens @path as the Open dialog does, and waits until the window shows it. */
void
open_deck_and_wait (BpWindow   *window,
                    const char *path)
{
  DeckAtPath wait = { window, path };

  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", path);
  spin_until (shows_deck_at, &wait, path);
}
