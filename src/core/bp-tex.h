/* bp-tex.h: TeX math in an opened deck's text: where it is, and its place in the page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BpTexSpan:
 * @start: the first byte of the math, its opening delimiter included
 * @end: the byte after its closing delimiter
 * @tex_start: the first byte of the TeX between the delimiters
 * @tex_end: the byte after it
 * @display: whether it is display math ($$…$$, \[…\]) rather than inline
 */
typedef struct
{
  gsize start;
  gsize end;
  gsize tex_start;
  gsize tex_end;
  gboolean display;
} BpTexSpan;

/**
 * BpTexRenderFunc:
 * @tex: the TeX source
 * @display: whether to lay it out as display math
 * @error: where a TeX error goes
 *
 * Returns: (transfer full) (nullable): @tex as MathML, or %NULL with @error set.
 */
typedef char *(*BpTexRenderFunc) (const char  *tex,
                                  gboolean     display,
                                  gpointer     user_data,
                                  GError     **error);

GArray   *bp_tex_find_spans    (const char      *text,
                                gssize           length);
gboolean  bp_tex_has_marks     (const char      *html);
char     *bp_tex_replace_marks (const char      *html,
                                BpTexRenderFunc  render,
                                gpointer         user_data);
char     *bp_tex_mark_text     (const char      *text,
                                gssize           length);

char     *bp_tex_to_unicode    (const char      *tex,
                                gssize           length);
char     *bp_tex_plain_text    (const char      *text,
                                gssize           length);

G_END_DECLS
