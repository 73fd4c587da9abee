/* bp-answer-view-web.c: the answer view's web view locked down: settings, fonts, context menu
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-answer-view"

#include "config.h"

#include <gtk/gtk.h>

#include "bp-answer-view-private.h"

/* The page's text uses the desktop's interface font and size. */
void
_bp_answer_view_update_fonts (WebKitWebView *web_view)
{
  WebKitSettings *settings = webkit_web_view_get_settings (web_view);
  g_autofree char *font_name = NULL;
  g_autoptr(PangoFontDescription) description = NULL;
  int size;

  g_object_get (gtk_settings_get_default (), "gtk-font-name", &font_name, NULL);
  if (font_name == NULL)
    return;

  description = pango_font_description_from_string (font_name);
  if (pango_font_description_get_family (description) != NULL)
    {
      webkit_settings_set_default_font_family (settings, pango_font_description_get_family (description));
      webkit_settings_set_sans_serif_font_family (settings, pango_font_description_get_family (description));
    }

  size = pango_font_description_get_size (description) / PANGO_SCALE;
  if (size > 0)
    webkit_settings_set_default_font_size (settings, webkit_settings_font_size_to_pixels (size) * 1.1);
}

void
_bp_answer_view_lock_down (WebKitWebView *web_view)
{
  WebKitSettings *settings = webkit_web_view_get_settings (web_view);

  /* The app may still run its own scripts (the theme switch); pages never can. */
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
}

static gboolean
is_allowed_menu_action (WebKitContextMenuAction action)
{
  switch (action)
    {
    case WEBKIT_CONTEXT_MENU_ACTION_COPY:
    case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
    case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * bp_answer_view_trim_context_menu:
 *
 * Leaves only copying in @menu: no Reload, Back, Download, Inspect or Open in New Window.
 *
 * Returns: %TRUE if nothing is left, so no menu should be shown.
 */
gboolean
bp_answer_view_trim_context_menu (WebKitContextMenu *menu)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;

      if (!is_allowed_menu_action (webkit_context_menu_item_get_stock_action (item)))
        webkit_context_menu_remove (menu, item);
    }
  g_list_free (items);

  return webkit_context_menu_get_n_items (menu) == 0;
}
