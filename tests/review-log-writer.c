/* review-log-writer.c: appends reviews 0, 1, 2… to a review log until it is killed
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bp-review-log.h"
#include "review-log-writer.h"

/*
 * The crash test SIGKILLs this at random moments. It goes on from the reviews the log holds,
 * and after each append returns it prints the review's number: that one is acknowledged, and
 * must be in the file after the kill.
 */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(BpReviewLog) log = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s REVIEW-LOG\n", argv[0]);
      return 2;
    }

  log = bp_review_log_new (argv[1]);
  if (!bp_review_log_load (log, &error))
    {
      g_printerr ("Could not load %s: %s\n", argv[1], error->message);
      return 1;
    }

  for (guint k = bp_review_log_get_events (log)->len; ; k++)
    {
      g_autoptr(BpReviewEvent) event = writer_review (k);
      g_autofree char *line = NULL;

      if (!bp_review_log_append (log, event, &error))
        {
          g_printerr ("Could not append review %u: %s\n", k, error->message);
          return 1;
        }

      /* write(2), not stdio: nothing may sit in a buffer when the kill comes. */
      line = g_strdup_printf ("%u\n", k);
      if (write (STDOUT_FILENO, line, strlen (line)) < 0)
        return 1;
    }
}
