/* bp-page-handler-response.c: the backprop: scheme's answers: headers, and deck files read in a worker
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-page-handler"

#include "config.h"

#include "bp-deck-files.h"
#include "bp-page-handler-private.h"
#include "bp-workers.h"

/* A deck's SVG image opened as a document, were it ever, runs nothing: "sandbox". */
#define DECK_FILE_CSP BP_PAGE_CSP "; sandbox"

/* Every answer carries the page's policy in its headers too. */
void
_bp_page_handler_finish_with_bytes (WebKitURISchemeRequest *request,
                                    GBytes                 *bytes,
                                    const char             *content_type,
                                    const char             *csp)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(WebKitURISchemeResponse) response = NULL;
  SoupMessageHeaders *headers;

  response = webkit_uri_scheme_response_new (stream, g_bytes_get_size (bytes));
  webkit_uri_scheme_response_set_content_type (response, content_type);

  /* The same policy as the page's <meta>, so it holds even before the head is parsed. */
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_append (headers, "Content-Security-Policy", csp);
  soup_message_headers_append (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_append (headers, "Cache-Control", "no-store");
  webkit_uri_scheme_response_set_http_headers (response, headers);

  webkit_uri_scheme_request_finish_with_response (request, response);
}

/* Deck files
 *
 * backprop://deck-file/<deck id>/<path>: an image beside an opened deck's file, never a
 * file outside its folder (see bp-deck-files.c), resolved and read in a worker, so a large
 * image on a slow disk never stalls the window. */
typedef struct
{
  GWeakRef handler; /* told when the file cannot be shown */
  char *deck_id;
  char *folder;
  char *relative_path;
  const char *content_type;
} DeckFileJob;

static void
deck_file_job_free (gpointer data)
{
  DeckFileJob *job = data;

  g_weak_ref_clear (&job->handler);
  g_free (job->deck_id);
  g_free (job->folder);
  g_free (job->relative_path);
  g_free (job);
}

static void
deck_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DeckFileJob *job = task_data;
  GError *error = NULL;
  GBytes *bytes = bp_deck_files_load (job->folder, job->relative_path, &job->content_type, &error);

  if (bytes != NULL)
    g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
  else
    g_task_return_error (task, error);
}

static void
deck_file_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(WebKitURISchemeRequest) request = user_data;
  DeckFileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);

  /* Logged as the other pages are (see request_cb in bp-page-handler.c). */
  if (bytes != NULL)
    {
      g_debug ("%s: %" G_GSIZE_FORMAT " bytes, %s", webkit_uri_scheme_request_get_uri (request),
               g_bytes_get_size (bytes), job->content_type);
      _bp_page_handler_finish_with_bytes (request, bytes, job->content_type, DECK_FILE_CSP);
    }
  else
    {
      g_autoptr(BpPageHandler) handler = g_weak_ref_get (&job->handler);

      g_debug ("%s refused: %s", webkit_uri_scheme_request_get_uri (request), error->message);
      /* Said before its page can load, so that the view shows a placeholder once it has. */
      if (handler != NULL)
        _bp_page_handler_deck_file_failed (handler, request, job->deck_id, job->relative_path, error);
      webkit_uri_scheme_request_finish_error (request, error);
    }
}

/* @relative_path in @folder, @deck_id's, answers @request when it is read; when it cannot be,
 * @self says so (see the deck-file-failed signal). */
void
_bp_page_handler_finish_with_deck_file (BpPageHandler          *self,
                                        WebKitURISchemeRequest *request,
                                        const char             *deck_id,
                                        const char             *folder,
                                        const char             *relative_path)
{
  g_autoptr(GTask) task = NULL;
  DeckFileJob *job = g_new0 (DeckFileJob, 1);

  g_weak_ref_init (&job->handler, self);
  job->deck_id = g_strdup (deck_id);
  job->folder = g_strdup (folder);
  job->relative_path = g_strdup (relative_path);
  task = g_task_new (NULL, NULL, deck_file_read_cb, g_object_ref (request));
  g_task_set_source_tag (task, _bp_page_handler_finish_with_deck_file);
  g_task_set_task_data (task, job, deck_file_job_free);
  bp_workers_run_in_thread (task, deck_file_thread);
}
