/* main.c: starts Backprop
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "backprop"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bp-application.h"
#include "bp-workers.h"

/* Long enough for the slowest worker, an index of 10,000 questions on a slow machine. */
#define WORKERS_TIMEOUT_US (10 * G_USEC_PER_SEC)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BpApplication) application = NULL;
  int status;

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
