/* bp-deck.h: a deck of questions, as a GListModel of BpQuestion
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-question.h"

G_BEGIN_DECLS

#define BP_TYPE_DECK (bp_deck_get_type ())

G_DECLARE_FINAL_TYPE (BpDeck, bp_deck, BP, DECK, GObject)

const char *bp_deck_get_id             (BpDeck     *self);
const char *bp_deck_get_title          (BpDeck     *self);
gboolean    bp_deck_get_has_title      (BpDeck     *self);
const char *bp_deck_get_title_or       (BpDeck     *self,
                                        const char *fallback);
gboolean    bp_deck_get_trusted        (BpDeck     *self);
guint       bp_deck_get_n_questions    (BpDeck     *self);
BpQuestion *bp_deck_get_question       (BpDeck     *self,
                                        guint       position);
BpQuestion *bp_deck_find_by_number     (BpDeck     *self,
                                        guint       number);
BpQuestion *bp_deck_find_by_id         (BpDeck     *self,
                                        const char *id);
gboolean    bp_deck_find_position      (BpDeck     *self,
                                        BpQuestion *question,
                                        guint      *position);

G_END_DECLS
