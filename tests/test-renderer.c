/* test-renderer.c: cairo and unaccelerated pages where OpenGL is drawn in software, and the user's GSK_RENDERER kept
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "bp-renderer.h"

static void
test_software_names (void)
{
  /* What Mesa says on a virtual machine, a remote desktop or Xvfb. */
  g_assert_true (bp_renderer_is_software_gl ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (bp_renderer_is_software_gl ("softpipe"));
  g_assert_true (bp_renderer_is_software_gl ("Software Rasterizer"));
  /* Graphics cards keep GTK's GL renderer. */
  g_assert_false (bp_renderer_is_software_gl ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (bp_renderer_is_software_gl ("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)"));
  g_assert_false (bp_renderer_is_software_gl ("NVIDIA GeForce GTX 1060 6GB/PCIe/SSE2"));
  g_assert_false (bp_renderer_is_software_gl (NULL));
}

/* The renderer a realized window draws with, as GTK chose it. */
static const char *
window_renderer_name (void)
{
  GtkWidget *window = gtk_window_new ();
  const char *name;

  gtk_widget_realize (window);
  name = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  return name;
}

/* The acceleration policy a web view configured as the app's views are draws with. */
static WebKitHardwareAccelerationPolicy
web_view_policy (void)
{
  g_autoptr(WebKitWebView) web_view = g_object_ref_sink (WEBKIT_WEB_VIEW (webkit_web_view_new ()));

  bp_renderer_configure_web_view (web_view);

  return webkit_settings_get_hardware_acceleration_policy (webkit_web_view_get_settings (web_view));
}

/* The test runs under Xvfb, whose OpenGL is Mesa's llvmpipe: the windows draw with cairo
 * and the pages are drawn without OpenGL. */
static void
test_software_gl_draws_with_cairo (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("GSK_RENDERER");
      gtk_init ();
      g_assert_true (bp_renderer_choose (gdk_display_get_default ()));
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
      g_assert_cmpstr (window_renderer_name (), ==, "GskCairoRenderer");
      g_assert_cmpint (web_view_policy (), ==, WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A user who asks for a renderer gets it, on any machine. */
static void
test_user_choice_kept (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("GSK_RENDERER", "gl", TRUE);
      gtk_init ();
      g_assert_false (bp_renderer_choose (gdk_display_get_default ()));
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
      g_assert_cmpstr (window_renderer_name (), ==, "GskGLRenderer");
      /* …and WebKit keeps its own default too. */
      g_assert_cmpint (web_view_policy (), ==, WEBKIT_HARDWARE_ACCELERATION_POLICY_ALWAYS);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/software-names", test_software_names);
  g_test_add_func ("/renderer/software-gl-draws-with-cairo", test_software_gl_draws_with_cairo);
  g_test_add_func ("/renderer/user-choice-kept", test_user_choice_kept);

  return g_test_run ();
}
