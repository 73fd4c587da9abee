/* bp-study-merge.c: the three-way merge of study data (base, mine, theirs), a pure function
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bp-study-merge.h"

/*
 * @base is the file as the store last wrote or read it, @mine the store's data, @theirs the
 * file now. For each value, a side that left it as the base had it did not change it, so the
 * other side's stands. Text both sides changed keeps both: the newer, then the older under a
 * marker with its date. Entries and groups only one side has are kept, never dropped.
 */

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

/* The marker's date is the older side's, in @time_zone: the caller's, never the clock's. */
static char *
make_marker (gint64     older_modified,
             GTimeZone *time_zone)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  if (older_modified != 0)
    utc = bp_study_format_stamp_to_date_time (older_modified);
  if (utc != NULL)
    local = g_date_time_to_timezone (utc, time_zone);
  if (local == NULL)
    return g_strdup (_("--- Also saved ---"));

  date = g_date_time_format (local, "%Y-%m-%d %H:%M");
  return g_strdup_printf (_("--- Also saved on %s ---"), date);
}

static gboolean
merge_flag (gboolean base,
            gboolean mine,
            gboolean theirs)
{
  return mine == base ? theirs : mine;
}

static char *
merge_text (const BpStudyEntry *base,
            const BpStudyEntry *mine,
            const BpStudyEntry *theirs,
            const BpStudyEntry *newer,
            const BpStudyEntry *older,
            BpStudyField        field,
            GTimeZone          *time_zone)
{
  const char *b = bp_study_entry_get_text_field (base, field);
  const char *m = bp_study_entry_get_text_field (mine, field);
  const char *t = bp_study_entry_get_text_field (theirs, field);
  const char *new_text = bp_study_entry_get_text_field (newer, field);
  const char *old_text = bp_study_entry_get_text_field (older, field);
  g_autofree char *marker = NULL;

  if (g_str_equal (m, t) || g_str_equal (t, b))
    return g_strdup (m);
  if (g_str_equal (m, b))
    return g_strdup (t);

  /* Both sides wrote something different: keep the newer, and never lose the older. */
  if (old_text[0] == '\0' || contains_lines (new_text, old_text))
    return g_strdup (new_text);

  marker = make_marker (bp_study_entry_get_modified (older), time_zone);
  if (new_text[0] == '\0')
    return g_strconcat (marker, "\n", old_text, NULL);
  return g_strconcat (new_text, "\n\n", marker, "\n", old_text, NULL);
}

/* Replaces *@result by @next, a copy of it with one change. */
static void
take_change (BpStudyEntry **result,
             BpStudyEntry  *next)
{
  bp_study_entry_unref (*result);
  *result = next;
}

/* Each field of the newer entry, changed where the merge says otherwise. */
static void
merge_field (BpStudyEntry       **result,
             const BpStudyEntry  *base,
             const BpStudyEntry  *mine,
             const BpStudyEntry  *theirs,
             const BpStudyEntry  *older,
             BpStudyField         field,
             GTimeZone           *time_zone)
{
  g_autofree char *text = NULL;
  gboolean flag;

  switch (bp_study_field_get_kind (field))
    {
    case BP_STUDY_FIELD_KIND_FLAG:
      flag = merge_flag (bp_study_entry_get_flag_field (base, field),
                         bp_study_entry_get_flag_field (mine, field),
                         bp_study_entry_get_flag_field (theirs, field));
      if (flag != bp_study_entry_get_flag_field (*result, field))
        take_change (result, bp_study_entry_with_flag_field (*result, field, flag));
      break;
    case BP_STUDY_FIELD_KIND_TEXT:
      text = merge_text (base, mine, theirs, *result, older, field, time_zone);
      if (!g_str_equal (text, bp_study_entry_get_text_field (*result, field)))
        take_change (result, bp_study_entry_with_text_field (*result, field, text));
      break;
    case BP_STUDY_FIELD_KIND_STAMP:
    default:
      /* The newer entry's stamp, which the result already has. */
      break;
    }
}

/**
 * bp_study_merge_entry:
 * @base: (nullable): the entry both sides started from; %NULL: they started from the defaults
 * @time_zone: where the marker's date is written for
 *
 * Returns: (transfer full): @mine and @theirs merged
 */
BpStudyEntry *
bp_study_merge_entry (const BpStudyEntry *base,
                      BpStudyEntry       *mine,
                      BpStudyEntry       *theirs,
                      GTimeZone          *time_zone)
{
  gboolean mine_is_newer = bp_study_entry_compare (mine, theirs) >= 0;
  BpStudyEntry *older = mine_is_newer ? theirs : mine;
  g_autoptr(BpStudyEntry) result = NULL;
  g_auto(GStrv) extra = NULL;

  if (bp_study_entry_equal (mine, theirs))
    return bp_study_entry_ref (mine);
  if (base == NULL)
    base = bp_study_entry_get_default ();

  result = bp_study_entry_ref (mine_is_newer ? mine : theirs);
  for (guint i = 0; i < BP_STUDY_N_FIELDS; i++)
    merge_field (&result, base, mine, theirs, older, i, time_zone);

  extra = bp_study_merge_extra (bp_study_entry_get_extra (base), bp_study_entry_get_extra (mine),
                                bp_study_entry_get_extra (theirs));
  if (!bp_study_extra_equal ((const char * const *)extra, bp_study_entry_get_extra (result)))
    take_change (&result, bp_study_entry_with_extra (result, (const char * const *)extra));

  return g_steal_pointer (&result);
}

static void
merge_extra_key (GStrvBuilder       *builder,
                 const char         *key,
                 const char * const *base,
                 const char * const *mine,
                 const char * const *theirs)
{
  const char *b = bp_study_extra_lookup (base, key);
  const char *m = bp_study_extra_lookup (mine, key);
  const char *value = g_strcmp0 (m, b) == 0 ? bp_study_extra_lookup (theirs, key) : m;

  /* NULL: the key was removed, on the side that changed it. */
  if (value != NULL)
    {
      g_strv_builder_add (builder, key);
      g_strv_builder_add (builder, value);
    }
}

/**
 * bp_study_merge_extra:
 *
 * Keys a newer Backprop wrote, merged key by key like flags: theirs are added, mine are kept
 * where both changed one. Mine come first, in their order, then theirs.
 *
 * Returns: (transfer full) (nullable): key, value pairs; %NULL if none is left
 */
char **
bp_study_merge_extra (const char * const *base,
                      const char * const *mine,
                      const char * const *theirs)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) merged = NULL;

  for (guint i = 0; mine != NULL && mine[i] != NULL; i += 2)
    merge_extra_key (builder, mine[i], base, mine, theirs);
  for (guint i = 0; theirs != NULL && theirs[i] != NULL; i += 2)
    if (bp_study_extra_lookup (mine, theirs[i]) == NULL)
      merge_extra_key (builder, theirs[i], base, mine, theirs);

  merged = g_strv_builder_end (builder);
  return merged[0] != NULL ? g_steal_pointer (&merged) : NULL;
}

/* An entry only one side has is kept: the other side never had it, or it lost it. */
static GHashTable *
merge_entries (GHashTable *base,
               GHashTable *mine,
               GHashTable *theirs,
               GTimeZone  *time_zone)
{
  GHashTable *merged = bp_study_entries_new ();
  GHashTableIter iter;
  gpointer id, entry;

  g_hash_table_iter_init (&iter, mine);
  while (g_hash_table_iter_next (&iter, &id, &entry))
    g_hash_table_insert (merged, g_ref_string_acquire (id), bp_study_entry_ref (entry));

  g_hash_table_iter_init (&iter, theirs);
  while (g_hash_table_iter_next (&iter, &id, &entry))
    {
      BpStudyEntry *my_entry = g_hash_table_lookup (mine, id);
      BpStudyEntry *result = my_entry == NULL
        ? bp_study_entry_ref (entry)
        : bp_study_merge_entry (g_hash_table_lookup (base, id), my_entry, entry, time_zone);

      g_hash_table_replace (merged, g_ref_string_acquire (id), result);
    }

  return merged;
}

/* Groups this version does not read merge like an entry's extra keys. */
static GHashTable *
merge_groups (GHashTable *base,
              GHashTable *mine,
              GHashTable *theirs)
{
  GHashTable *merged = bp_study_groups_new ();
  GHashTableIter iter;
  gpointer name, pairs;

  g_hash_table_iter_init (&iter, mine);
  while (g_hash_table_iter_next (&iter, &name, &pairs))
    g_hash_table_insert (merged, g_ref_string_acquire (name), g_strdupv (pairs));

  g_hash_table_iter_init (&iter, theirs);
  while (g_hash_table_iter_next (&iter, &name, &pairs))
    {
      const char * const *my_pairs = g_hash_table_lookup (mine, name);
      char **result = my_pairs == NULL
        ? g_strdupv (pairs)
        : bp_study_merge_extra (g_hash_table_lookup (base, name), my_pairs, pairs);

      if (result != NULL)
        g_hash_table_replace (merged, g_ref_string_acquire (name), result);
      else
        g_hash_table_remove (merged, name);
    }

  return merged;
}

/**
 * bp_study_merge:
 * @base: what the file held when @mine last matched it
 * @mine: the store's data
 * @theirs: what the file holds now
 * @time_zone: where the dates of "Also saved on" markers are written for
 *
 * Returns: (transfer full): both sides' changes
 */
BpStudyData *
bp_study_merge (const BpStudyData *base,
                const BpStudyData *mine,
                const BpStudyData *theirs,
                GTimeZone         *time_zone)
{
  BpStudyData *merged;

  g_return_val_if_fail (base != NULL && mine != NULL && theirs != NULL, NULL);
  g_return_val_if_fail (time_zone != NULL, NULL);

  merged = g_new0 (BpStudyData, 1);
  merged->entries = merge_entries (base->entries, mine->entries, theirs->entries, time_zone);
  merged->groups = merge_groups (base->groups, mine->groups, theirs->groups);
  return merged;
}
