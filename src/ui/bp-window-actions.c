/* bp-window-actions.c: the window's actions: moving between questions, study marks, notes
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-window-private.h"

static void
question_next_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  bp_sidebar_select_relative (BP_WINDOW (widget)->sidebar, 1);
}

static void
question_previous_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  bp_sidebar_select_relative (BP_WINDOW (widget)->sidebar, -1);
}

/* In the folded, one-pane layout: back from the answer to the list. */
static void
question_list_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_page);
  bp_sidebar_focus_list (self->sidebar);
}

static void
mark_all_unread_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);

  bp_study_store_mark_all_unread (self->store);
  bp_window_show_toast (self, _("All questions are unread again"));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    BpWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      bp_window_export_notes (self, file);
    }

  g_object_unref (chooser);
}

/* Through the file chooser portal inside a Flatpak: the app itself never sees the home folder. */
static void
notes_export_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export Notes"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (markdown, _("Markdown"));
  gtk_file_filter_add_mime_type (markdown, "text/markdown");
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), markdown);
  /* Translators: the suggested name of an exported notes file */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Backprop notes.md"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Showing the question visits it again, which the history knows is no new branch. */
static void
history_back_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);
  BpQuestion *question = bp_history_go_back (self->history);

  if (question != NULL)
    bp_window_show_question (self, question);
}

static void
history_forward_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);
  BpQuestion *question = bp_history_go_forward (self->history);

  if (question != NULL)
    bp_window_show_question (self, question);
}

static void
search_focus_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar_page);
  bp_sidebar_focus_search (self->sidebar);
}

/* Shift+Ctrl+F: the search over every deck, wherever the focus is. */
static void
search_all_decks_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar_page);
  bp_sidebar_toggle_search_all_decks (self->sidebar);
}

static void
search_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  bp_answer_view_find_next (BP_WINDOW (widget)->answer_view);
}

static void
search_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  bp_answer_view_find_previous (BP_WINDOW (widget)->answer_view);
}

/* The keyboard shortcuts window is built the first time it is asked for: GtkApplication
 * would build gtk/help-overlay.ui with every main window, some 5 ms of start-up. */
static void
shortcuts_show_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "ui/bp-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

static void
study_start_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  bp_window_set_studying (BP_WINDOW (widget), TRUE);
}

static void
study_stop_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bp_window_set_studying (BP_WINDOW (widget), FALSE);
}

/* Ctrl+Z, an accelerator, acts on the window: the session takes its last grade back. */
static void
study_undo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);

  if (bp_window_get_studying (self))
    bp_study_view_undo (self->study_view);
}

void
bp_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "study.undo", NULL, study_undo_action);
  gtk_widget_class_install_action (widget_class, "study.start", NULL, study_start_action);
  gtk_widget_class_install_action (widget_class, "study.stop", NULL, study_stop_action);
  gtk_widget_class_install_property_action (widget_class, "study.toggle", "studying");
  gtk_widget_class_install_action (widget_class, "history.back", NULL, history_back_action);
  gtk_widget_class_install_action (widget_class, "history.forward", NULL, history_forward_action);
  gtk_widget_class_install_action (widget_class, "search.focus", NULL, search_focus_action);
  gtk_widget_class_install_action (widget_class, "search.all-decks", NULL, search_all_decks_action);
  gtk_widget_class_install_action (widget_class, "search.next", NULL, search_next_action);
  gtk_widget_class_install_action (widget_class, "search.previous", NULL, search_previous_action);
  gtk_widget_class_install_action (widget_class, "question.next", NULL, question_next_action);
  gtk_widget_class_install_action (widget_class, "question.previous", NULL, question_previous_action);
  gtk_widget_class_install_action (widget_class, "question.list", NULL, question_list_action);
  gtk_widget_class_install_property_action (widget_class, "question.weak", "current-weak");
  gtk_widget_class_install_property_action (widget_class, "notes.show", "notes-visible");
  gtk_widget_class_install_action (widget_class, "notes.export", NULL, notes_export_action);
  gtk_widget_class_install_action (widget_class, "study.mark-all-unread", NULL, mark_all_unread_action);
  gtk_widget_class_install_action (widget_class, "shortcuts.show", NULL, shortcuts_show_action);
}
