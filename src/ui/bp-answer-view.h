/* bp-answer-view.h: shows one question's page in a locked-down WebKitWebView
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bp-page-handler.h"

G_BEGIN_DECLS

#define BP_TYPE_ANSWER_VIEW (bp_answer_view_get_type ())

G_DECLARE_FINAL_TYPE (BpAnswerView, bp_answer_view, BP, ANSWER_VIEW, GtkWidget)

void           bp_answer_view_prepare          (void);
GtkWidget     *bp_answer_view_new              (BpPageHandler *page_handler);
BpPageHandler *bp_answer_view_get_page_handler (BpAnswerView  *self);
void           bp_answer_view_set_page_handler (BpAnswerView  *self,
                                                BpPageHandler *page_handler);
BpQuestion    *bp_answer_view_get_question     (BpAnswerView  *self);
void           bp_answer_view_set_question     (BpAnswerView  *self,
                                                BpQuestion    *question);
gboolean       bp_answer_view_get_answer_hidden (BpAnswerView  *self);
void           bp_answer_view_set_answer_hidden (BpAnswerView  *self,
                                                 gboolean       hidden);
void           bp_answer_view_show_page        (BpAnswerView  *self,
                                                const char    *uri);
const char    *bp_answer_view_get_page_uri     (BpAnswerView  *self);
void           bp_answer_view_reload           (BpAnswerView  *self);
void           bp_answer_view_refresh_notes    (BpAnswerView  *self);
void           bp_answer_view_set_search       (BpAnswerView  *self,
                                                const char    *query);
void           bp_answer_view_find_next        (BpAnswerView  *self);
void           bp_answer_view_find_previous    (BpAnswerView  *self);
void           bp_answer_view_keep_scroll_async  (BpAnswerView        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean       bp_answer_view_keep_scroll_finish (BpAnswerView        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
