/* bp-window.c: the main window, questions on the left and the open answer on the right
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "bp-question-row.h"
#include "bp-window-private.h"

G_DEFINE_FINAL_TYPE (BpWindow, bp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DECK,
  PROP_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
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
  bp_question_row_set_question (BP_QUESTION_ROW (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
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

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->deck)));
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
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* The last question viewed, else the first: found by id, so a reordered deck still works. */
static void
restore_question (BpWindow *self)
{
  g_autofree char *last_id = g_settings_get_string (self->settings, "last-question");
  BpQuestion *question = bp_deck_find_by_id (self->deck, last_id);

  if (question == NULL)
    question = bp_deck_get_question (self->deck, 0);

  if (question != NULL)
    bp_window_show_question (self, question);
}

static gboolean
bp_window_close_request (GtkWindow *window)
{
  BpWindow *self = BP_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (bp_window_parent_class)->close_request (window);
}

static void
bp_window_constructed (GObject *object)
{
  BpWindow *self = (BpWindow *)object;

  G_OBJECT_CLASS (bp_window_parent_class)->constructed (object);

  g_assert (BP_IS_DECK (self->deck));

  bp_answer_view_set_deck (self->answer_view, self->deck);
  setup_question_list (self);
  restore_window_state (self);
  restore_question (self);
  bp_window_update_actions (self);

  focus_selected_row (self);
}

static void
bp_window_dispose (GObject *object)
{
  BpWindow *self = (BpWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_WINDOW);

  g_clear_object (&self->selection);
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

    case PROP_QUESTION:
      g_value_set_object (value, bp_window_get_question (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL,
                         BP_TYPE_QUESTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BP_TYPE_ANSWER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/bp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, question_list);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, answer_view);
  gtk_widget_class_bind_template_callback (widget_class, question_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, answer_view_open_question_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  bp_window_class_add_actions (widget_class);
}

static void
bp_window_init (BpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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

  if (!bp_deck_find_position (self->deck, question, &position))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->question_list), "list.scroll-to-item", "u", position);
}

void
bp_window_focus_question_list (BpWindow *self)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  focus_selected_row (self);
}
