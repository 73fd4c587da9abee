/* bp-review-format.h: the review log's lines, read and written as pure functions (no I/O, no clock)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BP_REVIEW_FORMAT_ERROR (bp_review_format_error_quark ())

typedef enum {
  BP_REVIEW_FORMAT_ERROR_DAMAGED,
} BpReviewFormatError;

/* 128 random bits in lowercase hex: unique across every Backprop that shares the log. */
#define BP_REVIEW_EVENT_ID_LENGTH 32
/* "2026-11-27T12:08:03.606170Z" */
#define BP_REVIEW_TIME_LENGTH 27

typedef enum {
  BP_REVIEW_EVENT_GRADE,
  BP_REVIEW_EVENT_UNDO,
} BpReviewEventKind;

/* One line of the log: a grade given to a question, or the undoing of an earlier grade (the
 * log is only ever appended to, so an undo is an event of its own). */
typedef struct
{
  BpReviewEventKind kind;
  char    id[BP_REVIEW_EVENT_ID_LENGTH + 1];
  gint64  time_us;            /* UTC, microseconds since 1970 */
  /* A grade's */
  char   *question_id;
  guint8  grade;              /* 1 Again … 4 Easy */
  guint   elapsed_days;       /* as the user's calendar counted them when grading */
  guint   duration_ms;        /* time spent on the question */
  /* An undo's: the grade it takes back */
  char    undone_id[BP_REVIEW_EVENT_ID_LENGTH + 1];
} BpReviewEvent;

/* A line that could not be read, by its number in the file (from 1). */
typedef struct
{
  guint  line;
  char  *message;
} BpReviewProblem;

GQuark          bp_review_format_error_quark (void);

BpReviewEvent  *bp_review_event_new_grade   (const char          *id,
                                             gint64               time_us,
                                             const char          *question_id,
                                             guint8               grade,
                                             guint                elapsed_days,
                                             guint                duration_ms);
BpReviewEvent  *bp_review_event_new_undo    (const char          *id,
                                             gint64               time_us,
                                             const char          *undone_id);
BpReviewEvent  *bp_review_event_copy        (const BpReviewEvent *event);
void            bp_review_event_free        (BpReviewEvent       *event);
gboolean        bp_review_event_equal       (const BpReviewEvent *a,
                                             const BpReviewEvent *b);
gboolean        bp_review_event_id_is_valid (const char          *id);
gboolean        bp_review_question_id_is_valid (const char       *id,
                                                gsize             length);
void            bp_review_event_id_from_bits (char               *id,
                                             const guint32        bits[4]);
void            bp_review_problem_free      (BpReviewProblem     *problem);

char           *bp_review_format_line       (const BpReviewEvent *event);
BpReviewEvent  *bp_review_format_parse_line (const char          *line,
                                             gsize                length,
                                             GError             **error);
gsize           bp_review_format_parse      (const char          *text,
                                             gsize                length,
                                             GPtrArray           *events,
                                             GPtrArray           *problems);

void            bp_review_format_time       (gint64               time_us,
                                             char                *text);
gboolean        bp_review_format_parse_time (const char          *text,
                                             gsize                length,
                                             gint64              *time_us);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpReviewEvent, bp_review_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpReviewProblem, bp_review_problem_free)

G_END_DECLS
