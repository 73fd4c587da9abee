/* bp-study-store.c: the user's study data (weak topics, notes, read state), kept per question id
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bp-study-format.h"
#include "bp-study-messages.h"
#include "bp-study-saver.h"
#include "bp-study-store-private.h"

/*
 * The store holds the entries and says what changed; the rest has a file of its own: the entry
 * (bp-study-entry), the file's text (bp-study-format), the merge (bp-study-merge), the file on
 * disk (bp-study-file) and when and how it is written (bp-study-saver).
 */

#define MAX_SAVE_ROUNDS 5

G_DEFINE_QUARK (bp-study-store-error-quark, bp_study_store_error)

struct _BpStudyStore
{
  GObject parent_instance;

  char *path;
  BpStudySaver *saver;
  BpStudyData *data; /* its entries' table is changed in place, so never shared */

  gboolean loaded;
  gboolean read_only;
  gboolean has_unsaved_changes;
  guint64 generation;       /* bumped by every change */
  guint64 saved_generation; /* the generation the file holds */
  GError *save_error;
  char *recovered_from;
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

static void
emit_changed (BpStudyStore *self,
              const char   *id)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (id), id);
}

/* State */

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
  bp_study_saver_stop (self->saver);
  set_save_error (self, error);

  if (!self->read_only)
    {
      self->read_only = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

static void
set_recovered_from (BpStudyStore *self,
                    const char   *path)
{
  g_free (self->recovered_from);
  self->recovered_from = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERED_FROM]);
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
  update_unsaved (self);
  bp_study_saver_schedule (self->saver);
  emit_changed (self, id);
}

/* What the saver asks and tells */

static const BpStudyData *
saver_peek (GObject *owner,
            guint64 *generation)
{
  BpStudyStore *self = BP_STUDY_STORE (owner);

  *generation = self->generation;
  return self->data;
}

static gboolean
saver_has_unsaved (GObject *owner)
{
  return BP_STUDY_STORE (owner)->has_unsaved_changes;
}

/* Installs @merged as the store's data; @in_sync if it is what the file holds. */
static void
saver_merged (GObject     *owner,
              BpStudyData *merged,
              gboolean     in_sync)
{
  BpStudyStore *self = BP_STUDY_STORE (owner);
  g_autoptr(BpStudyData) old = g_steal_pointer (&self->data);
  g_autofree char **ids = bp_study_entries_dup_ids (merged->entries);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);

  self->data = merged;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      BpStudyEntry *before = g_hash_table_lookup (old->entries, ids[i]);
      BpStudyEntry *after = g_hash_table_lookup (merged->entries, ids[i]);

      if (before == NULL || !bp_study_entry_same_content (before, after))
        g_ptr_array_add (changed, g_strdup (ids[i]));
    }

  if (in_sync)
    self->saved_generation = self->generation;
  else
    self->generation++;
  update_unsaved (self);

  /* Signals last: a handler may change the store again, or flush it. */
  for (guint i = 0; i < changed->len; i++)
    emit_changed (self, g_ptr_array_index (changed, i));
}

static void
saver_set_aside (GObject    *owner,
                 const char *aside)
{
  BpStudyStore *self = BP_STUDY_STORE (owner);

  set_recovered_from (self, aside);
  self->generation++;
  update_unsaved (self);
}

static void
saver_saved (GObject *owner,
             guint64  generation)
{
  BpStudyStore *self = BP_STUDY_STORE (owner);

  self->saved_generation = MAX (self->saved_generation, generation);
  if (!self->read_only)
    set_save_error (self, NULL);
  update_unsaved (self);
}

static void
saver_failed (GObject      *owner,
              const GError *error)
{
  set_save_error (BP_STUDY_STORE (owner), error);
}

static void
saver_stopped (GObject      *owner,
               const GError *error)
{
  become_read_only (BP_STUDY_STORE (owner), error);
}

static const BpStudySaverHooks saver_hooks = {
  .peek = saver_peek,
  .has_unsaved = saver_has_unsaved,
  .merged = saver_merged,
  .set_aside = saver_set_aside,
  .saved = saver_saved,
  .failed = saver_failed,
  .stopped = saver_stopped,
};

/* GObject */

static void
bp_study_store_constructed (GObject *object)
{
  BpStudyStore *self = (BpStudyStore *)object;

  G_OBJECT_CLASS (bp_study_store_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = bp_study_store_dup_default_path ();
  self->saver = bp_study_saver_new (object, &saver_hooks, self->path);
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

static gboolean
load_read_only (BpStudyStore  *self,
                GError        *reason,
                GError       **error)
{
  become_read_only (self, reason);
  g_propagate_error (error, reason);
  return FALSE;
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
  g_autoptr(BpStudyData) data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *aside = NULL;
  gboolean ok;

  g_return_val_if_fail (BP_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (!self->loaded, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->loaded = TRUE;

  ok = bp_study_saver_load (self->saver, &data, &aside, &local_error);
  if (data != NULL)
    {
      bp_study_data_free (self->data);
      self->data = g_steal_pointer (&data);
    }
  if (!ok)
    return load_read_only (self, g_steal_pointer (&local_error), error);

  /* What was salvaged from a damaged file is saved to a new one. */
  if (aside != NULL)
    {
      set_recovered_from (self, aside);
      if (g_hash_table_size (self->data->entries) > 0 || g_hash_table_size (self->data->groups) > 0)
        {
          self->generation++;
          update_unsaved (self);
          bp_study_saver_schedule (self->saver);
        }
    }

  return TRUE;
}

static gboolean
flush_read_only (BpStudyStore  *self,
                 GError       **error)
{
  if (self->save_error != NULL)
    g_propagate_error (error, g_error_copy (self->save_error));
  else
    g_propagate_error (error, _bp_study_store_error_new (BP_STUDY_STORE_ERROR_READ_ONLY,
                                                         self->path, NULL));
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

  bp_study_saver_unschedule (self->saver);

  for (guint round = 0; round < MAX_SAVE_ROUNDS; round++)
    {
      if (self->read_only)
        return flush_read_only (self, error);
      if (!self->has_unsaved_changes)
        return TRUE;

      switch (bp_study_saver_save_now (self->saver, error))
        {
        case BP_STUDY_SAVE_DONE:
          return TRUE;
        case BP_STUDY_SAVE_FAILED:
          return FALSE;
        case BP_STUDY_SAVE_CONFLICT:
        default:
          break;
        }
    }

  g_set_error_literal (error, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_WRITE,
                       _("Could not save your notes: another program keeps changing the file. "
                         "Backprop will try again."));
  bp_study_saver_schedule (self->saver);
  return FALSE;
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

void
bp_study_store_set_delays (BpStudyStore *self,
                           guint         save_delay_ms,
                           guint         monitor_delay_ms,
                           const guint  *retry_delays_ms,
                           guint         n_retry_delays)
{
  g_return_if_fail (BP_IS_STUDY_STORE (self));

  bp_study_saver_set_delays (self->saver, save_delay_ms, monitor_delay_ms,
                             retry_delays_ms, n_retry_delays);
}

guint
bp_study_store_get_n_writes (BpStudyStore *self)
{
  g_return_val_if_fail (BP_IS_STUDY_STORE (self), 0);

  return bp_study_saver_get_n_writes (self->saver);
}
