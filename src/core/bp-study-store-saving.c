/* bp-study-store-saving.c: the study store's loading, flushing and what its saver tells it
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bp-study-messages.h"
#include "bp-study-saver.h"
#include "bp-study-store-private.h"

#define MAX_SAVE_ROUNDS 5

/* State */

void
_bp_study_store_update_unsaved (BpStudyStore *self)
{
  gboolean unsaved = self->generation != self->saved_generation;

  if (unsaved == self->has_unsaved_changes)
    return;

  self->has_unsaved_changes = unsaved;
  g_object_notify_by_pspec (G_OBJECT (self), _bp_study_store_properties[PROP_HAS_UNSAVED_CHANGES]);
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
  g_object_notify_by_pspec (G_OBJECT (self), _bp_study_store_properties[PROP_SAVE_ERROR]);
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
      g_object_notify_by_pspec (G_OBJECT (self), _bp_study_store_properties[PROP_READ_ONLY]);
    }
}

static void
set_recovered_from (BpStudyStore *self,
                    const char   *path)
{
  g_free (self->recovered_from);
  self->recovered_from = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), _bp_study_store_properties[PROP_RECOVERED_FROM]);
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
  _bp_study_store_update_unsaved (self);

  /* Signals last: a handler may change the store again, or flush it. */
  for (guint i = 0; i < changed->len; i++)
    _bp_study_store_emit_changed (self, g_ptr_array_index (changed, i));
}

static void
saver_set_aside (GObject    *owner,
                 const char *aside)
{
  BpStudyStore *self = BP_STUDY_STORE (owner);

  set_recovered_from (self, aside);
  self->generation++;
  _bp_study_store_update_unsaved (self);
}

static void
saver_saved (GObject *owner,
             guint64  generation)
{
  BpStudyStore *self = BP_STUDY_STORE (owner);

  self->saved_generation = MAX (self->saved_generation, generation);
  if (!self->read_only)
    set_save_error (self, NULL);
  _bp_study_store_update_unsaved (self);
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

const BpStudySaverHooks _bp_study_store_saver_hooks = {
  .peek = saver_peek,
  .has_unsaved = saver_has_unsaved,
  .merged = saver_merged,
  .set_aside = saver_set_aside,
  .saved = saver_saved,
  .failed = saver_failed,
  .stopped = saver_stopped,
};

/* Loading and flushing */

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
          _bp_study_store_update_unsaved (self);
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
