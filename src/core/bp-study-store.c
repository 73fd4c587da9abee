/* bp-study-store.c: the user's study data (weak topics, notes, read state), kept per question id
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bp-study-store-private.h"

/*
 * The file is a GKeyFile: a [backprop] group with the format's version, then one group per
 * question id with weak, read, modified and notes. A key at its default is left out. An entry
 * is never removed, even when everything in it is back to its default: its modified time is
 * what lets a merge tell that clearing a note is newer than the note another copy still has.
 *
 * Notes are escaped by this file, not by GKeyFile: GKeyFile drops leading control characters
 * and has trimmed trailing whitespace in some versions, and notes must come back byte for byte.
 *
 * Saving serializes on the main thread and writes in a worker. Every write first checks that
 * the file is still the one the store last wrote or read; if it is not, the store merges it
 * instead of writing over it. The file's last known checksum and contents (the base of a
 * three-way merge) live in a StudyDisk shared with the workers under a lock.
 */

#define GROUP_META "backprop"
#define KEY_VERSION "version"
#define KEY_WEAK "weak"
#define KEY_READ "read"
#define KEY_MODIFIED "modified"
#define KEY_NOTES "notes"
#define FILE_COMMENT \
  " Backprop study data: one group per question. Edit it only while Backprop is closed."

#define DEFAULT_SAVE_DELAY_MS 1000
#define DEFAULT_MONITOR_DELAY_MS 200
#define MAX_RETRY_DELAYS 8
#define MAX_SAVE_ROUNDS 5

static const guint default_retry_delays_ms[] = { 2000, 5000, 10000, 30000 };

G_DEFINE_QUARK (bp-study-store-error-quark, bp_study_store_error)

/* One question's study data. Immutable once made, so snapshots and workers share it freely. */
typedef struct
{
  char *notes;
  gint64 modified; /* microseconds since the Unix epoch, 0 when the file did not say */
  gboolean weak;
  gboolean read;
} StudyEntry;

static const StudyEntry default_entry = { (char *)"", 0, FALSE, FALSE };

/* The file as read at one moment. */
typedef struct
{
  GBytes *bytes;      /* NULL: there is no file */
  char *checksum;     /* NULL: there is no file */
  GHashTable *entries;
  gint64 version;
  GError *problem;    /* why the file is damaged, or NULL */
  guint64 epoch;      /* the StudyDisk's epoch when the file was read */
} DiskState;

/* What the store knows of the file on disk. Shared with workers, always used under @lock. */
typedef struct
{
  GMutex lock;
  char *path;
  char *checksum;      /* of the file as last written or merged; NULL: no file */
  GHashTable *base;    /* that file's entries: the common ancestor of the next merge */
  guint64 epoch;       /* bumped whenever @checksum and @base change */
  guint64 generation;  /* of the newest snapshot on disk: an older one is never written */
} StudyDisk;

typedef enum {
  SAVE_DONE,
  SAVE_CONFLICT,
  SAVE_FAILED,
} SaveStatus;

typedef struct
{
  StudyDisk *disk;
  GHashTable *entries;
  GBytes *bytes;
  guint64 generation;
  SaveStatus status;
  gboolean written;
  DiskState *conflict;
} SaveJob;

struct _BpStudyStore
{
  GObject parent_instance;

  char *path;
  StudyDisk *disk;
  GHashTable *entries; /* GRefString id -> StudyEntry; changed in place, so never shared */

  gboolean loaded;
  gboolean read_only;
  gboolean has_unsaved_changes;
  guint64 generation;       /* bumped by every change */
  guint64 saved_generation; /* the generation the file holds */
  GError *save_error;
  char *recovered_from;
  guint n_writes;

  gboolean job_running;     /* one worker at a time, so results apply in order */
  gboolean save_wanted;
  gboolean check_wanted;
  guint save_source;
  guint retry_source;
  guint retry_attempt;
  guint monitor_source;
  GFileMonitor *monitor;

  guint save_delay_ms;
  guint monitor_delay_ms;
  guint retry_delays_ms[MAX_RETRY_DELAYS];
  guint n_retry_delays;
};

G_DEFINE_FINAL_TYPE (BpStudyStore, bp_study_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_HAS_UNSAVED_CHANGES,
  PROP_SAVE_ERROR,
  PROP_RECOVERED_FROM,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void run_next_job (BpStudyStore *self);

/* Entries */

static StudyEntry *
study_entry_new (gboolean    weak,
                 gboolean    read,
                 const char *notes,
                 gint64      modified)
{
  StudyEntry *entry = g_atomic_rc_box_new0 (StudyEntry);

  entry->weak = !!weak;
  entry->read = !!read;
  entry->notes = g_strdup (notes != NULL ? notes : "");
  entry->modified = modified;

  return entry;
}

static StudyEntry *
study_entry_ref (StudyEntry *entry)
{
  return g_atomic_rc_box_acquire (entry);
}

static void
study_entry_clear (gpointer data)
{
  StudyEntry *entry = data;

  g_free (entry->notes);
}

static void
study_entry_unref (gpointer entry)
{
  g_atomic_rc_box_release_full (entry, study_entry_clear);
}

static gboolean
study_entry_same_content (const StudyEntry *a,
                          const StudyEntry *b)
{
  return a->weak == b->weak && a->read == b->read && g_str_equal (a->notes, b->notes);
}

static gboolean
study_entry_equal (const StudyEntry *a,
                   const StudyEntry *b)
{
  return a->modified == b->modified && study_entry_same_content (a, b);
}

/* A total order, newest last, so that two stores merging the same pair pick the same winner. */
static int
study_entry_compare (const StudyEntry *a,
                     const StudyEntry *b)
{
  if (a->modified != b->modified)
    return a->modified < b->modified ? -1 : 1;
  if (a->weak != b->weak)
    return a->weak ? 1 : -1;
  if (a->read != b->read)
    return a->read ? 1 : -1;
  return strcmp (a->notes, b->notes);
}

static BpStudyFlags
study_entry_get_flags (const StudyEntry *entry)
{
  return (entry->weak ? BP_STUDY_FLAG_WEAK : 0) |
         (entry->read ? BP_STUDY_FLAG_READ : 0) |
         (entry->notes[0] != '\0' ? BP_STUDY_FLAG_NOTES : 0);
}

/* Each change is stamped later than the entry's last one, even if the clock went back. */
static gint64
next_stamp (const StudyEntry *previous)
{
  return MAX (g_get_real_time (), previous->modified + 1);
}

static GHashTable *
entries_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal,
                                (GDestroyNotify)g_ref_string_release, study_entry_unref);
}

static GHashTable *
entries_copy (GHashTable *entries)
{
  GHashTable *copy = entries_new ();
  GHashTableIter iter;
  gpointer id, entry;

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &id, &entry))
    g_hash_table_insert (copy, g_ref_string_acquire (id), study_entry_ref (entry));

  return copy;
}

static gboolean
entries_equal (GHashTable *a,
               GHashTable *b)
{
  GHashTableIter iter;
  gpointer id, entry;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &id, &entry))
    {
      StudyEntry *other = g_hash_table_lookup (b, id);

      if (other == NULL || !study_entry_equal (entry, other))
        return FALSE;
    }

  return TRUE;
}

static const StudyEntry *
lookup_entry (BpStudyStore *self,
              const char   *id)
{
  const StudyEntry *entry = g_hash_table_lookup (self->entries, id);

  return entry != NULL ? entry : &default_entry;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Sorted, so the file reads the same from one save to the next. */
static char **
sorted_ids (GHashTable *entries)
{
  guint n_ids;
  char **ids = (char **)g_hash_table_get_keys_as_array (entries, &n_ids);

  qsort (ids, n_ids, sizeof (char *), compare_ids);
  return ids;
}

/* Escaping notes */

static char *
escape_notes (const char *notes)
{
  gsize length = strlen (notes);
  gsize lead = 0;
  gsize trail = length;
  GString *out = g_string_sized_new (length + 16);

  while (notes[lead] == ' ')
    lead++;
  while (trail > lead && notes[trail - 1] == ' ')
    trail--;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = notes[i];

      if (c == ' ' && (i < lead || i >= trail))
        g_string_append (out, "\\s");
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The character a one-letter escape stands for, or 0 if escape_notes() writes no such escape. */
static char
unescape_char (char c)
{
  switch (c)
    {
    case 's':
      return ' ';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case '\\':
      return '\\';
    default:
      return '\0';
    }
}

/* The byte a "\xHH" escape stands for, or 0 if escape_notes() writes no such escape. */
static guchar
unescape_hex (const char *p)
{
  guchar c;

  if (!g_ascii_isxdigit (p[0]) || !g_ascii_isxdigit (p[1]))
    return 0;

  c = (guchar)(g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1]));
  return (c > 0 && c < 0x20) || c == 0x7f ? c : 0;
}

/* An escape this file does not write (a hand edit) keeps its text rather than losing it. */
static char *
unescape_notes (const char *value)
{
  GString *out = g_string_sized_new (strlen (value));
  const char *p = value;

  while (*p != '\0')
    {
      char simple = p[0] == '\\' ? unescape_char (p[1]) : '\0';
      guchar hex = p[0] == '\\' && p[1] == 'x' ? unescape_hex (p + 2) : 0;

      if (simple != '\0')
        {
          g_string_append_c (out, simple);
          p += 2;
        }
      else if (hex != 0)
        {
          g_string_append_c (out, hex);
          p += 4;
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  return g_string_free (out, FALSE);
}

/* Times */

static GDateTime *
stamp_to_date_time (gint64 stamp)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (stamp / G_USEC_PER_SEC);

  return g_date_time_add (seconds, stamp % G_USEC_PER_SEC);
}

static char *
format_stamp (gint64 stamp)
{
  g_autoptr(GDateTime) time = stamp_to_date_time (stamp);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static gboolean
parse_stamp (const char *text,
             gint64     *stamp)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  if (time == NULL)
    return FALSE;

  *stamp = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

/* Writing the file's text */

static void
write_entry (GKeyFile         *key_file,
             const char       *id,
             const StudyEntry *entry)
{
  if (entry->weak)
    g_key_file_set_boolean (key_file, id, KEY_WEAK, TRUE);
  if (entry->read)
    g_key_file_set_boolean (key_file, id, KEY_READ, TRUE);
  if (entry->modified != 0)
    {
      g_autofree char *stamp = format_stamp (entry->modified);

      g_key_file_set_value (key_file, id, KEY_MODIFIED, stamp);
    }
  if (entry->notes[0] != '\0')
    {
      g_autofree char *escaped = escape_notes (entry->notes);

      g_key_file_set_value (key_file, id, KEY_NOTES, escaped);
    }
}

static GBytes *
serialize_entries (GHashTable *entries)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char **ids = sorted_ids (entries);
  char *data;
  gsize length;

  g_key_file_set_integer (key_file, GROUP_META, KEY_VERSION, BP_STUDY_STORE_FILE_VERSION);
  g_key_file_set_comment (key_file, NULL, NULL, FILE_COMMENT, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    write_entry (key_file, ids[i], g_hash_table_lookup (entries, ids[i]));

  data = g_key_file_to_data (key_file, &length, NULL);
  return g_bytes_new_take (data, length);
}

/* Reading the file */

static void
disk_state_free (DiskState *state)
{
  g_clear_pointer (&state->bytes, g_bytes_unref);
  g_clear_pointer (&state->checksum, g_free);
  g_clear_pointer (&state->entries, g_hash_table_unref);
  g_clear_error (&state->problem);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiskState, disk_state_free)

G_GNUC_PRINTF (2, 3)
static void
set_problem (GError    **problem,
             const char *format,
             ...)
{
  va_list args;

  if (*problem != NULL)
    return;

  va_start (args, format);
  *problem = g_error_new_valist (BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_CORRUPT, format, args);
  va_end (args);
}

static void
read_flag (GKeyFile    *key_file,
           const char  *id,
           const char  *key,
           gboolean    *value,
           GError     **problem)
{
  g_autoptr(GError) error = NULL;

  if (!g_key_file_has_key (key_file, id, key, NULL))
    return;

  *value = g_key_file_get_boolean (key_file, id, key, &error);
  if (error != NULL)
    set_problem (problem, _("“%s” of [%s] is neither true nor false"), key, id);
}

/* A bad value is a problem, but the rest of the entry is still read. */
static StudyEntry *
read_entry (GKeyFile    *key_file,
            const char  *id,
            GError     **problem)
{
  g_autofree char *raw_notes = g_key_file_get_value (key_file, id, KEY_NOTES, NULL);
  g_autofree char *raw_modified = g_key_file_get_value (key_file, id, KEY_MODIFIED, NULL);
  g_autofree char *notes = raw_notes != NULL ? unescape_notes (raw_notes) : NULL;
  gboolean weak = FALSE;
  gboolean read = FALSE;
  gint64 modified = 0;

  read_flag (key_file, id, KEY_WEAK, &weak, problem);
  read_flag (key_file, id, KEY_READ, &read, problem);
  if (raw_modified != NULL && !parse_stamp (raw_modified, &modified))
    set_problem (problem, _("“modified” of [%s] is not an ISO 8601 time"), id);

  return study_entry_new (weak, read, notes, modified);
}

static gboolean
read_version (GKeyFile  *key_file,
              DiskState *state)
{
  g_autoptr(GError) error = NULL;
  gint64 version;

  if (!g_key_file_has_key (key_file, GROUP_META, KEY_VERSION, NULL))
    {
      set_problem (&state->problem, _("it has no [%s] group with a version"), GROUP_META);
      return FALSE;
    }

  version = g_key_file_get_int64 (key_file, GROUP_META, KEY_VERSION, &error);
  if (error != NULL || version < 1)
    {
      set_problem (&state->problem, _("its version is not a number Backprop knows"));
      return FALSE;
    }

  state->version = version;
  return TRUE;
}

static void
disk_state_parse (DiskState *state)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  const char *data;
  gsize length;

  state->version = BP_STUDY_STORE_FILE_VERSION;
  if (state->bytes == NULL)
    return;

  data = g_bytes_get_data (state->bytes, &length);
  if (!g_utf8_validate_len (data, length, NULL))
    {
      set_problem (&state->problem, _("it is not UTF-8 text"));
      return;
    }

  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, &error))
    {
      set_problem (&state->problem, "%s", error->message);
      return;
    }

  if (!read_version (key_file, state))
    return;

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (!g_str_equal (groups[i], GROUP_META))
      g_hash_table_insert (state->entries, g_ref_string_new (groups[i]),
                           read_entry (key_file, groups[i], &state->problem));
}

/* A missing file, or a path through a regular file, is read as no file at all. */
static DiskState *
disk_state_read (const char  *path,
                 GError     **error)
{
  g_autoptr(DiskState) state = g_new0 (DiskState, 1);
  g_autoptr(GError) local_error = NULL;
  char *data;
  gsize length;

  state->entries = entries_new ();

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
          g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        return g_steal_pointer (&state);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  state->bytes = g_bytes_new_take (data, length);
  state->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, state->bytes);
  return g_steal_pointer (&state);
}

/* Messages */

static const char *
describe_file_error (const GError *error)
{
  if (error->domain != G_FILE_ERROR)
    return error->message;

  switch (error->code)
    {
    case G_FILE_ERROR_NOSPC:
      return _("the disk is full");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return _("permission denied");
    case G_FILE_ERROR_ROFS:
      return _("the disk is read-only");
    case G_FILE_ERROR_NOTDIR:
    case G_FILE_ERROR_NOENT:
      return _("its folder could not be created");
    default:
      return error->message;
    }
}

/* One message per code; each names the file and says what the user can do about it. */
static GError *
store_error_new (BpStudyStoreError  code,
                 const char        *path,
                 const GError      *cause)
{
  g_autofree char *name = g_filename_display_name (path);
  const char *why = cause != NULL ? describe_file_error (cause) : "";

  switch (code)
    {
    case BP_STUDY_STORE_ERROR_READ:
      return g_error_new (BP_STUDY_STORE_ERROR, code,
                          _("Could not read your study data from %s: %s. Backprop will not "
                            "save changes until it can; check the file’s permissions."),
                          name, why);
    case BP_STUDY_STORE_ERROR_CORRUPT:
      return g_error_new (BP_STUDY_STORE_ERROR, code,
                          _("Your study data in %s is damaged and could not be set aside: %s. "
                            "Backprop will not change it; move the file away to start afresh."),
                          name, why);
    case BP_STUDY_STORE_ERROR_NEWER_VERSION:
      return g_error_new (BP_STUDY_STORE_ERROR, code,
                          _("Your study data in %s was saved by a newer version of Backprop. "
                            "This version will not change it, so what you change now is not "
                            "saved. Update Backprop to go on with it."),
                          name);
    case BP_STUDY_STORE_ERROR_WRITE:
      return g_error_new (BP_STUDY_STORE_ERROR, code,
                          _("Could not save your notes to %s: %s. Backprop will try again."),
                          name, why);
    case BP_STUDY_STORE_ERROR_READ_ONLY:
    default:
      return g_error_new (BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_READ_ONLY,
                          _("Your study data in %s cannot be saved."), name);
    }
}

/* The shared view of the disk */

static StudyDisk *
study_disk_new (const char *path)
{
  StudyDisk *disk = g_atomic_rc_box_new0 (StudyDisk);

  g_mutex_init (&disk->lock);
  disk->path = g_strdup (path);
  disk->base = entries_new ();

  return disk;
}

static void
study_disk_clear (gpointer data)
{
  StudyDisk *disk = data;

  g_mutex_clear (&disk->lock);
  g_clear_pointer (&disk->path, g_free);
  g_clear_pointer (&disk->checksum, g_free);
  g_clear_pointer (&disk->base, g_hash_table_unref);
}

static void
study_disk_unref (StudyDisk *disk)
{
  g_atomic_rc_box_release_full (disk, study_disk_clear);
}

/* Called with the lock held: the file is now @checksum holding @base. */
static void
study_disk_set_known (StudyDisk  *disk,
                      const char *checksum,
                      GHashTable *base)
{
  char *copy = g_strdup (checksum);

  g_hash_table_ref (base);
  g_hash_table_unref (disk->base);
  disk->base = base;
  g_free (disk->checksum);
  disk->checksum = copy;
  disk->epoch++;
}

/* Called with the lock held. The state of the file if it is not the one the store knows. */
static DiskState *
study_disk_read_if_changed (StudyDisk  *disk,
                            gboolean   *changed,
                            GError    **error)
{
  g_autoptr(DiskState) state = disk_state_read (disk->path, error);

  if (state == NULL)
    return NULL;

  *changed = g_strcmp0 (state->checksum, disk->checksum) != 0;
  if (!*changed)
    return NULL;

  disk_state_parse (state);
  state->epoch = disk->epoch;
  return g_steal_pointer (&state);
}

/* link() never replaces a file, so an earlier copy set aside is never overwritten. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  if (link (from, to) == 0)
    return g_unlink (from);

  if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS && errno != EMLINK)
    return -1;

  /* A file system without hard links: check, then rename. */
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      errno = EEXIST;
      return -1;
    }

  return g_rename (from, to);
}

/* Called with the lock held. Returns the new name of the damaged file. */
static char *
study_disk_move_aside (StudyDisk  *disk,
                       GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autoptr(GHashTable) empty = entries_new ();

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *target = n == 1 ? g_strdup_printf ("%s.corrupt-%s", disk->path, stamp)
                                       : g_strdup_printf ("%s.corrupt-%s-%u", disk->path, stamp, n);

      if (rename_no_replace (disk->path, target) == 0)
        {
          study_disk_set_known (disk, NULL, empty);
          return g_steal_pointer (&target);
        }

      if (errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_EXIST, g_strerror (EEXIST));
  return NULL;
}

static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* Saving */

static SaveJob *
save_job_new (BpStudyStore *self)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->disk = g_atomic_rc_box_acquire (self->disk);
  job->entries = entries_copy (self->entries);
  job->bytes = serialize_entries (job->entries);
  job->generation = self->generation;

  return job;
}

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->disk, study_disk_unref);
  g_clear_pointer (&job->entries, g_hash_table_unref);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->conflict, disk_state_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

/* Runs in a worker, or in flush() on the main thread. */
static SaveStatus
save_job_run (SaveJob  *job,
              GError  **error)
{
  StudyDisk *disk = job->disk;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&disk->lock);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *checksum = NULL;
  gboolean changed = FALSE;

  /* flush() wrote a newer snapshot while this one waited for the lock. */
  if (job->generation <= disk->generation)
    return SAVE_DONE;

  job->conflict = study_disk_read_if_changed (disk, &changed, &local_error);
  if (local_error == NULL && changed)
    return SAVE_CONFLICT;

  if (local_error != NULL || !write_file (disk->path, job->bytes, &local_error))
    {
      g_propagate_error (error, store_error_new (BP_STUDY_STORE_ERROR_WRITE,
                                                 disk->path, local_error));
      return SAVE_FAILED;
    }

  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, job->bytes);
  study_disk_set_known (disk, checksum, job->entries);
  disk->generation = job->generation;
  job->written = TRUE;

  return SAVE_DONE;
}

static void
update_unsaved (BpStudyStore *self)
{
  gboolean unsaved = self->generation != self->saved_generation;

  if (unsaved == self->has_unsaved_changes)
    return;

  self->has_unsaved_changes = unsaved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UNSAVED_CHANGES]);
}

static void
set_save_error (BpStudyStore *self,
                const GError *error)
{
  if (error == NULL && self->save_error == NULL)
    return;
  if (error != NULL && self->save_error != NULL &&
      g_error_matches (self->save_error, error->domain, error->code) &&
      g_str_equal (self->save_error->message, error->message))
    return;

  g_clear_error (&self->save_error);
  self->save_error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
}

static void
become_read_only (BpStudyStore *self,
                  const GError *error)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->save_wanted = FALSE;
  set_save_error (self, error);

  if (!self->read_only)
    {
      self->read_only = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

static void
set_recovered_from (BpStudyStore *self,
                    char         *path)
{
  g_free (self->recovered_from);
  self->recovered_from = path;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERED_FROM]);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  BpStudyStore *self = user_data;

  self->save_source = 0;
  self->save_wanted = TRUE;
  run_next_job (self);

  return G_SOURCE_REMOVE;
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  BpStudyStore *self = user_data;

  self->retry_source = 0;
  self->save_wanted = TRUE;
  run_next_job (self);

  return G_SOURCE_REMOVE;
}

/* One timeout, moved on by each change: the write happens once the user pauses. */
static void
schedule_save (BpStudyStore *self)
{
  if (self->read_only || self->retry_source != 0)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (self->save_delay_ms, save_timeout_cb, self);
}

static void
schedule_retry (BpStudyStore *self)
{
  guint index = MIN (self->retry_attempt, self->n_retry_delays - 1);

  if (self->read_only || self->retry_source != 0)
    return;

  self->retry_attempt++;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->retry_source = g_timeout_add (self->retry_delays_ms[index], retry_timeout_cb, self);
}

static void
save_succeeded (BpStudyStore *self,
                SaveJob      *job)
{
  if (job->written)
    self->n_writes++;

  self->saved_generation = MAX (self->saved_generation, job->generation);
  self->retry_attempt = 0;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (!self->read_only)
    set_save_error (self, NULL);
  update_unsaved (self);
}

static void
save_failed (BpStudyStore *self,
             const GError *error)
{
  g_debug ("%s", error->message);
  set_save_error (self, error);
  schedule_retry (self);
}

/* Merging */

/* Whether @needle is in @haystack as whole lines. */
static gboolean
contains_lines (const char *haystack,
                const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    if ((p == haystack || p[-1] == '\n') && (p[length] == '\0' || p[length] == '\n'))
      return TRUE;

  return FALSE;
}

static char *
append_other_notes (const StudyEntry *newer,
                    const StudyEntry *older)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *marker = NULL;

  if (older->modified != 0)
    {
      utc = stamp_to_date_time (older->modified);
      local = g_date_time_to_local (utc);
      date = g_date_time_format (local, "%Y-%m-%d %H:%M");
      marker = g_strdup_printf (_("--- Also saved on %s ---"), date);
    }
  else
    marker = g_strdup (_("--- Also saved ---"));

  if (newer->notes[0] == '\0')
    return g_strconcat (marker, "\n", older->notes, NULL);

  return g_strconcat (newer->notes, "\n\n", marker, "\n", older->notes, NULL);
}

/* A side that left a value as the base had it did not change it: the other side's stands. */
static gboolean
merge_flag (gboolean base,
            gboolean mine,
            gboolean theirs)
{
  return mine == base ? theirs : mine;
}

static char *
merge_notes (const StudyEntry *base,
             const StudyEntry *mine,
             const StudyEntry *theirs,
             const StudyEntry *newer,
             const StudyEntry *older)
{
  if (g_str_equal (mine->notes, theirs->notes) || g_str_equal (theirs->notes, base->notes))
    return g_strdup (mine->notes);
  if (g_str_equal (mine->notes, base->notes))
    return g_strdup (theirs->notes);

  /* Both sides wrote something different: keep the newer, and never lose the older. */
  if (older->notes[0] == '\0' || contains_lines (newer->notes, older->notes))
    return g_strdup (newer->notes);

  return append_other_notes (newer, older);
}

/* An entry the base lacks had its defaults there: both sides started from them. */
static StudyEntry *
merge_entry (const StudyEntry *base,
             StudyEntry       *mine,
             StudyEntry       *theirs)
{
  gboolean mine_is_newer = study_entry_compare (mine, theirs) >= 0;
  StudyEntry *newer = mine_is_newer ? mine : theirs;
  StudyEntry *older = mine_is_newer ? theirs : mine;
  g_autofree char *notes = NULL;

  if (study_entry_same_content (mine, theirs))
    return study_entry_ref (newer);

  if (base == NULL)
    base = &default_entry;

  notes = merge_notes (base, mine, theirs, newer, older);
  return study_entry_new (merge_flag (base->weak, mine->weak, theirs->weak),
                          merge_flag (base->read, mine->read, theirs->read),
                          notes, newer->modified);
}

/* Three-way: @base is the file as the store last knew it, @theirs the file now. */
static GHashTable *
merge_entries (GHashTable *base,
               GHashTable *mine,
               GHashTable *theirs)
{
  GHashTable *merged = entries_copy (mine);
  GHashTableIter iter;
  gpointer id, their_entry;

  g_hash_table_iter_init (&iter, theirs);
  while (g_hash_table_iter_next (&iter, &id, &their_entry))
    {
      StudyEntry *my_entry = g_hash_table_lookup (mine, id);
      StudyEntry *result = my_entry == NULL
        ? study_entry_ref (their_entry)
        : merge_entry (g_hash_table_lookup (base, id), my_entry, their_entry);

      g_hash_table_replace (merged, g_ref_string_acquire (id), result);
    }

  return merged;
}

static void
emit_changed (BpStudyStore *self,
              const char   *id)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (id), id);
}

/* Installs @merged as the store's entries; TRUE if they are what the file holds. */
static void
install_merged (BpStudyStore *self,
                GHashTable   *merged,
                gboolean      in_sync)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->entries);
  g_autofree char **ids = sorted_ids (merged);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);

  self->entries = g_hash_table_ref (merged);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      StudyEntry *before = g_hash_table_lookup (old, ids[i]);
      StudyEntry *after = g_hash_table_lookup (merged, ids[i]);

      if (before == NULL || !study_entry_same_content (before, after))
        g_ptr_array_add (changed, g_strdup (ids[i]));
    }

  if (in_sync)
    self->saved_generation = self->generation;
  else
    {
      self->generation++;
      self->save_wanted = TRUE;
    }
  update_unsaved (self);

  for (guint i = 0; i < changed->len; i++)
    emit_changed (self, g_ptr_array_index (changed, i));
}

/* Called with the lock held. Merges the file into the store's entries. */
static GHashTable *
study_disk_adopt (StudyDisk  *disk,
                  DiskState  *state,
                  GHashTable *mine,
                  guint64     generation,
                  gboolean   *in_sync)
{
  GHashTable *merged = merge_entries (disk->base, mine, state->entries);

  *in_sync = entries_equal (merged, state->entries);
  study_disk_set_known (disk, state->checksum, state->entries);
  /* Snapshots taken before the merge lack the file's changes: never write them now. */
  disk->generation = MAX (disk->generation, generation);

  return merged;
}

/* The file is not what the store last wrote or read: take its changes in. */
static void
apply_disk_state (BpStudyStore *self,
                  DiskState    *state)
{
  g_autoptr(GHashTable) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  gboolean in_sync = FALSE;
  gboolean stale;

  g_mutex_lock (&self->disk->lock);
  stale = state->epoch != self->disk->epoch;
  if (stale)
    ;
  else if (state->version > BP_STUDY_STORE_FILE_VERSION)
    error = store_error_new (BP_STUDY_STORE_ERROR_NEWER_VERSION, self->path, NULL);
  else if (state->problem != NULL)
    aside = study_disk_move_aside (self->disk, &error);
  else
    merged = study_disk_adopt (self->disk, state, self->entries, self->generation, &in_sync);
  g_mutex_unlock (&self->disk->lock);

  /* Signals and notifications only once the lock is free: a handler may flush. */
  if (stale)
    self->check_wanted = TRUE;
  else if (merged != NULL)
    install_merged (self, merged, in_sync);
  else if (aside != NULL)
    {
      set_recovered_from (self, g_steal_pointer (&aside));
      self->generation++;
      self->save_wanted = TRUE;
      update_unsaved (self);
    }
  else if (g_error_matches (error, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_NEWER_VERSION))
    become_read_only (self, error);
  else
    {
      g_autoptr(GError) damaged = store_error_new (BP_STUDY_STORE_ERROR_CORRUPT,
                                                   self->path, error);
      become_read_only (self, damaged);
    }
}

/* Worker jobs */

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  job->status = save_job_run (job, &error);
  if (job->status == SAVE_FAILED)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  BpStudyStore *self = BP_STUDY_STORE (object);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->job_running = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    save_failed (self, error);
  else if (job->status == SAVE_CONFLICT)
    {
      apply_disk_state (self, job->conflict);
      self->save_wanted = TRUE;
    }
  else
    save_succeeded (self, job);

  run_next_job (self);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StudyDisk *disk = task_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&disk->lock);
  GError *error = NULL;
  gboolean changed = FALSE;
  DiskState *state = study_disk_read_if_changed (disk, &changed, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, state, (GDestroyNotify)disk_state_free);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BpStudyStore *self = BP_STUDY_STORE (object);
  g_autoptr(DiskState) state = NULL;
  g_autoptr(GError) error = NULL;

  self->job_running = FALSE;

  /* A file that cannot be read now is reported by the next save, if it still cannot. */
  state = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    g_debug ("Could not read %s after it changed: %s", self->path, error->message);
  else if (state != NULL)
    apply_disk_state (self, state);

  run_next_job (self);
}

static void
start_save_job (BpStudyStore *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, save_done_cb, NULL);

  g_task_set_source_tag (task, start_save_job);
  g_task_set_task_data (task, save_job_new (self), (GDestroyNotify)save_job_free);
  self->job_running = TRUE;
  g_task_run_in_thread (task, save_thread);
}

static void
start_check_job (BpStudyStore *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, check_done_cb, NULL);

  g_task_set_source_tag (task, start_check_job);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (self->disk),
                        (GDestroyNotify)study_disk_unref);
  self->job_running = TRUE;
  g_task_run_in_thread (task, check_thread);
}

/* A change on disk is looked at before saving, so the save includes it. */
static void
run_next_job (BpStudyStore *self)
{
  if (self->job_running)
    return;

  if (self->check_wanted)
    {
      self->check_wanted = FALSE;
      start_check_job (self);
    }
  else if (self->save_wanted)
    {
      self->save_wanted = FALSE;
      if (!self->read_only && self->has_unsaved_changes)
        start_save_job (self);
    }
}

static gboolean
monitor_timeout_cb (gpointer user_data)
{
  BpStudyStore *self = user_data;

  self->monitor_source = 0;
  self->check_wanted = TRUE;
  run_next_job (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (BpStudyStore      *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  /* Our own writes come back here too; the check sees their checksum and does nothing. */
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  self->monitor_source = g_timeout_add (self->monitor_delay_ms, monitor_timeout_cb, self);
}

static void
start_monitor (BpStudyStore *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->path);

  /* A folder that does not exist yet is only polled for, every few seconds, and changes
   * made before the poll finds it go unseen; the first save would create it anyway. */
  g_mkdir_with_parents (dir, 0700);

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s for changes: %s", self->path, error->message);
      return;
    }

  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
}

/* GObject */

static void
bp_study_store_constructed (GObject *object)
{
  BpStudyStore *self = (BpStudyStore *)object;

  G_OBJECT_CLASS (bp_study_store_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = bp_study_store_dup_default_path ();
  self->disk = study_disk_new (self->path);
}

static void
bp_study_store_dispose (GObject *object)
{
  BpStudyStore *self = (BpStudyStore *)object;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (bp_study_store_parent_class)->dispose (object);
}

static void
bp_study_store_finalize (GObject *object)
{
  BpStudyStore *self = (BpStudyStore *)object;

  if (self->has_unsaved_changes)
    g_debug ("Study store for %s finalized with unsaved changes", self->path);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->disk, study_disk_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovered_from, g_free);
  g_clear_error (&self->save_error);

  G_OBJECT_CLASS (bp_study_store_parent_class)->finalize (object);
}

static void
bp_study_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BpStudyStore *self = BP_STUDY_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_HAS_UNSAVED_CHANGES:
      g_value_set_boolean (value, self->has_unsaved_changes);
      break;

    case PROP_SAVE_ERROR:
      g_value_set_boxed (value, self->save_error);
      break;

    case PROP_RECOVERED_FROM:
      g_value_set_string (value, self->recovered_from);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_study_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BpStudyStore *self = BP_STUDY_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_study_store_class_init (BpStudyStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bp_study_store_constructed;
  object_class->dispose = bp_study_store_dispose;
  object_class->finalize = bp_study_store_finalize;
  object_class->get_property = bp_study_store_get_property;
  object_class->set_property = bp_study_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether memory holds changes the file lacks: the app asks before quitting if so. */
  properties[PROP_HAS_UNSAVED_CHANGES] =
    g_param_spec_boolean ("has-unsaved-changes", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why saving fails (a GError, its message ready to show), or NULL once a save succeeds. */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_boxed ("save-error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Where a damaged file was set aside, for the app to tell the user. */
  properties[PROP_RECOVERED_FROM] =
    g_param_spec_string ("recovered-from", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The store never writes: a newer Backprop wrote the file, or it cannot be read. */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BpStudyStore::changed:
   * @id: the question id whose entry changed
   *
   * Emitted for every change to an entry, made through the setters or merged in from the
   * file on disk. The detail is the id, so "changed::<id>" follows one question.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bp_study_store_init (BpStudyStore *self)
{
  self->entries = entries_new ();
  self->save_delay_ms = DEFAULT_SAVE_DELAY_MS;
  self->monitor_delay_ms = DEFAULT_MONITOR_DELAY_MS;
  self->n_retry_delays = G_N_ELEMENTS (default_retry_delays_ms);
  memcpy (self->retry_delays_ms, default_retry_delays_ms, sizeof default_retry_delays_ms);
}

/* Public API */

/**
 * bp_study_store_dup_default_path:
 *
 * Returns: (transfer full): where the app keeps study data, in the user data directory.
 */
char *
bp_study_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "backprop", "study.ini", NULL);
}

/**
 * bp_study_store_new:
 * @path: (nullable): the file, or %NULL for bp_study_store_dup_default_path()
 *
 * The store is empty until bp_study_store_load() reads the file.
 */
BpStudyStore *
bp_study_store_new (const char *path)
{
  return g_object_new (BP_TYPE_STUDY_STORE, "path", path, NULL);
}

const char *
bp_study_store_get_path (BpStudyStore *self)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), NULL);

  return self->path;
}

static gboolean
load_read_only (BpStudyStore  *self,
                GError        *reason,
                GError       **error)
{
  become_read_only (self, reason);
  g_propagate_error (error, reason);
  return FALSE;
}

/* Sets the damaged file aside and keeps what could be read from it. */
static gboolean
load_damaged (BpStudyStore  *self,
              DiskState     *state,
              GError       **error)
{
  g_autoptr(GError) move_error = NULL;
  char *aside;

  g_mutex_lock (&self->disk->lock);
  aside = study_disk_move_aside (self->disk, &move_error);
  g_mutex_unlock (&self->disk->lock);

  if (aside == NULL)
    return load_read_only (self,
                           store_error_new (BP_STUDY_STORE_ERROR_CORRUPT,
                                            self->path, move_error),
                           error);

  g_debug ("%s is damaged (%s); set aside as %s", self->path, state->problem->message, aside);
  set_recovered_from (self, aside);
  g_hash_table_unref (self->entries);
  self->entries = entries_copy (state->entries);
  if (g_hash_table_size (self->entries) > 0)
    {
      self->generation++;
      update_unsaved (self);
      schedule_save (self);
    }

  start_monitor (self);
  return TRUE;
}

/**
 * bp_study_store_load:
 *
 * Reads the file; a missing file is an empty store. A damaged file is renamed to
 * "<name>.corrupt-<YYYYMMDD-HHMMSS>", never overwritten, and the store starts with what could
 * be read from it: this returns %TRUE and sets #BpStudyStore:recovered-from, for the app to
 * tell the user. A file from a newer Backprop, or one that cannot be read, makes the store
 * read-only: this returns %FALSE with @error set, holding what could be read.
 *
 * Call it once, before any change.
 *
 * Returns: %TRUE if the store can save to the file
 */
gboolean
bp_study_store_load (BpStudyStore  *self,
                     GError       **error)
{
  g_autoptr(DiskState) state = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BP_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (!self->loaded, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->loaded = TRUE;

  state = disk_state_read (self->path, &local_error);
  if (state == NULL)
    return load_read_only (self,
                           store_error_new (BP_STUDY_STORE_ERROR_READ,
                                            self->path, local_error),
                           error);

  disk_state_parse (state);
  if (state->problem != NULL && state->version <= BP_STUDY_STORE_FILE_VERSION)
    return load_damaged (self, state, error);

  /* A copy: the setters change the store's table, and the merge base must not move. */
  g_hash_table_unref (self->entries);
  self->entries = entries_copy (state->entries);

  if (state->version > BP_STUDY_STORE_FILE_VERSION)
    return load_read_only (self,
                           store_error_new (BP_STUDY_STORE_ERROR_NEWER_VERSION, self->path, NULL),
                           error);

  g_mutex_lock (&self->disk->lock);
  study_disk_set_known (self->disk, state->checksum, state->entries);
  g_mutex_unlock (&self->disk->lock);

  start_monitor (self);
  return TRUE;
}

static gboolean
flush_read_only (BpStudyStore  *self,
                 GError       **error)
{
  if (self->save_error != NULL)
    g_propagate_error (error, g_error_copy (self->save_error));
  else
    g_propagate_error (error, store_error_new (BP_STUDY_STORE_ERROR_READ_ONLY, self->path, NULL));
  return FALSE;
}

/**
 * bp_study_store_flush:
 *
 * Saves now, synchronously, if anything is unsaved: call it when a window closes and on quit.
 * On failure the data stays in memory, #BpStudyStore:save-error is set and saving is retried.
 *
 * Returns: %TRUE if the file holds everything
 */
gboolean
bp_study_store_flush (BpStudyStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  for (guint round = 0; round < MAX_SAVE_ROUNDS; round++)
    {
      g_autoptr(SaveJob) job = NULL;
      g_autoptr(GError) local_error = NULL;

      if (self->read_only)
        return flush_read_only (self, error);
      if (!self->has_unsaved_changes)
        return TRUE;

      job = save_job_new (self);
      job->status = save_job_run (job, &local_error);
      if (job->status == SAVE_DONE)
        {
          save_succeeded (self, job);
          return TRUE;
        }
      if (job->status == SAVE_FAILED)
        {
          save_failed (self, local_error);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      apply_disk_state (self, job->conflict);
    }

  g_set_error_literal (error, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_WRITE,
                       _("Could not save your notes: another program keeps changing the file. "
                         "Backprop will try again."));
  schedule_save (self);
  return FALSE;
}

/* Every change goes through here: it stamps, signals and schedules a save. */
static void
replace_entry (BpStudyStore *self,
               const char   *id,
               StudyEntry   *entry)
{
  char *key = g_ref_string_new (id);

  g_hash_table_replace (self->entries, key, entry);
  self->generation++;
  update_unsaved (self);
  schedule_save (self);
  emit_changed (self, id);
}

gboolean
bp_study_store_get_weak (BpStudyStore *self,
                         const char   *id)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return lookup_entry (self, id)->weak;
}

void
bp_study_store_set_weak (BpStudyStore *self,
                         const char   *id,
                         gboolean      weak)
{
  const StudyEntry *old;

  g_return_if_fail (BP_IS_STUDY_STORE (self));
  g_return_if_fail (bp_study_store_is_valid_id (id));
  g_return_if_fail (self->loaded);

  old = lookup_entry (self, id);
  if (old->weak == !!weak)
    return;

  replace_entry (self, id, study_entry_new (weak, old->read, old->notes, next_stamp (old)));
}

/**
 * bp_study_store_dup_notes:
 *
 * Returns: (transfer full): the notes, "" if there are none
 */
char *
bp_study_store_dup_notes (BpStudyStore *self,
                          const char   *id)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_strdup (lookup_entry (self, id)->notes);
}

/**
 * bp_study_store_set_notes:
 * @notes: (nullable): UTF-8 text, kept byte for byte; %NULL clears the notes
 */
void
bp_study_store_set_notes (BpStudyStore *self,
                          const char   *id,
                          const char   *notes)
{
  const StudyEntry *old;

  g_return_if_fail (BP_IS_STUDY_STORE (self));
  g_return_if_fail (bp_study_store_is_valid_id (id));
  g_return_if_fail (notes == NULL || g_utf8_validate (notes, -1, NULL));
  g_return_if_fail (self->loaded);

  old = lookup_entry (self, id);
  if (g_str_equal (old->notes, notes != NULL ? notes : ""))
    return;

  replace_entry (self, id, study_entry_new (old->weak, old->read, notes, next_stamp (old)));
}

gboolean
bp_study_store_get_read (BpStudyStore *self,
                         const char   *id)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return lookup_entry (self, id)->read;
}

void
bp_study_store_set_read (BpStudyStore *self,
                         const char   *id,
                         gboolean      read)
{
  const StudyEntry *old;

  g_return_if_fail (BP_IS_STUDY_STORE (self));
  g_return_if_fail (bp_study_store_is_valid_id (id));
  g_return_if_fail (self->loaded);

  old = lookup_entry (self, id);
  if (old->read == !!read)
    return;

  replace_entry (self, id, study_entry_new (old->weak, read, old->notes, next_stamp (old)));
}

void
bp_study_store_mark_all_unread (BpStudyStore *self)
{
  g_autofree char **ids = NULL;
  g_autoptr(GPtrArray) read_ids = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (BP_IS_STUDY_STORE (self));
  g_return_if_fail (self->loaded);

  /* Collected first: each change replaces a key of the table and emits a signal. */
  ids = sorted_ids (self->entries);
  for (guint i = 0; ids[i] != NULL; i++)
    if (lookup_entry (self, ids[i])->read)
      g_ptr_array_add (read_ids, g_strdup (ids[i]));

  for (guint i = 0; i < read_ids->len; i++)
    bp_study_store_set_read (self, g_ptr_array_index (read_ids, i), FALSE);
}

/**
 * bp_study_store_dup_modified:
 *
 * Returns: (transfer full) (nullable): when the entry last changed, in UTC, or %NULL
 */
GDateTime *
bp_study_store_dup_modified (BpStudyStore *self,
                             const char   *id)
{
  const StudyEntry *entry;

  g_return_val_if_fail (BP_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = lookup_entry (self, id);
  return entry->modified != 0 ? stamp_to_date_time (entry->modified) : NULL;
}

BpStudyFlags
bp_study_store_get_flags (BpStudyStore *self,
                          const char   *id)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), BP_STUDY_FLAG_NONE);
  g_return_val_if_fail (id != NULL, BP_STUDY_FLAG_NONE);

  return study_entry_get_flags (lookup_entry (self, id));
}

/**
 * bp_study_store_contains:
 *
 * Returns: whether the store has an entry for @id, even one back at its defaults
 */
gboolean
bp_study_store_contains (BpStudyStore *self,
                         const char   *id)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_hash_table_contains (self->entries, id);
}

/**
 * bp_study_store_dup_ids:
 *
 * Returns: (transfer full): every id with an entry, sorted, including ids of questions
 *   no deck has any more
 */
char **
bp_study_store_dup_ids (BpStudyStore *self)
{
  g_autofree char **ids = NULL;

  g_return_val_if_fail (BP_IS_STUDY_STORE (self), NULL);

  ids = sorted_ids (self->entries);
  return g_strdupv (ids);
}

/**
 * bp_study_store_count:
 * @flags: what a question must have, all of it; %BP_STUDY_FLAG_NONE counts every one
 * @deck: (nullable): count only this deck's questions, or %NULL for every entry
 *
 * Returns: how many questions have all of @flags, for a filter's count in the sidebar
 */
guint
bp_study_store_count (BpStudyStore *self,
                      BpStudyFlags  flags,
                      BpDeck       *deck)
{
  GHashTableIter iter;
  gpointer entry;
  guint count = 0;

  g_return_val_if_fail (BP_IS_STUDY_STORE (self), 0);
  g_return_val_if_fail (deck == NULL || BP_IS_DECK (deck), 0);

  if (deck != NULL)
    {
      for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
        {
          const char *id = bp_question_get_id (bp_deck_get_question (deck, i));

          count += (study_entry_get_flags (lookup_entry (self, id)) & flags) == flags;
        }
      return count;
    }

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    count += (study_entry_get_flags (entry) & flags) == flags;

  return count;
}

/**
 * bp_study_store_is_valid_id:
 *
 * Returns: whether @id can key an entry: UTF-8, not empty, no "[", "]" or control
 *   characters (it names a group of the file), and not the file's own "backprop" group
 */
gboolean
bp_study_store_is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || !g_utf8_validate (id, -1, NULL) || g_str_equal (id, GROUP_META))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (*p == '[' || *p == ']' || g_ascii_iscntrl (*p))
      return FALSE;

  return TRUE;
}

gboolean
bp_study_store_get_has_unsaved_changes (BpStudyStore *self)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), FALSE);

  return self->has_unsaved_changes;
}

/**
 * bp_study_store_get_save_error:
 *
 * Returns: (nullable): why the last save failed, or why the store cannot save; %NULL once
 *   a save succeeds
 */
const GError *
bp_study_store_get_save_error (BpStudyStore *self)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), NULL);

  return self->save_error;
}

/**
 * bp_study_store_get_recovered_from:
 *
 * Returns: (nullable): where the last damaged file was set aside, or %NULL
 */
const char *
bp_study_store_get_recovered_from (BpStudyStore *self)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), NULL);

  return self->recovered_from;
}

/**
 * bp_study_store_get_read_only:
 *
 * Returns: whether the store never writes its file: a newer Backprop wrote it, or it could
 *   not be read or set aside
 */
gboolean
bp_study_store_get_read_only (BpStudyStore *self)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), FALSE);

  return self->read_only;
}

void
bp_study_store_set_delays (BpStudyStore *self,
                           guint         save_delay_ms,
                           guint         monitor_delay_ms,
                           const guint  *retry_delays_ms,
                           guint         n_retry_delays)
{
  g_return_if_fail (BP_IS_STUDY_STORE (self));
  g_return_if_fail (n_retry_delays > 0 && n_retry_delays <= MAX_RETRY_DELAYS);

  self->save_delay_ms = save_delay_ms;
  self->monitor_delay_ms = monitor_delay_ms;
  self->n_retry_delays = n_retry_delays;
  memcpy (self->retry_delays_ms, retry_delays_ms, n_retry_delays * sizeof (guint));
}

guint
bp_study_store_get_n_writes (BpStudyStore *self)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), 0);

  return self->n_writes;
}
