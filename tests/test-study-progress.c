/* test-study-progress.c: what a session leaves in the window: due days, the Due filter, the weak-topic offer, the summary
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-answer-view-private.h"
#include "bp-question-row.h"
#include "bp-sidebar-private.h"
#include "bp-study-view-private.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

/* Every test studies on this day; BACKPROP_NOW is read on each grade. */
#define TODAY "2026-12-01T09:00:00Z"
#define FIVE_MINUTES_LATER "2026-12-01T09:05:00Z"

static BpApplication *app;

static gboolean
finished (gpointer data)
{
  return bp_study_view_get_finished (data);
}

typedef struct
{
  GtkWidget *root;
  const char *label;
} ButtonWanted;

static gboolean
button_shown (gpointer data)
{
  ButtonWanted *wanted = data;

  return find_button (wanted->root, wanted->label) != NULL;
}

typedef struct
{
  BpWindow *window;
  BpQuestion *question;
} RowWanted;

static gboolean
row_shown (gpointer data)
{
  RowWanted *wanted = data;

  return row_for (wanted->window, wanted->question) != NULL;
}

static const char *
row_due (BpWindow   *window,
         BpQuestion *question)
{
  RowWanted wanted = { window, question };

  spin_until (row_shown, &wanted, "the question's row");
  return bp_question_row_get_due (row_for (window, question));
}

static const char *
due_filter_name (BpWindow *window)
{
  return gtk_string_list_get_string (window->sidebar->filter_names, BP_FILTER_DUE);
}

/* A session of two new questions: the first forgotten (Again), the second remembered (Good).
 * Again offers to mark it a weak topic and brings it back in the session; left there, the
 * forgotten one is due today, listed under Due, and a second session today shows it again;
 * the other is not. */
static void
test_due_after_session (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  BpReviews *reviews = bp_application_get_reviews (app);
  BpWindow *window = open_window (app, 1000, 760);
  BpStudyView *view = window->study_view;
  BpStudyStore *store = window->store;
  ButtonWanted offer = { GTK_WIDGET (window->toast_overlay), "_Mark as Weak Topic" };
  BpQuestion *forgotten, *remembered, *untouched;
  const char *summary;

  g_settings_set_uint (settings, "new-per-day", 2);
  spin_until (reviews_loaded, reviews, "the review log to be read");
  untouched = question_number (window, 5);
  g_assert_null (row_due (window, untouched));
  g_assert_cmpstr (due_filter_name (window), ==, "Due (0)");

  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (shows_a_question, view, "the first question of the session");
  forgotten = reveal_and_press (window, "1");

  /* Again: the toast offers the weak mark, and its button sets it. */
  spin_until (button_shown, &offer, "the offer to mark a weak topic");
  g_assert_false (bp_study_store_get_weak (store, bp_question_get_id (forgotten)));
  g_signal_emit_by_name (find_button (offer.root, offer.label), "clicked");
  g_assert_true (bp_study_store_get_weak (store, bp_question_get_id (forgotten)));

  remembered = reveal_and_press (window, "3");
  /* The forgotten one comes back in this session (its learning step). Left unlearnt, the
   * window closed: it is due today, and the next session starts with it. */
  g_assert_true (bp_study_view_get_question (view) == forgotten);
  g_assert_cmpuint (bp_study_view_get_n_left (view), ==, 1);
  close_window (window);
  window = open_window (app, 1000, 760);
  view = window->study_view;

  /* The sidebar: due today for the forgotten one, later for the other. */
  g_assert_cmpstr (row_due (window, forgotten), ==, "Due today");
  g_assert_cmpstr (row_due (window, remembered), ==, "In 2 days");
  g_assert_null (row_due (window, untouched));
  g_assert_cmpstr (due_filter_name (window), ==, "Due (1)");
  bp_sidebar_set_filter (window->sidebar, BP_FILTER_DUE);
  g_assert_true (bp_sidebar_find_listed (window->sidebar, forgotten, NULL));
  g_assert_false (bp_sidebar_find_listed (window->sidebar, remembered, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (bp_sidebar_get_listed (window->sidebar)), ==, 1);

  /* A second session today: the forgotten one again, five minutes' work, then none due. */
  g_setenv ("BACKPROP_NOW", TODAY, TRUE);
  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (shows_a_question, view, "the forgotten question again");
  g_assert_true (bp_study_view_get_question (view) == forgotten);
  g_setenv ("BACKPROP_NOW", FIVE_MINUTES_LATER, TRUE);
  reveal_and_press (window, "3");
  spin_until (finished, view, "the second summary");
  summary = bp_study_view_get_summary (view);
  g_test_message ("summary: %s", summary);
  g_assert_nonnull (strstr (summary, "1 reviewed, 0 again, in 5 min."));
  g_assert_nonnull (strstr (summary, "The next review is due"));
  g_assert_null (strstr (summary, "today"));
  g_assert_cmpstr (due_filter_name (window), ==, "Due (0)");
  g_assert_false (bp_sidebar_find_listed (window->sidebar, forgotten, NULL));

  g_setenv ("BACKPROP_NOW", TODAY, TRUE);
  press_keys (GTK_WINDOW (window), "ctrl+r");
  bp_sidebar_set_filter (window->sidebar, BP_FILTER_ALL);
  g_settings_reset (settings, "new-per-day");
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("BACKPROP_NOW", TODAY, TRUE);
  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/study-progress/due-after-session", test_due_after_session);

  return run_app_tests (&app);
}
