/* bp-deck-rules-private.h: the shapes of question the parser finds on a deck's cmark tree
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cmark-gfm.h>
#include <glib.h>

G_BEGIN_DECLS

/* A question one rule found, before any node moves: a rule only looks, so the parser can
 * try them all and keep the one that reads the deck best. */
typedef struct
{
  char *title;
  guint number;
  gboolean numbered;
  int line;
  cmark_node *first;        /* the answer's blocks, siblings from @first to @last, or NULL */
  cmark_node *last;
  cmark_node *split_after;  /* a soft break: the inlines after it open the answer */
  cmark_node *cut_from;     /* an inline in the last block: it and what follows are no answer */
  char *markdown_before;    /* answer text inside raw HTML (a <details>), read as markdown */
  char *markdown_after;
  cmark_node *more_first;   /* blocks after the list of a list item's question, its answer too */
  cmark_node *more_last;
  cmark_node *list;         /* the document's list the question is an item of, or NULL */
  char *subtitle;           /* what the row shows under the title: the question it follows */
  char *context;            /* what tells it from questions of its title: its section */
  cmark_node *table;        /* the glossary table the question is a row of, or NULL */
  cmark_node *row;
} BpFoundQuestion;

void        bp_found_question_free        (BpFoundQuestion *found);
cmark_node *bp_found_question_take_answer (BpFoundQuestion *found);

GPtrArray  *bp_deck_rules_find_headings   (cmark_node *document,
                                           int        *level);
GPtrArray  *bp_deck_rules_find_details    (cmark_node *document);
GPtrArray  *bp_deck_rules_find_list_items (cmark_node *document);
GPtrArray  *bp_deck_rules_find_bold       (cmark_node *document,
                                           gboolean    question_like_only,
                                           gboolean    numbered_too);
GPtrArray  *bp_deck_rules_find_question_lists (cmark_node *document);
GPtrArray  *bp_deck_rules_keep_question_lists (GPtrArray  *lists,
                                               GPtrArray  *best);
GPtrArray  *bp_deck_rules_find_tables     (cmark_node *document);
GPtrArray  *bp_deck_rules_keep_tables     (GPtrArray  *rows,
                                           GPtrArray  *best);

gboolean    bp_deck_rules_is_skippable    (cmark_node *block);

/* What the rules' files share. */
BpFoundQuestion *_bp_found_question_new            (const char *text,
                                                    int         line);
GPtrArray       *_bp_found_question_array_new      (void);
char            *_bp_deck_rules_block_text         (cmark_node *block);
gboolean         _bp_deck_rules_is_links_paragraph (cmark_node *paragraph);
gboolean         _bp_deck_rules_is_link_list       (cmark_node *list);
cmark_node      *_bp_deck_rules_list_continuation  (cmark_node *list,
                                                    int         heading_level);
void             _bp_deck_tables_take_row_answer   (cmark_node *answer,
                                                    cmark_node *table,
                                                    cmark_node *row);
GHashTable      *_bp_deck_anchors_collect          (cmark_node *document);
char            *_bp_deck_anchors_slug             (const char *text);
char       *bp_deck_rules_first_words     (cmark_node *answer,
                                           guint       max_chars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpFoundQuestion, bp_found_question_free)

G_END_DECLS
