/* bp-study-filter.c: a list filter by study state: weak topics, notes, unread, due
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-filter"

#include "config.h"

#include "bp-clock.h"
#include "bp-question.h"
#include "bp-study-filter.h"

struct _BpStudyFilter
{
  GtkFilter parent_instance;

  BpStudyStore *store;
  BpReviews *reviews;
  gint64 today;   /* bp_review_day() when the reviews last changed or the mode was set */
  BpFilter mode;
};

G_DEFINE_FINAL_TYPE (BpStudyFilter, bp_study_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_REVIEWS,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
bp_study_filter_match (GtkFilter *filter,
                       gpointer   item)
{
  BpStudyFilter *self = BP_STUDY_FILTER (filter);
  BpStudyFlags flags;

  if (self->mode == BP_FILTER_DUE)
    return self->reviews != NULL &&
           bp_reviews_get_due_day (self->reviews, bp_question_get_id (item)) <= self->today;
  if (self->store == NULL)
    return self->mode == BP_FILTER_ALL || self->mode == BP_FILTER_UNREAD;

  flags = bp_study_store_get_flags (self->store, bp_question_get_id (item));
  switch (self->mode)
    {
    case BP_FILTER_WEAK:
      return (flags & BP_STUDY_FLAG_WEAK) != 0;

    case BP_FILTER_NOTES:
      return (flags & BP_STUDY_FLAG_NOTES) != 0;

    case BP_FILTER_UNREAD:
      return (flags & BP_STUDY_FLAG_READ) == 0;

    case BP_FILTER_ALL:
    case BP_FILTER_DUE:
    case BP_N_FILTERS:
    default:
      return TRUE;
    }
}

static GtkFilterMatch
bp_study_filter_get_strictness (GtkFilter *filter)
{
  BpStudyFilter *self = BP_STUDY_FILTER (filter);

  return self->mode == BP_FILTER_ALL ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

/* A mark set or taken off, here or merged from disk, can move that question in or out. */
static void
store_changed_cb (BpStudyFilter *self)
{
  if (self->mode != BP_FILTER_ALL)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_today (BpStudyFilter *self)
{
  if (self->reviews != NULL)
    self->today = bp_review_day (bp_clock_now_us (), bp_reviews_get_day_offset (self->reviews));
}

/* A grade, an undo, reviews merged from disk: questions come due or stop being due. */
static void
reviews_changed_cb (BpStudyFilter *self)
{
  update_today (self);
  if (self->mode == BP_FILTER_DUE)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
bp_study_filter_dispose (GObject *object)
{
  bp_study_filter_set_store (BP_STUDY_FILTER (object), NULL);
  bp_study_filter_set_reviews (BP_STUDY_FILTER (object), NULL);

  G_OBJECT_CLASS (bp_study_filter_parent_class)->dispose (object);
}

static void
bp_study_filter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BpStudyFilter *self = BP_STUDY_FILTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REVIEWS:
      g_value_set_object (value, self->reviews);
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_study_filter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BpStudyFilter *self = BP_STUDY_FILTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bp_study_filter_set_store (self, g_value_get_object (value));
      break;

    case PROP_REVIEWS:
      bp_study_filter_set_reviews (self, g_value_get_object (value));
      break;

    case PROP_MODE:
      bp_study_filter_set_mode (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_study_filter_class_init (BpStudyFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = bp_study_filter_dispose;
  object_class->get_property = bp_study_filter_get_property;
  object_class->set_property = bp_study_filter_set_property;
  filter_class->match = bp_study_filter_match;
  filter_class->get_strictness = bp_study_filter_get_strictness;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BP_TYPE_STUDY_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEWS] =
    g_param_spec_object ("reviews", NULL, NULL,
                         BP_TYPE_REVIEWS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       BP_TYPE_FILTER, BP_FILTER_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_study_filter_init (BpStudyFilter *self)
{
}

BpStudyFilter *
bp_study_filter_new (BpStudyStore *store,
                     BpFilter      mode)
{
  g_return_val_if_fail (!store || BP_IS_STUDY_STORE (store), NULL);

  return g_object_new (BP_TYPE_STUDY_FILTER, "store", store, "mode", mode, NULL);
}

BpStudyStore *
bp_study_filter_get_store (BpStudyFilter *self)
{
  g_return_val_if_fail (BP_IS_STUDY_FILTER (self), NULL);

  return self->store;
}

/**
 * bp_study_filter_set_store:
 * @store: (nullable): where the study state is read, and followed as it changes
 */
void
bp_study_filter_set_store (BpStudyFilter *self,
                           BpStudyStore  *store)
{
  g_return_if_fail (BP_IS_STUDY_FILTER (self));
  g_return_if_fail (!store || BP_IS_STUDY_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  store_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

BpReviews *
bp_study_filter_get_reviews (BpStudyFilter *self)
{
  g_return_val_if_fail (BP_IS_STUDY_FILTER (self), NULL);

  return self->reviews;
}

/**
 * bp_study_filter_set_reviews:
 * @reviews: (nullable): when each question is due, for the Due mode; followed as it changes
 */
void
bp_study_filter_set_reviews (BpStudyFilter *self,
                             BpReviews     *reviews)
{
  g_return_if_fail (BP_IS_STUDY_FILTER (self));
  g_return_if_fail (!reviews || BP_IS_REVIEWS (reviews));

  if (self->reviews == reviews)
    return;

  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_func (self->reviews, reviews_changed_cb, self);
  g_set_object (&self->reviews, reviews);
  if (reviews != NULL)
    g_signal_connect_object (reviews, "changed", G_CALLBACK (reviews_changed_cb), self,
                             G_CONNECT_SWAPPED);

  reviews_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWS]);
}

BpFilter
bp_study_filter_get_mode (BpStudyFilter *self)
{
  g_return_val_if_fail (BP_IS_STUDY_FILTER (self), BP_FILTER_ALL);

  return self->mode;
}

void
bp_study_filter_set_mode (BpStudyFilter *self,
                          BpFilter       mode)
{
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (BP_IS_STUDY_FILTER (self));
  g_return_if_fail (mode < BP_N_FILTERS);

  if (self->mode == mode)
    return;

  /* From "All", no question comes in; back to "All", none goes out. */
  if (self->mode == BP_FILTER_ALL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (mode == BP_FILTER_ALL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  self->mode = mode;
  update_today (self);
  gtk_filter_changed (GTK_FILTER (self), change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}
