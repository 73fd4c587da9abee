/* test-store-states.c: a store that cannot save says so in the window, and quitting asks
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bp-status-banner-private.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

static BpApplication *app;

/* Written before the app loads its store: a newer major version, so the store is read-only. */
static const char newer_study_file[] = "[backprop]\nversion=2\n";

static char *
study_file_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "backprop", "study.ini", NULL);
}

static void
write_newer_study_file (void)
{
  g_autofree char *path = study_file_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_file_set_contents (path, newer_study_file, -1, &error);
  g_assert_no_error (error);
}

static gboolean
banner_shown (gpointer data)
{
  return bp_status_banner_get_revealed (data);
}

static gboolean
banner_hidden (gpointer data)
{
  return !bp_status_banner_get_revealed (data);
}

/* The question the app asks before it throws changes away, if it is on screen. */
static AdwMessageDialog *
find_discard_question (BpWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
discard_question_shown (gpointer data)
{
  return find_discard_question (data) != NULL;
}

static gboolean
discard_question_gone (gpointer data)
{
  return find_discard_question (data) == NULL;
}

/* Closes the question as Escape does, which answers "Keep Backprop Open". */
static void
keep_open (BpWindow *window)
{
  gtk_window_close (GTK_WINDOW (find_discard_question (window)));
  spin_until (discard_question_gone, window, "the question to close");
}

static gboolean
window_is_open (gpointer data)
{
  return g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), data) != NULL;
}

/* Ctrl+Q (or @keys) asks, and neither the window nor what the user typed goes. */
static void
assert_quitting_asks (BpWindow      *window,
                      const char    *keys,
                      NotesExpected *typed)
{
  press_keys (GTK_WINDOW (window), keys);
  spin_until (discard_question_shown, window, "the question before closing");
  spin_for_ms (300);

  g_assert_true (window_is_open (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (notes_stored_are (typed));
  g_assert_true (bp_study_store_get_has_unsaved_changes (typed->store));
  keep_open (window);
}

static void
test_newer_version_is_shown_and_quitting_asks (void)
{
  BpStudyStore *store = bp_application_get_store (app);
  BpWindow *window = open_window (app, 1000, 700);
  BpQuestion *question = question_number (window, 1);
  NotesExpected typed = { store, bp_question_get_id (question), "Kept" };
  g_autofree char *path = study_file_path ();
  g_autofree char *on_disk = NULL;
  const GError *reason = bp_study_store_get_save_error (store);

  /* From start-up: the store's own reason, while it lasts. */
  g_assert_true (bp_study_store_get_read_only (store));
  g_assert_error (reason, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_NEWER_VERSION);
  spin_until (banner_shown, window->status_banner, "the banner about the newer file");
  g_assert_cmpstr (bp_status_banner_get_message (window->status_banner), ==, reason->message);
  g_assert_nonnull (strstr (reason->message, "newer version"));
  /* Only a newer Backprop can save this file: nothing to retry. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bp_status_banner_get_button (window->status_banner))));

  bp_window_show_question (window, question);
  wait_for_page (window, question);
  press_keys (GTK_WINDOW (window), "ctrl+e");
  spin_until (notes_pane_shown, window, "the notes pane");
  press_keys (GTK_WINDOW (window), "K e p t");
  spin_until (notes_stored_are, &typed, "the typed note in memory");

  assert_quitting_asks (window, "ctrl+q", &typed);
  assert_quitting_asks (window, "ctrl+w", &typed);

  /* Still shown, and the newer file untouched. */
  g_assert_true (bp_status_banner_get_revealed (window->status_banner));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, newer_study_file);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A store whose folder a regular file stands in for: root can write anywhere, but nobody
 * can make a folder where a file is. The store made its folder when it loaded, so the
 * folder is moved aside first, and back when saving may work again. */
typedef struct
{
  char *dir;
  char *folder;
  char *moved_folder;
  BpStudyStore *store;
} BlockedStore;

static void
blocked_store_init (BlockedStore *blocked)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  blocked->dir = g_dir_make_tmp ("backprop-store-states-XXXXXX", &error);
  g_assert_no_error (error);
  blocked->folder = g_build_filename (blocked->dir, "data", NULL);
  blocked->moved_folder = g_build_filename (blocked->dir, "data.away", NULL);
  path = g_build_filename (blocked->folder, "study.ini", NULL);

  blocked->store = bp_study_store_new (path);
  g_assert_true (bp_study_store_load (blocked->store, &error));
  g_assert_no_error (error);
}

static void
block_folder (BlockedStore *blocked)
{
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (blocked->folder, 0700));
  g_assert_no_errno (g_rename (blocked->folder, blocked->moved_folder));
  g_file_set_contents (blocked->folder, "a file where the folder should be", -1, &error);
  g_assert_no_error (error);
}

static void
unblock_folder (BlockedStore *blocked)
{
  g_assert_no_errno (g_remove (blocked->folder));
  g_assert_no_errno (g_rename (blocked->moved_folder, blocked->folder));
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child)
    remove_tree (child);
  g_assert_true (g_file_delete (file, NULL, NULL));
}

static void
blocked_store_clear (BlockedStore *blocked)
{
  g_autoptr(GFile) dir = g_file_new_for_path (blocked->dir);

  g_clear_object (&blocked->store);
  remove_tree (dir);
  g_clear_pointer (&blocked->dir, g_free);
  g_clear_pointer (&blocked->folder, g_free);
  g_clear_pointer (&blocked->moved_folder, g_free);
}

static void
test_failed_write_is_shown_until_saved (void)
{
  BlockedStore blocked = { NULL, };
  BpWindow *window;
  BpQuestion *question;
  GtkButton *retry;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autofree char *saved = NULL;

  blocked_store_init (&blocked);
  window = open_window_with_store (app, blocked.store, 1000, 700);
  retry = bp_status_banner_get_button (window->status_banner);
  question = question_number (window, 2);
  g_assert_false (bp_status_banner_get_revealed (window->status_banner));

  block_folder (&blocked);
  bp_study_store_set_notes (blocked.store, bp_question_get_id (question), "Not yet on disk");
  g_assert_false (bp_study_store_flush (blocked.store, &error));
  g_assert_error (error, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_WRITE);

  /* The reason, and the one thing to do about it. */
  spin_until (banner_shown, window->status_banner, "the banner about the failed save");
  g_assert_cmpstr (bp_status_banner_get_message (window->status_banner), ==, error->message);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (retry)));
  g_assert_cmpstr (gtk_button_get_label (retry), ==, "_Retry");

  /* Retrying while the folder is still blocked keeps the banner. */
  gtk_widget_activate (GTK_WIDGET (retry));
  g_assert_true (bp_status_banner_get_revealed (window->status_banner));

  /* Once the folder can be made, Retry saves and the banner goes. */
  unblock_folder (&blocked);
  gtk_widget_activate (GTK_WIDGET (retry));
  spin_until (banner_hidden, window->status_banner, "the banner to go once saved");
  g_assert_false (bp_study_store_get_has_unsaved_changes (blocked.store));

  reloaded = bp_study_store_new (bp_study_store_get_path (blocked.store));
  g_assert_true (bp_study_store_load (reloaded, NULL));
  saved = bp_study_store_dup_notes (reloaded, bp_question_get_id (question));
  g_assert_cmpstr (saved, ==, "Not yet on disk");

  close_window (window);
  blocked_store_clear (&blocked);
}

int
main (int   argc,
      char *argv[])
{
  /* Before the app starts: it loads its store in startup. */
  write_newer_study_file ();
  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/store-states/newer-version-is-shown-and-quitting-asks",
                   test_newer_version_is_shown_and_quitting_asks);
  g_test_add_func ("/store-states/failed-write-is-shown-until-saved",
                   test_failed_write_is_shown_until_saved);

  return run_app_tests (&app);
}
