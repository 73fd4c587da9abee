/* test-study-decks.c: the deck switcher's Study row: due counts per deck, and a session of that deck
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bp-study-view.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

#define TODAY "2026-12-01T09:00:00Z"
/* Graded Good five days ago: a first Good's interval is 2 days, so it is due today. */
#define GRADED "2026-11-26T09:00:00.000000Z"
#define SQL_ID "sqldeck0"

#define SQL_DECK \
  "# SQL Interview Questions\n\n" \
  "### Q1: What is a join?\n\nIt combines rows of two tables.\n\n" \
  "### Q2: What is an index?\n\nA structure that finds rows fast.\n\n" \
  "### Q3: What is a view?\n\nA stored query.\n"

static BpApplication *app;

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* What a user who studied the SQL deck last week has on disk: the deck in the library (not
 * the last one open, so not read at start-up) and one review of it in the log. */
static void
seed_data (void)
{
  const SeededReview graded = { SQL_ID "/what-is-a-join", BP_GRADE_GOOD, GRADED };
  g_autofree char *deck = g_build_filename (g_get_user_data_dir (), "sql.md", NULL);
  g_autofree char *library_path = app_data_path ("library.ini");
  g_autofree char *library = NULL;

  write_file (deck, SQL_DECK);
  library = g_strdup_printf ("[deck " SQL_ID "]\npath=%s\ntitle=SQL Interview Questions\nquestions=3\n",
                             deck);
  write_file (library_path, library);
  seed_reviews (&graded, 1);
}

/* The Study button of @deck_id's row in the drop-down's open list, if it is built. */
static GtkWidget *
find_study_button (GtkWidget  *widget,
                   const char *deck_id)
{
  GVariant *target;

  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "study.deck") == 0 &&
      (target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget))) != NULL &&
      g_str_equal (g_variant_get_string (target, NULL), deck_id) &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_study_button (child, deck_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
study_button_shown (gpointer data)
{
  BpWindow *window = data;

  return find_study_button (GTK_WIDGET (window->deck_switcher), SQL_ID) != NULL;
}

static gboolean
studies_the_join (gpointer data)
{
  BpWindow *window = data;
  BpQuestion *question = bp_study_view_get_question (window->study_view);

  return bp_window_get_studying (window) && question != NULL &&
         g_str_equal (bp_question_get_id (question), SQL_ID "/what-is-a-join");
}

static void
test_study_row (void)
{
  BpWindow *window = open_window (app, 1000, 760);
  BpLibraryEntry *sql = bp_library_lookup (bp_application_get_library (app), SQL_ID);
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (window->deck_switcher),
                                                                         BP_TYPE_DECK_SWITCHER, "dropdown"));
  g_autofree char *summary = NULL;
  GtkWidget *button;
  GtkLabel *row_summary;

  spin_until (reviews_loaded, bp_application_get_reviews (app), "the review log to be read");
  g_assert_nonnull (sql);
  g_assert_null (bp_library_entry_get_deck (sql));
  g_assert_cmpstr (bp_deck_get_id (window->deck), !=, SQL_ID);

  /* Counted from the log, the deck not read yet. */
  summary = bp_deck_switcher_dup_summary (window->deck_switcher, sql);
  g_assert_cmpstr (summary, ==, "3 questions · 1 due");

  /* The list of decks, open: the row says it, beside its Study button. */
  g_signal_emit_by_name (dropdown, "activate");
  spin_until (study_button_shown, window, "the deck list with its Study buttons");
  button = find_study_button (GTK_WIDGET (window->deck_switcher), SQL_ID);
  row_summary = GTK_LABEL (gtk_widget_get_last_child (gtk_widget_get_prev_sibling (button)));
  g_assert_cmpstr (gtk_label_get_label (row_summary), ==, "3 questions · 1 due");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Study");

  /* Study: the deck is read, shown, and its session starts on its due question. */
  gtk_widget_activate (button);
  spin_until (studies_the_join, window, "a session of the SQL deck");
  g_assert_cmpstr (bp_deck_get_id (window->deck), ==, SQL_ID);
  g_assert_true (bp_deck_switcher_get_selected (window->deck_switcher) == sql);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->page_title), ==, "Question 1 of 3 · 3 left");

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("BACKPROP_NOW", TODAY, TRUE);
  /* Before the application reads its files. */
  seed_data ();
  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/study-decks/study-row-with-due-count", test_study_row);

  return run_app_tests (&app);
}
