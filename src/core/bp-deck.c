/* bp-deck.c: a deck of questions, as a GListModel of BpQuestion
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck"

#include "config.h"

#include "bp-deck-private.h"

struct _BpDeck
{
  GObject parent_instance;

  char *id;
  char *title;
  gboolean has_title; /* from a level-1 heading, not the id */
  gboolean trusted;
  GPtrArray *questions;
  GHashTable *by_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BpDeck, bp_deck, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
bp_deck_get_item_type (GListModel *model)
{
  return BP_TYPE_QUESTION;
}

static guint
bp_deck_get_n_items (GListModel *model)
{
  return BP_DECK (model)->questions->len;
}

static gpointer
bp_deck_get_item (GListModel *model,
                  guint       position)
{
  BpDeck *self = BP_DECK (model);

  if (position >= self->questions->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->questions, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bp_deck_get_item_type;
  iface->get_n_items = bp_deck_get_n_items;
  iface->get_item = bp_deck_get_item;
}

static void
bp_deck_finalize (GObject *object)
{
  BpDeck *self = (BpDeck *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (bp_deck_parent_class)->finalize (object);
}

static void
bp_deck_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BpDeck *self = BP_DECK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->questions->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_deck_class_init (BpDeckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_deck_finalize;
  object_class->get_property = bp_deck_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_deck_init (BpDeck *self)
{
}

BpDeck *
bp_deck_new (const char *id,
             const char *title,
             gboolean    trusted,
             GPtrArray  *questions)
{
  BpDeck *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (questions != NULL, NULL);

  self = g_object_new (BP_TYPE_DECK, NULL);
  self->id = g_strdup (id);
  self->has_title = title != NULL && *title != '\0';
  self->title = g_strdup (self->has_title ? title : id);
  self->trusted = !!trusted;
  self->questions = questions;
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < questions->len; i++)
    {
      BpQuestion *question = g_ptr_array_index (questions, i);

      g_assert (BP_IS_QUESTION (question));
      g_hash_table_insert (self->by_id, (char *)bp_question_get_id (question), question);
    }

  return self;
}

const char *
bp_deck_get_id (BpDeck *self)
{
  g_return_val_if_fail (BP_IS_DECK (self), NULL);

  return self->id;
}

/**
 * bp_deck_get_title:
 *
 * Returns: the text of the document's first level-1 heading, or the deck id.
 */
const char *
bp_deck_get_title (BpDeck *self)
{
  g_return_val_if_fail (BP_IS_DECK (self), NULL);

  return self->title;
}

/**
 * bp_deck_get_title_or:
 * @fallback: (nullable): the title when the deck has no level-1 heading, such as its
 *   file's name
 *
 * Returns: the text of the document's first level-1 heading, else @fallback, else the
 *   deck id.
 */
const char *
bp_deck_get_title_or (BpDeck     *self,
                      const char *fallback)
{
  g_return_val_if_fail (BP_IS_DECK (self), NULL);

  if (!self->has_title && fallback != NULL && *fallback != '\0')
    return fallback;

  return self->title;
}

/**
 * bp_deck_get_has_title:
 *
 * Returns: whether the document has a level-1 heading to take the title from
 */
gboolean
bp_deck_get_has_title (BpDeck *self)
{
  g_return_val_if_fail (BP_IS_DECK (self), FALSE);

  return self->has_title;
}

gboolean
bp_deck_get_trusted (BpDeck *self)
{
  g_return_val_if_fail (BP_IS_DECK (self), FALSE);

  return self->trusted;
}

guint
bp_deck_get_n_questions (BpDeck *self)
{
  g_return_val_if_fail (BP_IS_DECK (self), 0);

  return self->questions->len;
}

/**
 * bp_deck_get_question:
 *
 * Returns: (transfer none) (nullable): the question at @position.
 */
BpQuestion *
bp_deck_get_question (BpDeck *self,
                      guint   position)
{
  g_return_val_if_fail (BP_IS_DECK (self), NULL);

  if (position >= self->questions->len)
    return NULL;

  return g_ptr_array_index (self->questions, position);
}

/**
 * bp_deck_find_by_number:
 *
 * Returns: (transfer none) (nullable): the first question the deck numbers @number.
 */
BpQuestion *
bp_deck_find_by_number (BpDeck *self,
                        guint   number)
{
  g_return_val_if_fail (BP_IS_DECK (self), NULL);

  for (guint i = 0; i < self->questions->len; i++)
    {
      BpQuestion *question = g_ptr_array_index (self->questions, i);

      if (bp_question_get_number (question) == number)
        return question;
    }

  return NULL;
}

/**
 * bp_deck_find_by_id:
 *
 * Returns: (transfer none) (nullable): the question whose stable id is @id.
 */
BpQuestion *
bp_deck_find_by_id (BpDeck     *self,
                    const char *id)
{
  g_return_val_if_fail (BP_IS_DECK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

gboolean
bp_deck_find_position (BpDeck     *self,
                       BpQuestion *question,
                       guint      *position)
{
  g_return_val_if_fail (BP_IS_DECK (self), FALSE);
  g_return_val_if_fail (BP_IS_QUESTION (question), FALSE);

  return g_ptr_array_find (self->questions, question, position);
}
