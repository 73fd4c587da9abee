/* bp-window.c: the main window, questions on the left and the open answer on the right
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bp-application.h"
#include "bp-answer-view-private.h"
#include "bp-deck-study.h"
#include "bp-question-row.h"
#include "bp-study-export.h"
#include "bp-window-private.h"

/* A question counts as read once its answer has been open this long. */
#define READ_AFTER_SECONDS 3
/* The notes under the answer follow the editor after a pause in the typing. */
#define NOTES_PAGE_DELAY_MS 400

G_DEFINE_FINAL_TYPE (BpWindow, bp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DECK,
  PROP_STORE,
  PROP_QUESTION,
  PROP_CURRENT_WEAK,
  PROP_NOTES_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean find_listed_position (BpWindow   *self,
                                      BpQuestion *question,
                                      guint      *position);

static void
update_titles (BpWindow   *self,
               BpQuestion *question)
{
  g_autofree char *window_title = NULL;
  g_autofree char *position = NULL;

  /* Translators: the window title, e.g. "Q4: Why should we use batch normalization?" */
  window_title = g_strdup_printf (_("Q%u: %s"),
                                  bp_question_get_number (question),
                                  bp_question_get_title (question));
  /* Translators: the subtitle of the answer pane, e.g. "Question 4 of 22" */
  position = g_strdup_printf (_("Question %u of %u"),
                              bp_question_get_number (question),
                              bp_deck_get_n_questions (self->deck));

  gtk_window_set_title (GTK_WINDOW (self), window_title);
  adw_window_title_set_title (self->page_title, bp_question_get_title (question));
  adw_window_title_set_subtitle (self->page_title, position);
}

/* The list item widget showing the selected question, once the list has laid it out. */
static GtkWidget *
find_selected_row (BpWindow *self)
{
  BpQuestion *selected = gtk_single_selection_get_selected_item (self->selection);

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->question_list));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (BP_IS_QUESTION_ROW (row) && bp_question_row_get_question (BP_QUESTION_ROW (row)) == selected)
        return item;
    }

  return NULL;
}

static gboolean
focus_selected_row_tick_cb (GtkWidget     *list,
                            GdkFrameClock *frame_clock,
                            gpointer       user_data)
{
  BpWindow *self = BP_WINDOW (gtk_widget_get_root (list));
  GtkWidget *row = find_selected_row (self);

  if (row == NULL)
    return G_SOURCE_CONTINUE;

  gtk_widget_grab_focus (row);
  return G_SOURCE_REMOVE;
}

/* Keyboard focus goes to the selected row, so the arrow keys move on from there. */
static void
focus_selected_row (BpWindow *self)
{
  GtkWidget *row = find_selected_row (self);

  if (row != NULL)
    gtk_widget_grab_focus (row);
  else
    gtk_widget_add_tick_callback (GTK_WIDGET (self->question_list),
                                  focus_selected_row_tick_cb, NULL, NULL);
}

static gboolean
list_has_focus (BpWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->question_list));
}

static const char *
current_id (BpWindow *self)
{
  BpQuestion *question = bp_window_get_question (self);

  return question ? bp_question_get_id (question) : NULL;
}

static void
load_notes (BpWindow *self)
{
  g_autofree char *notes = bp_study_store_dup_notes (self->store, current_id (self));

  bp_notes_pane_set_text (self->notes_pane, notes);
}

static gboolean
read_timeout_cb (gpointer user_data)
{
  BpWindow *self = user_data;

  self->read_timeout_id = 0;
  if (current_id (self) != NULL)
    bp_study_store_set_read (self->store, current_id (self), TRUE);

  return G_SOURCE_REMOVE;
}

/* Glancing at a question on the way to another does not make it read. */
static void
start_read_timer (BpWindow *self)
{
  g_clear_handle_id (&self->read_timeout_id, g_source_remove);

  if (!bp_study_store_get_read (self->store, current_id (self)))
    self->read_timeout_id = g_timeout_add_seconds (READ_AFTER_SECONDS, read_timeout_cb, self);
}

static gboolean
refresh_page_notes_cb (gpointer user_data)
{
  BpWindow *self = user_data;

  self->notes_page_timeout_id = 0;
  bp_answer_view_refresh_notes (self->answer_view);

  return G_SOURCE_REMOVE;
}

static void
schedule_page_notes (BpWindow *self)
{
  g_clear_handle_id (&self->notes_page_timeout_id, g_source_remove);
  self->notes_page_timeout_id = g_timeout_add (NOTES_PAGE_DELAY_MS, refresh_page_notes_cb, self);
}

/* Every keystroke goes to the store, which saves it about a second later. */
static void
notes_changed_cb (BpWindow *self)
{
  g_autofree char *notes = NULL;

  if (current_id (self) == NULL)
    return;

  notes = bp_notes_pane_dup_text (self->notes_pane);
  bp_study_store_set_notes (self->store, current_id (self), notes);
}

static BpStudyFlags
flags_of (BpWindow   *self,
          BpQuestion *question)
{
  return bp_study_store_get_flags (self->store, bp_question_get_id (question));
}

/* The rows on screen that show @id (all of them when @id is NULL) take its study state. */
static void
update_rows (BpWindow   *self,
             const char *id)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->question_list));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      BpQuestion *question;

      if (!BP_IS_QUESTION_ROW (row))
        continue;

      question = bp_question_row_get_question (BP_QUESTION_ROW (row));
      if (question != NULL && (id == NULL || g_strcmp0 (bp_question_get_id (question), id) == 0))
        bp_question_row_set_flags (BP_QUESTION_ROW (row), flags_of (self, question));
    }
}

static gboolean
question_matches_filter (gpointer item,
                         gpointer user_data)
{
  BpWindow *self = user_data;
  BpStudyFlags flags = flags_of (self, item);

  switch (self->filter_mode)
    {
    case BP_FILTER_WEAK:
      return (flags & BP_STUDY_FLAG_WEAK) != 0;

    case BP_FILTER_NOTES:
      return (flags & BP_STUDY_FLAG_NOTES) != 0;

    case BP_FILTER_UNREAD:
      return (flags & BP_STUDY_FLAG_READ) == 0;

    case BP_FILTER_ALL:
    default:
      return TRUE;
    }
}

/* "Weak Topics (3)": the filter's name with how many questions it would list. */
static void
update_filter_names (BpWindow *self)
{
  guint total = bp_deck_get_n_questions (self->deck);
  guint counts[BP_N_FILTERS] = {
    [BP_FILTER_ALL] = total,
    [BP_FILTER_WEAK] = bp_deck_study_count (self->deck, self->store, BP_STUDY_FLAG_WEAK),
    [BP_FILTER_NOTES] = bp_deck_study_count (self->deck, self->store, BP_STUDY_FLAG_NOTES),
    [BP_FILTER_UNREAD] = total - bp_deck_study_count (self->deck, self->store, BP_STUDY_FLAG_READ),
  };
  const char *names[BP_N_FILTERS] = {
    [BP_FILTER_ALL] = _("All Questions"),
    [BP_FILTER_WEAK] = _("Weak Topics"),
    [BP_FILTER_NOTES] = _("With Notes"),
    [BP_FILTER_UNREAD] = _("Unread"),
  };
  char *labels[BP_N_FILTERS + 1] = { NULL };

  for (guint i = 0; i < BP_N_FILTERS; i++)
    /* Translators: a sidebar filter and how many questions it lists, e.g. "Weak Topics (3)" */
    labels[i] = g_strdup_printf (_("%s (%u)"), names[i], counts[i]);

  g_signal_handlers_block_matched (self->filter_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_string_list_splice (self->filter_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->filter_names)),
                          (const char * const *)labels);
  gtk_drop_down_set_selected (self->filter_dropdown, self->filter_mode);
  g_signal_handlers_unblock_matched (self->filter_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  for (guint i = 0; i < BP_N_FILTERS; i++)
    g_free (labels[i]);
}

static void
filter_selected_cb (BpWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (selected < BP_N_FILTERS)
    bp_window_set_filter (self, (BpFilter)selected);
}

static gboolean
notes_pane_has_focus (BpWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->notes_pane));
}

/* A change from this window or merged from disk: rows, counts, filter, page and editor follow. */
static void
store_changed_cb (BpWindow     *self,
                  const char   *id,
                  BpStudyStore *store)
{
  update_rows (self, id);
  update_filter_names (self);
  if (self->filter_mode != BP_FILTER_ALL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (g_strcmp0 (id, current_id (self)) != 0)
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_WEAK]);
  schedule_page_notes (self);

  /* Notes merged from another copy reach the editor, unless the user is typing there. */
  if (!notes_pane_has_focus (self))
    {
      g_autofree char *stored = bp_study_store_dup_notes (self->store, id);
      g_autofree char *shown = bp_notes_pane_dup_text (self->notes_pane);

      if (g_strcmp0 (stored ? stored : "", shown) != 0)
        bp_notes_pane_set_text (self->notes_pane, stored);
    }
}

static void
save_error_cb (BpWindow *self)
{
  const GError *error = bp_study_store_get_save_error (self->store);

  if (error != NULL)
    bp_window_show_toast (self, error->message);
}

/* A question opened any way but Back or Forward starts a new branch of the history. */
static void
record_visit (BpWindow   *self,
              BpQuestion *question)
{
  if (!self->moving_in_history)
    {
      if (self->history->len > 0)
        g_ptr_array_set_size (self->history, self->history_index + 1);
      g_ptr_array_add (self->history, g_object_ref (question));
      self->history_index = self->history->len - 1;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.back", self->history_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.forward",
                                 self->history_index + 1 < self->history->len);
}

static void
move_in_history (BpWindow *self,
                 guint     index)
{
  if (index >= self->history->len)
    return;

  self->history_index = index;
  self->moving_in_history = TRUE;
  bp_window_show_question (self, g_ptr_array_index (self->history, index));
  self->moving_in_history = FALSE;
}

void
bp_window_go_back (BpWindow *self)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  if (self->history_index > 0)
    move_in_history (self, self->history_index - 1);
}

void
bp_window_go_forward (BpWindow *self)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  move_in_history (self, self->history_index + 1);
}

static void
show_search_status (BpWindow *self,
                    guint     n_matches)
{
  g_autofree char *status = NULL;

  if (n_matches == 0)
    status = g_strdup (_("No question matches"));
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question matches",
                                           "%u questions match", n_matches),
                              n_matches);

  gtk_label_set_text (self->search_status, status);
  gtk_widget_set_visible (GTK_WIDGET (self->search_status), TRUE);
}

/* As the user types: the questions holding every word, title matches first. */
static void
search_changed_cb (BpWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) results = NULL;

  if (g_strcmp0 (query, self->search_query) == 0)
    return;
  g_free (self->search_query);
  self->search_query = g_strdup (query);

  words = bp_search_split_query (query);

  if (words == NULL || words[0] == NULL)
    {
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->deck));
      gtk_widget_set_visible (GTK_WIDGET (self->search_status), FALSE);
      bp_answer_view_set_search (self->answer_view, NULL);
      return;
    }

  if (self->search_index == NULL)
    self->search_index = bp_search_index_new (self->deck);

  results = bp_search_index_query (self->search_index, query, NULL);
  g_list_store_splice (self->search_results, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->search_results)),
                       results->pdata, results->len);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->search_results));
  show_search_status (self, g_list_model_get_n_items (G_LIST_MODEL (self->filtered)));

  bp_answer_view_set_search (self->answer_view, query);
}

static void
search_stopped_cb (BpWindow *self)
{
  bp_window_clear_search (self);
}

/* Enter opens the best match, or moves to the next highlight in the open one. */
static void
search_activate_cb (BpWindow *self)
{
  g_autoptr(BpQuestion) best = NULL;
  BpQuestion *open = bp_window_get_question (self);
  guint position;

  /* Enter can come before search-changed, which waits for a pause in typing: it acts on
   * what is typed, never on the results of a few letters before. */
  search_changed_cb (self);
  best = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (open != NULL && find_listed_position (self, open, &position))
    bp_answer_view_find_next (self->answer_view);
  else if (best != NULL)
    bp_window_show_question (self, best);
}

static void
search_next_match_cb (BpWindow *self)
{
  bp_answer_view_find_next (self->answer_view);
}

static void
search_previous_match_cb (BpWindow *self)
{
  bp_answer_view_find_previous (self->answer_view);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       BpWindow              *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      bp_answer_view_find_previous (self->answer_view);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

void
bp_window_focus_search (BpWindow *self)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
bp_window_clear_search (BpWindow *self)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* search-changed comes after a delay; the list is whole again at once. */
  search_changed_cb (self);
}

static void
selection_changed_cb (BpWindow *self)
{
  BpQuestion *question = gtk_single_selection_get_selected_item (self->selection);

  bp_window_update_actions (self);

  if (list_has_focus (self))
    focus_selected_row (self);

  if (question == NULL || question == bp_answer_view_get_question (self->answer_view))
    return;

  bp_answer_view_set_question (self->answer_view, question);
  update_titles (self, question);
  g_settings_set_string (self->settings, "last-question", bp_question_get_id (question));
  load_notes (self);
  start_read_timer (self);
  record_visit (self, question);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_WEAK]);
}

static void
show_answer_pane (BpWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Enter or a double click on a row. */
static void
question_list_activate_cb (BpWindow *self,
                           guint     position)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_answer_pane (self);
}

/* A single click opens the answer even in the one-pane layout, where arrow keys only select. */
static void
row_clicked_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                BpWindow        *self)
{
  show_answer_pane (self);
}

static void
answer_view_open_question_cb (BpWindow   *self,
                              BpQuestion *question)
{
  bp_window_show_question (self, question);
}

static void
leaflet_folded_cb (BpWindow *self)
{
  /* Unfolding shows both panes; folding keeps the reader on the answer. */
  if (adw_leaflet_get_folded (self->leaflet) && bp_window_get_question (self) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              BpWindow                 *self)
{
  GtkWidget *row = bp_question_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_object (click, "released", G_CALLBACK (row_clicked_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BpWindow                 *self)
{
  BpQuestionRow *row = BP_QUESTION_ROW (gtk_list_item_get_child (item));
  BpQuestion *question = gtk_list_item_get_item (item);

  bp_question_row_set_question (row, question);
  bp_question_row_set_flags (row, flags_of (self, question));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               BpWindow                 *self)
{
  bp_question_row_set_question (BP_QUESTION_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
setup_question_list (BpWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);

  self->filter = gtk_custom_filter_new (question_matches_filter, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->deck)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_factory (self->question_list, factory);
  gtk_list_view_set_model (self->question_list, GTK_SELECTION_MODEL (self->selection));
}

static void
restore_window_state (BpWindow *self)
{
  self->filter_mode = (BpFilter)g_settings_get_enum (self->settings, "filter");
  self->notes_visible = g_settings_get_boolean (self->settings, "notes-visible");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* The last question viewed, else the first: found by id, so a reordered deck still works.
 * The remembered filter stays: if it hides that question, its first listed one opens. */
static void
restore_question (BpWindow *self)
{
  g_autofree char *last_id = g_settings_get_string (self->settings, "last-question");
  BpQuestion *question = bp_deck_find_by_id (self->deck, last_id);
  g_autoptr(BpQuestion) first_listed = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  guint position;

  if (question == NULL || !find_listed_position (self, question, &position))
    question = first_listed ? first_listed : bp_deck_get_question (self->deck, 0);

  if (question != NULL)
    bp_window_show_question (self, question);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BpWindow         *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Nothing is thrown away without asking: the notes could not be written, so say why. */
static void
ask_before_discarding (BpWindow     *self,
                       const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Your Changes Could Not Be Saved"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nIf you close Backprop now, the notes and marks you "
                                    "changed since the last save are lost."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Backprop Open"),
                                    "discard", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
bp_window_close_request (GtkWindow *window)
{
  BpWindow *self = BP_WINDOW (window);
  g_autoptr(GError) error = NULL;
  int width, height;

  /* What was typed in the last second is written now, not lost with the window. */
  notes_changed_cb (self);
  if (!bp_study_store_flush (self->store, &error) &&
      bp_study_store_get_has_unsaved_changes (self->store))
    {
      ask_before_discarding (self, error);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (bp_window_parent_class)->close_request (window);
}

/* A damaged study file was moved aside at startup: say so, and where it is. */
static void
announce_recovery (BpWindow *self)
{
  const char *recovered_from = bp_study_store_get_recovered_from (self->store);
  g_autofree char *message = NULL;

  if (recovered_from == NULL)
    return;

  message = g_strdup_printf (_("Your study data could not be read, so Backprop started afresh. "
                               "The damaged file was kept as %s."),
                             recovered_from);
  bp_window_show_toast (self, message);
}

static void
bp_window_constructed (GObject *object)
{
  BpWindow *self = (BpWindow *)object;

  G_OBJECT_CLASS (bp_window_parent_class)->constructed (object);

  g_assert (BP_IS_DECK (self->deck));

  g_assert (BP_IS_STUDY_STORE (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::save-error", G_CALLBACK (save_error_cb), self,
                           G_CONNECT_SWAPPED);

  bp_answer_view_set_deck (self->answer_view, self->deck);
  bp_answer_view_set_store (self->answer_view, self->store);
  g_settings_bind (self->settings, "text-size",
                   bp_answer_view_get_web_view (self->answer_view), "zoom-level",
                   G_SETTINGS_BIND_GET);
  restore_window_state (self);
  setup_question_list (self);
  update_filter_names (self);
  restore_question (self);
  bp_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES_VISIBLE]);
  announce_recovery (self);

  focus_selected_row (self);
}

static void
bp_window_dispose (GObject *object)
{
  BpWindow *self = (BpWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_WINDOW);

  g_clear_handle_id (&self->read_timeout_id, g_source_remove);
  g_clear_handle_id (&self->notes_page_timeout_id, g_source_remove);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_object (&self->search_results);
  g_clear_pointer (&self->search_query, g_free);
  g_clear_pointer (&self->shortcuts_window, gtk_window_destroy);
  g_clear_object (&self->search_index);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->deck);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bp_window_parent_class)->dispose (object);
}

static void
bp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BpWindow *self = BP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DECK:
      g_value_set_object (value, self->deck);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_QUESTION:
      g_value_set_object (value, bp_window_get_question (self));
      break;

    case PROP_CURRENT_WEAK:
      g_value_set_boolean (value, self->store != NULL &&
                                  bp_study_store_get_weak (self->store, current_id (self)));
      break;

    case PROP_NOTES_VISIBLE:
      g_value_set_boolean (value, self->notes_visible);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_notes_visible (BpWindow *self,
                   gboolean  visible)
{
  visible = !!visible;
  if (self->notes_visible == visible)
    return;

  self->notes_visible = visible;
  g_settings_set_boolean (self->settings, "notes-visible", visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES_VISIBLE]);

  if (visible)
    bp_notes_pane_focus (self->notes_pane);
}

static void
bp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BpWindow *self = BP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DECK:
      self->deck = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CURRENT_WEAK:
      if (current_id (self) != NULL)
        bp_study_store_set_weak (self->store, current_id (self), g_value_get_boolean (value));
      break;

    case PROP_NOTES_VISIBLE:
      set_notes_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_window_class_init (BpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bp_window_constructed;
  object_class->dispose = bp_window_dispose;
  object_class->get_property = bp_window_get_property;
  object_class->set_property = bp_window_set_property;
  window_class->close_request = bp_window_close_request;

  properties[PROP_DECK] =
    g_param_spec_object ("deck", NULL, NULL,
                         BP_TYPE_DECK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BP_TYPE_STUDY_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL,
                         BP_TYPE_QUESTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_WEAK] =
    g_param_spec_boolean ("current-weak", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES_VISIBLE] =
    g_param_spec_boolean ("notes-visible", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BP_TYPE_ANSWER_VIEW);
  g_type_ensure (BP_TYPE_NOTES_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/bp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, weak_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, notes_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, question_list);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, answer_view);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, search_status);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_match_cb);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, filter_names);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, notes_pane);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, answer_view_open_question_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  bp_window_class_add_actions (widget_class);
}

static void
bp_window_init (BpWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = g_ptr_array_new_with_free_func (g_object_unref);

  /* The drop-down's own button would be announced by its class name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->filter_dropdown))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show"),
                                  -1);
  self->search_results = g_list_store_new (BP_TYPE_QUESTION);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  self->settings = g_settings_new (APP_ID);
}

BpWindow *
bp_window_new (BpApplication *application,
               BpDeck        *deck)
{
  g_return_val_if_fail (BP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BP_IS_DECK (deck), NULL);

  return g_object_new (BP_TYPE_WINDOW,
                       "application", application,
                       "deck", deck,
                       "store", bp_application_get_store (application),
                       NULL);
}

BpDeck *
bp_window_get_deck (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return self->deck;
}

/**
 * bp_window_get_question:
 *
 * Returns: (transfer none) (nullable): the question whose answer is open.
 */
BpQuestion *
bp_window_get_question (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);

  return bp_answer_view_get_question (self->answer_view);
}

static gboolean
find_listed_position (BpWindow   *self,
                      BpQuestion *question,
                      guint      *position)
{
  GListModel *listed = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(BpQuestion) item = g_list_model_get_item (listed, i);

      if (item == question)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * bp_window_show_question:
 * @question: a question of the window's deck
 *
 * Selects @question in the sidebar, which opens its answer.
 */
void
bp_window_show_question (BpWindow   *self,
                         BpQuestion *question)
{
  guint position;

  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (BP_IS_QUESTION (question));

  /* A question the filter or the search hides is still opened: the sidebar then
   * lists everything. */
  if (!find_listed_position (self, question, &position))
    {
      bp_window_set_filter (self, BP_FILTER_ALL);
      if (!find_listed_position (self, question, &position))
        bp_window_clear_search (self);
      if (!find_listed_position (self, question, &position))
        return;
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->question_list), "list.scroll-to-item", "u", position);
}

void
bp_window_focus_question_list (BpWindow *self)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  focus_selected_row (self);
}

/**
 * bp_window_set_filter:
 *
 * Lists only the questions @filter keeps, and remembers the choice.
 */
void
bp_window_set_filter (BpWindow *self,
                      BpFilter  filter)
{
  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (filter < BP_N_FILTERS);

  if (self->filter_mode == filter)
    return;

  self->filter_mode = filter;
  g_settings_set_enum (self->settings, "filter", filter);
  gtk_drop_down_set_selected (self->filter_dropdown, filter);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  bp_window_update_actions (self);
}

void
bp_window_show_toast (BpWindow   *self,
                      const char *title)
{
  AdwToast *toast;

  g_return_if_fail (BP_IS_WINDOW (self));

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (G_FILE (object));
  g_autofree char *message = NULL;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    message = g_strdup_printf (_("Notes exported to %s"), name);
  else
    message = g_strdup_printf (_("Could not export the notes to %s: %s"), name, error->message);

  bp_window_show_toast (self, message);
}

/**
 * bp_window_export_notes:
 * @file: where to write, chosen by the user
 *
 * Writes every question's number, title, weak-topic flag and notes to @file as markdown.
 */
void
bp_window_export_notes (BpWindow *self,
                        GFile    *file)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GBytes) bytes = NULL;
  char *markdown;

  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The notes being typed are part of the export. */
  notes_changed_cb (self);
  markdown = bp_study_export_markdown (self->deck, self->store, now);
  bytes = g_bytes_new_take (markdown, strlen (markdown));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, export_written_cb, g_object_ref (self));
}
