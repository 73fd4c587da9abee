/* bp-study-store.c: the user's study data (weak topics, notes, read state), kept per question id
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-store"

#include "config.h"

#include <string.h>

#include "bp-study-format.h"
#include "bp-study-saver.h"
#include "bp-study-store-private.h"

/*
 * The store holds the entries and says what changed; the rest has a file of its own: the entry
 * (bp-study-entry), the file's text (bp-study-format), the merge (bp-study-merge), the file on
 * disk (bp-study-file) and when and how it is written (bp-study-saver).
 */

G_DEFINE_QUARK (bp-study-store-error-quark, bp_study_store_error)

G_DEFINE_FINAL_TYPE (BpStudyStore, bp_study_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

GParamSpec *_bp_study_store_properties[N_PROPS];
static guint signals[N_SIGNALS];

static const BpStudyEntry *
lookup_entry (BpStudyStore *self,
              const char   *id)
{
  const BpStudyEntry *entry = g_hash_table_lookup (self->data->entries, id);

  return entry != NULL ? entry : bp_study_entry_get_default ();
}

/* Each change is stamped later than the entry's last one, even if the clock went back. */
static gint64
next_stamp (const BpStudyEntry *previous)
{
  return MAX (g_get_real_time (), bp_study_entry_get_modified (previous) + 1);
}

void
_bp_study_store_emit_changed (BpStudyStore *self,
                              const char   *id)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (id), id);
}

/* Every change goes through here: @changed (transfer full), @old with one change, is stamped
 * later than @old, replaces it, is signalled and scheduled for saving. */
static void
replace_entry (BpStudyStore       *self,
               const char         *id,
               const BpStudyEntry *old,
               BpStudyEntry       *changed)
{
  BpStudyEntry *entry = bp_study_entry_with_modified (changed, next_stamp (old));

  bp_study_entry_unref (changed);
  g_hash_table_replace (self->data->entries, g_ref_string_new (id), entry);
  self->generation++;
  _bp_study_store_update_unsaved (self);
  bp_study_saver_schedule (self->saver);
  _bp_study_store_emit_changed (self, id);
}

/* GObject */

static void
bp_study_store_constructed (GObject *object)
{
  BpStudyStore *self = (BpStudyStore *)object;

  G_OBJECT_CLASS (bp_study_store_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = bp_study_store_dup_default_path ();
  self->saver = bp_study_saver_new (object, &_bp_study_store_saver_hooks, self->path);
}

static void
bp_study_store_dispose (GObject *object)
{
  BpStudyStore *self = (BpStudyStore *)object;

  if (self->saver != NULL)
    bp_study_saver_dispose (self->saver);

  G_OBJECT_CLASS (bp_study_store_parent_class)->dispose (object);
}

static void
bp_study_store_finalize (GObject *object)
{
  BpStudyStore *self = (BpStudyStore *)object;

  if (self->has_unsaved_changes)
    g_debug ("Study store for %s finalized with unsaved changes", self->path);

  g_clear_pointer (&self->data, bp_study_data_free);
  g_clear_pointer (&self->saver, bp_study_saver_free);
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

  _bp_study_store_properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether memory holds changes the file lacks: the app asks before quitting if so. */
  _bp_study_store_properties[PROP_HAS_UNSAVED_CHANGES] =
    g_param_spec_boolean ("has-unsaved-changes", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why saving fails (a GError, its message ready to show), or NULL once a save succeeds. */
  _bp_study_store_properties[PROP_SAVE_ERROR] =
    g_param_spec_boxed ("save-error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Where a damaged file was set aside, for the app to tell the user. */
  _bp_study_store_properties[PROP_RECOVERED_FROM] =
    g_param_spec_string ("recovered-from", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The store never writes: a newer Backprop wrote the file, or it cannot be read. */
  _bp_study_store_properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, _bp_study_store_properties);

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
  self->data = bp_study_data_new ();
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

gboolean
bp_study_store_get_weak (BpStudyStore *self,
                         const char   *id)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return bp_study_entry_get_weak (lookup_entry (self, id));
}

void
bp_study_store_set_weak (BpStudyStore *self,
                         const char   *id,
                         gboolean      weak)
{
  const BpStudyEntry *old;

  g_return_if_fail (BP_IS_STUDY_STORE (self));
  g_return_if_fail (bp_study_store_is_valid_id (id));
  g_return_if_fail (self->loaded);

  old = lookup_entry (self, id);
  if (bp_study_entry_get_weak (old) == !!weak)
    return;

  replace_entry (self, id, old, bp_study_entry_with_flag_field (old, BP_STUDY_FIELD_WEAK, weak));
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

  return g_strdup (bp_study_entry_get_notes (lookup_entry (self, id)));
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
  const BpStudyEntry *old;

  g_return_if_fail (BP_IS_STUDY_STORE (self));
  g_return_if_fail (bp_study_store_is_valid_id (id));
  g_return_if_fail (notes == NULL || g_utf8_validate (notes, -1, NULL));
  g_return_if_fail (self->loaded);

  old = lookup_entry (self, id);
  if (g_str_equal (bp_study_entry_get_notes (old), notes != NULL ? notes : ""))
    return;

  replace_entry (self, id, old, bp_study_entry_with_text_field (old, BP_STUDY_FIELD_NOTES, notes));
}

gboolean
bp_study_store_get_read (BpStudyStore *self,
                         const char   *id)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return bp_study_entry_get_read (lookup_entry (self, id));
}

void
bp_study_store_set_read (BpStudyStore *self,
                         const char   *id,
                         gboolean      read)
{
  const BpStudyEntry *old;

  g_return_if_fail (BP_IS_STUDY_STORE (self));
  g_return_if_fail (bp_study_store_is_valid_id (id));
  g_return_if_fail (self->loaded);

  old = lookup_entry (self, id);
  if (bp_study_entry_get_read (old) == !!read)
    return;

  replace_entry (self, id, old, bp_study_entry_with_flag_field (old, BP_STUDY_FIELD_READ, read));
}

void
bp_study_store_mark_all_unread (BpStudyStore *self)
{
  g_autofree char **ids = NULL;
  g_autoptr(GPtrArray) read_ids = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (BP_IS_STUDY_STORE (self));
  g_return_if_fail (self->loaded);

  /* Collected first: each change replaces a key of the table and emits a signal. */
  ids = bp_study_entries_dup_ids (self->data->entries);
  for (guint i = 0; ids[i] != NULL; i++)
    if (bp_study_entry_get_read (lookup_entry (self, ids[i])))
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
  const BpStudyEntry *entry;

  g_return_val_if_fail (BP_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = lookup_entry (self, id);
  if (bp_study_entry_get_modified (entry) == 0)
    return NULL;
  return bp_study_format_stamp_to_date_time (bp_study_entry_get_modified (entry));
}

BpStudyFlags
bp_study_store_get_flags (BpStudyStore *self,
                          const char   *id)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), BP_STUDY_FLAG_NONE);
  g_return_val_if_fail (id != NULL, BP_STUDY_FLAG_NONE);

  return bp_study_entry_get_flags (lookup_entry (self, id));
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

  return g_hash_table_contains (self->data->entries, id);
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

  ids = bp_study_entries_dup_ids (self->data->entries);
  return g_strdupv (ids);
}

/**
 * bp_study_store_count:
 * @flags: what an entry must have, all of it; %BP_STUDY_FLAG_NONE counts every one
 *
 * bp_deck_study_count() counts a deck's questions instead.
 *
 * Returns: how many entries have all of @flags, including those of questions no deck has
 */
guint
bp_study_store_count (BpStudyStore *self,
                      BpStudyFlags  flags)
{
  GHashTableIter iter;
  gpointer entry;
  guint count = 0;

  g_return_val_if_fail (BP_IS_STUDY_STORE (self), 0);

  g_hash_table_iter_init (&iter, self->data->entries);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    count += (bp_study_entry_get_flags (entry) & flags) == flags;

  return count;
}

/**
 * bp_study_store_is_valid_id:
 *
 * Returns: whether @id can key an entry: UTF-8, not empty, no "[", "]" or control
 *   characters (it names a group of the file), and not the file's own "backprop" group
 *   nor one it keeps for later versions ("backprop:…")
 */
gboolean
bp_study_store_is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || !g_utf8_validate (id, -1, NULL) ||
      !bp_study_format_is_entry_group (id))
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
