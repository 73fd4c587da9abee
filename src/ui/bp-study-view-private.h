/* bp-study-view-private.h: what tests reach inside the study view
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-answer-view.h"
#include "bp-study-view.h"

G_BEGIN_DECLS

BpAnswerView *bp_study_view_get_answer_view  (BpStudyView *self);
GtkButton    *bp_study_view_get_grade_button (BpStudyView *self,
                                              BpGrade      grade);
GtkTextView  *bp_study_view_get_recall_view  (BpStudyView *self);
const char   *bp_study_view_get_summary      (BpStudyView *self);

G_END_DECLS
