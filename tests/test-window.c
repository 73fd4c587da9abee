/* test-window.c: the main window in a real X window: sidebar, pages, keys, folding, restore
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "bp-application.h"
#include "bp-question-row.h"
#include "bp-sidebar-private.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

static BpApplication *app;

static void
assert_page_shows (BpWindow   *window,
                   BpQuestion *question)
{
  WebKitWebView *web_view = window_web_view (window);
  g_autofree char *heading = NULL;
  g_autofree char *label = NULL;
  g_autofree char *expected_label = g_strdup_printf ("Question %u", bp_question_get_number (question));
  g_autofree char *paragraphs = NULL;

  wait_for_page (window, question);

  heading = evaluate (web_view, "document.querySelector('h1').textContent");
  label = evaluate (web_view, "document.querySelector('.label').textContent");
  paragraphs = evaluate (web_view, "document.querySelectorAll('article.answer p').length");

  g_assert_cmpstr (heading, ==, bp_question_get_title (question));
  g_assert_cmpstr (label, ==, expected_label);
  g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, bp_question_get_title (question));
  g_assert_cmpint (atoi (paragraphs), >, 0);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (BP_IS_QUESTION_ROW (child) && bp_question_row_get_question (BP_QUESTION_ROW (child)))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

static void
test_sidebar_lists_questions (void)
{
  BpWindow *window = open_window (app, 960, 700);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (window->sidebar->question_list));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  BpQuestionRow *first_row = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 22);
  for (guint i = 0; i < 22; i++)
    {
      g_autoptr(BpQuestion) question = g_list_model_get_item (model, i);

      g_assert_cmpuint (bp_question_get_number (question), ==, i + 1);
    }

  /* The rows on screen show the numbers and titles. */
  collect_rows (GTK_WIDGET (window->sidebar->question_list), rows);
  g_assert_cmpuint (rows->len, >=, 5);
  for (guint i = 0; i < rows->len; i++)
    if (bp_question_get_number (bp_question_row_get_question (rows->pdata[i])) == 1)
      first_row = rows->pdata[i];
  g_assert_nonnull (first_row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (first_row)));

  /* A first launch opens question 1. */
  assert_page_shows (window, question_number (window, 1));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Q1: What are autoencoders, what layers do they have, and what are three practical uses?");

  close_window (window);
}

static void
test_selecting_row_loads_page (void)
{
  BpWindow *window = open_window (app, 960, 700);
  BpQuestion *eighth = question_number (window, 8);

  /* What a click on the eighth row does. */
  gtk_widget_activate_action (GTK_WIDGET (window->sidebar->question_list), "list.select-item", "(ubb)",
                              7, FALSE, FALSE);

  assert_page_shows (window, eighth);
  g_assert_true (bp_window_get_question (window) == eighth);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Q8: "));
  g_assert_cmpstr (adw_window_title_get_title (window->page_title), ==, bp_question_get_title (eighth));

  close_window (window);
}

static void
test_keyboard_moves_between_questions (void)
{
  BpWindow *window = open_window (app, 960, 700);

  bp_window_show_question (window, question_number (window, 3));
  assert_page_shows (window, question_number (window, 3));

  press_keys (GTK_WINDOW (window), "ctrl+Next");
  wait_for_question (window, 4);
  assert_page_shows (window, question_number (window, 4));

  press_keys (GTK_WINDOW (window), "ctrl+Prior ctrl+Prior");
  wait_for_question (window, 2);

  /* The sidebar has the focus, on the open question, and arrow keys move through it. */
  press_keys (GTK_WINDOW (window), "Down Down");
  wait_for_question (window, 4);

  /* Nothing before the first question: the key leaves it open. */
  bp_window_show_question (window, question_number (window, 1));
  press_keys (GTK_WINDOW (window), "ctrl+Prior ctrl+Next");
  wait_for_question (window, 2);

  close_window (window);
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (data));
}

static gboolean
is_unfolded (gpointer data)
{
  return !adw_leaflet_get_folded (ADW_LEAFLET (data));
}

static gboolean
only_content_shown (gpointer data)
{
  BpWindow *window = data;

  return !adw_leaflet_get_child_transition_running (window->leaflet) &&
         gtk_widget_get_mapped (window->content) &&
         !gtk_widget_get_mapped (window->sidebar_page);
}

static void
test_narrow_window_folds (void)
{
  BpWindow *window = open_window (app, 600, 600);

  spin_until (is_folded, window->leaflet, "the leaflet to fold at 600 px");
  /* One pane: the answer, with a way back to the list. */
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->content);
  spin_until (only_content_shown, window, "the list pane to slide away");
  g_assert_true (gtk_widget_get_mapped (window->back_button));

  gtk_widget_activate_action (GTK_WIDGET (window), "question.list", NULL);
  spin_until ((Predicate)gtk_widget_get_mapped, window->sidebar_page, "the list pane");
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->sidebar_page);

  close_window (window);

  window = open_window (app, 800, 600);
  spin_until (is_unfolded, window->leaflet, "two panes at 800 px");
  g_assert_true (gtk_widget_get_mapped (window->sidebar_page));
  g_assert_true (gtk_widget_get_mapped (window->content));
  g_assert_false (gtk_widget_get_mapped (window->back_button));
  close_window (window);
}

static void
test_last_question_restored (void)
{
  BpWindow *window = open_window (app, 820, 560);
  int width, height;

  bp_window_show_question (window, question_number (window, 13));
  assert_page_shows (window, question_number (window, 13));
  close_window (window);

  window = open_window (app, 0, 0);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_true (bp_window_get_question (window) == question_number (window, 13));
  assert_page_shows (window, question_number (window, 13));
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 560);
  close_window (window);
}

static char *
page_background (WebKitWebView *web_view)
{
  return try_evaluate (web_view, "getComputedStyle(document.documentElement).backgroundColor");
}

static gboolean
page_is_dark (gpointer data)
{
  g_autofree char *background = page_background (data);

  return g_strcmp0 (background, "rgb(30, 30, 30)") == 0;
}

static void
test_dark_style_recolours_page (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  BpWindow *window = open_window (app, 960, 700);
  WebKitWebView *web_view = window_web_view (window);
  g_autofree char *light_background = NULL;
  g_autofree char *dark_text = NULL;
  g_autofree char *scroll_before = NULL;
  g_autofree char *scroll_after = NULL;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  bp_window_show_question (window, question_number (window, 9));
  assert_page_shows (window, question_number (window, 9));
  light_background = page_background (web_view);
  g_assert_cmpstr (light_background, ==, "rgb(255, 255, 255)");

  /* The open page changes in place, where the reader is, without a reload. */
  g_free (evaluate (web_view, "window.scrollTo(0, 300); window.scrollY"));
  scroll_before = evaluate (web_view, "window.scrollY");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  spin_until (page_is_dark, web_view, "the page to turn dark");
  dark_text = evaluate (web_view, "getComputedStyle(document.body).color");
  scroll_after = evaluate (web_view, "window.scrollY");
  g_assert_cmpstr (dark_text, ==, "rgb(255, 255, 255)");
  g_assert_cmpstr (scroll_after, ==, scroll_before);
  g_assert_cmpint (atoi (scroll_after), >, 0);

  /* The next page opens dark. */
  bp_window_show_question (window, question_number (window, 10));
  assert_page_shows (window, question_number (window, 10));
  g_assert_true (page_is_dark (web_view));

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/window/sidebar-lists-questions", test_sidebar_lists_questions);
  g_test_add_func ("/window/selecting-row-loads-page", test_selecting_row_loads_page);
  g_test_add_func ("/window/keyboard-moves-between-questions", test_keyboard_moves_between_questions);
  g_test_add_func ("/window/narrow-window-folds", test_narrow_window_folds);
  g_test_add_func ("/window/last-question-restored", test_last_question_restored);
  g_test_add_func ("/window/dark-style-recolours-page", test_dark_style_recolours_page);

  return run_app_tests (&app);
}
