/* bp-renderer.h: GTK's cairo renderer and WebKit's unaccelerated pages where OpenGL is drawn in software
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

G_BEGIN_DECLS

gboolean  bp_renderer_is_software_gl (const char *gl_renderer);
gboolean  bp_renderer_choose         (GdkDisplay *display);
void      bp_renderer_configure_web_view (WebKitWebView *web_view);

G_END_DECLS
