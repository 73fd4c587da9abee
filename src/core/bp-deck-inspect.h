/* bp-deck-inspect.h: what "backprop --inspect" prints about a deck, for its author
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *bp_deck_inspect (const char  *file_name,
                       const char  *text,
                       gsize        length,
                       GError     **error);
char *bp_deck_inspect_dup_legend (const char *report);

G_END_DECLS
