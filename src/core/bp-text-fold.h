/* bp-text-fold.h: the one set of rules by which text is folded for comparison
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *bp_text_fold                (const char *text);
gboolean  bp_text_fold_is_word_char   (gunichar    c);
void      bp_text_fold_append_unstyled (GString    *out,
                                        gunichar    c);

G_END_DECLS
