/* test-study-session.c: a study session in the window: hidden answer, reveal, grade, undo, restart, learning steps
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-answer-view-private.h"
#include "bp-preferences-window.h"
#include "bp-question-row.h"
#include "bp-sidebar-private.h"
#include "bp-study-queue.h"
#include "bp-study-view-private.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

/* Every test studies on this day; BACKPROP_NOW is read on each grade. */
#define TODAY "2026-12-01T09:00:00Z"

static BpApplication *app;

static WebKitWebView *
study_web_view (BpWindow *window)
{
  return bp_answer_view_get_web_view (bp_study_view_get_answer_view (window->study_view));
}

/* The page in the study view, as the web view has it: its whole HTML. */
static char *
page_html (BpWindow *window)
{
  return evaluate (study_web_view (window), "document.documentElement.outerHTML");
}

/* The question's page without its answer, loaded, and not a word of the answer in it. */
/* The first words of @question's answer, spaces collapsed as page_text() has them. */
static char *
answer_start (BpQuestion *question)
{
  const char *answer = bp_answer_document_get_text (bp_question_get_document (question));
  g_auto(GStrv) words = g_strsplit_set (answer, " \t\n", -1);
  GString *start = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL && start->len < 40; i++)
    if (*words[i] != '\0')
      g_string_append_printf (start, start->len > 0 ? " %s" : "%s", words[i]);
  return g_string_free (start, FALSE);
}

static char *
page_text (BpWindow *window)
{
  return evaluate (study_web_view (window), "document.body.innerText.replace(/\\s+/g, ' ')");
}

static void
assert_answer_hidden (BpWindow   *window,
                      BpQuestion *question)
{
  g_autofree char *uri = bp_page_handler_dup_study_uri (question);
  g_autofree char *start = answer_start (question);
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;

  wait_for_uri (study_web_view (window), uri);
  html = page_html (window);
  text = page_text (window);
  g_test_message ("hidden page: %s", text);
  g_assert_nonnull (strstr (text, bp_question_get_title (question)));
  g_assert_nonnull (strstr (text, "Recall your answer"));
  g_assert_null (strstr (text, start));
  g_assert_null (strstr (html, start));
  g_assert_false (bp_study_view_get_revealed (window->study_view));
}

static void
assert_answer_shown (BpWindow   *window,
                     BpQuestion *question)
{
  g_autofree char *uri = bp_page_handler_dup_uri_for_question (question);
  g_autofree char *start = answer_start (question);
  g_autofree char *text = NULL;

  wait_for_uri (study_web_view (window), uri);
  text = page_text (window);
  g_test_message ("answer starts: %s", start);
  g_assert_nonnull (strstr (text, start));
}

static char *
recall_text (BpWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (bp_study_view_get_recall_view (window->study_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_session (void)
{
  BpReviews *reviews = bp_application_get_reviews (app);
  BpReviewLog *log = bp_reviews_get_log (reviews);
  BpWindow *window = open_window (app, 1000, 760);
  BpStudyView *view = window->study_view;
  GtkTextBuffer *recall = gtk_text_view_get_buffer (bp_study_view_get_recall_view (view));
  g_autoptr(BpReviewLog) restarted = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *label = NULL;
  BpQuestion *first;
  Showing showing;
  BpCardState *state;
  BpQueueOptions options;
  BpReviewEvent *event;
  GtkWidget *placeholder;

  spin_until (reviews_loaded, reviews, "the review log to be read");
  g_assert_cmpuint (bp_review_log_get_events (log)->len, ==, 0);

  /* Ctrl+R: the first question, alone. */
  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (shows_a_question, view, "the first question of the session");
  g_assert_true (bp_window_get_studying (window));
  first = bp_study_view_get_question (view);
  assert_answer_hidden (window, first);

  /* Each grade says the interval it gives. */
  label = g_strdup (gtk_button_get_label (bp_study_view_get_grade_button (view, BP_GRADE_GOOD)));
  g_assert_true (g_str_has_prefix (label, "Good · "));
  g_assert_nonnull (strstr (label, "day"));

  /* The empty box invites an answer, and says no more once there is one. */
  placeholder = gtk_widget_get_last_child (
    gtk_widget_get_ancestor (GTK_WIDGET (bp_study_view_get_recall_view (view)), GTK_TYPE_OVERLAY));
  g_assert_true (GTK_IS_LABEL (placeholder));
  g_assert_true (gtk_widget_get_mapped (placeholder));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (placeholder)), "Type your answer"));

  /* What the user recalls stays beside the answer once it shows: Space reveals. */
  gtk_text_buffer_set_text (recall, "Some words I recall", -1);
  g_assert_false (gtk_widget_get_visible (placeholder));
  press_keys (GTK_WINDOW (window), "space");
  spin_until (revealed, view, "the answer to be revealed");
  assert_answer_shown (window, first);
  typed = recall_text (window);
  g_assert_cmpstr (typed, ==, "Some words I recall");

  /* 3: Good. In the log before the next question shows. */
  press_keys (GTK_WINDOW (window), "3");
  showing = (Showing) { view, first };
  spin_until (shows_other, &showing, "the next question");
  g_assert_true (gtk_widget_get_visible (placeholder));
  g_assert_cmpuint (bp_review_log_get_events (log)->len, ==, 1);
  event = g_ptr_array_index (bp_review_log_get_events (log), 0);
  g_assert_cmpint (event->kind, ==, BP_REVIEW_EVENT_GRADE);
  g_assert_cmpstr (event->question_id, ==, bp_question_get_id (first));
  g_assert_cmpuint (event->grade, ==, BP_GRADE_GOOD);
  g_assert_nonnull (bp_study_view_get_question (view));
  assert_answer_hidden (window, bp_study_view_get_question (view));
  g_assert_nonnull (bp_reviews_lookup (reviews, bp_question_get_id (first)));

  /* Ctrl+Z: the first question back, unanswered, and the grade taken back in the log. */
  press_keys (GTK_WINDOW (window), "ctrl+z");
  spin_until (shows_same, &showing, "the undone question to come back");
  assert_answer_hidden (window, first);
  g_assert_cmpuint (bp_review_log_get_events (log)->len, ==, 2);
  g_assert_null (bp_reviews_lookup (reviews, bp_question_get_id (first)));

  /* Graded again, for good. */
  press_keys (GTK_WINDOW (window), "space");
  spin_until (revealed, view, "the answer to be revealed again");
  press_keys (GTK_WINDOW (window), "3");
  spin_until (shows_other, &showing, "the next question again");

  /* A restart reads the file again: the review is there, and the question not due today. */
  restarted = bp_review_log_new (bp_review_log_get_path (log));
  g_assert_true (bp_review_log_load (restarted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bp_review_log_get_events (restarted)->len, ==, 3);
  states = bp_review_replay (bp_review_log_get_events (restarted), bp_fsrs_default_parameters (),
                             bp_reviews_get_day_offset (reviews));
  state = g_hash_table_lookup (states, bp_question_get_id (first));
  g_assert_nonnull (state);
  g_assert_cmpuint (state->n_reviews, ==, 1);
  g_assert_cmpuint (state->last_grade, ==, BP_GRADE_GOOD);
  bp_queue_options_init (&options, state->last_day);
  g_assert_cmpint (bp_queue_due_day (&options, bp_fsrs_default_parameters (), state), >, state->last_day);

  /* Leaving and coming back resumes the session where it was. */
  showing.question = bp_study_view_get_question (view);
  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (reading, window, "the window back to the answers");
  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (studying, window, "the session again");
  g_assert_true (bp_study_view_get_question (view) == showing.question);

  close_window (window);
}

/* The row the sidebar highlights, as its list's selection has it. */
static BpQuestion *
highlighted (BpWindow *window)
{
  return gtk_single_selection_get_selected_item (window->sidebar->selection);
}

static const char *
header_subtitle (BpWindow *window)
{
  return adw_window_title_get_subtitle (window->page_title);
}

/* What the header and the sidebar say is current is what the session shows. */
static void
assert_follows_session (BpWindow *window)
{
  BpQuestion *shown = bp_study_view_get_question (window->study_view);
  g_autofree char *expected = g_strdup_printf ("Question %u of %u · %u left",
                                               bp_question_get_number (shown),
                                               bp_deck_get_n_questions (window->deck),
                                               bp_study_view_get_n_left (window->study_view));

  g_test_message ("studying Q%u: header “%s · %s”", bp_question_get_number (shown),
                  adw_window_title_get_title (window->page_title), header_subtitle (window));
  g_assert_cmpstr (adw_window_title_get_title (window->page_title), ==, "Study");
  g_assert_cmpstr (header_subtitle (window), ==, expected);
  g_assert_true (highlighted (window) == shown);
  g_assert_true (bp_sidebar_get_selected_question (window->sidebar) == shown);
}

/* The translator's bug: reading Q4, then studying, the header said "Question 4 of 22" and
 * the sidebar highlighted Q4 over the session's question. */
static void
test_header_and_sidebar_follow (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  BpWindow *window = open_window (app, 1000, 760);
  BpStudyView *view = window->study_view;
  g_autofree char *last_question = NULL;
  BpQuestion *fourth;
  Showing showing;

  spin_until (reviews_loaded, bp_application_get_reviews (app), "the review log to be read");
  fourth = question_number (window, 4);
  bp_window_show_question (window, fourth);
  g_assert_cmpstr (header_subtitle (window), ==, "Question 4 of 22");

  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (shows_a_question, view, "the first question of the session");
  g_assert_true (bp_study_view_get_question (view) != fourth);
  assert_follows_session (window);
  /* Followed, not opened: the reader's question and place are kept, its answer unread. */
  g_assert_true (window->question == fourth);
  last_question = g_settings_get_string (settings, "last-question");
  g_assert_cmpstr (last_question, ==, bp_question_get_id (fourth));

  /* A grade: the next question, and the header and sidebar with it. */
  showing = (Showing) { view, bp_study_view_get_question (view) };
  press_keys (GTK_WINDOW (window), "space");
  spin_until (revealed, view, "the answer to be revealed");
  press_keys (GTK_WINDOW (window), "3");
  spin_until (shows_other, &showing, "the next question");
  assert_follows_session (window);

  /* Undo brings the first back, and the header says so. */
  press_keys (GTK_WINDOW (window), "ctrl+z");
  spin_until (shows_same, &showing, "the undone question to come back");
  assert_follows_session (window);

  /* Leaving: the reader's question is current again, in the header and the sidebar. */
  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (reading, window, "the window back to the answers");
  g_assert_cmpstr (header_subtitle (window), ==, "Question 4 of 22");
  g_assert_true (highlighted (window) == fourth);

  /* A row picked while studying is one to read: the session is left for it. */
  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (studying, window, "the session again");
  assert_follows_session (window);
  bp_sidebar_set_selected_question (window->sidebar, question_number (window, 9));
  g_assert_false (bp_window_get_studying (window));
  g_assert_true (window->question == question_number (window, 9));
  g_assert_cmpstr (header_subtitle (window), ==, "Question 9 of 22");

  close_window (window);
}

/* Space, then the grade's key; waits for the next question (or the summary). Half a
 * minute later than the grade before: grades of the same instant replay in no set order. */
static void
reveal_and_grade (BpWindow   *window,
                  const char *key)
{
  static guint n_graded;
  g_autofree char *now = g_strdup_printf ("2026-12-01T10:%02u:%02uZ", n_graded / 2,
                                          (n_graded % 2) * 30);

  n_graded++;
  g_setenv ("BACKPROP_NOW", now, TRUE);
  reveal_and_press (window, key);
}

/* Again: the question comes back in this session after BP_STUDY_QUEUE_RELEARN_GAP others, as
 * its button says; undo takes that back too; once Good it does not come back, and the
 * summary counts it once, forgotten once. Revealing an answer makes it read. */
static void
test_again_comes_back (void)
{
  BpWindow *window = open_window (app, 1000, 760);
  BpStudyView *view = window->study_view;
  BpQuestion *forgotten;
  BpQuestionRow *row;
  Showing showing;
  guint n_left, n_session;
  const char *summary;

  spin_until (reviews_loaded, bp_application_get_reviews (app), "the review log to be read");
  /* The sessions before revealed some answers. */
  bp_study_store_mark_all_unread (window->store);
  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (shows_a_question, view, "the first question of the session");
  forgotten = bp_study_view_get_question (view);
  n_left = n_session = bp_study_view_get_n_left (view);
  g_assert_cmpuint (n_left, >, BP_STUDY_QUEUE_RELEARN_GAP + 1);
  g_assert_cmpstr (gtk_button_get_label (bp_study_view_get_grade_button (view, BP_GRADE_AGAIN)), ==,
                   "Again · in this session");

  /* Revealed is read: the sidebar's dot goes. */
  g_assert_false (bp_study_store_get_read (window->store, bp_question_get_id (forgotten)));
  press_keys (GTK_WINDOW (window), "space");
  spin_until (revealed, view, "the answer to be revealed");
  g_assert_true (bp_study_store_get_read (window->store, bp_question_get_id (forgotten)));
  row = row_for (window, forgotten);
  g_assert_nonnull (row);
  g_assert_true (bp_question_row_get_flags (row) & BP_STUDY_FLAG_READ);

  /* 1: another question, but as many left: the forgotten one is among them. */
  press_keys (GTK_WINDOW (window), "1");
  showing = (Showing) { view, forgotten };
  spin_until (shows_other, &showing, "the next question");
  g_assert_cmpuint (bp_study_view_get_n_left (view), ==, n_left);
  /* Undo: back, unrevealed, the queue as it was; graded Again once more. */
  press_keys (GTK_WINDOW (window), "ctrl+z");
  spin_until (shows_same, &showing, "the forgotten question back");
  g_assert_cmpuint (bp_study_view_get_n_left (view), ==, n_left);
  reveal_and_grade (window, "1");

  for (guint i = 0; i < BP_STUDY_QUEUE_RELEARN_GAP; i++)
    {
      g_assert_true (bp_study_view_get_question (view) != forgotten);
      reveal_and_grade (window, "3");
      g_assert_cmpuint (bp_study_view_get_n_left (view), ==, --n_left);
    }
  g_assert_true (bp_study_view_get_question (view) == forgotten);
  /* Good now is a same-day review: FSRS's interval, in days. */
  g_assert_nonnull (strstr (gtk_button_get_label (bp_study_view_get_grade_button (view, BP_GRADE_GOOD)),
                            "day"));
  reveal_and_grade (window, "3");
  g_assert_cmpuint (bp_study_view_get_n_left (view), ==, --n_left);

  /* Recalled: it does not come back, and the session ends. */
  while (bp_study_view_get_question (view) != NULL)
    {
      g_assert_true (bp_study_view_get_question (view) != forgotten);
      reveal_and_grade (window, "3");
    }
  summary = bp_study_view_get_summary (view);
  g_test_message ("summary: %s", summary);
  {
    g_autofree char *counts = g_strdup_printf ("%u reviewed, 1 again,", n_session);

    g_assert_true (g_str_has_prefix (summary, counts));
  }
  g_assert_null (strstr (summary, "due today"));
  g_setenv ("BACKPROP_NOW", TODAY, TRUE);
  close_window (window);
}

/* The scheduling settings in Preferences: pasted parameters that are not 21 numbers are
 * refused with the reason under the field, and the setting keeps what it had. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  BpWindow *window = open_window (app, 1000, 760);
  GtkWindow *preferences;
  GtkAdjustment *adjustment;
  GtkEditable *row;
  GtkLabel *error;
  g_autofree char *numbers = bp_fsrs_parameters_to_string (bp_fsrs_default_parameters ());

  gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL);
  preferences = find_preferences ();
  g_assert_true (BP_IS_PREFERENCES_WINDOW (preferences));

  adjustment = GTK_ADJUSTMENT (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                              BP_TYPE_PREFERENCES_WINDOW, "new_per_day"));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 10);
  gtk_adjustment_set_value (adjustment, 25);
  g_assert_cmpuint (g_settings_get_uint (settings, "new-per-day"), ==, 25);
  adjustment = GTK_ADJUSTMENT (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                              BP_TYPE_PREFERENCES_WINDOW, "retention"));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 90);

  row = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                     BP_TYPE_PREFERENCES_WINDOW, "parameters_row"));
  error = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                    BP_TYPE_PREFERENCES_WINDOW, "parameters_error"));
  gtk_editable_set_text (row, "0.2, 1.3, nope");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_cmpstr (gtk_label_get_label (error), !=, "");
  g_assert_cmpstr (g_settings_get_string (settings, "fsrs-parameters"), ==, "");

  gtk_editable_set_text (row, numbers);
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_cmpstr (g_settings_get_string (settings, "fsrs-parameters"), ==, numbers);

  g_settings_reset (settings, "new-per-day");
  g_settings_reset (settings, "fsrs-parameters");
  gtk_window_destroy (preferences);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("BACKPROP_NOW", TODAY, TRUE);
  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/study-session/recall-reveal-grade-undo-restart", test_session);
  g_test_add_func ("/study-session/header-and-sidebar-follow", test_header_and_sidebar_follow);
  g_test_add_func ("/study-session/preferences", test_preferences);
  g_test_add_func ("/study-session/again-comes-back", test_again_comes_back);

  return run_app_tests (&app);
}
