/* html-nesting.h: how deep elements nest in HTML that cmark wrote, for the core tests and fuzzers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

/* How deep the elements named in @names (such as "ul", "blockquote") nest in @html, which
 * cmark wrote, so every "<" in text is escaped; the tags must balance. One pass: the
 * output can be megabytes. */
static inline guint
html_max_depth (const char         *html,
                const char * const *names)
{
  guint depth = 0, deepest = 0;

  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      gboolean closing = p[1] == '/';
      const char *name = p + 1 + closing;

      for (const char * const *n = names; *n != NULL; n++)
        if (g_str_has_prefix (name, *n) && strchr ("> ", name[strlen (*n)]) != NULL)
          {
            g_assert_true (!closing || depth > 0);
            depth += closing ? -1 : 1;
            deepest = MAX (deepest, depth);
            break;
          }
    }
  g_assert_cmpuint (depth, ==, 0);

  return deepest;
}
