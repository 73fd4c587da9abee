/* test-i18n.c: with LANGUAGE=de the window speaks German
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "bp-application.h"
#include "bp-sidebar-private.h"
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

  return run_app_tests (&app);
}
