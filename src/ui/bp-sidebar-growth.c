/* bp-sidebar-growth.c: a deck just set is listed and the last one's rows freed a few a frame; rows brought into view after layout
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-sidebar"

#include "config.h"

#include "bp-question-row.h"
#include "bp-sidebar-private.h"

/* GTK 4.8's list view makes, binds and measures up to 200 rows around its anchor
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS), visible or not: a deck of thousands listed at once
 * cost most of a second of rows in one frame. So the first rows come at once, then a
 * few more each frame; once the list holds as many as the view keeps, the rest adds no
 * row and comes at once. Everything else (next, find, counts) asks the whole list. */
#define FIRST_ROWS 24
#define ROWS_PER_FRAME 12
#define ROWS_KEPT_BY_LIST_VIEW 200

/* The other way round, a deck set lets go of the up to 200 rows of the one before, and
 * freeing a row (its template's widgets) costs as much as making one: they are kept a
 * little and freed this many at a time between frames. */
#define ROWS_FREED_AT_ONCE 24

static guint
n_shown (BpSidebar *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->slice));
}

static void
stop_growing (BpSidebar *self)
{
  if (self->grow_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->question_list), self->grow_tick_id);
  self->grow_tick_id = 0;
}

/* The question asked for before the list reached its row, selected once it has; one
 * that left the list meanwhile (a filter) stays the sidebar's selected question. */
static void
select_pending (BpSidebar *self)
{
  guint position;

  if (self->pending_question == NULL)
    return;

  if (!bp_sidebar_find_listed (self, self->pending_question, &position))
    {
      if (self->grow_tick_id == 0)
        g_clear_object (&self->pending_question);
      return;
    }
  if (position < n_shown (self))
    _bp_sidebar_select_position (self, position);
}

static gboolean
grow_list_tick_cb (GtkWidget     *list,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  BpSidebar *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->slice) + ROWS_PER_FRAME;
  gboolean whole = size >= ROWS_KEPT_BY_LIST_VIEW;

  gtk_slice_list_model_set_size (self->slice, whole ? G_MAXUINT : size);
  if (whole)
    self->grow_tick_id = 0;
  select_pending (self);

  return whole ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* Called before @deck is given to the chain: its first rows only, then a frame's more
 * at a time. A deck that fits in the first rows is listed whole. */
void
_bp_sidebar_start_growing (BpSidebar *self,
                           BpDeck    *deck)
{
  gboolean small = deck == NULL || bp_deck_get_n_questions (deck) <= FIRST_ROWS;

  stop_growing (self);
  g_clear_object (&self->pending_question);
  gtk_slice_list_model_set_size (self->slice, small ? G_MAXUINT : FIRST_ROWS);
  if (!small)
    self->grow_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->question_list),
                                                       grow_list_tick_cb, self, NULL);
}

void
_bp_sidebar_stop_growing (BpSidebar *self)
{
  stop_growing (self);
  g_clear_object (&self->pending_question);
}

/* Row @position of the list is wanted now (a key, a search result): what the list has
 * not grown to yet is listed at once. It wins over a selection still waiting. */
void
_bp_sidebar_show_position (BpSidebar *self,
                           guint      position)
{
  g_clear_object (&self->pending_question);
  if (position < n_shown (self))
    return;

  stop_growing (self);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

/* Whether @question, at @position of the whole list, waits for the list to grow to it
 * (a question restored with the deck) rather than making the list whole at once. */
gboolean
_bp_sidebar_select_when_listed (BpSidebar  *self,
                                BpQuestion *question,
                                guint       position)
{
  if (self->grow_tick_id == 0 || position < n_shown (self))
    return FALSE;

  g_set_object (&self->pending_question, question);
  return TRUE;
}

static gboolean
free_retired_rows_cb (gpointer user_data)
{
  BpSidebar *self = user_data;
  guint n = MIN (self->retired_rows->len, ROWS_FREED_AT_ONCE);

  g_ptr_array_remove_range (self->retired_rows, self->retired_rows->len - n, n);
  if (self->retired_rows->len > 0)
    return G_SOURCE_CONTINUE;

  self->retire_id = 0;
  return G_SOURCE_REMOVE;
}

/* Called as the list view tears @row down: it lives on, out of the list, until it is
 * freed in an idle of its own, after the frame that shows the new deck. */
void
_bp_sidebar_retire_row (BpSidebar *self,
                        GtkWidget *row)
{
  if (self->retired_rows == NULL)
    self->retired_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->retired_rows, g_object_ref (row));
  if (self->retire_id == 0)
    self->retire_id = g_idle_add (free_retired_rows_cb, self);
}

void
_bp_sidebar_free_retired_rows (BpSidebar *self)
{
  g_clear_handle_id (&self->retire_id, g_source_remove);
  g_clear_pointer (&self->retired_rows, g_ptr_array_unref);
}

/* Where Previous and Next start from: the selected row, or the one still waiting. */
guint
_bp_sidebar_get_position (BpSidebar *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (self->pending_question != NULL)
    bp_sidebar_find_listed (self, self->pending_question, &position);
  return position;
}

/* The list item showing @question, if the list has made one for it. */
static GtkWidget *
find_item (BpSidebar  *self,
           BpQuestion *question)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->question_list));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (BP_IS_QUESTION_ROW (row) && bp_question_row_get_question (BP_QUESTION_ROW (row)) == question)
        return item;
    }
  return NULL;
}

/* Where row @position's top is in the list's whole height, and its height: measured on its
 * item when the list has laid it out, else estimated from any item it has. The list's
 * adjustment alone cannot say: GTK 4.8's list view keeps an estimate of the rows it has
 * not measured in its upper bound, which can be far from the rows there are. */
static gboolean
locate_row (BpSidebar     *self,
            guint          position,
            GtkAdjustment *adjustment,
            double        *top,
            double        *height)
{
  g_autoptr(BpQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkWidget *item = question != NULL ? find_item (self, question) : NULL;
  GtkWidget *any = gtk_widget_get_first_child (GTK_WIDGET (self->question_list));
  graphene_rect_t bounds;

  if (item != NULL && gtk_widget_compute_bounds (item, GTK_WIDGET (self->question_list), &bounds))
    {
      *top = gtk_adjustment_get_value (adjustment) + bounds.origin.y;
      *height = bounds.size.height;
      return TRUE;
    }
  if (question == NULL || any == NULL || gtk_widget_get_height (any) <= 0)
    return FALSE;
  *height = gtk_widget_get_height (any);
  *top = *height * position;
  return TRUE;
}

static void
scroll_now (BpSidebar *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->question_scroller));
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double lower = gtk_adjustment_get_lower (adjustment);
  double highest = MAX (lower, gtk_adjustment_get_upper (adjustment) - page);
  double top, height;

  /* The model may have changed again since it was asked for: no such row, no scroll. */
  if (!locate_row (self, self->scroll_position, adjustment, &top, &height))
    return;
  if (top < value || top + height > value + page)
    gtk_adjustment_set_value (adjustment, CLAMP (top + height / 2 - page / 2, lower, highest));
}

static gboolean
scroll_tick_cb (GtkWidget     *list,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  BpSidebar *self = user_data;

  /* A frame's layout between the ask and now: the adjustment is the new model's. */
  if (gdk_frame_clock_get_frame_counter (frame_clock) <= self->scroll_asked_frame + 1)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  scroll_now (self);
  return G_SOURCE_REMOVE;
}

/**
 * _bp_sidebar_scroll_to_position:
 *
 * Brings row @position of the list into view without moving the focus onto it (GTK 4.8's
 * list.scroll-to-item does, and Space would no longer reveal a session's answer). Done
 * after the next layout: a filter just changed leaves the list's adjustment measuring the
 * old model's rows until then, and a value set against it names no row of the new one
 * (GtkListView then warns that it "failed to scroll to given position").
 */
void
_bp_sidebar_scroll_to_position (BpSidebar *self,
                                guint      position)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->question_list));

  self->scroll_position = position;
  if (self->scroll_tick_id != 0)
    return;

  self->scroll_asked_frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : 0;
  self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->question_list), scroll_tick_cb,
                                                       self, NULL);
}

void
_bp_sidebar_stop_scrolling (BpSidebar *self)
{
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->question_list), self->scroll_tick_id);
  self->scroll_tick_id = 0;
}
