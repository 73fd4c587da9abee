/* bp-study-file.c: the study file on disk: read with its checksum, durable writes, damage set aside
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-file"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bp-study-file.h"

/* GLib's g_file_set_contents() writes "<name>.XXXXXX" next to the file, then renames it. */
#define TEMPORARY_SUFFIX_LENGTH 6

static void
set_error_from_errno (GError **error,
                      int      saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
}

/**
 * bp_study_file_read:
 * @bytes: (out) (transfer full) (nullable): the file's contents; %NULL: there is no file
 * @checksum: (out) (transfer full) (nullable): their SHA-256; %NULL: there is no file
 *
 * A missing file, or a path through a regular file, is read as no file at all.
 *
 * Returns: %FALSE if the file exists but cannot be read
 */
gboolean
bp_study_file_read (const char  *path,
                    GBytes     **bytes,
                    char       **checksum,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *data;
  gsize length;

  *bytes = NULL;
  *checksum = NULL;
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
          g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *bytes = g_bytes_new_take (data, length);
  *checksum = bp_study_file_checksum (*bytes);
  return TRUE;
}

/**
 * bp_study_file_checksum:
 * @bytes: (nullable): a file's contents, or %NULL for no file
 *
 * Returns: (transfer full) (nullable): what tells one version of the file from another
 */
char *
bp_study_file_checksum (GBytes *bytes)
{
  return bytes != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : NULL;
}

/**
 * bp_study_file_write:
 *
 * Replaces the file atomically and durably, private to the user: a crash leaves the old file
 * or the new one, never a mix. Its folder is made if it is missing.
 */
gboolean
bp_study_file_write (const char  *path,
                     GBytes      *bytes,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_error_from_errno (error, errno);
      return FALSE;
    }

  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* link() never replaces a file, so an earlier copy set aside is never overwritten. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  if (link (from, to) == 0)
    return g_unlink (from);

  if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS && errno != EMLINK)
    return -1;

  /* A file system without hard links: check, then rename. */
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      errno = EEXIST;
      return -1;
    }

  return g_rename (from, to);
}

/**
 * bp_study_file_move_aside:
 * @now: the time the new name says
 *
 * Renames a damaged file to "<name>.corrupt-<YYYYMMDD-HHMMSS>", or with "-2", "-3"… after it
 * when that name is taken: an earlier copy is never replaced.
 *
 * Returns: (transfer full) (nullable): the file's new name, or %NULL with @error set
 */
char *
bp_study_file_move_aside (const char  *path,
                          GDateTime   *now,
                          GError     **error)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *target = n == 1 ? g_strdup_printf ("%s.corrupt-%s", path, stamp)
                                       : g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);

      if (rename_no_replace (path, target) == 0)
        return g_steal_pointer (&target);

      if (errno != EEXIST)
        {
          set_error_from_errno (error, errno);
          return NULL;
        }
    }

  set_error_from_errno (error, EEXIST);
  return NULL;
}

/**
 * bp_study_file_is_temporary:
 * @path: the study file
 * @name: the name of a file in its folder
 *
 * Returns: whether @name is what g_file_set_contents() names its temporary file while it
 *   writes @path: the file's name, a dot and exactly six letters or digits
 */
gboolean
bp_study_file_is_temporary (const char *path,
                            const char *name)
{
  g_autofree char *base = g_path_get_basename (path);
  gsize base_length = strlen (base);
  const char *suffix;

  if (strncmp (name, base, base_length) != 0 || name[base_length] != '.')
    return FALSE;

  suffix = name + base_length + 1;
  if (strlen (suffix) != TEMPORARY_SUFFIX_LENGTH)
    return FALSE;
  for (const char *p = suffix; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/**
 * bp_study_file_remove_temporaries:
 *
 * Removes what saves of @path left when they were killed midway: their temporary files.
 * The file itself, copies set aside and anything else are left alone. Only one process may
 * save the file (the app is single-instance), so none of these is a save in progress.
 *
 * Returns: how many were removed
 */
guint
bp_study_file_remove_temporaries (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_removed = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir_path, name, NULL);

      if (!bp_study_file_is_temporary (path, name) ||
          !g_file_test (child, G_FILE_TEST_IS_REGULAR) ||
          g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;

      if (g_unlink (child) == 0)
        n_removed++;
      else
        g_debug ("Could not remove %s, left by an interrupted save: %s", child, g_strerror (errno));
    }

  return n_removed;
}
