/* bp-study-queue.h: which question to study next: due reviews, then new ones; learning steps; undo; an interview date (pure)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-fsrs.h"
#include "bp-review-replay.h"

G_BEGIN_DECLS

#define BP_STUDY_QUEUE_NEW_PER_DAY_DEFAULT 10
#define BP_STUDY_QUEUE_NO_INTERVIEW G_MININT64
/* A forgotten question comes back after this many others (fewer if fewer are left). */
#define BP_STUDY_QUEUE_RELEARN_GAP 3

/* A question the session may show: its state from the log (%NULL: never graded). */
typedef struct
{
  const char        *question_id;
  const BpCardState *state;
  gboolean           weak;
} BpQueueCard;

typedef struct
{
  gint64 today;              /* bp_review_day() of now */
  double retention;
  guint  new_per_day;
  guint  new_done_today;     /* new questions already introduced today */
  gint64 interview_day;      /* or BP_STUDY_QUEUE_NO_INTERVIEW */
} BpQueueOptions;

typedef struct _BpStudyQueue BpStudyQueue;

void          bp_queue_options_init        (BpQueueOptions          *options,
                                            gint64                   today);
guint         bp_queue_count_new_today     (GHashTable              *states,
                                            gint64                   today);
guint         bp_queue_interval            (const BpQueueOptions    *options,
                                            const BpFsrsParameters  *parameters,
                                            double                   stability);
gint64        bp_queue_due_day             (const BpQueueOptions    *options,
                                            const BpFsrsParameters  *parameters,
                                            const BpCardState       *state);
gboolean      bp_queue_parse_day           (const char              *text,
                                            gint64                  *day,
                                            GError                 **error);
double        bp_queue_forecast            (const BpFsrsParameters  *parameters,
                                            const BpCardState       *state,
                                            gint64                   day);

BpStudyQueue *bp_study_queue_new           (const BpFsrsParameters  *parameters,
                                            const BpQueueOptions    *options,
                                            const BpQueueCard       *cards,
                                            guint                    n_cards);
void          bp_study_queue_free          (BpStudyQueue            *queue);
const char   *bp_study_queue_peek          (BpStudyQueue            *queue);
guint         bp_study_queue_get_length    (BpStudyQueue            *queue);
guint         bp_study_queue_get_n_due     (BpStudyQueue            *queue);
const char   *bp_study_queue_get_nth       (BpStudyQueue            *queue,
                                            guint                    n);
gboolean      bp_study_queue_get_requeues  (BpStudyQueue            *queue,
                                            const char              *question_id,
                                            BpGrade                  grade);
gboolean      bp_study_queue_graded        (BpStudyQueue            *queue,
                                            const char              *question_id,
                                            BpGrade                  grade,
                                            const char              *event_id);
const char   *bp_study_queue_undo          (BpStudyQueue            *queue,
                                            const char             **event_id);
guint         bp_study_queue_get_n_undo    (BpStudyQueue            *queue);
guint         bp_study_queue_get_n_studied (BpStudyQueue            *queue);
guint         bp_study_queue_get_n_forgotten (BpStudyQueue          *queue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpStudyQueue, bp_study_queue_free)

G_END_DECLS
