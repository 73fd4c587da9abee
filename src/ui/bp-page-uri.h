/* bp-page-uri.h: the app's URI scheme and its blank page, for code that has no page handler
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Nothing but text: the benchmarks' floor compiles bp-startup-trace.c, which needs the
 * blank page's URI, without the core the page handler is built on. */
#define BP_PAGE_SCHEME "backprop"

/* backprop://deck/<deck id>/<slug> is an answer's page. */
#define BP_PAGE_ANSWER_ROUTE "deck"

/* What a view shows before its first question: an empty page of the answers' site. */
#define BP_PAGE_BLANK_URI BP_PAGE_SCHEME "://" BP_PAGE_ANSWER_ROUTE "/"
