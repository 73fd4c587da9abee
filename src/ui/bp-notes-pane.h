/* bp-notes-pane.h: the user's markdown notes on the open question, in a source view
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BP_TYPE_NOTES_PANE (bp_notes_pane_get_type ())

G_DECLARE_FINAL_TYPE (BpNotesPane, bp_notes_pane, BP, NOTES_PANE, GtkWidget)

GtkWidget *bp_notes_pane_new      (void);
char      *bp_notes_pane_dup_text (BpNotesPane *self);
void       bp_notes_pane_set_text (BpNotesPane *self,
                                   const char  *text);
void       bp_notes_pane_focus    (BpNotesPane *self);

G_END_DECLS
