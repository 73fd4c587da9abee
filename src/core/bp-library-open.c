/* bp-library-open.c: opening a deck file in a worker thread, and knowing it again when moved
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bp-deck-parser.h"
#include "bp-library-private.h"
#include "bp-workers.h"

/* How many question ids, after the title, tell one deck from another. */
#define FINGERPRINT_QUESTIONS 3

/* What the worker needs to know of another deck of the library: plain copies, so the
 * worker never touches the library's objects. */
typedef struct
{
  char *id;
  char *path;
  char *fingerprint;
} Known;

typedef struct
{
  GFile *file;
  char *path;
  char *id_at_path;  /* the id of the deck last seen at this path, if any */
  GArray *others;    /* Known: every other deck opened from a file */
  BpDeckProgress *progress;  /* nullable */
  BpLibraryOpened *opened;
} OpenJob;

static void
known_clear (gpointer data)
{
  Known *known = data;

  g_free (known->id);
  g_free (known->path);
  g_free (known->fingerprint);
}

static void
opened_free (BpLibraryOpened *opened)
{
  g_free (opened->path);
  g_free (opened->id);
  g_free (opened->fingerprint);
  g_free (opened->checksum);
  g_clear_object (&opened->deck);
  g_free (opened);
}

static void
open_job_free (gpointer data)
{
  OpenJob *job = data;

  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job->id_at_path);
  g_clear_pointer (&job->others, g_array_unref);
  g_clear_pointer (&job->progress, bp_deck_progress_unref);
  g_clear_pointer (&job->opened, opened_free);
  g_free (job);
}

/**
 * bp_library_fingerprint:
 *
 * What stays when a deck's file is renamed or moved: its title and the ids of its first
 * questions, without the deck id. Pure.
 *
 * Returns: (transfer full): the fingerprint, one line per part
 */
char *
bp_library_fingerprint (BpDeck *deck)
{
  GString *fingerprint = g_string_new (bp_deck_get_title (deck));
  gsize id_length = strlen (bp_deck_get_id (deck));

  g_return_val_if_fail (BP_IS_DECK (deck), NULL);

  /* A deck without a heading has its id as title, which differs with every id. */
  if (!bp_deck_get_has_title (deck))
    g_string_truncate (fingerprint, 0);

  for (guint i = 0; i < MIN (bp_deck_get_n_questions (deck), FINGERPRINT_QUESTIONS); i++)
    {
      const char *question_id = bp_question_get_id (bp_deck_get_question (deck, i));

      g_string_append_c (fingerprint, '\n');
      g_string_append (fingerprint, question_id + id_length + 1);
    }

  return g_string_free (fingerprint, FALSE);
}

/* The parser's verdict on the bytes, in the library's own codes. */
static int
library_code_for (const GError *parse_error)
{
  if (g_error_matches (parse_error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_EMPTY))
    return BP_LIBRARY_ERROR_EMPTY;
  if (g_error_matches (parse_error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_TOO_LARGE))
    return BP_LIBRARY_ERROR_TOO_LARGE;
  if (g_error_matches (parse_error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_BINARY))
    return BP_LIBRARY_ERROR_BINARY;
  return BP_LIBRARY_ERROR_NOT_A_DECK;
}

static BpDeck *
read_deck (const char      *deck_id,
           GBytes          *bytes,
           BpDeckProgress  *progress,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GError) parse_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  BpDeck *deck = NULL;

  if (bp_deck_parser_check_bytes (data, length, &parse_error))
    deck = bp_deck_parser_parse_with_progress (deck_id, data, length, BP_DECK_UNTRUSTED, progress,
                                               cancellable, &parse_error);
  if (deck == NULL && g_error_matches (parse_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&parse_error));
  else if (deck == NULL)
    g_set_error_literal (error, BP_LIBRARY_ERROR, library_code_for (parse_error),
                         parse_error->message);

  return deck;
}

/**
 * bp_library_read_deck:
 * @deck_id: the id the deck's questions are keyed by
 * @bytes: the file's content
 *
 * Reads an opened (untrusted) deck, refusing what is no markdown deck: the parser says
 * why (empty, too large, binary, not UTF-8, no questions). Pure.
 *
 * Returns: (transfer full): the deck, or %NULL with @error set in %BP_LIBRARY_ERROR
 */
BpDeck *
bp_library_read_deck (const char  *deck_id,
                      GBytes      *bytes,
                      GError     **error)
{
  return read_deck (deck_id, bytes, NULL, NULL, error);
}

/* Refused before reading: a huge file is never loaded into memory. */
static GBytes *
read_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, BP_LIBRARY_ERROR, BP_LIBRARY_ERROR_UNREADABLE,
                   _("It is a folder, not a deck file."));
      return NULL;
    }
  if (info != NULL && g_file_info_get_size (info) > BP_DECK_MAX_SIZE)
    {
      g_set_error (error, BP_LIBRARY_ERROR, BP_LIBRARY_ERROR_TOO_LARGE,
                   _("The file is %.0f MB; a deck is at most %d MB. Split it into smaller decks."),
                   g_file_info_get_size (info) / (1024.0 * 1024.0), BP_DECK_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (info == NULL || (bytes = g_file_load_bytes (file, cancellable, NULL, &local_error)) == NULL)
    {
      g_set_error (error, BP_LIBRARY_ERROR, BP_LIBRARY_ERROR_UNREADABLE,
                   _("The file could not be read: %s"), local_error->message);
      return NULL;
    }

  return bytes;
}

/* A random id, so that no two decks share one, whatever their files are called. */
static char *
new_deck_id (OpenJob *job)
{
  for (;;)
    {
      g_autofree char *id = g_strdup_printf ("deck-%08x%04x", g_random_int (),
                                             g_random_int_range (0, 0x10000));
      gboolean used = FALSE;

      for (guint i = 0; i < job->others->len; i++)
        used |= g_str_equal (g_array_index (job->others, Known, i).id, id);
      if (!used)
        return g_steal_pointer (&id);
    }
}

/* A deck the library lost track of (its file is gone) and whose start reads the same:
 * the same deck, renamed or moved. A copy beside a file still there is another deck. */
static const char *
find_moved (OpenJob    *job,
            const char *fingerprint)
{
  for (guint i = 0; i < job->others->len; i++)
    {
      Known *known = &g_array_index (job->others, Known, i);

      if (g_strcmp0 (known->fingerprint, fingerprint) == 0 &&
          !g_file_test (known->path, G_FILE_TEST_EXISTS))
        return known->id;
    }

  return NULL;
}

static BpLibraryOpened *
open_in_worker (OpenJob       *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GBytes) bytes = read_file (job->file, cancellable, error);
  g_autofree char *id = job->id_at_path != NULL ? g_strdup (job->id_at_path) : new_deck_id (job);
  g_autoptr(BpDeck) deck = NULL;
  g_autofree char *fingerprint = NULL;
  BpLibraryOpened *opened;
  const char *moved;

  if (bytes == NULL || (deck = read_deck (id, bytes, job->progress, cancellable, error)) == NULL)
    return NULL;

  fingerprint = bp_library_fingerprint (deck);
  if (job->id_at_path == NULL && (moved = find_moved (job, fingerprint)) != NULL)
    {
      /* Question ids hold the deck id: read it again under the one it had. */
      g_clear_object (&deck);
      g_free (id);
      id = g_strdup (moved);
      if ((deck = read_deck (id, bytes, job->progress, cancellable, error)) == NULL)
        return NULL;
    }

  opened = g_new0 (BpLibraryOpened, 1);
  opened->path = g_strdup (job->path);
  opened->id = g_steal_pointer (&id);
  opened->fingerprint = g_steal_pointer (&fingerprint);
  opened->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  opened->deck = g_steal_pointer (&deck);
  return opened;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (job->file);

  job->opened = open_in_worker (job, cancellable, &error);
  if (job->opened != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Translators: "Could not open “/home/ada/sql.md”: The file is empty." */
  g_prefix_error (&error, _("Could not open “%s”: "), name);
  g_task_return_error (task, g_steal_pointer (&error));
}

static GArray *
copy_others (BpLibrary  *self,
             const char *path)
{
  GArray *others = g_array_new (FALSE, TRUE, sizeof (Known));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self));

  g_array_set_clear_func (others, known_clear);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BpLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self), i);
      Known known = {
        .id = g_strdup (bp_library_entry_get_id (entry)),
        .path = g_strdup (bp_library_entry_get_path (entry)),
        .fingerprint = g_strdup (_bp_library_entry_get_fingerprint (entry)),
      };

      if (g_strcmp0 (known.path, path) != 0)
        g_array_append_val (others, known);
      else
        known_clear (&known);
    }

  return others;
}

/**
 * bp_library_open_async:
 *
 * bp_library_open_with_progress_async() with no progress.
 */
void
bp_library_open_async (BpLibrary           *self,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  bp_library_open_with_progress_async (self, file, NULL, cancellable, callback, user_data);
}

/**
 * bp_library_open_with_progress_async:
 * @file: a markdown deck
 * @progress: (nullable): advanced from 0 to 1 as the worker parses
 * @cancellable: (nullable): stops the parse between chunks; nothing joins the library
 *
 * Reads and parses @file in a worker thread. On success the deck joins the library (or,
 * opened before, takes its new content and place) and the library is saved; a file that
 * is no deck changes nothing. A file opened before at another path that is now gone
 * keeps its id, and with it its study data.
 */
void
bp_library_open_with_progress_async (BpLibrary           *self,
                                     GFile               *file,
                                     BpDeckProgress      *progress,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BpLibraryEntry *known;
  OpenJob *job;

  g_return_if_fail (BP_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (OpenJob, 1);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    job->path = g_file_get_uri (file);
  known = bp_library_lookup_path (self, job->path);
  job->id_at_path = known != NULL ? g_strdup (bp_library_entry_get_id (known)) : NULL;
  job->others = copy_others (self, job->path);
  job->progress = progress != NULL ? bp_deck_progress_ref (progress) : NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bp_library_open_async);
  g_task_set_task_data (task, job, open_job_free);
  bp_workers_run_in_thread (task, open_thread);
}

/**
 * bp_library_open_finish:
 *
 * Returns: (transfer none): the deck's entry, its deck read, or %NULL with @error set:
 *   a message that names the file and says what is wrong with it
 */
BpLibraryEntry *
bp_library_open_finish (BpLibrary     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  OpenJob *job;

  g_return_val_if_fail (BP_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  return _bp_library_remember (self, job->opened);
}
