/* main.c: starts Backprop
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "backprop"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "bp-application.h"
#include "bp-workers.h"

/* Long enough for the slowest worker, an index of 10,000 questions on a slow machine. */
#define WORKERS_TIMEOUT_US (10 * G_USEC_PER_SEC)

/* glibc's own default. Left to itself, glibc raises the size it maps blocks at to that of
 * the largest block freed, a frame's image surface (1.4 MiB for a page), and from then on
 * keeps such blocks in the heap once freed: 4 to 5 MiB that the app never gave back after
 * its first frames. Fixed, every block this large goes back to the system when freed. */
#define MMAP_THRESHOLD_BYTES (128 * 1024)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BpApplication) application = NULL;
  int status;

#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES);
#endif
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = bp_application_new ();

  status = g_application_run (G_APPLICATION (application), argc, argv);
  /* Work still in a thread (a deck read, an index built) ends before the process does. */
  if (!bp_workers_wait (WORKERS_TIMEOUT_US))
    g_warning ("Quitting with %u background tasks still running", bp_workers_get_n_running ());

  return status;
}
