/* bench-library.c: opening decks: a 500-question file to its first answer painted, and one of 10,000 with the window drawing meanwhile
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
/* How long frames are still watched after the first answer is loaded. */
#define SETTLE_MS 1000

static double painted_ms;

/* BACKPROP_BENCH_TRACE=1: every stretch of more than TRACE_MS the main loop spends out of
 * poll() (dispatching) is printed with its start in CLOCK_MONOTONIC milliseconds, which
 * `perf record -k CLOCK_MONOTONIC` uses too, so a profile can be cut to that stretch. */
#define TRACE_MS 20.0

static GPollFunc default_poll;
static double poll_left_ms;

static int
tracing_poll (GPollFD *fds,
              guint    n_fds,
              int      timeout)
{
  double now = bench_now_ms ();
  int result;

  if (poll_left_ms > 0 && now - poll_left_ms > TRACE_MS)
    g_print ("main loop busy %.1f ms, from %.1f to %.1f\n", now - poll_left_ms, poll_left_ms, now);
  result = default_poll (fds, n_fds, timeout);
  poll_left_ms = bench_now_ms ();
  return result;
}

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
  const char *path;
} Wait;

/* The new deck's first answer is loaded in the web view. The deck is the one of @path:
 * the file monitor can reload the deck written just before, which is no new deck. */
static gboolean
first_answer_loaded (gpointer data)
{
  Wait *wait = data;
  WebKitWebView *web_view = bp_answer_view_get_web_view (wait->window->answer_view);
  BpQuestion *question = bp_window_get_question (wait->window);
  g_autofree char *uri = NULL;

  if (bp_window_get_deck (wait->window) == wait->old_deck || question == NULL ||
      g_strcmp0 (bp_library_entry_get_path (wait->window->entry), wait->path) != 0)
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
      Wait wait = { window, bp_window_get_deck (window), path };
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
  double done_ms;             /* when the first answer was loaded */
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

static gboolean
ticks_settled (gpointer data)
{
  Ticks *ticks = data;

  return bench_now_ms () - ticks->done_ms > SETTLE_MS;
}

/* The window opens the deck as a user's Open does: read and parsed in the library's
 * worker, then listed, its first answer shown. A tick callback asks for every frame
 * meanwhile and for a while after, since what follows the parse runs on the main thread:
 * frames counted, and the longest wait between two. */
static void
bench_open_10000 (BpWindow   *window,
                  const char *dir)
{
  g_autofree char *path = write_deck (dir, "deck-10000.md", 10000);
  Wait wait = { window, bp_window_get_deck (window), path };
  Ticks ticks = { 0 };
  double start;

  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &ticks, NULL);
  start = bench_now_ms ();
  g_print ("open 10,000 questions: started at %.1f\n", start);
  ticks.last_frame_ms = start;  /* a stall before the first frame counts too */
  gtk_widget_activate_action (GTK_WIDGET (window), "deck.open-file", "s", path);
  spin_until (first_answer_loaded, &wait, "the first answer");
  ticks.done_ms = bench_now_ms ();
  spin_until (ticks_settled, &ticks, "the frames after it");
  ticks.done = TRUE;

  g_print ("open 10,000 questions: %.1f ms to the first answer, %u frames, "
           "longest gap %.1f ms ending at %.1f ms\n",
           ticks.done_ms - start, ticks.frames, ticks.longest_gap_ms, ticks.longest_gap_end_ms - start);
  bench_figure ("open-10000-questions-to-first-answer", ticks.done_ms - start, "ms", NULL);
  bench_figure ("open-10000-questions-frames-drawn", ticks.frames, "frames", NULL);
  bench_figure ("open-10000-questions-longest-frame-gap", ticks.longest_gap_ms, "ms", "<= 100");
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
  if (g_getenv ("BACKPROP_BENCH_TRACE") != NULL)
    {
      default_poll = g_main_context_get_poll_func (NULL);
      g_main_context_set_poll_func (NULL, tracing_poll);
    }

  app = bp_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  window = bp_window_new (app, bp_application_get_deck (app, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (window_mapped, window, "the window");

  bench_open_500 (window, dir);
  bench_open_10000 (window, dir);

  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}
