/* test-open-decks.c: what the window shows after opening a folder or changing deck
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bp-study-view.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

static BpApplication *app;
static char *deck_dir;

#define SQL_DECK \
  "# SQL Interview Questions\n\n" \
  "### Q1: What is a join?\n\nIt combines rows of two tables.\n\n" \
  "### Q2: What is an index?\n\nA structure that finds rows fast.\n"

#define K8S_DECK \
  "# Kubernetes Questions\n\n" \
  "### Q1: What is a pod?\n\nThe smallest unit Kubernetes runs.\n\n" \
  "### Q2: What is a node?\n\nA machine of the cluster.\n"

static char *
write_deck (const char *folder,
            const char *name,
            const char *contents)
{
  g_autofree char *dir = g_build_filename (deck_dir, folder, NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
switch_to (BpWindow   *window,
           const char *path)
{
  DeckAtPath wait = { window, path };
  BpLibraryEntry *entry = bp_library_lookup_path (bp_application_get_library (app), path);

  g_assert_nonnull (entry);
  bp_deck_switcher_set_selected (window->deck_switcher, entry);
  spin_until (shows_deck_at, &wait, path);
}

static void
wait_for_progress_of (BpWindow *window)
{
  g_autofree char *uri = bp_page_handler_dup_progress_uri (bp_deck_get_id (bp_window_get_deck (window)));

  wait_for_uri (window_web_view (window), uri);
  g_assert_true (bp_window_get_showing_progress (window));
}

/* The Progress page stays when the deck changes, and says the new deck's progress. */
static void
test_progress_follows_deck (void)
{
  g_autofree char *sql = write_deck ("progress", "sql.md", SQL_DECK);
  g_autofree char *k8s = write_deck ("progress", "kubernetes.md", K8S_DECK);
  BpWindow *window = open_window (app, 1000, 700);
  g_autofree char *title = NULL;

  open_deck_and_wait (window, sql);
  gtk_widget_activate_action (GTK_WIDGET (window), "progress.show", NULL);
  wait_for_progress_of (window);

  open_deck_and_wait (window, k8s);
  wait_for_progress_of (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Progress: Kubernetes Questions");
  /* The weak toggle stays off: it would mark a question the page hides. */
  g_assert_false (gtk_widget_is_sensitive (window->weak_button));

  switch_to (window, sql);
  wait_for_progress_of (window);
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_cmpstr (title, ==, "Progress: SQL Interview Questions");

  /* Reading a question leaves the page, in the deck now open. */
  bp_window_show_question (window, question_number (window, 2));
  wait_for_page (window, question_number (window, 2));
  g_assert_false (bp_window_get_showing_progress (window));
  close_window (window);
}

static gboolean
studies_deck (gpointer data)
{
  BpWindow *window = data;
  BpQuestion *question = bp_study_view_get_question (window->study_view);

  return bp_window_get_studying (window) && question != NULL &&
         g_str_has_prefix (bp_question_get_id (question), bp_deck_get_id (bp_window_get_deck (window)));
}

/* A session under way goes on with the deck the user switches to. */
static void
test_session_follows_deck (void)
{
  g_autofree char *sql = write_deck ("session", "sql.md", SQL_DECK);
  g_autofree char *k8s = write_deck ("session", "kubernetes.md", K8S_DECK);
  BpWindow *window = open_window (app, 1000, 700);

  spin_until (reviews_loaded, bp_application_get_reviews (app), "the review log to be read");
  open_deck_and_wait (window, sql);
  gtk_widget_activate_action (GTK_WIDGET (window), "study.start", NULL);
  spin_until (studies_deck, window, "a session of the SQL deck");

  open_deck_and_wait (window, k8s);
  spin_until (studies_deck, window, "the session to go on with the Kubernetes deck");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Study");

  switch_to (window, sql);
  spin_until (studies_deck, window, "the session to go on with the SQL deck");
  g_assert_cmpuint (bp_study_view_get_n_left (window->study_view), ==, 2);
  close_window (window);
}

static gboolean
has_n_questions (gpointer data)
{
  BpWindow *window = data;

  return bp_deck_get_n_questions (bp_window_get_deck (window)) == 3;
}

/* The deck edited and saved in an editor while a session shows it: the session goes on
 * with the deck as it is now, the question shown kept; a question added comes in the next
 * session. */
static void
test_session_kept_on_reload (void)
{
  g_autofree char *sql = write_deck ("reload", "sql.md", SQL_DECK);
  BpWindow *window = open_window (app, 1000, 700);
  g_autofree char *shown_id = NULL;
  g_autoptr(GError) error = NULL;

  spin_until (reviews_loaded, bp_application_get_reviews (app), "the review log to be read");
  open_deck_and_wait (window, sql);
  gtk_widget_activate_action (GTK_WIDGET (window), "study.start", NULL);
  spin_until (studies_deck, window, "a session of the SQL deck");
  shown_id = g_strdup (bp_question_get_id (bp_study_view_get_question (window->study_view)));

  g_assert_true (g_file_set_contents (sql, SQL_DECK "\n### Q3: What is a view?\n\nA saved query.\n",
                                      -1, &error));
  g_assert_no_error (error);
  spin_until (has_n_questions, window, "the deck to be read again");
  spin_until (studies_deck, window, "the session to go on after the reload");
  spin_for_ms (500);
  g_assert_true (bp_window_get_studying (window));
  g_assert_cmpstr (bp_question_get_id (bp_study_view_get_question (window->study_view)), ==, shown_id);
  g_assert_true (bp_study_view_get_question (window->study_view) ==
                 bp_deck_find_by_id (bp_window_get_deck (window), shown_id));
  g_assert_cmpuint (bp_study_view_get_n_left (window->study_view), ==, 2);
  close_window (window);
}

#define ALGEBRA_DECK "# Algebra\n\n### Q1: What is a vector?\n\nAn arrow.\n"
#define BIOLOGY_DECK "# Biology\n\n### Q1: What is a cell?\n\nThe smallest unit of life.\n"
#define CHEMISTRY_DECK "# Chemistry\n\n### Q1: What is an atom?\n\nA nucleus and electrons.\n"

typedef struct
{
  BpWindow *window;
  const char *text;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;

  return has_label_with (GTK_WIDGET (wait->window->toast_overlay), wait->text);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* Open Folder… shows a deck of its own, the first the switcher lists, and says what it
 * added; the file it left out, and why, is one click away. */
static void
test_open_folder_shows_first (void)
{
  g_autofree char *chemistry = write_deck ("three", "chemistry.md", CHEMISTRY_DECK);
  g_autofree char *algebra = write_deck ("three", "algebra.md", ALGEBRA_DECK);
  g_autofree char *biology = write_deck ("three", "biology.md", BIOLOGY_DECK);
  g_autofree char *notes = write_deck ("three", "notes.txt", "### Q1: Not a deck\n\nA .txt file.\n");
  g_autofree char *folder_path = g_path_get_dirname (algebra);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *added = g_strdup_printf ("Added 3 decks from %s; 1 file not added", folder_path);
  BpWindow *window = open_window (app, 1000, 700);
  BpLibrary *library = bp_application_get_library (app);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (library));
  ToastWait wait = { window, added };
  DeckAtPath shown = { window, algebra };
  g_autoptr(BpLibraryEntry) third = NULL;
  AdwMessageDialog *dialog;

  bp_window_open_folder (window, folder);
  spin_until (toast_shown, &wait, added);
  spin_until (shows_deck_at, &shown, "the folder's first deck");
  /* In name order in the switcher's list, whatever order they were read in. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_before + 3);
  third = g_list_model_get_item (G_LIST_MODEL (library), n_before + 2);
  g_assert_cmpstr (bp_library_entry_get_path (third), ==, chemistry);
  g_assert_null (bp_library_lookup_path (library, notes));

  gtk_widget_activate (find_button (GTK_WIDGET (window->toast_overlay), "_Details"));
  spin_until (dialog_shown, NULL, "the files not added");
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "notes.txt: not a markdown file (.md)");
  adw_message_dialog_response (dialog, "close");

  /* A deck of the folder open already stays open, whichever decks join it. */
  switch_to (window, biology);
  g_free (write_deck ("three", "anatomy.md", "# Anatomy\n\n### Q1: What is a bone?\n\nA hard tissue.\n"));
  wait.text = "Added 4 decks from";
  bp_window_open_folder (window, folder);
  spin_until (toast_shown, &wait, "the second toast");
  shown.path = biology;
  g_assert_true (shows_deck_at (&shown));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  app = init_app_tests (&argc, &argv);
  deck_dir = g_dir_make_tmp ("test-open-decks-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/open-decks/open-folder-shows-first", test_open_folder_shows_first);
  g_test_add_func ("/open-decks/progress-follows-deck", test_progress_follows_deck);
  g_test_add_func ("/open-decks/session-follows-deck", test_session_follows_deck);
  g_test_add_func ("/open-decks/session-kept-on-reload", test_session_kept_on_reload);

  return run_app_tests (&app);
}
