/* bp-library.c: the decks the user studies: the built-in one and every file they opened
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bp-deck-parser.h"
#include "bp-library-private.h"
#include "bp-study-file.h"

/* The file's own group; every other group is one deck, in the library's order. */
#define FORMAT_GROUP "backprop"
#define DECK_GROUP_PREFIX "deck "

struct _BpLibrary
{
  GObject parent_instance;

  char *path;
  GKeyFile *key_file;       /* as read: groups and keys of later versions are kept */
  GPtrArray *entries;       /* BpLibraryEntry, the built-in deck first */
  char *recovered_from;
  gboolean read_only;       /* a newer major version wrote the file */
  GHashTable *monitors;     /* deck id -> GFileMonitor of each deck read from a file */
  GHashTable *reloads;      /* deck id -> pending reload's timeout id */
};

/* Editors write a file in several steps (truncate, write, rename): one reload after them. */
#define RELOAD_DELAY_MS 150

enum {
  RELOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BpLibrary, bp_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (bp-library-error-quark, bp_library_error)

static GType
bp_library_get_item_type (GListModel *model)
{
  return BP_TYPE_LIBRARY_ENTRY;
}

static guint
bp_library_get_n_items (GListModel *model)
{
  return BP_LIBRARY (model)->entries->len;
}

static gpointer
bp_library_get_item (GListModel *model,
                     guint       position)
{
  BpLibrary *self = BP_LIBRARY (model);

  if (position >= self->entries->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bp_library_get_item_type;
  iface->get_n_items = bp_library_get_n_items;
  iface->get_item = bp_library_get_item;
}

static void
bp_library_finalize (GObject *object)
{
  BpLibrary *self = (BpLibrary *)object;

  g_clear_pointer (&self->reloads, g_hash_table_unref);
  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovered_from, g_free);

  G_OBJECT_CLASS (bp_library_parent_class)->finalize (object);
}

static void
bp_library_class_init (BpLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bp_library_finalize;

  /**
   * BpLibrary::reload-failed:
   * @entry: the deck whose file changed
   * @error: why the new content is no deck; the deck keeps what was last read
   */
  signals[RELOAD_FAILED] =
    g_signal_new ("reload-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, BP_TYPE_LIBRARY_ENTRY, G_TYPE_ERROR);
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static void
bp_library_init (BpLibrary *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->key_file = g_key_file_new ();
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->reloads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, remove_source);
}

/**
 * bp_library_dup_default_path:
 *
 * Returns: (transfer full): where the library is kept, beside the study file
 */
char *
bp_library_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "backprop", "library.ini", NULL);
}

/**
 * bp_library_new:
 * @path: the library file
 * @builtin: the built-in deck, always the first entry and never removed
 */
BpLibrary *
bp_library_new (const char *path,
                BpDeck     *builtin)
{
  BpLibrary *self;
  BpLibraryEntry *entry;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (BP_IS_DECK (builtin), NULL);

  self = g_object_new (BP_TYPE_LIBRARY, NULL);
  self->path = g_strdup (path);
  entry = _bp_library_entry_new (bp_deck_get_id (builtin), NULL);
  _bp_library_entry_set_title (entry, bp_deck_get_title (builtin));
  _bp_library_entry_set_deck (entry, builtin);
  g_ptr_array_add (self->entries, entry);

  return self;
}

const char *
bp_library_get_path (BpLibrary *self)
{
  g_return_val_if_fail (BP_IS_LIBRARY (self), NULL);

  return self->path;
}

/* One group "deck <id>": where the file was, how to know it again, what it showed. */
static BpLibraryEntry *
read_entry (GKeyFile   *key_file,
            const char *group)
{
  const char *id = group + strlen (DECK_GROUP_PREFIX);
  g_autofree char *path = g_key_file_get_string (key_file, group, "path", NULL);
  g_autofree char *fingerprint = g_key_file_get_string (key_file, group, "fingerprint", NULL);
  g_autofree char *title = g_key_file_get_string (key_file, group, "title", NULL);
  guint64 n_questions = g_key_file_get_uint64 (key_file, group, "questions", NULL);
  BpLibraryEntry *entry;

  if (*id == '\0' || path == NULL || !g_path_is_absolute (path))
    return NULL;

  entry = _bp_library_entry_new (id, path);
  _bp_library_entry_set_fingerprint (entry, fingerprint);
  _bp_library_entry_set_title (entry, title);
  _bp_library_entry_set_n_questions (entry, (guint)MIN (n_questions, G_MAXUINT));
  return entry;
}

static void
read_entries (BpLibrary *self)
{
  g_auto(GStrv) groups = g_key_file_get_groups (self->key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      BpLibraryEntry *entry;

      if (!g_str_has_prefix (groups[i], DECK_GROUP_PREFIX) ||
          (entry = read_entry (self->key_file, groups[i])) == NULL ||
          bp_library_lookup (self, bp_library_entry_get_id (entry)) != NULL)
        continue;

      g_ptr_array_add (self->entries, entry);
    }
}

/* A file that does not parse is set aside, never overwritten, and the library starts
 * with the built-in deck alone. */
static gboolean
recover (BpLibrary  *self,
         GDateTime  *now,
         GError    **error)
{
  g_autoptr(GError) move_error = NULL;

  g_clear_pointer (&self->key_file, g_key_file_unref);
  self->key_file = g_key_file_new ();
  self->recovered_from = bp_study_file_move_aside (self->path, now, &move_error);
  if (self->recovered_from == NULL)
    {
      self->read_only = TRUE;
      g_set_error (error, BP_LIBRARY_ERROR, BP_LIBRARY_ERROR_UNREADABLE,
                   _("The library file %s is damaged and could not be set aside: %s"),
                   self->path, move_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * bp_library_load:
 * @now: when, for the name of a damaged file set aside
 *
 * Reads the library file; a missing one is an empty library. A damaged one is moved
 * aside (see bp_library_get_recovered_from()); one a newer major version wrote is read
 * but never overwritten.
 *
 * Returns: %FALSE with @error set if the file could not be read or set aside
 */
gboolean
bp_library_load (BpLibrary  *self,
                 GDateTime  *now,
                 GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n_before = self->entries->len;

  g_return_val_if_fail (BP_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!g_key_file_load_from_file (self->key_file, self->path, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      if (!g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE) &&
          !g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_UNKNOWN_ENCODING))
        {
          self->read_only = TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return recover (self, now, error);
    }

  self->read_only = g_key_file_get_integer (self->key_file, FORMAT_GROUP, "version", NULL) >
                    BP_LIBRARY_FILE_VERSION;
  read_entries (self);
  bp_library_check_available (self);
  g_list_model_items_changed (G_LIST_MODEL (self), n_before, 0, self->entries->len - n_before);

  return TRUE;
}

static void
write_entry (GKeyFile       *key_file,
             BpLibraryEntry *entry)
{
  g_autofree char *group = g_strconcat (DECK_GROUP_PREFIX, bp_library_entry_get_id (entry), NULL);
  const char *fingerprint = _bp_library_entry_get_fingerprint (entry);

  g_key_file_set_string (key_file, group, "path", bp_library_entry_get_path (entry));
  if (fingerprint != NULL)
    g_key_file_set_string (key_file, group, "fingerprint", fingerprint);
  g_key_file_set_string (key_file, group, "title", bp_library_entry_get_title (entry));
  g_key_file_set_uint64 (key_file, group, "questions", bp_library_entry_get_n_questions (entry));
}

/**
 * bp_library_save:
 *
 * Writes the library file atomically and durably.
 */
gboolean
bp_library_save (BpLibrary  *self,
                 GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  char *data;

  g_return_val_if_fail (BP_IS_LIBRARY (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, BP_LIBRARY_ERROR, BP_LIBRARY_ERROR_NEWER_VERSION,
                   _("The library file %s was written by a newer Backprop; "
                     "decks opened now are not remembered."), self->path);
      return FALSE;
    }

  g_key_file_set_integer (self->key_file, FORMAT_GROUP, "version", BP_LIBRARY_FILE_VERSION);
  for (guint i = 0; i < self->entries->len; i++)
    if (!bp_library_entry_get_builtin (g_ptr_array_index (self->entries, i)))
      write_entry (self->key_file, g_ptr_array_index (self->entries, i));

  data = g_key_file_to_data (self->key_file, &length, NULL);
  bytes = g_bytes_new_take (data, length);
  return bp_study_file_write (self->path, bytes, error);
}

/**
 * bp_library_get_recovered_from:
 *
 * Returns: (nullable): where a damaged library file was set aside at load
 */
const char *
bp_library_get_recovered_from (BpLibrary *self)
{
  g_return_val_if_fail (BP_IS_LIBRARY (self), NULL);

  return self->recovered_from;
}

/**
 * bp_library_lookup:
 *
 * Returns: (transfer none) (nullable): the deck with @id
 */
BpLibraryEntry *
bp_library_lookup (BpLibrary  *self,
                   const char *id)
{
  g_return_val_if_fail (BP_IS_LIBRARY (self), NULL);

  for (guint i = 0; id != NULL && i < self->entries->len; i++)
    if (g_str_equal (bp_library_entry_get_id (g_ptr_array_index (self->entries, i)), id))
      return g_ptr_array_index (self->entries, i);

  return NULL;
}

/**
 * bp_library_lookup_path:
 * @path: an absolute file name
 *
 * Returns: (transfer none) (nullable): the deck last seen at @path
 */
BpLibraryEntry *
bp_library_lookup_path (BpLibrary  *self,
                        const char *path)
{
  g_return_val_if_fail (BP_IS_LIBRARY (self), NULL);

  for (guint i = 0; path != NULL && i < self->entries->len; i++)
    if (g_strcmp0 (bp_library_entry_get_path (g_ptr_array_index (self->entries, i)), path) == 0)
      return g_ptr_array_index (self->entries, i);

  return NULL;
}

/**
 * bp_library_remove:
 *
 * Takes the deck out of the library and saves. Its file is left alone and its study
 * data is kept: opening the file again brings both back. The built-in deck stays.
 *
 * Returns: %FALSE with @error set if the library could not be saved
 */
gboolean
bp_library_remove (BpLibrary   *self,
                   const char  *id,
                   GError     **error)
{
  g_autofree char *group = NULL;

  g_return_val_if_fail (BP_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 1; i < self->entries->len; i++)
    if (g_str_equal (bp_library_entry_get_id (g_ptr_array_index (self->entries, i)), id))
      {
        g_hash_table_remove (self->reloads, id);
        g_hash_table_remove (self->monitors, id);
        g_ptr_array_remove_index (self->entries, i);
        group = g_strconcat (DECK_GROUP_PREFIX, id, NULL);
        g_key_file_remove_group (self->key_file, group, NULL);
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
        return bp_library_save (self, error);
      }

  return TRUE;
}

/**
 * bp_library_check_available:
 *
 * Marks each deck whose file is gone (deleted, moved, renamed) as unavailable, and one
 * whose file is back as available.
 */
void
bp_library_check_available (BpLibrary *self)
{
  g_return_if_fail (BP_IS_LIBRARY (self));

  for (guint i = 1; i < self->entries->len; i++)
    {
      BpLibraryEntry *entry = g_ptr_array_index (self->entries, i);

      _bp_library_entry_set_available (entry, g_file_test (bp_library_entry_get_path (entry),
                                                           G_FILE_TEST_IS_REGULAR));
    }
}

/* A deck's title: its first level-1 heading, else its file's name without ".md". */
static char *
title_for (BpDeck     *deck,
           const char *path)
{
  g_autofree char *name = NULL;
  char *dot;

  if (bp_deck_get_has_title (deck))
    return g_strdup (bp_deck_get_title (deck));

  name = g_filename_display_basename (path);
  if ((dot = strrchr (name, '.')) != NULL && dot != name)
    *dot = '\0';
  return g_steal_pointer (&name);
}

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  BpLibrary *self = BP_LIBRARY (object);
  g_autoptr(BpLibraryEntry) entry = user_data;
  g_autoptr(GError) error = NULL;

  if (bp_library_open_finish (self, result, &error) == NULL)
    g_signal_emit (self, signals[RELOAD_FAILED], 0, entry, error);
}

static gboolean
reload_cb (gpointer user_data)
{
  BpLibraryEntry *entry = user_data;
  BpLibrary *self = g_object_get_data (G_OBJECT (entry), "bp-library");
  const char *path = bp_library_entry_get_path (entry);

  g_hash_table_steal (self->reloads, bp_library_entry_get_id (entry));
  bp_library_check_available (self);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      bp_library_open_async (self, file, NULL, reloaded_cb, g_object_ref (entry));
    }

  return G_SOURCE_REMOVE;
}

/* Saved in an editor, deleted, moved away or back: read it again a moment later. */
static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 BpLibraryEntry    *entry)
{
  BpLibrary *self = g_object_get_data (G_OBJECT (entry), "bp-library");
  const char *id = bp_library_entry_get_id (entry);

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || g_hash_table_contains (self->reloads, id))
    return;

  g_hash_table_insert (self->reloads, g_strdup (id),
                       GUINT_TO_POINTER (g_timeout_add_full (G_PRIORITY_DEFAULT, RELOAD_DELAY_MS,
                                                             reload_cb, g_object_ref (entry),
                                                             g_object_unref)));
}

static void
watch (BpLibrary      *self,
       BpLibraryEntry *entry)
{
  g_autoptr(GFile) file = g_file_new_for_path (bp_library_entry_get_path (entry));
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  if (g_hash_table_contains (self->monitors, bp_library_entry_get_id (entry)))
    return;

  /* Without a monitor the deck still opens; only edits are not followed. */
  if ((monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error)) == NULL)
    {
      g_message ("Changes to %s are not followed: %s", bp_library_entry_get_path (entry), error->message);
      return;
    }

  g_object_set_data (G_OBJECT (entry), "bp-library", self);
  g_signal_connect_object (monitor, "changed", G_CALLBACK (file_changed_cb), entry, 0);
  g_hash_table_insert (self->monitors, g_strdup (bp_library_entry_get_id (entry)), monitor);
}

/* The open worker's result, on the main thread: a new deck joins the library at its end,
 * a known one (same id) takes its new path and content. The same new file opened twice
 * at once keeps the id it got first. */
BpLibraryEntry *
_bp_library_remember (BpLibrary       *self,
                      BpLibraryOpened *opened)
{
  BpLibraryEntry *entry = bp_library_lookup (self, opened->id);
  g_autofree char *title = title_for (opened->deck, opened->path);
  g_autoptr(GError) error = NULL;

  if (entry == NULL && (entry = bp_library_lookup_path (self, opened->path)) != NULL)
    return entry;

  if (entry == NULL)
    {
      entry = _bp_library_entry_new (opened->id, opened->path);
      g_ptr_array_add (self->entries, entry);
      g_list_model_items_changed (G_LIST_MODEL (self), self->entries->len - 1, 0, 1);
    }

  /* Moved: the old place is watched no more. */
  if (g_strcmp0 (bp_library_entry_get_path (entry), opened->path) != 0)
    g_hash_table_remove (self->monitors, opened->id);
  _bp_library_entry_set_path (entry, opened->path);
  _bp_library_entry_set_fingerprint (entry, opened->fingerprint);
  _bp_library_entry_set_title (entry, title);
  _bp_library_entry_set_available (entry, TRUE);
  /* The same bytes again (an editor that saves without a change, a file written just
   * before it was opened): the deck shown stays, so its page does not load again. */
  if (bp_library_entry_get_deck (entry) == NULL ||
      g_strcmp0 (_bp_library_entry_get_checksum (entry), opened->checksum) != 0)
    {
      _bp_library_entry_set_checksum (entry, opened->checksum);
      _bp_library_entry_set_deck (entry, opened->deck);
    }
  watch (self, entry);

  /* The deck is open all the same; only remembering it for the next start failed. */
  if (!bp_library_save (self, &error))
    g_message ("%s", error->message);

  return entry;
}
