/* test-deck-images.c: a deck's image that is refused or cannot be read shows what it was, and how to see it
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bp-window-private.h"
#include "loopback-server.h"
#include "ui-test-utils.h"

static BpApplication *app;
static char *root;

/* root/outside.png exists, so a request for it would be served were it ever made. */
#define IMAGES_DECK \
  "# Pictures\n\n" \
  "### Q1: What does the figure show?\n\n" \
  "![A red square](../outside.png)\n\n" \
  "![Diagram](figs/missing.png)\n\n" \
  "![Remote](%s/remote.png)\n\n" \
  "### Q2: And this one?\n\n![Chart](figs/chart.png)\n"

typedef struct
{
  BpWindow *window;
  const char *path;
  GPtrArray *failed;   /* char *, each path the handler could not serve */
} Fixture;

static void
deck_file_failed_cb (BpPageHandler *handler,
                     WebKitWebView *web_view,
                     const char    *deck_id,
                     const char    *relative_path,
                     const GError  *error,
                     GPtrArray     *failed)
{
  g_ptr_array_add (failed, g_strdup (relative_path));
}

/* The deck in root/@folder_name/, beside root/outside.png. */
static char *
write_deck (const char *folder_name,
            const char *server_uri)
{
  g_autofree char *folder = g_build_filename (root, folder_name, "figs", NULL);
  g_autofree char *outside = g_build_filename (root, "outside.png", NULL);
  g_autofree char *text = g_strdup_printf (IMAGES_DECK, server_uri);
  char *path = g_build_filename (root, folder_name, "pictures.md", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_assert_true (g_file_set_contents (outside, "not really a png", -1, &error));
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

static gboolean
shows_deck (gpointer data)
{
  Fixture *fixture = data;

  return fixture->window->entry != NULL &&
         g_strcmp0 (bp_library_entry_get_path (fixture->window->entry), fixture->path) == 0 &&
         bp_window_get_question (fixture->window) != NULL;
}

static gboolean
placeholder_shown (gpointer data)
{
  g_autofree char *shown = try_evaluate (window_web_view (data),
                                         "document.querySelectorAll('span.image-placeholder').length");

  return g_strcmp0 (shown, "2") == 0;
}

#define HINT "Images of “Pictures” could not be read"

static gboolean
hint_shown (gpointer data)
{
  return has_label_with (GTK_WIDGET (((BpWindow *)data)->toast_overlay), HINT);
}

static GtkWindow *
find_folder_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_file_chooser_get_action (GTK_FILE_CHOOSER (window)) == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
        return window;
    }
  return NULL;
}

static gboolean
folder_chooser_shown (gpointer data)
{
  return find_folder_chooser () != NULL;
}

static char *
page_text (BpWindow   *window,
           const char *script)
{
  return evaluate (window_web_view (window), script);
}

/* Each placeholder's text, and whether each image is hidden and how it is displayed. */
#define PLACEHOLDER_TEXTS \
  "Array.from(document.querySelectorAll('span.image-placeholder')).map(s => s.textContent).join('|')"
#define IMAGES_HIDDEN \
  "Array.from(document.images).map(i => i.hidden + ':' + getComputedStyle(i).display).join(',')"

/* The image outside the folder is a placeholder with its reason, never asked for; the
 * missing one shows its alt text, not an empty box. */
static void
assert_placeholders (Fixture *fixture)
{
  g_autofree char *texts = page_text (fixture->window, PLACEHOLDER_TEXTS);
  g_autofree char *hidden = page_text (fixture->window, IMAGES_HIDDEN);
  g_autofree char *outside = page_text (fixture->window,
                                        "document.body.innerHTML.includes('outside.png')");
  g_autofree char *shown = page_text (fixture->window,
                                      "Array.from(document.querySelectorAll('span.image-placeholder'))"
                                      ".every(s => s.getBoundingClientRect().width > 50)");

  g_assert_cmpstr (texts, ==, "A red square Outside the deck’s folder|Diagram Could not be read");
  g_assert_cmpstr (hidden, ==, "true:none");
  g_assert_cmpstr (outside, ==, "false");
  g_assert_cmpstr (shown, ==, "true");
}

static gboolean
second_failure (gpointer data)
{
  return ((GPtrArray *)data)->len >= 2;
}

/* In a folder Backprop reads, a missing image is only its placeholder: no folder to grant. */
static void
test_missing_in_readable_folder (void)
{
  g_autoptr(LoopbackServer) server = loopback_server_new ();
  g_autofree char *path = write_deck ("plain", loopback_server_get_uri (server));
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  Fixture fixture = { open_window (app, 1000, 700), path, failed };

  g_signal_connect (bp_application_get_page_handler (app), "deck-file-failed", G_CALLBACK (deck_file_failed_cb), failed);
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "deck.open-file", "s", path);
  spin_until (shows_deck, &fixture, path);
  spin_until (placeholder_shown, fixture.window, "the missing image's placeholder");
  assert_placeholders (&fixture);
  g_assert_cmpuint (failed->len, ==, 1);
  spin_for_ms (1000);
  g_assert_false (hint_shown (fixture.window));

  g_signal_handlers_disconnect_by_data (bp_application_get_page_handler (app), failed);
  close_window (fixture.window);
}

/* A deck granted alone through the document portal (a folder standing in for the
 * portal's): its images fail, and the window says how to show them. */
static void
test_images_refused_and_missing (void)
{
  g_autoptr(LoopbackServer) server = loopback_server_new ();
  g_autofree char *path = write_deck ("doc/a1b2c3", loopback_server_get_uri (server));
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  Fixture fixture = { open_window (app, 1000, 700), path, failed };
  GtkWindow *chooser;

  g_signal_connect (bp_application_get_page_handler (app), "deck-file-failed", G_CALLBACK (deck_file_failed_cb), failed);
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "deck.open-file", "s", path);
  spin_until (shows_deck, &fixture, path);
  spin_until (placeholder_shown, fixture.window, "the missing image's placeholder");
  assert_placeholders (&fixture);

  /* The only request for a deck file was the one inside the folder; no network either. */
  g_assert_cmpuint (failed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (failed, 0), ==, "figs/missing.png");
  g_assert_cmpuint (loopback_server_get_n_requests (server), ==, 0);

  /* The hint says why, and its button runs Open Folder…. */
  spin_until (hint_shown, fixture.window, "the hint to open the deck's folder");
  gtk_widget_activate (find_button (GTK_WIDGET (fixture.window->toast_overlay), "Open _Folder…"));
  spin_until (folder_chooser_shown, NULL, "the Open Folder chooser");
  chooser = find_folder_chooser ();
  gtk_window_close (chooser);

  /* Once per deck: another image that fails says nothing more. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "question.next", NULL);
  spin_until (second_failure, failed, "the second question's image to fail");
  spin_for_ms (1000);
  g_assert_cmpstr (g_ptr_array_index (failed, 1), ==, "figs/chart.png");
  g_assert_false (hint_shown (fixture.window));

  g_signal_handlers_disconnect_by_data (bp_application_get_page_handler (app), failed);
  close_window (fixture.window);
}

/* Images cloned without Git LFS are pointers under the images' names, and a saved error
 * page can stand where a photo should be: each is its placeholder, never a broken box,
 * saying what is wrong with the file, and no folder to grant is suggested, even for a
 * deck that came through the portal. */
#define POINTER_DECK \
  "# Pointers\n\n" \
  "### Q1: What does the chart show?\n\n" \
  "![Loss curve](figs/loss.png)\n\n" \
  "![Photo](figs/photo.jpg)\n"

static gboolean
two_failures (gpointer data)
{
  return ((GPtrArray *)data)->len >= 2;
}

static void
test_named_images_that_are_not (void)
{
  g_autofree char *folder = g_build_filename (root, "doc", "d4e5f6", "figs", NULL);
  g_autofree char *pointer = g_build_filename (folder, "loss.png", NULL);
  g_autofree char *page = g_build_filename (folder, "photo.jpg", NULL);
  g_autofree char *path = g_build_filename (root, "doc", "d4e5f6", "pointers.md", NULL);
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  Fixture fixture = { open_window (app, 1000, 700), path, failed };
  g_autofree char *texts = NULL;
  g_autofree char *hidden = NULL;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_assert_true (g_file_set_contents (pointer,
                                      "version https://git-lfs.github.com/spec/v1\n"
                                      "oid sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n"
                                      "size 48213\n", -1, &error));
  g_assert_true (g_file_set_contents (page, "<!DOCTYPE html><title>404</title>", -1, &error));
  g_assert_true (g_file_set_contents (path, POINTER_DECK, -1, &error));
  g_assert_no_error (error);

  g_signal_connect (bp_application_get_page_handler (app), "deck-file-failed", G_CALLBACK (deck_file_failed_cb), failed);
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "deck.open-file", "s", path);
  spin_until (shows_deck, &fixture, path);
  spin_until (placeholder_shown, fixture.window, "both images' placeholders");
  spin_until (two_failures, failed, "both images to be refused");

  texts = page_text (fixture.window, PLACEHOLDER_TEXTS);
  hidden = page_text (fixture.window, IMAGES_HIDDEN);
  g_assert_cmpstr (texts, ==,
                   "Loss curve “figs/loss.png” is a Git LFS pointer, not the image: fetch the repository’s LFS files to show it."
                   "|Photo “figs/photo.jpg” is named as an image but holds something else.");
  g_assert_cmpstr (hidden, ==, "true:none,true:none");
  spin_for_ms (1000);
  g_assert_false (has_label_with (GTK_WIDGET (fixture.window->toast_overlay), "Images of “Pointers”"));

  g_signal_handlers_disconnect_by_data (bp_application_get_page_handler (app), failed);
  close_window (fixture.window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *portal_dir = NULL;

  /* Set before GTK starts any thread: setenv() is not thread-safe. */
  root = g_dir_make_tmp ("test-deck-images-XXXXXX", &error);
  g_assert_no_error (error);
  portal_dir = g_build_filename (root, "doc", NULL);
  g_setenv ("BACKPROP_DOCUMENT_PORTAL_DIR", portal_dir, TRUE);
  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/deck-images/refused-and-missing", test_images_refused_and_missing);
  g_test_add_func ("/deck-images/missing-in-readable-folder", test_missing_in_readable_folder);
  g_test_add_func ("/deck-images/named-images-that-are-not", test_named_images_that_are_not);

  return run_app_tests (&app);
}
