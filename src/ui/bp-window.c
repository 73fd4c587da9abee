/* bp-window.c: the main window, questions on the left and the open answer on the right
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bp-application.h"
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
  PROP_STUDYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_titles (BpWindow   *self,
               BpQuestion *question)
{
  g_autofree char *window_title = NULL;
  g_autofree char *position = NULL;

  /* The header names what is on screen: the session's question, not the reader's. */
  if (bp_window_get_studying (self))
    {
      bp_window_update_study (self);
      return;
    }

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

/* What the header says when a session is left: the open question's, or the progress page's. */
void
_bp_window_update_titles (BpWindow *self)
{
  if (bp_window_get_showing_progress (self))
    _bp_window_update_progress_titles (self);
  else if (self->question != NULL)
    update_titles (self, self->question);
}

static const char *
current_id (BpWindow *self)
{
  return self->question != NULL ? bp_question_get_id (self->question) : NULL;
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

static gboolean
notes_pane_has_focus (BpWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->notes_pane));
}

/* A change from this window or merged from disk: the sidebar follows by itself; the header's
 * toggle, the page and the editor follow here. */
static void
store_changed_cb (BpWindow     *self,
                  const char   *id,
                  BpStudyStore *store)
{
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
history_changed_cb (BpWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.back",
                                 bp_history_get_can_go_back (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.forward",
                                 bp_history_get_can_go_forward (self->history));
}

static void
sidebar_neighbours_cb (BpWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.previous",
                                 bp_sidebar_get_can_select_previous (self->sidebar));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.next",
                                 bp_sidebar_get_can_select_next (self->sidebar));
}

/* Opens @question: the answer view, the titles, the notes and the history follow. The
 * question already open is opened again when the progress page is over it. */
static void
set_question (BpWindow   *self,
              BpQuestion *question)
{
  gboolean changed = g_set_object (&self->question, question);

  if (!changed && !bp_window_get_showing_progress (self))
    return;
  if (bp_window_get_showing_progress (self))
    _bp_window_left_progress (self);

  bp_answer_view_set_question (self->answer_view, question);
  update_titles (self, question);
  g_settings_set_string (self->settings, "last-question", bp_question_get_id (question));
  load_notes (self);
  start_read_timer (self);
  bp_history_visit (self->history, question);

  if (!changed)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_WEAK]);
}

/* Nothing selected (another deck, say) leaves the answer open. A question picked while
 * studying is one to read: the session is left (and kept) for it. */
static void
sidebar_selected_cb (BpWindow *self)
{
  BpQuestion *question = bp_sidebar_get_selected_question (self->sidebar);

  if (self->following_session || question == NULL)
    return;
  if (bp_window_get_studying (self))
    {
      g_object_ref (question);
      bp_window_set_studying (self, FALSE);
      bp_window_show_question (self, question);
      g_object_unref (question);
      return;
    }
  set_question (self, question);
}

static void
sidebar_query_cb (BpWindow *self)
{
  bp_answer_view_set_search (self->answer_view, bp_sidebar_get_query (self->sidebar));
}

/* Enter, a double click or a click on a row: in the one-pane layout, the answer comes up;
 * over the open question's row, the progress page gives way to it. */
static void
question_activated_cb (BpWindow   *self,
                       BpQuestion *question)
{
  set_question (self, question);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
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
  if (adw_leaflet_get_folded (self->leaflet) && self->question != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
restore_window_state (BpWindow *self)
{
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
  g_autoptr(BpQuestion) first_listed = g_list_model_get_item (bp_sidebar_get_listed (self->sidebar), 0);

  if (question == NULL || !bp_sidebar_find_listed (self->sidebar, question, NULL))
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

/* Nothing is thrown away without asking: the notes could not be written, so say why.
 * @error: (nullable): why, if the store said */
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
                                  error != NULL ? error->message
                                                : _("Your study data could not be saved."));
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

  /* What was typed in the last second is written now, not lost with the window. Whatever
   * is still unsaved afterwards (a read-only store, a failed write) is never dropped
   * without asking, whatever the flush said. */
  notes_changed_cb (self);
  bp_study_store_flush (self->store, &error);
  if (bp_study_store_get_has_unsaved_changes (self->store))
    {
      ask_before_discarding (self, error);
      return TRUE;
    }
  if (!bp_reviews_retry (self->reviews, &error))
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

/* Damaged lines of the review log were skipped, never deleted: say which. */
static void
announce_review_problems (BpWindow *self)
{
  GPtrArray *problems = bp_review_log_get_problems (bp_reviews_get_log (self->reviews));
  g_autofree char *message = NULL;
  BpReviewProblem *first;

  if (problems->len == 0)
    return;

  first = g_ptr_array_index (problems, 0);
  if (problems->len == 1)
    message = g_strdup_printf (_("Line %u of the review log could not be read (%s) and was "
                                 "skipped; the file is unchanged."),
                               first->line, first->message);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Line %u and %u more line of the review log could not be "
                                            "read (%s) and were skipped; the file is unchanged.",
                                            "Line %u and %u more lines of the review log could not be "
                                            "read (%s) and were skipped; the file is unchanged.",
                                            problems->len - 1),
                               first->line, problems->len - 1, first->message);
  bp_window_show_toast (self, message);
}

static void
reviews_loaded_cb (BpWindow *self)
{
  gboolean loaded = bp_reviews_get_loaded (self->reviews);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.start", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.toggle", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.undo", loaded && bp_window_get_studying (self));
  if (loaded)
    announce_review_problems (self);
}

static void
bp_window_constructed (GObject *object)
{
  BpWindow *self = (BpWindow *)object;
  /* GtkWindow:application is set only after construction: the app is the default one. */
  BpApplication *application = BP_APPLICATION (g_application_get_default ());

  G_OBJECT_CLASS (bp_window_parent_class)->constructed (object);

  g_assert (BP_IS_DECK (self->deck));
  g_assert (BP_IS_STUDY_STORE (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  bp_answer_view_set_page_handler (self->answer_view, bp_application_get_page_handler (application));
  self->reviews = g_object_ref (bp_application_get_reviews (application));
  bp_study_view_setup (self->study_view, self->deck, self->store, self->reviews,
                       bp_application_get_page_handler (application));
  g_signal_connect_object (self->reviews, "notify::loaded", G_CALLBACK (reviews_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  reviews_loaded_cb (self);
  bp_status_banner_set_store (self->status_banner, self->store);
  bp_sidebar_set_store (self->sidebar, self->store);
  bp_sidebar_set_reviews (self->sidebar, self->reviews);
  bp_sidebar_set_deck (self->sidebar, self->deck);
  g_settings_bind (self->settings, "filter", self->sidebar, "filter", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "text-size", self->answer_view, "zoom-level", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "notes-visible", self, "notes-visible", G_SETTINGS_BIND_DEFAULT);
  _bp_window_init_library (self);
  _bp_window_init_progress (self);
  _bp_window_init_folder (self);
  _bp_window_init_study (self);
  restore_window_state (self);
  restore_question (self);
  sidebar_neighbours_cb (self);
  announce_recovery (self);

  bp_sidebar_focus_list (self->sidebar);
}

static void
bp_window_dispose (GObject *object)
{
  BpWindow *self = (BpWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_WINDOW);

  _bp_window_dispose_library (self);
  g_clear_handle_id (&self->read_timeout_id, g_source_remove);
  g_clear_handle_id (&self->notes_page_timeout_id, g_source_remove);
  g_clear_object (&self->history);
  g_clear_pointer (&self->shortcuts_window, gtk_window_destroy);
  g_clear_object (&self->question);
  g_clear_object (&self->reviews);
  g_clear_object (&self->store);
  g_clear_object (&self->deck);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->image_hints, g_hash_table_unref);

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
      g_value_set_object (value, self->question);
      break;

    case PROP_CURRENT_WEAK:
      g_value_set_boolean (value, self->store != NULL &&
                                  bp_study_store_get_weak (self->store, current_id (self)));
      break;

    case PROP_NOTES_VISIBLE:
      g_value_set_boolean (value, self->notes_visible);
      break;

    case PROP_STUDYING:
      g_value_set_boolean (value, bp_window_get_studying (self));
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES_VISIBLE]);

  /* Shown by the user, not restored at start-up: the cursor goes there to type. */
  if (visible && gtk_widget_get_mapped (GTK_WIDGET (self)))
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

    case PROP_STUDYING:
      bp_window_set_studying (self, g_value_get_boolean (value));
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
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
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
  properties[PROP_STUDYING] =
    g_param_spec_boolean ("studying", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BP_TYPE_ANSWER_VIEW);
  g_type_ensure (BP_TYPE_STUDY_VIEW);
  g_type_ensure (BP_TYPE_NOTES_PANE);
  g_type_ensure (BP_TYPE_SIDEBAR);
  g_type_ensure (BP_TYPE_STATUS_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/bp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, sidebar_page);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, weak_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, notes_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, answer_view);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, status_banner);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, notes_pane);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, study_view);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, study_button);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_query_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_neighbours_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, answer_view_open_question_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  bp_window_class_add_actions (widget_class);
  _bp_window_class_add_library (widget_class);
  _bp_window_class_add_folder (widget_class);
  _bp_window_class_add_progress (widget_class);
}

static void
bp_window_init (BpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->history = bp_history_new ();
  g_signal_connect_object (self->history, "notify", G_CALLBACK (history_changed_cb), self,
                           G_CONNECT_SWAPPED);
  history_changed_cb (self);
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

  return self->question;
}

/**
 * bp_window_show_question:
 * @question: a question of the window's deck
 *
 * Selects @question in the sidebar, which opens its answer. A question the filter or
 * the search hides is opened all the same: the sidebar then lists everything.
 */
void
bp_window_show_question (BpWindow   *self,
                         BpQuestion *question)
{
  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (BP_IS_QUESTION (question));

  bp_sidebar_set_selected_question (self->sidebar, question);
  /* Selected already, the sidebar says nothing: over the progress page it is opened here. */
  set_question (self, question);
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
