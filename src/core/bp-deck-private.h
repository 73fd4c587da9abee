/* bp-deck-private.h: how the deck parser builds a deck
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-deck.h"

G_BEGIN_DECLS

/* Takes ownership of @questions, a GPtrArray of BpQuestion with a free function. */
BpDeck *bp_deck_new (const char *id,
                     const char *title,
                     gboolean    trusted,
                     GPtrArray  *questions);

G_END_DECLS
