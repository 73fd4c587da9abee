/* bp-study-view.c: a study session: one question at a time, recalled, revealed and graded
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bp-clock.h"
#include "bp-study-queue.h"
#include "bp-study-view-private.h"

/*
 * The page shows the question alone (its study route: no answer in the page) until the user
 * reveals it; what they typed in the recall box stays beside the answer. A grade is in the
 * review log before the next question shows, or, if the disk refuses, kept by the reviews
 * and said in the banner while it lasts. A question forgotten comes back a few questions
 * later (the queue's learning step), as its button says. The queue lives as long as the
 * view: leaving the session and coming back resumes it; after a restart the log gives the
 * same queue.
 */

/* While grades wait to be written, they are tried again this often. */
#define RETRY_SECONDS 10

struct _BpStudyView
{
  GtkWidget parent_instance;

  /* template children */
  GtkWidget *box;
  GtkRevealer *banner;
  GtkLabel *banner_label;
  GtkStack *stack;
  BpAnswerView *answer_view;
  GtkLabel *progress_label;
  GtkTextView *recall_view;
  GtkWidget *recall_placeholder;
  GtkStack *buttons;
  GtkWidget *reveal_button;
  GtkButton *grade_buttons[4];
  AdwStatusPage *summary;

  GSettings *settings;
  BpDeck *deck;
  BpStudyStore *store;
  BpReviews *reviews;

  BpStudyQueue *queue;
  BpQueueOptions options;
  BpQuestion *question;
  guint n_left;
  gboolean revealed;
  gint64 shown_us;
  gint64 started_us;       /* this session's */
  guint retry_id;
};

G_DEFINE_FINAL_TYPE (BpStudyView, bp_study_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_REVEALED,
  PROP_N_LEFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const grade_names[] = {
  /* Translators: grade buttons of a study session */
  N_("Again"), N_("Hard"), N_("Good"), N_("Easy"),
};

/* "4 days", "3 months", "2 years": as long as an interval is shown on its button. */
static char *
format_interval (guint days)
{
  if (days < 31)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
  if (days < 365)
    {
      guint months = (days + 15) / 30;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", months),
                              months);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", days / 365),
                          days / 365);
}

static gboolean
two_buttons (BpStudyView *self)
{
  return g_settings_get_boolean (self->settings, "two-button-grading");
}

static void
update_actions (BpStudyView *self)
{
  gboolean showing = self->question != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.reveal", showing && !self->revealed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.grade", showing && self->revealed);
}

/* The interval each grade would give the question now: what its button says. */
static void
update_grade_labels (BpStudyView *self)
{
  const BpFsrsParameters *parameters = bp_reviews_get_parameters (self->reviews);
  const char *id = bp_question_get_id (self->question);
  const BpCardState *state = bp_reviews_lookup (self->reviews, id);
  guint elapsed = state != NULL ? (guint)MAX (self->options.today - state->last_day, 0) : 0;

  for (BpGrade grade = BP_GRADE_AGAIN; grade <= BP_GRADE_EASY; grade++)
    {
      BpMemoryState next = state != NULL
                             ? bp_fsrs_next_state (parameters, &state->memory, elapsed, grade)
                             : bp_fsrs_initial_state (parameters, grade);
      /* Forgotten (or new and hard), a question comes back in this session, whatever its
       * new stability would give: the button says so rather than "1 day". */
      g_autofree char *interval = bp_study_queue_get_requeues (self->queue, id, grade)
                                    /* Translators: a grade button's interval when the question
                                     * comes back a few questions later: "Again · in this session" */
                                    ? g_strdup (_("in this session"))
                                    : format_interval (bp_queue_interval (&self->options, parameters,
                                                                          next.stability));
      /* Translators: a grade button: the grade, then the interval it gives, "Good · 4 days" */
      g_autofree char *label = g_strdup_printf (_("%s · %s"), _(grade_names[grade - 1]), interval);
      GtkWidget *button = GTK_WIDGET (self->grade_buttons[grade - 1]);

      gtk_button_set_label (GTK_BUTTON (button), label);
      gtk_widget_set_visible (button, !two_buttons (self) ||
                                      grade == BP_GRADE_AGAIN || grade == BP_GRADE_GOOD);
    }
}

/* An invitation while the box is empty and the answer hidden; after that, nothing to say. */
static void
update_recall_placeholder (BpStudyView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->recall_view);

  gtk_widget_set_visible (self->recall_placeholder,
                          !self->revealed && gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
set_revealed (BpStudyView *self,
              gboolean     revealed)
{
  if (self->revealed == revealed)
    return;
  self->revealed = revealed;
  update_recall_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

static BpQueueCard *
queue_cards (BpStudyView *self,
             guint       *n_cards)
{
  guint n = bp_deck_get_n_questions (self->deck);
  BpQueueCard *cards = g_new0 (BpQueueCard, n);

  for (guint i = 0; i < n; i++)
    {
      const char *id = bp_question_get_id (bp_deck_get_question (self->deck, i));

      cards[i] = (BpQueueCard) { id, bp_reviews_lookup (self->reviews, id),
                                 bp_study_store_get_weak (self->store, id) };
    }
  *n_cards = n;
  return cards;
}

/* A new session: today's due reviews and new questions, as the settings ask. */
static void
build_queue (BpStudyView *self)
{
  gint64 now = bp_clock_now_us ();
  g_autofree BpQueueCard *cards = NULL;
  guint n_cards;

  /* The interview date is the reviews' (the application sets it), so due days agree. */
  bp_reviews_queue_options (self->reviews,
                            bp_review_day (now, bp_reviews_get_day_offset (self->reviews)),
                            &self->options);
  self->options.retention = g_settings_get_double (self->settings, "desired-retention");
  self->options.new_per_day = g_settings_get_uint (self->settings, "new-per-day");

  cards = queue_cards (self, &n_cards);
  g_clear_pointer (&self->queue, bp_study_queue_free);
  self->queue = bp_study_queue_new (bp_reviews_get_parameters (self->reviews), &self->options,
                                    cards, n_cards);
  self->started_us = now;
}

/* The earliest day a question of the deck is due again, or G_MAXINT64 if none was studied. */
static gint64
next_due_day (BpStudyView *self)
{
  gint64 next = G_MAXINT64;

  for (guint i = 0; i < bp_deck_get_n_questions (self->deck); i++)
    {
      const char *id = bp_question_get_id (bp_deck_get_question (self->deck, i));
      const BpCardState *state = bp_reviews_lookup (self->reviews, id);

      if (state != NULL)
        next = MIN (next, bp_queue_due_day (&self->options, bp_reviews_get_parameters (self->reviews),
                                            state));
    }
  return next;
}

static char *
format_next_due (BpStudyView *self)
{
  gint64 next = next_due_day (self);
  gint64 days;

  if (next == G_MAXINT64)
    return g_strdup (_("Nothing is due yet."));
  days = next - self->options.today;
  if (days <= 0)
    return g_strdup (_("More questions are due today."));
  if (days == 1)
    return g_strdup (_("The next review is due tomorrow."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The next review is due in %u day.",
                                       "The next review is due in %u days.", (guint)days),
                          (guint)days);
}

/* "5 reviewed, 1 again, in 3 min.": each number with its own plural form. */
static char *
dup_session_figures (guint n_studied,
                     guint n_again,
                     guint minutes)
{
  g_autofree char *studied = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reviewed", "%u reviewed",
                                                           n_studied), n_studied);
  /* Translators: questions graded Again in a session */
  g_autofree char *again = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u again", "%u again", n_again),
                                            n_again);
  /* Translators: an abbreviation, the same for every number */
  g_autofree char *time = g_strdup_printf (_("in %u min."), minutes);

  /* Translators: the end of a study session: "5 reviewed, 1 again, in 3 min." */
  return g_strdup_printf (_("%s, %s, %s"), studied, again, time);
}

static void
show_summary (BpStudyView *self)
{
  guint minutes = (guint)((bp_clock_now_us () - self->started_us) / (60 * G_USEC_PER_SEC));
  g_autofree char *next = format_next_due (self);
  guint n_studied = bp_study_queue_get_n_studied (self->queue);
  g_autofree char *reviewed = NULL;
  g_autofree char *description = NULL;

  reviewed = dup_session_figures (n_studied, bp_study_queue_get_n_forgotten (self->queue), minutes);
  description = g_strconcat (reviewed, "\n", next, NULL);
  adw_status_page_set_description (self->summary, description);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
update_progress (BpStudyView *self)
{
  guint left = bp_study_queue_get_length (self->queue);
  guint due = bp_study_queue_get_n_due (self->queue);
  g_autofree char *reviews = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review", "%u reviews", due),
                                              due);
  /* Translators: questions never studied before, in "4 left: 1 review, 3 new" */
  g_autofree char *new = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", left - due),
                                          left - due);
  g_autofree char *text = NULL;

  /* Translators: above the recall box: "4 left: 1 review, 3 new" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u left: %s, %s", "%u left: %s, %s", left),
                          left, reviews, new);
  gtk_label_set_label (self->progress_label, text);
}

static void
set_n_left (BpStudyView *self,
            guint        n_left)
{
  if (self->n_left == n_left)
    return;
  self->n_left = n_left;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LEFT]);
}

/* The queue's first question, its answer hidden and the recall box empty; or the summary.
 * Said once the view shows it, its keys in place: who follows may move things about. */
static void
show_current (BpStudyView *self)
{
  const char *id = bp_study_queue_peek (self->queue);
  BpQuestion *question = id != NULL ? bp_deck_find_by_id (self->deck, id) : NULL;
  gboolean changed;

  set_revealed (self, FALSE);
  changed = g_set_object (&self->question, question);
  /* First: an insensitive button does not take the focus. */
  update_actions (self);

  if (question == NULL)
    show_summary (self);
  else
    {
      bp_answer_view_set_answer_hidden (self->answer_view, TRUE);
      bp_answer_view_set_question (self->answer_view, question);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->recall_view), "", 0);
      gtk_stack_set_visible_child_name (self->buttons, "reveal");
      gtk_stack_set_visible_child_name (self->stack, "card");
      update_grade_labels (self);
      update_progress (self);
      self->shown_us = bp_clock_now_us ();
      gtk_widget_grab_focus (self->reveal_button);
    }
  set_n_left (self, question != NULL ? bp_study_queue_get_length (self->queue) : 0);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BpStudyView *self = BP_STUDY_VIEW (widget);

  if (self->question == NULL || self->revealed)
    return;

  set_revealed (self, TRUE);
  /* Studied is read: the sidebar's unread dot goes, as if opened in the reader. */
  bp_study_store_set_read (self->store, bp_question_get_id (self->question), TRUE);
  bp_answer_view_set_answer_hidden (self->answer_view, FALSE);
  gtk_stack_set_visible_child_name (self->buttons, "grades");
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->grade_buttons[BP_GRADE_GOOD - 1]));
}

static void
mark_weak_cb (AdwToast *toast,
              gpointer  user_data)
{
  BpStudyView *self = g_object_get_data (G_OBJECT (toast), "study-view");
  const char *id = g_object_get_data (G_OBJECT (toast), "question-id");

  if (self != NULL && id != NULL)
    bp_study_store_set_weak (self->store, id, TRUE);
}

/* Forgotten: perhaps a topic to work on. Said in the window's toast, with the one button. */
static void
offer_weak (BpStudyView *self,
            BpQuestion  *question)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL || bp_study_store_get_weak (self->store, bp_question_get_id (question)))
    return;

  toast = adw_toast_new (_("Forgotten this time. Mark it as a weak topic?"));
  adw_toast_set_button_label (toast, _("_Mark as Weak Topic"));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data_full (G_OBJECT (toast), "question-id",
                          g_strdup (bp_question_get_id (question)), g_free);
  g_object_set_data (G_OBJECT (toast), "study-view", self);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (mark_weak_cb), NULL);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  BpStudyView *self = user_data;

  if (bp_reviews_retry (self->reviews, NULL))
    {
      self->retry_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
retry_clicked_cb (BpStudyView *self)
{
  g_autoptr(GError) error = NULL;

  if (!bp_reviews_retry (self->reviews, &error))
    g_debug ("Saving the reviews again failed: %s", error->message);
}

/* The log's reason, and that nothing is lost: the grades are kept and tried again. */
static void
save_error_cb (BpStudyView *self)
{
  const GError *error = bp_reviews_get_save_error (self->reviews);
  g_autofree char *message = NULL;
  guint n = bp_reviews_get_n_pending (self->reviews);

  gtk_revealer_set_reveal_child (self->banner, error != NULL);
  if (error == NULL)
    {
      g_clear_handle_id (&self->retry_id, g_source_remove);
      return;
    }

  /* Translators: under why the review log cannot be written: what is not on disk, where
   * it is instead, and what the user can do. Quitting asks before dropping it. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s\n%u review is not on disk yet: Backprop keeps it in memory "
                                          "and tries again every few seconds. Retry writes it now; "
                                          "quitting asks first.",
                                          "%s\n%u reviews are not on disk yet: Backprop keeps them in memory "
                                          "and tries again every few seconds. Retry writes them now; "
                                          "quitting asks first.", n),
                             error->message, n);
  gtk_label_set_label (self->banner_label, message);
  if (self->retry_id == 0)
    self->retry_id = g_timeout_add_seconds (RETRY_SECONDS, retry_timeout_cb, self);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BpStudyView *self = BP_STUDY_VIEW (widget);
  BpGrade grade = g_variant_get_int32 (parameter);
  g_autoptr(BpQuestion) question = NULL;
  g_autoptr(GError) error = NULL;
  char event_id[BP_REVIEW_EVENT_ID_LENGTH + 1];
  gint64 now = bp_clock_now_us ();

  if (self->question == NULL || !self->revealed || !BP_GRADE_IS_VALID (grade) ||
      (two_buttons (self) && grade != BP_GRADE_AGAIN && grade != BP_GRADE_GOOD))
    return;

  question = g_object_ref (self->question);
  /* Kept and counted even when not written yet: the banner says so. */
  if (!bp_reviews_grade (self->reviews, bp_question_get_id (question), grade, now,
                         (guint)MIN ((now - self->shown_us) / 1000, G_MAXUINT), event_id, &error))
    g_message ("%s", error->message);

  bp_study_queue_graded (self->queue, bp_question_get_id (question), grade, event_id);
  show_current (self);
  if (grade == BP_GRADE_AGAIN)
    offer_weak (self, question);
}

/**
 * bp_study_view_undo:
 *
 * Takes the last grade back, in the log too (several levels), and shows its question again,
 * its answer hidden.
 *
 * Returns: %FALSE if there was no grade to undo
 */
gboolean
bp_study_view_undo (BpStudyView *self)
{
  g_autoptr(GError) error = NULL;
  const char *event_id = NULL;

  g_return_val_if_fail (BP_IS_STUDY_VIEW (self), FALSE);

  if (self->queue == NULL || bp_study_queue_undo (self->queue, &event_id) == NULL)
    return FALSE;

  if (!bp_reviews_undo (self->reviews, event_id, bp_clock_now_us (), &error))
    g_message ("%s", error->message);
  show_current (self);
  return TRUE;
}

static void
settings_changed_cb (BpStudyView *self)
{
  if (self->question != NULL)
    {
      self->options.retention = g_settings_get_double (self->settings, "desired-retention");
      update_grade_labels (self);
    }
}

/* An interview date set or cleared in Preferences mid-session: the buttons cap to it now. */
static void
reviews_changed_cb (BpStudyView *self)
{
  gint64 interview_day = bp_reviews_get_interview_day (self->reviews);

  if (self->question == NULL || self->options.interview_day == interview_day)
    return;
  self->options.interview_day = interview_day;
  update_grade_labels (self);
}

static void
bp_study_view_dispose (GObject *object)
{
  BpStudyView *self = (BpStudyView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_STUDY_VIEW);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_pointer (&self->queue, bp_study_queue_free);
  g_clear_object (&self->question);
  g_clear_object (&self->reviews);
  g_clear_object (&self->store);
  g_clear_object (&self->deck);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bp_study_view_parent_class)->dispose (object);
}

static void
bp_study_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BpStudyView *self = BP_STUDY_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, self->revealed);
      break;

    case PROP_N_LEFT:
      g_value_set_uint (value, self->n_left);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_study_view_class_init (BpStudyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_study_view_dispose;
  object_class->get_property = bp_study_view_get_property;

  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, BP_TYPE_QUESTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BpStudyView:n-left:
   *
   * The questions left in the session, the one shown among them; 0 once it is done.
   */
  properties[PROP_N_LEFT] =
    g_param_spec_uint ("n-left", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BP_TYPE_ANSWER_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/bp-study-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, box);
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, banner);
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, stack);
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, answer_view);
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, recall_view);
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, recall_placeholder);
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, buttons);
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, reveal_button);
  gtk_widget_class_bind_template_child_full (widget_class, "again_button", FALSE,
                                             G_STRUCT_OFFSET (BpStudyView, grade_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "hard_button", FALSE,
                                             G_STRUCT_OFFSET (BpStudyView, grade_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "good_button", FALSE,
                                             G_STRUCT_OFFSET (BpStudyView, grade_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "easy_button", FALSE,
                                             G_STRUCT_OFFSET (BpStudyView, grade_buttons[3]));
  gtk_widget_class_bind_template_child (widget_class, BpStudyView, summary);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  gtk_widget_class_install_action (widget_class, "study.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "study.grade", "i", grade_action);
}

static void
bp_study_view_init (BpStudyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The theme's check mark, pre-rendered at the page's 128 px when the build found the
   * theme (meson.build): its SVG would load librsvg as soon as the window is measured. */
  adw_status_page_set_icon_name (self->summary, BP_SESSION_COMPLETE_ICON);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->recall_view), "changed",
                           G_CALLBACK (update_recall_placeholder), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/**
 * bp_study_view_setup:
 *
 * What the sessions study: @deck's questions, their weak marks in @store, their reviews;
 * @page_handler serves the pages. Called once.
 */
void
bp_study_view_setup (BpStudyView   *self,
                     BpDeck        *deck,
                     BpStudyStore  *store,
                     BpReviews     *reviews,
                     BpPageHandler *page_handler)
{
  g_return_if_fail (BP_IS_STUDY_VIEW (self));
  g_return_if_fail (self->deck == NULL);

  self->deck = g_object_ref (deck);
  self->store = g_object_ref (store);
  self->reviews = g_object_ref (reviews);
  bp_answer_view_set_page_handler (self->answer_view, page_handler);
  g_signal_connect_object (reviews, "notify::save-error", G_CALLBACK (save_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (reviews, "notify::n-pending", G_CALLBACK (save_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (reviews, "changed", G_CALLBACK (reviews_changed_cb), self,
                           G_CONNECT_SWAPPED);
  save_error_cb (self);
}

/**
 * bp_study_view_set_deck:
 *
 * Studies @deck from now on: a session of another deck under way is dropped (its grades
 * are in the log; undo no longer reaches them), and the next start builds @deck's.
 */
/* The same deck read again (its file saved in an editor): the session goes on, its queue
 * naming questions by id, the question shown in its new words. Only when the deck still
 * has every question the queue holds; else the session starts again from the log. */
static gboolean
keep_session (BpStudyView *self,
              BpDeck      *deck)
{
  BpQuestion *question = NULL;

  if (self->queue == NULL)
    return FALSE;
  for (guint i = 0; i < bp_study_queue_get_length (self->queue); i++)
    if (bp_deck_find_by_id (deck, bp_study_queue_get_nth (self->queue, i)) == NULL)
      return FALSE;
  if (self->question != NULL &&
      (question = bp_deck_find_by_id (deck, bp_question_get_id (self->question))) == NULL)
    return FALSE;

  g_set_object (&self->deck, deck);
  if (question != NULL && g_set_object (&self->question, question))
    {
      bp_answer_view_set_question (self->answer_view, question);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
    }
  return TRUE;
}

void
bp_study_view_set_deck (BpStudyView *self,
                        BpDeck      *deck)
{
  g_return_if_fail (BP_IS_STUDY_VIEW (self));
  g_return_if_fail (BP_IS_DECK (deck));

  if (self->deck == deck)
    return;
  if (self->deck != NULL && g_str_equal (bp_deck_get_id (self->deck), bp_deck_get_id (deck)) &&
      keep_session (self, deck))
    return;

  g_set_object (&self->deck, deck);
  g_clear_pointer (&self->queue, bp_study_queue_free);
  set_n_left (self, 0);
  if (g_set_object (&self->question, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

/**
 * bp_study_view_start:
 *
 * Resumes the session under way, or starts one: the reviews due today, then new questions.
 * The reviews must be loaded.
 */
void
bp_study_view_start (BpStudyView *self)
{
  g_return_if_fail (BP_IS_STUDY_VIEW (self));
  g_return_if_fail (bp_reviews_get_loaded (self->reviews));

  if (self->queue == NULL || bp_study_queue_peek (self->queue) == NULL)
    build_queue (self);
  if (self->question != NULL && self->question == bp_answer_view_get_question (self->answer_view))
    {
      gtk_widget_grab_focus (self->revealed ? GTK_WIDGET (self->grade_buttons[BP_GRADE_GOOD - 1])
                                            : self->reveal_button);
      return;
    }
  show_current (self);
}

/* Returns: (transfer none) (nullable): the question shown, or %NULL once the session is done */
BpQuestion *
bp_study_view_get_question (BpStudyView *self)
{
  g_return_val_if_fail (BP_IS_STUDY_VIEW (self), NULL);
  return self->question;
}

guint
bp_study_view_get_n_left (BpStudyView *self)
{
  g_return_val_if_fail (BP_IS_STUDY_VIEW (self), 0);
  return self->n_left;
}

gboolean
bp_study_view_get_revealed (BpStudyView *self)
{
  g_return_val_if_fail (BP_IS_STUDY_VIEW (self), FALSE);
  return self->revealed;
}

gboolean
bp_study_view_get_finished (BpStudyView *self)
{
  g_return_val_if_fail (BP_IS_STUDY_VIEW (self), FALSE);
  return self->queue != NULL && self->question == NULL;
}

BpAnswerView *
bp_study_view_get_answer_view (BpStudyView *self)
{
  g_return_val_if_fail (BP_IS_STUDY_VIEW (self), NULL);
  return self->answer_view;
}

GtkButton *
bp_study_view_get_grade_button (BpStudyView *self,
                                BpGrade      grade)
{
  g_return_val_if_fail (BP_IS_STUDY_VIEW (self), NULL);
  g_return_val_if_fail (BP_GRADE_IS_VALID (grade), NULL);
  return self->grade_buttons[grade - 1];
}

GtkTextView *
bp_study_view_get_recall_view (BpStudyView *self)
{
  g_return_val_if_fail (BP_IS_STUDY_VIEW (self), NULL);
  return self->recall_view;
}

/* Returns: (nullable): what the end of the session says */
const char *
bp_study_view_get_summary (BpStudyView *self)
{
  g_return_val_if_fail (BP_IS_STUDY_VIEW (self), NULL);
  return adw_status_page_get_description (self->summary);
}
