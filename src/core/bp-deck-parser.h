/* bp-deck-parser.h: turns a markdown deck ("### Q<n>: <question>" + answer) into a BpDeck
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-deck.h"

G_BEGIN_DECLS

#define BP_DECK_PARSER_ERROR (bp_deck_parser_error_quark ())

typedef enum {
  BP_DECK_PARSER_ERROR_INVALID_UTF8,
  BP_DECK_PARSER_ERROR_NO_QUESTIONS,
  BP_DECK_PARSER_ERROR_EMPTY_TITLE,
  BP_DECK_PARSER_ERROR_NOT_FOUND,
} BpDeckParserError;

/**
 * BpDeckTrust:
 * @BP_DECK_UNTRUSTED: a deck opened from a file: raw HTML is not rendered
 * @BP_DECK_TRUSTED: the built-in deck: raw HTML (MathML, inline SVG) is rendered
 */
typedef enum {
  BP_DECK_UNTRUSTED,
  BP_DECK_TRUSTED,
} BpDeckTrust;

#define BP_BUILTIN_DECK_ID "deep-learning"

GQuark  bp_deck_parser_error_quark    (void);
BpDeck *bp_deck_parser_parse          (const char   *deck_id,
                                       const char   *text,
                                       gssize        length,
                                       BpDeckTrust   trust,
                                       GError      **error);
BpDeck *bp_deck_parser_parse_builtin  (GError      **error);

G_END_DECLS
