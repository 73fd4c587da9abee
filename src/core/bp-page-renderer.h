/* bp-page-renderer.h: renders a question into a complete, self-contained HTML page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-question.h"
#include "bp-tex.h"

G_BEGIN_DECLS

/* Pages load nothing but the app's own scheme; styles are inline. No script, no frame. */
#define BP_PAGE_CSP \
  "default-src 'none'; img-src backprop:; style-src 'unsafe-inline'; " \
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

#define BP_TYPE_PAGE_RENDERER (bp_page_renderer_get_type ())

G_DECLARE_FINAL_TYPE (BpPageRenderer, bp_page_renderer, BP, PAGE_RENDERER, GObject)

typedef enum {
  BP_PAGE_THEME_LIGHT,
  BP_PAGE_THEME_DARK,
} BpPageTheme;

BpPageRenderer *bp_page_renderer_new              (const char      *template_html,
                                                   const char      *style_css,
                                                   GError         **error);
BpPageRenderer *bp_page_renderer_new_from_resources (GError        **error);
char           *bp_page_renderer_render           (BpPageRenderer  *self,
                                                   BpQuestion      *question,
                                                   BpPageTheme      theme,
                                                   const char      *notes);
char           *bp_page_renderer_render_question  (BpPageRenderer  *self,
                                                   BpQuestion      *question,
                                                   BpPageTheme      theme);
char           *bp_page_renderer_render_page      (BpPageRenderer  *self,
                                                   BpPageTheme      theme,
                                                   const char      *label,
                                                   const char      *title,
                                                   const char      *body);
char           *bp_page_renderer_render_answer    (BpQuestion      *question);
void            bp_page_renderer_set_tex_func     (BpPageRenderer  *self,
                                                   BpTexRenderFunc  render,
                                                   gpointer         user_data,
                                                   GDestroyNotify   destroy);
char           *bp_page_renderer_render_notes     (const char      *notes);
const char     *bp_page_theme_to_string           (BpPageTheme      theme);

G_END_DECLS
