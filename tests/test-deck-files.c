/* test-deck-files.c: a deck's images are read from inside its folder, never from anywhere else
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bp-deck-files-private.h"

/* 1×1 PNG's first bytes: enough for the reader, which never decodes. */
static const char png[] = "\x89PNG\r\n\x1a\n";

typedef struct
{
  char *root;   /* holds the deck's folder and, beside it, what is outside */
  char *folder; /* root/deck */
} Fixture;

static void
write_file (const char *path,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

static char *
fixture_path (Fixture    *fixture,
              const char *relative)
{
  return g_build_filename (fixture->root, relative, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const files[] = { "deck/image.png", "deck/images/inner.png", "deck/notes.md",
                                 "secret.png", "deck-other/image.png" };

  fixture->root = g_dir_make_tmp ("backprop-deck-files-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->folder = fixture_path (fixture, "deck");
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fixture_path (fixture, files[i]);
      g_autofree char *dir = g_path_get_dirname (path);

      g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
      write_file (path, png, sizeof png - 1);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_no_errno (g_unlink (child));
    }
  g_assert_no_errno (g_rmdir (path));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->root);
  g_free (fixture->folder);
  g_free (fixture->root);
}

static void
link_in_folder (Fixture    *fixture,
                const char *target,
                const char *name)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

  g_assert_no_errno (symlink (target, path));
}

/* Returns: (transfer full): the bytes @relative loads as, of @content_type */
static GBytes *
loaded_as (Fixture    *fixture,
           const char *relative,
           const char *content_type)
{
  g_autoptr(GError) error = NULL;
  const char *type = NULL;
  GBytes *bytes = bp_deck_files_load (fixture->folder, relative, &type, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpstr (type, ==, content_type);
  return bytes;
}

static void
assert_loads (Fixture    *fixture,
              const char *relative)
{
  g_autoptr(GBytes) bytes = loaded_as (fixture, relative, "image/png");

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), png, sizeof png - 1);
}

static void
assert_loads_as (Fixture    *fixture,
                 const char *relative,
                 const char *content_type)
{
  g_autoptr(GBytes) bytes = loaded_as (fixture, relative, content_type);
}

/* Returns: (transfer full): why @relative is refused, of @code */
static GError *
refusal_of (Fixture    *fixture,
            const char *relative,
            int         code)
{
  g_autoptr(GError) error = NULL;
  const char *type = NULL;
  g_autoptr(GBytes) bytes = bp_deck_files_load (fixture->folder, relative, &type, &error);

  g_assert_null (bytes);
  g_assert_null (type);
  g_assert_error (error, G_IO_ERROR, code);
  g_test_message ("%s: %s", relative, error->message);
  return g_steal_pointer (&error);
}

static void
assert_refused (Fixture    *fixture,
                const char *relative,
                int         code)
{
  g_autoptr(GError) error = refusal_of (fixture, relative, code);
}

static void
test_inside (Fixture       *fixture,
             gconstpointer  data)
{
  assert_loads (fixture, "image.png");
  assert_loads (fixture, "images/inner.png");
  assert_loads (fixture, "./images//inner.png");
}

static void
test_parent_and_absolute (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *absolute = fixture_path (fixture, "secret.png");

  assert_refused (fixture, "../secret.png", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "images/../../secret.png", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "images/../image.png", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, absolute, G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "", G_IO_ERROR_PERMISSION_DENIED);
}

/* A folder whose name starts as the deck's does is still outside it. */
static void
test_symlink_out (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *secret = fixture_path (fixture, "secret.png");
  g_autofree char *other = fixture_path (fixture, "deck-other/image.png");
  g_autofree char *root = g_strdup (fixture->root);

  link_in_folder (fixture, secret, "out.png");
  link_in_folder (fixture, other, "sibling.png");
  link_in_folder (fixture, root, "up");
  link_in_folder (fixture, "/etc/passwd", "passwd.png");

  assert_refused (fixture, "out.png", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "sibling.png", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "up/secret.png", G_IO_ERROR_PERMISSION_DENIED);
  assert_refused (fixture, "passwd.png", G_IO_ERROR_PERMISSION_DENIED);
}

static void
test_symlink_in (Fixture       *fixture,
                 gconstpointer  data)
{
  link_in_folder (fixture, "images/inner.png", "shortcut.png");
  link_in_folder (fixture, "images", "pictures");

  assert_loads (fixture, "shortcut.png");
  assert_loads (fixture, "pictures/inner.png");
}

/* A link put in the image's place after its path was resolved leads nowhere: what is read
 * is the file that path names when it is opened, never what a link there points at. */
static void
test_link_swapped_in (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *real = bp_deck_files_resolve (fixture->folder, "image.png", &error);
  g_autofree char *secret = fixture_path (fixture, "secret.png");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_no_error (error);
  before = _bp_deck_files_read_resolved (real, "image.png", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before), png, sizeof png - 1);

  write_file (secret, "secret", 6);
  g_assert_no_errno (g_unlink (real));
  g_assert_no_errno (symlink (secret, real));
  after = _bp_deck_files_read_resolved (real, "image.png", &error);
  g_assert_null (after);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
}

/* What it is counts, not what the link is called. */
static void
test_not_an_image (Fixture       *fixture,
                   gconstpointer  data)
{
  link_in_folder (fixture, "notes.md", "notes.png");

  assert_refused (fixture, "notes.md", G_IO_ERROR_NOT_SUPPORTED);
  assert_refused (fixture, "notes.png", G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (bp_deck_files_content_type ("a.JPG"), ==, "image/jpeg");
  g_assert_cmpstr (bp_deck_files_content_type ("a.svg"), ==, "image/svg+xml");
  g_assert_cmpstr (bp_deck_files_content_type ("a.webp"), ==, "image/webp");
  g_assert_cmpstr (bp_deck_files_content_type ("a.gif"), ==, "image/gif");
  g_assert_null (bp_deck_files_content_type ("a.html"));
}

/* @contents, @length bytes, as @name in the deck's folder. */
static void
put_in_folder (Fixture    *fixture,
               const char *name,
               const char *contents,
               gsize       length)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

  write_file (path, contents, length);
}

static void
assert_refused_saying (Fixture    *fixture,
                       const char *relative,
                       const char *words)
{
  g_autoptr(GError) error = refusal_of (fixture, relative, G_IO_ERROR_NOT_SUPPORTED);

  g_assert_nonnull (strstr (error->message, words));
  g_assert_nonnull (strstr (error->message, relative));
}

/* A name is not enough: each image is what it starts as, and what only has an image's
 * name is refused, with what it is where that can be told. */
static void
test_content (Fixture       *fixture,
              gconstpointer  data)
{
  static const char jpeg[] = "\xff\xd8\xff\xe0\0\x10JFIF";
  static const char gif[] = "GIF89a\1\0\1\0";
  static const char webp[] = "RIFF\x1a\0\0\0WEBPVP8 ";
  static const char svg[] = "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- drawn by hand -->\n"
                            "<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n";
  static const char utf16_svg[] = "\xff\xfe<\0s\0v\0g\0";
  static const char lfs[] = "version https://git-lfs.github.com/spec/v1\n"
                            "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
                            "size 12345\n";
  static const char page[] = "<!DOCTYPE html><html><body>Not found</body></html>";

  put_in_folder (fixture, "photo.jpg", jpeg, sizeof jpeg - 1);
  put_in_folder (fixture, "anim.gif", gif, sizeof gif - 1);
  put_in_folder (fixture, "small.webp", webp, sizeof webp - 1);
  put_in_folder (fixture, "drawing.svg", svg, sizeof svg - 1);
  put_in_folder (fixture, "wide.svg", utf16_svg, sizeof utf16_svg - 1);
  put_in_folder (fixture, "saved-as.png", jpeg, sizeof jpeg - 1);
  put_in_folder (fixture, "pointer.png", lfs, sizeof lfs - 1);
  put_in_folder (fixture, "error-page.jpg", page, sizeof page - 1);
  put_in_folder (fixture, "empty.gif", "", 0);
  put_in_folder (fixture, "short.webp", "RIFF", 4);
  put_in_folder (fixture, "binary.svg", "<svg\0", 5);

  assert_loads_as (fixture, "image.png", "image/png");
  assert_loads_as (fixture, "photo.jpg", "image/jpeg");
  assert_loads_as (fixture, "anim.gif", "image/gif");
  assert_loads_as (fixture, "small.webp", "image/webp");
  assert_loads_as (fixture, "drawing.svg", "image/svg+xml");
  assert_loads_as (fixture, "wide.svg", "image/svg+xml");
  assert_loads_as (fixture, "saved-as.png", "image/jpeg");

  assert_refused_saying (fixture, "pointer.png", "Git LFS pointer");
  assert_refused_saying (fixture, "error-page.jpg", "holds something else");
  assert_refused_saying (fixture, "empty.gif", "is empty");
  assert_refused_saying (fixture, "short.webp", "holds something else");
  assert_refused_saying (fixture, "binary.svg", "holds something else");
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *images = g_build_filename (fixture->folder, "folder.png", NULL);

  g_assert_no_errno (g_mkdir (images, 0700));
  assert_refused (fixture, "missing.png", G_IO_ERROR_NOT_FOUND);
  assert_refused (fixture, "folder.png", G_IO_ERROR_IS_DIRECTORY);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "huge.png", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

  /* Sparse: nothing is written, yet it is larger than the limit. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (ftruncate (fd, BP_DECK_FILE_MAX_SIZE + 1));
  g_assert_no_errno (close (fd));

  assert_refused (fixture, "huge.png", G_IO_ERROR_MESSAGE_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/deck-files/inside", Fixture, NULL, fixture_set_up, test_inside, fixture_tear_down);
  g_test_add ("/deck-files/parent-and-absolute", Fixture, NULL, fixture_set_up, test_parent_and_absolute,
              fixture_tear_down);
  g_test_add ("/deck-files/symlink-out", Fixture, NULL, fixture_set_up, test_symlink_out, fixture_tear_down);
  g_test_add ("/deck-files/symlink-in", Fixture, NULL, fixture_set_up, test_symlink_in, fixture_tear_down);
  g_test_add ("/deck-files/link-swapped-in", Fixture, NULL, fixture_set_up, test_link_swapped_in,
              fixture_tear_down);
  g_test_add ("/deck-files/not-an-image", Fixture, NULL, fixture_set_up, test_not_an_image, fixture_tear_down);
  g_test_add ("/deck-files/content", Fixture, NULL, fixture_set_up, test_content, fixture_tear_down);
  g_test_add ("/deck-files/missing", Fixture, NULL, fixture_set_up, test_missing, fixture_tear_down);
  g_test_add ("/deck-files/too-large", Fixture, NULL, fixture_set_up, test_too_large, fixture_tear_down);

  return g_test_run ();
}
