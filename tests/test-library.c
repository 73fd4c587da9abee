/* test-library.c: decks opened as a user opens them, switched, restarted, edited and refused
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>

#include "bp-sidebar-private.h"
#include "deck-generator.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

static BpApplication *app;
static char *deck_dir;

#define SQL_DECK \
  "# SQL Interview Questions\n\n" \
  "### Q1: What is a join?\n\nIt combines rows of two tables.\n\n" \
  "### Q2: What is an index?\n\nA structure that finds rows fast.\n\n" \
  "### Q3: What is a view?\n\nA stored query.\n"

#define K8S_DECK \
  "# Kubernetes Questions\n\n" \
  "### Q1: What is a pod?\n\nThe smallest unit Kubernetes runs.\n\n" \
  "### Q2: What is a node?\n\nA machine of the cluster.\n"

static char *
write_deck (const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (deck_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

static gboolean
current_weak (BpWindow *window)
{
  gboolean weak;

  g_object_get (window, "current-weak", &weak, NULL);
  return weak;
}

typedef struct
{
  BpWindow *window;
  const char *title;
} DeckWait;

static gboolean
shows_deck (gpointer data)
{
  DeckWait *wait = data;
  BpLibraryEntry *entry = bp_library_lookup (bp_application_get_library (app),
                                             bp_deck_get_id (bp_window_get_deck (wait->window)));

  return entry != NULL && g_str_equal (bp_library_entry_get_title (entry), wait->title) &&
         bp_window_get_question (wait->window) != NULL &&
         g_str_has_prefix (bp_question_get_id (bp_window_get_question (wait->window)),
                           bp_deck_get_id (bp_window_get_deck (wait->window)));
}

static void
wait_for_deck (BpWindow   *window,
               const char *title)
{
  DeckWait wait = { window, title };

  spin_until (shows_deck, &wait, title);
}

/* Marks @number of the window's deck as a weak topic, as Ctrl+D does. */
static char *
mark_weak (BpWindow *window,
           guint     number)
{
  BpQuestion *question = question_number (window, number);

  bp_window_show_question (window, question);
  g_assert_true (bp_window_get_question (window) == question);
  gtk_widget_activate_action (GTK_WIDGET (window), "question.weak", NULL);
  g_assert_true (bp_study_store_get_weak (bp_application_get_store (app), bp_question_get_id (question)));
  return g_strdup (bp_question_get_id (question));
}

static BpStudyStore *
reload_store (void)
{
  BpStudyStore *store = bp_study_store_new (bp_study_store_get_path (bp_application_get_store (app)));
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_study_store_flush (bp_application_get_store (app), &error));
  g_assert_true (bp_study_store_load (store, &error));
  g_assert_no_error (error);
  return store;
}

static BpLibrary *
reload_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  BpLibrary *library = bp_library_new (bp_library_get_path (bp_application_get_library (app)),
                                       bp_application_get_deck (app, NULL));

  g_assert_true (bp_library_load (library, now, &error));
  g_assert_no_error (error);
  return library;
}

typedef struct
{
  BpWindow *window;
  const char *question_id;
} QuestionWait;

static gboolean
shows_question (gpointer data)
{
  QuestionWait *wait = data;
  BpQuestion *question = bp_window_get_question (wait->window);

  return question != NULL && g_str_equal (bp_question_get_id (question), wait->question_id);
}

static void
test_open_switch_restart (void)
{
  g_autofree char *sql_path = write_deck ("sql.md", SQL_DECK, -1);
  g_autofree char *k8s_path = write_deck ("kubernetes.md", K8S_DECK, -1);
  g_autoptr(GFile) sql_file = g_file_new_for_path (sql_path);
  BpWindow *window = open_window (app, 1000, 700);
  BpLibrary *library = bp_application_get_library (app);
  g_autoptr(BpStudyStore) store = NULL;
  g_autoptr(BpLibrary) restarted_library = NULL;
  g_autofree char *sql_weak = NULL;
  g_autofree char *k8s_weak = NULL;
  g_autofree char *summary = NULL;
  BpLibraryEntry *sql, *k8s;
  BpWindow *restarted;
  QuestionWait wait;

  /* The command line's way in: what "backprop sql.md" and a second instance end in. */
  g_application_open (G_APPLICATION (app), &sql_file, 1, "");
  wait_for_deck (window, "SQL Interview Questions");
  sql = bp_library_lookup_path (library, sql_path);
  g_assert_nonnull (sql);
  g_assert_true (bp_deck_switcher_get_selected (window->deck_switcher) == sql);
  g_assert_cmpuint (bp_deck_get_n_questions (bp_window_get_deck (window)), ==, 3);
  wait_for_page (window, question_number (window, 1));
  sql_weak = mark_weak (window, 2);

  /* The Open action's way in, with the file the dialog would have given. */
  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", k8s_path);
  wait_for_deck (window, "Kubernetes Questions");
  k8s = bp_library_lookup_path (library, k8s_path);
  g_assert_nonnull (k8s);
  k8s_weak = mark_weak (window, 1);
  g_assert_cmpstr (sql_weak, !=, k8s_weak);

  /* Back to the first deck through the switcher: where the reader was, mark kept. */
  bp_deck_switcher_set_selected (window->deck_switcher, sql);
  wait_for_deck (window, "SQL Interview Questions");
  g_assert_cmpstr (bp_question_get_id (bp_window_get_question (window)), ==, sql_weak);
  g_assert_true (current_weak (window));
  summary = bp_deck_switcher_dup_summary (window->deck_switcher, k8s);
  g_assert_cmpstr (summary, ==, "2 questions · 1 weak");

  /* A restart: the library and the study file as read from disk, both decks and marks kept. */
  store = reload_store ();
  restarted_library = reload_library ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (restarted_library)), ==, 3);
  g_assert_nonnull (bp_library_lookup (restarted_library, bp_library_entry_get_id (sql)));
  g_assert_nonnull (bp_library_lookup (restarted_library, bp_library_entry_get_id (k8s)));
  g_assert_cmpstr (bp_library_entry_get_path (bp_library_lookup (restarted_library, bp_library_entry_get_id (k8s))),
                   ==, k8s_path);
  g_assert_true (bp_study_store_get_weak (store, sql_weak));
  g_assert_true (bp_study_store_get_weak (store, k8s_weak));
  close_window (window);

  /* A new window opens the last deck again, at the last question. */
  restarted = open_window_with_store (app, store, 1000, 700);
  wait = (QuestionWait) { restarted, sql_weak };
  spin_until (shows_question, &wait, "the last deck and question to come back");
  g_assert_true (current_weak (restarted));
  close_window (restarted);
}

static gboolean
page_says (gpointer data)
{
  BpWindow *window = data;
  g_autofree char *found = try_evaluate (window_web_view (window),
                                         "document.body.textContent.includes ('rewritten in the editor')");

  return g_strcmp0 (found, "true") == 0;
}

static double
scroll_y (BpWindow *window)
{
  g_autofree char *y = evaluate (window_web_view (window), "window.scrollY");

  return g_ascii_strtod (y, NULL);
}

static gboolean
scrolled_back (gpointer data)
{
  BpWindow *window = data;

  return scroll_y (window) > 200;
}

static char *
long_deck (const char *second_answer)
{
  GString *deck = g_string_new ("# Long Answers\n\n### Q1: What is first?\n\nShort.\n\n"
                                "### Q2: What is long?\n\n");

  g_string_append_printf (deck, "%s\n\n", second_answer);
  for (guint i = 0; i < 80; i++)
    g_string_append_printf (deck, "Paragraph %u of a long answer, to scroll through.\n\n", i);
  g_string_append (deck, "### Q3: What is last?\n\nThe end.\n");
  return g_string_free (deck, FALSE);
}

/* Saved in an editor: the deck reloads in place, on the same question, scrolled as it was. */
static void
test_edit_reloads_in_place (void)
{
  g_autofree char *text = long_deck ("As first written.");
  g_autofree char *edited = NULL;
  g_autofree char *path = write_deck ("long.md", text, -1);
  BpWindow *window = open_window (app, 1000, 500);
  g_autofree char *id = NULL;
  BpDeck *before;

  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", path);
  wait_for_deck (window, "Long Answers");
  bp_window_show_question (window, question_number (window, 2));
  wait_for_page (window, question_number (window, 2));
  id = g_strdup (bp_question_get_id (bp_window_get_question (window)));
  g_free (evaluate (window_web_view (window), "window.scrollTo (0, 400); window.scrollY"));
  g_assert_cmpfloat (scroll_y (window), >, 200);
  before = bp_window_get_deck (window);

  /* Saved without a change: nothing reloads, and the page stays where it was. */
  g_free (write_deck ("long.md", text, -1));
  spin_for_ms (1000);
  g_assert_true (bp_window_get_deck (window) == before);
  g_assert_cmpfloat (scroll_y (window), >, 200);

  edited = long_deck ("This answer was rewritten in the editor.");
  g_free (write_deck ("long.md", edited, -1));
  spin_until (page_says, window, "the edited answer to show");
  g_assert_true (bp_window_get_deck (window) != before);
  g_assert_cmpstr (bp_question_get_id (bp_window_get_question (window)), ==, id);
  spin_until (scrolled_back, window, "the page to scroll back where it was");
  close_window (window);
}

typedef struct
{
  BpWindow *window;
  const char *text;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;

  return has_label_with (GTK_WIDGET (wait->window->toast_overlay), wait->text);
}

static char *
read_or_null (const char *path)
{
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

/* A file that is no deck: its name and why, in the window; nothing else changes. */
static void
test_bad_file_changes_nothing (void)
{
  g_autofree char *path = write_deck ("empty.md", "", 0);
  g_autofree char *binary = write_deck ("photo.md", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  BpWindow *window = open_window (app, 1000, 700);
  BpLibrary *library = bp_application_get_library (app);
  guint n_decks = g_list_model_get_n_items (G_LIST_MODEL (library));
  g_autofree char *library_before = read_or_null (bp_library_get_path (library));
  g_autofree char *study_before = NULL;
  g_autofree char *library_after = NULL;
  g_autofree char *study_after = NULL;
  BpDeck *deck = bp_window_get_deck (window);
  BpQuestion *question = bp_window_get_question (window);
  ToastWait wait = { window, NULL };

  /* The answer open becomes read after a while: not what this test is about. */
  bp_study_store_set_read (bp_application_get_store (app), bp_question_get_id (question), TRUE);
  g_assert_true (bp_study_store_flush (bp_application_get_store (app), NULL));
  study_before = read_or_null (bp_study_store_get_path (bp_application_get_store (app)));

  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", path);
  wait.text = "empty.md";
  spin_until (toast_shown, &wait, "a message naming the empty file");
  g_assert_true (has_label_with (GTK_WIDGET (window->toast_overlay), "The file is empty"));

  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", binary);
  wait.text = "photo.md";
  spin_until (toast_shown, &wait, "a message naming the binary file");
  g_assert_true (has_label_with (GTK_WIDGET (window->toast_overlay), "binary"));

  g_assert_true (bp_window_get_deck (window) == deck);
  g_assert_true (bp_window_get_question (window) == question);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_decks);
  library_after = read_or_null (bp_library_get_path (library));
  g_assert_cmpstr (library_before, ==, library_after);
  g_assert_true (bp_study_store_flush (bp_application_get_store (app), NULL));
  study_after = read_or_null (bp_study_store_get_path (bp_application_get_store (app)));
  g_assert_cmpstr (study_before, ==, study_after);
  close_window (window);
}

/* The smallest PNG: one pixel. */
#define PIXEL_PNG_BASE64 \
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

#define ALGEBRA_DECK \
  "# Algebra Questions\n\n" \
  "### Q1: What is a vector?\n\nAn arrow: ![one pixel](images/pixel.png)\n\n" \
  "### Q2: What is a matrix?\n\nA table of numbers.\n"

#define BIOLOGY_DECK \
  "# Biology Questions\n\n" \
  "### Q1: What is a cell?\n\nThe smallest unit of life.\n"

typedef struct
{
  BpLibrary *library;
  const char *paths[2];
} FolderWait;

static gboolean
library_has (gpointer data)
{
  FolderWait *wait = data;

  return bp_library_lookup_path (wait->library, wait->paths[0]) != NULL &&
         bp_library_lookup_path (wait->library, wait->paths[1]) != NULL;
}

static gboolean
has_action (GtkWidget  *widget,
            const char *name)
{
  const GVariantType *parameter_type;
  const char *action_name, *property_name;
  GType owner;

  /* GTK 4.8 fills every out argument: none may be NULL. */
  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (widget), i, &owner, &action_name,
                                                   &parameter_type, &property_name); i++)
    if (g_str_equal (action_name, name))
      return TRUE;

  return FALSE;
}

static gboolean
image_loaded (gpointer data)
{
  g_autofree char *width = try_evaluate (window_web_view (data),
                                         "document.images.length === 1 && document.images[0].complete"
                                         " ? String (document.images[0].naturalWidth) : 'loading'");

  return width != NULL && !g_str_equal (width, "loading") && !g_str_equal (width, "false");
}

/* Open Folder: every deck in the folder joins the library, anything else is left out;
 * a deck's image beside it, in the folder granted, is shown. */
static void
test_open_folder (void)
{
  g_autofree char *folder_path = g_build_filename (deck_dir, "folder", NULL);
  g_autofree char *images = g_build_filename (folder_path, "images", NULL);
  g_autofree char *pixel_path = g_build_filename (images, "pixel.png", NULL);
  g_autofree char *algebra_path = g_build_filename (folder_path, "algebra.md", NULL);
  g_autofree char *biology_path = g_build_filename (folder_path, "biology.md", NULL);
  g_autofree char *text_path = g_build_filename (folder_path, "readme.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) algebra_file = g_file_new_for_path (algebra_path);
  g_autofree guchar *pixel = NULL;
  g_autofree char *width = NULL;
  BpWindow *window = open_window (app, 1000, 700);
  BpLibrary *library = bp_application_get_library (app);
  guint n_decks = g_list_model_get_n_items (G_LIST_MODEL (library));
  FolderWait wait = { library, { algebra_path, biology_path } };
  gsize length;

  g_assert_true (has_action (GTK_WIDGET (window), "deck.open-folder"));
  g_assert_no_errno (g_mkdir_with_parents (images, 0700));
  pixel = g_base64_decode (PIXEL_PNG_BASE64, &length);
  g_assert_true (g_file_set_contents (pixel_path, (const char *)pixel, length, NULL));
  g_assert_true (g_file_set_contents (algebra_path, ALGEBRA_DECK, -1, NULL));
  g_assert_true (g_file_set_contents (biology_path, BIOLOGY_DECK, -1, NULL));
  g_assert_true (g_file_set_contents (text_path, "### Q1: Not a deck file\n\nIt is .txt\n", -1, NULL));

  bp_window_open_folder (window, folder);
  spin_until (library_has, &wait, "both decks of the folder in the library");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_decks + 2);
  g_assert_null (bp_library_lookup_path (library, text_path));

  bp_window_open_files (window, &algebra_file, 1);
  wait_for_deck (window, "Algebra Questions");
  bp_window_show_question (window, question_number (window, 1));
  wait_for_page (window, question_number (window, 1));
  spin_until (image_loaded, window, "the deck's image to load");
  width = evaluate (window_web_view (window), "String (document.images[0].naturalWidth)");
  g_assert_cmpstr (width, ==, "1");
  close_window (window);
}

#define MATH_DECK \
  "# Probability Questions\n\n" \
  "### Q1: What is Euler's identity?\n\n" \
  "It is $e^{i\\pi}+1=0$, and in display:\n\n" \
  "$$\n\\sum_{k=0}^{\\infty} \\frac{x^k}{k!} = e^x\n$$\n\n" \
  "A typo, $\\frac{1}$, shows as written; it costs $5 and `$HOME` is code.\n"

static gboolean
math_shown (gpointer data)
{
  g_autofree char *shown = try_evaluate (window_web_view (data),
                                         "document.querySelectorAll ('math').length");

  return g_strcmp0 (shown, "2") == 0;
}

/* TeX in an opened deck is real math in the page, made by the app: the page runs no script. */
static void
test_math_shown (void)
{
  g_autofree char *path = write_deck ("probability.md", MATH_DECK, -1);
  BpWindow *window = open_window (app, 1000, 700);
  g_autofree char *namespace = NULL;
  g_autofree char *power = NULL;
  g_autofree char *display = NULL;
  g_autofree char *typo = NULL;
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", path);
  wait_for_deck (window, "Probability Questions");
  wait_for_page (window, question_number (window, 1));
  spin_until (math_shown, window, "the two formulas as MathML");

  namespace = evaluate (window_web_view (window), "document.querySelector ('math').namespaceURI");
  g_assert_cmpstr (namespace, ==, "http://www.w3.org/1998/Math/MathML");
  power = evaluate (window_web_view (window), "document.querySelectorAll ('math msup').length > 0");
  g_assert_cmpstr (power, ==, "true");
  display = evaluate (window_web_view (window),
                      "document.querySelectorAll ('math')[1].getAttribute ('display')");
  g_assert_cmpstr (display, ==, "block");
  /* The typo: its source in a code span, KaTeX's reason on hover; the page goes on. */
  typo = evaluate (window_web_view (window),
                   "const e = document.querySelector ('code.tex-error');"
                   "e.textContent + ' | ' + e.title.startsWith ('KaTeX parse error')");
  g_assert_cmpstr (typo, ==, "\\frac{1} | true");
  text = evaluate (window_web_view (window), "document.querySelector ('main, body').textContent");
  g_assert_nonnull (strstr (text, "it costs $5 and $HOME is code."));

  close_window (window);
}

#define DATABASE_DECK \
  "# Databases\n\n" \
  "### Q1: What is a replica?\n\nA copy of the database that follows the primary.\n\n" \
  "### Q2: What is a shard?\n\nA part of the rows, on its own server.\n"

#define CLUSTER_DECK \
  "# Clusters\n\n" \
  "### Q1: What is a node pool?\n\nMachines of one kind.\n\n" \
  "### Q2: What does a ReplicaSet do?\n\nIt keeps a number of replica pods running.\n"

static gboolean
all_listed_one (gpointer data)
{
  BpWindow *window = data;

  return g_list_model_get_n_items (G_LIST_MODEL (window->sidebar->selection)) == 1;
}

typedef struct
{
  BpAllDecksResults *results;
  const char *expected;  /* "Databases: Q1 | Clusters: Q2" */
} ResultsWait;

static char *
describe_results (BpAllDecksResults *results)
{
  GString *described = g_string_new (NULL);

  for (guint i = 0; i < bp_all_decks_results_get_n_results (results); i++)
    {
      BpLibraryEntry *entry = NULL;
      BpQuestion *question = bp_all_decks_results_get_result (results, i, &entry);

      g_string_append_printf (described, "%s%s: Q%u", i > 0 ? " | " : "",
                              bp_library_entry_get_title (entry), bp_question_get_number (question));
    }

  return g_string_free (described, FALSE);
}

static gboolean
results_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
results_are (gpointer data)
{
  ResultsWait *wait = data;
  g_autofree char *described = describe_results (wait->results);

  return g_str_equal (described, wait->expected);
}

static gboolean
sidebar_says (gpointer data)
{
  const char * const *texts = data;
  BpWindow *window = BP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  for (guint i = 0; texts[i] != NULL; i++)
    if (!has_label_with (GTK_WIDGET (window->sidebar), texts[i]))
      return FALSE;
  return TRUE;
}

/* Questions of one title (a quiz file's "What's the output?") are told apart in their rows
 * by the start of the code that follows. */
static void
test_same_title_rows (void)
{
  static const char deck[] =
    "# Quiz\n\n"
    "### 1. What's the output?\n\n```js\nconsole.log(typeof null)\n```\n\nIt logs object.\n\n"
    "### 2. What's the output?\n\n```js\nconsole.log([] + [])\n```\n\nAn empty string.\n";
  static const char * const subtitles[] = { "console.log(typeof null)", "console.log([] + [])", NULL };
  g_autofree char *path = write_deck ("quiz.md", deck, -1);
  BpWindow *window = open_window (app, 1000, 600);

  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", path);
  wait_for_deck (window, "Quiz");
  spin_until (sidebar_says, (gpointer)subtitles, "each row's first words of code");
  close_window (window);
}

static gboolean
toggle_is_on (gpointer button)
{
  return gtk_toggle_button_get_active (button);
}

static gboolean
toggle_is_off (gpointer button)
{
  return !gtk_toggle_button_get_active (button);
}

/* "All Decks" beside the search: each deck's results under its title; picking one shows
 * its deck at that question. */
static void
test_search_all_decks (void)
{
  g_autofree char *databases = write_deck ("databases.md", DATABASE_DECK, -1);
  g_autofree char *clusters = write_deck ("clusters.md", CLUSTER_DECK, -1);
  BpWindow *window = open_window (app, 1000, 700);
  BpAllDecksResults *results = bp_sidebar_get_all_decks_results (window->sidebar);
  GtkToggleButton *all_decks = GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (window->sidebar),
                                                               GTK_TYPE_TOGGLE_BUTTON));
  ResultsWait wait = { results, "Databases: Q1 | Clusters: Q2" };
  GtkListBoxRow *row;
  GtkWidget *header;
  QuestionWait shown;

  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", databases);
  wait_for_deck (window, "Databases");
  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", clusters);
  wait_for_deck (window, "Clusters");

  /* Searching the open deck finds its own question only. (test-find types into the entry.) */
  bp_sidebar_focus_search (window->sidebar);
  gtk_editable_set_text (GTK_EDITABLE (window->sidebar->search_entry), "replica");
  spin_until (all_listed_one, window, "the open deck's one match");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (results)));

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (all_decks)), ==, "All Decks");
  gtk_widget_activate (GTK_WIDGET (all_decks));
  spin_until (results_are, &wait, wait.expected);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (results)));

  /* Shift+Ctrl+F turns it off and on again from anywhere, the search keeping its words. */
  gtk_widget_grab_focus (GTK_WIDGET (window_web_view (window)));
  press_keys (GTK_WINDOW (window), "shift+ctrl+f");
  spin_until (toggle_is_off, all_decks, "All Decks to turn off");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (results)));
  press_keys (GTK_WINDOW (window), "shift+ctrl+f");
  spin_until (toggle_is_on, all_decks, "All Decks to turn on");
  spin_until (results_are, &wait, wait.expected);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->sidebar->search_entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (window->sidebar->search_entry)));

  /* Grouped: each deck's title above its first result. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_widget (GTK_WIDGET (results), GTK_TYPE_LIST_BOX)), 0);
  header = gtk_list_box_row_get_header (row);
  g_assert_true (GTK_IS_LABEL (header));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, "Databases");

  /* Picking the other deck's result switches to it, at that question. */
  gtk_widget_activate (GTK_WIDGET (row));
  wait_for_deck (window, "Databases");
  shown = (QuestionWait) { window, bp_question_get_id (bp_all_decks_results_get_result (results, 0, NULL)) };
  spin_until (shows_question, &shown, "the Databases question that matched");

  /* Off again: the open deck's list. */
  gtk_widget_activate (GTK_WIDGET (all_decks));
  spin_until (results_hidden, results, "the open deck's list again");
  g_assert_true (gtk_widget_get_visible (window->sidebar->question_scroller));
  close_window (window);
}

typedef struct
{
  BpWindow *window;
  const char *path;
  guint frames;               /* frames drawn from the Open until the deck is shown */
  guint frames_while_shown;   /* of them, frames with the loading bar on screen */
  gboolean loaded;
} LoadWatch;

static void
load_frame_cb (GdkFrameClock *clock,
               LoadWatch     *watch)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (watch->window->deck_switcher), GTK_TYPE_PROGRESS_BAR);

  if (watch->loaded)
    return;
  watch->frames++;
  if (bar != NULL && gtk_widget_get_mapped (bar))
    watch->frames_while_shown++;
}

/* Asks the frame clock for every frame, as an animation does. */
static gboolean
keep_ticking_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
large_deck_shown (gpointer data)
{
  LoadWatch *watch = data;

  watch->loaded = watch->window->entry != NULL &&
                  g_strcmp0 (bp_library_entry_get_path (watch->window->entry), watch->path) == 0 &&
                  bp_window_get_question (watch->window) != NULL;
  return watch->loaded;
}

/* A deck of 3,000 questions is read off the main thread: the window keeps drawing
 * frames while it is read, and, when that takes a while, the sidebar says it is loading. */
static void
test_large_deck_keeps_drawing (void)
{
  g_autoptr(GeneratedDeck) generated = deck_generator_generate (3000, 11, FALSE);
  g_autofree char *path = write_deck ("large.md", generated->markdown, -1);
  BpWindow *window = open_window (app, 1000, 700);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  LoadWatch watch = { window, path };
  guint tick_id;
  gint64 start, elapsed_ms;

  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), keep_ticking_cb, NULL, NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (load_frame_cb), &watch);
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", path);
  spin_until (large_deck_shown, &watch, "the large deck");
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_signal_handlers_disconnect_by_func (clock, load_frame_cb, &watch);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);

  g_assert_cmpuint (bp_deck_get_n_questions (bp_window_get_deck (window)), ==, 3000);
  g_test_message ("read in %" G_GINT64_FORMAT " ms: %u frames, %u with the loading bar shown",
                  elapsed_ms, watch.frames, watch.frames_while_shown);
  /* Frames were drawn while the deck was read: a parse on the main thread allows none. */
  g_assert_cmpuint (watch.frames, >=, 2);
  /* The bar shows after 0.2 s; past 0.4 s it has been on screen, drawn, whatever the load. */
  if (elapsed_ms > 400)
    g_assert_cmpuint (watch.frames_while_shown, >=, 1);
  /* Once shown, the bar is gone. */
  g_assert_false (gtk_widget_get_mapped (find_widget (GTK_WIDGET (window->deck_switcher),
                                                      GTK_TYPE_PROGRESS_BAR)));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  app = init_app_tests (&argc, &argv);
  deck_dir = g_dir_make_tmp ("test-library-XXXXXX", &error);
  g_assert_no_error (error);

  /* First, while no other window's timer marks a question read. */
  g_test_add_func ("/library/bad-file-changes-nothing", test_bad_file_changes_nothing);
  g_test_add_func ("/library/open-switch-restart", test_open_switch_restart);
  g_test_add_func ("/library/edit-reloads-in-place", test_edit_reloads_in_place);
  g_test_add_func ("/library/open-folder", test_open_folder);
  g_test_add_func ("/library/math-shown", test_math_shown);
  g_test_add_func ("/library/search-all-decks", test_search_all_decks);
  g_test_add_func ("/library/same-title-rows", test_same_title_rows);
  g_test_add_func ("/library/large-deck-keeps-drawing", test_large_deck_keeps_drawing);

  return run_app_tests (&app);
}
