/* test-text-fold.c: the folding rules, on the vectors the page's script is checked against too
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bp-text-fold.h"
#include "fold-vectors.h"

static void
test_vectors (void)
{
  g_autoptr(GArray) vectors = fold_vectors_load ();

  g_assert_cmpuint (vectors->len, >, 50);
  for (guint i = 0; i < vectors->len; i++)
    {
      const FoldVector *vector = &g_array_index (vectors, FoldVector, i);
      g_autofree char *folded = bp_text_fold (vector->input);

      if (g_strcmp0 (folded, vector->expected) != 0)
        g_test_message ("fold-vectors.txt:%u: “%s”", vector->line, vector->input);
      g_assert_cmpstr (folded, ==, vector->expected);
    }
}

static void
test_word_chars (void)
{
  static const gunichar word_chars[] = { 'a', 'Z', '7', 0xE9, 0xDF, 0xFB01, 0x1D426, 0x4E00, 0x0663 };
  static const gunichar others[] = { ' ', '-', '_', 0x2010, 0x2014, 0x00AD, 0x0301, 0x00A0, 0x2019, 0x1F600 };

  for (gsize i = 0; i < G_N_ELEMENTS (word_chars); i++)
    g_assert_true (bp_text_fold_is_word_char (word_chars[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (bp_text_fold_is_word_char (others[i]));
}

static char *
unstyle (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    bp_text_fold_append_unstyled (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* Styled letters become the letters they style, in their case; nothing else changes. */
static void
test_unstyled (void)
{
  static const struct {
    const char *text;
    const char *unstyled;
  } cases[] = {
    { "𝐇𝐨𝐰 𝑾𝒆𝒊𝒈𝒉𝒕", "How Weight" },
    { "ℌilbert ℝ ℎ", "Hilbert R h" },
    { "𝟘 𝛔", "0 σ" },
    { "Résumé ﬁle ™ ℃ ½", "Résumé ﬁle ™ ℃ ½" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *unstyled = unstyle (cases[i].text);

      g_assert_cmpstr (unstyled, ==, cases[i].unstyled);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-fold/vectors", test_vectors);
  g_test_add_func ("/text-fold/word-chars", test_word_chars);
  g_test_add_func ("/text-fold/unstyled", test_unstyled);

  return g_test_run ();
}
