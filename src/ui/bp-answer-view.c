/* bp-answer-view.c: shows one question's page in a locked-down WebKitWebView
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-answer-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bp-answer-view-private.h"
#include "bp-search.h"
#include "bp-startup-trace.h"

struct _BpAnswerView
{
  GtkWidget parent_instance;

  WebKitWebView *web_view;

  BpPageHandler *page_handler;  /* serves the pages and resolves their links */
  BpQuestion *question;
  gboolean answer_hidden;   /* the question alone, while the user recalls its answer */
  char *page_uri;       /* a page of no question (a deck's progress) shown instead of one */
  char *highlight;      /* the word WebKit's find controller moves between */
  char *search_words;   /* the search's words, space-separated, for search-highlight.js */
  double kept_scroll;   /* where the next page of the same question scrolls to, if >= 0 */
  char *kept_scroll_id; /* that question's id */
  char *notes_html;     /* the notes the question's page shows, as its handler rendered them */
};

G_DEFINE_FINAL_TYPE (BpAnswerView, bp_answer_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE_HANDLER,
  PROP_QUESTION,
  PROP_ZOOM_LEVEL,
  N_PROPS
};

enum {
  OPEN_QUESTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_web_uri (const char *uri)
{
  return g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://");
}

static gboolean
is_app_uri (const char *uri)
{
  return g_str_has_prefix (uri, BP_PAGE_SCHEME ":");
}

static gboolean
same_page (const char *uri,
           const char *other)
{
  gsize length = strcspn (uri, "#");

  return other != NULL && length == strcspn (other, "#") && strncmp (uri, other, length) == 0;
}

/* A clicked link: the web opens in the browser, another question in the window,
 * an #anchor in the same page scrolls; nothing else goes anywhere. */
static gboolean
allow_link_click (BpAnswerView *self,
                  const char   *uri)
{
  BpQuestion *target;

  if (is_web_uri (uri))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
      return FALSE;
    }

  if (same_page (uri, webkit_web_view_get_uri (self->web_view)))
    return TRUE;

  target = self->page_handler != NULL
             ? bp_page_handler_lookup_question (self->page_handler, uri, self->question)
             : NULL;
  if (target != NULL)
    g_signal_emit (self, signals[OPEN_QUESTION], 0, target);

  return FALSE;
}

static gboolean
allow_navigation (BpAnswerView           *self,
                  WebKitNavigationAction *action)
{
  const char *uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  switch (webkit_navigation_action_get_navigation_type (action))
    {
    case WEBKIT_NAVIGATION_TYPE_LINK_CLICKED:
      return allow_link_click (self, uri);

    case WEBKIT_NAVIGATION_TYPE_OTHER:
    case WEBKIT_NAVIGATION_TYPE_RELOAD:
      /* Our own loads; a page cannot leave the app's scheme. */
      return is_app_uri (uri);

    case WEBKIT_NAVIGATION_TYPE_BACK_FORWARD:
    case WEBKIT_NAVIGATION_TYPE_FORM_SUBMITTED:
    case WEBKIT_NAVIGATION_TYPE_FORM_RESUBMITTED:
    default:
      return FALSE;
    }
}

#define SEARCH_HIGHLIGHT_SCRIPT "/io/github/backprop/Backprop/page/search-highlight.js"
#define SEARCH_HIGHLIGHT_WORLD BP_ANSWER_VIEW_SCRIPT_WORLD

/* The end of a script the app runs in the page: @user_data says what it was for. A page
 * left before the script ran needs it no more. */
static void
script_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  const char *what = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not %s: %s", what, error->message);
}

/* Marks every word of the search in the page; the find controller marks the one that
 * Enter and Shift+Enter move between. */
static void
mark_search_words (BpAnswerView *self)
{
  static GBytes *script = NULL;
  GVariantDict arguments;

  if (script == NULL)
    script = g_resources_lookup_data (SEARCH_HIGHLIGHT_SCRIPT, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_return_if_fail (script != NULL);

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "words", "s", self->search_words != NULL ? self->search_words : "");
  webkit_web_view_call_async_javascript_function (self->web_view,
                                                  g_bytes_get_data (script, NULL),
                                                  g_bytes_get_size (script),
                                                  g_variant_dict_end (&arguments),
                                                  SEARCH_HIGHLIGHT_WORLD, NULL, NULL,
                                                  script_finished_cb,
                                                  (gpointer)"mark the search's words in the page");
}

static void
apply_highlight (BpAnswerView *self,
                 gboolean      new_page)
{
  WebKitFindController *find = webkit_web_view_get_find_controller (self->web_view);

  if (self->highlight == NULL)
    webkit_find_controller_search_finish (find);
  else
    webkit_find_controller_search (find, self->highlight,
                                   WEBKIT_FIND_OPTIONS_CASE_INSENSITIVE |
                                   WEBKIT_FIND_OPTIONS_AT_WORD_STARTS |
                                   WEBKIT_FIND_OPTIONS_WRAP_AROUND,
                                   G_MAXUINT);

  /* A new page has no marks: it needs the script only when there is a search. */
  if (self->question != NULL && (self->search_words != NULL || !new_page))
    mark_search_words (self);
}

/* A page of the question whose scroll position was kept scrolls there, once. */
static void
restore_scroll (BpAnswerView *self)
{
  static const char script[] = "window.scrollTo (0, y);";
  g_autofree char *id = g_steal_pointer (&self->kept_scroll_id);
  GVariantDict arguments;

  if (id == NULL || self->question == NULL || !g_str_equal (id, bp_question_get_id (self->question)))
    return;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "y", "d", self->kept_scroll);
  webkit_web_view_call_async_javascript_function (self->web_view, script, -1,
                                                  g_variant_dict_end (&arguments),
                                                  SEARCH_HIGHLIGHT_WORLD, NULL, NULL,
                                                  script_finished_cb,
                                                  (gpointer)"scroll back to where the reader was");
}

/* Each new page shows the search's words too, and opens where the reader was, if kept. */
static void
load_changed_cb (BpAnswerView    *self,
                 WebKitLoadEvent  event)
{
  if (event == WEBKIT_LOAD_FINISHED && self->question == NULL && self->page_uri == NULL)
    return;  /* the blank page a prepared view starts with */

  if (event == WEBKIT_LOAD_FINISHED)
    {
      apply_highlight (self, TRUE);
      restore_scroll (self);
    }
}

static void
scroll_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BpAnswerView *self = g_task_get_source_object (task);
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL || !jsc_value_is_number (value) || self->question == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  self->kept_scroll = jsc_value_to_double (value);
  g_free (self->kept_scroll_id);
  self->kept_scroll_id = g_strdup (bp_question_get_id (self->question));
  g_task_return_boolean (task, TRUE);
}

/**
 * bp_answer_view_keep_scroll_async:
 *
 * Reads how far the page is scrolled; the next page of the same question (its deck read
 * again, say) opens scrolled there.
 */
void
bp_answer_view_keep_scroll_async (BpAnswerView        *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  static const char script[] = "return window.scrollY;";
  GTask *task;

  g_return_if_fail (BP_IS_ANSWER_VIEW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  webkit_web_view_call_async_javascript_function (self->web_view, script, -1, NULL,
                                                  SEARCH_HIGHLIGHT_WORLD, NULL, cancellable,
                                                  scroll_read_cb, task);
}

/**
 * bp_answer_view_keep_scroll_finish:
 *
 * Returns: whether the position was read; without it, the next page opens at its top
 */
gboolean
bp_answer_view_keep_scroll_finish (BpAnswerView  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
decide_policy_cb (BpAnswerView             *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type)
{
  gboolean allow = FALSE;

  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
      allow = allow_navigation (self, webkit_navigation_policy_decision_get_navigation_action (
                                        WEBKIT_NAVIGATION_POLICY_DECISION (decision)));
      break;

    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      /* Never a new window; a web link still opens in the browser. */
      allow_link_click (self, webkit_uri_request_get_uri (webkit_navigation_action_get_request (
        webkit_navigation_policy_decision_get_navigation_action (
          WEBKIT_NAVIGATION_POLICY_DECISION (decision)))));
      break;

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      allow = is_app_uri (webkit_uri_request_get_uri (
        webkit_response_policy_decision_get_request (WEBKIT_RESPONSE_POLICY_DECISION (decision))));
      break;

    default:
      break;
    }

  if (allow)
    webkit_policy_decision_use (decision);
  else
    webkit_policy_decision_ignore (decision);

  return TRUE;
}

static gboolean
context_menu_cb (BpAnswerView        *self,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit_test_result)
{
  /* Returning TRUE shows no menu at all, rather than an empty one. */
  return bp_answer_view_trim_context_menu (menu);
}

static void
update_background (BpAnswerView *self)
{
  /* The page's own background, painted before the first frame: no white flash in dark mode. */
  GdkRGBA color;

  gdk_rgba_parse (&color, bp_page_handler_get_current_theme () == BP_PAGE_THEME_DARK ? "#1e1e1e" : "#ffffff");
  webkit_web_view_set_background_color (self->web_view, &color);
}

static void
theme_switched_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BpAnswerView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);

  /* Should the page refuse the switch, a reload renders it again in the new variant. */
  if (value == NULL && (self->question != NULL || self->page_uri != NULL))
    {
      g_debug ("Switching the page's theme in place failed (%s); reloading it", error->message);
      webkit_web_view_reload (self->web_view);
    }
}

/* Re-colours the open page in place, keeping its scroll position. */
static void
dark_changed_cb (BpAnswerView *self)
{
  g_autofree char *script = NULL;
  const char *theme = bp_page_theme_to_string (bp_page_handler_get_current_theme ());

  update_background (self);

  if (self->question == NULL && self->page_uri == NULL)
    return;

  script = g_strdup_printf ("document.documentElement.className = '%s';"
                            "document.querySelector('meta[name=color-scheme]')"
                            ".setAttribute('content', '%s');",
                            theme, theme);
  webkit_web_view_evaluate_javascript (self->web_view, script, -1, NULL, NULL, NULL,
                                       theme_switched_cb, g_object_ref (self));
}

static void
fonts_changed_cb (BpAnswerView *self)
{
  _bp_answer_view_update_fonts (self->web_view);
}

static void
bp_answer_view_dispose (GObject *object)
{
  BpAnswerView *self = (BpAnswerView *)object;

  if (self->web_view != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->web_view));
      self->web_view = NULL;
    }

  g_clear_object (&self->question);
  g_clear_object (&self->page_handler);
  g_clear_pointer (&self->highlight, g_free);
  g_clear_pointer (&self->search_words, g_free);
  g_clear_pointer (&self->kept_scroll_id, g_free);
  g_clear_pointer (&self->notes_html, g_free);
  g_clear_pointer (&self->page_uri, g_free);

  G_OBJECT_CLASS (bp_answer_view_parent_class)->dispose (object);
}

static void
bp_answer_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BpAnswerView *self = BP_ANSWER_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE_HANDLER:
      g_value_set_object (value, self->page_handler);
      break;

    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_ZOOM_LEVEL:
      g_value_set_double (value, webkit_web_view_get_zoom_level (self->web_view));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_answer_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BpAnswerView *self = BP_ANSWER_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE_HANDLER:
      bp_answer_view_set_page_handler (self, g_value_get_object (value));
      break;

    case PROP_QUESTION:
      bp_answer_view_set_question (self, g_value_get_object (value));
      break;

    case PROP_ZOOM_LEVEL:
      webkit_web_view_set_zoom_level (self->web_view, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_answer_view_class_init (BpAnswerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_answer_view_dispose;
  object_class->get_property = bp_answer_view_get_property;
  object_class->set_property = bp_answer_view_set_property;

  /* Set once, at construction or by the widget that holds the view's template. */
  properties[PROP_PAGE_HANDLER] =
    g_param_spec_object ("page-handler", NULL, NULL,
                         BP_TYPE_PAGE_HANDLER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL,
                         BP_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The web view's, so that the text size is set without reaching into the view. */
  properties[PROP_ZOOM_LEVEL] =
    g_param_spec_double ("zoom-level", NULL, NULL,
                         0.0, G_MAXDOUBLE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BpAnswerView::open-question:
   *
   * A link in the page asks for another question of the deck.
   */
  signals[OPEN_QUESTION] =
    g_signal_new ("open-question",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BP_TYPE_QUESTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
zoom_level_changed_cb (BpAnswerView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LEVEL]);
}

/* The view's one child, made in code: the first view takes the one whose web process was
 * started before the window was built (bp_answer_view_prepare ()). */
static void
add_web_view (BpAnswerView *self)
{
  self->web_view = _bp_answer_view_take_web_view ();
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  g_object_unref (self->web_view);

  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "context-menu", G_CALLBACK (context_menu_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
bp_answer_view_init (BpAnswerView *self)
{
  add_web_view (self);
  _bp_answer_view_watch_crashes (self->web_view);
  bp_startup_trace_watch (self->web_view);
  _bp_answer_view_update_fonts (self->web_view);
  update_background (self);

  g_signal_connect_object (self->web_view, "notify::zoom-level",
                           G_CALLBACK (zoom_level_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (fonts_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * bp_answer_view_new:
 * @page_handler: (nullable): serves the view's pages; else set #BpAnswerView:page-handler once
 */
GtkWidget *
bp_answer_view_new (BpPageHandler *page_handler)
{
  g_return_val_if_fail (!page_handler || BP_IS_PAGE_HANDLER (page_handler), NULL);

  return g_object_new (BP_TYPE_ANSWER_VIEW, "page-handler", page_handler, NULL);
}

BpPageHandler *
bp_answer_view_get_page_handler (BpAnswerView *self)
{
  g_return_val_if_fail (BP_IS_ANSWER_VIEW (self), NULL);

  return self->page_handler;
}

/**
 * bp_answer_view_set_page_handler:
 * @page_handler: (nullable): serves the view's pages and resolves the links in them
 *
 * Set once: the pages shown so far came from this handler.
 */
void
bp_answer_view_set_page_handler (BpAnswerView  *self,
                                 BpPageHandler *page_handler)
{
  g_return_if_fail (BP_IS_ANSWER_VIEW (self));
  g_return_if_fail (!page_handler || BP_IS_PAGE_HANDLER (page_handler));
  g_return_if_fail (self->page_handler == NULL || self->page_handler == page_handler);

  if (g_set_object (&self->page_handler, page_handler))
    {
      if (page_handler != NULL)
        _bp_answer_view_watch_failed_images (self->web_view, page_handler);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_HANDLER]);
    }
}

/**
 * bp_answer_view_refresh_notes:
 *
 * Shows the open question's notes, as the store has them now, under the answer, in
 * place: the reader keeps their scroll position. The HTML goes in as an argument, never
 * spliced into the script. Notes the page already shows are not sent again: any change
 * of the question in the store (read, weak, reviewed) asks for this.
 */
void
bp_answer_view_refresh_notes (BpAnswerView *self)
{
  g_autofree char *html = NULL;
  GVariantDict arguments;

  g_return_if_fail (BP_IS_ANSWER_VIEW (self));

  if (self->question == NULL || self->page_handler == NULL)
    return;

  html = bp_page_handler_dup_notes_html (self->page_handler, self->question);
  if (html == NULL || g_strcmp0 (html, self->notes_html) == 0)
    return;

  g_free (self->notes_html);
  self->notes_html = g_strdup (html);

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "html", "s", html);
  webkit_web_view_call_async_javascript_function (self->web_view,
                                                  "document.getElementById('notes').innerHTML = html;",
                                                  -1, g_variant_dict_end (&arguments), NULL, NULL,
                                                  NULL, script_finished_cb,
                                                  (gpointer)"show the new notes in the page");
}

BpQuestion *
bp_answer_view_get_question (BpAnswerView *self)
{
  g_return_val_if_fail (BP_IS_ANSWER_VIEW (self), NULL);

  return self->question;
}

/**
 * bp_answer_view_set_question:
 * @question: (nullable): a question of a deck the page handler serves
 *
 * Loads the question's page. The handler renders it when the web view asks for it.
 */
static void
load_page (BpAnswerView *self)
{
  g_autofree char *uri = NULL;

  if (self->question == NULL)
    return;

  uri = self->answer_hidden ? bp_page_handler_dup_study_uri (self->question)
                            : bp_page_handler_dup_uri_for_question (self->question);
  /* The page is rendered when asked for: with these notes, or ones newer. */
  g_free (self->notes_html);
  self->notes_html = self->page_handler != NULL ? bp_page_handler_dup_notes_html (self->page_handler, self->question)
                                                : NULL;
  webkit_web_view_load_uri (self->web_view, uri);
}

void
bp_answer_view_set_question (BpAnswerView *self,
                             BpQuestion   *question)
{
  g_return_if_fail (BP_IS_ANSWER_VIEW (self));
  g_return_if_fail (!question || BP_IS_QUESTION (question));

  if (!g_set_object (&self->question, question))
    return;

  g_clear_pointer (&self->page_uri, g_free);
  load_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

/**
 * bp_answer_view_show_page:
 * @uri: a page of the app's scheme that belongs to no question, such as a deck's progress
 *
 * Shows @uri in place of the open question, which the view then has no more: its notes and
 * search marks stay out of the page. Setting a question leaves the page.
 */
void
bp_answer_view_show_page (BpAnswerView *self,
                          const char   *uri)
{
  g_return_if_fail (BP_IS_ANSWER_VIEW (self));
  g_return_if_fail (uri != NULL && is_app_uri (uri));

  g_free (self->page_uri);
  self->page_uri = g_strdup (uri);
  webkit_web_view_load_uri (self->web_view, uri);
  if (g_set_object (&self->question, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

/**
 * bp_answer_view_get_page_uri:
 *
 * Returns: (nullable): the page of no question shown (bp_answer_view_show_page()), if any
 */
const char *
bp_answer_view_get_page_uri (BpAnswerView *self)
{
  g_return_val_if_fail (BP_IS_ANSWER_VIEW (self), NULL);

  return self->page_uri;
}

/**
 * bp_answer_view_reload:
 *
 * Renders the page shown again, for what it shows has changed (a progress page's reviews).
 */
void
bp_answer_view_reload (BpAnswerView *self)
{
  g_return_if_fail (BP_IS_ANSWER_VIEW (self));

  if (self->question != NULL || self->page_uri != NULL)
    webkit_web_view_reload (self->web_view);
}

gboolean
bp_answer_view_get_answer_hidden (BpAnswerView *self)
{
  g_return_val_if_fail (BP_IS_ANSWER_VIEW (self), FALSE);

  return self->answer_hidden;
}

/**
 * bp_answer_view_set_answer_hidden:
 * @hidden: whether the page shows the question alone (its study page), with no answer HTML
 *
 * Revealing loads the answer's own page: until then, the web view has none of it.
 */
void
bp_answer_view_set_answer_hidden (BpAnswerView *self,
                                  gboolean      hidden)
{
  g_return_if_fail (BP_IS_ANSWER_VIEW (self));

  hidden = !!hidden;
  if (self->answer_hidden == hidden)
    return;

  self->answer_hidden = hidden;
  load_page (self);
}

/**
 * bp_answer_view_set_search:
 * @query: (nullable): what the user searched for, or %NULL for no search
 *
 * Marks the words of @query in this page and every page opened after it, as the deck's
 * search matches them; Enter and Shift+Enter (bp_answer_view_find_next()) move between
 * the places of its longest word.
 */
void
bp_answer_view_set_search (BpAnswerView *self,
                           const char   *query)
{
  g_auto(GStrv) split = bp_search_split_query (query);
  g_autofree char *highlight = bp_search_dup_highlight (query);
  /* Words have no spaces; WebKit passes strings to a script, not lists. */
  g_autofree char *words = split[0] != NULL ? g_strjoinv (" ", split) : NULL;

  g_return_if_fail (BP_IS_ANSWER_VIEW (self));

  if (g_strcmp0 (self->highlight, highlight) == 0 && g_strcmp0 (self->search_words, words) == 0)
    return;

  g_free (self->highlight);
  self->highlight = g_steal_pointer (&highlight);
  g_free (self->search_words);
  self->search_words = g_steal_pointer (&words);
  apply_highlight (self, FALSE);
}

void
bp_answer_view_find_next (BpAnswerView *self)
{
  g_return_if_fail (BP_IS_ANSWER_VIEW (self));

  if (self->highlight != NULL)
    webkit_find_controller_search_next (webkit_web_view_get_find_controller (self->web_view));
}

void
bp_answer_view_find_previous (BpAnswerView *self)
{
  g_return_if_fail (BP_IS_ANSWER_VIEW (self));

  if (self->highlight != NULL)
    webkit_find_controller_search_previous (webkit_web_view_get_find_controller (self->web_view));
}

WebKitWebView *
bp_answer_view_get_web_view (BpAnswerView *self)
{
  g_return_val_if_fail (BP_IS_ANSWER_VIEW (self), NULL);

  return self->web_view;
}
