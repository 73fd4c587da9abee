/* bp-study-format.c: the study file's text, read and written as pure functions (no I/O, no clock)
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bp-study-format.h"

/*
 * The file is a key file: the [backprop] group with the format's major version (the only
 * number the released app reads) and minor revision, then one group per question id with
 * the keys of bp-study-entry.c's field table. A key at its default is left out. An entry is
 * never removed, even when everything in it is back to its default: its modified time is
 * what lets a merge tell that clearing a note is newer than the note another copy still has.
 *
 * Keys and groups this version does not know come from a newer minor revision: they are kept
 * as the file spelled them and written back after the known ones.
 *
 * Notes are escaped here, not by GKeyFile: GKeyFile drops leading control characters and has
 * trimmed trailing whitespace in some versions, and notes must come back byte for byte. The
 * text is written by hand for the same reason, and so that it reads the same on every save.
 */

#define KEY_VERSION "version"
#define KEY_MINOR "minor"
#define FILE_COMMENT \
  "# Backprop study data: one group per question. Edit it only while Backprop is closed.\n"

G_DEFINE_QUARK (bp-study-format-error-quark, bp_study_format_error)

/* What the file holds */

GHashTable *
bp_study_entries_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, (GDestroyNotify)g_ref_string_release,
                                (GDestroyNotify)bp_study_entry_unref);
}

GHashTable *
bp_study_groups_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, (GDestroyNotify)g_ref_string_release,
                                (GDestroyNotify)g_strfreev);
}

BpStudyData *
bp_study_data_new (void)
{
  BpStudyData *data = g_new0 (BpStudyData, 1);

  data->entries = bp_study_entries_new ();
  data->groups = bp_study_groups_new ();
  return data;
}

/* The entries' table is new, for the copy's owner to change; entries and groups are shared. */
BpStudyData *
bp_study_data_copy (const BpStudyData *data)
{
  BpStudyData *copy = g_new0 (BpStudyData, 1);
  GHashTableIter iter;
  gpointer id, entry;

  copy->entries = bp_study_entries_new ();
  g_hash_table_iter_init (&iter, data->entries);
  while (g_hash_table_iter_next (&iter, &id, &entry))
    g_hash_table_insert (copy->entries, g_ref_string_acquire (id), bp_study_entry_ref (entry));
  copy->groups = g_hash_table_ref (data->groups);

  return copy;
}

void
bp_study_data_free (BpStudyData *data)
{
  g_clear_pointer (&data->entries, g_hash_table_unref);
  g_clear_pointer (&data->groups, g_hash_table_unref);
  g_free (data);
}

static gboolean
groups_equal (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer name, pairs;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &name, &pairs))
    {
      const char * const *other = g_hash_table_lookup (b, name);

      if (other == NULL || !bp_study_extra_equal (pairs, other))
        return FALSE;
    }

  return TRUE;
}

gboolean
bp_study_data_equal (const BpStudyData *a,
                     const BpStudyData *b)
{
  GHashTableIter iter;
  gpointer id, entry;

  if (g_hash_table_size (a->entries) != g_hash_table_size (b->entries))
    return FALSE;

  g_hash_table_iter_init (&iter, a->entries);
  while (g_hash_table_iter_next (&iter, &id, &entry))
    {
      BpStudyEntry *other = g_hash_table_lookup (b->entries, id);

      if (other == NULL || !bp_study_entry_equal (entry, other))
        return FALSE;
    }

  return groups_equal (a->groups, b->groups);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * bp_study_entries_dup_ids:
 *
 * Returns: (transfer container): the keys of @entries, sorted, so the file reads the same
 *   from one save to the next; the strings belong to the table
 */
char **
bp_study_entries_dup_ids (GHashTable *entries)
{
  guint n_ids;
  char **ids = (char **)g_hash_table_get_keys_as_array (entries, &n_ids);

  qsort (ids, n_ids, sizeof (char *), compare_ids);
  return ids;
}

/**
 * bp_study_format_is_entry_group:
 *
 * Returns: whether a group of this name holds a question's entry, rather than the format's
 *   own data
 */
gboolean
bp_study_format_is_entry_group (const char *group)
{
  return !g_str_equal (group, BP_STUDY_FORMAT_META_GROUP) &&
         !g_str_has_prefix (group, BP_STUDY_FORMAT_RESERVED_PREFIX);
}

/* Escaping notes */

char *
bp_study_format_escape_notes (const char *notes)
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

/* The character a one-letter escape stands for, or 0 if the escaper writes no such escape. */
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

/* The byte a "\xHH" escape stands for, or 0 if the escaper writes no such escape. */
static guchar
unescape_hex (const char *p)
{
  guchar c;

  if (!g_ascii_isxdigit (p[0]) || !g_ascii_isxdigit (p[1]))
    return 0;

  c = (guchar)(g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1]));
  return (c > 0 && c < 0x20) || c == 0x7f ? c : 0;
}

/* An escape the escaper does not write (a hand edit) keeps its text rather than losing it. */
char *
bp_study_format_unescape_notes (const char *value)
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

/**
 * bp_study_format_stamp_to_date_time:
 *
 * Returns: (transfer full) (nullable): @stamp (µs since the epoch) in UTC, or %NULL if it is
 *   outside the years GDateTime knows
 */
GDateTime *
bp_study_format_stamp_to_date_time (gint64 stamp)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (stamp / G_USEC_PER_SEC);

  return seconds != NULL ? g_date_time_add (seconds, stamp % G_USEC_PER_SEC) : NULL;
}

/**
 * bp_study_format_stamp:
 *
 * Returns: (transfer full) (nullable): @stamp as the file writes it, in ISO 8601 with
 *   microseconds in UTC, or %NULL if it cannot be written
 */
char *
bp_study_format_stamp (gint64 stamp)
{
  g_autoptr(GDateTime) time = bp_study_format_stamp_to_date_time (stamp);

  /* By hand: GDateTime's %Y does not pad years before 1000, which ISO 8601 then refuses. */
  if (time == NULL)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
                          g_date_time_get_year (time), g_date_time_get_month (time),
                          g_date_time_get_day_of_month (time), g_date_time_get_hour (time),
                          g_date_time_get_minute (time), g_date_time_get_second (time),
                          g_date_time_get_microsecond (time));
}

/* A time without a zone is refused rather than read in the machine's zone. */
gboolean
bp_study_format_parse_stamp (const char *text,
                             gint64     *stamp)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  if (time == NULL)
    return FALSE;

  *stamp = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

/* Writing */

/* Keys kept from the file, as it spelled them. GKeyFile drops one "\r" before a line's end,
 * for files with CRLF lines: a value that ends in one gets one more, so it reads back the same. */
static void
write_pairs (GString            *out,
             const char * const *pairs)
{
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
    g_string_append_printf (out, "%s=%s%s\n", pairs[i], pairs[i + 1],
                            g_str_has_suffix (pairs[i + 1], "\r") ? "\r" : "");
}

/* One key, or none when the field is at its default. */
static void
write_field (GString            *out,
             const BpStudyEntry *entry,
             BpStudyField        field)
{
  const char *key = bp_study_field_get_key (field);
  g_autofree char *value = NULL;

  switch (bp_study_field_get_kind (field))
    {
    case BP_STUDY_FIELD_KIND_FLAG:
      if (bp_study_entry_get_flag_field (entry, field))
        value = g_strdup ("true");
      break;
    case BP_STUDY_FIELD_KIND_TEXT:
      if (*bp_study_entry_get_text_field (entry, field) != '\0')
        value = bp_study_format_escape_notes (bp_study_entry_get_text_field (entry, field));
      break;
    case BP_STUDY_FIELD_KIND_STAMP:
    default:
      if (bp_study_entry_get_modified (entry) != 0)
        value = bp_study_format_stamp (bp_study_entry_get_modified (entry));
      break;
    }

  if (value != NULL)
    g_string_append_printf (out, "%s=%s\n", key, value);
}

static void
write_entry (GString            *out,
             const char         *id,
             const BpStudyEntry *entry)
{
  g_string_append_printf (out, "\n[%s]\n", id);
  for (guint i = 0; i < BP_STUDY_N_FIELDS; i++)
    write_field (out, entry, i);
  write_pairs (out, bp_study_entry_get_extra (entry));
}

/**
 * bp_study_format_serialize:
 *
 * Returns: (transfer full): the file's text for @data, entries sorted by id
 */
GBytes *
bp_study_format_serialize (const BpStudyData *data)
{
  g_autofree char **ids = bp_study_entries_dup_ids (data->entries);
  g_autofree char **groups = bp_study_entries_dup_ids (data->groups);
  GString *out = g_string_new (FILE_COMMENT);
  gsize length;

  g_string_append_printf (out, "[%s]\n%s=%d\n%s=%d\n", BP_STUDY_FORMAT_META_GROUP,
                          KEY_VERSION, BP_STUDY_FORMAT_MAJOR, KEY_MINOR, BP_STUDY_FORMAT_MINOR);
  write_pairs (out, g_hash_table_lookup (data->groups, BP_STUDY_FORMAT_META_GROUP));

  for (guint i = 0; ids[i] != NULL; i++)
    write_entry (out, ids[i], g_hash_table_lookup (data->entries, ids[i]));

  for (guint i = 0; groups[i] != NULL; i++)
    if (!g_str_equal (groups[i], BP_STUDY_FORMAT_META_GROUP))
      {
        g_string_append_printf (out, "\n[%s]\n", groups[i]);
        write_pairs (out, g_hash_table_lookup (data->groups, groups[i]));
      }

  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}

/* Reading */

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
  *problem = g_error_new_valist (BP_STUDY_FORMAT_ERROR, BP_STUDY_FORMAT_ERROR_DAMAGED,
                                 format, args);
  va_end (args);
}

/* @group's keys that @known does not claim, in file order, once each; NULL if none. */
static char **
read_pairs (GKeyFile   *key_file,
            const char *group,
            gboolean  (*known) (const char *key))
{
  g_auto(GStrv) keys = g_key_file_get_keys (key_file, group, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      /* GKeyFile lists a repeated key each time but gives its last value. */
      if ((known != NULL && known (keys[i])) || !g_hash_table_add (seen, keys[i]))
        continue;
      g_autofree char *value = g_key_file_get_value (key_file, group, keys[i], NULL);

      g_strv_builder_add (builder, keys[i]);
      g_strv_builder_add (builder, value);
    }

  return g_hash_table_size (seen) > 0 ? g_strv_builder_end (builder) : NULL;
}

static gboolean
find_field (const char   *key,
            BpStudyField *field)
{
  for (guint i = 0; i < BP_STUDY_N_FIELDS; i++)
    if (g_str_equal (key, bp_study_field_get_key (i)))
      {
        *field = i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
is_field_key (const char *key)
{
  BpStudyField field;

  return find_field (key, &field);
}

/* "Encoding" too: GKeyFile reads it in a file's first group, where the meta group is written,
 * and refuses the file unless it says UTF-8. Kept from a file where the group came later,
 * it would make the file written unreadable; and the file is UTF-8 whatever it says. */
static gboolean
is_meta_key (const char *key)
{
  return g_str_equal (key, KEY_VERSION) || g_str_equal (key, KEY_MINOR) ||
         g_str_equal (key, "Encoding");
}

/* A bad value is a problem, and the field keeps its default. */
static BpStudyEntry *
read_field (GKeyFile     *key_file,
            const char   *id,
            BpStudyField  field,
            BpStudyEntry *entry,
            GError      **problem)
{
  const char *key = bp_study_field_get_key (field);
  g_autofree char *raw = g_key_file_get_value (key_file, id, key, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean flag;
  gint64 stamp;

  switch (bp_study_field_get_kind (field))
    {
    case BP_STUDY_FIELD_KIND_FLAG:
      flag = g_key_file_get_boolean (key_file, id, key, &error);
      if (error == NULL)
        return bp_study_entry_with_flag_field (entry, field, flag);
      set_problem (problem, _("“%s” of [%s] is neither true nor false"), key, id);
      return bp_study_entry_ref (entry);
    case BP_STUDY_FIELD_KIND_TEXT:
      text = bp_study_format_unescape_notes (raw);
      return bp_study_entry_with_text_field (entry, field, text);
    case BP_STUDY_FIELD_KIND_STAMP:
    default:
      if (bp_study_format_parse_stamp (raw, &stamp))
        return bp_study_entry_with_modified (entry, stamp);
      set_problem (problem, _("“%s” of [%s] is not an ISO 8601 time"), key, id);
      return bp_study_entry_ref (entry);
    }
}

/* A bad value is a problem, but the rest of the entry is still read. */
static BpStudyEntry *
read_entry (GKeyFile    *key_file,
            const char  *id,
            GError     **problem)
{
  g_autoptr(BpStudyEntry) entry = bp_study_entry_new ();
  g_auto(GStrv) extra = read_pairs (key_file, id, is_field_key);

  for (guint i = 0; i < BP_STUDY_N_FIELDS; i++)
    if (g_key_file_has_key (key_file, id, bp_study_field_get_key (i), NULL))
      {
        BpStudyEntry *next = read_field (key_file, id, i, entry, problem);

        bp_study_entry_unref (entry);
        entry = next;
      }

  if (extra == NULL)
    return g_steal_pointer (&entry);
  return bp_study_entry_with_extra (entry, (const char * const *)extra);
}

static void
add_group (BpStudyData *data,
           const char  *group,
           char       **pairs)
{
  if (pairs != NULL)
    g_hash_table_replace (data->groups, g_ref_string_new (group), pairs);
}

/* Version 1, and every minor revision of it: unknown keys and reserved groups are kept. */
static BpStudyData *
read_v1 (GKeyFile  *key_file,
         GError   **problem)
{
  g_autoptr(BpStudyData) data = bp_study_data_new ();
  g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_equal (groups[i], BP_STUDY_FORMAT_META_GROUP))
        add_group (data, groups[i], read_pairs (key_file, groups[i], is_meta_key));
      else if (!bp_study_format_is_entry_group (groups[i]))
        add_group (data, groups[i], read_pairs (key_file, groups[i], NULL));
      else
        g_hash_table_replace (data->entries, g_ref_string_new (groups[i]),
                              read_entry (key_file, groups[i], problem));
    }

  return g_steal_pointer (&data);
}

typedef BpStudyData *(*StudyReader) (GKeyFile  *key_file,
                                     GError   **problem);

/* One reader per major version; index 0 is no version. */
static const StudyReader readers[] = { NULL, read_v1 };

/* The major version; a file that does not say one well is a problem, read as version 1. */
static gint64
read_major (GKeyFile  *key_file,
            GError   **problem)
{
  g_autoptr(GError) error = NULL;
  gint64 major;

  if (!g_key_file_has_key (key_file, BP_STUDY_FORMAT_META_GROUP, KEY_VERSION, NULL))
    {
      set_problem (problem, _("it has no [%s] group with a version"), BP_STUDY_FORMAT_META_GROUP);
      return BP_STUDY_FORMAT_MAJOR;
    }

  major = g_key_file_get_int64 (key_file, BP_STUDY_FORMAT_META_GROUP, KEY_VERSION, &error);
  if (error != NULL || major < 1)
    {
      set_problem (problem, _("its version is not a number Backprop knows"));
      return BP_STUDY_FORMAT_MAJOR;
    }

  /* Any minor revision reads the same; one that is not a number is damage all the same. */
  if (g_key_file_has_key (key_file, BP_STUDY_FORMAT_META_GROUP, KEY_MINOR, NULL))
    {
      gint64 minor = g_key_file_get_int64 (key_file, BP_STUDY_FORMAT_META_GROUP, KEY_MINOR,
                                           &error);

      if (error != NULL || minor < 0)
        set_problem (problem, _("its minor version is not a number"));
    }

  return major;
}

/**
 * bp_study_format_parse:
 * @text: the file's bytes, not necessarily nul-terminated
 * @major: (out): the major version the file says, or %BP_STUDY_FORMAT_MAJOR when it does not
 *   say one: a higher one means a newer Backprop wrote it
 * @problem: (out) (optional): why the file is damaged, if it is
 *
 * Reads what it can: a bad value is a problem, but the other values are still read. A file
 * of a newer major version is read as the newest this version knows.
 *
 * Returns: (transfer full): what the file holds, never %NULL
 */
BpStudyData *
bp_study_format_parse (const char  *text,
                       gsize        length,
                       gint64      *major,
                       GError     **problem)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) local_problem = NULL;
  StudyReader reader;
  BpStudyData *data;

  *major = BP_STUDY_FORMAT_MAJOR;
  if (!g_utf8_validate_len (text, length, NULL))
    set_problem (&local_problem, _("it is not UTF-8 text"));
  /* Every translation is a key to keep, whatever the locale. */
  else if (!g_key_file_load_from_data (key_file, text, length, G_KEY_FILE_KEEP_TRANSLATIONS,
                                       &error))
    set_problem (&local_problem, "%s", error->message);

  if (local_problem != NULL)
    {
      g_propagate_error (problem, g_steal_pointer (&local_problem));
      return bp_study_data_new ();
    }

  *major = read_major (key_file, &local_problem);
  reader = readers[MIN (*major, (gint64)G_N_ELEMENTS (readers) - 1)];
  data = reader (key_file, &local_problem);

  if (local_problem != NULL)
    g_propagate_error (problem, g_steal_pointer (&local_problem));
  return data;
}
