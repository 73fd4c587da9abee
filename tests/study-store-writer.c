/* study-store-writer.c: saves versions 0, 1, 2… of known study data until it is killed
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bp-study-store.h"
#include "study-store-versions.h"

/*
 * The crash test SIGKILLs this at random moments. After each flush it prints the version it
 * saved, so the test knows the file must hold that version or the next one.
 */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(BpStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s STUDY-FILE\n", argv[0]);
      return 2;
    }

  store = bp_study_store_new (argv[1]);
  if (!bp_study_store_load (store, &error) || bp_study_store_get_recovered_from (store) != NULL)
    {
      g_printerr ("Could not load %s: %s\n", argv[1], error ? error->message : "set aside");
      return 1;
    }

  for (guint k = 0; ; k++)
    {
      g_autofree char *line = NULL;

      version_apply (store, k);
      if (!bp_study_store_flush (store, &error))
        {
          g_printerr ("Could not save version %u: %s\n", k, error->message);
          return 1;
        }

      /* write(2), not stdio: nothing may sit in a buffer when the kill comes. */
      line = g_strdup_printf ("%u\n", k);
      if (write (STDOUT_FILENO, line, strlen (line)) < 0)
        return 1;

      /* As in the app, the file monitor's events are handled between saves. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}
