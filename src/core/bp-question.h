/* bp-question.h: one question of a deck, with its answer
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-answer-document.h"

G_BEGIN_DECLS

#define BP_TYPE_QUESTION (bp_question_get_type ())

G_DECLARE_FINAL_TYPE (BpQuestion, bp_question, BP, QUESTION, GObject)

guint             bp_question_get_number   (BpQuestion *self);
const char       *bp_question_get_title    (BpQuestion *self);
const char       *bp_question_get_source_title (BpQuestion *self);
const char       *bp_question_get_subtitle (BpQuestion *self);
const char       *bp_question_get_id       (BpQuestion *self);
gboolean          bp_question_get_trusted  (BpQuestion *self);
gboolean          bp_question_has_answer   (BpQuestion *self);
BpAnswerDocument *bp_question_get_document (BpQuestion *self);

G_END_DECLS
