/* bench-switch.c: time from selecting a question to its page loaded and painted, in the app and in floors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "bench-screen.h"

#include "bench-utils.h"
#include "bp-answer-view-private.h"
#include "bp-application.h"
#include "bp-deck-parser.h"
#include "bp-page-renderer.h"
#include "bp-renderer.h"
#include "bp-sidebar-private.h"
#include "bp-window-private.h"

/* Each subject runs in a process of its own (windows of one process slow each other
 * down), going through every question five times, 1 → 2 → … → 22 → 1 → …:
 *  - app: the real window; a question is selected as a click on its row does;
 *  - floor: a bare libadwaita window whose web view is given the same pages, already
 *    rendered, with webkit_web_view_load_html ();
 *  - floor-scheme: the same, through a URI scheme that hands over the rendered pages,
 *    as the app's scheme does;
 *  - floor-plain: the floor in a plain GtkWindow, without the client-side frame that a
 *    libadwaita window draws over its whole area on an X server with no compositor.
 *
 * --only=NAME runs one of them; BENCH_SWITCH_ROUNDS=N goes through them N times instead
 * of ROUNDS, for a quick try; BENCH_EXPERIMENT_CSS="…" adds a style sheet to every
 * window, to try what a style costs (e.g. "window.solid-csd { box-shadow: none; }");
 * BENCH_SWITCH_TRACE=1 prints each frame of the 5 s after a switch, with its CPU time.
 *
 * The app and the floor are also switched by a key, Ctrl+Page Down pressed through XTest
 * (the floor's window takes it to load its next page), and timed from the key to the
 * first change of the web view's pixels on screen (bench-screen.c), beside the in-app
 * painted mark of the same switch. */

#define ROUNDS 5
#define WINDOW_WIDTH 960
#define WINDOW_HEIGHT 680
#define TIMEOUT_MS 20000
/* Before the next switch, the window has drawn no frame for this long: a reader clicks
 * on once a page is shown, not while the last one is still being drawn. */
#define QUIET_MS 100
#define MAX_QUIET_WAIT_MS 2000
#define FLOOR_SCHEME "bench-floor"
/* After the rounds, a few switches each followed by this long with nothing to do: what a
 * reader's machine spends while they read (a scrollbar fading out, animations). */
#define AFTER_SWITCHES 4
#define AFTER_MS 5000
/* Key presses: from the first question to the last, without wrapping around. */
#define KEY_SWITCHES 21
#define KEY_TIMEOUT_MS 1500

/* Where a switch's time goes: selection to navigation started, to the response
 * committed, to the load finished, to the end of the next frame. */
enum {
  PHASE_STARTED,
  PHASE_COMMITTED,
  PHASE_LOADED,
  PHASE_PAINTED,
  N_PHASES
};

static const char * const phase_names[N_PHASES] = {
  "navigation started", "response committed", "load finished", "frame painted",
};

/* What one switch measures; a child prints each as one SAMPLE line for the parent. */
enum {
  SAMPLE_LOADED,
  SAMPLE_PAINTED,
  SAMPLE_FRAMES,
  SAMPLE_PHASES,
  N_SAMPLE_FIELDS = SAMPLE_PHASES + N_PHASES
};

typedef struct _Subject Subject;

struct _Subject
{
  const char *name;
  GtkWindow *window;
  WebKitWebView *web_view;
  void (*open) (Subject *self,
                guint    position);
  GPtrArray *uris;
  guint position;
};

typedef struct
{
  const char *expected_uri;
  GdkFrameClock *frame_clock;
  double marks[N_PHASES];
  guint frames;
} Switch;

static Switch current;
static GPtrArray *pages;

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, user_data);
  current.marks[PHASE_PAINTED] = bench_now_ms ();
}

/* As bp-startup-trace.c does: the end of the first frame after the load finished. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  return G_SOURCE_REMOVE;
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  load_event)
{
  if (current.expected_uri == NULL ||
      g_strcmp0 (webkit_web_view_get_uri (web_view), current.expected_uri) != 0)
    return;

  switch (load_event)
    {
    case WEBKIT_LOAD_STARTED:
      current.marks[PHASE_STARTED] = bench_now_ms ();
      break;

    case WEBKIT_LOAD_COMMITTED:
      current.marks[PHASE_COMMITTED] = bench_now_ms ();
      break;

    case WEBKIT_LOAD_FINISHED:
      if (current.marks[PHASE_LOADED] == 0)
        {
          current.marks[PHASE_LOADED] = bench_now_ms ();
          gtk_widget_add_tick_callback (GTK_WIDGET (web_view), first_frame_cb, NULL, NULL);
        }
      break;

    case WEBKIT_LOAD_REDIRECTED:
    default:
      break;
    }
}

static double last_frame_ms;
static guint n_frames;

/* This process's CPU time, all its threads, more finely than bench_read_cpu_ms () reads it. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* With BENCH_SWITCH_TRACE, in the AFTER_MS after a switch: each frame's time and the
 * process's CPU time at its end, pairs of doubles. */
static GArray *frame_times;

/* Frames the window draws during a switch, and in all. */
static void
frame_drawn_cb (GdkFrameClock *frame_clock)
{
  last_frame_ms = bench_now_ms ();
  n_frames++;
  if (frame_times != NULL)
    {
      double cpu = process_cpu_ms ();

      g_array_append_val (frame_times, last_frame_ms);
      g_array_append_val (frame_times, cpu);
    }
  if (current.expected_uri != NULL && frame_clock == current.frame_clock)
    current.frames++;
}

static void
window_realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (frame_drawn_cb), NULL);
}

static void
spin_until_painted (void)
{
  double deadline = bench_now_ms () + TIMEOUT_MS;

  while (current.marks[PHASE_PAINTED] == 0)
    {
      if (bench_now_ms () > deadline)
        g_error ("%s did not load within %d ms", current.expected_uri, TIMEOUT_MS);
      if (!g_main_context_iteration (NULL, FALSE))
        g_main_context_iteration (NULL, TRUE);
    }
}

static void
spin_until_quiet (void)
{
  double give_up = bench_now_ms () + MAX_QUIET_WAIT_MS;

  while (bench_now_ms () < give_up && bench_now_ms () - last_frame_ms < QUIET_MS)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
spin_done_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Sleeps in the main loop, as an application does, and not in a loop polling it every
 * millisecond: that loop's own wake-ups were 0.15 s of the UI process's CPU in the 5 s
 * after a switch, counted as the app's. */
static void
spin_for (double milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add_full (G_PRIORITY_HIGH, (guint)milliseconds, spin_done_cb, &done, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Opens the page at @position and prints what it took, as a SAMPLE line. */
static void
switch_to (Subject *subject,
           guint    position)
{
  double selected_ms, last_ms;

  current = (Switch) {
    .expected_uri = g_ptr_array_index (subject->uris, position),
    .frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (subject->window)),
  };
  selected_ms = bench_now_ms ();
  subject->position = position;
  subject->open (subject, position);
  spin_until_painted ();

  g_print ("SAMPLE %.3f %.3f %u", current.marks[PHASE_LOADED] - selected_ms,
           current.marks[PHASE_PAINTED] - selected_ms, current.frames);
  last_ms = selected_ms;
  for (guint phase = 0; phase < N_PHASES; phase++)
    {
      g_print (" %.3f", current.marks[phase] - last_ms);
      last_ms = current.marks[phase];
    }
  g_print ("\n");

  current.expected_uri = NULL;
}

/* What a click on the row at @position does. */
static void
open_app_question (Subject *subject,
                   guint    position)
{
  BpWindow *window = BP_WINDOW (subject->window);

  gtk_widget_activate_action (GTK_WIDGET (window->sidebar->question_list), "list.select-item", "(ubb)",
                              position, FALSE, FALSE);
}

static void
open_floor_html (Subject *subject,
                 guint    position)
{
  webkit_web_view_load_html (subject->web_view, g_ptr_array_index (pages, position),
                             g_ptr_array_index (subject->uris, position));
}

static void
open_floor_scheme (Subject *subject,
                   guint    position)
{
  webkit_web_view_load_uri (subject->web_view, g_ptr_array_index (subject->uris, position));
}

static void
floor_scheme_request_cb (WebKitURISchemeRequest *request,
                         gpointer                user_data)
{
  const char *path = webkit_uri_scheme_request_get_path (request);
  g_autoptr(GInputStream) stream = NULL;
  guint64 position = 0;
  const char *html;

  g_ascii_string_to_unsigned (path + strspn (path, "/"), 10, 0, pages->len - 1, &position, NULL);
  html = g_ptr_array_index (pages, position);
  stream = g_memory_input_stream_new_from_data (html, strlen (html), NULL);
  webkit_uri_scheme_request_finish (request, stream, strlen (html), "text/html");
}

static Subject *
subject_new (const char    *name,
             GtkWindow     *window,
             WebKitWebView *web_view)
{
  Subject *subject = g_new0 (Subject, 1);

  subject->name = name;
  subject->window = window;
  subject->web_view = web_view;
  subject->uris = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (web_view, "load-changed", G_CALLBACK (load_changed_cb), NULL);
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
  gtk_window_set_default_size (window, WINDOW_WIDTH, WINDOW_HEIGHT);

  return subject;
}

static Subject *
app_subject_new (void)
{
  g_autoptr(GError) error = NULL;
  BpApplication *app = bp_application_new ();
  BpWindow *window;
  Subject *subject;
  BpDeck *deck;

  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  deck = bp_application_get_deck (app, &error);
  g_assert_no_error (error);

  window = bp_window_new (app, deck);
  subject = subject_new ("app", GTK_WINDOW (window), bp_answer_view_get_web_view (window->answer_view));
  subject->open = open_app_question;
  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    g_ptr_array_add (subject->uris, bp_page_handler_dup_uri_for_question (bp_deck_get_question (deck, i)));

  /* The window opens with its first page: start-up's business, not a switch. */
  current = (Switch) { .expected_uri = g_ptr_array_index (subject->uris, 0) };
  gtk_window_present (subject->window);
  spin_until_painted ();

  return subject;
}

/* Every page of the deck as the app serves it, rendered once, for the floors. */
static GPtrArray *
render_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse_builtin (&error);
  g_autoptr(BpPageRenderer) renderer = bp_page_renderer_new_from_resources (&error);
  GPtrArray *rendered = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    g_ptr_array_add (rendered, bp_page_renderer_render (renderer, bp_deck_get_question (deck, i),
                                                        BP_PAGE_THEME_LIGHT, NULL));

  return rendered;
}

/* The floor's one key, Ctrl+Page Down: its next page, as the app's next question. */
static gboolean
floor_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      Subject               *subject)
{
  if (keyval != GDK_KEY_Page_Down || (state & GDK_CONTROL_MASK) == 0)
    return GDK_EVENT_PROPAGATE;

  subject->position = (subject->position + 1) % subject->uris->len;
  subject->open (subject, subject->position);
  return GDK_EVENT_STOP;
}

static Subject *
floor_subject_new (const char *name)
{
  gboolean plain = g_str_equal (name, "floor-plain");
  gboolean scheme = g_str_equal (name, "floor-scheme");
  GtkWidget *window, *web_view;
  Subject *subject;
  GtkEventController *controller;

  /* The stack at its best on this machine is drawn as the app chooses to draw. */
  bp_renderer_choose (gdk_display_get_default ());
  window = plain ? gtk_window_new () : adw_window_new ();
  web_view = webkit_web_view_new ();
  bp_renderer_configure_web_view (WEBKIT_WEB_VIEW (web_view));
  subject = subject_new (name, GTK_WINDOW (window), WEBKIT_WEB_VIEW (web_view));

  pages = render_pages ();
  if (scheme)
    webkit_web_context_register_uri_scheme (webkit_web_context_get_default (), FLOOR_SCHEME,
                                            floor_scheme_request_cb, NULL, NULL);

  subject->open = scheme ? open_floor_scheme : open_floor_html;
  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (subject->uris, g_strdup_printf ("%s://page/%u", scheme ? FLOOR_SCHEME : "bench-html", i));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (floor_key_pressed_cb), subject);
  gtk_widget_add_controller (window, controller);
  if (plain)
    gtk_window_set_child (GTK_WINDOW (window), web_view);
  else
    adw_window_set_content (ADW_WINDOW (window), web_view);
  gtk_window_present (subject->window);
  current = (Switch) { .expected_uri = g_ptr_array_index (subject->uris, 0) };
  subject->open (subject, 0);
  spin_until_painted ();

  return subject;
}

/* CPU time of this process (all its threads, llvmpipe's too) and of its web processes. */
static void
read_cpu (double *ui_ms,
          double *web_ms)
{
  g_autoptr(GArray) helpers = bench_list_descendants (getpid ());

  *ui_ms = bench_read_cpu_ms (getpid ());
  *web_ms = 0;
  for (guint i = 0; i < helpers->len; i++)
    *web_ms += bench_read_cpu_ms (g_array_index (helpers, pid_t, i));
}

/* A TRACE line: when the switch began (CLOCK_MONOTONIC, to find it in `perf record -k
 * CLOCK_MONOTONIC`), then each frame as <ms after the switch>@<ms of CPU since the page
 * was painted>, so that each burst of frames shows what it cost. */
static void
print_trace (double start_ms,
             double cpu_start_ms)
{
  g_print ("TRACE start %.3f:", start_ms);
  for (guint f = 0; f < frame_times->len; f += 2)
    g_print (" %.0f@%.0f", g_array_index (frame_times, double, f) - start_ms,
             g_array_index (frame_times, double, f + 1) - cpu_start_ms);
  g_print ("\n");
  g_clear_pointer (&frame_times, g_array_unref);
}

/* CPU of both processes and frames of the window in the AFTER_MS after a switch, as an
 * AFTER line each; BENCH_SWITCH_TRACE adds a TRACE line. */
static void
measure_after_switches (Subject *subject)
{
  for (guint i = 1; i <= AFTER_SWITCHES; i++)
    {
      double ui_before, web_before, ui_after, web_after, cpu_start_ms;
      double start_ms = bench_now_ms ();
      guint frames_before;

      if (g_getenv ("BENCH_SWITCH_TRACE") != NULL)
        frame_times = g_array_new (FALSE, FALSE, sizeof (double));
      switch_to (subject, (i * 5) % subject->uris->len);
      read_cpu (&ui_before, &web_before);
      cpu_start_ms = process_cpu_ms ();
      frames_before = n_frames;
      spin_for (AFTER_MS);
      read_cpu (&ui_after, &web_after);
      g_print ("AFTER %.3f %.3f %u\n", ui_after - ui_before, web_after - web_before, n_frames - frames_before);
      if (frame_times != NULL)
        print_trace (start_ms, cpu_start_ms);
    }
}

static void
spin_between_samples_cb (int      wait_ms,
                         gpointer user_data)
{
  if (wait_ms > 0)
    spin_for (wait_ms);
  else
    g_main_context_iteration (NULL, FALSE);
}

/* Where the web view is on screen, for the screen reader, as bp-startup-trace.c says it. */
static void
watch_web_view (BenchScreen *screen,
                Subject     *subject)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (subject->web_view));
  graphene_rect_t bounds;
  double surface_x, surface_y;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (subject->web_view), GTK_WIDGET (native), &bounds))
    g_error ("The web view of %s has no place in its window", subject->name);
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  bench_screen_set_area (screen, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         bounds.origin.x + surface_x, bounds.origin.y + surface_y,
                         bounds.size.width, bounds.size.height);
}

/* Ctrl+Page Down, as a person presses it, with the pointer over the page: with no window
 * manager the X server gives keys to the window under the pointer. */
static void
press_next_key (Display *display,
                Subject *subject)
{
  int x, y;
  Window child;

  XTranslateCoordinates (display, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (subject->window))),
                         DefaultRootWindow (display), WINDOW_WIDTH * 3 / 4, WINDOW_HEIGHT / 2, &x, &y, &child);
  XTestFakeMotionEvent (display, -1, x, y, CurrentTime);
  XTestFakeKeyEvent (display, XKeysymToKeycode (display, XK_Control_L), True, CurrentTime);
  XTestFakeKeyEvent (display, XKeysymToKeycode (display, XK_Page_Down), True, CurrentTime);
  XTestFakeKeyEvent (display, XKeysymToKeycode (display, XK_Page_Down), False, CurrentTime);
  XTestFakeKeyEvent (display, XKeysymToKeycode (display, XK_Control_L), False, CurrentTime);
  XFlush (display);
}

/* A KEY line per switch: ms from the key to the page's pixels changed, and to the in-app mark. */
static void
switch_by_key (Subject     *subject,
               BenchScreen *screen,
               Display     *display)
{
  for (guint position = 1; position <= KEY_SWITCHES && position < subject->uris->len; position++)
    {
      BenchScreenTimes times;
      double pressed_ms;

      spin_until_quiet ();
      watch_web_view (screen, subject);
      current = (Switch) {
        .expected_uri = g_ptr_array_index (subject->uris, position),
        .frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (subject->window)),
      };
      pressed_ms = bench_now_ms ();
      press_next_key (display, subject);
      bench_screen_wait_change (screen, KEY_TIMEOUT_MS, spin_between_samples_cb, NULL, &times);
      if (times.first_content_ms == 0)
        g_error ("%s: the page did not change within %d ms of the key", subject->name, KEY_TIMEOUT_MS);
      spin_until_painted ();
      g_print ("KEY %.3f %.3f\n", times.first_content_ms - pressed_ms, current.marks[PHASE_PAINTED] - pressed_ms);
      current.expected_uri = NULL;
    }
}

static void
measure_key_switches (Subject *subject)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BenchScreen) screen = bench_screen_open (&error);
  Display *display;

  if (screen == NULL)
    g_error ("%s", error->message);
  display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (subject->window)));
  switch_by_key (subject, screen, display);
}

/* One subject, in this process: a SAMPLE line per switch, a CPU line, then AFTER lines. */
static int
run_subject (const char *name)
{
  Subject *subject;
  guint n_pages, rounds = ROUNDS;
  double ui_before, web_before, ui_after, web_after;

  if (g_getenv ("BENCH_EXPERIMENT_CSS") != NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, g_getenv ("BENCH_EXPERIMENT_CSS"), -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_USER);
    }

  if (g_getenv ("BENCH_SWITCH_ROUNDS") != NULL)
    rounds = CLAMP (atoi (g_getenv ("BENCH_SWITCH_ROUNDS")), 1, 100);
  subject = g_str_equal (name, "app") ? app_subject_new () : floor_subject_new (name);
  n_pages = subject->uris->len;

  spin_for (500);
  if (g_str_equal (name, "app") || g_str_equal (name, "floor"))
    measure_key_switches (subject);
  read_cpu (&ui_before, &web_before);
  for (guint i = 1; i <= rounds * n_pages; i++)
    {
      switch_to (subject, i % n_pages);
      spin_until_quiet ();
    }
  read_cpu (&ui_after, &web_after);
  g_print ("CPU %.3f %.3f\n", (ui_after - ui_before) / (rounds * n_pages),
           (web_after - web_before) / (rounds * n_pages));
  measure_after_switches (subject);

  return EXIT_SUCCESS;
}

typedef struct
{
  GArray *fields[N_SAMPLE_FIELDS];
  double ui_cpu_ms;
  double web_cpu_ms;
  GArray *after_cpu_ms;
  GArray *after_frames;
  GArray *key_pixels_ms;
  GArray *key_painted_ms;
} Results;

static void
parse_results (const char *output,
               Results    *results)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint f = 0; f < N_SAMPLE_FIELDS; f++)
    results->fields[f] = g_array_new (FALSE, FALSE, sizeof (double));
  results->after_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  results->after_frames = g_array_new (FALSE, FALSE, sizeof (double));
  results->key_pixels_ms = g_array_new (FALSE, FALSE, sizeof (double));
  results->key_painted_ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);

      if (words[0] == NULL)
        continue;

      if (g_str_equal (words[0], "SAMPLE") && g_strv_length (words) == N_SAMPLE_FIELDS + 1)
        for (guint f = 0; f < N_SAMPLE_FIELDS; f++)
          {
            double value = g_ascii_strtod (words[f + 1], NULL);

            g_array_append_val (results->fields[f], value);
          }
      else if (g_str_equal (words[0], "CPU") && g_strv_length (words) == 3)
        {
          results->ui_cpu_ms = g_ascii_strtod (words[1], NULL);
          results->web_cpu_ms = g_ascii_strtod (words[2], NULL);
        }
      else if (g_str_equal (words[0], "AFTER") && g_strv_length (words) == 4)
        {
          double cpu_ms = g_ascii_strtod (words[1], NULL) + g_ascii_strtod (words[2], NULL);
          double frames = g_ascii_strtod (words[3], NULL);

          g_array_append_val (results->after_cpu_ms, cpu_ms);
          g_array_append_val (results->after_frames, frames);
        }
      else if (g_str_equal (words[0], "KEY") && g_strv_length (words) == 3)
        {
          double pixels_ms = g_ascii_strtod (words[1], NULL);
          double painted_ms = g_ascii_strtod (words[2], NULL);

          g_array_append_val (results->key_pixels_ms, pixels_ms);
          g_array_append_val (results->key_painted_ms, painted_ms);
        }
    }

  if (results->fields[0]->len == 0)
    g_error ("A subject printed no samples:\n%s", output);
}

/* Key to pixels: what a reader sees, read from the screen. */
static void
report_keys (const char *name,
             Results    *results)
{
  GArray *pixels = results->key_pixels_ms;
  GArray *painted = results->key_painted_ms;
  g_autofree char *p50_name = g_strdup_printf ("switch.%s.key-to-pixels.p50", name);
  g_autofree char *p95_name = g_strdup_printf ("switch.%s.key-to-pixels.p95", name);
  g_autofree char *painted_name = g_strdup_printf ("switch.%s.key-to-painted.p95", name);

  if (pixels->len == 0)
    return;

  g_print ("    %u key presses (Ctrl+Page Down): page pixels changed p50 %5.1f ms, p95 %5.1f ms; in-app painted p50 %5.1f ms, p95 %5.1f ms\n",
           pixels->len, bench_percentile (pixels, 50), bench_percentile (pixels, 95),
           bench_percentile (painted, 50), bench_percentile (painted, 95));
  bench_figure (p50_name, bench_percentile (pixels, 50), "ms", NULL);
  bench_figure (p95_name, bench_percentile (pixels, 95), "ms", g_str_equal (name, "app") ? "<= 100" : NULL);
  bench_figure (painted_name, bench_percentile (painted, 95), "ms", NULL);
}

static void
report (const char *name,
        Results    *results)
{
  GArray *loaded = results->fields[SAMPLE_LOADED];
  GArray *painted = results->fields[SAMPLE_PAINTED];
  g_autofree char *p50_name = g_strdup_printf ("switch.%s.loaded.p50", name);
  g_autofree char *p95_name = g_strdup_printf ("switch.%s.loaded.p95", name);
  g_autofree char *painted_name = g_strdup_printf ("switch.%s.painted.p95", name);
  g_autofree char *cpu_name = g_strdup_printf ("switch.%s.ui-cpu", name);
  g_autofree char *after_name = g_strdup_printf ("switch.%s.cpu-after-5s", name);
  g_autofree char *after_frames_name = g_strdup_printf ("switch.%s.frames-after-5s", name);

  g_print ("%-12s %u switches: loaded p50 %5.1f ms, p95 %5.1f ms, max %5.1f ms; painted p50 %5.1f ms, p95 %5.1f ms\n",
           name, loaded->len, bench_percentile (loaded, 50), bench_percentile (loaded, 95),
           bench_percentile (loaded, 100), bench_percentile (painted, 50), bench_percentile (painted, 95));
  g_print ("    CPU a switch: %.1f ms in the UI process, %.1f ms in the web process; %.0f frames drawn (median)\n",
           results->ui_cpu_ms, results->web_cpu_ms, bench_median (results->fields[SAMPLE_FRAMES]));
  for (guint phase = 0; phase < N_PHASES; phase++)
    g_print ("    then %-18s p50 %5.1f ms  p95 %5.1f ms\n", phase_names[phase],
             bench_percentile (results->fields[SAMPLE_PHASES + phase], 50),
             bench_percentile (results->fields[SAMPLE_PHASES + phase], 95));

  bench_figure (p50_name, bench_percentile (loaded, 50), "ms", NULL);
  bench_figure (p95_name, bench_percentile (loaded, 95), "ms", g_str_equal (name, "app") ? "<= 50" : NULL);
  bench_figure (painted_name, bench_percentile (painted, 95), "ms", NULL);
  bench_figure (cpu_name, results->ui_cpu_ms, "ms", NULL);
  report_keys (name, results);

  if (results->after_cpu_ms->len == 0)
    return;
  g_print ("    in the %d s after a switch: %.0f ms of CPU (UI and web processes), %.0f frames drawn (medians)\n",
           AFTER_MS / 1000, bench_median (results->after_cpu_ms), bench_median (results->after_frames));
  bench_figure (after_name, bench_median (results->after_cpu_ms), "ms", g_str_equal (name, "app") ? "<= 300" : NULL);
  bench_figure (after_frames_name, bench_median (results->after_frames), "frames", NULL);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const subjects[] = { "app", "floor", "floor-scheme", "floor-plain" };
  const char *only = NULL;

  if (argc == 2 && g_str_has_prefix (argv[1], "--subject="))
    {
      gtk_init ();
      adw_init ();
      return run_subject (argv[1] + strlen ("--subject="));
    }
  if (argc == 2 && g_str_has_prefix (argv[1], "--only="))
    only = argv[1] + strlen ("--only=");

  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      g_autofree char *option = g_strdup_printf ("--subject=%s", subjects[s]);
      const char *child_argv[] = { argv[0], option, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *output = NULL;
      Results results = { { NULL } };
      int status;

      if (only != NULL && !g_str_equal (only, subjects[s]))
        continue;

      if (!g_spawn_sync (NULL, (char **)child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output,
                         NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("%s failed: %s", subjects[s], error->message);

      parse_results (output, &results);
      report (subjects[s], &results);
      for (guint f = 0; f < N_SAMPLE_FIELDS; f++)
        g_array_unref (results.fields[f]);
      g_array_unref (results.after_cpu_ms);
      g_array_unref (results.after_frames);
      g_array_unref (results.key_pixels_ms);
      g_array_unref (results.key_painted_ms);
    }

  return EXIT_SUCCESS;
}
