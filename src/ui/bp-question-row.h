/* bp-question-row.h: one question in the sidebar
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bp-question.h"
#include "bp-reviews.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

#define BP_TYPE_QUESTION_ROW (bp_question_row_get_type ())

G_DECLARE_FINAL_TYPE (BpQuestionRow, bp_question_row, BP, QUESTION_ROW, GtkWidget)

GtkWidget    *bp_question_row_new          (void);
BpQuestion   *bp_question_row_get_question (BpQuestionRow *self);
void          bp_question_row_set_question (BpQuestionRow *self,
                                            BpQuestion    *question);
BpStudyStore *bp_question_row_get_store    (BpQuestionRow *self);
void          bp_question_row_set_store    (BpQuestionRow *self,
                                            BpStudyStore  *store);
BpStudyFlags  bp_question_row_get_flags    (BpQuestionRow *self);
BpReviews    *bp_question_row_get_reviews  (BpQuestionRow *self);
void          bp_question_row_set_reviews  (BpQuestionRow *self,
                                            BpReviews     *reviews);
const char   *bp_question_row_get_due      (BpQuestionRow *self);
const char   *bp_question_row_get_snippet  (BpQuestionRow *self);
void          bp_question_row_set_snippet  (BpQuestionRow *self,
                                            const char    *snippet);

G_END_DECLS
