/* bp-cmark-private.h: what the parser and the renderer both need from cmark-gfm's node tree
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cmark-gfm.h>
#include <glib.h>

G_BEGIN_DECLS

/* Deeper lists and block quotes, or emphases and links, are flattened to this depth: no
 * text needs more, and WebKit takes time quadratic in the depth of nested lists (a
 * minute for 64,000 levels) and long for deep inlines (12 s for 100,000 emphases). */
#define BP_CMARK_MAX_NESTING 32

cmark_node *bp_cmark_parse                   (const char *text,
                                              gsize       length,
                                              int         options);
/* Told of the bytes fed so far; %FALSE stops the parse. */
typedef gboolean (*BpCmarkFedFunc) (gsize    fed,
                                    gsize    length,
                                    gpointer user_data);
cmark_node *bp_cmark_parse_in_chunks          (const char     *text,
                                               gsize           length,
                                               int             options,
                                               BpCmarkFedFunc  fed,
                                               gpointer        user_data);
char       *bp_cmark_render_html             (cmark_node *node,
                                              int         options);
gboolean    bp_cmark_is_block                (cmark_node *node);
void        bp_cmark_own_literals            (cmark_node *root);
char       *bp_cmark_plain_text              (cmark_node *node);
void        bp_cmark_neutralize_unsafe_links (cmark_node *root);
void        bp_cmark_limit_nesting           (cmark_node *root,
                                              guint       max_depth);
void        bp_cmark_sanitize                (cmark_node *root);

G_END_DECLS
