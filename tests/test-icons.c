/* test-icons.c: the window draws its icons from pre-rendered PNGs, so starting it loads no SVG rasterizer
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ui-test-utils.h"

/* libadwaita 1.2's style draws an AdwStatusPage's icon at 128 px, 96 px when compact. */
#define STATUS_PAGE_ICON_SIZE 128
#define STATUS_PAGE_COMPACT_ICON_SIZE 96

static BpApplication *app;

/* GdkPixbuf opens its SVG loader, and with it librsvg, only to draw an SVG. */
static gboolean
librsvg_is_loaded (void)
{
  g_autofree char *maps = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents ("/proc/self/maps", &maps, NULL, &error);
  g_assert_no_error (error);
  return strstr (maps, "librsvg") != NULL;
}

static gboolean
theme_icons_prerendered (void)
{
  if (g_str_equal (BP_SESSION_COMPLETE_ICON, "bp-session-complete-symbolic"))
    return TRUE;

  g_test_skip ("the build found no Adwaita icon theme to pre-render its icons from");
  return FALSE;
}

/* First in this program: nothing may have drawn an SVG before. */
static void
test_startup_loads_no_svg_rasterizer (void)
{
  BpWindow *window;

  if (!theme_icons_prerendered ())
    return;

  g_assert_false (librsvg_is_loaded ());
  window = open_window (app, 960, 700);
  wait_for_page (window, bp_window_get_question (window));
  /* GTK loads icons in worker threads once their widgets are measured. */
  spin_for_ms (500);

  g_assert_false (librsvg_is_loaded ());
  close_window (window);
}

/* The file GTK draws @name from at @size, at scales 1 and 2, is a PNG. */
static void
assert_icon_is_png (GtkIconTheme *theme,
                    const char   *name,
                    int           size)
{
  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, name, NULL, size, scale,
                                                                     GTK_TEXT_DIR_LTR, 0);
      g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
      g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

      g_test_message ("%s at %d px, scale %d: %s", name, size, scale, uri);
      g_assert_true (gtk_icon_theme_has_icon (theme, name));
      g_assert_nonnull (uri);
      g_assert_true (g_str_has_suffix (uri, ".png"));
    }
}

static int
image_icon_size (GtkImage *image)
{
  if (gtk_image_get_pixel_size (image) > 0)
    return gtk_image_get_pixel_size (image);
  return gtk_image_get_icon_size (image) == GTK_ICON_SIZE_LARGE ? 32 : 16;
}

/* Every icon named in @widget's tree, with the names seen added to @seen. */
static void
assert_tree_icons_are_png (GtkWidget  *widget,
                           GHashTable *seen)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

  if (GTK_IS_IMAGE (widget) && gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_ICON_NAME)
    {
      const char *name = gtk_image_get_icon_name (GTK_IMAGE (widget));

      assert_icon_is_png (theme, name, image_icon_size (GTK_IMAGE (widget)));
      g_hash_table_add (seen, g_strdup (name));
    }
  if (ADW_IS_STATUS_PAGE (widget) && adw_status_page_get_icon_name (ADW_STATUS_PAGE (widget)))
    {
      const char *name = adw_status_page_get_icon_name (ADW_STATUS_PAGE (widget));

      assert_icon_is_png (theme, name, STATUS_PAGE_ICON_SIZE);
      assert_icon_is_png (theme, name, STATUS_PAGE_COMPACT_ICON_SIZE);
      g_hash_table_add (seen, g_strdup (name));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    assert_tree_icons_are_png (child, seen);
}

static void
test_window_icons_are_png (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  BpWindow *window;

  if (!theme_icons_prerendered ())
    return;

  window = open_window (app, 960, 700);
  wait_for_page (window, bp_window_get_question (window));
  assert_tree_icons_are_png (GTK_WIDGET (window), seen);

  /* The app's own icons, a header bar's, a row's and the study summary's were all seen. */
  g_assert_true (g_hash_table_contains (seen, "bp-unread-symbolic"));
  g_assert_true (g_hash_table_contains (seen, "bp-weak-topic-symbolic"));
  g_assert_true (g_hash_table_contains (seen, "document-edit-symbolic"));
  g_assert_true (g_hash_table_contains (seen, "open-menu-symbolic"));
  g_assert_true (g_hash_table_contains (seen, BP_SESSION_COMPLETE_ICON));
  close_window (window);
}

/* The app's own icons are drawn at scale 1 and 2 from a PNG of that many pixels, never
 * one scaled down or up: they stay as crisp as the SVG they were rendered from. */
static void
test_own_icons_have_their_size (void)
{
  static const struct { const char *name; int size; } icons[] = {
    { "bp-unread-symbolic", 16 },
    { "bp-weak-topic-symbolic", 16 },
    { BP_SESSION_COMPLETE_ICON, STATUS_PAGE_ICON_SIZE },
  };
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  if (!theme_icons_prerendered ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    for (int scale = 1; scale <= 2; scale++)
      {
        g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, icons[i].name, NULL,
                                                                       icons[i].size, scale,
                                                                       GTK_TEXT_DIR_LTR, 0);
        g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
        g_autoptr(GError) error = NULL;
        g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (file, &error);

        g_assert_no_error (error);
        g_assert_cmpint (gdk_texture_get_width (texture), ==, icons[i].size * scale);
        g_assert_cmpint (gdk_texture_get_height (texture), ==, icons[i].size * scale);
      }
}

/* Last: the check above would see an SVG drawn, here the theme's own check mark at 128 px. */
static void
test_svg_icon_loads_rasterizer (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, "emblem-ok-symbolic", NULL,
                                                                 STATUS_PAGE_ICON_SIZE, 1,
                                                                 GTK_TEXT_DIR_LTR, 0);
  g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
  g_autofree char *uri = file ? g_file_get_uri (file) : NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  if (!uri || !g_str_has_suffix (uri, ".svg"))
    {
      g_test_skip ("the icon theme has no SVG check mark to draw");
      return;
    }

  gdk_paintable_snapshot (GDK_PAINTABLE (icon), snapshot, STATUS_PAGE_ICON_SIZE, STATUS_PAGE_ICON_SIZE);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (librsvg_is_loaded ());
}

int
main (int   argc,
      char *argv[])
{
  app = init_app_tests (&argc, &argv);

  g_test_add_func ("/icons/startup-loads-no-svg-rasterizer", test_startup_loads_no_svg_rasterizer);
  g_test_add_func ("/icons/window-icons-are-png", test_window_icons_are_png);
  g_test_add_func ("/icons/own-icons-have-their-size", test_own_icons_have_their_size);
  g_test_add_func ("/icons/svg-icon-loads-rasterizer", test_svg_icon_loads_rasterizer);

  return run_app_tests (&app);
}
