/* bp-answer-view.h: shows one question's page in a locked-down WebKitWebView
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bp-deck.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

#define BP_ANSWER_SCHEME "backprop"

#define BP_TYPE_ANSWER_VIEW (bp_answer_view_get_type ())

G_DECLARE_FINAL_TYPE (BpAnswerView, bp_answer_view, BP, ANSWER_VIEW, GtkWidget)

GtkWidget  *bp_answer_view_new          (void);
BpDeck     *bp_answer_view_get_deck     (BpAnswerView *self);
void        bp_answer_view_set_deck     (BpAnswerView *self,
                                         BpDeck       *deck);
BpStudyStore *bp_answer_view_get_store   (BpAnswerView *self);
void        bp_answer_view_set_store    (BpAnswerView *self,
                                         BpStudyStore *store);
void        bp_answer_view_refresh_notes (BpAnswerView *self);
void        bp_answer_view_set_search    (BpAnswerView *self,
                                          const char   *query);
void        bp_answer_view_find_next     (BpAnswerView *self);
void        bp_answer_view_find_previous (BpAnswerView *self);
BpQuestion *bp_answer_view_get_question (BpAnswerView *self);
void        bp_answer_view_set_question (BpAnswerView *self,
                                         BpQuestion   *question);
char       *bp_answer_view_dup_uri_for_question (BpQuestion *question);

G_END_DECLS
