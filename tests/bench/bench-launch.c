/* bench-launch.c: start-up time and memory of the app against the floor of its stack, launched in turns
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "bench-screen.h"
#include "bench-utils.h"
#include "bp-deck-parser.h"
#include "bp-page-renderer.h"

/* Each launch runs from the moment this harness spawns the program (CLOCK_MONOTONIC) to
 * the moment the program prints that its first page is painted (see bp-startup-trace.c).
 * The programs take turns, each round starting with the next one, so that drift on the
 * machine weighs on all alike: the app; the floor, a bare libadwaita window whose web
 * view loads the app's first page from memory; and, for start-up and on screen, the same
 * floor taking the page through a URI scheme, as the app does, which tells the cost of
 * that design. On screen a fourth takes the page through the scheme into a window of
 * stock widgets laid out like the app's (bench-floor-window.c): the app against it tells
 * what the app's own code adds; it against the bare floor, what drawing such a window costs.
 *
 * With --measure=screen, each launch starts with fresh user dirs and the screen is read
 * from outside (bench-screen.c) inside the web view's own rectangle, which the app and the
 * floor print (bp-startup-trace.c): first content and visually complete, beside the
 * in-app mark. Peers given with --peer=NAME=COMMAND, or one a line in the environment's
 * BACKPROP_BENCH_PEERS (build-aux/bench.sh --peers sets it), print
 * nothing: their window's content area is guessed as bench-screen.c describes. */

#define APP_ID_BACKPROP "io.github.backprop.Backprop"
#define APP_ID_FLOOR "io.github.backprop.Backprop.BenchFloor"
#define TRACE_PREFIX "backprop-trace: first-page-painted "
#define AREA_PREFIX "backprop-trace: web-view-area "
#define LAUNCH_TIMEOUT_MS 60000
#define EXIT_TIMEOUT_MS 10000

extern char **environ;

typedef enum {
  PROCESS_UI,
  PROCESS_WEB,
  PROCESS_NETWORK,
  PROCESS_OTHER,
  N_PROCESS_KINDS
} ProcessKind;

static const char * const kind_names[N_PROCESS_KINDS] = { "ui", "web", "network", "other" };

typedef struct
{
  const char *name;
  const char *app_id;
  char **argv;
  GArray *startup_ms;
  GArray *first_content_ms;
  GArray *complete_ms;
  gboolean is_peer;
  GArray *pss_mib[N_PROCESS_KINDS + 1];  /* each kind, then the total */
} Program;

/* Start-up varies from launch to launch by some 5 %: its median needs more runs. First
 * content on screen varies more: in 10 runs each, the floor launched a second time under
 * another name came out 1.05 x itself, the whole margin of the target. The 95 % interval
 * printed beside each ratio (bench_ratio_interval ()) says how far it can be trusted. */
#define STARTUP_RUNS 15
#define MEMORY_RUNS 10
#define SCREEN_RUNS 20
#define MAX_PEERS 4

static int runs;
static int warmup = 1;
static int settle_ms = 1000;
static gboolean measure_memory;
static BenchScreen *screen;
static GDBusConnection *bus;

static gboolean
name_has_owner (const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

/* A single-instance app finding its name taken would hand over and exit: wait it out. */
static void
wait_for_name_released (const char *name)
{
  double deadline = bench_now_ms () + EXIT_TIMEOUT_MS;

  while (name_has_owner (name))
    {
      if (bench_now_ms () > deadline)
        g_error ("%s still owns its D-Bus name after its last run", name);
      g_usleep (5000);
    }
}

/* "<window> <x> <y> <width> <height>": where the page is, for the screen reader. */
static void
read_area (const char *text)
{
  gulong window;
  int x, y, width, height;

  if (screen != NULL && sscanf (text, "%lu %d %d %d %d", &window, &x, &y, &width, &height) == 5)
    bench_screen_set_area (screen, window, x, y, width, height);
}

/* Reads what the program writes to stderr until its trace line; other lines pass through. */
static gboolean
read_trace_line (int      fd,
                 GString *buffer,
                 double  *painted_ms,
                 int      timeout_ms)
{
  double deadline = bench_now_ms () + timeout_ms;

  for (;;)
    {
      struct pollfd poll_fd = { fd, POLLIN, 0 };
      char chunk[4096];
      char *newline;
      ssize_t n;
      int left = (int)(deadline - bench_now_ms ());

      while ((newline = strchr (buffer->str, '\n')) != NULL)
        {
          g_autofree char *line = g_strndup (buffer->str, newline - buffer->str);

          g_string_erase (buffer, 0, newline - buffer->str + 1);
          if (g_str_has_prefix (line, AREA_PREFIX))
            {
              read_area (line + strlen (AREA_PREFIX));
              continue;
            }
          if (painted_ms != NULL && g_str_has_prefix (line, TRACE_PREFIX))
            {
              *painted_ms = g_ascii_strtoll (line + strlen (TRACE_PREFIX), NULL, 10) / 1000.0;
              return TRUE;
            }
          g_printerr ("  | %s\n", line);
        }

      if (left <= 0 || poll (&poll_fd, 1, left) <= 0)
        return FALSE;

      n = read (fd, chunk, sizeof chunk);
      if (n <= 0)
        return FALSE;
      g_string_append_len (buffer, chunk, n);
    }
}

static ProcessKind
classify (pid_t pid,
          pid_t app_pid)
{
  g_autofree char *name = bench_read_process_name (pid);

  if (pid == app_pid)
    return PROCESS_UI;
  if (g_strcmp0 (name, "WebKitWebProces") == 0)
    return PROCESS_WEB;
  if (g_strcmp0 (name, "WebKitNetworkPr") == 0)
    return PROCESS_NETWORK;

  return PROCESS_OTHER;
}

/* PSS of the program and all its descendants, by kind of process. */
static void
record_memory (Program *program,
               pid_t    pid)
{
  g_autoptr(GArray) tree = bench_list_descendants (pid);
  double pss_kib[N_PROCESS_KINDS + 1] = { 0 };

  g_array_prepend_val (tree, pid);
  for (guint i = 0; i < tree->len; i++)
    {
      pid_t member = g_array_index (tree, pid_t, i);
      gint64 pss = bench_read_pss_kib (member);

      if (pss < 0)
        continue;
      pss_kib[classify (member, pid)] += pss;
      pss_kib[N_PROCESS_KINDS] += pss;
    }

  for (guint kind = 0; kind <= N_PROCESS_KINDS; kind++)
    {
      double mib = pss_kib[kind] / 1024.0;

      g_array_append_val (program->pss_mib[kind], mib);
    }
}

static gboolean
all_gone (GArray *pids)
{
  for (guint i = 0; i < pids->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%d", g_array_index (pids, pid_t, i));

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return FALSE;
    }

  return TRUE;
}

/* Ends the program and waits for its web processes too: they become this harness's
 * children (it is their subreaper) and are reaped here, so none runs into the next launch. */
static void
end_program (pid_t pid,
             int   drain_fd)
{
  g_autoptr(GArray) tree = bench_list_descendants (pid);
  g_autoptr(GString) drained = g_string_new (NULL);
  double deadline = bench_now_ms () + EXIT_TIMEOUT_MS;

  g_array_prepend_val (tree, pid);
  kill (pid, SIGTERM);

  while (!all_gone (tree))
    {
      while (waitpid (-1, NULL, WNOHANG) > 0)
        ;
      if (!read_trace_line (drain_fd, drained, NULL, 5))
        g_usleep (1000);
      if (bench_now_ms () > deadline)
        {
          for (guint i = 0; i < tree->len; i++)
            kill (g_array_index (tree, pid_t, i), SIGKILL);
          deadline = G_MAXDOUBLE;
        }
    }
}

static void
launch (Program *program,
        gboolean keep)
{
  posix_spawn_file_actions_t actions;
  g_autoptr(GString) buffer = g_string_new (NULL);
  double started_ms, painted_ms;
  pid_t pid;
  int fds[2];
  int error;

  wait_for_name_released (program->app_id);

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, NULL))
    g_error ("Could not open a pipe: %s", g_strerror (errno));
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2 (&actions, fds[1], STDERR_FILENO);

  started_ms = bench_now_ms ();
  error = posix_spawn (&pid, program->argv[0], &actions, NULL, program->argv, environ);
  posix_spawn_file_actions_destroy (&actions);
  close (fds[1]);
  if (error != 0)
    g_error ("Could not start %s: %s", program->argv[0], g_strerror (error));

  if (!read_trace_line (fds[0], buffer, &painted_ms, LAUNCH_TIMEOUT_MS))
    g_error ("%s never said its first page was painted", program->name);

  if (measure_memory)
    {
      /* Let the processes settle, still draining what they print. */
      read_trace_line (fds[0], buffer, NULL, settle_ms);
      if (keep)
        record_memory (program, pid);
    }

  end_program (pid, fds[0]);
  close (fds[0]);

  if (keep)
    {
      double startup_ms = painted_ms - started_ms;

      g_array_append_val (program->startup_ms, startup_ms);
      if (measure_memory)
        g_print ("%-12s %7.1f ms to the first page, %6.1f MiB PSS\n", program->name, startup_ms,
                 g_array_index (program->pss_mib[N_PROCESS_KINDS], double,
                                program->pss_mib[N_PROCESS_KINDS]->len - 1));
      else
        g_print ("%-12s %7.1f ms to the first page\n", program->name, startup_ms);
    }
}

static void
init_program (Program     *program,
              const char  *name,
              const char  *app_id,
              char       **argv)
{
  *program = (Program) { 0 };
  program->name = name;
  program->app_id = app_id;
  program->argv = argv;
  program->startup_ms = g_array_new (FALSE, FALSE, sizeof (double));
  program->first_content_ms = g_array_new (FALSE, FALSE, sizeof (double));
  program->complete_ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint kind = 0; kind <= N_PROCESS_KINDS; kind++)
    program->pss_mib[kind] = g_array_new (FALSE, FALSE, sizeof (double));
}

typedef struct
{
  int fd;
  GString *buffer;
  double painted_ms;
} Reading;

/* Between two readings of the screen: what the program prints, for its area and its mark. */
static void
read_between_samples_cb (int      wait_ms,
                         gpointer user_data)
{
  Reading *reading = user_data;
  double painted_ms = 0;

  if (reading->painted_ms == 0 && read_trace_line (reading->fd, reading->buffer, &painted_ms, wait_ms))
    reading->painted_ms = painted_ms;
  else if (reading->painted_ms != 0)
    read_trace_line (reading->fd, reading->buffer, NULL, wait_ms);
}

/* The environment with user dirs of its own under @home, as on a first launch. */
static char **
fresh_environment (const char *home)
{
  static const char * const variables[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  char **environment = g_get_environ ();

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *dir = g_build_filename (home, variables[i], NULL);

      g_mkdir (dir, 0700);
      environment = g_environ_setenv (environment, variables[i], dir, TRUE);
    }

  return environment;
}

static void
remove_tree (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
record_screen (Program                *program,
               const BenchScreenTimes *times,
               double                  started_ms,
               double                  painted_ms)
{
  double first_ms = times->first_content_ms - started_ms;
  double complete_ms = times->complete_ms - started_ms;
  double mark_ms = painted_ms - started_ms;

  g_array_append_val (program->first_content_ms, first_ms);
  g_array_append_val (program->complete_ms, complete_ms);
  if (!program->is_peer)
    g_array_append_val (program->startup_ms, mark_ms);
  if (program->is_peer)
    g_print ("%-12s first content %7.1f ms, visually complete %7.1f ms\n", program->name, first_ms, complete_ms);
  else
    g_print ("%-12s first content %7.1f ms, visually complete %7.1f ms, in-app mark %7.1f ms\n",
             program->name, first_ms, complete_ms, mark_ms);
}

/* One launch with fresh user dirs, the screen read until the page has been still for 1.5 s. */
static void
launch_screen (Program *program,
               gboolean keep)
{
  posix_spawn_file_actions_t actions;
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autofree char *home = g_dir_make_tmp ("backprop-bench-home-XXXXXX", NULL);
  g_auto(GStrv) environment = fresh_environment (home);
  BenchScreenTimes times;
  Reading reading = { 0 };
  double started_ms;
  pid_t pid;
  int fds[2];
  int error;

  if (program->app_id != NULL)
    wait_for_name_released (program->app_id);
  if (!g_unix_open_pipe (fds, FD_CLOEXEC, NULL))
    g_error ("Could not open a pipe: %s", g_strerror (errno));
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2 (&actions, fds[1], STDERR_FILENO);

  /* Nothing is read from the app or the floor before they say where their page is. */
  if (program->is_peer)
    bench_screen_guess_area (screen);
  else
    bench_screen_set_area (screen, 0, 0, 0, 0, 0);
  reading = (Reading) { fds[0], buffer, 0 };
  started_ms = bench_now_ms ();
  error = posix_spawnp (&pid, program->argv[0], &actions, NULL, program->argv, environment);
  posix_spawn_file_actions_destroy (&actions);
  close (fds[1]);
  if (error != 0)
    g_error ("Could not start %s: %s", program->argv[0], g_strerror (error));

  if (!bench_screen_watch (screen, LAUNCH_TIMEOUT_MS, read_between_samples_cb, &reading, &times))
    g_error ("%s showed no page that stayed still within %d ms", program->name, LAUNCH_TIMEOUT_MS);
  if (!program->is_peer && reading.painted_ms == 0 &&
      !read_trace_line (fds[0], buffer, &reading.painted_ms, LAUNCH_TIMEOUT_MS))
    g_error ("%s never said its first page was painted", program->name);

  end_program (pid, fds[0]);
  close (fds[0]);
  remove_tree (home);
  if (keep)
    record_screen (program, &times, started_ms, reading.painted_ms);
}

/* @name, the ratio of the median first contents, then its 95 % interval's ends. */
static void
report_first_content_ratio (const char *name,
                            Program    *numerator,
                            Program    *denominator,
                            const char *target)
{
  g_autofree char *low_name = g_strconcat (name, ".interval-low", NULL);
  g_autofree char *high_name = g_strconcat (name, ".interval-high", NULL);
  double low, high;

  bench_figure (name, bench_median (numerator->first_content_ms) / bench_median (denominator->first_content_ms),
                "x", target);
  bench_ratio_interval (numerator->first_content_ms, denominator->first_content_ms, &low, &high);
  bench_figure (low_name, low, "x", NULL);
  bench_figure (high_name, high, "x", NULL);
}

/* @programs: the app, the floor, the floor through a scheme, the floor's window, then any peers */
static void
report_screen (Program **programs,
               guint     n_programs)
{
  double floor_first = bench_median (programs[1]->first_content_ms);
  double floor_complete = bench_median (programs[1]->complete_ms);
  double app_first = bench_median (programs[0]->first_content_ms);
  double low, high;

  g_print ("\nOn screen, fresh user dirs, median of %d interleaved runs each:\n", runs);
  for (guint i = 0; i < n_programs; i++)
    {
      Program *program = programs[i];
      g_autofree char *first_name = g_strdup_printf ("screen.%s.first-content", program->name);
      g_autofree char *complete_name = g_strdup_printf ("screen.%s.complete", program->name);
      g_autofree char *mark_name = g_strdup_printf ("screen.%s.in-app-mark", program->name);
      double first = bench_median (program->first_content_ms);
      double complete = bench_median (program->complete_ms);

      bench_ratio_interval (program->first_content_ms, programs[1]->first_content_ms, &low, &high);
      g_print ("  %-12s first content %7.1f ms (%.2f x floor, 95 %% interval %.2f-%.2f), "
               "visually complete %7.1f ms (%.2f x floor)",
               program->name, first, first / floor_first, low, high, complete, complete / floor_complete);
      if (!program->is_peer)
        g_print (", in-app mark %7.1f ms", bench_median (program->startup_ms));
      g_print ("\n");
      bench_figure (first_name, first, "ms", NULL);
      bench_figure (complete_name, complete, "ms", NULL);
      if (!program->is_peer)
        bench_figure (mark_name, bench_median (program->startup_ms), "ms", NULL);
      else
        {
          g_autofree char *peer_name = g_strdup_printf ("screen.first-content.ratio-to-%s", program->name);

          bench_figure (peer_name, app_first / first, "x", "< 1");
        }
    }
  report_first_content_ratio ("screen.first-content.ratio", programs[0], programs[1], "<= 1.05");
  bench_figure ("screen.complete.ratio", bench_median (programs[0]->complete_ms) / floor_complete, "x", NULL);
  bench_figure ("screen.first-content.ratio-to-floor-scheme",
                app_first / bench_median (programs[2]->first_content_ms), "x", NULL);
  report_first_content_ratio ("screen.first-content.ratio-to-floor-window", programs[0], programs[3], NULL);
}

/* --peer=NAME=COMMAND: a program that shows comparable content, started by its command line. */
static void
init_peer (Program    *program,
           const char *spec)
{
  const char *equals = strchr (spec, '=');
  g_autoptr(GError) error = NULL;
  char **argv = NULL;

  if (equals == NULL || !g_shell_parse_argv (equals + 1, NULL, &argv, &error))
    g_error ("--peer=%s: expected NAME=COMMAND%s%s", spec, error ? ": " : "", error ? error->message : "");
  init_program (program, g_strndup (spec, equals - spec), NULL, argv);
  program->is_peer = TRUE;
}

static char *
write_temporary (const char *template,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp (template, &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* The app's own first page, the same bytes the floor shows; and for the floor's window,
 * the deck's title, then its questions' titles, a line each. */
static void
write_floor_files (char **page_path,
                   char **titles_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse_builtin (&error);
  g_autoptr(BpPageRenderer) renderer = NULL;
  g_autoptr(GString) titles = NULL;
  g_autofree char *html = NULL;

  g_assert_no_error (error);
  renderer = bp_page_renderer_new_from_resources (&error);
  g_assert_no_error (error);
  html = bp_page_renderer_render (renderer, bp_deck_get_question (deck, 0), BP_PAGE_THEME_LIGHT, NULL);
  *page_path = write_temporary ("backprop-floor-XXXXXX.html", html);

  titles = g_string_new (bp_deck_get_title (deck));
  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    g_string_append_printf (titles, "\n%s", bp_question_get_title (bp_deck_get_question (deck, i)));
  *titles_path = write_temporary ("backprop-floor-XXXXXX.txt", titles->str);
}

static void
report_startup (Program *app,
                Program *floor_program,
                Program *scheme_floor)
{
  double app_median = bench_median (app->startup_ms);
  double floor_median = bench_median (floor_program->startup_ms);
  double scheme_median = bench_median (scheme_floor->startup_ms);

  g_print ("\nstart-up, median of %d runs each: app %.1f ms, floor %.1f ms, floor through a scheme %.1f ms\n",
           runs, app_median, floor_median, scheme_median);
  bench_figure ("startup.app.median", app_median, "ms", NULL);
  bench_figure ("startup.floor.median", floor_median, "ms", NULL);
  bench_figure ("startup.floor-scheme.median", scheme_median, "ms", NULL);
  bench_figure ("startup.ratio", app_median / floor_median, "x", "<= 1.15");
  bench_figure ("startup.ratio-to-floor-scheme", app_median / scheme_median, "x", NULL);
}

static void
report_memory (Program *app,
               Program *floor_program)
{
  Program *programs[] = { app, floor_program };
  double medians[G_N_ELEMENTS (programs)][N_PROCESS_KINDS + 1];

  g_print ("\nPSS after the first page, median of %d runs each (MiB):\n", runs);
  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_print ("  %-6s", programs[i]->name);
      for (guint kind = 0; kind <= N_PROCESS_KINDS; kind++)
        {
          medians[i][kind] = bench_median (programs[i]->pss_mib[kind]);
          g_print ("  %s %.1f", kind < N_PROCESS_KINDS ? kind_names[kind] : "total", medians[i][kind]);
        }
      g_print ("\n");
    }

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    for (guint kind = 0; kind <= N_PROCESS_KINDS; kind++)
      {
        g_autofree char *figure = g_strdup_printf ("memory.%s.%s", programs[i]->name,
                                                   kind < N_PROCESS_KINDS ? kind_names[kind] : "total");

        bench_figure (figure, medians[i][kind], "MiB", NULL);
      }
  bench_figure ("memory.ratio", medians[0][N_PROCESS_KINDS] / medians[1][N_PROCESS_KINDS], "x", "<= 1.05");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("APP FLOOR");
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *window_option = NULL;
  g_autofree char *measure = NULL;
  g_auto(GStrv) peers = NULL;
  const GOptionEntry options[] = {
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure, "What to report: startup, memory or screen", "WHAT" },
    { "peer", 0, 0, G_OPTION_ARG_STRING_ARRAY, &peers, "With --measure=screen, a peer to read too", "NAME=COMMAND" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Measured runs of each program (15 for start-up, 10 for memory, 20 for screen)", "N" },
    { "warmup", 0, 0, G_OPTION_ARG_INT, &warmup, "Runs of each to discard first (1)", "N" },
    { "settle", 0, 0, G_OPTION_ARG_INT, &settle_ms, "Wait before reading memory (1000)", "MS" },
    { NULL }
  };
  char *app_argv[2] = { NULL };
  char *floor_argv[3] = { NULL };
  char *scheme_argv[4] = { NULL };
  char *window_argv[5] = { NULL };
  Program app, floor_program, scheme_floor, window_floor, peer_programs[MAX_PEERS];
  Program *programs[4 + MAX_PEERS] = { &app, &floor_program, &scheme_floor, &window_floor };
  gboolean measure_screen;
  guint n_programs;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || runs < 0)
    {
      g_printerr ("usage: %s [--measure=startup|memory|screen] [--runs=N] [--peer=NAME=COMMAND…] APP FLOOR\n", argv[0]);
      return 2;
    }
  measure_memory = g_strcmp0 (measure, "memory") == 0;
  measure_screen = g_strcmp0 (measure, "screen") == 0;
  n_programs = measure_memory ? 2 : measure_screen ? 4 : 3;
  if (runs == 0)
    runs = measure_memory ? MEMORY_RUNS : measure_screen ? SCREEN_RUNS : STARTUP_RUNS;

  if (g_getenv ("DISPLAY") == NULL || (bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error)) == NULL)
    {
      g_printerr ("%s needs a display and a D-Bus session: run it through tests/bench/bench-session.sh\n",
                  argv[0]);
      return 1;
    }

  /* Orphaned web processes come back to this harness, which waits for them. */
  prctl (PR_SET_CHILD_SUBREAPER, 1);
  g_setenv ("BACKPROP_TRACE_STARTUP", "1", TRUE);

  write_floor_files (&page, &titles);
  window_option = g_strconcat ("--window=", titles, NULL);
  app_argv[0] = argv[1];
  floor_argv[0] = argv[2];
  floor_argv[1] = page;
  scheme_argv[0] = argv[2];
  scheme_argv[1] = (char *)"--scheme";
  scheme_argv[2] = page;
  window_argv[0] = argv[2];
  window_argv[1] = (char *)"--scheme";
  window_argv[2] = window_option;
  window_argv[3] = page;
  init_program (&app, "app", APP_ID_BACKPROP, app_argv);
  init_program (&floor_program, "floor", APP_ID_FLOOR, floor_argv);
  init_program (&scheme_floor, "floor-scheme", APP_ID_FLOOR, scheme_argv);
  init_program (&window_floor, "floor-window", APP_ID_FLOOR, window_argv);
  if (measure_screen)
    {
      if ((screen = bench_screen_open (&error)) == NULL)
        g_error ("%s", error->message);
      if (peers == NULL && g_getenv ("BACKPROP_BENCH_PEERS") != NULL)
        peers = g_strsplit (g_getenv ("BACKPROP_BENCH_PEERS"), "\n", -1);
      if (peers == NULL || peers[0] == NULL)
        g_print ("No peers: build-aux/bench.sh --peers installs Yelp and Foliate and reads them too\n");
      for (guint i = 0; peers != NULL && peers[i] != NULL && i < MAX_PEERS; i++)
        {
          if (*g_strstrip (peers[i]) == '\0')
            continue;
          init_peer (&peer_programs[i], peers[i]);
          programs[n_programs++] = &peer_programs[i];
        }
    }

  for (int run = 0; run < warmup + runs; run++)
    for (guint i = 0; i < n_programs; i++)
      {
        Program *program = programs[(run + i) % n_programs];

        if (measure_screen)
          launch_screen (program, run >= warmup);
        else
          launch (program, run >= warmup);
      }

  if (measure_screen)
    report_screen (programs, n_programs);
  else if (measure_memory)
    report_memory (&app, &floor_program);
  else
    report_startup (&app, &floor_program, &scheme_floor);

  g_unlink (page);
  g_unlink (titles);
  g_clear_pointer (&screen, bench_screen_free);
  return 0;
}
