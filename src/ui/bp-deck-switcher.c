/* bp-deck-switcher.c: the decks of the library, at the top of the sidebar
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-switcher"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-clock.h"
#include "bp-deck-study.h"
#include "bp-deck-switcher.h"

/* The bar reads the parse's progress as often as this: some 30 times a second. */
#define PROGRESS_INTERVAL_MS 33

struct _BpDeckSwitcher
{
  GtkWidget parent_instance;

  /* template children */
  GtkDropDown *dropdown;
  GtkWidget *loading_box;
  GtkLabel *loading_label;
  GtkProgressBar *loading_bar;

  BpLibrary *library;
  BpStudyStore *store;
  BpReviews *reviews;
  char *loading_name;
  BpDeckProgress *loading_progress;
  guint progress_id;
};

G_DEFINE_FINAL_TYPE (BpDeckSwitcher, bp_deck_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Counted from the store, so a deck not read yet shows its weak topics too. */
static guint
count_weak (BpStudyStore *store,
            const char   *deck_id)
{
  g_auto(GStrv) ids = store != NULL ? bp_study_store_dup_ids (store) : NULL;
  g_autofree char *prefix = g_strconcat (deck_id, "/", NULL);
  guint n_weak = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_str_has_prefix (ids[i], prefix) && bp_study_store_get_weak (store, ids[i]))
      n_weak++;

  return n_weak;
}

/* A deck read: its questions' due days. One not read yet: the log's questions of the deck,
 * whose ids are "<deck id>/<slug>", as the parser makes them. */
static guint
count_due (BpReviews      *reviews,
           BpLibraryEntry *entry)
{
  BpDeck *deck = bp_library_entry_get_deck (entry);
  g_autofree char *prefix = g_strconcat (bp_library_entry_get_id (entry), "/", NULL);
  gint64 today;
  GHashTableIter iter;
  const char *id;
  guint n_due = 0;

  if (reviews == NULL || !bp_reviews_get_loaded (reviews))
    return 0;
  today = bp_review_day (bp_clock_now_us (), bp_reviews_get_day_offset (reviews));
  if (deck != NULL)
    return bp_deck_study_count_due (deck, reviews, today);
  g_hash_table_iter_init (&iter, bp_reviews_get_states (reviews));
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
    n_due += g_str_has_prefix (id, prefix) && bp_reviews_get_due_day (reviews, id) <= today;
  return n_due;
}

/**
 * bp_deck_switcher_dup_summary:
 *
 * Returns: (transfer full): what a deck's row says under its title: how many questions
 *   and weak topics, or that its file is gone
 */
char *
bp_deck_switcher_dup_summary (BpDeckSwitcher *self,
                              BpLibraryEntry *entry)
{
  guint n_questions = bp_library_entry_get_n_questions (entry);
  guint n_weak = count_weak (self->store, bp_library_entry_get_id (entry));
  guint n_due = count_due (self->reviews, entry);
  g_autofree char *summary = NULL;

  if (!bp_library_entry_get_available (entry))
    return g_strdup (_("File not found; your study data is kept"));

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n_questions),
                             n_questions);
  if (n_weak > 0)
    {
      g_autofree char *questions = g_steal_pointer (&summary);

      /* Translators: a deck's summary, e.g. "22 questions · 3 weak" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u weak", "%s · %u weak", n_weak),
                                 questions, n_weak);
    }
  if (n_due > 0)
    {
      g_autofree char *before = g_steal_pointer (&summary);

      /* Translators: a deck's summary with its reviews due today, e.g. "22 questions · 4 due" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u due", "%s · %u due", n_due),
                                 before, n_due);
    }
  return g_steal_pointer (&summary);
}

/* A row is the same in the drop-down's button and its list, but for the list's Study button. */
static void
update_row (GtkWidget *row)
{
  BpDeckSwitcher *self = g_object_get_data (G_OBJECT (row), "switcher");
  BpLibraryEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  GtkWidget *study = g_object_get_data (G_OBJECT (row), "study-button");
  g_autofree char *text = NULL;

  if (entry == NULL)
    return;

  text = bp_deck_switcher_dup_summary (self, entry);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "title"), bp_library_entry_get_title (entry));
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "summary"), text);
  gtk_widget_set_tooltip_text (row, bp_library_entry_get_path (entry));
  if (study != NULL)
    {
      /* Translators: the accessible name of a deck's Study button, e.g. "Study “SQL”" */
      g_autofree char *name = g_strdup_printf (_("Study “%s”"), bp_library_entry_get_title (entry));

      gtk_actionable_set_action_target (GTK_ACTIONABLE (study), "s", bp_library_entry_get_id (entry));
      gtk_widget_set_visible (study, bp_library_entry_get_available (entry));
      gtk_accessible_update_property (GTK_ACCESSIBLE (study), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static gboolean
update_row_idle_cb (gpointer user_data)
{
  GtkWidget *row = user_data;

  g_object_set_data (G_OBJECT (row), "update-source", NULL);
  update_row (row);
  return G_SOURCE_REMOVE;
}

/* A deck read notifies each of its entry's properties, and a store's save or the log's
 * replay change many entries at once: the row is counted again once after them, not
 * once each, and after the frame that shows the deck. */
static void
queue_update_row (GtkWidget *row)
{
  guint source;

  if (g_object_get_data (G_OBJECT (row), "update-source") != NULL)
    return;

  source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_row_idle_cb, g_object_ref (row), g_object_unref);
  g_object_set_data (G_OBJECT (row), "update-source", GUINT_TO_POINTER (source));
}

static GtkWidget *
new_row_labels (BpDeckSwitcher *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), summary);
  g_object_set_data (G_OBJECT (box), "switcher", self);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "summary", summary);
  return box;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              BpDeckSwitcher           *self)
{
  gtk_list_item_set_child (item, new_row_labels (self));
}

/* The list closes as the session starts, so the user sees it. */
static void
study_clicked_cb (GtkWidget *button)
{
  GtkWidget *popover = gtk_widget_get_ancestor (button, GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* In the list: the deck, and a button to study it (study.deck, the deck's id). */
static void
setup_list_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   BpDeckSwitcher           *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = new_row_labels (self);
  GtkWidget *study = gtk_button_new_with_label (_("Study"));

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (study, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (study, _("Study this deck’s due and new questions"));
  /* A target of the action's type before its name: the deck's id comes when it is bound. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (study), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (study), "study.deck");
  g_signal_connect (study, "clicked", G_CALLBACK (study_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (row), study);
  g_object_set_data (G_OBJECT (row), "switcher", self);
  g_object_set_data (G_OBJECT (row), "title", g_object_get_data (G_OBJECT (labels), "title"));
  g_object_set_data (G_OBJECT (row), "summary", g_object_get_data (G_OBJECT (labels), "summary"));
  g_object_set_data (G_OBJECT (row), "study-button", study);
  gtk_list_item_set_child (item, row);
}

/* A row follows its deck (title, count, availability), the store (weak topics) and the
 * reviews (due today). */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BpDeckSwitcher           *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  BpLibraryEntry *entry = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (entry, "notify", G_CALLBACK (queue_update_row), row, G_CONNECT_SWAPPED);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (queue_update_row), row, G_CONNECT_SWAPPED);
  if (self->reviews != NULL)
    {
      g_signal_connect_object (self->reviews, "changed", G_CALLBACK (queue_update_row), row, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->reviews, "notify::loaded", G_CALLBACK (queue_update_row), row,
                               G_CONNECT_SWAPPED);
    }
  update_row (row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               BpDeckSwitcher           *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  BpLibraryEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

  if (entry != NULL)
    g_signal_handlers_disconnect_by_data (entry, row);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, row);
  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_data (self->reviews, row);
  g_object_set_data (G_OBJECT (row), "entry", NULL);
}

static void
dropdown_selected_cb (BpDeckSwitcher *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
bp_deck_switcher_dispose (GObject *object)
{
  BpDeckSwitcher *self = (BpDeckSwitcher *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_pointer (&self->loading_progress, bp_deck_progress_unref);
  g_clear_pointer (&self->loading_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_DECK_SWITCHER);
  /* The box around the drop-down is no template child of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_object (&self->reviews);

  G_OBJECT_CLASS (bp_deck_switcher_parent_class)->dispose (object);
}

static void
bp_deck_switcher_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BpDeckSwitcher *self = BP_DECK_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, bp_deck_switcher_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_deck_switcher_class_init (BpDeckSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_deck_switcher_dispose;
  object_class->get_property = bp_deck_switcher_get_property;

  /**
   * BpDeckSwitcher:selected:
   *
   * The deck picked in the list, or set with bp_deck_switcher_set_selected().
   */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, BP_TYPE_LIBRARY_ENTRY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/bp-deck-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, BpDeckSwitcher, dropdown);
  gtk_widget_class_bind_template_child (widget_class, BpDeckSwitcher, loading_box);
  gtk_widget_class_bind_template_child (widget_class, BpDeckSwitcher, loading_label);
  gtk_widget_class_bind_template_child (widget_class, BpDeckSwitcher, loading_bar);
  gtk_widget_class_bind_template_callback (widget_class, dropdown_selected_cb);
}

static void
bp_deck_switcher_init (BpDeckSwitcher *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The drop-down's own button would be announced by its class name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->dropdown))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Deck"),
                                  -1);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_drop_down_set_factory (self->dropdown, factory);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_list_row_cb), self);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_drop_down_set_list_factory (self->dropdown, list_factory);
}

void
bp_deck_switcher_set_library (BpDeckSwitcher *self,
                              BpLibrary      *library)
{
  g_return_if_fail (BP_IS_DECK_SWITCHER (self));
  g_return_if_fail (!library || BP_IS_LIBRARY (library));

  if (g_set_object (&self->library, library))
    gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (library));
}

void
bp_deck_switcher_set_store (BpDeckSwitcher *self,
                            BpStudyStore   *store)
{
  g_return_if_fail (BP_IS_DECK_SWITCHER (self));

  /* Rows are bound again, with the new store. */
  if (g_set_object (&self->store, store) && self->library != NULL)
    {
      gtk_drop_down_set_model (self->dropdown, NULL);
      gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (self->library));
    }
}

/* @reviews: what each deck's row counts as due today; followed as it changes */
void
bp_deck_switcher_set_reviews (BpDeckSwitcher *self,
                              BpReviews      *reviews)
{
  g_return_if_fail (BP_IS_DECK_SWITCHER (self));

  /* Rows are bound again, following the new reviews. */
  if (g_set_object (&self->reviews, reviews) && self->library != NULL)
    {
      gtk_drop_down_set_model (self->dropdown, NULL);
      gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (self->library));
    }
}

/**
 * bp_deck_switcher_get_selected:
 *
 * Returns: (transfer none) (nullable): the deck picked
 */
BpLibraryEntry *
bp_deck_switcher_get_selected (BpDeckSwitcher *self)
{
  g_return_val_if_fail (BP_IS_DECK_SWITCHER (self), NULL);

  return gtk_drop_down_get_selected_item (self->dropdown);
}

void
bp_deck_switcher_set_selected (BpDeckSwitcher *self,
                               BpLibraryEntry *entry)
{
  guint n_items;

  g_return_if_fail (BP_IS_DECK_SWITCHER (self));
  g_return_if_fail (self->library != NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->library));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BpLibraryEntry) item = g_list_model_get_item (G_LIST_MODEL (self->library), i);

      if (item == entry)
        {
          gtk_drop_down_set_selected (self->dropdown, i);
          return;
        }
    }
}

static void
show_progress (BpDeckSwitcher *self)
{
  double fraction = bp_deck_progress_get (self->loading_progress);
  g_autofree char *text = NULL;

  /* Translators: while a deck file is read, e.g. "Opening “sql.md”… 45 %" */
  text = g_strdup_printf (_("Opening “%s”… %u %%"), self->loading_name, (guint)(fraction * 100));
  gtk_label_set_label (self->loading_label, text);
  gtk_progress_bar_set_fraction (self->loading_bar, fraction);
}

static gboolean
progress_cb (gpointer user_data)
{
  show_progress (user_data);
  return G_SOURCE_CONTINUE;
}

/**
 * bp_deck_switcher_set_loading:
 * @name: (nullable): the file being opened, or %NULL when none is
 * @progress: (nullable): its parse's progress
 *
 * Shows that a deck is being read: its name, how far, and Cancel (deck.cancel-open).
 */
void
bp_deck_switcher_set_loading (BpDeckSwitcher *self,
                              const char     *name,
                              BpDeckProgress *progress)
{
  g_return_if_fail (BP_IS_DECK_SWITCHER (self));
  g_return_if_fail (name == NULL || progress != NULL);

  gtk_widget_set_visible (self->loading_box, name != NULL);
  g_clear_pointer (&self->loading_progress, bp_deck_progress_unref);
  g_clear_pointer (&self->loading_name, g_free);
  if (name == NULL)
    {
      g_clear_handle_id (&self->progress_id, g_source_remove);
      return;
    }

  self->loading_name = g_strdup (name);
  self->loading_progress = bp_deck_progress_ref (progress);
  show_progress (self);
  if (self->progress_id == 0)
    self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, progress_cb, self);
}
