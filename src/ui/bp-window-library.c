/* bp-window-library.c: the window's decks: opening files, switching, reloading in place
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-application.h"
#include "bp-window-private.h"
#include "bp-workers.h"

/* Reading a deck faster than this shows nothing; a slower one shows its progress. */
#define LOADING_SHOWN_AFTER_MS 200

static BpPageHandler *
page_handler (void)
{
  return bp_application_get_page_handler (BP_APPLICATION (g_application_get_default ()));
}

static void
update_actions (BpWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.remove",
                                 self->entry != NULL && !bp_library_entry_get_builtin (self->entry));
}

/* The question to open in @deck: the one asked for, else where the reader was in it,
 * else its first listed one. */
static BpQuestion *
question_to_open (BpWindow   *self,
                  BpDeck     *deck,
                  const char *wanted_id)
{
  BpQuestion *question = bp_deck_find_by_id (deck, wanted_id);
  g_autoptr(BpQuestion) first_listed = NULL;

  if (question == NULL)
    question = bp_deck_find_by_id (deck, g_hash_table_lookup (self->positions, bp_deck_get_id (deck)));
  if (question != NULL)
    return question;

  first_listed = g_list_model_get_item (bp_sidebar_get_listed (self->sidebar), 0);
  return first_listed != NULL ? first_listed : bp_deck_get_question (deck, 0);
}

static void entry_deck_changed_cb (BpWindow *self);

static void
set_entry (BpWindow       *self,
           BpLibraryEntry *entry)
{
  if (self->entry == entry)
    return;

  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_func (self->entry, entry_deck_changed_cb, self);
  g_set_object (&self->entry, entry);
  g_signal_connect_object (entry, "notify::deck", G_CALLBACK (entry_deck_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_handlers_block_matched (self->deck_switcher, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  bp_deck_switcher_set_selected (self->deck_switcher, entry);
  g_signal_handlers_unblock_matched (self->deck_switcher, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_settings_set_string (self->settings, "last-deck",
                         bp_library_entry_get_builtin (entry) ? "" : bp_library_entry_get_id (entry));
  update_actions (self);
}

/* What the answer pane showed before the deck changed, to show the same of the new deck. */
typedef enum
{
  SHOWN_QUESTION,
  SHOWN_PROGRESS,
  SHOWN_SESSION,
} ShownKind;

static ShownKind
shown_kind (BpWindow *self)
{
  if (bp_window_get_studying (self))
    return SHOWN_SESSION;
  return bp_window_get_showing_progress (self) ? SHOWN_PROGRESS : SHOWN_QUESTION;
}

/* The progress page shows the new deck's progress; a session goes on with the new deck's
 * questions. A deck read again in place (@switched FALSE) keeps its session as it is. */
static void
show_kind_again (BpWindow  *self,
                 ShownKind  kind,
                 gboolean   switched)
{
  if (kind == SHOWN_PROGRESS)
    bp_window_show_progress (self);
  else if (kind == SHOWN_SESSION && switched)
    bp_window_set_studying (self, TRUE);
}

/* Shows @entry's deck, read already, at @wanted_id if it has that question. */
static void
show_entry (BpWindow       *self,
            BpLibraryEntry *entry,
            const char     *wanted_id)
{
  BpDeck *deck = bp_library_entry_get_deck (entry);
  ShownKind kind = shown_kind (self);
  gboolean switched = entry != self->entry;
  BpQuestion *question;

  g_assert (deck != NULL);

  if (self->question != NULL)
    g_hash_table_replace (self->positions, g_strdup (bp_deck_get_id (self->deck)),
                          g_strdup (bp_question_get_id (self->question)));

  set_entry (self, entry);
  bp_page_handler_add_deck (page_handler (), deck);
  if (!bp_library_entry_get_builtin (entry))
    {
      g_autofree char *folder = g_path_get_dirname (bp_library_entry_get_path (entry));

      bp_page_handler_set_deck_folder (page_handler (), bp_deck_get_id (deck), folder);
    }
  if (g_set_object (&self->deck, deck))
    {
      bp_sidebar_set_deck (self->sidebar, deck);
      g_object_notify (G_OBJECT (self), "deck");
    }

  /* Read again in place while studying: the session goes on, on the deck as it is now;
   * a question shown to read would leave it. */
  if (kind == SHOWN_SESSION && !switched)
    {
      bp_study_view_set_deck (self->study_view, deck);
      return;
    }

  question = question_to_open (self, deck, wanted_id);
  if (question != NULL)
    bp_window_show_question (self, question);
  show_kind_again (self, kind, switched);
}

static void
scroll_kept_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BpWindow) self = user_data;
  g_autofree char *wanted_id = g_steal_pointer (&self->wanted_question);

  bp_answer_view_keep_scroll_finish (BP_ANSWER_VIEW (object), result, NULL);
  if (self->entry != NULL && bp_library_entry_get_deck (self->entry) != NULL)
    show_entry (self, self->entry, wanted_id);
}

/* The file of the open deck changed and was read again: the same question, scrolled where
 * it was, if the deck still has it. */
static void
entry_deck_changed_cb (BpWindow *self)
{
  BpDeck *deck = bp_library_entry_get_deck (self->entry);

  if (deck == NULL || deck == self->deck || self->question == NULL)
    return;

  g_free (self->wanted_question);
  self->wanted_question = g_strdup (bp_question_get_id (self->question));
  if (bp_deck_find_by_id (deck, self->wanted_question) != NULL)
    bp_answer_view_keep_scroll_async (self->answer_view, NULL, scroll_kept_cb, g_object_ref (self));
  else
    show_entry (self, self->entry, NULL);
}

static gboolean
loading_shown_cb (gpointer user_data)
{
  BpWindow *self = user_data;

  self->loading_timeout_id = 0;
  bp_deck_switcher_set_loading (self->deck_switcher, self->loading_name, self->loading_progress);
  return G_SOURCE_REMOVE;
}

/* The bar waits LOADING_SHOWN_AFTER_MS; tests set BACKPROP_LOADING_SHOWN_AFTER_MS to see
 * it for a deck that a fast machine reads sooner. */
static guint
loading_shown_after_ms (void)
{
  const char *ms = g_getenv ("BACKPROP_LOADING_SHOWN_AFTER_MS");

  return ms != NULL ? (guint)g_ascii_strtoull (ms, NULL, 10) : LOADING_SHOWN_AFTER_MS;
}

static void
loading_started (BpWindow       *self,
                 GFile          *file,
                 BpDeckProgress *progress)
{
  g_free (self->loading_name);
  self->loading_name = g_file_get_basename (file);
  g_clear_pointer (&self->loading_progress, bp_deck_progress_unref);
  self->loading_progress = bp_deck_progress_ref (progress);
  /* After Stop, an open begun before the stopped worker returns starts afresh. */
  if (self->loading_cancellable != NULL && g_cancellable_is_cancelled (self->loading_cancellable))
    {
      g_clear_object (&self->loading_cancellable);
      self->loading_cancellable = g_cancellable_new ();
    }
  if (self->n_loading++ > 0)
    {
      if (self->loading_timeout_id == 0)
        bp_deck_switcher_set_loading (self->deck_switcher, self->loading_name, progress);
      return;
    }

  g_clear_object (&self->loading_cancellable);
  self->loading_cancellable = g_cancellable_new ();
  self->loading_timeout_id = g_timeout_add (loading_shown_after_ms (), loading_shown_cb, self);
}

static void
loading_ended (BpWindow *self)
{
  if (--self->n_loading > 0)
    return;

  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  g_clear_pointer (&self->loading_progress, bp_deck_progress_unref);
  bp_deck_switcher_set_loading (self->deck_switcher, NULL, NULL);
}

typedef struct
{
  BpWindow *window;
  char *wanted_question;
} OpenData;

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(BpWindow) self = data->window;
  g_autofree char *wanted_id = data->wanted_question;
  g_autoptr(GError) error = NULL;
  BpLibraryEntry *entry = bp_library_open_finish (BP_LIBRARY (object), result, &error);

  g_free (data);
  /* Cancelled by the bar's Cancel: the library and the deck shown stay as they were. A
   * window closed meanwhile has no bar left to end. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (self->library != NULL)
        loading_ended (self);
      return;
    }

  loading_ended (self);
  if (entry == NULL)
    {
      bp_window_show_toast (self, error->message);
      return;
    }
  if (entry != self->entry)
    show_entry (self, entry, wanted_id);
  if (g_strcmp0 (self->study_when_read, bp_library_entry_get_id (entry)) == 0)
    {
      g_clear_pointer (&self->study_when_read, g_free);
      bp_window_set_studying (self, TRUE);
    }
}

static void
open_file (BpWindow   *self,
           GFile      *file,
           const char *wanted_question)
{
  OpenData *data = g_new0 (OpenData, 1);
  g_autoptr(BpDeckProgress) progress = bp_deck_progress_new (NULL, NULL);

  data->window = g_object_ref (self);
  data->wanted_question = g_strdup (wanted_question);
  loading_started (self, file, progress);
  bp_library_open_with_progress_async (self->library, file, progress, self->loading_cancellable,
                                       opened_cb, data);
}

/**
 * bp_window_open_files:
 * @files: (array length=n_files): markdown decks
 *
 * Reads each file off the main thread, adds it to the library and shows it; a file that
 * is no deck is named in a message and changes nothing.
 */
void
bp_window_open_files (BpWindow  *self,
                      GFile    **files,
                      int        n_files)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    open_file (self, files[i], NULL);
}

static void
show_unavailable (BpWindow       *self,
                  BpLibraryEntry *entry)
{
  g_autofree char *message = NULL;

  /* Translators: "“SQL Questions” is no longer at /home/ada/sql.md. Open it where it is now." */
  message = g_strdup_printf (_("“%s” is no longer at %s. Open it where it is now; "
                               "your study data is kept."),
                             bp_library_entry_get_title (entry), bp_library_entry_get_path (entry));
  bp_window_show_toast (self, message);
}

/* The user picked a deck: shown at once if read, else read first. */
static void
deck_switcher_selected_cb (BpWindow *self)
{
  BpLibraryEntry *entry = bp_deck_switcher_get_selected (self->deck_switcher);
  g_autoptr(GFile) file = NULL;

  /* Nothing to switch from while the window is made. */
  if (entry == NULL || self->entry == NULL || entry == self->entry)
    return;

  if (bp_library_entry_get_deck (entry) != NULL)
    {
      show_entry (self, entry, NULL);
      return;
    }

  /* Until it is read, the switcher shows the deck that is open. */
  g_signal_handlers_block_matched (self->deck_switcher, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  bp_deck_switcher_set_selected (self->deck_switcher, self->entry);
  g_signal_handlers_unblock_matched (self->deck_switcher, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  bp_library_check_available (self->library);
  if (!bp_library_entry_get_available (entry))
    {
      show_unavailable (self, entry);
      return;
    }

  file = g_file_new_for_path (bp_library_entry_get_path (entry));
  open_file (self, file, NULL);
}

/* A deck's Study button: the deck shown, and its session started once it is read. */
static void
study_deck_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);
  BpLibraryEntry *entry = bp_library_lookup (self->library, g_variant_get_string (parameter, NULL));
  g_autoptr(GFile) file = NULL;

  if (entry == NULL)
    return;
  if (entry == self->entry || bp_library_entry_get_deck (entry) != NULL)
    {
      if (entry != self->entry)
        show_entry (self, entry, NULL);
      bp_window_set_studying (self, TRUE);
      return;
    }

  bp_library_check_available (self->library);
  if (!bp_library_entry_get_available (entry))
    {
      show_unavailable (self, entry);
      return;
    }
  g_free (self->study_when_read);
  self->study_when_read = g_strdup (bp_library_entry_get_id (entry));
  file = g_file_new_for_path (bp_library_entry_get_path (entry));
  open_file (self, file, NULL);
}

/* A result of the search over all decks: its deck shown, at that question. The search
 * stays as typed, so the next result is one click away. */
static void
all_decks_result_activated_cb (BpWindow       *self,
                               BpLibraryEntry *entry,
                               BpQuestion     *question)
{
  if (bp_library_entry_get_deck (entry) == NULL ||
      bp_deck_find_by_id (bp_library_entry_get_deck (entry), bp_question_get_id (question)) == NULL)
    return;

  if (entry != self->entry)
    show_entry (self, entry, bp_question_get_id (question));
  else
    bp_window_show_question (self, question);
}

static void
reload_failed_cb (BpWindow       *self,
                  BpLibraryEntry *entry,
                  const GError   *error)
{
  bp_window_show_toast (self, error->message);
}

gboolean
_bp_window_is_markdown (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown"));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BpWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  guint n_opened = 0;

  for (GSList *l = files; l != NULL; l = l->next)
    if (_bp_window_is_markdown (l->data))
      {
        open_file (self, l->data, NULL);
        n_opened++;
      }

  if (n_opened == 0)
    bp_window_show_toast (self, _("Only markdown files (.md) can be opened as decks."));

  return n_opened > 0;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     BpWindow        *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          open_file (self, file, NULL);
        }
    }

  g_object_unref (chooser);
}

static void
deck_open_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Markdown Decks"));
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "markdown");

  chooser = gtk_file_chooser_native_new (_("Open Deck"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* What the dialog, a drop and the command line end in: one file, by path or URI. */
static void
deck_open_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  open_file (BP_WINDOW (widget), file, NULL);
}

/* The loading bar's Cancel: every open under way stops, and nothing joins the library. */
static void
deck_cancel_open_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);

  if (self->loading_cancellable != NULL)
    g_cancellable_cancel (self->loading_cancellable);
}

static void
deck_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);
  g_autoptr(BpLibraryEntry) removed = g_object_ref (self->entry);
  g_autoptr(BpLibraryEntry) builtin = g_list_model_get_item (G_LIST_MODEL (self->library), 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (bp_library_entry_get_builtin (removed))
    return;

  show_entry (self, builtin, NULL);
  g_hash_table_remove (self->positions, bp_library_entry_get_id (removed));
  if (!bp_library_remove (self->library, bp_library_entry_get_id (removed), &error))
    g_message ("%s", error->message);
  bp_page_handler_remove_deck (page_handler (), bp_library_entry_get_id (removed));

  /* Translators: after Remove from Library, e.g. "“SQL Questions” removed from the library…" */
  message = g_strdup_printf (_("“%s” removed from the library. The file and your study data are kept."),
                             bp_library_entry_get_title (removed));
  bp_window_show_toast (self, message);
}

void
_bp_window_class_add_library (GtkWidgetClass *widget_class)
{
  g_type_ensure (BP_TYPE_DECK_SWITCHER);

  gtk_widget_class_bind_template_child (widget_class, BpWindow, deck_switcher);
  gtk_widget_class_bind_template_callback (widget_class, deck_switcher_selected_cb);
  gtk_widget_class_install_action (widget_class, "deck.open", NULL, deck_open_action);
  gtk_widget_class_install_action (widget_class, "deck.open-file", "s", deck_open_file_action);
  gtk_widget_class_install_action (widget_class, "deck.remove", NULL, deck_remove_action);
  gtk_widget_class_install_action (widget_class, "deck.cancel-open", NULL, deck_cancel_open_action);
  gtk_widget_class_install_action (widget_class, "study.deck", "s", study_deck_action);
}

/* The deck open last is read again at start-up, and shown where the reader was. */
static void
restore_last_deck (BpWindow *self)
{
  g_autofree char *last_deck = g_settings_get_string (self->settings, "last-deck");
  g_autofree char *last_question = g_settings_get_string (self->settings, "last-question");
  BpLibraryEntry *entry = bp_library_lookup (self->library, last_deck);
  g_autoptr(GFile) file = NULL;

  if (entry == NULL || bp_library_entry_get_builtin (entry) || !bp_library_entry_get_available (entry))
    return;

  file = g_file_new_for_path (bp_library_entry_get_path (entry));
  open_file (self, file, last_question);
}

/* Called before the first question is shown, which overwrites the last deck and question. */
void
_bp_window_init_library (BpWindow *self)
{
  BpApplication *application = BP_APPLICATION (g_application_get_default ());
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  BpAllDecksResults *results;

  self->library = g_object_ref (bp_application_get_library (application));
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->library, "reload-failed", G_CALLBACK (reload_failed_cb), self,
                           G_CONNECT_SWAPPED);

  bp_deck_switcher_set_store (self->deck_switcher, self->store);
  bp_deck_switcher_set_reviews (self->deck_switcher, self->reviews);
  bp_deck_switcher_set_library (self->deck_switcher, self->library);
  results = bp_sidebar_get_all_decks_results (self->sidebar);
  bp_all_decks_results_set_library (results, self->library);
  bp_all_decks_results_set_store (results, self->store);
  g_signal_connect_object (results, "result-activated", G_CALLBACK (all_decks_result_activated_cb),
                           self, G_CONNECT_SWAPPED);
  restore_last_deck (self);
  set_entry (self, bp_library_lookup (self->library, bp_deck_get_id (self->deck)));

  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
_bp_window_dispose_library (BpWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->loading_cancellable != NULL)
    g_cancellable_cancel (self->loading_cancellable);
  g_clear_object (&self->loading_cancellable);
  g_clear_pointer (&self->loading_progress, bp_deck_progress_unref);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_func (self->entry, entry_deck_changed_cb, self);
  g_clear_object (&self->entry);
  g_clear_object (&self->library);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->wanted_question, g_free);
  g_clear_pointer (&self->study_when_read, g_free);
  g_clear_pointer (&self->loading_name, g_free);
}

/* For bp-window-folder.c, which opens many decks and shows one of them. */
void
_bp_window_show_entry (BpWindow       *self,
                       BpLibraryEntry *entry)
{
  if (entry != self->entry)
    show_entry (self, entry, NULL);
}

/* Returns: (transfer none): what stops the open, which the bar's Cancel cancels */
GCancellable *
_bp_window_loading_started (BpWindow       *self,
                            GFile          *file,
                            BpDeckProgress *progress)
{
  loading_started (self, file, progress);

  return self->loading_cancellable;
}

void
_bp_window_loading_ended (BpWindow *self)
{
  loading_ended (self);
}
