/* bp-deck-parser.h: turns a markdown deck ("### Q<n>: <question>" + answer) into a BpDeck
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-deck.h"
#include "bp-deck-progress.h"

G_BEGIN_DECLS

#define BP_DECK_PARSER_ERROR (bp_deck_parser_error_quark ())

typedef enum {
  BP_DECK_PARSER_ERROR_INVALID_UTF8,
  BP_DECK_PARSER_ERROR_NO_QUESTIONS,
  BP_DECK_PARSER_ERROR_EMPTY_TITLE,
  BP_DECK_PARSER_ERROR_NOT_FOUND,
  BP_DECK_PARSER_ERROR_EMPTY,
  BP_DECK_PARSER_ERROR_TOO_LARGE,
  BP_DECK_PARSER_ERROR_BINARY,
} BpDeckParserError;

/* Larger files are no deck a person studies (10,000 questions with long answers are some
 * 15 MB), and would hold the parser for seconds. */
#define BP_DECK_MAX_SIZE (32 * 1024 * 1024)

/**
 * BpDeckTrust:
 * @BP_DECK_UNTRUSTED: a deck opened from a file: raw HTML is not rendered
 * @BP_DECK_TRUSTED: the built-in deck: raw HTML (MathML, inline SVG) is rendered
 */
typedef enum {
  BP_DECK_UNTRUSTED,
  BP_DECK_TRUSTED,
} BpDeckTrust;

/**
 * BpDeckRule:
 * @BP_DECK_RULE_CANONICAL: "### Q<n>: title" headings, the built-in deck's format
 * @BP_DECK_RULE_HEADINGS: headings with body text, at the level the file uses
 * @BP_DECK_RULE_DETAILS: <details> whose summary is the question
 * @BP_DECK_RULE_LIST_ITEMS: list items that start with a heading or a question
 * @BP_DECK_RULE_BOLD: paragraphs entirely bold
 * @BP_DECK_RULE_QUESTION_LIST: lists of questions without answers, studied by recall
 * @BP_DECK_RULE_TABLES: rows of glossary tables, the term their question
 *
 * How the parser read a deck's questions.
 */
typedef enum {
  BP_DECK_RULE_CANONICAL,
  BP_DECK_RULE_HEADINGS,
  BP_DECK_RULE_DETAILS,
  BP_DECK_RULE_LIST_ITEMS,
  BP_DECK_RULE_BOLD,
  BP_DECK_RULE_QUESTION_LIST,
  BP_DECK_RULE_TABLES,
} BpDeckRule;

/* What a deck's author can act on: a line of the file and what is wrong there. */
typedef struct
{
  int line;
  char *message;
} BpDeckWarning;

/* A parsed deck, the rule that read it and the warnings about it. */
typedef struct _BpDeckParseResult BpDeckParseResult;

#define BP_BUILTIN_DECK_ID "deep-learning"

GQuark  bp_deck_parser_error_quark    (void);
BpDeck *bp_deck_parser_parse          (const char   *deck_id,
                                       const char   *text,
                                       gssize        length,
                                       BpDeckTrust   trust,
                                       GError      **error);
BpDeck *bp_deck_parser_parse_builtin  (GError      **error);
BpDeck *bp_deck_parser_parse_with_progress (const char      *deck_id,
                                            const char      *text,
                                            gsize            length,
                                            BpDeckTrust      trust,
                                            BpDeckProgress  *progress,
                                            GCancellable    *cancellable,
                                            GError         **error);
gboolean bp_deck_parser_check_bytes   (const char   *text,
                                       gsize         length,
                                       GError      **error);

BpDeckParseResult   *bp_deck_parser_parse_full         (const char         *deck_id,
                                                        const char         *text,
                                                        gssize              length,
                                                        BpDeckTrust         trust,
                                                        GError            **error);
void                 bp_deck_parse_result_free         (BpDeckParseResult  *self);
BpDeck              *bp_deck_parse_result_get_deck     (BpDeckParseResult  *self);
BpDeckRule           bp_deck_parse_result_get_rule     (BpDeckParseResult  *self);
int                  bp_deck_parse_result_get_level    (BpDeckParseResult  *self);
guint                bp_deck_parse_result_get_n_warnings (BpDeckParseResult *self);
const BpDeckWarning *bp_deck_parse_result_get_warning  (BpDeckParseResult  *self,
                                                        guint               index);
int                  bp_deck_parse_result_get_line     (BpDeckParseResult  *self,
                                                        guint               position);
const char          *bp_deck_rule_to_string            (BpDeckRule          rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpDeckParseResult, bp_deck_parse_result_free)

G_END_DECLS
