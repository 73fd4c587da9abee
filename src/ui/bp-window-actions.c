/* bp-window-actions.c: the window's actions, moving between questions
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bp-window-private.h"

static void
select_relative (BpWindow *self,
                 int       offset)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gint64 target;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  target = (gint64)position + offset;
  if (target < 0 || target >= n_items)
    return;

  bp_window_show_question (self, bp_deck_get_question (self->deck, (guint)target));
}

static void
question_next_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  select_relative (BP_WINDOW (widget), 1);
}

static void
question_previous_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  select_relative (BP_WINDOW (widget), -1);
}

/* In the folded, one-pane layout: back from the answer to the list. */
static void
question_list_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  bp_window_focus_question_list (self);
}

void
bp_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "question.next", NULL, question_next_action);
  gtk_widget_class_install_action (widget_class, "question.previous", NULL, question_previous_action);
  gtk_widget_class_install_action (widget_class, "question.list", NULL, question_list_action);
}

void
bp_window_update_actions (BpWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean has_selection = position != GTK_INVALID_LIST_POSITION;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.previous",
                                 has_selection && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.next",
                                 has_selection && position + 1 < n_items);
}
