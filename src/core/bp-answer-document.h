/* bp-answer-document.h: an answer as its page shows it: HTML and searchable text, from one walk
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BP_TYPE_ANSWER_DOCUMENT (bp_answer_document_get_type ())

typedef struct _BpAnswerDocument BpAnswerDocument;

GType             bp_answer_document_get_type (void) G_GNUC_CONST;
BpAnswerDocument *bp_answer_document_ref      (BpAnswerDocument *self);
void              bp_answer_document_unref    (BpAnswerDocument *self);
const char       *bp_answer_document_get_html (BpAnswerDocument *self);
const char       *bp_answer_document_get_text (BpAnswerDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpAnswerDocument, bp_answer_document_unref)

G_END_DECLS
