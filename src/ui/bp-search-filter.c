/* bp-search-filter.c: the sidebar's search, as a list filter and the sorter of its ranking
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-search-filter"

#include "config.h"

#include "bp-search.h"
#include "bp-search-filter.h"
#include "bp-workers.h"

/* An index being built in a worker for a deck. The first query may come before it is
 * done: it then waits for it, rather than building a second one. */
typedef struct
{
  GMutex lock;
  GCond done_cond;
  BpDeck *deck;
  BpSearchIndex *index;  /* set once, by the worker, under the lock */
} Building;

/* BpSearchFilter keeps the questions holding every word of the query. The index runs the
 * query once and the filter keeps each result's rank, so that matching one question, and
 * comparing two, is a lookup: a deck of 10,000 questions filters and sorts as fast as
 * the user types. */
struct _BpSearchFilter
{
  GtkFilter parent_instance;

  BpDeck *deck;
  BpSearchIndex *index;  /* built in a worker as soon as the deck is set */
  Building *building;    /* while it is */
  GCancellable *cancellable;
  char *query;           /* %NULL while the query has no words: every question matches */
  GHashTable *ranks;     /* BpQuestion (the deck's) -> 1 + its place among the results */
  GPtrArray *results;    /* the same questions, best first; %NULL without a query */
};

G_DEFINE_FINAL_TYPE (BpSearchFilter, bp_search_filter, GTK_TYPE_FILTER)

enum {
  FILTER_PROP_0,
  FILTER_PROP_DECK,
  FILTER_PROP_QUERY,
  N_FILTER_PROPS
};

static GParamSpec *filter_properties[N_FILTER_PROPS];

static void
clear_building (gpointer data)
{
  Building *building = data;

  g_mutex_clear (&building->lock);
  g_cond_clear (&building->done_cond);
  g_clear_object (&building->deck);
  g_clear_object (&building->index);
}

static void
release_building (Building *building)
{
  g_atomic_rc_box_release_full (building, clear_building);
}

static gboolean
bp_search_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  BpSearchFilter *self = BP_SEARCH_FILTER (filter);

  return self->query == NULL || g_hash_table_contains (self->ranks, item);
}

static GtkFilterMatch
bp_search_filter_get_strictness (GtkFilter *filter)
{
  BpSearchFilter *self = BP_SEARCH_FILTER (filter);

  if (self->query == NULL)
    return GTK_FILTER_MATCH_ALL;
  if (g_hash_table_size (self->ranks) == 0)
    return GTK_FILTER_MATCH_NONE;

  return GTK_FILTER_MATCH_SOME;
}

static void
bp_search_filter_dispose (GObject *object)
{
  BpSearchFilter *self = (BpSearchFilter *)object;

  g_hash_table_remove_all (self->ranks);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->building, release_building);
  g_clear_object (&self->index);
  g_clear_object (&self->deck);

  G_OBJECT_CLASS (bp_search_filter_parent_class)->dispose (object);
}

static void
bp_search_filter_finalize (GObject *object)
{
  BpSearchFilter *self = (BpSearchFilter *)object;

  g_clear_pointer (&self->ranks, g_hash_table_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (bp_search_filter_parent_class)->finalize (object);
}

static void
bp_search_filter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BpSearchFilter *self = BP_SEARCH_FILTER (object);

  switch (prop_id)
    {
    case FILTER_PROP_DECK:
      g_value_set_object (value, self->deck);
      break;

    case FILTER_PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_search_filter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BpSearchFilter *self = BP_SEARCH_FILTER (object);

  switch (prop_id)
    {
    case FILTER_PROP_DECK:
      bp_search_filter_set_deck (self, g_value_get_object (value));
      break;

    case FILTER_PROP_QUERY:
      bp_search_filter_set_query (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_search_filter_class_init (BpSearchFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = bp_search_filter_dispose;
  object_class->finalize = bp_search_filter_finalize;
  object_class->get_property = bp_search_filter_get_property;
  object_class->set_property = bp_search_filter_set_property;
  filter_class->match = bp_search_filter_match;
  filter_class->get_strictness = bp_search_filter_get_strictness;

  filter_properties[FILTER_PROP_DECK] =
    g_param_spec_object ("deck", NULL, NULL,
                         BP_TYPE_DECK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BpSearchFilter:query:
   *
   * What the user typed, or %NULL while it has no word to look for.
   */
  filter_properties[FILTER_PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_FILTER_PROPS, filter_properties);
}

static void
bp_search_filter_init (BpSearchFilter *self)
{
  self->ranks = g_hash_table_new (NULL, NULL);
}

BpSearchFilter *
bp_search_filter_new (void)
{
  return g_object_new (BP_TYPE_SEARCH_FILTER, NULL);
}

BpDeck *
bp_search_filter_get_deck (BpSearchFilter *self)
{
  g_return_val_if_fail (BP_IS_SEARCH_FILTER (self), NULL);

  return self->deck;
}

/* Building the index */

static void
build_index_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Building *building = task_data;
  BpSearchIndex *index = bp_search_index_new (building->deck);

  g_mutex_lock (&building->lock);
  building->index = index;
  g_cond_broadcast (&building->done_cond);
  g_mutex_unlock (&building->lock);
  g_task_return_boolean (task, TRUE);
}

/* Takes the index the worker built, waiting for it if it is not done yet. */
static void
adopt_index (BpSearchFilter *self)
{
  Building *building = self->building;

  if (building == NULL)
    return;

  g_mutex_lock (&building->lock);
  while (building->index == NULL)
    g_cond_wait (&building->done_cond, &building->lock);
  self->index = g_object_ref (building->index);
  g_mutex_unlock (&building->lock);
  g_clear_pointer (&self->building, release_building);
}

static void
index_built_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BpSearchFilter *self = BP_SEARCH_FILTER (source);

  if (g_task_propagate_boolean (G_TASK (result), NULL) &&
      self->building == g_task_get_task_data (G_TASK (result)))
    adopt_index (self);
}

/* A deck of 10,000 questions takes a second or so to index: done before the first key. */
static void
start_building (BpSearchFilter *self)
{
  g_autoptr(GTask) task = NULL;
  Building *building;

  if (self->deck == NULL)
    return;

  building = g_atomic_rc_box_new0 (Building);
  g_mutex_init (&building->lock);
  g_cond_init (&building->done_cond);
  building->deck = g_object_ref (self->deck);
  self->building = g_atomic_rc_box_acquire (building);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, index_built_cb, NULL);
  g_task_set_source_tag (task, start_building);
  g_task_set_task_data (task, building, (GDestroyNotify)release_building);
  bp_workers_run_in_thread (task, build_index_thread);
}

/* One query of the index for all the matching and sorting that follows. */
static void
rank_results (BpSearchFilter *self)
{
  g_hash_table_remove_all (self->ranks);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  if (self->query == NULL || self->deck == NULL)
    return;

  adopt_index (self);
  self->results = bp_search_index_rank (self->index, self->query);
  for (guint i = 0; i < self->results->len; i++)
    g_hash_table_insert (self->ranks, g_ptr_array_index (self->results, i), GUINT_TO_POINTER (i + 1));
}

void
bp_search_filter_set_deck (BpSearchFilter *self,
                           BpDeck         *deck)
{
  g_return_if_fail (BP_IS_SEARCH_FILTER (self));
  g_return_if_fail (!deck || BP_IS_DECK (deck));

  if (self->deck == deck)
    return;

  g_hash_table_remove_all (self->ranks);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->building, release_building);
  g_clear_object (&self->index);
  g_set_object (&self->deck, deck);
  start_building (self);
  rank_results (self);
  if (self->query != NULL)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);

  g_object_notify_by_pspec (G_OBJECT (self), filter_properties[FILTER_PROP_DECK]);
}

const char *
bp_search_filter_get_query (BpSearchFilter *self)
{
  g_return_val_if_fail (BP_IS_SEARCH_FILTER (self), NULL);

  return self->query;
}

static gboolean
has_words (const char *query)
{
  g_auto(GStrv) words = bp_search_split_query (query);

  return words != NULL && words[0] != NULL;
}

/**
 * bp_search_filter_set_query:
 * @query: (nullable): what the user typed
 *
 * Keeps the deck's questions holding every word of @query; without words, every one.
 */
void
bp_search_filter_set_query (BpSearchFilter *self,
                            const char     *query)
{
  gboolean had_words;
  GtkFilterChange change;

  g_return_if_fail (BP_IS_SEARCH_FILTER (self));

  if (!has_words (query))
    query = NULL;
  if (g_strcmp0 (query, self->query) == 0)
    return;

  had_words = self->query != NULL;
  g_free (self->query);
  self->query = g_strdup (query);
  rank_results (self);

  if (!had_words)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (query == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  gtk_filter_changed (GTK_FILTER (self), change);

  g_object_notify_by_pspec (G_OBJECT (self), filter_properties[FILTER_PROP_QUERY]);
}

/**
 * bp_search_filter_get_rank:
 *
 * Returns: where @question ranks among the results of the query, 0 first; %G_MAXUINT
 *   when it does not match, or when there is no query to rank by.
 */
guint
bp_search_filter_get_rank (BpSearchFilter *self,
                           BpQuestion     *question)
{
  gpointer rank;

  g_return_val_if_fail (BP_IS_SEARCH_FILTER (self), G_MAXUINT);

  rank = g_hash_table_lookup (self->ranks, question);
  return rank != NULL ? GPOINTER_TO_UINT (rank) - 1 : G_MAXUINT;
}

/**
 * bp_search_filter_get_results:
 *
 * Returns: (transfer none) (nullable) (element-type BpQuestion): the questions the query
 *   found, best first; %NULL without a query.
 */
GPtrArray *
bp_search_filter_get_results (BpSearchFilter *self)
{
  g_return_val_if_fail (BP_IS_SEARCH_FILTER (self), NULL);

  return self->results;
}

/**
 * bp_search_filter_dup_snippet_markup:
 *
 * The line of @question's answer that the search found, its words in bold, as Pango
 * markup with the answer's text escaped.
 *
 * Returns: (transfer full) (nullable): the markup, or %NULL without a query or an answer.
 */
char *
bp_search_filter_dup_snippet_markup (BpSearchFilter *self,
                                     BpQuestion     *question)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *snippet = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *rest = NULL;
  gsize done = 0;

  g_return_val_if_fail (BP_IS_SEARCH_FILTER (self), NULL);
  g_return_val_if_fail (BP_IS_QUESTION (question), NULL);

  /* Only a result: the index holds the deck's questions, and the query found these. */
  if (self->query == NULL || !g_hash_table_contains (self->ranks, question))
    return NULL;

  snippet = bp_search_index_dup_snippet (self->index, question, self->query, &spans);
  if (snippet == NULL)
    return NULL;

  for (guint i = 0; i < spans->len; i++)
    {
      const BpSearchSpan *span = &g_array_index (spans, BpSearchSpan, i);
      g_autofree char *before = g_markup_escape_text (snippet + done, span->start - done);
      g_autofree char *word = g_markup_escape_text (snippet + span->start, span->end - span->start);

      g_string_append_printf (markup, "%s<b>%s</b>", before, word);
      done = span->end;
    }
  rest = g_markup_escape_text (snippet + done, -1);
  g_string_append (markup, rest);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* BpSearchSorter orders the questions its filter keeps as the index ranked them: title
 * matches first, then deck order. Without a query it leaves the deck's order alone. */
struct _BpSearchSorter
{
  GtkSorter parent_instance;

  BpSearchFilter *filter;
  /* Whether there is a ranking to sort by. It changes only as the sorter says it changed:
   * GtkSortListModel must not find the order changed under it before that, when the
   * filter's list model tells it of new items first. */
  gboolean ranked;
};

G_DEFINE_FINAL_TYPE (BpSearchSorter, bp_search_sorter, GTK_TYPE_SORTER)

enum {
  SORTER_PROP_0,
  SORTER_PROP_FILTER,
  N_SORTER_PROPS
};

static GParamSpec *sorter_properties[N_SORTER_PROPS];

static GtkOrdering
bp_search_sorter_compare (GtkSorter *sorter,
                          gpointer   item1,
                          gpointer   item2)
{
  BpSearchSorter *self = BP_SEARCH_SORTER (sorter);
  guint rank1, rank2;

  if (!self->ranked)
    return GTK_ORDERING_EQUAL;

  rank1 = bp_search_filter_get_rank (self->filter, item1);
  rank2 = bp_search_filter_get_rank (self->filter, item2);

  return rank1 < rank2 ? GTK_ORDERING_SMALLER : rank1 > rank2 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Without a query, GtkSortListModel then passes the deck's order through untouched. */
static GtkSorterOrder
bp_search_sorter_get_order (GtkSorter *sorter)
{
  BpSearchSorter *self = BP_SEARCH_SORTER (sorter);

  return self->ranked ? GTK_SORTER_ORDER_PARTIAL : GTK_SORTER_ORDER_NONE;
}

static void
filter_changed_cb (BpSearchSorter *self)
{
  self->ranked = self->filter != NULL && bp_search_filter_get_query (self->filter) != NULL;
  gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
bp_search_sorter_dispose (GObject *object)
{
  bp_search_sorter_set_filter (BP_SEARCH_SORTER (object), NULL);

  G_OBJECT_CLASS (bp_search_sorter_parent_class)->dispose (object);
}

static void
bp_search_sorter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BpSearchSorter *self = BP_SEARCH_SORTER (object);

  switch (prop_id)
    {
    case SORTER_PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_search_sorter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BpSearchSorter *self = BP_SEARCH_SORTER (object);

  switch (prop_id)
    {
    case SORTER_PROP_FILTER:
      bp_search_sorter_set_filter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_search_sorter_class_init (BpSearchSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->dispose = bp_search_sorter_dispose;
  object_class->get_property = bp_search_sorter_get_property;
  object_class->set_property = bp_search_sorter_set_property;
  sorter_class->compare = bp_search_sorter_compare;
  sorter_class->get_order = bp_search_sorter_get_order;

  sorter_properties[SORTER_PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         BP_TYPE_SEARCH_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_SORTER_PROPS, sorter_properties);
}

static void
bp_search_sorter_init (BpSearchSorter *self)
{
}

BpSearchSorter *
bp_search_sorter_new (BpSearchFilter *filter)
{
  g_return_val_if_fail (!filter || BP_IS_SEARCH_FILTER (filter), NULL);

  return g_object_new (BP_TYPE_SEARCH_SORTER, "filter", filter, NULL);
}

BpSearchFilter *
bp_search_sorter_get_filter (BpSearchSorter *self)
{
  g_return_val_if_fail (BP_IS_SEARCH_SORTER (self), NULL);

  return self->filter;
}

/**
 * bp_search_sorter_set_filter:
 * @filter: (nullable): the search whose ranking to sort by
 *
 * The sorter follows @filter: a new query re-sorts.
 */
void
bp_search_sorter_set_filter (BpSearchSorter *self,
                             BpSearchFilter *filter)
{
  g_return_if_fail (BP_IS_SEARCH_SORTER (self));
  g_return_if_fail (!filter || BP_IS_SEARCH_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  filter_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), sorter_properties[SORTER_PROP_FILTER]);
}
