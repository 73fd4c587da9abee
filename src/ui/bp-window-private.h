/* bp-window-private.h: what the window's files and its tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-answer-view.h"
#include "bp-window.h"

G_BEGIN_DECLS

struct _BpWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  GtkWidget *back_button;
  GtkListView *question_list;
  AdwWindowTitle *page_title;
  BpAnswerView *answer_view;

  GSettings *settings;
  BpDeck *deck;
  GtkSingleSelection *selection;
};

void bp_window_class_add_actions (GtkWidgetClass *widget_class);
void bp_window_update_actions    (BpWindow       *self);
void bp_window_focus_question_list (BpWindow     *self);

G_END_DECLS
