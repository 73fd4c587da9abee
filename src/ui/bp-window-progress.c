/* bp-window-progress.c: the window's Progress page: the open deck's recall, due counts and reviews
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-window-private.h"

/*
 * The page is one of the page handler's routes, shown in the answer view in place of the
 * open question; the question stays the window's, and opening any question (a tile, the
 * sidebar, Back) leaves the page for it.
 */

/**
 * bp_window_get_showing_progress:
 *
 * Returns: whether the answer pane shows the deck's progress rather than a question
 */
gboolean
bp_window_get_showing_progress (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  return bp_answer_view_get_page_uri (self->answer_view) != NULL;
}

void
_bp_window_update_progress_titles (BpWindow *self)
{
  const char *deck_title = bp_deck_get_title_or (self->deck, _("Deck"));
  /* Translators: the window title on the progress page, e.g. "Progress: Deep Learning" */
  g_autofree char *window_title = g_strdup_printf (_("Progress: %s"), deck_title);

  gtk_window_set_title (GTK_WINDOW (self), window_title);
  adw_window_title_set_title (self->page_title, _("Progress"));
  adw_window_title_set_subtitle (self->page_title, deck_title);
}

/**
 * bp_window_show_progress:
 *
 * Shows the open deck's progress page in the answer pane, leaving a study session.
 */
void
bp_window_show_progress (BpWindow *self)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (BP_IS_WINDOW (self));

  bp_window_set_studying (self, FALSE);
  uri = bp_page_handler_dup_progress_uri (bp_deck_get_id (self->deck));
  bp_answer_view_show_page (self->answer_view, uri);
  _bp_window_update_progress_titles (self);
  /* The weak-topic toggle would mark the question under the page, unseen. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.weak", FALSE);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Called when the answer pane goes back to a question. */
void
_bp_window_left_progress (BpWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.weak", TRUE);
}

/* A grade, an undo, a merge from another Backprop or a new retention: the page says what
 * the reviews say now. */
static void
reviews_changed_cb (BpWindow *self)
{
  if (bp_window_get_showing_progress (self))
    bp_answer_view_reload (self->answer_view);
}

static void
progress_show_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  bp_window_show_progress (BP_WINDOW (widget));
}

void
_bp_window_class_add_progress (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "progress.show", NULL, progress_show_action);
}

void
_bp_window_init_progress (BpWindow *self)
{
  g_signal_connect_object (self->reviews, "changed", G_CALLBACK (reviews_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
