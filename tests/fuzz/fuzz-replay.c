/* fuzz-replay.c: feeds files to a fuzz target's entry point, so its corpus and crash inputs run in every build
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-target.h"

/* The files of @path, or @path itself, in name order; hidden files are not inputs. */
static void
collect_inputs (const char *path,
                GPtrArray  *inputs)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (inputs, g_build_filename (path, name, NULL));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* A crash or a failed check aborts, so the driver never reaches "ok" for that input. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE-OR-DIRECTORY…\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect_inputs (argv[i], inputs);
  g_ptr_array_sort (inputs, compare_paths);

  g_print ("1..%u\n", inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      guint8 *data;

      if (!g_file_get_contents (path, &contents, &length, &error))
        g_error ("%s", error->message);

      /* libFuzzer hands over exactly the input's bytes, never nul-terminated and never
       * NULL, even when empty: malloc (0) is a real allocation, and a sanitizer sees any
       * read past the end. */
      data = malloc (length);
      g_assert_nonnull (data);
      memcpy (data, contents, length);
      LLVMFuzzerTestOneInput (data, length);
      free (data);
      g_print ("ok %u - %s\n", i + 1, path);
    }

  return 0;
}
