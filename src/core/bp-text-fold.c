/* bp-text-fold.c: the one set of rules by which text is folded for comparison
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-text-fold"

#include "config.h"

#include <string.h>

#include "bp-text-fold.h"

/* Text becomes words separated by single spaces, in the form they are compared in:
 * compatibility forms decomposed (ﬁ → fi, Ｆ → F, ² → 2, 𝐦 → m), marks dropped (é → e),
 * case folded (ß → ss, ς → σ). A hyphen between two words is kept as '-', so that a
 * compound like "pre-trained" can also be found as "pretrained". Everything else that is
 * not a letter or a digit (spaces, punctuation, typographic quotes and dashes, symbols)
 * separates words.
 *
 * resources/page/search-highlight.js folds the page's text by these rules too; both are
 * checked against tests/fold-vectors.txt. */

static void
append_separator (GString *out)
{
  if (out->len == 0 || out->str[out->len - 1] == ' ')
    return;

  if (out->str[out->len - 1] == '-')
    out->str[out->len - 1] = ' ';
  else
    g_string_append_c (out, ' ');
}

static void
append_hyphen (GString *out)
{
  if (out->len == 0 || out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '-')
    append_separator (out);
  else
    g_string_append_c (out, '-');
}

static gboolean
is_ignored (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_FORMAT: /* soft hyphens, zero-width joiners, direction marks */
      return TRUE;

    default:
      return FALSE;
    }
}

/* @c is already decomposed and folded. */
static void
append_plain_char (GString  *out,
                   gunichar  c)
{
  if (c == '-' || c == 0x2010 /* HYPHEN */)
    append_hyphen (out);
  else if (c < 0x80 && g_ascii_isalnum ((char)c))
    g_string_append_c (out, (char)c);
  else if (c < 0x80)
    append_separator (out);
  else if (is_ignored (c))
    return;
  else if (g_unichar_isalnum (c))
    g_string_append_unichar (out, c);
  else
    append_separator (out);
}

static void
append_decomposed (GString  *out,
                   gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));

  for (gsize i = 0; i < n; i++)
    append_plain_char (out, decomposed[i]);
}

/* Case folding can give back composed letters (and ẞ gives two), so what it gives is
 * decomposed again. */
static void
append_folded (GString  *out,
               gunichar  c)
{
  char utf8[8];
  int length = g_unichar_to_utf8 (c, utf8);
  g_autofree char *folded = g_utf8_casefold (utf8, length);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    append_decomposed (out, g_utf8_get_char (p));
}

static inline gunichar
ascii_fold (gunichar c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static void
append_normalized (GString  *out,
                   gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  /* Most text is ASCII: nothing to decompose, and folding is lowering. */
  if (c < 0x80)
    {
      append_plain_char (out, ascii_fold (c));
      return;
    }

  n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      if (decomposed[i] < 0x80)
        append_plain_char (out, ascii_fold (decomposed[i]));
      else if (!is_ignored (decomposed[i]))
        append_folded (out, decomposed[i]);
    }
}

static void
finish_normalized (GString *out)
{
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '-'))
    g_string_truncate (out, out->len - 1);
}

/**
 * bp_text_fold:
 * @text: valid UTF-8
 *
 * Returns: (transfer full): @text as words in the form they are compared in, separated
 *   by single spaces, the parts of a compound joined by '-'; "" if it has no words.
 */
char *
bp_text_fold (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 1);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    append_normalized (out, g_utf8_get_char (p));
  finish_normalized (out);

  return g_string_free (out, FALSE);
}

/**
 * bp_text_fold_is_word_char:
 *
 * Returns: whether @c folds to a letter or a digit, so that it is part of a word.
 */
gboolean
bp_text_fold_is_word_char (gunichar c)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_normalized (out, c);
  finish_normalized (out);
  return out->len > 0;
}

/* Mathematical alphanumerics ("𝐇𝐨𝐰", U+1D400..U+1D7FF) and the styled letters of the
 * letterlike block ("ℎ", "ℝ") are styling: a title is searched, slugged and read aloud
 * as the plain letters they stand for. Symbols there, such as ™, stay as they are. */
static gboolean
is_styled_letter (gunichar c)
{
  return (c >= 0x1D400 && c <= 0x1D7FF) ||
         (c >= 0x2100 && c <= 0x214F && g_unichar_isalpha (c));
}

/**
 * bp_text_fold_append_unstyled:
 *
 * Appends @c to @out, a styled letter as the plain letter it stands for, in its case;
 * anything else as it is.
 */
void
bp_text_fold_append_unstyled (GString  *out,
                              gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (!is_styled_letter (c))
    {
      g_string_append_unichar (out, c);
      return;
    }

  n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    g_string_append_unichar (out, decomposed[i]);
}
