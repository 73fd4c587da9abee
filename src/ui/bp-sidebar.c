/* bp-sidebar.c: the list of questions, with its search and its study filter
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-clock.h"
#include "bp-deck-study.h"
#include "bp-question-row.h"
#include "bp-sidebar-private.h"

G_DEFINE_FINAL_TYPE (BpSidebar, bp_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DECK,
  PROP_STORE,
  PROP_SELECTED_QUESTION,
  PROP_FILTER,
  PROP_QUERY,
  PROP_CAN_SELECT_PREVIOUS,
  PROP_CAN_SELECT_NEXT,
  N_PROPS
};

enum {
  QUESTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* How many of the deck's questions have all of @flags. */
static guint
count_questions (BpSidebar    *self,
                 BpStudyFlags  flags)
{
  return bp_deck_study_count (self->deck, self->store, flags);
}

/* How many of the deck's questions are due today or overdue: what the Due filter lists. */
static guint
count_due (BpSidebar *self)
{
  gint64 today = bp_review_day (bp_clock_now_us (), bp_reviews_get_day_offset (self->reviews));

  return bp_deck_study_count_due (self->deck, self->reviews, today);
}

/* "Weak Topics (3)": the filter's name with how many questions it would list. */
static void
update_filter_names (BpSidebar *self)
{
  guint total = self->deck != NULL ? bp_deck_get_n_questions (self->deck) : 0;
  guint counts[BP_N_FILTERS] = { [BP_FILTER_ALL] = total };
  const char *names[BP_N_FILTERS] = {
    [BP_FILTER_ALL] = _("All Questions"),
    [BP_FILTER_WEAK] = _("Weak Topics"),
    [BP_FILTER_NOTES] = _("With Notes"),
    [BP_FILTER_UNREAD] = _("Unread"),
    /* Translators: the sidebar filter of the questions due for review today */
    [BP_FILTER_DUE] = _("Due"),
  };
  g_auto(GStrv) labels = g_new0 (char *, BP_N_FILTERS + 1);

  if (self->deck != NULL && self->store != NULL)
    {
      counts[BP_FILTER_WEAK] = count_questions (self, BP_STUDY_FLAG_WEAK);
      counts[BP_FILTER_NOTES] = count_questions (self, BP_STUDY_FLAG_NOTES);
      counts[BP_FILTER_UNREAD] = total - count_questions (self, BP_STUDY_FLAG_READ);
    }
  if (self->deck != NULL && self->reviews != NULL)
    counts[BP_FILTER_DUE] = count_due (self);

  for (guint i = 0; i < BP_N_FILTERS; i++)
    /* Translators: a sidebar filter and how many questions it lists, e.g. "Weak Topics (3)" */
    labels[i] = g_strdup_printf (_("%s (%u)"), names[i], counts[i]);

  /* New names make the drop-down forget its choice: it is put back, quietly. */
  g_signal_handlers_block_matched (self->filter_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_string_list_splice (self->filter_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->filter_names)),
                          (const char * const *)labels);
  gtk_drop_down_set_selected (self->filter_dropdown, bp_sidebar_get_filter (self));
  g_signal_handlers_unblock_matched (self->filter_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
filter_selected_cb (BpSidebar *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (selected < BP_N_FILTERS)
    bp_sidebar_set_filter (self, (BpFilter)selected);
}

/* The rows follow the store and the reviews themselves; the counts are the sidebar's. */
static void
store_changed_cb (BpSidebar *self)
{
  update_filter_names (self);
}

static void
set_boolean (BpSidebar *self,
             gboolean  *field,
             gboolean   value,
             guint      prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Previous and Next move from the selected row or, with none selected, start at an end. */
static void
update_neighbours (BpSidebar *self)
{
  guint position = _bp_sidebar_get_position (self);
  guint n_items = g_list_model_get_n_items (bp_sidebar_get_listed (self));
  gboolean listed = position != GTK_INVALID_LIST_POSITION;

  set_boolean (self, &self->can_select_previous, listed ? position > 0 : n_items > 0,
               PROP_CAN_SELECT_PREVIOUS);
  set_boolean (self, &self->can_select_next, listed ? position + 1 < n_items : n_items > 0,
               PROP_CAN_SELECT_NEXT);
}

/* A row the list keeps bound through a new query shows that query's snippet too. */
static void
update_snippets (BpSidebar *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->question_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      BpQuestion *question;
      g_autofree char *snippet = NULL;

      if (!BP_IS_QUESTION_ROW (row) ||
          (question = bp_question_row_get_question (BP_QUESTION_ROW (row))) == NULL)
        continue;

      snippet = bp_search_filter_dup_snippet_markup (self->search_filter, question);
      bp_question_row_set_snippet (BP_QUESTION_ROW (row), snippet);
    }
}

static void
query_changed_cb (BpSidebar *self)
{
  update_snippets (self);
  _bp_sidebar_update_search_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

static void
listed_changed_cb (BpSidebar *self)
{
  update_neighbours (self);
  _bp_sidebar_update_search_status (self);
}

/* The list item widget showing the selected question, once the list has laid it out. */
static GtkWidget *
find_selected_row (BpSidebar *self)
{
  BpQuestion *selected = gtk_single_selection_get_selected_item (self->selection);

  if (selected == NULL)
    return NULL;

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->question_list));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (BP_IS_QUESTION_ROW (row) && bp_question_row_get_question (BP_QUESTION_ROW (row)) == selected)
        return item;
    }

  return NULL;
}

static gboolean
focus_selected_row_tick_cb (GtkWidget     *list,
                            GdkFrameClock *frame_clock,
                            gpointer       user_data)
{
  BpSidebar *self = user_data;
  GtkWidget *row;

  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    return G_SOURCE_REMOVE;
  if ((row = find_selected_row (self)) == NULL)
    return G_SOURCE_CONTINUE;

  gtk_widget_grab_focus (row);
  return G_SOURCE_REMOVE;
}

static gboolean
list_has_focus (BpSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->question_list));
}

static void
set_selected (BpSidebar  *self,
              BpQuestion *question)
{
  if (g_set_object (&self->selected_question, question))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_QUESTION]);
}

/* The selected row leaving the list (filtered out) keeps the question selected. */
static void
selection_changed_cb (BpSidebar *self)
{
  BpQuestion *question = gtk_single_selection_get_selected_item (self->selection);

  if (question != NULL)
    g_clear_object (&self->pending_question);
  update_neighbours (self);
  if (list_has_focus (self))
    bp_sidebar_focus_list (self);
  if (question != NULL)
    set_selected (self, question);
}

void
_bp_sidebar_select_position (BpSidebar *self,
                             guint      position)
{
  _bp_sidebar_show_position (self, position);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->question_list), "list.scroll-to-item", "u", position);
}

/* Enter or a double click on a row. */
static void
question_list_activate_cb (BpSidebar *self,
                           guint      position)
{
  g_autoptr(BpQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  gtk_single_selection_set_selected (self->selection, position);
  if (question != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, question);
}

/* A single click, too: in the one-pane layout, arrow keys only select. */
static void
row_clicked_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                BpSidebar       *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  BpQuestion *question = bp_question_row_get_question (BP_QUESTION_ROW (row));

  if (question != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, question);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              BpSidebar                *self)
{
  GtkWidget *row = bp_question_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_object (click, "released", G_CALLBACK (row_clicked_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
  /* A reference of the item's own, so that a row torn down is freed later (teardown_row_cb). */
  g_object_set_data_full (G_OBJECT (item), "bp-row", g_object_ref (row), g_object_unref);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BpSidebar                *self)
{
  BpQuestionRow *row = BP_QUESTION_ROW (gtk_list_item_get_child (item));

  g_autofree char *snippet = NULL;

  bp_question_row_set_store (row, self->store);
  bp_question_row_set_reviews (row, self->reviews);
  bp_question_row_set_question (row, gtk_list_item_get_item (item));
  snippet = bp_search_filter_dup_snippet_markup (self->search_filter, gtk_list_item_get_item (item));
  bp_question_row_set_snippet (row, snippet);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               BpSidebar                *self)
{
  bp_question_row_set_question (BP_QUESTION_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 BpSidebar                *self)
{
  g_autoptr(GtkWidget) row = g_object_steal_data (G_OBJECT (item), "bp-row");

  /* GTK 4.8 has taken the row out of the item already: the item kept it alive. */
  if (row != NULL)
    _bp_sidebar_retire_row (self, row);
}

static void
bp_sidebar_dispose (GObject *object)
{
  BpSidebar *self = (BpSidebar *)object;
  GtkWidget *child;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_func (self->reviews, store_changed_cb, self);
  _bp_sidebar_stop_growing (self);
  _bp_sidebar_stop_scrolling (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_SIDEBAR);
  /* The list's scrolled window is no template child of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  _bp_sidebar_free_retired_rows (self);
  g_clear_object (&self->selected_question);
  g_clear_object (&self->store);
  g_clear_object (&self->reviews);
  g_clear_object (&self->deck);

  G_OBJECT_CLASS (bp_sidebar_parent_class)->dispose (object);
}

static void
bp_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BpSidebar *self = BP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DECK:
      g_value_set_object (value, self->deck);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SELECTED_QUESTION:
      g_value_set_object (value, self->selected_question);
      break;

    case PROP_FILTER:
      g_value_set_enum (value, bp_sidebar_get_filter (self));
      break;

    case PROP_QUERY:
      g_value_set_string (value, bp_sidebar_get_query (self));
      break;

    case PROP_CAN_SELECT_PREVIOUS:
      g_value_set_boolean (value, self->can_select_previous);
      break;

    case PROP_CAN_SELECT_NEXT:
      g_value_set_boolean (value, self->can_select_next);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BpSidebar *self = BP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DECK:
      bp_sidebar_set_deck (self, g_value_get_object (value));
      break;

    case PROP_STORE:
      bp_sidebar_set_store (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_QUESTION:
      bp_sidebar_set_selected_question (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      bp_sidebar_set_filter (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags read_write = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_DECK] = g_param_spec_object ("deck", NULL, NULL, BP_TYPE_DECK, read_write);
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, BP_TYPE_STUDY_STORE, read_write);
  /**
   * BpSidebar:selected-question:
   *
   * The question picked in the list, or shown with bp_sidebar_set_selected_question().
   * It stays selected while a filter or the search hides it.
   */
  properties[PROP_SELECTED_QUESTION] =
    g_param_spec_object ("selected-question", NULL, NULL, BP_TYPE_QUESTION, read_write);
  properties[PROP_FILTER] =
    g_param_spec_enum ("filter", NULL, NULL, BP_TYPE_FILTER, BP_FILTER_ALL, read_write);
  /**
   * BpSidebar:query:
   *
   * What the list shows the results of: the typed text, or %NULL while it has no words.
   */
  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, NULL, read_only);
  properties[PROP_CAN_SELECT_PREVIOUS] =
    g_param_spec_boolean ("can-select-previous", NULL, NULL, FALSE, read_only);
  properties[PROP_CAN_SELECT_NEXT] =
    g_param_spec_boolean ("can-select-next", NULL, NULL, FALSE, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_sidebar_class_init (BpSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_sidebar_dispose;
  object_class->get_property = bp_sidebar_get_property;
  object_class->set_property = bp_sidebar_set_property;
  install_properties (object_class);

  /**
   * BpSidebar::question-activated:
   *
   * The user opened a row with Enter or a click: the reader wants its answer now.
   */
  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BP_TYPE_QUESTION);

  g_type_ensure (BP_TYPE_SEARCH_FILTER);
  g_type_ensure (BP_TYPE_SEARCH_SORTER);
  g_type_ensure (BP_TYPE_STUDY_FILTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/bp-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, search_status);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, filter_names);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, question_list);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, search_filtered);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, search_filter);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, study_filter);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, study_filtered);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, slice);
  gtk_widget_class_bind_template_child (widget_class, BpSidebar, selection);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, listed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, teardown_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_list_activate_cb);
  _bp_sidebar_class_add_search (widget_class);
}

static void
bp_sidebar_init (BpSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The drop-down's own button would be announced by its class name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->filter_dropdown))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show"),
                                  -1);
  _bp_sidebar_init_search (self);
  update_filter_names (self);
  update_neighbours (self);
}

BpDeck *
bp_sidebar_get_deck (BpSidebar *self)
{
  g_return_val_if_fail (BP_IS_SIDEBAR (self), NULL);

  return self->deck;
}

/**
 * bp_sidebar_set_deck:
 * @deck: (nullable): the questions to list
 *
 * Lists @deck, keeping the search and the filter; nothing is selected until told.
 */
void
bp_sidebar_set_deck (BpSidebar *self,
                     BpDeck    *deck)
{
  g_return_if_fail (BP_IS_SIDEBAR (self));
  g_return_if_fail (!deck || BP_IS_DECK (deck));

  if (!g_set_object (&self->deck, deck))
    return;

  set_selected (self, NULL);
  bp_search_filter_set_deck (self->search_filter, deck);
  _bp_sidebar_start_growing (self, deck);
  gtk_filter_list_model_set_model (self->search_filtered, G_LIST_MODEL (deck));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_filter_names (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECK]);
}

BpStudyStore *
bp_sidebar_get_store (BpSidebar *self)
{
  g_return_val_if_fail (BP_IS_SIDEBAR (self), NULL);

  return self->store;
}

/**
 * bp_sidebar_set_store:
 * @store: (nullable): the study state the rows, the filter and its counts show
 */
void
bp_sidebar_set_store (BpSidebar    *self,
                      BpStudyStore *store)
{
  g_return_if_fail (BP_IS_SIDEBAR (self));
  g_return_if_fail (!store || BP_IS_STUDY_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  bp_study_filter_set_store (self->study_filter, store);
  /* The rows on screen follow the store they were bound with: bind them again. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->question_list)) != NULL)
    {
      gtk_list_view_set_model (self->question_list, NULL);
      gtk_list_view_set_model (self->question_list, GTK_SELECTION_MODEL (self->selection));
    }
  update_filter_names (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * bp_sidebar_set_reviews:
 * @reviews: when each question is due: the rows say it, the Due filter lists by it. Set
 *   once, before the list shows rows.
 */
void
bp_sidebar_set_reviews (BpSidebar *self,
                        BpReviews *reviews)
{
  g_return_if_fail (BP_IS_SIDEBAR (self));
  g_return_if_fail (BP_IS_REVIEWS (reviews));
  g_return_if_fail (self->reviews == NULL);

  self->reviews = g_object_ref (reviews);
  g_signal_connect_object (reviews, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  bp_study_filter_set_reviews (self->study_filter, reviews);
  update_filter_names (self);
}

BpQuestion *
bp_sidebar_get_selected_question (BpSidebar *self)
{
  g_return_val_if_fail (BP_IS_SIDEBAR (self), NULL);

  return self->selected_question;
}

/**
 * bp_sidebar_set_selected_question:
 * @question: (nullable): a question of the deck
 *
 * Selects @question and scrolls to it. A question the filter or the search hides is
 * selected all the same: the filter goes back to all questions, then the search is
 * cleared, as far as it takes to list it.
 */
void
bp_sidebar_set_selected_question (BpSidebar  *self,
                                  BpQuestion *question)
{
  guint position;

  g_return_if_fail (BP_IS_SIDEBAR (self));
  g_return_if_fail (!question || BP_IS_QUESTION (question));

  if (question == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      set_selected (self, NULL);
      return;
    }

  if (!bp_sidebar_find_listed (self, question, &position))
    {
      bp_sidebar_set_filter (self, BP_FILTER_ALL);
      if (!bp_sidebar_find_listed (self, question, &position))
        bp_sidebar_clear_search (self);
      if (!bp_sidebar_find_listed (self, question, &position))
        return;
    }

  if (_bp_sidebar_select_when_listed (self, question, position))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  else
    _bp_sidebar_select_position (self, position);
  set_selected (self, question);
}

BpFilter
bp_sidebar_get_filter (BpSidebar *self)
{
  g_return_val_if_fail (BP_IS_SIDEBAR (self), BP_FILTER_ALL);

  return bp_study_filter_get_mode (self->study_filter);
}

/**
 * bp_sidebar_set_filter:
 *
 * Lists only the questions @filter keeps.
 */
void
bp_sidebar_set_filter (BpSidebar *self,
                       BpFilter   filter)
{
  g_return_if_fail (BP_IS_SIDEBAR (self));
  g_return_if_fail (filter < BP_N_FILTERS);

  if (bp_sidebar_get_filter (self) == filter)
    return;

  bp_study_filter_set_mode (self->study_filter, filter);
  gtk_drop_down_set_selected (self->filter_dropdown, filter);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * bp_sidebar_get_listed:
 *
 * Returns: (transfer none): the questions the list shows, in its order; all of them,
 *   also while the list of a deck just set is still growing
 */
GListModel *
bp_sidebar_get_listed (BpSidebar *self)
{
  g_return_val_if_fail (BP_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->study_filtered);
}

/**
 * bp_sidebar_find_listed:
 * @position: (out) (optional): where the list shows @question
 *
 * Returns: whether the list shows @question
 */
gboolean
bp_sidebar_find_listed (BpSidebar  *self,
                        BpQuestion *question,
                        guint      *position)
{
  GListModel *listed = G_LIST_MODEL (self->study_filtered);

  g_return_val_if_fail (BP_IS_SIDEBAR (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(BpQuestion) item = g_list_model_get_item (listed, i);

      if (item == question)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
bp_sidebar_get_can_select_previous (BpSidebar *self)
{
  g_return_val_if_fail (BP_IS_SIDEBAR (self), FALSE);

  return self->can_select_previous;
}

gboolean
bp_sidebar_get_can_select_next (BpSidebar *self)
{
  g_return_val_if_fail (BP_IS_SIDEBAR (self), FALSE);

  return self->can_select_next;
}

/**
 * bp_sidebar_select_relative:
 * @offset: how many rows down (up, when negative)
 *
 * Selects the listed question @offset rows from the selected one. When the selected
 * question left the list (say, it became read under "Unread"), it starts at an end.
 */
void
bp_sidebar_select_relative (BpSidebar *self,
                            int        offset)
{
  guint position = _bp_sidebar_get_position (self);
  guint n_items = g_list_model_get_n_items (bp_sidebar_get_listed (self));
  gint64 wanted;

  g_return_if_fail (BP_IS_SIDEBAR (self));

  if (position == GTK_INVALID_LIST_POSITION)
    wanted = offset > 0 ? 0 : (gint64)n_items - 1;
  else
    wanted = (gint64)position + offset;

  if (wanted >= 0 && wanted < n_items)
    _bp_sidebar_select_position (self, (guint)wanted);
}

/**
 * bp_sidebar_focus_list:
 *
 * Keyboard focus goes to the selected row, so the arrow keys move on from there; the
 * row is focused once the list has laid it out.
 */
void
bp_sidebar_focus_list (BpSidebar *self)
{
  GtkWidget *row;

  g_return_if_fail (BP_IS_SIDEBAR (self));

  if ((row = find_selected_row (self)) != NULL)
    gtk_widget_grab_focus (row);
  else
    gtk_widget_add_tick_callback (GTK_WIDGET (self->question_list),
                                  focus_selected_row_tick_cb, self, NULL);
}
