/* test-progress-window.c: the Progress page in the window, and the interview date in Preferences and the session
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-answer-view-private.h"
#include "bp-clock.h"
#include "bp-preferences-window.h"
#include "bp-study-view-private.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

/* Every test studies on this day; BACKPROP_NOW is read on each grade and each page. */
#define TODAY "2026-12-01T09:00:00Z"
/* Three days on: the last review before it falls on 3 December at the latest. */
#define INTERVIEW "2026-12-04"

static BpApplication *app;

/* A question no session of these tests reaches: new-per-day keeps them to the first few. */
static BpQuestion *
unstudied_question (BpWindow *window)
{
  BpReviews *reviews = bp_application_get_reviews (app);
  BpDeck *deck = bp_window_get_deck (window);

  for (guint i = bp_deck_get_n_questions (deck); i > 0; i--)
    {
      BpQuestion *question = bp_deck_get_question (deck, i - 1);

      if (bp_reviews_lookup (reviews, bp_question_get_id (question)) == NULL)
        return question;
    }
  g_assert_not_reached ();
}

/* The script's text for the tile of @question: a property of its rect, found by its link. */
static char *
tile_script (BpQuestion *question,
             const char *what)
{
  g_autofree char *uri = bp_page_handler_dup_uri_for_question (question);

  return g_strdup_printf ("(function () { const tile = document.querySelector('a[href=\"%s\"] rect.tile');"
                          " return tile ? %s : 'no tile'; }) ()", uri, what);
}

static char *
tile_style (BpWindow   *window,
            BpQuestion *question)
{
  g_autofree char *script = tile_script (question, "tile.getAttribute('style')");

  return evaluate (window_web_view (window), script);
}

static char *
tile_fill (BpWindow   *window,
           BpQuestion *question)
{
  g_autofree char *script = tile_script (question, "getComputedStyle(tile).fill");

  return evaluate (window_web_view (window), script);
}

static char *
tile_tooltip (BpWindow   *window,
              BpQuestion *question)
{
  g_autofree char *script = tile_script (question, "tile.parentNode.querySelector('title').textContent");

  return evaluate (window_web_view (window), script);
}

static void
wait_for_progress (BpWindow *window)
{
  g_autofree char *uri = bp_page_handler_dup_progress_uri (bp_deck_get_id (bp_window_get_deck (window)));

  wait_for_uri (window_web_view (window), uri);
  g_assert_true (bp_window_get_showing_progress (window));
  g_assert_false (bp_window_get_studying (window));
}

typedef struct
{
  BpWindow *window;
  BpQuestion *question;
} TileWanted;

static gboolean
tile_recalled (gpointer data)
{
  TileWanted *wanted = data;
  g_autofree char *script = tile_script (wanted->question, "tile.getAttribute('style')");
  g_autofree char *style = try_evaluate (window_web_view (wanted->window), script);

  return style != NULL && strstr (style, "--figure-green") != NULL;
}

/* What a click does: the tile's link, activated in the page. */
static void
click_tile (BpWindow   *window,
            BpQuestion *question)
{
  g_autofree char *script = tile_script (question, "(tile.dispatchEvent (new MouseEvent ('click', "
                                                   "{ bubbles: true, cancelable: true, view: window })), 'clicked')");
  g_autofree char *result = evaluate (window_web_view (window), script);

  g_assert_cmpstr (result, ==, "clicked");
}

static gboolean
shows_question (gpointer data)
{
  TileWanted *wanted = data;

  return bp_window_get_question (wanted->window) == wanted->question &&
         !bp_window_get_showing_progress (wanted->window);
}

/* A question graded Good in a session is green on the page (recalled today), an unstudied
 * one grey; the page follows a grade made while it shows; a tile opens its question, the
 * question open under the page too. */
static void
test_progress_tiles (void)
{
  BpReviews *reviews = bp_application_get_reviews (app);
  BpWindow *window = open_window (app, 1000, 760);
  g_autofree char *graded_style = NULL, *new_style = NULL, *graded_fill = NULL, *new_fill = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  char event_id[BP_REVIEW_EVENT_ID_LENGTH + 1];
  BpQuestion *graded, *unstudied, *open;
  TileWanted wanted;

  spin_until (reviews_loaded, reviews, "the review log to be read");
  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (shows_a_question, window->study_view, "the first question of the session");
  graded = reveal_and_press (window, "3");
  unstudied = unstudied_question (window);

  /* Shift+Ctrl+P, from the session: the session gives way to the page. */
  press_keys (GTK_WINDOW (window), "shift+ctrl+p");
  wait_for_progress (window);
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_true (g_str_has_prefix (title, "Progress: "));

  graded_style = tile_style (window, graded);
  new_style = tile_style (window, unstudied);
  graded_fill = tile_fill (window, graded);
  new_fill = tile_fill (window, unstudied);
  g_test_message ("graded: %s (%s); new: %s (%s)", graded_style, graded_fill, new_style, new_fill);
  g_assert_nonnull (strstr (graded_style, "--figure-green"));
  g_assert_nonnull (strstr (new_style, "--figure-muted"));
  g_assert_cmpstr (graded_fill, !=, new_fill);
  g_assert_true (g_str_has_prefix (graded_fill, "rgb"));

  /* A grade from elsewhere (another window's session, a synced log) while the page shows. */
  g_assert_true (bp_reviews_grade (reviews, bp_question_get_id (unstudied), BP_GRADE_GOOD,
                                   bp_clock_now_us (), 5000, event_id, &error));
  g_assert_no_error (error);
  wanted = (TileWanted) { window, unstudied };
  spin_until (tile_recalled, &wanted, "the page to show the new grade");
  g_assert_true (bp_window_get_showing_progress (window));

  /* A tile opens its question's answer. */
  click_tile (window, unstudied);
  spin_until (shows_question, &wanted, "the clicked tile's question");
  wait_for_page (window, unstudied);
  g_assert_true (gtk_widget_is_sensitive (window->weak_button));

  /* The question open under the page, through the action this time. */
  open = bp_window_get_question (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "progress.show", NULL);
  wait_for_progress (window);
  g_assert_false (gtk_widget_is_sensitive (window->weak_button));
  click_tile (window, open);
  wanted.question = open;
  spin_until (shows_question, &wanted, "the open question again");
  wait_for_page (window, open);

  close_window (window);
}

static gpointer
preferences_child (GtkWindow  *preferences,
                   const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (preferences), BP_TYPE_PREFERENCES_WINDOW, name);
}

/* The date picked in the calendar is the setting, shown as the locale writes dates; the
 * clear button takes it away. */
static void
test_interview_preference (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 12, 4, 12, 0, 0);
  g_autofree char *shown = g_date_time_format (day, "%x");
  BpWindow *window = open_window (app, 1000, 760);
  GtkWindow *preferences;
  AdwActionRow *row;
  GtkWidget *clear;

  gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL);
  preferences = find_preferences ();
  g_assert_nonnull (preferences);
  row = preferences_child (preferences, "interview_row");
  clear = preferences_child (preferences, "interview_clear_button");
  g_assert_cmpstr (g_settings_get_string (settings, "interview-date"), ==, "");
  g_assert_false (gtk_widget_get_sensitive (clear));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "None"));

  gtk_calendar_select_day (preferences_child (preferences, "interview_calendar"), day);
  g_assert_cmpstr (g_settings_get_string (settings, "interview-date"), ==, INTERVIEW);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, shown);
  g_assert_true (gtk_widget_get_sensitive (clear));

  g_signal_emit_by_name (clear, "clicked");
  g_assert_cmpstr (g_settings_get_string (settings, "interview-date"), ==, "");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "None"));
  g_assert_false (gtk_widget_get_sensitive (clear));

  gtk_window_destroy (preferences);
  close_window (window);
}

static guint
label_days (BpStudyView *view,
            BpGrade      grade)
{
  const char *label = gtk_button_get_label (bp_study_view_get_grade_button (view, grade));
  const char *number = strstr (label, "· ");

  g_assert_nonnull (number);
  g_assert_true (g_str_has_suffix (label, "day") || g_str_has_suffix (label, "days"));
  return (guint)g_ascii_strtoull (number + strlen ("· "), NULL, 10);
}

typedef struct
{
  BpStudyView *view;
  guint days;
} LabelWanted;

static gboolean
easy_label_is (gpointer data)
{
  LabelWanted *wanted = data;
  const char *label = gtk_button_get_label (bp_study_view_get_grade_button (wanted->view, BP_GRADE_EASY));

  return strstr (label, "day") != NULL && label_days (wanted->view, BP_GRADE_EASY) == wanted->days;
}

/* With an interview three days on, no grade button offers an interval past the day before
 * it, in the session under way; the progress page forecasts recall on that day. */
static void
test_interview_caps_session (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  BpReviews *reviews = bp_application_get_reviews (app);
  BpWindow *window = open_window (app, 1000, 760);
  BpStudyView *view = window->study_view;
  LabelWanted wanted = { view, 0 };
  g_autofree char *tooltip = NULL;
  BpQuestion *graded;
  Showing showing;

  spin_until (reviews_loaded, reviews, "the review log to be read");
  press_keys (GTK_WINDOW (window), "ctrl+r");
  spin_until (shows_a_question, view, "a question of the session");
  press_keys (GTK_WINDOW (window), "space");
  spin_until (revealed, view, "the answer to be revealed");
  g_test_message ("Easy without an interview: %s",
                  gtk_button_get_label (bp_study_view_get_grade_button (view, BP_GRADE_EASY)));
  g_assert_cmpuint (label_days (view, BP_GRADE_EASY), >, 2);

  g_settings_set_string (settings, "interview-date", INTERVIEW);
  wanted.days = 2;
  spin_until (easy_label_is, &wanted, "the Easy button to be capped before the interview");
  /* Hard on a new question brings it back in this session: no interval to cap. */
  for (BpGrade grade = BP_GRADE_HARD; grade <= BP_GRADE_EASY; grade++)
    if (!g_str_has_suffix (gtk_button_get_label (bp_study_view_get_grade_button (view, grade)),
                           "in this session"))
      g_assert_cmpuint (label_days (view, grade), <=, 2);

  /* Graded Easy, it is due on 3 December, before the interview. */
  graded = bp_study_view_get_question (view);
  showing = (Showing) { view, graded };
  press_keys (GTK_WINDOW (window), "4");
  spin_until (shows_other, &showing, "the next question");
  g_assert_cmpint (bp_reviews_get_due_day (reviews, bp_question_get_id (graded)), ==,
                   bp_reviews_get_interview_day (reviews) - 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "progress.show", NULL);
  wait_for_progress (window);
  tooltip = tile_tooltip (window, graded);
  g_test_message ("tile: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, "on the interview day"));

  g_settings_reset (settings, "interview-date");
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("BACKPROP_NOW", TODAY, TRUE);
  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/progress-window/tiles-grade-click", test_progress_tiles);
  g_test_add_func ("/progress-window/interview-preference", test_interview_preference);
  g_test_add_func ("/progress-window/interview-caps-session", test_interview_caps_session);

  return run_app_tests (&app);
}
