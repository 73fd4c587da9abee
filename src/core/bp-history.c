/* bp-history.c: the questions visited, and where Back and Forward stand among them
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-history"

#include "config.h"

#include "bp-history.h"

struct _BpHistory
{
  GObject parent_instance;

  GPtrArray *items;  /* oldest first; owns a reference to each */
  guint current;     /* the index of the item open now, when there are items */
};

G_DEFINE_FINAL_TYPE (BpHistory, bp_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bp_history_finalize (GObject *object)
{
  BpHistory *self = (BpHistory *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (bp_history_parent_class)->finalize (object);
}

static void
bp_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BpHistory *self = BP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, bp_history_get_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, bp_history_get_can_go_forward (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_history_class_init (BpHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_history_finalize;
  object_class->get_property = bp_history_get_property;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_history_init (BpHistory *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

BpHistory *
bp_history_new (void)
{
  return g_object_new (BP_TYPE_HISTORY, NULL);
}

/* What Back and Forward could do before a change, so that only a real change is notified. */
typedef struct
{
  gboolean could_go_back;
  gboolean could_go_forward;
} Before;

static Before
remember (BpHistory *self)
{
  return (Before) { bp_history_get_can_go_back (self), bp_history_get_can_go_forward (self) };
}

static void
notify_changes (BpHistory *self,
                Before     before)
{
  if (before.could_go_back != bp_history_get_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  if (before.could_go_forward != bp_history_get_can_go_forward (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

/**
 * bp_history_visit:
 * @item: (type GObject): what was opened
 *
 * Records @item as the one open now. Opening it from the middle of the history starts
 * a new branch: what Forward would have gone to is dropped. The item open now, visited
 * again (as when Back or Forward opens it), is not recorded twice.
 */
void
bp_history_visit (BpHistory *self,
                  gpointer   item)
{
  Before before;

  g_return_if_fail (BP_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (item));

  if (item == bp_history_get_current (self))
    return;

  before = remember (self);
  if (self->items->len > 0)
    g_ptr_array_set_size (self->items, self->current + 1);
  g_ptr_array_add (self->items, g_object_ref (item));
  self->current = self->items->len - 1;
  notify_changes (self, before);
}

/**
 * bp_history_get_current:
 *
 * Returns: (transfer none) (nullable) (type GObject): the item visited last, or the one
 *   Back or Forward moved to.
 */
gpointer
bp_history_get_current (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), NULL);

  return self->items->len > 0 ? g_ptr_array_index (self->items, self->current) : NULL;
}

static gpointer
move_to (BpHistory *self,
         guint      index)
{
  Before before = remember (self);

  self->current = index;
  notify_changes (self, before);

  return g_ptr_array_index (self->items, index);
}

/**
 * bp_history_go_back:
 *
 * Returns: (transfer none) (nullable) (type GObject): the item before the current one,
 *   now current, or %NULL at the start of the history.
 */
gpointer
bp_history_go_back (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), NULL);

  if (!bp_history_get_can_go_back (self))
    return NULL;

  return move_to (self, self->current - 1);
}

/**
 * bp_history_go_forward:
 *
 * Returns: (transfer none) (nullable) (type GObject): the item after the current one,
 *   now current, or %NULL at the end of the history.
 */
gpointer
bp_history_go_forward (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), NULL);

  if (!bp_history_get_can_go_forward (self))
    return NULL;

  return move_to (self, self->current + 1);
}

gboolean
bp_history_get_can_go_back (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), FALSE);

  return self->items->len > 0 && self->current > 0;
}

gboolean
bp_history_get_can_go_forward (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), FALSE);

  return self->current + 1 < self->items->len;
}
