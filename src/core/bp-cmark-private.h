/* bp-cmark-private.h: what the parser and the renderer both need from cmark's node tree
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cmark.h>
#include <glib.h>

G_BEGIN_DECLS

char *bp_cmark_plain_text              (cmark_node *node);
void  bp_cmark_neutralize_unsafe_links (cmark_node *root);

G_END_DECLS
