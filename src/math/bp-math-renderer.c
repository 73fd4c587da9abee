/* bp-math-renderer.c: TeX to MathML, by KaTeX run in the app's own JavaScript context
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-math-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <jsc/jsc.h>

#include "bp-math-renderer.h"

#define KATEX_PATH RESOURCE_PREFIX "katex/katex.min.js"

/* Pages run no scripts, so math is made here, in a context of the app's that holds
 * nothing but KaTeX: MathML out, no \href or \url (trust is off), errors thrown so the
 * caller shows the source with KaTeX's reason. */
#define RENDER_FUNCTION \
  "(function (tex, display) {" \
  "  return katex.renderToString (tex, { output: 'mathml', throwOnError: true," \
  "                                      displayMode: display, trust: false," \
  "                                      strict: 'ignore' });" \
  "})"

struct _BpMathRenderer
{
  GObject parent_instance;

  JSCContext *context;  /* made, and KaTeX loaded into it, for the first formula */
  JSCValue *render;
  char *load_error;     /* why KaTeX did not load: every formula then says it */
};

G_DEFINE_FINAL_TYPE (BpMathRenderer, bp_math_renderer, G_TYPE_OBJECT)

G_DEFINE_QUARK (bp-math-renderer-error-quark, bp_math_renderer_error)

static void
bp_math_renderer_finalize (GObject *object)
{
  BpMathRenderer *self = (BpMathRenderer *)object;

  g_clear_object (&self->render);
  g_clear_object (&self->context);
  g_clear_pointer (&self->load_error, g_free);

  G_OBJECT_CLASS (bp_math_renderer_parent_class)->finalize (object);
}

static void
bp_math_renderer_class_init (BpMathRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_math_renderer_finalize;
}

static void
bp_math_renderer_init (BpMathRenderer *self)
{
}

/**
 * bp_math_renderer_new:
 *
 * A renderer is used on one thread: a JavaScript context is not shared between threads.
 *
 * Returns: (transfer full): a renderer; KaTeX is loaded on the first formula.
 */
BpMathRenderer *
bp_math_renderer_new (void)
{
  return g_object_new (BP_TYPE_MATH_RENDERER, NULL);
}

/* The message of the exception the last call left, cleared. */
static char *
take_exception (JSCContext *context)
{
  JSCException *exception = jsc_context_get_exception (context);
  char *message;

  if (exception == NULL)
    return NULL;

  message = g_strdup (jsc_exception_get_message (exception));
  jsc_context_clear_exception (context);
  return message;
}

static gboolean
load_katex (BpMathRenderer *self)
{
  g_autoptr(GBytes) script = NULL;
  g_autoptr(JSCValue) loaded = NULL;
  gsize size;
  const char *data;

  if (self->render != NULL || self->load_error != NULL)
    return self->render != NULL;

  script = g_resources_lookup_data (KATEX_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (script == NULL)
    {
      self->load_error = g_strdup (_("KaTeX is missing from this build of Backprop."));
      return FALSE;
    }

  self->context = jsc_context_new ();
  data = g_bytes_get_data (script, &size);
  loaded = jsc_context_evaluate_with_source_uri (self->context, data, size,
                                                 "resource://" KATEX_PATH, 1);
  self->load_error = take_exception (self->context);
  if (self->load_error == NULL)
    {
      self->render = jsc_context_evaluate (self->context, RENDER_FUNCTION, -1);
      self->load_error = take_exception (self->context);
    }
  if (self->load_error != NULL)
    g_clear_object (&self->render);

  return self->render != NULL;
}

/**
 * bp_math_renderer_render:
 * @tex: TeX, as written between the delimiters
 * @display: display math (its own centred line) rather than inline
 *
 * Returns: (transfer full) (nullable): @tex as MathML markup, or %NULL with @error set:
 *   %BP_MATH_RENDERER_ERROR_TEX with KaTeX's reason for TeX it cannot read.
 */
char *
bp_math_renderer_render (BpMathRenderer  *self,
                         const char      *tex,
                         gboolean         display,
                         GError         **error)
{
  g_autoptr(JSCValue) result = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (BP_IS_MATH_RENDERER (self), NULL);
  g_return_val_if_fail (tex != NULL, NULL);

  if (!load_katex (self))
    {
      g_set_error (error, BP_MATH_RENDERER_ERROR, BP_MATH_RENDERER_ERROR_UNAVAILABLE,
                   _("Math cannot be shown: %s"), self->load_error);
      return NULL;
    }

  result = jsc_value_function_call (self->render, G_TYPE_STRING, tex,
                                    G_TYPE_BOOLEAN, display, G_TYPE_NONE);
  message = take_exception (self->context);
  if (message != NULL || result == NULL || !jsc_value_is_string (result))
    {
      g_set_error_literal (error, BP_MATH_RENDERER_ERROR, BP_MATH_RENDERER_ERROR_TEX,
                           message != NULL ? message : _("KaTeX gave no MathML for this formula."));
      return NULL;
    }

  return jsc_value_to_string (result);
}
