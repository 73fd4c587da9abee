/* bp-deck-titles.h: what the text of a heading, a summary or a link says about a deck's questions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *bp_deck_title_clean              (const char *text,
                                            guint      *number,
                                            gboolean   *numbered);
gboolean  bp_deck_title_looks_like_question (const char *title);
gboolean  bp_deck_title_is_not_question    (const char *title);
gboolean  bp_deck_title_has_decoration     (const char *title);
gboolean  bp_deck_title_names_questions    (const char *title);
gboolean  bp_deck_text_is_answer_label     (const char *text);
gboolean  bp_deck_text_is_back_to_top      (const char *text);
char     *bp_deck_html_plain_text          (const char *html,
                                            gssize      length);

G_END_DECLS
