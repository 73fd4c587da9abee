/* bp-review-log.c: the review log file: read, appended to durably, merged when another Backprop changed it
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-review-log"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bp-review-log.h"

/*
 * The log is the truth of every review: lines are only ever appended, each with fsync before
 * the append returns, so a kill loses at most the line being written. The file is never
 * rewritten. A damaged line stays where it is and is reported; the cut last line a crash
 * leaves is ignored, and cut off by the next append. Another Backprop
 * writing the same file through a synced folder is merged by event id: its events are added,
 * and ours that its copy lacks are appended again.
 */

/* How far back from the end a cut last line is looked for: far more than any line. */
#define MAX_TAIL_LENGTH 65536

struct _BpReviewLog
{
  GObject parent_instance;

  char         *path;
  GPtrArray    *events;      /* BpReviewEvent, in the order first seen */
  GHashTable   *ids;         /* event id (borrowed) -> BpReviewEvent */
  GPtrArray    *problems;    /* BpReviewProblem of the last read */
  GFileMonitor *monitor;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BpReviewLog, bp_review_log, G_TYPE_OBJECT)

/* Event ids are 128 random bits (or a checksum's): any 64 of them, folded, hash well, and far
 * faster than g_str_hash() over 32 characters. */
static guint
event_id_hash (gconstpointer id)
{
  guint64 parts[4];

  memcpy (parts, id, sizeof parts);
  parts[0] ^= parts[1] * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ parts[2] ^ (parts[3] >> 7);
  return (guint)(parts[0] ^ (parts[0] >> 29));
}

static gboolean
event_id_equal (gconstpointer a,
                gconstpointer b)
{
  return memcmp (a, b, BP_REVIEW_EVENT_ID_LENGTH) == 0;
}

static GHashTable *
event_id_set_new (void)
{
  return g_hash_table_new (event_id_hash, event_id_equal);
}

static void
bp_review_log_finalize (GObject *object)
{
  BpReviewLog *self = BP_REVIEW_LOG (object);

  g_clear_object (&self->monitor);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->path);

  G_OBJECT_CLASS (bp_review_log_parent_class)->finalize (object);
}

static void
bp_review_log_class_init (BpReviewLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_review_log_finalize;

  /**
   * BpReviewLog::changed:
   *
   * Events another Backprop wrote were merged in.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bp_review_log_init (BpReviewLog *self)
{
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_event_free);
  self->ids = event_id_set_new ();
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_problem_free);
}

/* @path: the log file, made at the first append if missing */
BpReviewLog *
bp_review_log_new (const char *path)
{
  BpReviewLog *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (BP_TYPE_REVIEW_LOG, NULL);
  self->path = g_strdup (path);
  return self;
}

const char *
bp_review_log_get_path (BpReviewLog *self)
{
  g_return_val_if_fail (BP_IS_REVIEW_LOG (self), NULL);
  return self->path;
}

/* @id: room for BP_REVIEW_EVENT_ID_LENGTH + 1 characters, 128 random bits */
void
bp_review_log_new_event_id (char *id)
{
  guint32 bits[4];

  for (guint i = 0; i < G_N_ELEMENTS (bits); i++)
    bits[i] = g_random_int ();
  bp_review_event_id_from_bits (id, bits);
}

static void
set_error_from_errno (GError    **error,
                      int         saved_errno,
                      const char *format,
                      const char *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), format, name,
               g_strerror (saved_errno));
}

static void
remember (BpReviewLog   *self,
          BpReviewEvent *event)
{
  g_ptr_array_add (self->events, event);
  g_hash_table_insert (self->ids, event->id, event);
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

/* A last line without its break was cut by a kill or a power cut: it was never acknowledged,
 * and is cut off, even when what is left reads as a line (a question id cut short does). A
 * tail longer than any line this writes is not ours to cut: it is ended, and reported as
 * damaged from then on. */
static gboolean
repair_tail (int   fd,
             off_t size)
{
  gsize length = MIN ((gsize)size, MAX_TAIL_LENGTH);
  g_autofree char *tail = g_malloc (length);
  const char *line_start;

  if (pread (fd, tail, length, size - length) != (gssize)length)
    return FALSE;
  if (tail[length - 1] == '\n')
    return TRUE;

  line_start = g_strrstr_len (tail, length, "\n");
  if (line_start == NULL && (gsize)size > length)
    return write_all (fd, "\n", 1);
  line_start = line_start ? line_start + 1 : tail;
  return ftruncate (fd, size - (tail + length - line_start)) == 0;
}

static int
open_for_append (const char  *path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_error_from_errno (error, errno, _("Could not make the folder of the review log %s: %s"),
                            dir);
      return -1;
    }

  fd = g_open (path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_error_from_errno (error, errno, _("Could not open the review log %s: %s"), path);
      return -1;
    }
  /* Another Backprop on this machine appends between whole lines only. */
  while (flock (fd, LOCK_EX) != 0 && errno == EINTR)
    ;

  /* A new file's name is durable only once its folder is. */
  if (!existed)
    {
      int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

      if (dir_fd >= 0)
        {
          fsync (dir_fd);
          close (dir_fd);
        }
    }
  return fd;
}

/* Appends @lines (whole lines) after repairing a cut tail, then syncs them to disk. A failed
 * write is cut back off, so no partial line stays behind. */
static gboolean
append_lines (BpReviewLog  *self,
              GString      *lines,
              GError      **error)
{
  struct stat info;
  int fd = open_for_append (self->path, error);
  int saved_errno = 0;

  if (fd < 0)
    return FALSE;

  if (fstat (fd, &info) != 0 || (info.st_size > 0 && !repair_tail (fd, info.st_size)))
    saved_errno = errno;
  else if (fstat (fd, &info) != 0)
    saved_errno = errno;
  else if (!write_all (fd, lines->str, lines->len) || fsync (fd) != 0)
    {
      saved_errno = errno ? errno : EIO;
      if (ftruncate (fd, info.st_size) == 0)
        fsync (fd);
    }
  close (fd);

  if (saved_errno != 0)
    {
      set_error_from_errno (error, saved_errno,
                            /* Translators: why a review could not be appended; the caller says
                             * what becomes of it (it is kept and retried). */
                            _("Could not write to the review log %s: %s. Free some space or "
                              "check the folder’s permissions."), self->path);
      return FALSE;
    }
  return TRUE;
}

/**
 * bp_review_log_append:
 * @event: the event to add (copied)
 *
 * Returns only once the event is on disk: the caller shows the next question after that.
 */
gboolean
bp_review_log_append (BpReviewLog    *self,
                      BpReviewEvent  *event,
                      GError        **error)
{
  g_autoptr(GString) line = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BP_IS_REVIEW_LOG (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (!g_hash_table_contains (self->ids, event->id), FALSE);

  text = bp_review_format_line (event);
  line = g_string_new (text);
  if (!append_lines (self, line, error))
    return FALSE;
  remember (self, bp_review_event_copy (event));
  return TRUE;
}

static gboolean
read_file (const char  *path,
           char       **contents,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_get_contents (path, contents, length, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      *contents = g_strdup ("");
      *length = 0;
      return TRUE;
    }
  g_set_error (error, local_error->domain, local_error->code,
               _("Could not read the review log: %s"), local_error->message);
  return FALSE;
}

/* Our events the file lacks (another Backprop's copy replaced it) are written again. */
static gboolean
append_missing (BpReviewLog  *self,
                GHashTable   *in_file,
                GError      **error)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < self->events->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (self->events, i);

      g_autofree char *line = NULL;

      if (g_hash_table_contains (in_file, event->id))
        continue;
      line = bp_review_format_line (event);
      g_string_append (lines, line);
    }
  return lines->len == 0 || append_lines (self, lines, error);
}

/* Returns: how many events of the file were new. @in_file, when given, gets every id the
 * file holds. */
static guint
merge_events (BpReviewLog *self,
              GPtrArray   *read,
              GHashTable  *in_file)
{
  guint n_new = 0;

  for (guint i = 0; i < read->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (read, i);

      if (in_file != NULL)
        g_hash_table_add (in_file, event->id);
      if (g_hash_table_contains (self->ids, event->id))
        continue;
      /* Taken in file order; the slot left empty is skipped when @read is freed. */
      remember (self, event);
      read->pdata[i] = NULL;
      n_new++;
    }
  return n_new;
}

static gboolean
load (BpReviewLog  *self,
      guint        *n_new,
      GError      **error)
{
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_event_free);
  /* Borrows the ids of @read's events, freed after it. At start-up nothing is known yet, so
   * nothing can be missing from the file: the set would cost a fifth of the load. */
  g_autoptr(GHashTable) in_file = self->events->len > 0 ? event_id_set_new () : NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!read_file (self->path, &contents, &length, error))
    return FALSE;

  g_ptr_array_set_size (self->problems, 0);
  bp_review_format_parse (contents, length, read, self->problems);
  *n_new = merge_events (self, read, in_file);
  return in_file == NULL || append_missing (self, in_file, error);
}

/**
 * bp_review_log_load:
 *
 * Reads the file and merges its events with those known, by id; may be called again. Damaged
 * lines are skipped and listed by bp_review_log_get_problems().
 *
 * Returns: %FALSE if the file exists but cannot be read, or known events could not be
 *   written back to it
 */
gboolean
bp_review_log_load (BpReviewLog  *self,
                    GError      **error)
{
  guint n_new;

  g_return_val_if_fail (BP_IS_REVIEW_LOG (self), FALSE);
  return load (self, &n_new, error);
}

static char *
grade_key (const char *question_id,
           gint64      time_us)
{
  return g_strdup_printf ("%s\t%" G_GINT64_FORMAT, question_id, time_us / 1000);
}

static GHashTable *
grade_keys (GPtrArray *events)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < events->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (events, i);

      if (event->kind == BP_REVIEW_EVENT_GRADE)
        g_hash_table_add (keys, grade_key (event->question_id, event->time_us));
    }
  return keys;
}

/**
 * bp_review_log_import:
 * @events: (element-type BpReviewEvent): reviews read from elsewhere (bp_review_csv_import())
 * @n_added: (out) (optional): how many were new
 *
 * A review already in the log, by id or by question and millisecond, is not added again, so
 * importing an exported log adds nothing.
 */
gboolean
bp_review_log_import (BpReviewLog  *self,
                      GPtrArray    *events,
                      guint        *n_added,
                      GError      **error)
{
  g_autoptr(GHashTable) keys = grade_keys (self->events);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GString) lines = g_string_new (NULL);

  g_return_val_if_fail (BP_IS_REVIEW_LOG (self), FALSE);

  for (guint i = 0; i < events->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (events, i);
      g_autofree char *key = NULL;
      g_autofree char *line = NULL;

      if (event->kind != BP_REVIEW_EVENT_GRADE || g_hash_table_contains (self->ids, event->id))
        continue;
      key = grade_key (event->question_id, event->time_us);
      if (!g_hash_table_add (keys, g_steal_pointer (&key)))
        continue;
      line = bp_review_format_line (event);
      g_string_append (lines, line);
      g_ptr_array_add (added, event);
    }

  if (lines->len > 0 && !append_lines (self, lines, error))
    return FALSE;
  for (guint i = 0; i < added->len; i++)
    remember (self, bp_review_event_copy (g_ptr_array_index (added, i)));
  if (n_added != NULL)
    *n_added = added->len;
  return TRUE;
}

/* Returns: (transfer none) (element-type BpReviewEvent): every event known, each id once */
GPtrArray *
bp_review_log_get_events (BpReviewLog *self)
{
  g_return_val_if_fail (BP_IS_REVIEW_LOG (self), NULL);
  return self->events;
}

/* Returns: (transfer none) (element-type BpReviewProblem): the damaged lines of the last read */
GPtrArray *
bp_review_log_get_problems (BpReviewLog *self)
{
  g_return_val_if_fail (BP_IS_REVIEW_LOG (self), NULL);
  return self->problems;
}

gboolean
bp_review_log_contains (BpReviewLog *self,
                        const char  *event_id)
{
  g_return_val_if_fail (BP_IS_REVIEW_LOG (self), FALSE);
  return g_hash_table_contains (self->ids, event_id);
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event_type,
                 BpReviewLog       *self)
{
  g_autoptr(GError) error = NULL;
  guint n_new = 0;

  if (event_type != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event_type != G_FILE_MONITOR_EVENT_CREATED && event_type != G_FILE_MONITOR_EVENT_RENAMED &&
      event_type != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;

  if (!load (self, &n_new, &error))
    g_warning ("%s", error->message);
  if (n_new > 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Follows the file: what another Backprop appends, or a synced copy, is merged in. */
void
bp_review_log_watch (BpReviewLog *self)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (BP_IS_REVIEW_LOG (self));
  if (self->monitor != NULL)
    return;

  file = g_file_new_for_path (self->path);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed_cb), self);
}
