/* bp-startup-trace.h: with BACKPROP_TRACE_STARTUP=1, tells the benchmarks when the first page is on screen
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

void bp_startup_trace_watch (WebKitWebView *web_view);

G_END_DECLS
