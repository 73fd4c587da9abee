/* bp-reviews.c: every question's memory state from the review log, and grades written to it
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-reviews"

#include "config.h"

#include <string.h>

#include "bp-reviews.h"
#include "bp-study-queue.h"
#include "bp-workers.h"

/*
 * The log is the truth; the states are what replaying it gives, kept until it changes. A
 * grade is written to the log before it counts, unless writing fails (a full disk): then it
 * is kept here, counted all the same, and written by the next grade or retry, so the user
 * loses nothing while the disk is full and can keep studying.
 */

struct _BpReviews
{
  GObject parent_instance;

  BpReviewLog *log;
  BpFsrsParameters parameters;
  gint64 day_offset_us;
  double retention;       /* what due days are computed for */
  gint64 interview_day;   /* or BP_STUDY_QUEUE_NO_INTERVIEW */
  GHashTable *states;   /* question id (borrowed from events) -> BpCardState */
  GPtrArray *pending;   /* BpReviewEvent the log could not take yet */
  GError *save_error;
  gboolean loaded;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (BpReviews, bp_reviews, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  PROP_N_PENDING,
  PROP_SAVE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GPtrArray *
new_event_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_event_free);
}

/* The log's events and those still waiting to be written, as one history. */
static GHashTable *
replay_all (BpReviewLog            *log,
            GPtrArray              *pending,
            const BpFsrsParameters *parameters,
            gint64                  day_offset_us)
{
  GPtrArray *logged = bp_review_log_get_events (log);
  g_autoptr(GPtrArray) all = g_ptr_array_sized_new (logged->len + pending->len);

  g_ptr_array_extend (all, logged, NULL, NULL);
  g_ptr_array_extend (all, pending, NULL, NULL);
  return bp_review_replay (all, parameters, day_offset_us);
}

static void
replay (BpReviews *self)
{
  g_clear_pointer (&self->states, g_hash_table_unref);
  self->states = replay_all (self->log, self->pending, &self->parameters, self->day_offset_us);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* @error: (nullable): the last write's failure; %NULL: nothing waits any more */
static void
set_save_error (BpReviews    *self,
                const GError *error)
{
  if (self->save_error != NULL || error != NULL)
    {
      g_clear_error (&self->save_error);
      self->save_error = error != NULL ? g_error_copy (error) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
    }
  /* Notified with each write: the count the banner says may change while the error stays. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

static void
log_changed_cb (BpReviews *self)
{
  replay (self);
}

static void
bp_reviews_finalize (GObject *object)
{
  BpReviews *self = (BpReviews *)object;

  /* The states borrow the events' ids: gone first. */
  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->log);
  g_clear_error (&self->save_error);

  G_OBJECT_CLASS (bp_reviews_parent_class)->finalize (object);
}

static void
bp_reviews_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BpReviews *self = BP_REVIEWS (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_N_PENDING:
      g_value_set_uint (value, self->pending->len);
      break;

    case PROP_SAVE_ERROR:
      g_value_set_boxed (value, self->save_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_reviews_class_init (BpReviewsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_reviews_finalize;
  object_class->get_property = bp_reviews_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_ERROR] =
    g_param_spec_boxed ("save-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BpReviews::changed:
   *
   * The states were computed again: a grade, an undo, new parameters, or reviews another
   * Backprop wrote.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bp_reviews_init (BpReviews *self)
{
  self->parameters = *bp_fsrs_default_parameters ();
  self->retention = BP_FSRS_RETENTION_DEFAULT;
  self->interview_day = BP_STUDY_QUEUE_NO_INTERVIEW;
  self->pending = new_event_array ();
  self->states = g_hash_table_new (g_str_hash, g_str_equal);
}

/* @log: the review log, not loaded yet: bp_reviews_load_async() loads it */
BpReviews *
bp_reviews_new (BpReviewLog *log)
{
  BpReviews *self;

  g_return_val_if_fail (BP_IS_REVIEW_LOG (log), NULL);

  self = g_object_new (BP_TYPE_REVIEWS, NULL);
  self->log = g_object_ref (log);
  return self;
}

BpReviewLog *
bp_reviews_get_log (BpReviews *self)
{
  g_return_val_if_fail (BP_IS_REVIEWS (self), NULL);
  return self->log;
}

typedef struct
{
  BpFsrsParameters parameters;
  gint64 day_offset_us;
} LoadData;

/* In a worker: a log of years is read and replayed without holding up the window. Nothing
 * else touches the log until the load is done. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BpReviews *self = source_object;
  LoadData *data = task_data;
  g_autoptr(GPtrArray) none = new_event_array ();
  GError *error = NULL;

  if (!bp_review_log_load (self->log, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, replay_all (self->log, none, &data->parameters, data->day_offset_us),
                         (GDestroyNotify)g_hash_table_unref);
}

/**
 * bp_reviews_load_async:
 *
 * Reads the log in a worker thread and replays it; the states are empty until then. Grades
 * wait for it (bp_reviews_get_loaded()). Once loaded, the log is followed on disk.
 */
void
bp_reviews_load_async (BpReviews           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  g_return_if_fail (BP_IS_REVIEWS (self));
  g_return_if_fail (!self->loading && !self->loaded);

  data->parameters = self->parameters;
  data->day_offset_us = self->day_offset_us;
  self->loading = TRUE;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bp_reviews_load_async);
  g_task_set_task_data (task, data, g_free);
  bp_workers_run_in_thread (task, load_thread);
}

/* Returns: %FALSE if the log could not be read; the reviews then start empty, and
 *   grades are still written to it */
gboolean
bp_reviews_load_finish (BpReviews     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  LoadData *data = g_task_get_task_data (G_TASK (result));
  GHashTable *states;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->loading = FALSE;
  self->loaded = TRUE;
  states = g_task_propagate_pointer (G_TASK (result), error);
  g_signal_connect_object (self->log, "changed", G_CALLBACK (log_changed_cb), self,
                           G_CONNECT_SWAPPED);
  bp_review_log_watch (self->log);

  /* Parameters changed while loading: the states are theirs. */
  if (states != NULL && memcmp (&data->parameters, &self->parameters, sizeof self->parameters) == 0 &&
      data->day_offset_us == self->day_offset_us)
    {
      g_hash_table_unref (self->states);
      self->states = states;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  else
    {
      g_clear_pointer (&states, g_hash_table_unref);
      replay (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  return !g_task_had_error (G_TASK (result));
}

gboolean
bp_reviews_get_loaded (BpReviews *self)
{
  g_return_val_if_fail (BP_IS_REVIEWS (self), FALSE);
  return self->loaded;
}

const BpFsrsParameters *
bp_reviews_get_parameters (BpReviews *self)
{
  g_return_val_if_fail (BP_IS_REVIEWS (self), NULL);
  return &self->parameters;
}

/* Optimized parameters replay the same history: every state follows. */
void
bp_reviews_set_parameters (BpReviews              *self,
                           const BpFsrsParameters *parameters)
{
  g_return_if_fail (BP_IS_REVIEWS (self));
  g_return_if_fail (parameters != NULL);

  if (memcmp (&self->parameters, parameters, sizeof *parameters) == 0)
    return;
  self->parameters = *parameters;
  if (self->loaded)
    replay (self);
}

gint64
bp_reviews_get_day_offset (BpReviews *self)
{
  g_return_val_if_fail (BP_IS_REVIEWS (self), 0);
  return self->day_offset_us;
}

/* @day_offset_us: as bp_review_day() takes it */
void
bp_reviews_set_day_offset (BpReviews *self,
                           gint64     day_offset_us)
{
  g_return_if_fail (BP_IS_REVIEWS (self));

  if (self->day_offset_us == day_offset_us)
    return;
  self->day_offset_us = day_offset_us;
  if (self->loaded)
    replay (self);
}

double
bp_reviews_get_retention (BpReviews *self)
{
  g_return_val_if_fail (BP_IS_REVIEWS (self), BP_FSRS_RETENTION_DEFAULT);
  return self->retention;
}

/* The desired retention the due days are computed for (the sidebar's, the Due filter's):
 * the same the study session schedules with. */
void
bp_reviews_set_retention (BpReviews *self,
                          double     retention)
{
  g_return_if_fail (BP_IS_REVIEWS (self));
  g_return_if_fail (retention > 0 && retention < 1);

  if (self->retention == retention)
    return;
  self->retention = retention;
  g_signal_emit (self, signals[CHANGED], 0);
}

gint64
bp_reviews_get_interview_day (BpReviews *self)
{
  g_return_val_if_fail (BP_IS_REVIEWS (self), BP_STUDY_QUEUE_NO_INTERVIEW);
  return self->interview_day;
}

/* @day: bp_review_day() of the interview, or BP_STUDY_QUEUE_NO_INTERVIEW: no due day
 * jumps over it (bp_queue_due_day()) */
void
bp_reviews_set_interview_day (BpReviews *self,
                              gint64     day)
{
  g_return_if_fail (BP_IS_REVIEWS (self));

  if (self->interview_day == day)
    return;
  self->interview_day = day;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The options a session starts from on @today: the retention and interview day set here. */
void
bp_reviews_queue_options (BpReviews      *self,
                          gint64          today,
                          BpQueueOptions *options)
{
  g_return_if_fail (BP_IS_REVIEWS (self));

  bp_queue_options_init (options, today);
  options->retention = self->retention;
  options->interview_day = self->interview_day;
  options->new_done_today = bp_queue_count_new_today (self->states, today);
}

/**
 * bp_reviews_get_due_day:
 *
 * Returns: the day (bp_review_day()) @question_id is due, capped before the interview;
 *   G_MAXINT64 for a question never graded
 */
gint64
bp_reviews_get_due_day (BpReviews  *self,
                        const char *question_id)
{
  const BpCardState *state = bp_reviews_lookup (self, question_id);
  BpQueueOptions options;

  if (state == NULL)
    return G_MAXINT64;
  /* Not bp_reviews_queue_options(): a row asks this, and counting today's new ones walks
   * every state. */
  bp_queue_options_init (&options, state->last_day);
  options.retention = self->retention;
  options.interview_day = self->interview_day;
  return bp_queue_due_day (&options, &self->parameters, state);
}

/* Returns: (nullable): what the log says of @question_id; %NULL: never graded */
const BpCardState *
bp_reviews_lookup (BpReviews  *self,
                   const char *question_id)
{
  g_return_val_if_fail (BP_IS_REVIEWS (self), NULL);
  return question_id != NULL ? g_hash_table_lookup (self->states, question_id) : NULL;
}

/* Returns: (transfer none) (element-type utf8 BpCardState): every graded question's state,
 *   valid until the next ::changed */
GHashTable *
bp_reviews_get_states (BpReviews *self)
{
  g_return_val_if_fail (BP_IS_REVIEWS (self), NULL);
  return self->states;
}

/* Writes what waits, in order; what the log refuses stays, with the reason. The states
 * borrow the written events' ids: replayed before those are freed. */
static gboolean
write_pending (BpReviews  *self,
               GError    **error)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->pending);
  g_autoptr(GError) local_error = NULL;

  self->pending = new_event_array ();
  for (guint i = 0; i < waiting->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (waiting, i);

      if (local_error == NULL && bp_review_log_append (self->log, event, &local_error))
        continue;
      g_ptr_array_add (self->pending, g_steal_pointer (&waiting->pdata[i]));
    }
  g_clear_pointer (&self->states, g_hash_table_unref);
  self->states = replay_all (self->log, self->pending, &self->parameters, self->day_offset_us);
  set_save_error (self, local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_event (BpReviews      *self,
           BpReviewEvent  *event,
           GError        **error)
{
  gboolean written;

  g_ptr_array_add (self->pending, event);
  written = write_pending (self, error);
  g_signal_emit (self, signals[CHANGED], 0);
  return written;
}

/**
 * bp_reviews_grade:
 * @now_us: when the grade was given, UTC microseconds
 * @duration_ms: time spent on the question
 * @event_id: (out caller-allocates): room for BP_REVIEW_EVENT_ID_LENGTH + 1 characters: the
 *   grade's id, which an undo takes back
 *
 * Counts the grade and writes it durably to the log.
 *
 * Returns: %FALSE if it could not be written yet: it is kept, counted, and written with the
 *   next grade or bp_reviews_retry(); :save-error says why meanwhile
 */
gboolean
bp_reviews_grade (BpReviews   *self,
                  const char  *question_id,
                  BpGrade      grade,
                  gint64       now_us,
                  guint        duration_ms,
                  char        *event_id,
                  GError     **error)
{
  const BpCardState *state;
  gint64 today;
  guint elapsed = 0;

  g_return_val_if_fail (BP_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);
  g_return_val_if_fail (question_id != NULL && BP_GRADE_IS_VALID (grade), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);

  state = bp_reviews_lookup (self, question_id);
  today = bp_review_day (now_us, self->day_offset_us);
  if (state != NULL && today > state->last_day)
    elapsed = (guint)MIN (today - state->last_day, G_MAXUINT);

  bp_review_log_new_event_id (event_id);
  return add_event (self, bp_review_event_new_grade (event_id, now_us, question_id, grade,
                                                     elapsed, duration_ms),
                    error);
}

static gboolean
drop_pending (BpReviews  *self,
              const char *event_id)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (self->pending, i);

      if (g_str_equal (event->id, event_id))
        {
          /* The states borrow its question id until replayed without it. */
          BpReviewEvent *dropped = g_ptr_array_steal_index (self->pending, i);

          replay (self);
          bp_review_event_free (dropped);
          if (self->pending->len == 0)
            set_save_error (self, NULL);
          else
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bp_reviews_undo:
 * @event_id: a grade's id, from bp_reviews_grade()
 *
 * Takes the grade back: an undo event in the log (the log is only appended to), or the grade
 * simply dropped if it never reached the log.
 *
 * Returns: %FALSE if the undo could not be written yet: kept, as a grade is
 */
gboolean
bp_reviews_undo (BpReviews   *self,
                 const char  *event_id,
                 gint64       now_us,
                 GError     **error)
{
  char id[BP_REVIEW_EVENT_ID_LENGTH + 1];

  g_return_val_if_fail (BP_IS_REVIEWS (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);
  g_return_val_if_fail (bp_review_event_id_is_valid (event_id), FALSE);

  if (drop_pending (self, event_id))
    return TRUE;

  bp_review_log_new_event_id (id);
  return add_event (self, bp_review_event_new_undo (id, now_us, event_id), error);
}

/* Writes what a failed append left: the banner's Retry, and the window before it closes. */
gboolean
bp_reviews_retry (BpReviews  *self,
                  GError    **error)
{
  gboolean written;

  g_return_val_if_fail (BP_IS_REVIEWS (self), FALSE);

  if (self->pending->len == 0)
    return TRUE;
  written = write_pending (self, error);
  g_signal_emit (self, signals[CHANGED], 0);
  return written;
}

/* Grades and undos counted but not on disk yet. */
guint
bp_reviews_get_n_pending (BpReviews *self)
{
  g_return_val_if_fail (BP_IS_REVIEWS (self), 0);
  return self->pending->len;
}

/* Returns: (nullable): why the last write failed, while reviews wait to be written */
const GError *
bp_reviews_get_save_error (BpReviews *self)
{
  g_return_val_if_fail (BP_IS_REVIEWS (self), NULL);
  return self->save_error;
}
