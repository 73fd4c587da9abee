/* bench-screen.c: what reaches the screen, sampled from outside the program with XShm
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>

#include <gio/gio.h>

#include "bench-screen.h"
#include "bench-utils.h"

/* An in-app mark says when the program asked for a frame; only the screen says when its
 * pixels were there. The screen is read every SAMPLE_MS, from the top-most window of at
 * least MIN_SIZE pixels a side (with no window manager, the program's own), in its content
 * area: the right 55 % of it (the page of a split view, the middle of a single one) below
 * the header bar, without the strip on the right where a scrollbar fades in and out.
 * A program that says where its page is (bench_screen_set_area ()) is read there instead,
 * still without the scrollbar strip, and not at all until it has said so.
 *  - first content: more than 1 % of the area's pixels are not its dominant colour (an
 *    empty view, or the black root behind a window mapped before its first frame, is one
 *    colour), not counting lines of one colour from edge to edge: an empty window's border
 *    or the edge of its header bar is a frame, not content;
 *  - visually complete: the last change to the area before STILL_MS with none. */
#define SAMPLE_MS 8
#define STILL_MS 1500
#define MIN_SIZE 200
#define HEADER_HEIGHT 50
#define SCROLLBAR_STRIP 16
#define CONTENT_LEFT 0.45
/* The dominant colour is counted on a grid: text covers far more than one cell in 16. */
#define GRID 4

struct _BenchScreen
{
  Display *display;
  Window root;
  XShmSegmentInfo shm;
  XImage *image;
  guint32 *previous;
  gboolean have_previous;
  /* How the content area is found: the heuristic above, none yet, or a given rectangle. */
  enum { AREA_GUESSED, AREA_AWAITED, AREA_GIVEN } area_mode;
  Window area_window;
  int area_x, area_y, area_width, area_height;
};

BenchScreen *
bench_screen_open (GError **error)
{
  g_autoptr(BenchScreen) screen = g_new0 (BenchScreen, 1);

  screen->display = XOpenDisplay (NULL);
  if (screen->display == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                   "Could not open the X display “%s”: run through tests/bench/bench-session.sh",
                   g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "");
      return NULL;
    }
  if (!XShmQueryExtension (screen->display))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "The X server has no MIT-SHM extension to read the screen with");
      return NULL;
    }
  screen->root = DefaultRootWindow (screen->display);

  return g_steal_pointer (&screen);
}

static void
release_image (BenchScreen *screen)
{
  if (screen->image == NULL)
    return;

  XShmDetach (screen->display, &screen->shm);
  XDestroyImage (screen->image);
  shmdt (screen->shm.shmaddr);
  g_clear_pointer (&screen->previous, g_free);
  screen->image = NULL;
  screen->have_previous = FALSE;
}

void
bench_screen_free (BenchScreen *screen)
{
  if (screen == NULL)
    return;

  release_image (screen);
  if (screen->display != NULL)
    XCloseDisplay (screen->display);
  g_free (screen);
}

/* A shared-memory image of @width × @height, made again only when the area changes size. */
static gboolean
ensure_image (BenchScreen *screen,
              int          width,
              int          height)
{
  Screen *x_screen = DefaultScreenOfDisplay (screen->display);

  if (screen->image != NULL && screen->image->width == width && screen->image->height == height)
    return TRUE;

  release_image (screen);
  screen->image = XShmCreateImage (screen->display, DefaultVisualOfScreen (x_screen),
                                   DefaultDepthOfScreen (x_screen), ZPixmap, NULL, &screen->shm,
                                   width, height);
  if (screen->image == NULL || screen->image->bits_per_pixel != 32)
    g_error ("Only a 24- or 32-bit screen can be read, as bench-session.sh makes");

  screen->shm.shmid = shmget (IPC_PRIVATE, screen->image->bytes_per_line * height, IPC_CREAT | 0600);
  screen->shm.shmaddr = screen->image->data = shmat (screen->shm.shmid, NULL, 0);
  screen->shm.readOnly = False;
  XShmAttach (screen->display, &screen->shm);
  XSync (screen->display, False);
  /* Marked for removal now, so that no segment outlives a crashed harness. */
  shmctl (screen->shm.shmid, IPC_RMID, NULL);
  screen->previous = g_new (guint32, (gsize)width * height);

  return TRUE;
}

/**
 * bench_screen_set_area:
 * @window: the X window @x, @y are in, 0 to read nothing until called again
 *
 * From now on, reads the rectangle @x, @y, @width × @height of @window (the page of a
 * web view, say) less the scrollbar strip on its right, wherever the window is.
 */
void
bench_screen_set_area (BenchScreen *screen,
                       gulong       window,
                       int          x,
                       int          y,
                       int          width,
                       int          height)
{
  screen->area_mode = window != 0 ? AREA_GIVEN : AREA_AWAITED;
  screen->area_window = window;
  screen->area_x = x;
  screen->area_y = y;
  screen->area_width = width - SCROLLBAR_STRIP;
  screen->area_height = height;
}

/* Back to the content area of the top-most large window. */
void
bench_screen_guess_area (BenchScreen *screen)
{
  screen->area_mode = AREA_GUESSED;
}

static int
x_error_cb (Display     *display,
            XErrorEvent *event)
{
  return 0;
}

/* The given rectangle on the root window, clipped to the screen; FALSE once the window is gone. */
static gboolean
find_given_area (BenchScreen *screen,
                 int         *x,
                 int         *y,
                 int         *width,
                 int         *height)
{
  Screen *x_screen = DefaultScreenOfDisplay (screen->display);
  int (*old_handler) (Display *, XErrorEvent *) = XSetErrorHandler (x_error_cb);
  Window child;
  Bool found = XTranslateCoordinates (screen->display, screen->area_window, screen->root,
                                      screen->area_x, screen->area_y, x, y, &child);

  XSync (screen->display, False);
  XSetErrorHandler (old_handler);
  if (!found)
    return FALSE;

  *width = MIN (*x + screen->area_width, WidthOfScreen (x_screen)) - MAX (*x, 0);
  *height = MIN (*y + screen->area_height, HeightOfScreen (x_screen)) - MAX (*y, 0);
  *x = MAX (*x, 0);
  *y = MAX (*y, 0);

  return *width > 0 && *height > 0;
}

/* The content area of the top-most large window, or FALSE while there is none. */
static gboolean
find_area (BenchScreen *screen,
           int         *x,
           int         *y,
           int         *width,
           int         *height)
{
  Window root, parent, *children = NULL;
  unsigned int n_children;
  gboolean found = FALSE;
  int (*old_handler) (Display *, XErrorEvent *);

  if (screen->area_mode == AREA_AWAITED)
    return FALSE;
  if (screen->area_mode == AREA_GIVEN)
    return find_given_area (screen, x, y, width, height);

  if (!XQueryTree (screen->display, screen->root, &root, &parent, &children, &n_children))
    return FALSE;

  /* A window may go between the query and the look at it: a splash, a closing program. */
  old_handler = XSetErrorHandler (x_error_cb);

  for (unsigned int i = n_children; i-- > 0 && !found;)
    {
      XWindowAttributes attributes;

      if (!XGetWindowAttributes (screen->display, children[i], &attributes) ||
          attributes.map_state != IsViewable || attributes.width < MIN_SIZE || attributes.height < MIN_SIZE)
        continue;

      *x = MAX (attributes.x + (int)(attributes.width * CONTENT_LEFT), 0);
      *y = MAX (attributes.y + HEADER_HEIGHT, 0);
      *width = MIN (attributes.x + attributes.width - SCROLLBAR_STRIP,
                    WidthOfScreen (DefaultScreenOfDisplay (screen->display))) - *x;
      *height = MIN (attributes.y + attributes.height,
                     HeightOfScreen (DefaultScreenOfDisplay (screen->display))) - *y;
      found = *width > 0 && *height > 0;
    }

  XSync (screen->display, False);
  XSetErrorHandler (old_handler);
  XFree (children);
  return found;
}

static guint32
grid_pixel (XImage *image,
            int     column,
            int     row)
{
  return *(guint32 *)(image->data + row * GRID * image->bytes_per_line + column * GRID * 4) & 0xffffff;
}

/* Whether @column (or row, with @across) of the grid is one colour from edge to edge. */
static gboolean
is_line (XImage   *image,
         int       index,
         gboolean  across)
{
  int n = across ? (image->width + GRID - 1) / GRID : (image->height + GRID - 1) / GRID;
  guint32 first = across ? grid_pixel (image, 0, index) : grid_pixel (image, index, 0);

  for (int i = 1; i < n; i++)
    if ((across ? grid_pixel (image, i, index) : grid_pixel (image, index, i)) != first)
      return FALSE;

  return TRUE;
}

/* Whether more than 1 % of the grid's cells are not the colour most of them have, lines
 * of one colour across or down the whole area left out. */
static gboolean
has_content (XImage *image)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  int columns = (image->width + GRID - 1) / GRID, rows = (image->height + GRID - 1) / GRID;
  g_autofree gboolean *line_columns = g_new (gboolean, columns);
  g_autofree gboolean *line_rows = g_new (gboolean, rows);
  gpointer dominant = NULL, colour, count;
  GHashTableIter iter;
  guint cells = 0, most = 0, others = 0;

  for (int column = 0; column < columns; column++)
    line_columns[column] = is_line (image, column, FALSE);
  for (int row = 0; row < rows; row++)
    line_rows[row] = is_line (image, row, TRUE);

  for (int row = 0; row < rows; row++)
    for (int column = 0; column < columns; column++)
      {
        gpointer key = GUINT_TO_POINTER (grid_pixel (image, column, row) + 1);

        g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
        cells++;
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &colour, &count))
    if (GPOINTER_TO_UINT (count) > most)
      {
        most = GPOINTER_TO_UINT (count);
        dominant = colour;
      }

  for (int row = 0; row < rows; row++)
    for (int column = 0; column < columns; column++)
      if (!line_rows[row] && !line_columns[column] &&
          GUINT_TO_POINTER (grid_pixel (image, column, row) + 1) != dominant)
        others++;

  return cells > 0 && others * 100 > cells;
}

typedef enum {
  SAMPLE_NO_WINDOW,
  SAMPLE_SAME,
  SAMPLE_CHANGED,
} Sample;

/* Reads the content area and compares it with the last reading. */
static Sample
sample (BenchScreen *screen)
{
  int x, y, width, height;
  gboolean changed = FALSE;

  if (!find_area (screen, &x, &y, &width, &height))
    return SAMPLE_NO_WINDOW;

  ensure_image (screen, width, height);
  if (!XShmGetImage (screen->display, screen->root, screen->image, x, y, AllPlanes))
    return SAMPLE_NO_WINDOW;

  for (int row = 0; row < height; row++)
    {
      guint32 *pixels = (guint32 *)(screen->image->data + row * screen->image->bytes_per_line);

      if (!screen->have_previous || memcmp (pixels, screen->previous + (gsize)row * width, width * 4) != 0)
        {
          changed = TRUE;
          memcpy (screen->previous + (gsize)row * width, pixels, width * 4);
        }
    }
  screen->have_previous = TRUE;

  return changed ? SAMPLE_CHANGED : SAMPLE_SAME;
}

static void
wait_next (double               sampled_ms,
           BenchScreenIdleFunc  idle,
           gpointer             user_data)
{
  int wait_ms = MAX ((int)(sampled_ms + SAMPLE_MS - bench_now_ms ()), 0);

  if (idle != NULL)
    idle (wait_ms, user_data);
  else
    g_usleep (wait_ms * 1000);
}

/* Samples until the first content, then until the area has not changed for STILL_MS.
 * With @from_change, first content is instead the first change after the first reading. */
static gboolean
watch (BenchScreen         *screen,
       gboolean             from_change,
       int                  timeout_ms,
       BenchScreenIdleFunc  idle,
       gpointer             user_data,
       BenchScreenTimes    *times)
{
  double started_ms = bench_now_ms ();
  double last_change_ms = 0;

  *times = (BenchScreenTimes) { 0 };
  screen->have_previous = FALSE;
  if (from_change)
    sample (screen);

  while (bench_now_ms () - started_ms < timeout_ms)
    {
      double sampled_ms = bench_now_ms ();
      Sample result = sample (screen);

      if (result == SAMPLE_CHANGED)
        last_change_ms = sampled_ms;
      /* Content is looked for only in a reading that differs from the last: the same
       * pixels have the same answer, and the sampler then takes less of the two cores
       * that the program it measures is starting on. */
      if (times->first_content_ms == 0 && result == SAMPLE_CHANGED &&
          (from_change || has_content (screen->image)))
        times->first_content_ms = sampled_ms;
      if (times->first_content_ms != 0 && sampled_ms - last_change_ms >= STILL_MS)
        {
          times->complete_ms = last_change_ms;
          return TRUE;
        }
      wait_next (sampled_ms, idle, user_data);
    }

  return FALSE;
}

/**
 * bench_screen_watch:
 * @idle: (nullable): what to do between samples, instead of sleeping
 * @times: (out): when content first showed and when the area last changed
 *
 * Samples the screen until the top-most window shows content and then stays still for
 * 1.5 s, or for @timeout_ms at most; returns whether it became still.
 */
gboolean
bench_screen_watch (BenchScreen         *screen,
                    int                  timeout_ms,
                    BenchScreenIdleFunc  idle,
                    gpointer             user_data,
                    BenchScreenTimes    *times)
{
  return watch (screen, FALSE, timeout_ms, idle, user_data, times);
}

/**
 * bench_screen_wait_change:
 *
 * As bench_screen_watch (), but first content is the first change from what the
 * window's content area shows when called: a page replaced by the next.
 */
gboolean
bench_screen_wait_change (BenchScreen         *screen,
                          int                  timeout_ms,
                          BenchScreenIdleFunc  idle,
                          gpointer             user_data,
                          BenchScreenTimes    *times)
{
  return watch (screen, TRUE, timeout_ms, idle, user_data, times);
}
