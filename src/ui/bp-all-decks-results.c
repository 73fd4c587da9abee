/* bp-all-decks-results.c: the sidebar's search over every deck of the library, by deck
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-all-decks-results"

#include "config.h"

#include "bp-all-decks-results.h"
#include "bp-question-row.h"
#include "bp-search-filter.h"

/* The best of each deck: enough to find the question, short enough to scan by eye. */
#define MAX_RESULTS_PER_DECK 20

typedef struct
{
  BpLibraryEntry *entry;
  BpQuestion *question;
} Result;

struct _BpAllDecksResults
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkListBox *list;

  BpLibrary *library;
  BpStudyStore *store;
  char *query;
  GHashTable *searches;  /* BpDeck -> its BpSearchFilter, whose index is built in a worker */
  GArray *results;       /* Result, as the list shows them */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (BpAllDecksResults, bp_all_decks_results, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_QUERY,
  N_PROPS
};

enum {
  RESULT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
result_clear (gpointer data)
{
  Result *result = data;

  g_clear_object (&result->entry);
  g_clear_object (&result->question);
}

/* The deck's search, made the first time the deck is searched and kept while it is read. */
static BpSearchFilter *
search_of (BpAllDecksResults *self,
           BpDeck            *deck)
{
  BpSearchFilter *search = g_hash_table_lookup (self->searches, deck);

  if (search == NULL)
    {
      search = bp_search_filter_new ();
      bp_search_filter_set_deck (search, deck);
      g_hash_table_insert (self->searches, g_object_ref (deck), search);
    }

  return search;
}

static GtkWidget *
make_row (BpAllDecksResults *self,
          BpSearchFilter    *search,
          BpQuestion        *question)
{
  GtkWidget *row = bp_question_row_new ();
  g_autofree char *snippet = bp_search_filter_dup_snippet_markup (search, question);

  bp_question_row_set_store (BP_QUESTION_ROW (row), self->store);
  bp_question_row_set_question (BP_QUESTION_ROW (row), question);
  bp_question_row_set_snippet (BP_QUESTION_ROW (row), snippet);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);

  return row;
}

/* One deck's best results, appended to the list. */
static void
add_deck_results (BpAllDecksResults *self,
                  BpLibraryEntry    *entry)
{
  BpDeck *deck = bp_library_entry_get_deck (entry);
  BpSearchFilter *search = search_of (self, deck);
  GPtrArray *found;

  bp_search_filter_set_query (search, self->query);
  found = bp_search_filter_get_results (search);
  for (guint i = 0; found != NULL && i < MIN (found->len, MAX_RESULTS_PER_DECK); i++)
    {
      Result result = { g_object_ref (entry), g_object_ref (g_ptr_array_index (found, i)) };

      g_array_append_val (self->results, result);
      gtk_list_box_append (self->list, make_row (self, search, result.question));
    }
}

static void
refresh (BpAllDecksResults *self)
{
  GtkWidget *child;
  guint n_entries;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->results, 0);
  if (self->library == NULL || self->query == NULL)
    return;

  n_entries = g_list_model_get_n_items (G_LIST_MODEL (self->library));
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(BpLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->library), i);

      if (bp_library_entry_get_deck (entry) != NULL)
        add_deck_results (self, entry);
    }
}

/* A result's deck title above the first of its results. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  BpAllDecksResults *self = user_data;
  guint position = gtk_list_box_row_get_index (row);
  const Result *result;
  GtkWidget *header;

  if (position >= self->results->len)
    return;

  result = &g_array_index (self->results, Result, position);
  if (before != NULL && gtk_list_box_row_get_index (before) >= 0 &&
      g_array_index (self->results, Result, gtk_list_box_row_get_index (before)).entry == result->entry)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (bp_library_entry_get_title (result->entry));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "deck-results-heading");
  gtk_list_box_row_set_header (row, header);
}

static void
row_activated_cb (BpAllDecksResults *self,
                  GtkListBoxRow     *row)
{
  guint position = gtk_list_box_row_get_index (row);
  const Result *result;

  if (position >= self->results->len)
    return;

  result = &g_array_index (self->results, Result, position);
  g_signal_emit (self, signals[RESULT_ACTIVATED], 0, result->entry, result->question);
}

/* Reading the decks not read yet */

static void
deck_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BpAllDecksResults) self = user_data;
  g_autoptr(GError) error = NULL;
  BpLibraryEntry *entry;

  /* A deck that cannot be read is shown as such in the deck switcher: not again here. */
  entry = bp_library_open_finish (BP_LIBRARY (object), result, &error);
  if (entry != NULL && self->query != NULL)
    refresh (self);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Not searched: %s", error->message);
}

/* Each deck of the library is read, off the main thread, the first time all decks are
 * searched: until then only the decks opened are. */
static void
read_unread_decks (BpAllDecksResults *self)
{
  guint n_entries;

  if (self->library == NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  bp_library_check_available (self->library);
  n_entries = g_list_model_get_n_items (G_LIST_MODEL (self->library));
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(BpLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->library), i);
      g_autoptr(GFile) file = NULL;

      if (bp_library_entry_get_deck (entry) != NULL || !bp_library_entry_get_available (entry))
        continue;

      file = g_file_new_for_path (bp_library_entry_get_path (entry));
      bp_library_open_async (self->library, file, self->cancellable, deck_read_cb, g_object_ref (self));
    }
}

static void
library_changed_cb (BpAllDecksResults *self)
{
  if (self->query != NULL)
    refresh (self);
}

/* The object */

static void
bp_all_decks_results_dispose (GObject *object)
{
  BpAllDecksResults *self = (BpAllDecksResults *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_ALL_DECKS_RESULTS);
  g_clear_pointer (&self->results, g_array_unref);
  g_clear_pointer (&self->searches, g_hash_table_unref);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, library_changed_cb, self);
  g_clear_object (&self->library);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bp_all_decks_results_parent_class)->dispose (object);
}

static void
bp_all_decks_results_finalize (GObject *object)
{
  BpAllDecksResults *self = (BpAllDecksResults *)object;

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (bp_all_decks_results_parent_class)->finalize (object);
}

static void
bp_all_decks_results_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BpAllDecksResults *self = BP_ALL_DECKS_RESULTS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_all_decks_results_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BpAllDecksResults *self = BP_ALL_DECKS_RESULTS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      bp_all_decks_results_set_library (self, g_value_get_object (value));
      break;

    case PROP_QUERY:
      bp_all_decks_results_set_query (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_all_decks_results_class_init (BpAllDecksResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_all_decks_results_dispose;
  object_class->finalize = bp_all_decks_results_finalize;
  object_class->get_property = bp_all_decks_results_get_property;
  object_class->set_property = bp_all_decks_results_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         BP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BpAllDecksResults::result-activated:
   * @entry: the deck the result is in
   * @question: the result
   *
   * The user picked a result: the window shows its deck, at that question.
   */
  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, BP_TYPE_LIBRARY_ENTRY, BP_TYPE_QUESTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/bp-all-decks-results.ui");
  gtk_widget_class_bind_template_child (widget_class, BpAllDecksResults, scroller);
  gtk_widget_class_bind_template_child (widget_class, BpAllDecksResults, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
bp_all_decks_results_init (BpAllDecksResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->searches = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_array_set_clear_func (self->results, result_clear);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
}

BpLibrary *
bp_all_decks_results_get_library (BpAllDecksResults *self)
{
  g_return_val_if_fail (BP_IS_ALL_DECKS_RESULTS (self), NULL);

  return self->library;
}

/**
 * bp_all_decks_results_set_library:
 * @library: (nullable): the decks to search
 */
void
bp_all_decks_results_set_library (BpAllDecksResults *self,
                                  BpLibrary         *library)
{
  g_return_if_fail (BP_IS_ALL_DECKS_RESULTS (self));
  g_return_if_fail (!library || BP_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, library_changed_cb, self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (library, "items-changed", G_CALLBACK (library_changed_cb), self,
                             G_CONNECT_SWAPPED);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * bp_all_decks_results_set_store:
 * @store: (nullable): where the rows read their questions' study state
 */
void
bp_all_decks_results_set_store (BpAllDecksResults *self,
                                BpStudyStore      *store)
{
  g_return_if_fail (BP_IS_ALL_DECKS_RESULTS (self));

  g_set_object (&self->store, store);
}

const char *
bp_all_decks_results_get_query (BpAllDecksResults *self)
{
  g_return_val_if_fail (BP_IS_ALL_DECKS_RESULTS (self), NULL);

  return self->query;
}

/**
 * bp_all_decks_results_set_query:
 * @query: (nullable): what the user typed; %NULL lists nothing
 *
 * Lists the best results of @query in each deck of the library, under its title.
 */
void
bp_all_decks_results_set_query (BpAllDecksResults *self,
                                const char        *query)
{
  g_return_if_fail (BP_IS_ALL_DECKS_RESULTS (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  if (query != NULL)
    read_unread_decks (self);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

guint
bp_all_decks_results_get_n_results (BpAllDecksResults *self)
{
  g_return_val_if_fail (BP_IS_ALL_DECKS_RESULTS (self), 0);

  return self->results->len;
}

/**
 * bp_all_decks_results_get_result:
 * @entry: (out) (optional) (transfer none): the deck the result is in
 *
 * Returns: (transfer none) (nullable): the result at @position in the list.
 */
BpQuestion *
bp_all_decks_results_get_result (BpAllDecksResults  *self,
                                 guint               position,
                                 BpLibraryEntry    **entry)
{
  const Result *result;

  g_return_val_if_fail (BP_IS_ALL_DECKS_RESULTS (self), NULL);

  if (position >= self->results->len)
    return NULL;

  result = &g_array_index (self->results, Result, position);
  if (entry != NULL)
    *entry = result->entry;
  return result->question;
}
