/* bp-window-study.c: the window during a study session: the header and the sidebar follow its question
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-sidebar-private.h"
#include "bp-window-private.h"

/*
 * While studying, what the window says is current is the session's question: the header
 * names it as the session does ("Study", "Question 7 of 22 · 3 left") and the sidebar
 * selects its row, without opening it for reading (its answer stays hidden, it is not
 * marked read, the history and the last question stay the reader's). A question the
 * filter hides is not brought back by changing the user's filter: nothing is selected.
 * Picking a row leaves the session for that question; leaving gives the header and the
 * selection back to the reader's question.
 */

/* Selects @question's row if it is listed, else none, without opening anything. */
static void
follow_in_sidebar (BpWindow   *self,
                   BpQuestion *question)
{
  guint position;

  self->following_session = TRUE;
  if (question != NULL && bp_sidebar_find_listed (self->sidebar, question, &position))
    {
      _bp_sidebar_show_position (self->sidebar, position);
      gtk_single_selection_set_selected (self->sidebar->selection, position);
      _bp_sidebar_scroll_to_position (self->sidebar, position);
    }
  else
    bp_sidebar_set_selected_question (self->sidebar, NULL);
  self->following_session = FALSE;
}

static char *
dup_study_subtitle (BpWindow   *self,
                    BpQuestion *question)
{
  guint n_left = bp_study_view_get_n_left (self->study_view);

  if (question == NULL)
    return g_strdup (_("Nothing left to study"));
  /* Translators: the header during a study session, e.g. "Question 4 of 22 · 3 left" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Question %u of %u · %u left",
                                       "Question %u of %u · %u left", n_left),
                          bp_question_get_number (question),
                          bp_deck_get_n_questions (self->deck), n_left);
}

/**
 * bp_window_update_study:
 *
 * While studying, the header and the sidebar's selection say what the session shows.
 */
void
bp_window_update_study (BpWindow *self)
{
  BpQuestion *question = bp_study_view_get_question (self->study_view);
  g_autofree char *subtitle = NULL;

  if (!bp_window_get_studying (self))
    return;

  subtitle = dup_study_subtitle (self, question);
  /* Translators: the window's title and header during a study session */
  gtk_window_set_title (GTK_WINDOW (self), _("Study"));
  adw_window_title_set_title (self->page_title, _("Study"));
  adw_window_title_set_subtitle (self->page_title, subtitle);
  follow_in_sidebar (self, question);
}

gboolean
bp_window_get_studying (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  /* Asked for by the study.toggle action before the template is built, and after. */
  return self->content_stack != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "study") == 0;
}

static void
left_session (BpWindow *self)
{
  _bp_window_update_titles (self);
  follow_in_sidebar (self, self->question);
}

/**
 * bp_window_set_studying:
 * @studying: whether the window shows the study session rather than the answers
 *
 * Starts or resumes the session of the open deck; leaving it keeps it for the next time.
 * The reviews must have been read first: until then, the window says so.
 */
void
bp_window_set_studying (BpWindow *self,
                        gboolean  studying)
{
  g_return_if_fail (BP_IS_WINDOW (self));

  studying = !!studying;
  if (studying == bp_window_get_studying (self))
    return;
  if (studying && !bp_reviews_get_loaded (self->reviews))
    {
      bp_window_show_toast (self, _("Your reviews are still being read; try again in a moment."));
      return;
    }

  gtk_stack_set_visible_child_name (self->content_stack, studying ? "study" : "read");
  /* Ctrl+Z takes a grade back only in a session; while reading it stays the notes' undo. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.undo", studying);
  if (studying)
    {
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->content);
      bp_study_view_set_deck (self->study_view, self->deck);
      bp_study_view_start (self->study_view);
      bp_window_update_study (self);
    }
  else
    left_session (self);
  g_object_notify (G_OBJECT (self), "studying");
}

void
_bp_window_init_study (BpWindow *self)
{
  g_signal_connect_object (self->study_view, "notify::question",
                           G_CALLBACK (bp_window_update_study), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->study_view, "notify::n-left",
                           G_CALLBACK (bp_window_update_study), self, G_CONNECT_SWAPPED);
}
