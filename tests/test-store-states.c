/* test-store-states.c: a store that cannot save says so in the window, and quitting asks
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <string.h>

#include "bp-status-banner-private.h"
#include "bp-study-view.h"
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
  g_autofree char *path = app_data_path ("study.ini");
  g_autoptr(GError) error = NULL;

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

static gboolean
studies_a_question (gpointer data)
{
  return bp_study_view_get_question (data) != NULL;
}

static gboolean
revealer_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (data);
}

static gboolean
revealer_hidden (gpointer data)
{
  return !gtk_revealer_get_reveal_child (data);
}

/* No file of this process may grow: the next append fails as on a full disk, whoever runs
 * the test (root too), and the log's file does not change, so its monitor stays quiet. */
static void
limit_file_size (rlim_t limit)
{
  struct rlimit rlimit;

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &rlimit));
  rlimit.rlim_cur = limit;
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &rlimit));
}

/* A grade the review log cannot take: the study view says it is not on disk, that it is
 * kept and retried, and Retry writes it once the log can be written again. */
static void
test_review_not_written_is_said (void)
{
  BpReviews *reviews = bp_application_get_reviews (app);
  const char *log_path = NULL;
  BpWindow *window = open_window (app, 1000, 700);
  GtkWidget *study_view = GTK_WIDGET (window->study_view);
  GtkRevealer *banner;
  const char *message;
  g_autofree char *written = NULL;

  spin_until (reviews_loaded, reviews, "the review log to be read");
  log_path = bp_review_log_get_path (bp_reviews_get_log (reviews));
  banner = GTK_REVEALER (gtk_widget_get_template_child (study_view, BP_TYPE_STUDY_VIEW, "banner"));
  gtk_widget_activate_action (GTK_WIDGET (window), "study.start", NULL);
  spin_until (studies_a_question, window->study_view, "a question to study");

  /* A write past the limit fails with EFBIG rather than killing the process. */
  signal (SIGXFSZ, SIG_IGN);
  limit_file_size (0);
  press_keys (GTK_WINDOW (window), "space");
  spin_until (revealed, window->study_view, "the answer to be revealed");
  press_keys (GTK_WINDOW (window), "3");
  spin_until (revealer_shown, banner, "the banner about the review not written");

  message = gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (study_view, BP_TYPE_STUDY_VIEW,
                                                                           "banner_label")));
  g_test_message ("%s", message);
  /* The log's reason first, then what happens to the grade. */
  g_assert_true (g_str_has_prefix (message, "Could not write to the review log"));
  g_assert_nonnull (strstr (message, "1 review is not on disk yet: Backprop keeps it in memory"));
  g_assert_nonnull (strstr (message, "Retry writes it now"));
  g_assert_null (strstr (message, "not saved"));
  g_assert_cmpuint (bp_reviews_get_n_pending (reviews), ==, 1);

  limit_file_size (RLIM_INFINITY);
  /* The banner's button, after its label. */
  gtk_widget_activate (gtk_widget_get_last_child (gtk_revealer_get_child (banner)));
  spin_until (revealer_hidden, banner, "the banner to go once the review is written");
  g_assert_cmpuint (bp_reviews_get_n_pending (reviews), ==, 0);
  g_assert_true (g_file_get_contents (log_path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "r1\t"));
  close_window (window);
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
  g_test_add_func ("/store-states/review-not-written-is-said", test_review_not_written_is_said);

  return run_app_tests (&app);
}
