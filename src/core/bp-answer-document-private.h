/* bp-answer-document-private.h: how a question makes its answer document
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cmark-gfm.h>

#include "bp-answer-document.h"

G_BEGIN_DECLS

BpAnswerDocument *bp_answer_document_new (cmark_node *answer,
                                          gboolean    trusted,
                                          const char *deck_id);

G_END_DECLS
