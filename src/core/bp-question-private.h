/* bp-question-private.h: what the deck parser and the page renderer share about a question
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cmark-gfm.h>

#include "bp-question.h"

G_BEGIN_DECLS

/* Takes ownership of @answer, a CMARK_NODE_DOCUMENT holding the answer's blocks. */
BpQuestion *bp_question_new                 (guint       number,
                                             const char *title,
                                             const char *id,
                                             gboolean    trusted,
                                             cmark_node *answer);
cmark_node *bp_question_get_answer_document (BpQuestion *self);
void        bp_question_set_subtitle        (BpQuestion *self,
                                             const char *subtitle);

G_END_DECLS
