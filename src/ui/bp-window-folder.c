/* bp-window-folder.c: Open Folder…, every deck of a folder into the library, one of them shown
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bp-application.h"
#include "bp-deck-files.h"
#include "bp-window-private.h"
#include "bp-workers.h"

/*
 * In a Flatpak the folder granted through the portal also holds the decks' images. The
 * decks are read one after another, in name order, so that they join the library (and the
 * deck switcher's list) in that order whatever their sizes; once all are read, the window
 * shows the deck open before if the folder has it, else the folder's deck the switcher lists
 * first, and a toast says how many were added and how many files were not, with why.
 */

typedef struct
{
  GPtrArray *decks;    /* GFile, the .md files, in name order */
  GPtrArray *skipped;  /* char *, "name: reason" for each other file */
} Listing;

static void
listing_free (Listing *listing)
{
  g_ptr_array_unref (listing->decks);
  g_ptr_array_unref (listing->skipped);
  g_free (listing);
}

typedef struct
{
  BpWindow *window;
  GFile *folder;
  Listing *listing;
  guint next;          /* the deck to read next */
  GPtrArray *opened;   /* BpLibraryEntry */
} FolderOpen;

static void
folder_open_free (FolderOpen *open)
{
  g_object_unref (open->window);
  g_object_unref (open->folder);
  listing_free (open->listing);
  g_ptr_array_unref (open->opened);
  g_free (open);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile **)a);
  g_autofree char *name_b = g_file_get_basename (*(GFile **)b);

  return g_utf8_collate (name_a, name_b);
}

static void
add_child (Listing   *listing,
           GFileInfo *info,
           GFile     *child)
{
  g_autofree char *name = NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return;
  if (_bp_window_is_markdown (child))
    {
      g_ptr_array_add (listing->decks, g_object_ref (child));
      return;
    }
  name = g_filename_display_name (g_file_info_get_name (info));
  /* Translators: why a file of the folder was not added, e.g. "notes.txt: not a markdown file (.md)" */
  g_ptr_array_add (listing->skipped, g_strdup_printf (_("%s: not a markdown file (.md)"), name));
}

/* In a worker: a folder of thousands of files must not stall the window. */
static void
list_decks_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GFile *folder = task_data;
  g_autoptr(GFileEnumerator) children = NULL;
  Listing *listing = g_new0 (Listing, 1);
  GError *error = NULL;
  GFileInfo *info;
  GFile *child;

  listing->decks = g_ptr_array_new_with_free_func (g_object_unref);
  listing->skipped = g_ptr_array_new_with_free_func (g_free);
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &error);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, cancellable, &error) &&
         info != NULL)
    add_child (listing, info, child);

  if (error != NULL)
    {
      listing_free (listing);
      g_task_return_error (task, error);
      return;
    }

  g_ptr_array_sort (listing->decks, compare_files);
  g_ptr_array_sort (listing->skipped, (GCompareFunc)g_strcmp0);
  g_task_return_pointer (task, listing, (GDestroyNotify)listing_free);
}

/* The deck open before if the folder has it, else the one the switcher lists first. */
static BpLibraryEntry *
entry_to_show (FolderOpen *open)
{
  GListModel *library = G_LIST_MODEL (open->window->library);

  if (g_ptr_array_find (open->opened, open->window->entry, NULL))
    return open->window->entry;

  for (guint i = 0; i < g_list_model_get_n_items (library); i++)
    {
      g_autoptr(BpLibraryEntry) entry = g_list_model_get_item (library, i);

      if (g_ptr_array_find (open->opened, entry, NULL))
        return entry;
    }
  return NULL;
}

static void
details_response_cb (AdwMessageDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The toast's Details: each file left out and why, for as long as the user wants. */
static void
show_details (BpWindow   *self,
              const char *details)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Files Not Added"), details);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect (dialog, "response", G_CALLBACK (details_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
details_clicked_cb (AdwToast *toast,
                    BpWindow *self)
{
  show_details (self, g_object_get_data (G_OBJECT (toast), "details"));
}

static char *
dup_summary (FolderOpen *open)
{
  g_autofree char *name = g_file_get_parse_name (open->folder);
  guint n_added = open->opened->len;
  guint n_skipped = open->listing->skipped->len;
  g_autofree char *added = NULL;
  g_autofree char *skipped = NULL;

  /* Translators: after Open Folder…, "Added 3 decks from /home/ada/decks" */
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u deck from %s", "Added %u decks from %s",
                                        n_added),
                           n_added, name);
  if (n_skipped == 0)
    return g_steal_pointer (&added);
  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file not added", "%u files not added",
                                          n_skipped),
                             n_skipped);
  /* Translators: "Added 3 decks from /home/ada/decks; 1 file not added" */
  return g_strdup_printf (_("%s; %s"), added, skipped);
}

/* Every deck read: one of them shown, and what was added and what not, said. */
static void
folder_opened (FolderOpen *open)
{
  BpWindow *self = open->window;
  BpLibraryEntry *entry = entry_to_show (open);
  g_autofree char *summary = dup_summary (open);
  AdwToast *toast = adw_toast_new (summary);

  if (entry != NULL)
    _bp_window_show_entry (self, entry);

  adw_toast_set_timeout (toast, 10);
  if (open->listing->skipped->len > 0)
    {
      g_ptr_array_add (open->listing->skipped, NULL);
      g_object_set_data_full (G_OBJECT (toast), "details",
                              g_strjoinv ("\n", (char **)open->listing->skipped->pdata), g_free);
      adw_toast_set_button_label (toast, _("_Details"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (details_clicked_cb), self, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  folder_open_free (open);
}

static void open_next (FolderOpen *open);

static void
folder_deck_opened_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  FolderOpen *open = user_data;
  g_autoptr(GError) error = NULL;
  BpLibraryEntry *entry = bp_library_open_finish (BP_LIBRARY (object), result, &error);

  /* Stopped by the bar's Cancel, or by the window closing: the rest of the folder too. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (open->window->library != NULL)
        _bp_window_loading_ended (open->window);
      folder_open_free (open);
      return;
    }

  _bp_window_loading_ended (open->window);
  if (entry != NULL)
    g_ptr_array_add (open->opened, g_object_ref (entry));
  else
    /* The library's message names the file already. */
    g_ptr_array_add (open->listing->skipped, g_strdup (error->message));
  open_next (open);
}

static void
open_next (FolderOpen *open)
{
  g_autoptr(BpDeckProgress) progress = NULL;
  GCancellable *cancellable;
  GFile *file;

  if (open->next == open->listing->decks->len)
    {
      folder_opened (open);
      return;
    }

  file = g_ptr_array_index (open->listing->decks, open->next++);
  progress = bp_deck_progress_new (NULL, NULL);
  cancellable = _bp_window_loading_started (open->window, file, progress);
  bp_library_open_with_progress_async (open->window->library, file, progress, cancellable,
                                       folder_deck_opened_cb, open);
}

static void
decks_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BpWindow *self = BP_WINDOW (object);
  GFile *folder = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Listing *listing = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = g_file_get_parse_name (folder);
  g_autofree char *message = NULL;
  FolderOpen *open;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (listing == NULL)
    /* Translators: "/home/ada/decks cannot be read: Permission denied" */
    message = g_strdup_printf (_("%s cannot be read: %s"), name, error->message);
  else if (listing->decks->len == 0)
    message = g_strdup_printf (_("%s holds no markdown decks (.md files)."), name);
  if (message != NULL)
    {
      g_clear_pointer (&listing, listing_free);
      bp_window_show_toast (self, message);
      return;
    }

  open = g_new0 (FolderOpen, 1);
  open->window = g_object_ref (self);
  open->folder = g_object_ref (folder);
  open->listing = listing;
  open->opened = g_ptr_array_new_with_free_func (g_object_unref);
  open_next (open);
}

/**
 * bp_window_open_folder:
 * @folder: a folder of markdown decks
 *
 * Adds every .md file directly in @folder to the library, in name order, then shows the
 * deck open before if the folder has it, else the first of them the deck switcher lists.
 * A toast says how many decks were added and, with the reasons one click away, how many
 * files were not.
 */
void
bp_window_open_folder (BpWindow *self,
                       GFile    *folder)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  task = g_task_new (self, self->cancellable, decks_listed_cb, NULL);
  g_task_set_source_tag (task, bp_window_open_folder);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  bp_workers_run_in_thread (task, list_decks_thread);
}

static void
folder_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            BpWindow        *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      bp_window_open_folder (self, folder);
    }

  g_object_unref (chooser);
}

/* Through the portal in a Flatpak: the folder granted holds the decks' images too. */
static void
deck_open_folder_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Folder of Decks"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (folder_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Images that cannot be read
 *
 * A deck opened as a single file through the portal comes without its folder: the sandbox
 * sees none of the images beside it, and they fail as if missing. Once per deck, a toast
 * says so and offers what grants them, Open Folder…. */

/* Whether @path is a file the document portal granted alone (/run/user/<uid>/doc/<id>/…):
 * the sandbox sees nothing else of its folder. Tests stand in a folder of their own for
 * the portal's with BACKPROP_DOCUMENT_PORTAL_DIR. */
static gboolean
came_through_portal_alone (const char *path)
{
  const char *portal_dir = g_getenv ("BACKPROP_DOCUMENT_PORTAL_DIR");
  g_autofree char *default_dir = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  g_autofree char *prefix = g_strconcat (portal_dir != NULL ? portal_dir : default_dir, "/", NULL);

  return path != NULL && g_str_has_prefix (path, prefix);
}

static void
deck_file_failed_cb (BpWindow      *self,
                     WebKitWebView *web_view,
                     const char    *deck_id,
                     const char    *relative_path,
                     const GError  *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Not an image, or too large: a folder granted would not show it either. */
  if (bp_deck_files_error_is_the_file (error))
    return;
  /* A file merely missing from a folder Backprop can read: the page's placeholder says
   * so, and no folder granted would show it. */
  if (self->entry == NULL || !came_through_portal_alone (bp_library_entry_get_path (self->entry)))
    return;
  if (g_strcmp0 (deck_id, bp_deck_get_id (self->deck)) != 0 ||
      !g_hash_table_add (self->image_hints, g_strdup (deck_id)))
    return;

  /* Translators: a toast; the deck's title, then the button "Open Folder…" */
  title = g_strdup_printf (_("Images of “%s” could not be read: open its folder to show them"),
                           bp_deck_get_title (self->deck));
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("Open _Folder…"));
  adw_toast_set_action_name (toast, "deck.open-folder");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_bp_window_init_folder (BpWindow *self)
{
  BpApplication *application = BP_APPLICATION (g_application_get_default ());

  self->image_hints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect_object (bp_application_get_page_handler (application), "deck-file-failed",
                           G_CALLBACK (deck_file_failed_cb), self, G_CONNECT_SWAPPED);
}

void
_bp_window_class_add_folder (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "deck.open-folder", NULL, deck_open_folder_action);
}
