/* bp-notes-pane.c: the user's markdown notes on the open question, in a source view
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-notes-pane"

#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "bp-notes-pane.h"

struct _BpNotesPane
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkSourceView *view;

  GtkSourceBuffer *buffer;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (BpNotesPane, bp_notes_pane, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_style_scheme (BpNotesPane *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (self->buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes,
                                                                                  dark ? "Adwaita-dark" : "Adwaita"));
}

/* Only the user's typing is a change; text loaded for another question is not. */
static void
buffer_changed_cb (BpNotesPane *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Highlighting markdown has GtkSourceView read and compile its language definitions,
 * some 50 ms, a tenth of start-up (see tests/bench); the pane starts hidden, so that
 * waits until it is first shown. */
static void
bp_notes_pane_map (GtkWidget *widget)
{
  BpNotesPane *self = BP_NOTES_PANE (widget);
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  if (gtk_source_buffer_get_language (self->buffer) == NULL)
    gtk_source_buffer_set_language (self->buffer,
                                    gtk_source_language_manager_get_language (languages, "markdown"));

  GTK_WIDGET_CLASS (bp_notes_pane_parent_class)->map (widget);
}

static void
bp_notes_pane_dispose (GObject *object)
{
  BpNotesPane *self = (BpNotesPane *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_NOTES_PANE);

  G_OBJECT_CLASS (bp_notes_pane_parent_class)->dispose (object);
}

static void
bp_notes_pane_class_init (BpNotesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_notes_pane_dispose;
  widget_class->map = bp_notes_pane_map;

  /**
   * BpNotesPane::changed:
   *
   * The user edited the notes.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/bp-notes-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, BpNotesPane, box);
  gtk_widget_class_bind_template_child (widget_class, BpNotesPane, view);
}

static void
bp_notes_pane_init (BpNotesPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)));
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  update_style_scheme (self);

  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
}

GtkWidget *
bp_notes_pane_new (void)
{
  return g_object_new (BP_TYPE_NOTES_PANE, NULL);
}

/**
 * bp_notes_pane_dup_text:
 *
 * Returns: (transfer full): the notes, exactly as typed.
 */
char *
bp_notes_pane_dup_text (BpNotesPane *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (BP_IS_NOTES_PANE (self), NULL);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
}

/**
 * bp_notes_pane_set_text:
 * @text: (nullable): the notes of the question now open
 *
 * Shows @text without emitting #BpNotesPane::changed, and starts a fresh undo history:
 * undo never brings back another question's notes.
 */
void
bp_notes_pane_set_text (BpNotesPane *self,
                        const char  *text)
{
  GtkTextIter start;

  g_return_if_fail (BP_IS_NOTES_PANE (self));

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &start);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &start);
  self->loading = FALSE;
}

void
bp_notes_pane_focus (BpNotesPane *self)
{
  g_return_if_fail (BP_IS_NOTES_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}
