/* fuzz-tex-plain.c: libFuzzer target for TeX as plain text and titles' math marks
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-tex.h"
#include "fuzz-target.h"

/* Plain text never grows past a few bytes for each byte of TeX: "\to" is three bytes, "→"
 * as many, and no character Unicode writes takes more than four. */
#define MAX_GROWTH 4

/* The heading's HTML holds no tag of the deck's: every "<" opens or closes a math mark. */
static void
check_only_marks (const char *html)
{
  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    g_assert_true (g_str_has_prefix (p, "<span class=\"bp-tex\" data-display=\"inline\">") ||
                   g_str_has_prefix (p, "</span>"));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_target_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *)data;
  g_autofree char *unicode = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *html = NULL;

  /* Lengths are taken: the input is deliberately not nul-terminated. */
  unicode = bp_tex_to_unicode (text, size);
  plain = bp_tex_plain_text (text, size);
  g_assert_cmpuint (strlen (unicode), <=, size * MAX_GROWTH);
  g_assert_cmpuint (strlen (plain), <=, size * MAX_GROWTH);

  /* Titles reach these as valid UTF-8, and stay so. */
  if (memchr (text, '\0', size) == NULL && g_utf8_validate_len (text, size, NULL))
    {
      g_assert_true (g_utf8_validate (unicode, -1, NULL));
      g_assert_true (g_utf8_validate (plain, -1, NULL));
      html = bp_tex_mark_text (text, size);
      check_only_marks (html);
    }

  return 0;
}
