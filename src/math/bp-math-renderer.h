/* bp-math-renderer.h: TeX to MathML, by KaTeX run in the app's own JavaScript context
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BP_MATH_RENDERER_ERROR (bp_math_renderer_error_quark ())

/**
 * BpMathRendererError:
 * @BP_MATH_RENDERER_ERROR_TEX: the TeX has an error KaTeX names
 * @BP_MATH_RENDERER_ERROR_UNAVAILABLE: KaTeX is missing from this build or failed to load
 */
typedef enum {
  BP_MATH_RENDERER_ERROR_TEX,
  BP_MATH_RENDERER_ERROR_UNAVAILABLE,
} BpMathRendererError;

#define BP_TYPE_MATH_RENDERER (bp_math_renderer_get_type ())

G_DECLARE_FINAL_TYPE (BpMathRenderer, bp_math_renderer, BP, MATH_RENDERER, GObject)

GQuark          bp_math_renderer_error_quark (void);
BpMathRenderer *bp_math_renderer_new         (void);
char           *bp_math_renderer_render      (BpMathRenderer  *self,
                                              const char      *tex,
                                              gboolean         display,
                                              GError         **error);

G_END_DECLS
