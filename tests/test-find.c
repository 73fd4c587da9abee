/* test-find.c: search, history, question links, text size and the shortcuts window
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

static gboolean
listed (BpWindow *window,
        guint     number)
{
  GListModel *model = G_LIST_MODEL (window->sidebar->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BpQuestion) question = g_list_model_get_item (model, i);

      if (bp_question_get_number (question) == number)
        return TRUE;
    }

  return FALSE;
}

static guint
n_listed (BpWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (window->sidebar->selection));
}

static gboolean
search_narrowed (gpointer data)
{
  BpWindow *window = data;

  return n_listed (window) < 22 && listed (window, 18);
}

static gboolean
all_listed (gpointer data)
{
  return n_listed (data) == 22;
}

static void
test_search_momentum (void)
{
  BpWindow *window = open_window (app, 1000, 700);
  g_autofree char *status = NULL;

  /* Ctrl+F, then typing, as a user does. */
  press_keys (GTK_WINDOW (window), "ctrl+f m o m e n t u m");
  spin_until (search_narrowed, window, "the list to narrow to the momentum questions");

  g_assert_true (listed (window, 18));
  g_assert_false (listed (window, 1));
  g_assert_false (listed (window, 15));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sidebar->search_status)));
  status = g_strdup_printf ("%u questions match", n_listed (window));
  g_assert_cmpstr (gtk_label_get_text (window->sidebar->search_status), ==, status);

  /* The question about momentum is listed first: its title matches. */
  {
    g_autoptr(BpQuestion) first = g_list_model_get_item (G_LIST_MODEL (window->sidebar->selection), 0);

    g_assert_cmpuint (bp_question_get_number (first), ==, 18);
  }

  /* Escape gives back all 22. */
  press_keys (GTK_WINDOW (window), "Escape");
  spin_until (all_listed, window, "all 22 questions again");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->sidebar->search_entry)), ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sidebar->search_status)));

  close_window (window);
}

/* The row the list shows for question @number, or NULL while it is not laid out. */
static BpQuestionRow *
shown_row (BpWindow *window,
           guint     number)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->sidebar->question_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (BP_IS_QUESTION_ROW (row) && bp_question_row_get_question (BP_QUESTION_ROW (row)) != NULL &&
          bp_question_get_number (bp_question_row_get_question (BP_QUESTION_ROW (row))) == number)
        return BP_QUESTION_ROW (row);
    }

  return NULL;
}

static guint
listed_number (BpWindow *window,
               guint     position)
{
  g_autoptr(BpQuestion) question = g_list_model_get_item (G_LIST_MODEL (window->sidebar->selection),
                                                          position);

  return question != NULL ? bp_question_get_number (question) : 0;
}

/* The label under a row's title that shows its snippet. */
static GtkWidget *
find_snippet_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "search-snippet"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_snippet_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
dropout_ranked (gpointer data)
{
  BpWindow *window = data;
  BpQuestionRow *row = shown_row (window, 20);

  return n_listed (window) < 22 && listed_number (window, 0) == 20 && row != NULL &&
         bp_question_row_get_snippet (row) != NULL;
}

static gboolean
snippets_gone (gpointer data)
{
  BpQuestionRow *row = shown_row (data, 20);

  return all_listed (data) && row != NULL && bp_question_row_get_snippet (row) == NULL;
}

/* The example, typed as a new user would: the question whose title says dropout
 * first, and under each result the answer's words around the match, marked. */
static void
test_search_ranks_with_snippets (void)
{
  BpWindow *window = open_window (app, 1000, 700);
  BpQuestionRow *row;
  GtkWidget *snippet_label;

  press_keys (GTK_WINDOW (window), "ctrl+f d r o p o u t space i n f e r");
  spin_until (dropout_ranked, window, "question 20 ranked first, with a snippet");
  g_assert_true (listed (window, 16));
  g_assert_false (listed (window, 1));

  row = shown_row (window, 20);
  g_assert_nonnull (strstr (bp_question_row_get_snippet (row), "<b>Dropout</b>"));
  /* The label shows the marked words in bold, and only the text as text. */
  snippet_label = find_snippet_label (GTK_WIDGET (row));
  g_assert_nonnull (snippet_label);
  g_assert_true (gtk_widget_get_visible (snippet_label));
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (snippet_label)));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (snippet_label)), "<b>"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (snippet_label)), "Dropout"));

  /* Escape ends the search: the snippets go with it. */
  press_keys (GTK_WINDOW (window), "Escape");
  spin_until (snippets_gone, window, "all 22 questions again, without snippets");
  g_assert_false (gtk_widget_get_visible (snippet_label));

  close_window (window);
}

static void
test_history_and_links (void)
{
  BpWindow *window = open_window (app, 1000, 700);

  bp_window_show_question (window, question_number (window, 3));
  bp_window_show_question (window, question_number (window, 7));
  bp_window_show_question (window, question_number (window, 13));
  wait_for_page (window, question_number (window, 13));

  /* "see question 9" in the answer opens question 9 in the window. */
  g_free (evaluate (window_web_view (window),
                    "document.querySelector('a[href=\"question:9\"]').click(); 1"));
  wait_for_question (window, 9);

  press_keys (GTK_WINDOW (window), "alt+Left");
  wait_for_question (window, 13);
  press_keys (GTK_WINDOW (window), "alt+Left alt+Left");
  wait_for_question (window, 3);
  press_keys (GTK_WINDOW (window), "alt+Right");
  wait_for_question (window, 7);

  /* A new visit from the middle drops the forward part. */
  bp_window_show_question (window, question_number (window, 20));
  press_keys (GTK_WINDOW (window), "alt+Right");
  press_keys (GTK_WINDOW (window), "alt+Left");
  wait_for_question (window, 7);

  close_window (window);
}

typedef struct
{
  BpWindow *window;
  const char *expected;
} Marks;

/* The distinct words the page marks for the search, folded and sorted: "momen sgd". */
static char *
marked_words (BpWindow *window)
{
  return try_evaluate (window_web_view (window),
                       "(() => { const marks = CSS.highlights.get('search');"
                       "  if (!marks) return '';"
                       "  const words = new Set([...marks].map(r => r.toString().toLowerCase()));"
                       "  return [...words].sort().join(' '); })()");
}

static gboolean
marks_are (gpointer data)
{
  Marks *marks = data;
  g_autofree char *marked = marked_words (marks->window);

  return g_strcmp0 (marked, marks->expected) == 0;
}

static void
test_page_marks_every_word (void)
{
  BpWindow *window = open_window (app, 1000, 700);
  Marks marks = { window, "momen sgd" };
  g_autofree char *count = NULL;

  /* Two word beginnings, in any case: Enter opens the best match, question 18. */
  press_keys (GTK_WINDOW (window), "ctrl+f M o m e n space S G D Return");
  wait_for_question (window, 18);
  wait_for_page (window, question_number (window, 18));
  spin_until (marks_are, &marks, "both words marked in the page");

  /* Every place each word starts a word is marked, and nothing inside a word. */
  count = evaluate (window_web_view (window),
                    "[...CSS.highlights.get('search')].every(r => {"
                    "  const before = r.startContainer.data.slice(0, r.startOffset);"
                    "  return !/[\\p{L}\\p{N}]$/u.test(before); }) &&"
                    " CSS.highlights.get('search').size");
  g_assert_cmpint (atoi (count), >=, 5);

  /* The other match, opened from the list, is marked too. */
  bp_window_show_question (window, question_number (window, 6));
  wait_for_page (window, question_number (window, 6));
  spin_until (marks_are, &marks, "both words marked in the next page");

  /* Escape ends the search and takes the marks away. */
  press_keys (GTK_WINDOW (window), "Escape");
  spin_until (all_listed, window, "all 22 questions again");
  marks.expected = "";
  spin_until (marks_are, &marks, "no marks left");

  close_window (window);
}

static gboolean
zoomed (gpointer data)
{
  BpWindow *window = data;

  return webkit_web_view_get_zoom_level (window_web_view (window)) > 1.15;
}

static void
test_text_size_persists (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  BpWindow *window = open_window (app, 1000, 700);

  press_keys (GTK_WINDOW (window), "ctrl+plus ctrl+plus");
  spin_until (zoomed, window, "the page to grow");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-size"), 1.2, 0.001);
  close_window (window);

  /* A new window (as after a restart) reads it back. */
  window = open_window (app, 1000, 700);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (window_web_view (window)),
                                  1.2, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (window), "app.text-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-size"), 1.0, 0.001);
  close_window (window);
}

/* Every accelerator in the shortcuts window, as key and modifiers. */
static GHashTable *
listed_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "ui/bp-shortcuts-window.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "shortcuts_window"));
  GHashTable *accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkWidget) keep = g_object_ref_sink (overlay);
  GtkWidget *widget = overlay;

  /* A depth-first walk over the window's widgets. */
  while (widget != NULL)
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
        {
          g_autofree char *accelerator = NULL;
          g_auto(GStrv) parts = NULL;

          g_object_get (widget, "accelerator", &accelerator, NULL);
          parts = g_strsplit (accelerator ? accelerator : "", " ", -1);
          for (guint i = 0; parts[i] != NULL; i++)
            {
              guint key;
              GdkModifierType mods;

              if (*parts[i] != '\0' && gtk_accelerator_parse (parts[i], &key, &mods))
                g_hash_table_add (accels, gtk_accelerator_name (key, mods));
            }
        }

      if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && gtk_widget_get_next_sibling (widget) == NULL)
            widget = widget == overlay ? NULL : gtk_widget_get_parent (widget);
          if (widget != NULL)
            widget = widget == overlay ? NULL : gtk_widget_get_next_sibling (widget);
        }
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
  return accels;
}

static void
test_shortcuts_window_lists_every_accelerator (void)
{
  g_autoptr(GHashTable) listed = listed_shortcuts ();
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  guint checked = 0;

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (accels[j], &key, &mods));
          name = gtk_accelerator_name (key, mods);
          if (!g_hash_table_contains (listed, name))
            g_error ("%s (for %s) is not in the shortcuts window", accels[j], actions[i]);
          checked++;
        }
    }

  /* quit, close, preferences, shortcuts, next, previous, back, forward, search and its
   * two moves, weak topic, notes, and the three text sizes with their alternates. */
  g_assert_cmpuint (checked, >=, 20);
  g_assert_cmpuint (checked, ==, g_hash_table_size (listed));
}

/* The shortcuts window on screen for @window, or NULL. */
static GtkWindow *
shown_shortcuts_window (BpWindow *window)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return toplevel;
    }

  return NULL;
}

static gboolean
shortcuts_shown (gpointer data)
{
  return shown_shortcuts_window (data) != NULL;
}

static gboolean
shortcuts_hidden (gpointer data)
{
  return shown_shortcuts_window (data) == NULL;
}

static void
test_shortcuts_window_opens (void)
{
  BpWindow *window = open_window (app, 1000, 700);
  GtkWindow *shortcuts;

  /* Ctrl+? as typed: Ctrl+Shift+slash on most keyboards. */
  press_keys (GTK_WINDOW (window), "ctrl+question");
  spin_until (shortcuts_shown, window, "the shortcuts window");
  shortcuts = shown_shortcuts_window (window);
  g_assert_true (gtk_window_get_modal (shortcuts));

  /* Escape closes it; the menu item opens the same one again. */
  press_keys (shortcuts, "Escape");
  spin_until (shortcuts_hidden, window, "the shortcuts window to close");
  gtk_widget_activate_action (GTK_WIDGET (window), "shortcuts.show", NULL);
  spin_until (shortcuts_shown, window, "the shortcuts window again");
  g_assert_true (shown_shortcuts_window (window) == shortcuts);

  close_window (window);
  spin_until (shortcuts_hidden, window, "the shortcuts window to go with its window");
}

int
main (int   argc,
      char *argv[])
{
  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/find/search-momentum", test_search_momentum);
  g_test_add_func ("/find/search-ranks-with-snippets", test_search_ranks_with_snippets);
  g_test_add_func ("/find/page-marks-every-word", test_page_marks_every_word);
  g_test_add_func ("/find/history-and-links", test_history_and_links);
  g_test_add_func ("/find/text-size-persists", test_text_size_persists);
  g_test_add_func ("/find/shortcuts-window-opens", test_shortcuts_window_opens);
  g_test_add_func ("/find/shortcuts-window-lists-every-accelerator",
                   test_shortcuts_window_lists_every_accelerator);

  return run_app_tests (&app);
}
