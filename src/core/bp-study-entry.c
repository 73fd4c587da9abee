/* bp-study-entry.c: one question's study data, immutable and refcounted, its fields named in one table
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-entry"

#include "config.h"

#include <string.h>

#include "bp-study-entry.h"

/*
 * An entry never changes once made, so snapshots and save workers share it without copying;
 * a change makes a new entry. Its fields live in one array of values, described by the table
 * below: that table is the only list of them.
 *
 * The extra part holds the keys a newer Backprop wrote that this one does not read, as the
 * file spelled them, so that saving an entry gives them back.
 */

typedef union
{
  gboolean flag;
  char *text;
  gint64 stamp;
} StudyValue;

struct _BpStudyEntry
{
  StudyValue values[BP_STUDY_N_FIELDS];
  char **extra; /* key, value, key, value…; NULL when there is none */
};

typedef struct
{
  const char *key;     /* its key in the study file */
  BpStudyFieldKind kind;
  BpStudyFlags flag;   /* the flag the field raises when it is not at its default */
} StudyFieldInfo;

/* In the order of the file's keys; a compare goes by the stamp, then by this order. */
static const StudyFieldInfo fields[BP_STUDY_N_FIELDS] = {
  [BP_STUDY_FIELD_WEAK] = { "weak", BP_STUDY_FIELD_KIND_FLAG, BP_STUDY_FLAG_WEAK },
  [BP_STUDY_FIELD_READ] = { "read", BP_STUDY_FIELD_KIND_FLAG, BP_STUDY_FLAG_READ },
  [BP_STUDY_FIELD_MODIFIED] = { "modified", BP_STUDY_FIELD_KIND_STAMP, BP_STUDY_FLAG_NONE },
  [BP_STUDY_FIELD_NOTES] = { "notes", BP_STUDY_FIELD_KIND_TEXT, BP_STUDY_FLAG_NOTES },
};

BpStudyFieldKind
bp_study_field_get_kind (BpStudyField field)
{
  g_return_val_if_fail (field < BP_STUDY_N_FIELDS, BP_STUDY_FIELD_KIND_FLAG);

  return fields[field].kind;
}

const char *
bp_study_field_get_key (BpStudyField field)
{
  g_return_val_if_fail (field < BP_STUDY_N_FIELDS, NULL);

  return fields[field].key;
}

BpStudyFlags
bp_study_field_get_flag (BpStudyField field)
{
  g_return_val_if_fail (field < BP_STUDY_N_FIELDS, BP_STUDY_FLAG_NONE);

  return fields[field].flag;
}

/* Lifetime */

static BpStudyEntry *
entry_alloc (void)
{
  return g_atomic_rc_box_new0 (BpStudyEntry);
}

static void
entry_clear (gpointer data)
{
  BpStudyEntry *entry = data;

  for (guint i = 0; i < BP_STUDY_N_FIELDS; i++)
    if (fields[i].kind == BP_STUDY_FIELD_KIND_TEXT)
      g_free (entry->values[i].text);
  g_strfreev (entry->extra);
}

/* A copy of @entry's values, for a copy-with-change to change one of them. */
static BpStudyEntry *
entry_copy (const BpStudyEntry *entry)
{
  BpStudyEntry *copy = entry_alloc ();

  for (guint i = 0; i < BP_STUDY_N_FIELDS; i++)
    {
      if (fields[i].kind == BP_STUDY_FIELD_KIND_TEXT)
        copy->values[i].text = g_strdup (entry->values[i].text != NULL ? entry->values[i].text : "");
      else
        copy->values[i] = entry->values[i];
    }
  copy->extra = g_strdupv (entry->extra);

  return copy;
}

/**
 * bp_study_entry_new:
 *
 * Returns: (transfer full): an entry with every field at its default and no extra keys
 */
BpStudyEntry *
bp_study_entry_new (void)
{
  return entry_copy (bp_study_entry_get_default ());
}

/**
 * bp_study_entry_get_default:
 *
 * Returns: (transfer none): the entry of a question the store has nothing for; never freed
 */
const BpStudyEntry *
bp_study_entry_get_default (void)
{
  static BpStudyEntry default_entry;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < BP_STUDY_N_FIELDS; i++)
        if (fields[i].kind == BP_STUDY_FIELD_KIND_TEXT)
          default_entry.values[i].text = (char *)"";
      g_once_init_leave (&initialized, 1);
    }

  return &default_entry;
}

BpStudyEntry *
bp_study_entry_ref (BpStudyEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return g_atomic_rc_box_acquire (entry);
}

void
bp_study_entry_unref (BpStudyEntry *entry)
{
  g_return_if_fail (entry != NULL);

  g_atomic_rc_box_release_full (entry, entry_clear);
}

/* Fields */

gboolean
bp_study_entry_get_flag_field (const BpStudyEntry *entry,
                               BpStudyField        field)
{
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (bp_study_field_get_kind (field) == BP_STUDY_FIELD_KIND_FLAG, FALSE);

  return entry->values[field].flag;
}

const char *
bp_study_entry_get_text_field (const BpStudyEntry *entry,
                               BpStudyField        field)
{
  g_return_val_if_fail (entry != NULL, "");
  g_return_val_if_fail (bp_study_field_get_kind (field) == BP_STUDY_FIELD_KIND_TEXT, "");

  return entry->values[field].text;
}

gboolean
bp_study_entry_get_weak (const BpStudyEntry *entry)
{
  return bp_study_entry_get_flag_field (entry, BP_STUDY_FIELD_WEAK);
}

gboolean
bp_study_entry_get_read (const BpStudyEntry *entry)
{
  return bp_study_entry_get_flag_field (entry, BP_STUDY_FIELD_READ);
}

const char *
bp_study_entry_get_notes (const BpStudyEntry *entry)
{
  return bp_study_entry_get_text_field (entry, BP_STUDY_FIELD_NOTES);
}

/**
 * bp_study_entry_get_modified:
 *
 * Returns: when the entry last changed, in microseconds since the Unix epoch; 0 if unknown
 */
gint64
bp_study_entry_get_modified (const BpStudyEntry *entry)
{
  g_return_val_if_fail (entry != NULL, 0);

  return entry->values[BP_STUDY_FIELD_MODIFIED].stamp;
}

/**
 * bp_study_entry_get_extra:
 *
 * Returns: (nullable) (array zero-terminated=1): the keys this version does not read and their
 *   values as the file spelled them, in pairs: key, value, key, value…; %NULL if none
 */
const char * const *
bp_study_entry_get_extra (const BpStudyEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return (const char * const *)entry->extra;
}

BpStudyFlags
bp_study_entry_get_flags (const BpStudyEntry *entry)
{
  BpStudyFlags flags = BP_STUDY_FLAG_NONE;

  g_return_val_if_fail (entry != NULL, BP_STUDY_FLAG_NONE);

  for (guint i = 0; i < BP_STUDY_N_FIELDS; i++)
    {
      gboolean set = fields[i].kind == BP_STUDY_FIELD_KIND_FLAG ? entry->values[i].flag
                   : fields[i].kind == BP_STUDY_FIELD_KIND_TEXT ? entry->values[i].text[0] != '\0'
                   : FALSE;

      if (set)
        flags |= fields[i].flag;
    }

  return flags;
}

/* Copies with one change */

/**
 * bp_study_entry_with_flag_field:
 *
 * Returns: (transfer full): a copy of @entry with @field set to @value
 */
BpStudyEntry *
bp_study_entry_with_flag_field (const BpStudyEntry *entry,
                                BpStudyField        field,
                                gboolean            value)
{
  BpStudyEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (bp_study_field_get_kind (field) == BP_STUDY_FIELD_KIND_FLAG, NULL);

  copy = entry_copy (entry);
  copy->values[field].flag = !!value;
  return copy;
}

/**
 * bp_study_entry_with_text_field:
 * @value: (nullable): UTF-8 text; %NULL for ""
 *
 * Returns: (transfer full): a copy of @entry with @field set to @value
 */
BpStudyEntry *
bp_study_entry_with_text_field (const BpStudyEntry *entry,
                                BpStudyField        field,
                                const char         *value)
{
  BpStudyEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (bp_study_field_get_kind (field) == BP_STUDY_FIELD_KIND_TEXT, NULL);

  copy = entry_copy (entry);
  g_free (copy->values[field].text);
  copy->values[field].text = g_strdup (value != NULL ? value : "");
  return copy;
}

/**
 * bp_study_entry_with_modified:
 *
 * Returns: (transfer full): a copy of @entry stamped @modified
 */
BpStudyEntry *
bp_study_entry_with_modified (const BpStudyEntry *entry,
                              gint64              modified)
{
  BpStudyEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = entry_copy (entry);
  copy->values[BP_STUDY_FIELD_MODIFIED].stamp = modified;
  return copy;
}

/**
 * bp_study_entry_with_extra:
 * @extra: (nullable) (array zero-terminated=1): key, value pairs, as bp_study_entry_get_extra()
 *
 * Returns: (transfer full): a copy of @entry with @extra as its extra keys
 */
BpStudyEntry *
bp_study_entry_with_extra (const BpStudyEntry *entry,
                           const char * const *extra)
{
  BpStudyEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (extra == NULL || g_strv_length ((char **)extra) % 2 == 0, NULL);

  copy = entry_copy (entry);
  g_strfreev (copy->extra);
  copy->extra = extra != NULL && extra[0] != NULL ? g_strdupv ((char **)extra) : NULL;
  return copy;
}

/* Comparing */

/* <0, 0 or >0 as @a's value of @field sorts before, with or after @b's. */
static int
compare_field (const BpStudyEntry *a,
               const BpStudyEntry *b,
               guint               field)
{
  const StudyValue *x = &a->values[field];
  const StudyValue *y = &b->values[field];

  switch (fields[field].kind)
    {
    case BP_STUDY_FIELD_KIND_FLAG:
      return (int)x->flag - (int)y->flag;
    case BP_STUDY_FIELD_KIND_TEXT:
      return strcmp (x->text, y->text);
    case BP_STUDY_FIELD_KIND_STAMP:
    default:
      return x->stamp < y->stamp ? -1 : x->stamp > y->stamp;
    }
}

/**
 * bp_study_entry_same_content:
 *
 * Returns: whether @a and @b hold the same values for the user: their stamps and extra keys
 *   may differ
 */
gboolean
bp_study_entry_same_content (const BpStudyEntry *a,
                             const BpStudyEntry *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (guint i = 0; i < BP_STUDY_N_FIELDS; i++)
    if (fields[i].kind != BP_STUDY_FIELD_KIND_STAMP && compare_field (a, b, i) != 0)
      return FALSE;

  return TRUE;
}

gboolean
bp_study_entry_equal (const BpStudyEntry *a,
                      const BpStudyEntry *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return bp_study_entry_compare (a, b) == 0;
}

static int
compare_extra (const char * const *a,
               const char * const *b)
{
  guint i = 0;

  for (; a != NULL && b != NULL && a[i] != NULL && b[i] != NULL; i++)
    {
      int order = strcmp (a[i], b[i]);

      if (order != 0)
        return order;
    }

  /* The one that ran out first sorts first; NULL counts as empty. */
  return (a != NULL && a[i] != NULL) - (b != NULL && b[i] != NULL);
}

/**
 * bp_study_entry_compare:
 *
 * A total order, oldest first: by stamp, then by each field, then by the extra keys, so that
 * two stores merging the same pair of entries pick the same one as newer.
 *
 * Returns: <0, 0 or >0 as @a sorts before, with or after @b; 0 only for equal entries
 */
int
bp_study_entry_compare (const BpStudyEntry *a,
                        const BpStudyEntry *b)
{
  int order;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  order = compare_field (a, b, BP_STUDY_FIELD_MODIFIED);
  for (guint i = 0; order == 0 && i < BP_STUDY_N_FIELDS; i++)
    if (fields[i].kind != BP_STUDY_FIELD_KIND_STAMP)
      order = compare_field (a, b, i);

  return order != 0 ? order : compare_extra ((const char * const *)a->extra,
                                            (const char * const *)b->extra);
}

/* Extra keys */

gboolean
bp_study_extra_equal (const char * const *a,
                      const char * const *b)
{
  return compare_extra (a, b) == 0;
}

/**
 * bp_study_extra_lookup:
 * @extra: (nullable): key, value pairs
 *
 * Returns: (nullable): the value of @key in @extra, or %NULL
 */
const char *
bp_study_extra_lookup (const char * const *extra,
                       const char         *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; extra != NULL && extra[i] != NULL; i += 2)
    if (g_str_equal (extra[i], key))
      return extra[i + 1];

  return NULL;
}
