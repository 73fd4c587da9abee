/* test-study.c: weak topics, notes, read state, filter and export, in a real window
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bp-application.h"
#include "bp-question-row.h"
#include "bp-sidebar-private.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

static BpApplication *app;

/* Each test starts from a store with nothing marked, no notes and nothing read. */
static void
reset_store (BpStudyStore *store)
{
  g_auto(GStrv) ids = bp_study_store_dup_ids (store);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      bp_study_store_set_weak (store, ids[i], FALSE);
      bp_study_store_set_notes (store, ids[i], NULL);
    }
  bp_study_store_mark_all_unread (store);
  bp_study_store_flush (store, &error);
  g_assert_no_error (error);
}

/* A window of the usual size on the app's store, emptied first. */
static BpWindow *
open_window_on_empty_store (void)
{
  BpStudyStore *store = bp_application_get_store (app);

  reset_store (store);
  return open_window_with_store (app, store, 1000, 700);
}

/* What the user gets after quitting: a new store reading the file from disk. */
static BpStudyStore *
reload_store (void)
{
  BpStudyStore *store = bp_study_store_new (bp_study_store_get_path (bp_application_get_store (app)));
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_study_store_load (store, &error));
  g_assert_no_error (error);

  return store;
}

typedef struct
{
  BpWindow *window;
  BpQuestion *question;
  BpStudyFlags flag;
} RowState;

static gboolean
row_has_flag (gpointer data)
{
  RowState *state = data;
  BpQuestionRow *row = row_for (state->window, state->question);

  return row != NULL && (bp_question_row_get_flags (row) & state->flag) != 0;
}

static gboolean
row_lacks_flag (gpointer data)
{
  return !row_has_flag (data);
}

static void
open_question (BpWindow *window,
               guint     number)
{
  BpQuestion *question = question_number (window, number);

  bp_window_show_question (window, question);
  wait_for_page (window, question);
}

static void
test_weak_topic_marked_and_kept (void)
{
  BpWindow *window = open_window_on_empty_store ();
  BpQuestion *second = question_number (window, 2);
  RowState state = { window, second, BP_STUDY_FLAG_WEAK };
  g_autoptr(BpStudyStore) reloaded = NULL;
  BpWindow *restarted;

  open_question (window, 2);
  press_keys (GTK_WINDOW (window), "ctrl+d");

  /* The row shows the mark, and the header's toggle is on. */
  spin_until (row_has_flag, &state, "the row to show the weak-topic flag");
  g_assert_true (bp_study_store_get_weak (window->store, bp_question_get_id (second)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (window->weak_button)));
  close_window (window);

  /* After a restart, from the file on disk. */
  reloaded = reload_store ();
  g_assert_true (bp_study_store_get_weak (reloaded, bp_question_get_id (second)));
  restarted = open_window_with_store (app, reloaded, 1000, 700);
  state.window = restarted;
  spin_until (row_has_flag, &state, "the restarted window's row to show the flag");

  /* Ctrl+D again takes the mark off. */
  open_question (restarted, 2);
  press_keys (GTK_WINDOW (restarted), "ctrl+d");
  spin_until (row_lacks_flag, &state, "the flag to go");
  g_assert_false (bp_study_store_get_weak (reloaded, bp_question_get_id (second)));
  close_window (restarted);
}

static gboolean
page_shows_notes (gpointer data)
{
  BpWindow *window = data;
  g_autofree char *text = try_evaluate (window_web_view (window),
                                        "document.getElementById('notes').textContent");

  return text != NULL && strstr (text, "Your notes") != NULL &&
         strstr (text, "gamma [scale] = #1;") != NULL;
}

static void
test_note_typed_is_saved (void)
{
  BpWindow *window = open_window_on_empty_store ();
  BpQuestion *fourth = question_number (window, 4);
  NotesExpected state = { window->store, bp_question_get_id (fourth), "gamma [scale] = #1; \\" };
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autofree char *saved = NULL;

  open_question (window, 4);
  press_keys (GTK_WINDOW (window), "ctrl+e");
  spin_until (notes_pane_shown, window, "the notes pane");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (window->notes_button)));

  press_keys (GTK_WINDOW (window), "g a m m a space bracketleft s c a l e bracketright space "
                                   "equal space numbersign 1 semicolon space backslash");
  spin_until (notes_stored_are, &state, "the typed note in the store");

  /* Rendered under the answer, as the user's own markdown. */
  spin_until (page_shows_notes, window, "the notes under the answer");
  {
    BpQuestionRow *row = row_for (window, fourth);

    g_assert_nonnull (row);
    g_assert_true (bp_question_row_get_flags (row) & BP_STUDY_FLAG_NOTES);
  }

  /* Closing the window right away writes it, without waiting for the autosave. */
  close_window (window);
  reloaded = reload_store ();
  saved = bp_study_store_dup_notes (reloaded, bp_question_get_id (fourth));
  g_assert_cmpstr (saved, ==, "gamma [scale] = #1; \\");
}

static void
test_filter_lists_weak_topics (void)
{
  BpWindow *window = open_window_on_empty_store ();
  GListModel *listed = G_LIST_MODEL (window->sidebar->selection);
  g_autoptr(BpQuestion) first = NULL;
  g_autoptr(BpQuestion) second = NULL;
  const char *label;

  bp_study_store_set_weak (window->store, bp_question_get_id (question_number (window, 3)), TRUE);
  bp_study_store_set_weak (window->store, bp_question_get_id (question_number (window, 7)), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 22);

  /* What picking "Weak Topics" in the sidebar's drop-down does. */
  gtk_drop_down_set_selected (window->sidebar->filter_dropdown, BP_FILTER_WEAK);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);
  first = g_list_model_get_item (listed, 0);
  second = g_list_model_get_item (listed, 1);
  g_assert_cmpuint (bp_question_get_number (first), ==, 3);
  g_assert_cmpuint (bp_question_get_number (second), ==, 7);

  label = gtk_string_list_get_string (window->sidebar->filter_names, BP_FILTER_WEAK);
  g_assert_cmpstr (label, ==, "Weak Topics (2)");

  /* Taking a mark off takes the question out of the list, and the count down. */
  bp_study_store_set_weak (window->store, bp_question_get_id (question_number (window, 3)), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (window->sidebar->filter_names, BP_FILTER_WEAK), ==,
                   "Weak Topics (1)");

  /* The choice is remembered. */
  close_window (window);
  window = open_window (app, 1000, 700);
  g_assert_cmpuint (gtk_drop_down_get_selected (window->sidebar->filter_dropdown), ==, BP_FILTER_WEAK);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->sidebar->selection)), ==, 1);

  bp_sidebar_set_filter (window->sidebar, BP_FILTER_ALL);
  close_window (window);
}

static gboolean
question_is_read (gpointer data)
{
  RowState *state = data;
  BpQuestionRow *row = row_for (state->window, state->question);

  return bp_study_store_get_read (state->window->store, bp_question_get_id (state->question)) &&
         row != NULL && (bp_question_row_get_flags (row) & BP_STUDY_FLAG_READ);
}

static void
test_read_after_a_few_seconds (void)
{
  BpWindow *window = open_window_on_empty_store ();
  BpQuestion *fifth = question_number (window, 5);
  RowState state = { window, fifth, BP_STUDY_FLAG_READ };
  gint64 opened;

  open_question (window, 5);
  opened = g_get_monotonic_time ();
  g_assert_false (bp_study_store_get_read (window->store, bp_question_get_id (fifth)));
  spin_until (question_is_read, &state, "question 5 to count as read");
  g_assert_cmpint (g_get_monotonic_time () - opened, >=, 2 * G_USEC_PER_SEC);

  /* "Mark All as Unread" resets it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "study.mark-all-unread", NULL);
  g_assert_false (bp_study_store_get_read (window->store, bp_question_get_id (fifth)));
  g_assert_false (bp_question_row_get_flags (row_for (window, fifth)) & BP_STUDY_FLAG_READ);
  close_window (window);
}

static gboolean
file_has_export (gpointer data)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (data, &contents, NULL, NULL) && strstr (contents, "## Q22:") != NULL;
}

static void
test_export_writes_markdown (void)
{
  BpWindow *window = open_window_on_empty_store ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "exported notes.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  const char *third;

  bp_study_store_set_weak (window->store, bp_question_get_id (question_number (window, 3)), TRUE);
  bp_study_store_set_notes (window->store, bp_question_get_id (question_number (window, 3)),
                            "Check for *leakage* first.");
  bp_study_store_set_notes (window->store, "deep-learning/a-question-since-removed", "Kept anyway.");

  bp_window_export_notes (window, file);
  spin_until (file_has_export, path, "the exported file");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  g_assert_true (g_str_has_prefix (contents, "# Backprop notes: Deep Learning\n"));
  third = strstr (contents, "## Q3: ");
  g_assert_nonnull (third);
  g_assert_nonnull (strstr (third, "Weak topic: yes\n\nCheck for *leakage* first.\n"));
  g_assert_nonnull (strstr (contents, "## Q1: What are autoencoders"));
  g_assert_nonnull (strstr (contents, "Weak topic: no"));
  g_assert_nonnull (strstr (contents, "deep-learning/a-question-since-removed"));
  g_assert_nonnull (strstr (contents, "Kept anyway."));

  bp_study_store_set_notes (window->store, "deep-learning/a-question-since-removed", NULL);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/study/weak-topic-marked-and-kept", test_weak_topic_marked_and_kept);
  g_test_add_func ("/study/note-typed-is-saved", test_note_typed_is_saved);
  g_test_add_func ("/study/filter-lists-weak-topics", test_filter_lists_weak_topics);
  g_test_add_func ("/study/read-after-a-few-seconds", test_read_after_a_few_seconds);
  g_test_add_func ("/study/export-writes-markdown", test_export_writes_markdown);

  return run_app_tests (&app);
}
