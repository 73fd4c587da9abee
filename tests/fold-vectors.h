/* fold-vectors.h: reads tests/fold-vectors.txt, the vectors the core's and the page's folding are checked against
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

/* One line of the file: "input<TAB>expected", where \uXXXX, \UXXXXXXXX, \t and \\ stand
 * for what a reader could not see or type there. '#' starts a comment line. */
typedef struct
{
  guint line;
  char *input;
  char *expected;
} FoldVector;

static inline void
fold_vector_clear (gpointer data)
{
  FoldVector *vector = data;

  g_free (vector->input);
  g_free (vector->expected);
}

static inline gunichar
fold_vectors_read_hex (const char *digits,
                       guint       n_digits,
                       guint       line)
{
  g_autofree char *hex = g_strndup (digits, n_digits);
  char *end;
  guint64 value = g_ascii_strtoull (hex, &end, 16);

  if (strlen (hex) != n_digits || *end != '\0' || !g_unichar_validate ((gunichar)value))
    g_error ("fold-vectors.txt:%u: bad escape \\%s", line, hex);
  return (gunichar)value;
}

static inline char *
fold_vectors_unescape (const char *text,
                       guint       line)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      guint n_digits = p[1] == 'u' ? 4 : p[1] == 'U' ? 8 : 0;

      if (*p != '\\')
        g_string_append_c (out, *p);
      else if (n_digits > 0)
        {
          g_string_append_unichar (out, fold_vectors_read_hex (p + 2, n_digits, line));
          p += 1 + n_digits;
        }
      else if (p[1] == 't' || p[1] == '\\')
        g_string_append_c (out, *++p == 't' ? '\t' : '\\');
      else
        g_error ("fold-vectors.txt:%u: bad escape in “%s”", line, text);
    }

  return g_string_free (out, FALSE);
}

/* The vectors of the file, found by G_TEST_SRCDIR as the test's own source files are. */
static inline GArray *
fold_vectors_load (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fold-vectors.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *vectors = g_array_new (FALSE, FALSE, sizeof (FoldVector));

  g_array_set_clear_func (vectors, fold_vector_clear);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, -1, NULL));

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      FoldVector vector = { i + 1, NULL, NULL };

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 2)
        g_error ("fold-vectors.txt:%u: not “input<TAB>expected”", vector.line);
      vector.input = fold_vectors_unescape (fields[0], vector.line);
      vector.expected = fold_vectors_unescape (fields[1], vector.line);
      g_array_append_val (vectors, vector);
    }

  return vectors;
}
