/* bp-deck-result-private.h: how the deck parser fills a parse result
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cmark-gfm.h>

#include "bp-deck-parser.h"

G_BEGIN_DECLS

BpDeckParseResult *_bp_deck_parse_result_new           (void);
void               _bp_deck_parse_result_set_rule      (BpDeckParseResult *self,
                                                        BpDeckRule         rule,
                                                        int                level);
void               _bp_deck_parse_result_add_line      (BpDeckParseResult *self,
                                                        int                line);
void               _bp_deck_parse_result_lint_document (BpDeckParseResult *self,
                                                        cmark_node        *document,
                                                        const char        *markdown);
void               _bp_deck_parse_result_set_deck      (BpDeckParseResult *self,
                                                        BpDeck            *deck);

G_END_DECLS
