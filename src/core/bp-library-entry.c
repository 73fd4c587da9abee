/* bp-library-entry.c: one deck of the library: its id, file, title and whether it can be read
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-library"

#include "config.h"

#include "bp-library-private.h"

struct _BpLibraryEntry
{
  GObject parent_instance;

  char *id;
  char *path;         /* NULL for the built-in deck */
  char *fingerprint;  /* how a moved file is recognized; see bp_library_fingerprint() */
  char *checksum;     /* of the bytes the deck was read from */
  char *title;
  guint n_questions;
  gboolean available;
  BpDeck *deck;       /* NULL until the deck is read */
};

G_DEFINE_FINAL_TYPE (BpLibraryEntry, bp_library_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PATH,
  PROP_TITLE,
  PROP_N_QUESTIONS,
  PROP_AVAILABLE,
  PROP_DECK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bp_library_entry_finalize (GObject *object)
{
  BpLibraryEntry *self = (BpLibraryEntry *)object;

  g_clear_object (&self->deck);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->checksum, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (bp_library_entry_parent_class)->finalize (object);
}

static void
bp_library_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BpLibraryEntry *self = BP_LIBRARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_TITLE:
      g_value_set_string (value, bp_library_entry_get_title (self));
      break;

    case PROP_N_QUESTIONS:
      g_value_set_uint (value, self->n_questions);
      break;

    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    case PROP_DECK:
      g_value_set_object (value, self->deck);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_library_entry_class_init (BpLibraryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bp_library_entry_finalize;
  object_class->get_property = bp_library_entry_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_N_QUESTIONS] = g_param_spec_uint ("n-questions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * BpLibraryEntry:available:
   *
   * Whether the deck's file is where the library last saw it. A deck whose file was
   * deleted or moved stays in the library, with its study data, until it is removed.
   */
  properties[PROP_AVAILABLE] = g_param_spec_boolean ("available", NULL, NULL, TRUE, flags);
  properties[PROP_DECK] = g_param_spec_object ("deck", NULL, NULL, BP_TYPE_DECK, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_library_entry_init (BpLibraryEntry *self)
{
  self->available = TRUE;
}

BpLibraryEntry *
_bp_library_entry_new (const char *id,
                       const char *path)
{
  BpLibraryEntry *self = g_object_new (BP_TYPE_LIBRARY_ENTRY, NULL);

  self->id = g_strdup (id);
  self->path = g_strdup (path);
  return self;
}

static void
set_string (BpLibraryEntry  *self,
            char           **field,
            const char      *value,
            guint            prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  if (prop_id != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
_bp_library_entry_get_fingerprint (BpLibraryEntry *self)
{
  return self->fingerprint;
}

void
_bp_library_entry_set_fingerprint (BpLibraryEntry *self,
                                   const char     *fingerprint)
{
  set_string (self, &self->fingerprint, fingerprint, PROP_0);
}

const char *
_bp_library_entry_get_checksum (BpLibraryEntry *self)
{
  return self->checksum;
}

void
_bp_library_entry_set_checksum (BpLibraryEntry *self,
                                const char     *checksum)
{
  set_string (self, &self->checksum, checksum, PROP_0);
}

void
_bp_library_entry_set_path (BpLibraryEntry *self,
                            const char     *path)
{
  set_string (self, &self->path, path, PROP_PATH);
}

void
_bp_library_entry_set_title (BpLibraryEntry *self,
                             const char     *title)
{
  set_string (self, &self->title, title, PROP_TITLE);
}

void
_bp_library_entry_set_n_questions (BpLibraryEntry *self,
                                   guint           n_questions)
{
  if (self->n_questions == n_questions)
    return;

  self->n_questions = n_questions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUESTIONS]);
}

void
_bp_library_entry_set_available (BpLibraryEntry *self,
                                 gboolean        available)
{
  available = !!available;
  if (self->available == available)
    return;

  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

void
_bp_library_entry_set_deck (BpLibraryEntry *self,
                            BpDeck         *deck)
{
  if (!g_set_object (&self->deck, deck))
    return;

  if (deck != NULL)
    _bp_library_entry_set_n_questions (self, bp_deck_get_n_questions (deck));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECK]);
}

const char *
bp_library_entry_get_id (BpLibraryEntry *self)
{
  g_return_val_if_fail (BP_IS_LIBRARY_ENTRY (self), NULL);

  return self->id;
}

/**
 * bp_library_entry_get_path:
 *
 * Returns: (nullable): the deck's file, %NULL for the built-in deck
 */
const char *
bp_library_entry_get_path (BpLibraryEntry *self)
{
  g_return_val_if_fail (BP_IS_LIBRARY_ENTRY (self), NULL);

  return self->path;
}

/**
 * bp_library_entry_get_title:
 *
 * Returns: the deck's first level-1 heading, else its file's name
 */
const char *
bp_library_entry_get_title (BpLibraryEntry *self)
{
  g_return_val_if_fail (BP_IS_LIBRARY_ENTRY (self), NULL);

  return self->title != NULL ? self->title : self->id;
}

guint
bp_library_entry_get_n_questions (BpLibraryEntry *self)
{
  g_return_val_if_fail (BP_IS_LIBRARY_ENTRY (self), 0);

  return self->n_questions;
}

gboolean
bp_library_entry_get_available (BpLibraryEntry *self)
{
  g_return_val_if_fail (BP_IS_LIBRARY_ENTRY (self), FALSE);

  return self->available;
}

gboolean
bp_library_entry_get_builtin (BpLibraryEntry *self)
{
  g_return_val_if_fail (BP_IS_LIBRARY_ENTRY (self), FALSE);

  return self->path == NULL;
}

/**
 * bp_library_entry_get_deck:
 *
 * Returns: (transfer none) (nullable): the deck as last read, %NULL before it is
 */
BpDeck *
bp_library_entry_get_deck (BpLibraryEntry *self)
{
  g_return_val_if_fail (BP_IS_LIBRARY_ENTRY (self), NULL);

  return self->deck;
}
