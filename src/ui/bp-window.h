/* bp-window.h: the main window, questions on the left and the open answer on the right
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bp-application.h"
#include "bp-deck.h"

G_BEGIN_DECLS

#define BP_TYPE_WINDOW (bp_window_get_type ())

G_DECLARE_FINAL_TYPE (BpWindow, bp_window, BP, WINDOW, AdwApplicationWindow)

BpWindow   *bp_window_new           (BpApplication *application,
                                     BpDeck        *deck);
BpDeck     *bp_window_get_deck      (BpWindow      *self);
BpQuestion *bp_window_get_question  (BpWindow      *self);
void        bp_window_show_question (BpWindow      *self,
                                     BpQuestion    *question);
void        bp_window_open_files    (BpWindow      *self,
                                     GFile        **files,
                                     int            n_files);
gboolean    bp_window_get_studying  (BpWindow      *self);
void        bp_window_set_studying  (BpWindow      *self,
                                     gboolean       studying);
void        bp_window_open_folder   (BpWindow      *self,
                                     GFile         *folder);
void        bp_window_show_progress (BpWindow      *self);
gboolean    bp_window_get_showing_progress (BpWindow *self);

G_END_DECLS
