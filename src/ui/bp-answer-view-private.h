/* bp-answer-view-private.h: what tests reach inside the answer view
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <webkit/webkit.h>

#include "bp-answer-view.h"
#include "bp-page-handler.h"

G_BEGIN_DECLS

/* The world the app's own scripts run in, apart from the page's. */
#define BP_ANSWER_VIEW_SCRIPT_WORLD "backprop"

WebKitWebView *bp_answer_view_get_web_view      (BpAnswerView      *self);
gboolean       bp_answer_view_trim_context_menu (WebKitContextMenu *menu);

void           _bp_answer_view_lock_down        (WebKitWebView     *web_view);
void           _bp_answer_view_update_fonts     (WebKitWebView     *web_view);
void           _bp_answer_view_watch_crashes    (WebKitWebView     *web_view);
guint          _bp_answer_view_get_n_crashes    (WebKitWebView     *web_view);
void           _bp_answer_view_watch_failed_images (WebKitWebView  *web_view,
                                                    BpPageHandler  *page_handler);
WebKitWebView *_bp_answer_view_take_web_view    (void);

G_END_DECLS
