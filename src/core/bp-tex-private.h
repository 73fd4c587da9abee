/* bp-tex-private.h: the marks math leaves in an answer's HTML, and how a question makes them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cmark-gfm.h>

#include "bp-tex.h"

G_BEGIN_DECLS

#define _BP_TEX_MARK_INLINE "<span class=\"bp-tex\" data-display=\"inline\">"
#define _BP_TEX_MARK_DISPLAY "<span class=\"bp-tex\" data-display=\"block\">"
#define _BP_TEX_MARK_END "</span>"

void _bp_tex_mark_answer     (cmark_node *answer);
void _bp_tex_restore_escapes (cmark_node *root,
                              const char *markdown,
                              gsize       length);

G_END_DECLS
