/* ui-test-utils.h: waiting on the main loop, reading pages and typing keys in UI tests
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

G_BEGIN_DECLS

typedef gboolean (*Predicate) (gpointer data);

void      spin_until   (Predicate      predicate,
                        gpointer       data,
                        const char    *what);
gboolean  page_loaded  (gpointer       web_view);
char     *evaluate     (WebKitWebView *web_view,
                        const char    *script);
gboolean  is_allocated (gpointer       widget);
void      spin_for_ms  (guint          milliseconds);
void      press_keys   (GtkWindow     *window,
                        const char    *keys);

G_END_DECLS
