/* bench-library.c: opening decks: a 500-question file to its first answer painted, and 10,000 parsed off-thread
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "bench-utils.h"
#include "deck-generator.h"
#include "bp-answer-view-private.h"
#include "bp-application.h"
#include "bp-window-private.h"

#define ROUNDS 5
#define TIMEOUT_MS 60000

static double painted_ms;

static void
spin_until (gboolean (*done) (gpointer),
            gpointer  data,
            const char *what)
{
  double start = bench_now_ms ();

  while (!done (data))
    {
      if (bench_now_ms () - start > TIMEOUT_MS)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

typedef struct
{
  BpWindow *window;
  BpDeck *old_deck;
} Wait;

/* The new deck's first answer is loaded in the web view. */
static gboolean
first_answer_loaded (gpointer data)
{
  Wait *wait = data;
  WebKitWebView *web_view = bp_answer_view_get_web_view (wait->window->answer_view);
  BpQuestion *question = bp_window_get_question (wait->window);
  g_autofree char *uri = NULL;

  if (bp_window_get_deck (wait->window) == wait->old_deck || question == NULL)
    return FALSE;

  uri = bp_page_handler_dup_uri_for_question (question);
  return !webkit_web_view_is_loading (web_view) && g_strcmp0 (webkit_web_view_get_uri (web_view), uri) == 0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  if (painted_ms == 0)
    painted_ms = bench_now_ms ();
}

static gboolean
painted (gpointer data)
{
  return painted_ms != 0;
}

static char *
write_deck (const char *dir,
            const char *name,
            guint       n_questions)
{
  g_autoptr(GeneratedDeck) deck = deck_generator_generate (n_questions, 42, FALSE);
  char *path = g_build_filename (dir, name, NULL);

  if (!g_file_set_contents (path, deck->markdown, -1, NULL))
    g_error ("Could not write %s", path);
  return path;
}

static void
bench_open_500 (BpWindow   *window,
                const char *dir)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *name = g_strdup_printf ("deck-500-%u.md", round);
      g_autofree char *path = write_deck (dir, name, 500);
      Wait wait = { window, bp_window_get_deck (window) };
      double start = bench_now_ms (), elapsed;

      gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", path);
      spin_until (first_answer_loaded, &wait, "the first answer");
      painted_ms = 0;
      gtk_widget_queue_draw (GTK_WIDGET (window));
      spin_until (painted, NULL, "a frame");
      elapsed = painted_ms - start;
      g_array_append_val (samples, elapsed);
      g_print ("open 500 questions, round %u: %.1f ms\n", round + 1, elapsed);
    }
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);

  bench_figure ("open-500-questions-to-first-answer-painted-median", bench_median (samples), "ms", "<= 1000");
}

typedef struct
{
  guint frames;
  double last_frame_ms;
  double longest_gap_ms;
  double longest_gap_end_ms;  /* when it ended, to tell the parse from what follows it */
  gboolean done;
} Ticks;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Ticks *ticks = data;
  double now = bench_now_ms ();

  if (ticks->done)
    return G_SOURCE_REMOVE;
  if (ticks->last_frame_ms > 0 && now - ticks->last_frame_ms > ticks->longest_gap_ms)
    {
      ticks->longest_gap_ms = now - ticks->last_frame_ms;
      ticks->longest_gap_end_ms = now;
    }
  ticks->last_frame_ms = now;
  ticks->frames++;
  return G_SOURCE_CONTINUE;
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (bp_library_open_finish (BP_LIBRARY (object), result, &error) == NULL)
    g_error ("%s", error->message);
  ((Ticks *)data)->done = TRUE;
}

static gboolean
ticks_done (gpointer data)
{
  return ((Ticks *)data)->done;
}

/* The window's frame clock keeps ticking (a tick callback asks for every frame) while
 * the library parses in its worker: frames counted, and the longest wait between two. */
static void
bench_parse_10000 (BpWindow   *window,
                   const char *dir)
{
  g_autofree char *path = write_deck (dir, "deck-10000.md", 10000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Ticks ticks = { 0 };
  double start, elapsed;

  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &ticks, NULL);
  start = bench_now_ms ();
  bp_library_open_async (window->library, file, NULL, parsed_cb, &ticks);
  spin_until (ticks_done, &ticks, "the parse");
  elapsed = bench_now_ms () - start;

  g_print ("parse 10,000 questions: %.1f ms, %u frames, longest gap %.1f ms ending at %.1f ms\n",
           elapsed, ticks.frames, ticks.longest_gap_ms, ticks.longest_gap_end_ms - start);
  bench_figure ("parse-10000-questions-off-thread", elapsed, "ms", NULL);
  bench_figure ("parse-10000-questions-frames-drawn", ticks.frames, "frames", NULL);
  bench_figure ("parse-10000-questions-longest-frame-gap", ticks.longest_gap_ms, "ms", "<= 100");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-library-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autoptr(BpApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  BpWindow *window;

  /* A library and study file of its own, never the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_init ();
  adw_init ();

  app = bp_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  window = bp_window_new (app, bp_application_get_deck (app, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (window_mapped, window, "the window");

  bench_open_500 (window, dir);
  bench_parse_10000 (window, dir);

  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}
