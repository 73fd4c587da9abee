/* test-sidebar.c: the question list when its filter changes under a selected row
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bp-question-row.h"
#include "bp-sidebar-private.h"
#include "bp-study-view.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

static BpApplication *app;

static BpQuestion *
selected_in_list (BpWindow *window)
{
  return gtk_single_selection_get_selected_item (window->sidebar->selection);
}

/* Whether @question's row is laid out inside the visible part of the list. */
static gboolean
row_in_view (BpWindow   *window,
             BpQuestion *question)
{
  GtkWidget *list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (window->sidebar->question_scroller));
  int page = gtk_widget_get_height (window->sidebar->question_scroller);

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      graphene_rect_t bounds;

      if (BP_IS_QUESTION_ROW (row) && bp_question_row_get_question (BP_QUESTION_ROW (row)) == question &&
          gtk_widget_compute_bounds (item, window->sidebar->question_scroller, &bounds))
        return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= page;
    }
  return FALSE;
}

static void
set_filter (BpWindow *window,
            BpFilter  filter)
{
  gtk_drop_down_set_selected (window->sidebar->filter_dropdown, filter);
  spin_for_ms (200);
}

/* Reading: the filter keeps or hides the selected row; the answer open stays open. */
static void
test_filter_keeps_or_hides_selected (void)
{
  BpWindow *window = open_window (app, 1000, 500);
  BpQuestion *q21 = question_number (window, 21);

  bp_window_show_question (window, q21);
  spin_for_ms (100);
  g_assert_true (row_in_view (window, q21));

  set_filter (window, BP_FILTER_WEAK);
  g_assert_true (selected_in_list (window) == q21);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->sidebar->selection), ==, 1);
  g_assert_true (row_in_view (window, q21));

  set_filter (window, BP_FILTER_NOTES);
  g_assert_null (selected_in_list (window));
  g_assert_true (bp_window_get_question (window) == q21);

  set_filter (window, BP_FILTER_ALL);
  bp_window_show_question (window, q21);
  spin_for_ms (100);
  g_assert_true (selected_in_list (window) == q21);
  g_assert_true (row_in_view (window, q21));
  close_window (window);
}

/* Studying with a filter that keeps some of the session's questions, the list scrolled
 * to its end before: the sidebar selects and shows each one it lists, none of the others.
 * Scrolling by the list's own estimate of its height, after the filter had shrunk it, made
 * GTK warn "GtkListView failed to scroll to given position" (fatal here). */
static void
test_session_follows_under_filter (void)
{
  BpWindow *window = open_window (app, 1000, 500);
  guint n_listed_shown = 0;

  spin_until (reviews_loaded, bp_application_get_reviews (app), "the review log to be read");
  /* The list measured long and short a few times over, as a reader going through the
   * filters does, then scrolled to its end. */
  for (guint round = 0; round < 3; round++)
    {
      bp_window_show_question (window, question_number (window, 21));
      if (round > 0)
        bp_sidebar_focus_list (window->sidebar);
      spin_for_ms (200);
      set_filter (window, BP_FILTER_WEAK);
      set_filter (window, BP_FILTER_NOTES);
      set_filter (window, BP_FILTER_ALL);
      set_filter (window, BP_FILTER_WEAK);
      bp_window_show_question (window, question_number (window, 20));
      set_filter (window, BP_FILTER_WEAK);
      bp_window_show_question (window, question_number (window, 1));
      spin_for_ms (100);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "study.start", NULL);
  spin_for_ms (300);
  set_filter (window, BP_FILTER_UNREAD);
  set_filter (window, BP_FILTER_WEAK);

  for (guint i = 0; i < 4 && bp_study_view_get_question (window->study_view) != NULL; i++)
    {
      Showing showing = { window->study_view, bp_study_view_get_question (window->study_view) };

      spin_for_ms (200);
      if (bp_study_store_get_weak (bp_application_get_store (app), bp_question_get_id (showing.question)))
        {
          g_assert_true (selected_in_list (window) == showing.question);
          g_assert_true (row_in_view (window, showing.question));
          n_listed_shown++;
        }
      else
        g_assert_null (selected_in_list (window));

      press_keys (GTK_WINDOW (window), "space");
      spin_until (revealed, window->study_view, "the answer to be revealed");
      press_keys (GTK_WINDOW (window), "3");
      spin_until (shows_other, &showing, "the session's next question");
    }
  /* Weak topics come first among new questions: both were studied. */
  g_assert_cmpuint (n_listed_shown, ==, 2);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  BpStudyStore *store;
  BpDeck *deck;

  app = init_app_tests (&argc, &argv);
  deck = bp_application_get_deck (app, NULL);
  store = bp_application_get_store (app);
  bp_study_store_set_weak (store, bp_question_get_id (bp_deck_find_by_number (deck, 2)), TRUE);
  bp_study_store_set_weak (store, bp_question_get_id (bp_deck_find_by_number (deck, 21)), TRUE);

  g_test_add_func ("/sidebar/session-follows-under-filter", test_session_follows_under_filter);
  g_test_add_func ("/sidebar/filter-keeps-or-hides-selected", test_filter_keeps_or_hides_selected);

  return run_app_tests (&app);
}
