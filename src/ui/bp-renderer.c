/* bp-renderer.c: GTK's cairo renderer and WebKit's unaccelerated pages where OpenGL is drawn in software
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-renderer"

#include "config.h"

#include <string.h>

#include <epoxy/gl.h>

#include "bp-renderer.h"

/* Where OpenGL is Mesa's llvmpipe (a virtual machine, a remote desktop, Xvfb), GTK 4.8's
 * GL renderer draws the whole window on the CPU for every frame, however small the
 * change, and compiles its shaders at start-up. Measured with tests/bench/bench-switch
 * (GSK_RENDERER=gl against cairo, same machine): a question switch took 215 ms of the UI
 * process's CPU against 23 ms, and the 5 s after it 1.2 s against 0.25 s, most of it
 * the sidebar's overlay scrollbar fading after the list scrolled to the question, 40 ms
 * a frame against 2 ms; README's Benchmarks section has the figures.
 *
 * WebKit's accelerated compositing has the same cost there: the web process composites
 * the page with OpenGL on the CPU, and the window shows the new page one buffer later
 * than GTK's frame after the load. Measured by the pixels on screen (bench-switch, key to
 * page changed), p95 134–160 ms composited against about 76 ms drawn unaccelerated. */

/* Set once by bp_renderer_choose (), before any web view exists. */
static gboolean drawn_in_software;

/**
 * bp_renderer_is_software_gl:
 * @gl_renderer: (nullable): OpenGL's GL_RENDERER string
 *
 * Returns: whether @gl_renderer rasterizes on the CPU (Mesa's llvmpipe, softpipe or
 *   swrast, or any renderer that says it is a software one)
 */
gboolean
bp_renderer_is_software_gl (const char *gl_renderer)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "swrast", "software" };
  g_autofree char *folded = NULL;

  if (gl_renderer == NULL)
    return FALSE;

  folded = g_ascii_strdown (gl_renderer, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (folded, software[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* The renderer string of @display's OpenGL, or %NULL where it has none. */
static char *
dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *name;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL to ask: %s", error->message);
      return NULL;
    }

  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *)glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  return name;
}

/**
 * bp_renderer_choose:
 * @display: the display the windows open on, before any of them is realized
 *
 * Has GTK draw with cairo where OpenGL is drawn in software, and web views draw their
 * pages unaccelerated (bp_renderer_configure_web_view ()), unless the user chose a
 * renderer with GSK_RENDERER: theirs always wins, and WebKit keeps its own default. GTK reads GSK_RENDERER once, when
 * the first window is realized, so this must run before.
 *
 * Returns: whether it chose cairo
 */
gboolean
bp_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return FALSE;

  gl_renderer = dup_gl_renderer (display);
  if (!bp_renderer_is_software_gl (gl_renderer))
    return FALSE;

  g_debug ("OpenGL is %s, in software: drawing with cairo, pages unaccelerated", gl_renderer);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  drawn_in_software = TRUE;

  return TRUE;
}

/**
 * bp_renderer_configure_web_view:
 * @web_view: a web view not yet shown
 *
 * Has @web_view draw its pages without OpenGL where bp_renderer_choose () chose cairo.
 * The pages are static documents: nothing they show needs compositing.
 */
void
bp_renderer_configure_web_view (WebKitWebView *web_view)
{
  g_return_if_fail (WEBKIT_IS_WEB_VIEW (web_view));

  if (drawn_in_software)
    webkit_settings_set_hardware_acceleration_policy (webkit_web_view_get_settings (web_view),
                                                      WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
}
