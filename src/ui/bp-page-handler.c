/* bp-page-handler.c: the backprop: URI scheme, which serves every page of every open deck
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-page-handler"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bp-clock.h"
#include "bp-page-handler-private.h"
#include "bp-progress-page.h"

#define URI_PREFIX BP_PAGE_SCHEME "://"
#define ANSWER_ROUTE BP_PAGE_ANSWER_ROUTE
#define STUDY_ROUTE "study"
#define DECK_FILE_ROUTE "deck-file"
#define PROGRESS_ROUTE "progress"
#define NUMBER_LINK_PREFIX "question:"

struct _BpPageHandler
{
  GObject parent_instance;

  BpPageRenderer *renderer;
  GHashTable *decks;    /* deck id -> BpDeck */
  GHashTable *folders;  /* deck id -> the folder of its file, whose images pages show */
  BpStudyStore *store;  /* where the notes under an answer come from */
  BpReviews *reviews;   /* what a progress page shows */
};

G_DEFINE_FINAL_TYPE (BpPageHandler, bp_page_handler, G_TYPE_OBJECT)

G_DEFINE_QUARK (bp-page-handler-error-quark, bp_page_handler_error)

enum {
  PROP_0,
  PROP_RENDERER,
  PROP_STORE,
  PROP_REVIEWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DECK_FILE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One route per kind of page: backprop://<host>/<path>. A new kind of page is one entry. */
typedef GBytes *(*PageRoute) (BpPageHandler  *self,
                              const char     *path,
                              const char    **content_type,
                              GError        **error);

static GBytes *render_answer_page (BpPageHandler  *self,
                                   const char     *path,
                                   const char    **content_type,
                                   GError        **error);
static GBytes *render_study_page  (BpPageHandler  *self,
                                   const char     *path,
                                   const char    **content_type,
                                   GError        **error);
static GBytes *render_progress_page (BpPageHandler  *self,
                                     const char     *path,
                                     const char    **content_type,
                                     GError        **error);

/* Pages made from what is in memory; deck files are read from disk in a worker instead
 * (request_deck_file), so a large image on a slow disk never stalls the window. */
static const struct {
  const char *host;
  PageRoute render;
  const char *csp;
} routes[] = {
  { ANSWER_ROUTE, render_answer_page, BP_PAGE_CSP },
  { STUDY_ROUTE, render_study_page, BP_PAGE_CSP },
  { PROGRESS_ROUTE, render_progress_page, BP_PAGE_CSP },
};

/**
 * bp_page_handler_get_current_theme:
 *
 * Returns: the variant pages are rendered in now: the desktop's light or dark style
 */
BpPageTheme
bp_page_handler_get_current_theme (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  return adw_style_manager_get_dark (style_manager) ? BP_PAGE_THEME_DARK : BP_PAGE_THEME_LIGHT;
}

/* "backprop://<host>/<path>?query#fragment": the host, and the path unescaped. */
static gboolean
split_uri (const char  *uri,
           char       **host,
           char       **path)
{
  const char *start, *end, *slash;

  if (!g_str_has_prefix (uri, URI_PREFIX))
    return FALSE;

  start = uri + strlen (URI_PREFIX);
  end = start + strcspn (start, "?#");
  slash = memchr (start, '/', end - start);
  if (slash == NULL)
    return FALSE;

  *path = g_uri_unescape_segment (slash + 1, end, NULL);
  if (*path == NULL)
    return FALSE;

  *host = g_strndup (start, slash - start);
  return TRUE;
}

/* A question id is "<deck id>/<slug>"; slugs have no slash, deck ids may. */
static BpDeck *
lookup_deck_of_id (BpPageHandler *self,
                   const char    *question_id)
{
  const char *slash = strrchr (question_id, '/');
  g_autofree char *deck_id = NULL;

  if (slash == NULL)
    return NULL;

  deck_id = g_strndup (question_id, slash - question_id);
  return g_hash_table_lookup (self->decks, deck_id);
}

static BpQuestion *
lookup_question_id (BpPageHandler *self,
                    const char    *question_id)
{
  BpDeck *deck = lookup_deck_of_id (self, question_id);

  return deck != NULL ? bp_deck_find_by_id (deck, question_id) : NULL;
}

/* backprop://deck/<deck id>/<slug>: the answer, with the user's notes under it. */
static GBytes *
render_answer_page (BpPageHandler  *self,
                    const char     *path,
                    const char    **content_type,
                    GError        **error)
{
  BpQuestion *question = lookup_question_id (self, path);
  g_autofree char *notes = NULL;
  char *html;

  /* bp_page_handler_dup_blank_uri (): what a view shows before its first question. */
  if (*path == '\0')
    {
      html = bp_page_renderer_render_page (self->renderer, bp_page_handler_get_current_theme (), "", "", "");
      *content_type = "text/html";
      return g_bytes_new_take (html, strlen (html));
    }

  if (question == NULL)
    {
      g_set_error_literal (error, BP_PAGE_HANDLER_ERROR, BP_PAGE_HANDLER_ERROR_NOT_FOUND,
                           _("This page is not part of the open deck."));
      return NULL;
    }

  if (self->store != NULL)
    notes = bp_study_store_dup_notes (self->store, bp_question_get_id (question));

  html = bp_page_renderer_render (self->renderer, question, bp_page_handler_get_current_theme (), notes);
  *content_type = "text/html";
  return g_bytes_new_take (html, strlen (html));
}

/* backprop://study/<deck id>/<slug>: the question alone, while the user recalls the answer. */
static GBytes *
render_study_page (BpPageHandler  *self,
                   const char     *path,
                   const char    **content_type,
                   GError        **error)
{
  BpQuestion *question = lookup_question_id (self, path);
  char *html;

  if (question == NULL)
    {
      g_set_error_literal (error, BP_PAGE_HANDLER_ERROR, BP_PAGE_HANDLER_ERROR_NOT_FOUND,
                           _("This page is not part of the open deck."));
      return NULL;
    }

  html = bp_page_renderer_render_question (self->renderer, question,
                                           bp_page_handler_get_current_theme ());
  *content_type = "text/html";
  return g_bytes_new_take (html, strlen (html));
}

/* The deck's weak topics, as the set the progress page marks. */
static GHashTable *
dup_weak_ids (BpPageHandler *self,
              BpDeck        *deck)
{
  GHashTable *weak = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; self->store != NULL && i < bp_deck_get_n_questions (deck); i++)
    {
      const char *id = bp_question_get_id (bp_deck_get_question (deck, i));

      if (bp_study_store_get_weak (self->store, id))
        g_hash_table_add (weak, (gpointer)id);
    }
  return weak;
}

/* backprop://progress/<deck id>: every question's recall today, the due counts and the
 * reviews, from the reviews as they are now, on the study clock's day. */
static GBytes *
render_progress_page (BpPageHandler  *self,
                      const char     *path,
                      const char    **content_type,
                      GError        **error)
{
  BpDeck *deck = g_hash_table_lookup (self->decks, path);
  g_autoptr(GHashTable) weak = NULL;
  g_autofree char *body = NULL;
  BpProgressOptions options;
  char *html;

  if (deck == NULL || self->reviews == NULL)
    {
      g_set_error_literal (error, BP_PAGE_HANDLER_ERROR, BP_PAGE_HANDLER_ERROR_NOT_FOUND,
                           _("This deck’s progress is not open."));
      return NULL;
    }

  options.parameters = bp_reviews_get_parameters (self->reviews);
  options.day_offset_us = bp_reviews_get_day_offset (self->reviews);
  options.today = bp_review_day (bp_clock_now_us (), options.day_offset_us);
  options.retention = bp_reviews_get_retention (self->reviews);
  options.interview_day = bp_reviews_get_interview_day (self->reviews);
  weak = dup_weak_ids (self, deck);
  body = bp_progress_page_render (deck, bp_reviews_get_states (self->reviews),
                                  bp_review_log_get_events (bp_reviews_get_log (self->reviews)),
                                  weak, &options, NULL);
  html = bp_page_renderer_render_page (self->renderer, bp_page_handler_get_current_theme (),
                                       bp_deck_get_title_or (deck, _("Deck")), _("Progress"), body);
  *content_type = "text/html";
  return g_bytes_new_take (html, strlen (html));
}

static GBytes *
render_page (BpPageHandler  *self,
             const char     *uri,
             const char    **content_type,
             const char    **csp,
             GError        **error)
{
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;

  if (split_uri (uri, &host, &path))
    for (gsize i = 0; i < G_N_ELEMENTS (routes); i++)
      if (g_str_equal (routes[i].host, host))
        {
          *csp = routes[i].csp;
          return routes[i].render (self, path, content_type, error);
        }

  g_set_error (error, BP_PAGE_HANDLER_ERROR, BP_PAGE_HANDLER_ERROR_UNKNOWN_ROUTE,
               _("Backprop has no page at “%s”."), uri);
  return NULL;
}

static void
request_deck_file (BpPageHandler          *self,
                   WebKitURISchemeRequest *request,
                   const char             *path)
{
  const char *slash = strchr (path, '/');
  g_autofree char *deck_id = slash != NULL ? g_strndup (path, slash - path) : NULL;
  const char *folder = deck_id != NULL ? g_hash_table_lookup (self->folders, deck_id) : NULL;

  if (folder == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (BP_PAGE_HANDLER_ERROR, BP_PAGE_HANDLER_ERROR_NOT_FOUND,
                                                     _("This image is not part of an open deck."));

      g_debug ("%s refused: %s", webkit_uri_scheme_request_get_uri (request), error->message);
      /* Said before the request is finished, which frees it, and before its page can load. */
      _bp_page_handler_deck_file_failed (self, request, NULL, slash != NULL ? slash + 1 : path, error);
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }
  _bp_page_handler_finish_with_deck_file (self, request, deck_id, folder, slash + 1);
}

static gboolean
is_deck_file_uri (const char  *uri,
                  char       **path)
{
  g_autofree char *host = NULL;

  if (!split_uri (uri, &host, path))
    return FALSE;
  if (g_str_equal (host, DECK_FILE_ROUTE))
    return TRUE;

  g_clear_pointer (path, g_free);
  return FALSE;
}

/* Pages are generated on request, so a page always shows the current theme, answer and notes.
 * The web context outlives the application, so it holds the handler only weakly. */
static void
request_cb (WebKitURISchemeRequest *request,
            gpointer                user_data)
{
  g_autoptr(BpPageHandler) self = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *deck_file = NULL;
  const char *content_type = NULL;
  const char *csp = BP_PAGE_CSP;

  if (self != NULL && is_deck_file_uri (webkit_uri_scheme_request_get_uri (request), &deck_file))
    {
      request_deck_file (self, request, deck_file);
      return;
    }

  if (self != NULL)
    bytes = render_page (self, webkit_uri_scheme_request_get_uri (request), &content_type, &csp, &error);
  else
    g_set_error_literal (&error, BP_PAGE_HANDLER_ERROR, BP_PAGE_HANDLER_ERROR_NOT_FOUND,
                         _("Backprop is closing."));

  /* With G_MESSAGES_DEBUG=bp-page-handler, what each request got: how the Flatpak test
   * tells an image served from a granted folder from one the sandbox kept out. */
  if (bytes != NULL)
    {
      g_debug ("%s: %" G_GSIZE_FORMAT " bytes, %s", webkit_uri_scheme_request_get_uri (request),
               g_bytes_get_size (bytes), content_type);
      _bp_page_handler_finish_with_bytes (request, bytes, content_type, csp);
    }
  else
    {
      g_debug ("%s refused: %s", webkit_uri_scheme_request_get_uri (request), error->message);
      webkit_uri_scheme_request_finish_error (request, error);
    }
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
bp_page_handler_dispose (GObject *object)
{
  BpPageHandler *self = (BpPageHandler *)object;

  g_hash_table_remove_all (self->decks);
  g_hash_table_remove_all (self->folders);
  g_clear_object (&self->store);
  g_clear_object (&self->reviews);

  G_OBJECT_CLASS (bp_page_handler_parent_class)->dispose (object);
}

static void
bp_page_handler_finalize (GObject *object)
{
  BpPageHandler *self = (BpPageHandler *)object;

  g_clear_pointer (&self->decks, g_hash_table_unref);
  g_clear_pointer (&self->folders, g_hash_table_unref);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (bp_page_handler_parent_class)->finalize (object);
}

static void
bp_page_handler_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BpPageHandler *self = BP_PAGE_HANDLER (object);

  switch (prop_id)
    {
    case PROP_RENDERER:
      g_value_set_object (value, self->renderer);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REVIEWS:
      g_value_set_object (value, self->reviews);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_page_handler_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BpPageHandler *self = BP_PAGE_HANDLER (object);

  switch (prop_id)
    {
    case PROP_RENDERER:
      self->renderer = g_value_dup_object (value);
      break;

    case PROP_STORE:
      bp_page_handler_set_store (self, g_value_get_object (value));
      break;

    case PROP_REVIEWS:
      bp_page_handler_set_reviews (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_page_handler_class_init (BpPageHandlerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bp_page_handler_dispose;
  object_class->finalize = bp_page_handler_finalize;
  object_class->get_property = bp_page_handler_get_property;
  object_class->set_property = bp_page_handler_set_property;

  properties[PROP_RENDERER] =
    g_param_spec_object ("renderer", NULL, NULL,
                         BP_TYPE_PAGE_RENDERER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BP_TYPE_STUDY_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEWS] =
    g_param_spec_object ("reviews", NULL, NULL,
                         BP_TYPE_REVIEWS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BpPageHandler::deck-file-failed:
   * @web_view: (nullable): the view whose page asked for the file
   * @deck_id: (nullable): the deck whose page asked for the file, %NULL if it is open no more
   * @relative_path: the file's path in the deck's folder, as the page named it
   * @error: why it was not served: missing, unreadable, a link out of the folder, no image
   *
   * An image of a deck's folder could not be shown: in a sandbox that was given the deck's
   * file alone, every image beside it, which Open Folder… would grant. The view then puts
   * the page's placeholder in its place.
   */
  signals[DECK_FILE_FAILED] =
    g_signal_new ("deck-file-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  WEBKIT_TYPE_WEB_VIEW, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_ERROR);
}

/* See bp-page-handler-private.h. */
void
_bp_page_handler_deck_file_failed (BpPageHandler          *self,
                                   WebKitURISchemeRequest *request,
                                   const char             *deck_id,
                                   const char             *relative_path,
                                   const GError           *error)
{
  g_signal_emit (self, signals[DECK_FILE_FAILED], 0, webkit_uri_scheme_request_get_web_view (request),
                 deck_id, relative_path, error);
}

static void
bp_page_handler_init (BpPageHandler *self)
{
  self->decks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

BpPageHandler *
bp_page_handler_new (BpPageRenderer *renderer)
{
  g_return_val_if_fail (BP_IS_PAGE_RENDERER (renderer), NULL);

  return g_object_new (BP_TYPE_PAGE_HANDLER, "renderer", renderer, NULL);
}

/**
 * bp_page_handler_register:
 * @context: the web context whose views show the app's pages
 *
 * Serves the backprop: scheme in @context, as a secure origin. Call it once per context.
 */
void
bp_page_handler_register (BpPageHandler    *self,
                          WebKitWebContext *context)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_return_if_fail (BP_IS_PAGE_HANDLER (self));
  g_return_if_fail (WEBKIT_IS_WEB_CONTEXT (context));

  g_weak_ref_init (ref, self);
  webkit_web_context_register_uri_scheme (context, BP_PAGE_SCHEME, request_cb, ref, weak_ref_free);
  webkit_security_manager_register_uri_scheme_as_secure (webkit_web_context_get_security_manager (context),
                                                         BP_PAGE_SCHEME);
}

BpPageRenderer *
bp_page_handler_get_renderer (BpPageHandler *self)
{
  g_return_val_if_fail (BP_IS_PAGE_HANDLER (self), NULL);

  return self->renderer;
}

/**
 * bp_page_handler_add_deck:
 *
 * Serves @deck's pages, in place of any deck with the same id.
 */
void
bp_page_handler_add_deck (BpPageHandler *self,
                          BpDeck        *deck)
{
  g_return_if_fail (BP_IS_PAGE_HANDLER (self));
  g_return_if_fail (BP_IS_DECK (deck));

  g_hash_table_replace (self->decks, g_strdup (bp_deck_get_id (deck)), g_object_ref (deck));
}

void
bp_page_handler_remove_deck (BpPageHandler *self,
                             const char    *deck_id)
{
  g_return_if_fail (BP_IS_PAGE_HANDLER (self));
  g_return_if_fail (deck_id != NULL);

  g_hash_table_remove (self->decks, deck_id);
  g_hash_table_remove (self->folders, deck_id);
}

/**
 * bp_page_handler_set_deck_folder:
 * @folder: (nullable): the folder of the deck's file, or %NULL for a deck without one
 *
 * Serves the images in @folder (and below it, never above) at
 * backprop://deck-file/<deck id>/<path>, where an untrusted deck's pages show them.
 */
void
bp_page_handler_set_deck_folder (BpPageHandler *self,
                                 const char    *deck_id,
                                 const char    *folder)
{
  g_return_if_fail (BP_IS_PAGE_HANDLER (self));
  g_return_if_fail (deck_id != NULL);

  if (folder != NULL)
    g_hash_table_replace (self->folders, g_strdup (deck_id), g_strdup (folder));
  else
    g_hash_table_remove (self->folders, deck_id);
}

/**
 * bp_page_handler_lookup_deck:
 *
 * Returns: (transfer none) (nullable): the deck served under @deck_id
 */
BpDeck *
bp_page_handler_lookup_deck (BpPageHandler *self,
                             const char    *deck_id)
{
  g_return_val_if_fail (BP_IS_PAGE_HANDLER (self), NULL);
  g_return_val_if_fail (deck_id != NULL, NULL);

  return g_hash_table_lookup (self->decks, deck_id);
}

BpStudyStore *
bp_page_handler_get_store (BpPageHandler *self)
{
  g_return_val_if_fail (BP_IS_PAGE_HANDLER (self), NULL);

  return self->store;
}

/**
 * bp_page_handler_set_store:
 * @store: (nullable): where the notes shown under each answer come from
 */
void
bp_page_handler_set_store (BpPageHandler *self,
                           BpStudyStore  *store)
{
  g_return_if_fail (BP_IS_PAGE_HANDLER (self));
  g_return_if_fail (!store || BP_IS_STUDY_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

BpReviews *
bp_page_handler_get_reviews (BpPageHandler *self)
{
  g_return_val_if_fail (BP_IS_PAGE_HANDLER (self), NULL);

  return self->reviews;
}

/**
 * bp_page_handler_set_reviews:
 * @reviews: (nullable): the memory states and the log a deck's progress page shows
 */
void
bp_page_handler_set_reviews (BpPageHandler *self,
                             BpReviews     *reviews)
{
  g_return_if_fail (BP_IS_PAGE_HANDLER (self));
  g_return_if_fail (!reviews || BP_IS_REVIEWS (reviews));

  if (g_set_object (&self->reviews, reviews))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWS]);
}

/**
 * bp_page_handler_dup_progress_uri:
 *
 * Returns: (transfer full): backprop://progress/<deck id>, the page of @deck_id's progress
 */
char *
bp_page_handler_dup_progress_uri (const char *deck_id)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (deck_id != NULL, NULL);

  escaped = g_uri_escape_string (deck_id, "/", FALSE);
  return g_strconcat (URI_PREFIX PROGRESS_ROUTE "/", escaped, NULL);
}

/**
 * bp_page_handler_dup_blank_uri:
 *
 * Returns: (transfer full): backprop://deck/, an empty page in the answers' style, of the
 *   same site as the answers
 */
char *
bp_page_handler_dup_blank_uri (void)
{
  return g_strdup (BP_PAGE_BLANK_URI);
}

/**
 * bp_page_handler_dup_uri_for_question:
 *
 * Returns: (transfer full): backprop://deck/<deck id>/<slug>, the URI of @question's answer
 */
char *
bp_page_handler_dup_uri_for_question (BpQuestion *question)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (BP_IS_QUESTION (question), NULL);

  escaped = g_uri_escape_string (bp_question_get_id (question), "/", FALSE);
  return g_strconcat (URI_PREFIX ANSWER_ROUTE "/", escaped, NULL);
}

/**
 * bp_page_handler_dup_study_uri:
 *
 * Returns: (transfer full): backprop://study/<deck id>/<slug>, @question's page without its
 *   answer
 */
char *
bp_page_handler_dup_study_uri (BpQuestion *question)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (BP_IS_QUESTION (question), NULL);

  escaped = g_uri_escape_string (bp_question_get_id (question), "/", FALSE);
  return g_strconcat (URI_PREFIX STUDY_ROUTE "/", escaped, NULL);
}

/* "question:9" in an answer: question 9 of the deck the link is in. */
static BpQuestion *
lookup_question_by_number (BpPageHandler *self,
                           const char    *number_text,
                           BpQuestion    *from)
{
  BpDeck *deck = from != NULL ? lookup_deck_of_id (self, bp_question_get_id (from)) : NULL;
  guint64 number;

  if (deck == NULL ||
      !g_ascii_string_to_unsigned (number_text, 10, 1, G_MAXUINT, &number, NULL))
    return NULL;

  return bp_deck_find_by_number (deck, (guint)number);
}

/**
 * bp_page_handler_lookup_question:
 * @uri: an answer's URI, or a "question:N" link
 * @from: (nullable): the question whose page holds the link, for "question:N"
 *
 * Returns: (transfer none) (nullable): the question @uri opens, if its deck is served
 */
BpQuestion *
bp_page_handler_lookup_question (BpPageHandler *self,
                                 const char    *uri,
                                 BpQuestion    *from)
{
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BP_IS_PAGE_HANDLER (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (!from || BP_IS_QUESTION (from), NULL);

  if (g_str_has_prefix (uri, NUMBER_LINK_PREFIX))
    return lookup_question_by_number (self, uri + strlen (NUMBER_LINK_PREFIX), from);

  if (!split_uri (uri, &host, &path) || !g_str_equal (host, ANSWER_ROUTE))
    return NULL;

  return lookup_question_id (self, path);
}

/**
 * bp_page_handler_dup_notes_html:
 *
 * Returns: (transfer full) (nullable): @question's notes as the page shows them, or %NULL
 *   without a store
 */
char *
bp_page_handler_dup_notes_html (BpPageHandler *self,
                                BpQuestion    *question)
{
  g_autofree char *notes = NULL;

  g_return_val_if_fail (BP_IS_PAGE_HANDLER (self), NULL);
  g_return_val_if_fail (BP_IS_QUESTION (question), NULL);

  if (self->store == NULL)
    return NULL;

  notes = bp_study_store_dup_notes (self->store, bp_question_get_id (question));
  return bp_page_renderer_render_notes (notes);
}

