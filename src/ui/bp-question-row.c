/* bp-question-row.c: one question in the sidebar
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-question-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-clock.h"
#include "bp-question-row.h"

struct _BpQuestionRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *number_label;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *snippet_label;
  GtkWidget *unread_dot;
  GtkWidget *weak_icon;
  GtkWidget *notes_icon;
  GtkLabel *due_label;

  BpQuestion *question;
  BpStudyStore *store;
  gulong store_changed_id;  /* "changed::<id>" of the question shown */
  BpStudyFlags flags;
  BpReviews *reviews;
  char *due;                /* what due_label says, or %NULL without reviews */
  char *snippet;  /* Pango markup, or %NULL outside a search */
};

G_DEFINE_FINAL_TYPE (BpQuestionRow, bp_question_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_STORE,
  PROP_REVIEWS,
  PROP_SNIPPET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void set_flags   (BpQuestionRow *self,
                         BpStudyFlags   flags);
static void watch_store (BpQuestionRow *self);
static void update_due  (BpQuestionRow *self);

static void
bp_question_row_dispose (GObject *object)
{
  BpQuestionRow *self = (BpQuestionRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_QUESTION_ROW);
  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  bp_question_row_set_reviews (self, NULL);
  g_clear_object (&self->question);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (bp_question_row_parent_class)->dispose (object);
}

static void
bp_question_row_finalize (GObject *object)
{
  g_free (BP_QUESTION_ROW (object)->due);

  G_OBJECT_CLASS (bp_question_row_parent_class)->finalize (object);
}

static void
bp_question_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BpQuestionRow *self = BP_QUESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REVIEWS:
      g_value_set_object (value, self->reviews);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_question_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BpQuestionRow *self = BP_QUESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      bp_question_row_set_question (self, g_value_get_object (value));
      break;

    case PROP_STORE:
      bp_question_row_set_store (self, g_value_get_object (value));
      break;

    case PROP_REVIEWS:
      bp_question_row_set_reviews (self, g_value_get_object (value));
      break;

    case PROP_SNIPPET:
      bp_question_row_set_snippet (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_question_row_class_init (BpQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_question_row_dispose;
  object_class->finalize = bp_question_row_finalize;
  object_class->get_property = bp_question_row_get_property;
  object_class->set_property = bp_question_row_set_property;

  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL,
                         BP_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BP_TYPE_STUDY_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEWS] =
    g_param_spec_object ("reviews", NULL, NULL,
                         BP_TYPE_REVIEWS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BpQuestionRow:snippet:
   *
   * A line of the answer around what the search found, as Pango markup; %NULL hides it.
   */
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/bp-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BpQuestionRow, box);
  gtk_widget_class_bind_template_child (widget_class, BpQuestionRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, BpQuestionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BpQuestionRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BpQuestionRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, BpQuestionRow, unread_dot);
  gtk_widget_class_bind_template_child (widget_class, BpQuestionRow, weak_icon);
  gtk_widget_class_bind_template_child (widget_class, BpQuestionRow, notes_icon);
  gtk_widget_class_bind_template_child (widget_class, BpQuestionRow, due_label);
}

static void
bp_question_row_init (BpQuestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Until told otherwise, a question is unread. */
  self->flags = BP_STUDY_FLAG_READ;
  set_flags (self, BP_STUDY_FLAG_NONE);
}

GtkWidget *
bp_question_row_new (void)
{
  return g_object_new (BP_TYPE_QUESTION_ROW, NULL);
}

BpQuestion *
bp_question_row_get_question (BpQuestionRow *self)
{
  g_return_val_if_fail (BP_IS_QUESTION_ROW (self), NULL);

  return self->question;
}

/* What a screen reader says: the number, the title, and the study state. */
static void
update_accessible_label (BpQuestionRow *self)
{
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(GPtrArray) states = g_ptr_array_new ();

  if (self->question != NULL)
    {
      /* Translators: how a screen reader announces a question in the sidebar */
      g_string_printf (label, _("Question %u: %s"),
                       bp_question_get_number (self->question),
                       bp_question_get_title (self->question));
      /* Translators: after a question's title, what tells it from others of that title,
       * as in "Question 7: What is the output? — console.log(typeof null)" */
      if (*bp_question_get_subtitle (self->question) != '\0')
        g_string_append_printf (label, _(" — %s"), bp_question_get_subtitle (self->question));

      /* Translators: the study state of a question, read after its title */
      if (self->flags & BP_STUDY_FLAG_WEAK)
        g_ptr_array_add (states, (gpointer)_("weak topic"));
      /* Translators: the study state of a question, read after its title */
      if (self->flags & BP_STUDY_FLAG_NOTES)
        g_ptr_array_add (states, (gpointer)_("has notes"));
      /* Translators: the study state of a question, read after its title */
      if (!(self->flags & BP_STUDY_FLAG_READ))
        g_ptr_array_add (states, (gpointer)_("unread"));
      if (self->due != NULL)
        g_ptr_array_add (states, self->due);

      if (states->len > 0)
        {
          g_autofree char *joined = NULL;
          g_autofree char *with_states = NULL;

          g_ptr_array_add (states, NULL);
          /* Translators: the separator between study states, as in "weak topic, unread" */
          joined = g_strjoinv (C_("list separator", ", "), (char **)states->pdata);
          /* Translators: a question's label and its study states, as in
           * "Question 4: Why batch norm? (weak topic, unread)" */
          with_states = g_strdup_printf (_("%s (%s)"), label->str, joined);
          g_string_assign (label, with_states);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label->str,
                                  -1);
}

/**
 * bp_question_row_set_question:
 * @question: (nullable): the question to show, or %NULL when the list unbinds the row
 *
 * An unbound row keeps its text: GTK 4.8 unbinds and binds again the rows whose
 * selection changes, and clearing their labels in between made the list measure all
 * its rows again, some thousand text shapings a click (see tests/bench/bench-switch.c).
 * It stops following the store, though, until it shows a question again.
 */
void
bp_question_row_set_question (BpQuestionRow *self,
                              BpQuestion    *question)
{
  g_autofree char *number = NULL;

  g_return_if_fail (BP_IS_QUESTION_ROW (self));
  g_return_if_fail (!question || BP_IS_QUESTION (question));

  if (!g_set_object (&self->question, question))
    return;

  if (question != NULL)
    {
      number = g_strdup_printf ("%u", bp_question_get_number (question));
      gtk_label_set_text (self->number_label, number);
      gtk_label_set_text (self->title_label, bp_question_get_title (question));
      gtk_label_set_text (self->subtitle_label, bp_question_get_subtitle (question));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                              *bp_question_get_subtitle (question) != '\0');
      update_due (self);
      update_accessible_label (self);
    }
  watch_store (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

/* The study state: a dot while the question is unread, a flag for a weak topic and a
 * pencil for notes. */
static void
set_flags (BpQuestionRow *self,
           BpStudyFlags   flags)
{
  if (self->flags == flags)
    return;

  self->flags = flags;
  gtk_widget_set_visible (self->weak_icon, (flags & BP_STUDY_FLAG_WEAK) != 0);
  gtk_widget_set_visible (self->notes_icon, (flags & BP_STUDY_FLAG_NOTES) != 0);
  gtk_widget_set_visible (self->unread_dot, (flags & BP_STUDY_FLAG_READ) == 0);
  update_accessible_label (self);
}

static void
store_changed_cb (BpQuestionRow *self)
{
  set_flags (self, bp_study_store_get_flags (self->store, bp_question_get_id (self->question)));
}

/* The row follows its own question's entry in the store, and nothing else: a change to
 * one question touches one row, however long the list. */
static void
watch_store (BpQuestionRow *self)
{
  g_autofree char *detailed_signal = NULL;

  g_clear_signal_handler (&self->store_changed_id, self->store);
  if (self->store == NULL || self->question == NULL)
    return;

  detailed_signal = g_strconcat ("changed::", bp_question_get_id (self->question), NULL);
  self->store_changed_id = g_signal_connect_object (self->store, detailed_signal,
                                                    G_CALLBACK (store_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
  store_changed_cb (self);
}

BpStudyStore *
bp_question_row_get_store (BpQuestionRow *self)
{
  g_return_val_if_fail (BP_IS_QUESTION_ROW (self), NULL);

  return self->store;
}

/**
 * bp_question_row_set_store:
 * @store: (nullable): where the row reads its question's study state
 */
void
bp_question_row_set_store (BpQuestionRow *self,
                           BpStudyStore  *store)
{
  g_return_if_fail (BP_IS_QUESTION_ROW (self));
  g_return_if_fail (!store || BP_IS_STUDY_STORE (store));

  if (self->store == store)
    return;

  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  watch_store (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

BpStudyFlags
bp_question_row_get_flags (BpQuestionRow *self)
{
  g_return_val_if_fail (BP_IS_QUESTION_ROW (self), BP_STUDY_FLAG_NONE);

  return self->flags;
}

/* "Due today", "In 4 days": short, as a row has room for. Overdue is due today. A question
 * never studied says nothing: in a deck just opened, "New" on every row would be noise. */
static char *
format_due (gint64 due_day,
            gint64 today)
{
  gint64 days = due_day - today;

  if (due_day == G_MAXINT64)
    return NULL;
  if (days <= 0)
    return g_strdup (_("Due today"));
  if (days == 1)
    return g_strdup (_("Due tomorrow"));
  if (days < 31)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %u day", "In %u days", (guint)days),
                            (guint)days);
  if (days < 365)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %u month", "In %u months",
                                         (guint)((days + 15) / 30)),
                            (guint)((days + 15) / 30));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %u year", "In %u years",
                                       (guint)(days / 365)),
                          (guint)(days / 365));
}

static void
update_due (BpQuestionRow *self)
{
  g_autofree char *due = NULL;

  /* An unbound row keeps what it says, as its labels (see bp_question_row_set_question()). */
  if (self->question == NULL)
    return;
  if (self->reviews != NULL)
    {
      gint64 today = bp_review_day (bp_clock_now_us (), bp_reviews_get_day_offset (self->reviews));

      due = format_due (bp_reviews_get_due_day (self->reviews, bp_question_get_id (self->question)),
                        today);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);
  if (g_strcmp0 (due, self->due) == 0)
    return;
  gtk_label_set_text (self->due_label, due != NULL ? due : "");
  g_free (self->due);
  self->due = g_steal_pointer (&due);
  update_accessible_label (self);
}

BpReviews *
bp_question_row_get_reviews (BpQuestionRow *self)
{
  g_return_val_if_fail (BP_IS_QUESTION_ROW (self), NULL);

  return self->reviews;
}

/**
 * bp_question_row_set_reviews:
 * @reviews: (nullable): where the row reads when its question is due, followed as grades
 *   change it
 */
void
bp_question_row_set_reviews (BpQuestionRow *self,
                             BpReviews     *reviews)
{
  g_return_if_fail (BP_IS_QUESTION_ROW (self));
  g_return_if_fail (!reviews || BP_IS_REVIEWS (reviews));

  if (self->reviews == reviews)
    return;

  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_func (self->reviews, update_due, self);
  g_set_object (&self->reviews, reviews);
  if (reviews != NULL)
    g_signal_connect_object (reviews, "changed", G_CALLBACK (update_due), self, G_CONNECT_SWAPPED);
  update_due (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWS]);
}

/* Returns: (nullable): what the row says of when its question is due */
const char *
bp_question_row_get_due (BpQuestionRow *self)
{
  g_return_val_if_fail (BP_IS_QUESTION_ROW (self), NULL);

  return self->due;
}

const char *
bp_question_row_get_snippet (BpQuestionRow *self)
{
  g_return_val_if_fail (BP_IS_QUESTION_ROW (self), NULL);

  return self->snippet;
}

/**
 * bp_question_row_set_snippet:
 * @snippet: (nullable): Pango markup, its text escaped; %NULL outside a search
 *
 * Shows @snippet under the title, for as long as a search is on.
 */
void
bp_question_row_set_snippet (BpQuestionRow *self,
                             const char    *snippet)
{
  g_return_if_fail (BP_IS_QUESTION_ROW (self));

  if (g_strcmp0 (self->snippet, snippet) == 0)
    return;

  g_free (self->snippet);
  self->snippet = g_strdup (snippet);
  gtk_label_set_markup (self->snippet_label, snippet != NULL ? snippet : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), snippet != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNIPPET]);
}
