/* test-i18n.c: with LANGUAGE=de the window speaks German
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bp-application.h"
#include "bp-deck-inspect.h"
#include "bp-sidebar-private.h"
#include "bp-study-view.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

static BpApplication *app;

static void
test_window_in_german (void)
{
  BpWindow *window = open_window (app, 0, 0);
  g_autofree char *placeholder = NULL;

  bp_window_show_question (window, question_number (window, 4));

  g_object_get (window->sidebar->search_entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Fragen und Antworten durchsuchen");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->page_title), ==, "Frage 4 von 22");
  g_assert_cmpstr (gtk_string_list_get_string (window->sidebar->filter_names, BP_FILTER_ALL), ==,
                   "Alle Fragen (22)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (window->weak_button), ==, "Schwachpunkt");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
studies_a_question (gpointer data)
{
  return bp_study_view_get_question (data) != NULL;
}

/* Each number of the session's counts takes its own German plural form. */
static void
test_session_counts_in_german (void)
{
  BpWindow *window = open_window (app, 1000, 700);
  GtkLabel *progress;
  guint n_left;
  g_autofree char *expected = NULL;

  spin_until (reviews_loaded, bp_application_get_reviews (app), "the review log to be read");
  gtk_widget_activate_action (GTK_WIDGET (window), "study.start", NULL);
  spin_until (studies_a_question, window->study_view, "a question to study");
  progress = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window->study_view), BP_TYPE_STUDY_VIEW,
                                                       "progress_label"));
  n_left = bp_study_view_get_n_left (window->study_view);
  g_assert_cmpuint (n_left, >, 1);

  /* Nothing studied yet: no review due, every question new. */
  expected = g_strdup_printf ("Noch %u: 0 Wiederholungen, %u neu", n_left, n_left);
  g_assert_cmpstr (gtk_label_get_label (progress), ==, expected);
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u review", "%u reviews", 1), ==, "%u Wiederholung");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --inspect in German: its words translated, its flags the codes scripts grep, and the
 * legend saying so in German. */
static void
test_inspect_in_german (void)
{
  static const char deck[] = "# SQL\n\n### Q1: What is a join?\n\n### Q2: What is a view?\n\nA stored query.\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *report = bp_deck_inspect ("sql.md", deck, sizeof deck - 1, &error);
  g_autofree char *legend = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (report, "Fragenkatalog: SQL\nRegel: "));
  g_assert_nonnull (strstr (report, "(0 Zeichen) empty-answer\n"));
  g_assert_true (g_str_has_suffix (report, "\n2 Fragen, 1 ohne Antwort\n"));
  legend = bp_deck_inspect_dup_legend (report);
  g_assert_cmpstr (legend, ==, "Markierungen (Kennungen für Skripte, nie übersetzt):\n"
                               "  empty-answer  die Frage hat keine Antwort\n");
}

int
main (int   argc,
      char *argv[])
{
  /* As main.c does, but with the catalogues of this build rather than the installed ones. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/i18n/window-in-german", test_window_in_german);
  g_test_add_func ("/i18n/session-counts-in-german", test_session_counts_in_german);
  g_test_add_func ("/i18n/inspect-in-german", test_inspect_in_german);

  return run_app_tests (&app);
}
