/* bp-study-queue.c: which question to study next: due reviews, then new ones; learning steps; undo; an interview date (pure)
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-queue"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bp-study-queue.h"

/*
 * The order a session shows: every due review first, the one most likely forgotten (lowest
 * retrievability today) first; then new questions, weak topics first, then in deck order, as
 * many as the daily limit leaves. Graded questions leave the queue; undo puts them back where
 * they were, several levels deep.
 *
 * A question forgotten (Again), or new and recalled only with difficulty (Hard), comes back
 * in the same session a few questions later, until it is recalled (Good or Easy): a learning
 * step. Counted in questions rather than minutes: a long, explained answer takes a minute or
 * more, so a few questions are about the ten minutes a learning step lasts, and a session
 * never waits idle on a clock with nothing to show, nor ends with the lapse unlearnt. FSRS
 * takes the second showing as a same-day review (its short-term stability), so it schedules
 * no differently from a review in a later session today.
 */

typedef struct
{
  char   *question_id;
  double  retrievability;   /* today's; new questions: 1 */
  gboolean is_new;
  gboolean weak;
  gboolean relearning;      /* shown again after a lapse in this session */
  guint   position;
} Entry;

/* A grade as undo takes it back: the entry where it was, and its learning step if any. */
typedef struct
{
  Entry    entry;
  char    *event_id;
  BpGrade  grade;
  guint    index;
  gint     requeued;        /* the step's index in the queue, or -1 */
} Undo;

struct _BpStudyQueue
{
  GArray    *entries;       /* Entry, in study order */
  GPtrArray *undo;          /* Undo, the last grade last */
  char      *undone_event_id;
};

void
bp_queue_options_init (BpQueueOptions *options,
                       gint64          today)
{
  *options = (BpQueueOptions) {
    .today = today,
    .retention = BP_FSRS_RETENTION_DEFAULT,
    .new_per_day = BP_STUDY_QUEUE_NEW_PER_DAY_DEFAULT,
    .new_done_today = 0,
    .interview_day = BP_STUDY_QUEUE_NO_INTERVIEW,
  };
}

/* New questions introduced today count against the daily limit, so leaving and coming back
 * does not start ten more. */
guint
bp_queue_count_new_today (GHashTable *states,
                          gint64      today)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((BpCardState *)value)->first_day == today;
  return n;
}

/* Before an interview, no interval may jump over it: the last review before it falls on the
 * day before at the latest. After it, intervals are FSRS's own. */
static gint64
cap_due_day (const BpQueueOptions *options,
             gint64                from_day,
             gint64                due_day)
{
  if (options->interview_day == BP_STUDY_QUEUE_NO_INTERVIEW || from_day >= options->interview_day)
    return due_day;
  if (due_day < options->interview_day)
    return due_day;
  return MAX (from_day + 1, options->interview_day - 1);
}

/* The interval a grade given today would give a question of @stability, capped before an
 * interview: what the grade buttons say. */
guint
bp_queue_interval (const BpQueueOptions   *options,
                   const BpFsrsParameters *parameters,
                   double                  stability)
{
  guint days = bp_fsrs_interval (parameters, stability, options->retention);

  return cap_due_day (options, options->today, options->today + days) - options->today;
}

/* A question forgotten (its last grade Again) is due again the same day, as a relearning
 * step: a later session today shows it once more, and the sidebar lists it as due today. */
gint64
bp_queue_due_day (const BpQueueOptions   *options,
                  const BpFsrsParameters *parameters,
                  const BpCardState      *state)
{
  if (state->last_grade == BP_GRADE_AGAIN)
    return state->last_day;
  return cap_due_day (options, state->last_day,
                      bp_card_state_due_day (state, parameters, options->retention));
}

/**
 * bp_queue_parse_day:
 * @text: a date, "YYYY-MM-DD"
 * @day: (out): its day as bp_review_day() counts them
 *
 * Returns: %FALSE, with a reason for the user, if @text is no such date
 */
gboolean
bp_queue_parse_day (const char  *text,
                    gint64      *day,
                    GError     **error)
{
  g_autoptr(GDate) epoch = g_date_new_dmy (1, G_DATE_JANUARY, 1970);
  g_autoptr(GDate) date = NULL;
  unsigned year, month, mday;
  char end;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &mday, &end) != 3 ||
      !g_date_valid_dmy (mday, month, year) || year < 1970)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date: write it as year-month-day, such as 2027-03-15"),
                   text != NULL ? text : "");
      return FALSE;
    }
  date = g_date_new_dmy (mday, month, year);
  *day = (gint64)g_date_get_julian (date) - g_date_get_julian (epoch);
  return TRUE;
}

/* The probability of recalling the question on @day, if not reviewed before: the interview
 * forecast. */
double
bp_queue_forecast (const BpFsrsParameters *parameters,
                   const BpCardState      *state,
                   gint64                  day)
{
  return bp_fsrs_retrievability (parameters, (double)MAX (day - state->last_day, 0),
                                 state->memory.stability);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->is_new != y->is_new)
    return x->is_new ? 1 : -1;
  if (!x->is_new && x->retrievability != y->retrievability)
    return x->retrievability < y->retrievability ? -1 : 1;
  if (x->is_new && x->weak != y->weak)
    return x->weak ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

static void
clear_entry (gpointer data)
{
  g_free (((Entry *)data)->question_id);
}

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  clear_entry (&undo->entry);
  g_free (undo->event_id);
  g_free (undo);
}

/* Drops the new questions beyond what the daily limit leaves; @entries is sorted. */
static void
limit_new (GArray               *entries,
           const BpQueueOptions *options)
{
  guint allowed = options->new_per_day > options->new_done_today
                  ? options->new_per_day - options->new_done_today : 0;
  guint n_new = 0;

  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, Entry, i).is_new && n_new++ >= allowed)
      g_array_remove_index (entries, i--);
}

/**
 * bp_study_queue_new:
 * @cards: (array length=n_cards): every question the session may show, in deck order
 *
 * Returns: (transfer full): the questions due today or new, in study order
 */
BpStudyQueue *
bp_study_queue_new (const BpFsrsParameters *parameters,
                    const BpQueueOptions   *options,
                    const BpQueueCard      *cards,
                    guint                   n_cards)
{
  BpStudyQueue *queue = g_new0 (BpStudyQueue, 1);

  queue->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (queue->entries, clear_entry);
  queue->undo = g_ptr_array_new_with_free_func (undo_free);

  for (guint i = 0; i < n_cards; i++)
    {
      const BpCardState *state = cards[i].state;
      Entry entry = { NULL, 1.0, state == NULL, cards[i].weak, FALSE, i };

      if (state != NULL && bp_queue_due_day (options, parameters, state) > options->today)
        continue;
      if (state != NULL)
        entry.retrievability = bp_queue_forecast (parameters, state, options->today);
      entry.question_id = g_strdup (cards[i].question_id);
      g_array_append_val (queue->entries, entry);
    }
  g_array_sort (queue->entries, compare_entries);
  limit_new (queue->entries, options);
  return queue;
}

void
bp_study_queue_free (BpStudyQueue *queue)
{
  if (queue == NULL)
    return;
  g_array_unref (queue->entries);
  g_ptr_array_unref (queue->undo);
  g_free (queue->undone_event_id);
  g_free (queue);
}

/* Returns: (nullable): the question to show now; %NULL: the session is done */
const char *
bp_study_queue_peek (BpStudyQueue *queue)
{
  return bp_study_queue_get_nth (queue, 0);
}

const char *
bp_study_queue_get_nth (BpStudyQueue *queue,
                        guint         n)
{
  g_return_val_if_fail (queue != NULL, NULL);
  return n < queue->entries->len ? g_array_index (queue->entries, Entry, n).question_id : NULL;
}

guint
bp_study_queue_get_length (BpStudyQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);
  return queue->entries->len;
}

guint
bp_study_queue_get_n_due (BpStudyQueue *queue)
{
  guint n = 0;

  g_return_val_if_fail (queue != NULL, 0);
  for (guint i = 0; i < queue->entries->len; i++)
    n += !g_array_index (queue->entries, Entry, i).is_new;
  return n;
}

static gint
find_entry (BpStudyQueue *queue,
            const char   *question_id)
{
  for (guint i = 0; i < queue->entries->len; i++)
    if (g_str_equal (g_array_index (queue->entries, Entry, i).question_id, question_id))
      return (gint)i;
  return -1;
}

/* Again always comes back; Hard only while the question is being learnt (new, or after a
 * lapse): a review recalled with difficulty is still recalled, and FSRS spaces it. */
static gboolean
entry_requeues (const Entry *entry,
                BpGrade      grade)
{
  return grade == BP_GRADE_AGAIN ||
         (grade == BP_GRADE_HARD && (entry->is_new || entry->relearning));
}

/**
 * bp_study_queue_get_requeues:
 *
 * Returns: whether @grade given to @question_id now would bring it back in this session:
 *   what the grade's button says
 */
gboolean
bp_study_queue_get_requeues (BpStudyQueue *queue,
                             const char   *question_id,
                             BpGrade       grade)
{
  gint i;

  g_return_val_if_fail (queue != NULL && question_id != NULL, FALSE);
  i = find_entry (queue, question_id);
  return i >= 0 && entry_requeues (&g_array_index (queue->entries, Entry, i), grade);
}

/* The learning step: the question again, BP_STUDY_QUEUE_RELEARN_GAP questions later, or
 * last if fewer are left. Returns its index. */
static gint
requeue (BpStudyQueue *queue,
         const Entry  *graded,
         guint         index)
{
  Entry step = *graded;
  guint at = MIN (index + BP_STUDY_QUEUE_RELEARN_GAP, queue->entries->len);

  step.question_id = g_strdup (graded->question_id);
  step.is_new = FALSE;
  step.relearning = TRUE;
  g_array_insert_val (queue->entries, at, step);
  return (gint)at;
}

/**
 * bp_study_queue_graded:
 * @grade: the grade given
 * @event_id: the grade's event in the log, which an undo takes back
 *
 * Takes the question out of the queue; Again (and Hard while it is being learnt) brings it
 * back a few questions later. An undo puts the queue back as it was.
 */
gboolean
bp_study_queue_graded (BpStudyQueue *queue,
                       const char   *question_id,
                       BpGrade       grade,
                       const char   *event_id)
{
  gint i;
  Undo *undo;

  g_return_val_if_fail (queue != NULL && question_id != NULL && event_id != NULL, FALSE);
  g_return_val_if_fail (BP_GRADE_IS_VALID (grade), FALSE);

  i = find_entry (queue, question_id);
  if (i < 0)
    return FALSE;
  undo = g_new0 (Undo, 1);
  undo->entry = g_array_index (queue->entries, Entry, i);
  undo->event_id = g_strdup (event_id);
  undo->grade = grade;
  undo->index = (guint)i;
  /* The entry's id now belongs to the undo. */
  g_array_index (queue->entries, Entry, i).question_id = NULL;
  g_array_remove_index (queue->entries, (guint)i);
  undo->requeued = entry_requeues (&undo->entry, grade) ? requeue (queue, &undo->entry, (guint)i) : -1;
  g_ptr_array_add (queue->undo, undo);
  return TRUE;
}

/**
 * bp_study_queue_undo:
 * @event_id: (out) (transfer none): the grade to take back in the log; valid until the next
 *   call on @queue
 *
 * Puts the queue back as it was before the last grade: the question where it was, its
 * learning step, if the grade gave one, gone.
 *
 * Returns: (nullable): the question put back, or %NULL if no grade is left to undo
 */
const char *
bp_study_queue_undo (BpStudyQueue  *queue,
                     const char   **event_id)
{
  Undo *undo;
  Entry entry;

  g_return_val_if_fail (queue != NULL, NULL);
  if (queue->undo->len == 0)
    return NULL;

  undo = g_ptr_array_steal_index (queue->undo, queue->undo->len - 1);
  /* Grades are undone last first, so the queue is as the grade left it. */
  if (undo->requeued >= 0)
    g_array_remove_index (queue->entries, (guint)undo->requeued);
  entry = undo->entry;
  g_array_insert_val (queue->entries, undo->index, entry);
  g_free (queue->undone_event_id);
  queue->undone_event_id = undo->event_id;
  g_free (undo);
  if (event_id != NULL)
    *event_id = queue->undone_event_id;
  return entry.question_id;
}

/* Returns: the questions graded in this session, each once however often it came back */
guint
bp_study_queue_get_n_studied (BpStudyQueue *queue)
{
  guint n = 0;

  g_return_val_if_fail (queue != NULL, 0);
  for (guint i = 0; i < queue->undo->len; i++)
    n += !((Undo *)g_ptr_array_index (queue->undo, i))->entry.relearning;
  return n;
}

/* Returns: the questions graded Again in this session, each once however often */
guint
bp_study_queue_get_n_forgotten (BpStudyQueue *queue)
{
  g_autoptr(GHashTable) forgotten = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (queue != NULL, 0);
  for (guint i = 0; i < queue->undo->len; i++)
    {
      Undo *undo = g_ptr_array_index (queue->undo, i);

      if (undo->grade == BP_GRADE_AGAIN)
        g_hash_table_add (forgotten, undo->entry.question_id);
    }
  return g_hash_table_size (forgotten);
}

guint
bp_study_queue_get_n_undo (BpStudyQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);
  return queue->undo->len;
}
