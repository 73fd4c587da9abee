/* bp-sidebar-search.c: the sidebar's search entry: what typing, Enter and Escape do
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-sidebar-private.h"

/* With "All Decks" on, a search lists what every deck holds, by deck, in place of the
 * open deck's list; without a query, the list is the open deck's as always. */
static void
update_all_decks (BpSidebar *self)
{
  gboolean all = gtk_toggle_button_get_active (self->all_decks_button);
  const char *query = bp_sidebar_get_query (self);

  bp_all_decks_results_set_query (self->all_decks_results, all ? query : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->all_decks_results), all && query != NULL);
  gtk_widget_set_visible (self->question_scroller, !all || query == NULL);
}

static void
all_decks_toggled_cb (BpSidebar *self)
{
  _bp_sidebar_update_search_status (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* "3 questions match", under the entry while there is something to look for in the
 * open deck. */
void
_bp_sidebar_update_search_status (BpSidebar *self)
{
  guint n_listed = g_list_model_get_n_items (bp_sidebar_get_listed (self));
  g_autofree char *status = NULL;
  gboolean shown;

  update_all_decks (self);
  shown = bp_sidebar_get_query (self) != NULL && !gtk_toggle_button_get_active (self->all_decks_button);
  gtk_widget_set_visible (GTK_WIDGET (self->search_status), shown);
  if (!shown)
    return;

  if (n_listed == 0)
    status = g_strdup (_("No question matches"));
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question matches",
                                           "%u questions match", n_listed),
                              n_listed);
  gtk_label_set_text (self->search_status, status);
}

/* As the user types: the questions holding every word, title matches first. */
static void
search_changed_cb (BpSidebar *self)
{
  bp_search_filter_set_query (self->search_filter,
                              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_stopped_cb (BpSidebar *self)
{
  bp_sidebar_clear_search (self);
}

/* Enter opens the best match, or moves to the next highlight in the open one. */
static void
search_activate_cb (BpSidebar *self)
{
  g_autoptr(BpQuestion) best = NULL;

  /* Enter can come before search-changed, which waits for a pause in typing: it acts on
   * what is typed, never on the results of a few letters before. */
  search_changed_cb (self);
  best = g_list_model_get_item (bp_sidebar_get_listed (self), 0);

  if (self->selected_question != NULL && bp_sidebar_find_listed (self, self->selected_question, NULL))
    gtk_widget_activate_action (GTK_WIDGET (self), "search.next", NULL);
  else if (best != NULL)
    bp_sidebar_set_selected_question (self, best);
}

/* The matches are marked in the answer, which the window's search actions move through. */
static void
search_next_match_cb (BpSidebar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "search.next", NULL);
}

static void
search_previous_match_cb (BpSidebar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "search.previous", NULL);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       BpSidebar             *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      search_previous_match_cb (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

const char *
bp_sidebar_get_query (BpSidebar *self)
{
  g_return_val_if_fail (BP_IS_SIDEBAR (self), NULL);

  return bp_search_filter_get_query (self->search_filter);
}

void
bp_sidebar_focus_search (BpSidebar *self)
{
  g_return_if_fail (BP_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
bp_sidebar_clear_search (BpSidebar *self)
{
  g_return_if_fail (BP_IS_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* search-changed comes after a delay; the list is whole again at once. */
  search_changed_cb (self);
}

/**
 * bp_sidebar_toggle_search_all_decks:
 *
 * Turns "All Decks" on or off, as its button does, and puts the focus in the search.
 */
void
bp_sidebar_toggle_search_all_decks (BpSidebar *self)
{
  g_return_if_fail (BP_IS_SIDEBAR (self));

  gtk_toggle_button_set_active (self->all_decks_button,
                                !gtk_toggle_button_get_active (self->all_decks_button));
}

/**
 * bp_sidebar_get_all_decks_results:
 *
 * Returns: (transfer none): the list a search with "All Decks" on shows; the window
 *   gives it the library and shows the result the user picks.
 */
BpAllDecksResults *
bp_sidebar_get_all_decks_results (BpSidebar *self)
{
  g_return_val_if_fail (BP_IS_SIDEBAR (self), NULL);

  return self->all_decks_results;
}

void
_bp_sidebar_class_add_search (GtkWidgetClass *widget_class)
{
  g_type_ensure (BP_TYPE_ALL_DECKS_RESULTS);

  gtk_widget_class_bind_template_child (widget_class, BpSidebar, all_decks_button);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, question_scroller);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, all_decks_results);
  gtk_widget_class_bind_template_callback (widget_class, all_decks_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_match_cb);
}

void
_bp_sidebar_init_search (BpSidebar *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}
