/* test-deck-loading.c: a large deck's loading bar, its progress and its Stop button, in a window
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "bp-workers.h"
#include "deck-generator.h"
#include "bp-window-private.h"
#include "ui-test-utils.h"

static BpApplication *app;
static char *deck_dir;
static GeneratedDeck *big_deck;

/* Big enough that its parse outlasts a bar shown at once, even on a fast machine. */
#define N_BIG_QUESTIONS 10000

#define SQL_DECK \
  "# SQL Interview Questions\n\n" \
  "### Q1: What is a join?\n\nIt combines rows of two tables.\n\n" \
  "### Q2: What is an index?\n\nA structure that finds rows fast.\n\n" \
  "### Q3: What is a view?\n\nA stored query.\n"

static char *
write_deck (const char *name,
            const char *contents)
{
  char *path = g_build_filename (deck_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static char *
read_or_null (const char *path)
{
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

/* How soon the bar shows, as BACKPROP_LOADING_SHOWN_AFTER_MS says (NULL: the default). Set
 * with no worker running: a worker's gettext reads the environment as setenv() changes it. */
static void
set_shown_after (const char *ms)
{
  g_assert_true (bp_workers_wait (30 * G_USEC_PER_SEC));
  if (ms != NULL)
    g_setenv ("BACKPROP_LOADING_SHOWN_AFTER_MS", ms, TRUE);
  else
    g_unsetenv ("BACKPROP_LOADING_SHOWN_AFTER_MS");
}

static GtkWidget *
find_button_for (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_for (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A label on screen that says @text, as a user would read it. */
static GtkWidget *
find_mapped_label_with (GtkWidget  *widget,
                        const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_label_with (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
loading_bar (BpWindow *window)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (window->deck_switcher), GTK_TYPE_PROGRESS_BAR);

  g_assert_nonnull (bar);
  return bar;
}

static gboolean
bar_mapped (gpointer window)
{
  return gtk_widget_get_mapped (loading_bar (window));
}

static gboolean
bar_gone (gpointer window)
{
  return !bar_mapped (window);
}

/* What the window drew while a deck was opened, frame by frame. */
typedef struct
{
  BpWindow *window;
  const char *name;     /* the file's name, which the bar's label should say */
  GArray *fractions;    /* of double: the bar's fraction on each frame it was shown */
  guint frames;
  guint frames_named;   /* frames with the bar shown and its label naming the file */
} FrameWatch;

static void
sample_frame_cb (GdkFrameClock *clock,
                 FrameWatch    *watch)
{
  GtkWidget *bar = loading_bar (watch->window);
  double fraction;

  watch->frames++;
  if (!gtk_widget_get_mapped (bar))
    return;

  fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar));
  g_array_append_val (watch->fractions, fraction);
  if (find_mapped_label_with (GTK_WIDGET (watch->window->deck_switcher), watch->name) != NULL)
    watch->frames_named++;
}

/* Asks the frame clock for every frame, as an animation does, so frames keep coming. */
static gboolean
keep_ticking_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  return G_SOURCE_CONTINUE;
}

static void
watch_frames (FrameWatch *watch,
              BpWindow   *window,
              const char *name)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  *watch = (FrameWatch) { window, name, g_array_new (FALSE, FALSE, sizeof (double)) };
  g_signal_connect (clock, "after-paint", G_CALLBACK (sample_frame_cb), watch);
}

static void
unwatch_frames (FrameWatch *watch)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (watch->window));

  g_signal_handlers_disconnect_by_func (clock, sample_frame_cb, watch);
  g_clear_pointer (&watch->fractions, g_array_unref);
}

/* The fractions seen strictly between 0 and 1, none smaller than the one before. */
static guint
count_distinct_growing (GArray *fractions)
{
  guint n_distinct = 0;

  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);
      double before = i > 0 ? g_array_index (fractions, double, i - 1) : -1.0;

      g_assert_cmpfloat (fraction, >=, before);
      if (fraction > 0.0 && fraction < 1.0 && fraction != before)
        n_distinct++;
    }

  return n_distinct;
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

/* A deck read sooner than the default 0.2 s never shows the bar: no flash for a small file.
 * A machine so loaded that the open itself took longer may rightly show it. */
static void
test_small_deck_no_bar (void)
{
  g_autofree char *path = write_deck ("small.md", SQL_DECK);
  BpWindow *window = open_window (app, 1000, 700);
  FrameWatch watch;
  guint tick_id;
  gint64 start, elapsed_ms;

  set_shown_after (NULL);
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), keep_ticking_cb, NULL, NULL);
  watch_frames (&watch, window, "small.md");
  start = g_get_monotonic_time ();
  open_deck_and_wait (window, path);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  /* Frames after the deck is shown too: a bar still due would show in them. */
  spin_for_ms (400);

  g_test_message ("small deck read in %" G_GINT64_FORMAT " ms, %u frames watched", elapsed_ms, watch.frames);
  g_assert_cmpuint (watch.frames, >=, 2);
  if (elapsed_ms < 200)
    g_assert_cmpuint (watch.fractions->len, ==, 0);
  g_assert_false (bar_mapped (window));
  g_assert_cmpuint (bp_deck_get_n_questions (bp_window_get_deck (window)), ==, 3);
  unwatch_frames (&watch);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);
  close_window (window);
}

/* The bar names the file, fills up as the parse goes, and goes away on a deck that is open,
 * its questions counted in the deck switcher. */
static void
test_progress_shown (void)
{
  g_autofree char *path = write_deck ("big.md", big_deck->markdown);
  BpWindow *window = open_window (app, 1000, 700);
  g_autofree char *summary = NULL;
  FrameWatch watch;
  guint tick_id, n_distinct;

  set_shown_after ("0");
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), keep_ticking_cb, NULL, NULL);
  watch_frames (&watch, window, "big.md");
  open_deck_and_wait (window, path);
  n_distinct = count_distinct_growing (watch.fractions);
  g_test_message ("%u frames, %u with the bar, %u distinct fractions", watch.frames,
                  watch.fractions->len, n_distinct);

  g_assert_cmpuint (watch.fractions->len, >=, 2);
  g_assert_cmpuint (watch.frames_named, ==, watch.fractions->len);
  g_assert_cmpuint (n_distinct, >=, 2);
  g_assert_false (bar_mapped (window));
  g_assert_cmpuint (bp_deck_get_n_questions (bp_window_get_deck (window)), ==, N_BIG_QUESTIONS);
  g_assert_true (bp_deck_switcher_get_selected (window->deck_switcher) == window->entry);
  summary = bp_deck_switcher_dup_summary (window->deck_switcher, window->entry);
  g_assert_true (g_str_has_prefix (summary, "10000 questions"));
  unwatch_frames (&watch);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);
  close_window (window);
}

/* What a screen reader is told of the bar and its button. */
static void
check_accessible (GtkWidget *bar,
                  GtkWidget *stop)
{
  gtk_test_accessible_assert_role (bar, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_LABEL, "Opening Deck");
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 1.0);
  gtk_test_accessible_assert_role (stop, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (stop, GTK_ACCESSIBLE_PROPERTY_LABEL, "Stop Opening the Deck");
}

typedef struct
{
  BpWindow *window;
  BpDeck *deck;
  const char *question_id;
} QuestionWait;

static gboolean
shows_question (gpointer data)
{
  QuestionWait *wait = data;
  BpQuestion *question = bp_window_get_question (wait->window);

  return question != NULL && g_str_equal (bp_question_get_id (question), wait->question_id);
}

/* Stop while the bar shows: the deck and question shown, the library in memory and on
 * disk stay as they were, through a restart too; opening the same file again works. */
static void
test_stop_changes_nothing (void)
{
  g_autofree char *small = write_deck ("before.md", SQL_DECK);
  g_autofree char *path = write_deck ("stopped.md", big_deck->markdown);
  BpWindow *window = open_window (app, 1000, 700);
  BpLibrary *library = bp_application_get_library (app);
  g_autoptr(BpLibrary) restarted_library = NULL;
  g_autofree char *library_before = NULL;
  g_autofree char *library_after = NULL;
  g_autofree char *question_id = NULL;
  BpQuestion *question;
  BpDeck *deck;
  GtkWidget *stop;
  QuestionWait wait;
  guint n_decks;

  set_shown_after ("0");
  open_deck_and_wait (window, small);
  question = question_number (window, 2);
  bp_window_show_question (window, question);
  deck = bp_window_get_deck (window);
  question_id = g_strdup (bp_question_get_id (question));
  n_decks = g_list_model_get_n_items (G_LIST_MODEL (library));
  library_before = read_or_null (bp_library_get_path (library));

  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", path);
  spin_until (bar_mapped, window, "the loading bar");
  stop = find_button_for (GTK_WIDGET (window->deck_switcher), "deck.cancel-open");
  g_assert_nonnull (stop);
  g_assert_true (gtk_widget_get_mapped (stop) && gtk_widget_is_sensitive (stop));
  check_accessible (loading_bar (window), stop);
  g_assert_true (gtk_widget_activate (stop));
  spin_until (bar_gone, window, "the loading bar to go once stopped");
  /* Anything the stopped worker might still deliver has had its time. */
  spin_for_ms (300);

  g_assert_true (bp_window_get_deck (window) == deck);
  g_assert_true (bp_window_get_question (window) == question);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_decks);
  g_assert_null (bp_library_lookup_path (library, path));
  library_after = read_or_null (bp_library_get_path (library));
  g_assert_cmpstr (library_before, ==, library_after);
  restarted_library = reload_library ();
  g_assert_null (bp_library_lookup_path (restarted_library, path));
  g_assert_nonnull (bp_library_lookup_path (restarted_library, small));
  close_window (window);

  /* A new window comes back on the deck and question from before the Stop. */
  window = open_window (app, 1000, 700);
  wait = (QuestionWait) { window, deck, question_id };
  spin_until (shows_question, &wait, "the question from before the Stop");
  g_assert_cmpstr (bp_library_entry_get_path (window->entry), ==, small);

  /* Stopped once, the same file opens the next time. */
  open_deck_and_wait (window, path);
  g_assert_cmpuint (bp_deck_get_n_questions (bp_window_get_deck (window)), ==, N_BIG_QUESTIONS);
  g_assert_nonnull (bp_library_lookup_path (library, path));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_decks + 1);
  spin_until (bar_gone, window, "the loading bar to go");
  close_window (window);
}

/* Stop, then at once another file, while the stopped worker is still reading: the new
 * open is not stopped with it. */
static void
test_open_right_after_stop (void)
{
  g_autofree char *path = write_deck ("stopped-again.md", big_deck->markdown);
  g_autofree char *next = write_deck ("next.md", SQL_DECK);
  BpWindow *window = open_window (app, 1000, 700);
  BpLibrary *library = bp_application_get_library (app);
  GtkWidget *stop;

  set_shown_after ("0");
  /* The deck open last is read again as the window opens: done before this one. */
  spin_until (bar_gone, window, "the last deck to be read again");
  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", path);
  spin_until (bar_mapped, window, "the loading bar");
  stop = find_button_for (GTK_WIDGET (window->deck_switcher), "deck.cancel-open");
  g_assert_nonnull (stop);
  /* What the button runs, at once: activated, a button clicks only after its press shows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "deck.cancel-open", NULL);
  open_deck_and_wait (window, next);

  g_assert_nonnull (bp_library_lookup_path (library, next));
  spin_until (bar_gone, window, "the loading bar to go");
  spin_for_ms (300);
  g_assert_null (bp_library_lookup_path (library, path));
  g_assert_cmpstr (bp_library_entry_get_path (window->entry), ==, next);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* GTK's test context keeps each widget's accessible properties for the asserts to read:
   * with GTK_A11Y=none a widget has none. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = init_app_tests (&argc, &argv);
  deck_dir = g_dir_make_tmp ("test-deck-loading-XXXXXX", &error);
  g_assert_no_error (error);
  big_deck = deck_generator_generate (N_BIG_QUESTIONS, 13, FALSE);

  /* First, while no other deck's search index is being built in a worker. */
  g_test_add_func ("/deck-loading/small-deck-no-bar", test_small_deck_no_bar);
  g_test_add_func ("/deck-loading/progress-shown", test_progress_shown);
  g_test_add_func ("/deck-loading/stop-changes-nothing", test_stop_changes_nothing);
  g_test_add_func ("/deck-loading/open-right-after-stop", test_open_right_after_stop);

  status = run_app_tests (&app);
  g_clear_pointer (&big_deck, generated_deck_free);
  return status;
}
