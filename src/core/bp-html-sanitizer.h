/* bp-html-sanitizer.h: raw HTML of an untrusted deck, re-written with only what is known to be harmless
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a deck's own files are served: backprop://deck-file/<deck id>/<path in the folder>. */
#define BP_DECK_FILE_URI_PREFIX "backprop://deck-file/"

/* Elements nested deeper than this keep their content, not their tags (see BP_CMARK_MAX_NESTING). */
#define BP_HTML_SANITIZER_MAX_DEPTH 64

char     *bp_html_sanitize                 (const char *html,
                                            gsize       length,
                                            const char *deck_id);
gboolean  bp_html_sanitizer_allows_element (const char *element);
gboolean  bp_html_sanitizer_allows         (const char *element,
                                            const char *attribute,
                                            const char *value);
gboolean  bp_html_sanitizer_is_safe_link   (const char *url);

G_END_DECLS
