/* bp-html-text.h: the text a page shows of raw HTML, for the answer document's walk
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longer element names are never hidden ones. */
#define BP_HTML_TEXT_MAX_ELEMENT_NAME 16

/* What a walk over a document's pieces of raw HTML has seen so far: an element whose
 * content a page never shows may open in one piece and close in a later one. */
typedef struct
{
  char hidden_element[BP_HTML_TEXT_MAX_ELEMENT_NAME + 1];
} BpHtmlText;

void     bp_html_text_append    (BpHtmlText *self,
                                 GString    *text,
                                 const char *html);
gboolean bp_html_text_is_hidden (BpHtmlText *self);

G_END_DECLS
