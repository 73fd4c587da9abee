/* test-i18n.c: with LANGUAGE=de the window speaks German
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "bp-application.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

static BpApplication *app;

static void
test_window_in_german (void)
{
  g_autoptr(GError) error = NULL;
  BpDeck *deck = bp_application_get_deck (app, &error);
  g_autofree char *placeholder = NULL;
  BpWindow *window;

  g_assert_no_error (error);
  window = bp_window_new (app, deck);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (is_allocated, window, "the window to map");

  bp_window_show_question (window, bp_deck_find_by_number (deck, 4));

  g_object_get (window->search_entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Fragen und Antworten durchsuchen");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->page_title), ==, "Frage 4 von 22");
  g_assert_cmpstr (gtk_string_list_get_string (window->filter_names, BP_FILTER_ALL), ==,
                   "Alle Fragen (22)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (window->weak_button), ==, "Schwachpunkt");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* As main.c does, but with the catalogues of this build rather than the installed ones. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  app = bp_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/i18n/window-in-german", test_window_in_german);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
