/* bp-answer-view-web.c: the answer view's web view locked down and kept alive: settings, fonts, context menu, crashes, images not served, the view prepared at start-up
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-answer-view"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "bp-answer-view-private.h"
#include "bp-deck-files.h"
#include "bp-memory.h"
#include "bp-page-handler.h"
#include "bp-renderer.h"

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

/* Crashes
 *
 * A web process that crashes (a GL driver's fault, memory) leaves the view blank: the page
 * is loaded again in a new one. A page that brings it down again soon after says so
 * instead of trying for ever; the next page opened gets a new process as always. */

#define RECRASH_US (15 * G_USEC_PER_SEC)

typedef struct
{
  gint64 crashed_us; /* the last crash, or 0 */
  guint n_crashes;
} CrashWatch;

static char *
crash_page (void)
{
  g_autofree char *title = g_markup_escape_text (_("This Page Could Not Be Shown"), -1);
  g_autofree char *body = g_markup_escape_text (
    _("The process that draws pages stopped twice while showing it. Other questions still open."), -1);

  return g_strdup_printf ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                          "<style>:root { color-scheme: light dark; font-family: sans-serif; }"
                          " body { margin: 20vh 10vw; text-align: center; }</style></head>"
                          "<body role=\"alert\"><h1>%s</h1><p>%s</p></body></html>", title, body);
}

static void
web_process_terminated_cb (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           CrashWatch                        *watch)
{
  gint64 now = g_get_monotonic_time ();
  const char *uri = webkit_web_view_get_uri (web_view);
  gboolean again = watch->crashed_us != 0 && now - watch->crashed_us < RECRASH_US;

  /* Ended on purpose (webkit_web_view_terminate_web_process()): not a crash. */
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    return;

  watch->crashed_us = now;
  watch->n_crashes++;
  /* A message, not a warning: the view recovers, and tests treat warnings as failures. */
  g_message ("The web process stopped (%s) showing %s%s",
             reason == WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT ? "out of memory" : "crashed",
             uri != NULL ? uri : "no page", again ? ", again: not loaded again" : "; loading it again");
  if (again)
    {
      g_autofree char *html = crash_page ();

      webkit_web_view_load_alternate_html (web_view, html, uri != NULL ? uri : "about:blank", NULL);
    }
  else
    webkit_web_view_reload (web_view);
}

void
_bp_answer_view_watch_crashes (WebKitWebView *web_view)
{
  CrashWatch *watch = g_new0 (CrashWatch, 1);

  g_object_set_data_full (G_OBJECT (web_view), "bp-crash-watch", watch, g_free);
  g_signal_connect (web_view, "web-process-terminated", G_CALLBACK (web_process_terminated_cb), watch);
}

/* How many times the view's web process crashed (tests report it). */
guint
_bp_answer_view_get_n_crashes (WebKitWebView *web_view)
{
  CrashWatch *watch = g_object_get_data (G_OBJECT (web_view), "bp-crash-watch");

  return watch != NULL ? watch->n_crashes : 0;
}

/* Images */

#define IMAGE_FALLBACK_SCRIPT "/io/github/backprop/Backprop/page/image-fallback.js"

/* @text as a JavaScript string literal: quotes, backslashes, line ends and the characters
 * that end a line in JavaScript escaped. */
static void
append_js_string (GString    *script,
                  const char *text)
{
  g_string_append_c (script, '"');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (script, "\\%c", (char)c);
      else if (c < 0x20 || c == 0x2028 || c == 0x2029)
        g_string_append_printf (script, "\\u%04x", c);
      else
        g_string_append_unichar (script, c);
    }
  g_string_append_c (script, '"');
}

/* WebKit draws an image that failed as an empty box, its alt text only where it fits, and
 * no page can tell it apart with CSS: the app's own script, in its own world, puts the
 * page's placeholder in its place. It runs only in a page with an image the page handler
 * could not serve (missing, unreadable, not an image, outside the folder), once the page
 * has loaded, or at once for one that failed later: a page that merely loaded runs no
 * script, which would start a JavaScript engine in the web process and, for a result or
 * an argument, in this one: about 4 MiB each, measured.
 * A file that is itself wrong (a Git LFS pointer, an error page saved as a photo, too
 * large) has its placeholder say so, in its error's words, so that the deck's author
 * knows what to fix; one missing or out of reach says only that it could not be read. */
typedef struct
{
  WebKitWebView *web_view;
  gboolean failed;   /* an image of the page loading failed: run the script when it has */
  guint run_id;
  GHashTable *reasons;   /* "<deck id>/<relative path>" → why the file is not an image */
} ImageWatch;

/* The script as a function of its labels and reasons: "(function (label, reason, reasons) {…})". */
static const char *
image_fallback_function (void)
{
  static char *source = NULL;

  if (source == NULL)
    {
      g_autoptr(GBytes) body = g_resources_lookup_data (IMAGE_FALLBACK_SCRIPT, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      GString *script = g_string_new ("(function (label, reason, reasons) {\n");

      g_return_val_if_fail (body != NULL, NULL);
      g_string_append_len (script, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      g_string_append (script, "\n})");
      source = g_string_free (script, FALSE);
    }

  return source;
}

/* The function called with the labels and, as an object literal, @reasons. */
static char *
dup_image_fallback_script (GHashTable *reasons)
{
  GString *script = g_string_new (image_fallback_function ());
  GHashTableIter iter;
  gpointer key, value;
  gboolean first = TRUE;

  g_string_append (script, " (");
  append_js_string (script, _("Image"));
  g_string_append (script, ", ");
  /* Translators: under an image of a deck's folder that is missing or cannot be opened */
  append_js_string (script, _("Could not be read"));
  g_string_append (script, ", {");
  g_hash_table_iter_init (&iter, reasons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!first)
        g_string_append (script, ", ");
      append_js_string (script, key);
      g_string_append (script, ": ");
      append_js_string (script, value);
      first = FALSE;
    }
  g_string_append (script, "});\n");

  return g_string_free (script, FALSE);
}

static gboolean
run_image_fallback_cb (gpointer user_data)
{
  ImageWatch *watch = user_data;
  g_autofree char *script = dup_image_fallback_script (watch->reasons);

  watch->run_id = 0;
  watch->failed = FALSE;
  /* No result is asked for: the labels are in the script, nothing comes back. */
  webkit_web_view_evaluate_javascript (watch->web_view, script, -1,
                                       BP_ANSWER_VIEW_SCRIPT_WORLD, NULL, NULL, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_image_fallback (ImageWatch *watch)
{
  if (watch->run_id == 0)
    watch->run_id = g_idle_add (run_image_fallback_cb, watch);
}

static void
image_failed_cb (BpPageHandler *handler,
                 WebKitWebView *web_view,
                 const char    *deck_id,
                 const char    *relative_path,
                 const GError  *error,
                 WebKitWebView *watched)
{
  ImageWatch *watch = g_object_get_data (G_OBJECT (watched), "bp-image-watch");

  if (web_view != watched)
    return;

  if (deck_id != NULL && bp_deck_files_error_is_the_file (error))
    g_hash_table_replace (watch->reasons, g_strconcat (deck_id, "/", relative_path, NULL),
                          g_strdup (error->message));
  if (webkit_web_view_is_loading (web_view))
    watch->failed = TRUE;
  else
    schedule_image_fallback (watch);
}

static void
image_load_changed_cb (WebKitWebView   *web_view,
                       WebKitLoadEvent  event,
                       ImageWatch      *watch)
{
  /* A new page asks for its images again. */
  if (event == WEBKIT_LOAD_STARTED)
    g_hash_table_remove_all (watch->reasons);
  if (event == WEBKIT_LOAD_FINISHED && watch->failed)
    schedule_image_fallback (watch);
}

static void
image_watch_free (gpointer data)
{
  ImageWatch *watch = data;

  g_clear_handle_id (&watch->run_id, g_source_remove);
  g_hash_table_unref (watch->reasons);
  g_free (watch);
}

/* Shows a placeholder for each image of @web_view's pages that @page_handler could not serve. */
void
_bp_answer_view_watch_failed_images (WebKitWebView *web_view,
                                     BpPageHandler *page_handler)
{
  ImageWatch *watch = g_new0 (ImageWatch, 1);

  watch->web_view = web_view;
  watch->reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_object_set_data_full (G_OBJECT (web_view), "bp-image-watch", watch, image_watch_free);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (image_load_changed_cb), watch);
  g_signal_connect_object (page_handler, "deck-file-failed", G_CALLBACK (image_failed_cb), web_view, 0);
}

/* WebKit starts a view's web process at its first load: 0.2 to 0.4 s on a machine that
 * draws in software, most of the time to the first page. A view made and loading a blank
 * page of the app's scheme before the window is built has its process started while GTK
 * builds the rest; the window's first answer view takes it. The blank page is of the same
 * site as the answers, so their load stays in that process. */
static WebKitWebView *prepared;

static WebKitWebView *
new_web_view (void)
{
  WebKitWebView *web_view = g_object_ref_sink (WEBKIT_WEB_VIEW (webkit_web_view_new ()));

  _bp_answer_view_lock_down (web_view);
  bp_renderer_configure_web_view (web_view);

  return web_view;
}

static gboolean
start_up_ended_cb (gpointer user_data)
{
  bp_memory_start_up_ended ();
  return G_SOURCE_REMOVE;
}

/* The first page after the blank one ends start-up: what it freed goes back, when idle. */
static void
first_page_loaded_cb (WebKitWebView   *web_view,
                      WebKitLoadEvent  event,
                      gpointer         user_data)
{
  g_autofree char *blank_uri = NULL;

  if (event != WEBKIT_LOAD_FINISHED)
    return;
  blank_uri = bp_page_handler_dup_blank_uri ();
  if (g_strcmp0 (webkit_web_view_get_uri (web_view), blank_uri) == 0)
    return;

  g_signal_handlers_disconnect_by_func (web_view, first_page_loaded_cb, user_data);
  g_idle_add_full (G_PRIORITY_LOW, start_up_ended_cb, NULL, NULL);
}

/**
 * bp_answer_view_prepare:
 *
 * Starts the web process of the first answer view to be made, before any window is
 * built. The page handler must be registered; bp_renderer_choose () must have run.
 */
void
bp_answer_view_prepare (void)
{
  g_autofree char *uri = bp_page_handler_dup_blank_uri ();

  if (prepared != NULL)
    return;

  prepared = new_web_view ();
  g_signal_connect (prepared, "load-changed", G_CALLBACK (first_page_loaded_cb), NULL);
  webkit_web_view_load_uri (prepared, uri);
}

/* Returns: (transfer full): the view bp_answer_view_prepare () made, else a new one */
WebKitWebView *
_bp_answer_view_take_web_view (void)
{
  return prepared != NULL ? g_steal_pointer (&prepared) : new_web_view ();
}
