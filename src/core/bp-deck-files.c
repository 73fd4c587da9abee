/* bp-deck-files.c: the files beside a deck (its images), read only from inside the deck's folder
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bp-deck-files-private.h"

/* An opened deck is untrusted: what it names is read only when it is an image inside its
 * folder, after every symbolic link is followed, never a file elsewhere on the disk. */

static const struct {
  const char *suffix;
  const char *content_type;
} image_types[] = {
  { ".png", "image/png" },
  { ".jpg", "image/jpeg" },
  { ".jpeg", "image/jpeg" },
  { ".gif", "image/gif" },
  { ".webp", "image/webp" },
  /* Only ever shown through <img>, where an SVG's scripts do not run; its response
   * carries a sandboxing policy for the case it is opened as a document. */
  { ".svg", "image/svg+xml" },
};

/**
 * bp_deck_files_content_type:
 *
 * Returns: (nullable): the image type @path's name says, or %NULL for anything else
 */
const char *
bp_deck_files_content_type (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  lower = g_ascii_strdown (path, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (image_types); i++)
    if (g_str_has_suffix (lower, image_types[i].suffix))
      return image_types[i].content_type;

  return NULL;
}

static gboolean
has_parent_segment (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);

  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_equal (segments[i], ".."))
      return TRUE;

  return FALSE;
}

static char *
real_path (const char  *path,
           GError     **error)
{
  char *resolved = realpath (path, NULL);
  int saved_errno = errno;
  char *copy;

  if (resolved == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” cannot be read: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  copy = g_strdup (resolved);
  free (resolved);
  return copy;
}

static char *
refuse (GError     **error,
        const char  *relative_path)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
               _("“%s” is outside the deck’s folder; only files beside the deck are shown."),
               relative_path);
  return NULL;
}

static GBytes *
refuse_bytes (GError     **error,
              const char  *relative_path)
{
  refuse (error, relative_path);
  return NULL;
}

/**
 * bp_deck_files_resolve:
 * @folder: the folder of the deck file
 * @relative_path: a path relative to @folder, as the deck names it (unescaped)
 *
 * Refuses absolute paths, "..", and anything whose real path, every symbolic link
 * followed, is not inside @folder's real path.
 *
 * Returns: (transfer full) (nullable): the file's real path, or %NULL with @error set
 */
char *
bp_deck_files_resolve (const char  *folder,
                       const char  *relative_path,
                       GError     **error)
{
  g_autofree char *real_folder = NULL;
  g_autofree char *candidate = NULL;
  g_autofree char *real = NULL;
  gsize folder_length;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (relative_path != NULL, NULL);

  if (*relative_path == '\0' || g_path_is_absolute (relative_path) || has_parent_segment (relative_path))
    return refuse (error, relative_path);

  real_folder = real_path (folder, error);
  if (real_folder == NULL)
    return NULL;

  candidate = g_build_filename (real_folder, relative_path, NULL);
  real = real_path (candidate, error);
  if (real == NULL)
    return NULL;

  folder_length = strlen (real_folder);
  /* "/" as the folder: everything is inside it. */
  if (folder_length == 1)
    folder_length = 0;
  if (strncmp (real, real_folder, folder_length) != 0 || real[folder_length] != '/')
    return refuse (error, relative_path);

  return g_steal_pointer (&real);
}

static GBytes *
read_error (int          fd,
            int          saved_errno,
            const char  *relative_path,
            GError     **error)
{
  if (fd >= 0)
    close (fd);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("“%s” cannot be read: %s"), relative_path, g_strerror (saved_errno));
  return NULL;
}

/* Whether @info, an open regular file's, is the file at @path now, which has no link left in it. A
 * link swapped in since the path was resolved is either seen here, or was opened and is
 * not the file found at @path. This, not O_NOFOLLOW, because the document portal's file
 * system, which holds a folder granted to a Flatpak, refuses every O_NOFOLLOW open. */
static gboolean
is_file_at (const struct stat *info,
            const char        *path)
{
  struct stat at_path;

  return g_lstat (path, &at_path) == 0 && S_ISREG (at_path.st_mode) &&
         at_path.st_dev == info->st_dev && at_path.st_ino == info->st_ino;
}

/* Reads @size bytes of @fd, fewer if it shrank meanwhile, and closes it. */
static GBytes *
read_all (int   fd,
          gsize size)
{
  g_autofree char *data = g_malloc (size + 1);
  gsize done = 0;

  while (done < size)
    {
      gssize n = read (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += n;
    }
  close (fd);

  return g_bytes_new_take (g_steal_pointer (&data), done);
}

/* See bp-deck-files-private.h. */
GBytes *
_bp_deck_files_read_resolved (const char  *path,
                              const char  *relative_path,
                              GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  struct stat info;

  if (fd < 0 || fstat (fd, &info) != 0)
    return read_error (fd, errno, relative_path, error);
  if (!S_ISREG (info.st_mode))
    return read_error (fd, EISDIR, relative_path, error);
  if (!is_file_at (&info, path))
    {
      close (fd);
      return refuse_bytes (error, relative_path);
    }

  if (info.st_size > BP_DECK_FILE_MAX_SIZE)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("“%s” is larger than %d MB, too large to show."), relative_path,
                   BP_DECK_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  return read_all (fd, info.st_size);
}

/* What is named an image but holds something else would be drawn as WebKit's broken box:
 * a Git LFS pointer (a repository cloned without its large files), a web page saved
 * under the image's name, an empty file. Each type is told by how it starts; an SVG is
 * text whose <svg> element comes after at most an XML declaration, comments and a
 * doctype, so it is looked for near the start. An image of another of these types than
 * its name says (a JPEG saved as .png) is served as what it is. A file that starts
 * right but is damaged further on is not caught here. */
#define LFS_POINTER_START "version https://git-lfs.github.com/spec/"
#define SVG_ELEMENT_WITHIN (64 * 1024)

static gboolean
has_prefix (const guint8 *data,
            gsize         size,
            const char   *prefix,
            gsize         length)
{
  return size >= length && memcmp (data, prefix, length) == 0;
}

static gboolean
is_svg (const guint8 *data,
        gsize         size)
{
  gsize start = MIN (size, SVG_ELEMENT_WITHIN);

  /* In UTF-16, which XML allows, the text starts with its byte order mark. */
  if (has_prefix (data, size, "\xff\xfe", 2) || has_prefix (data, size, "\xfe\xff", 2))
    return TRUE;

  return memchr (data, '\0', start) == NULL && g_strstr_len ((const char *)data, start, "<svg") != NULL;
}

/* Returns: (nullable): the type of image @data is, of those a deck may show */
static const char *
content_type_of_data (const guint8 *data,
                      gsize         size)
{
  if (has_prefix (data, size, "\x89PNG\r\n\x1a\n", 8))
    return "image/png";
  if (has_prefix (data, size, "\xff\xd8\xff", 3))
    return "image/jpeg";
  if (has_prefix (data, size, "GIF87a", 6) || has_prefix (data, size, "GIF89a", 6))
    return "image/gif";
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";
  if (size > 0 && is_svg (data, size))
    return "image/svg+xml";

  return NULL;
}

static void
set_not_an_image_error (const guint8  *data,
                        gsize          size,
                        const char    *relative_path,
                        GError       **error)
{
  if (has_prefix (data, size, LFS_POINTER_START, strlen (LFS_POINTER_START)))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("“%s” is a Git LFS pointer, not the image: fetch the repository’s LFS files to show it."),
                 relative_path);
  else if (size == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("“%s” is empty."), relative_path);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("“%s” is named as an image but holds something else."), relative_path);
}

/**
 * bp_deck_files_load:
 * @content_type: (out): the image's type
 *
 * Reads an image beside a deck: see bp_deck_files_resolve(). Anything that is not a
 * PNG, JPEG, GIF, WebP or SVG image, by its name and by how it starts, or is over
 * %BP_DECK_FILE_MAX_SIZE, is refused. @content_type is what the content is.
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL with @error set
 */
GBytes *
bp_deck_files_load (const char  *folder,
                    const char  *relative_path,
                    const char **content_type,
                    GError     **error)
{
  g_autofree char *real = bp_deck_files_resolve (folder, relative_path, error);
  const guint8 *data;
  GBytes *bytes;
  const char *type;
  gsize size;

  g_return_val_if_fail (content_type != NULL, NULL);

  if (real == NULL)
    return NULL;

  type = bp_deck_files_content_type (real);
  if (type == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not an image (PNG, JPEG, GIF, WebP or SVG)."), relative_path);
      return NULL;
    }

  bytes = _bp_deck_files_read_resolved (real, relative_path, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if ((type = content_type_of_data (data, size)) == NULL)
    {
      set_not_an_image_error (data, size, relative_path, error);
      g_bytes_unref (bytes);
      return NULL;
    }

  *content_type = type;
  return bytes;
}

/**
 * bp_deck_files_error_is_the_file:
 * @error: an error of bp_deck_files_load()
 *
 * Whether the file itself is what is wrong: not an image, or too large. Reading it from
 * elsewhere, or being granted its folder, would not show it; the error's message says
 * what to do, where the others (missing, unreadable) may only mean it is out of reach.
 */
gboolean
bp_deck_files_error_is_the_file (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
}
