/* deck-generator.h: large, realistic decks made up from a seed, for search tests and benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* A deck in the deck format ("### Q<n>: <title>" and a markdown answer) with paragraphs,
 * lists, headings, emphasis, code, links, figures, quotes, MathML and entities, drawn from
 * a vocabulary of a few thousand made-up words and some real ones that test
 * normalization. Along with the markdown comes what a page shows of each question, so a
 * test can check a search against plain text it did not have to extract itself. The same
 * seed always gives the same deck. */

#define DECK_GENERATOR_N_WORDS 3000
#define DECK_GENERATOR_VOCABULARY_SEED 0x5eed

typedef struct
{
  char *markdown;
  GPtrArray *titles;  /* of char *: each question's title, as shown */
  GPtrArray *answers; /* of char *: each answer's text, as its page shows it */
} GeneratedDeck;

/* Words whose matching depends on normalization: accents, ß, ligatures, full-width and
 * styled letters, Greek, combining marks, soft and non-breaking hyphens, compounds. */
static const char * const deck_generator_special_words[] = {
  "momentum", "gradient", "gradients", "résumé", "naïve", "Straße", "STRASSE", "ﬁlter",
  "Ｆｕｌｌ", "σ", "ΣΟΦΙΑ", "Ångström", "mañana", "über", "L2", "1D", "x\u0302",
  "pre-trained", "non-linear", "café", "İstanbul", "ǅemal", "ℌilbert", "hyphen\u00adation",
  "co\u2011op", "Ωmega",
};

/* The same words as markdown entities, which the parser decodes. */
static const char * const deck_generator_entity_words[][2] = {
  { "r&eacute;sum&eacute;", "résumé" },
  { "&#963;", "σ" },
  { "na&iuml;ve", "naïve" },
  { "Stra&szlig;e", "Straße" },
  { "&#x3A3;&#x39F;&#x3A6;&#x399;&#x391;", "ΣΟΦΙΑ" },
};

static const char * const deck_generator_onsets[] = {
  "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
  "br", "tr", "st", "ch", "sh", "th", "pl", "gr",
};

static const char * const deck_generator_nuclei[] = {
  "a", "e", "i", "o", "u", "ai", "ea", "io", "ou",
};

static inline char *
deck_generator_make_word (GRand *rand)
{
  GString *word = g_string_new (NULL);
  int n_syllables = g_rand_int_range (rand, 1, 5);

  for (int i = 0; i < n_syllables; i++)
    {
      guint onset = g_rand_int_range (rand, 0, G_N_ELEMENTS (deck_generator_onsets));
      guint nucleus = g_rand_int_range (rand, 0, G_N_ELEMENTS (deck_generator_nuclei));

      g_string_append (word, deck_generator_onsets[onset]);
      g_string_append (word, deck_generator_nuclei[nucleus]);
    }
  /* Some words end in a consonant, a single letter one. */
  if (g_rand_boolean (rand))
    g_string_append (word, deck_generator_onsets[g_rand_int_range (rand, 0, 18)]);

  return g_string_free (word, FALSE);
}

/**
 * deck_generator_vocabulary:
 *
 * Returns: (transfer none): the DECK_GENERATOR_N_WORDS words decks are made of, the same
 *   for every seed; the first ones are the special words.
 */
static inline const char * const *
deck_generator_vocabulary (void)
{
  static char **vocabulary;

  if (g_once_init_enter (&vocabulary))
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GRand) rand = g_rand_new_with_seed (DECK_GENERATOR_VOCABULARY_SEED);
      char **words = g_new0 (char *, DECK_GENERATOR_N_WORDS + 1);
      guint n = 0;

      for (; n < G_N_ELEMENTS (deck_generator_special_words); n++)
        words[n] = g_strdup (deck_generator_special_words[n]);

      while (n < DECK_GENERATOR_N_WORDS)
        {
          char *word = deck_generator_make_word (rand);

          if (g_hash_table_contains (seen, word))
            {
              g_free (word);
              continue;
            }

          g_hash_table_add (seen, word);
          words[n++] = word;
        }

      g_once_init_leave (&vocabulary, words);
    }

  return (const char * const *)vocabulary;
}

/* Common words are much more common than rare ones, as in real text. */
static inline const char *
deck_generator_pick_word (GRand *rand)
{
  double u = g_rand_double (rand);

  return deck_generator_vocabulary ()[(guint)(DECK_GENERATOR_N_WORDS * u * u * u)];
}

/* What the generator writes: the markdown, and what the page shows with a trusted deck
 * (raw HTML rendered) and with an untrusted one (raw HTML dropped). */
typedef struct
{
  GRand *rand;
  GString *markdown;
  GString *trusted;
  GString *untrusted;
} DeckWriter;

static inline void
deck_writer_both (DeckWriter *writer,
                  const char *markdown,
                  const char *shown)
{
  g_string_append (writer->markdown, markdown);
  g_string_append (writer->trusted, shown);
  g_string_append (writer->untrusted, shown);
}

static inline void
deck_writer_plain_word (DeckWriter *writer)
{
  const char *word = deck_generator_pick_word (writer->rand);

  deck_writer_both (writer, word, word);
}

/* One word or small inline construct, followed by a space. */
static inline void
deck_writer_inline (DeckWriter *writer)
{
  const char *a = deck_generator_pick_word (writer->rand);
  const char *b = deck_generator_pick_word (writer->rand);
  const char *c = deck_generator_pick_word (writer->rand);
  g_autofree char *markdown = NULL;
  g_autofree char *shown = NULL;
  guint kind = g_rand_int_range (writer->rand, 0, 40);

  switch (kind)
    {
    case 0:
      markdown = g_strdup_printf ("*%s*", a);
      break;
    case 1:
      markdown = g_strdup_printf ("**%s %s**", a, b);
      shown = g_strdup_printf ("%s %s", a, b);
      break;
    case 2:
      markdown = g_strdup_printf ("`%s`", a);
      break;
    case 3: /* a link's URL and title are not shown */
      markdown = g_strdup_printf ("[%s %s](https://example.org/%s \"%s\")", a, b, c,
                                  deck_generator_pick_word (writer->rand));
      shown = g_strdup_printf ("%s %s", a, b);
      break;
    case 4: /* tags separate words */
      markdown = g_strdup_printf ("<math><mi>%s</mi><mo>=</mo><mi>%s</mi><mi>σ</mi></math>", a, b);
      shown = g_strdup_printf ("%s = %s σ", a, b);
      break;
    case 5: /* a TeX annotation is not shown, but an untrusted page shows it as text */
      markdown = g_strdup_printf ("<math><semantics><mi>%s</mi>"
                                  "<annotation encoding=\"application/x-tex\">%s</annotation>"
                                  "</semantics></math>",
                                  a, b);
      g_string_append (writer->markdown, markdown);
      g_string_append_printf (writer->trusted, "%s ", a);
      g_string_append_printf (writer->untrusted, "%s %s ", a, b);
      g_string_append_c (writer->markdown, ' ');
      return;
    case 6:
      markdown = g_strdup_printf ("%s-%s", a, b);
      break;
    case 7: /* smart punctuation: ’ */
      markdown = g_strdup_printf ("%s's", a);
      shown = g_strdup_printf ("%s\u2019s", a);
      break;
    case 8:
      {
        guint i = g_rand_int_range (writer->rand, 0, G_N_ELEMENTS (deck_generator_entity_words));

        markdown = g_strdup (deck_generator_entity_words[i][0]);
        shown = g_strdup (deck_generator_entity_words[i][1]);
      }
      break;
    default:
      markdown = g_strdup (a);
      break;
    }

  deck_writer_both (writer, markdown, shown != NULL ? shown : markdown);
  deck_writer_both (writer, " ", " ");
}

static inline void
deck_writer_line (DeckWriter *writer,
                  guint       min_words,
                  guint       max_words)
{
  guint n = g_rand_int_range (writer->rand, min_words, max_words + 1);

  for (guint i = 0; i < n; i++)
    deck_writer_inline (writer);
  deck_writer_both (writer, "\n", "\n");
}

static inline void
deck_writer_list (DeckWriter *writer,
                  gboolean    ordered)
{
  guint n = g_rand_int_range (writer->rand, 2, 6);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *marker = ordered ? g_strdup_printf ("%u. ", i + 1) : g_strdup ("- ");

      deck_writer_both (writer, marker, "");
      deck_writer_line (writer, 3, 12);
    }
}

static inline void
deck_writer_code_block (DeckWriter *writer)
{
  deck_writer_both (writer, "```\n", "");
  for (guint i = g_rand_int_range (writer->rand, 1, 4); i > 0; i--)
    {
      deck_writer_plain_word (writer);
      deck_writer_both (writer, " = ", " = ");
      deck_writer_plain_word (writer);
      deck_writer_both (writer, "(x)\n", "(x)\n");
    }
  deck_writer_both (writer, "```\n", "");
}

static inline void
deck_writer_figure (DeckWriter *writer,
                    guint       number)
{
  g_autofree char *name = g_strdup_printf ("](figure:q%u-figure \"", number);

  deck_writer_both (writer, "![", "");
  for (guint i = g_rand_int_range (writer->rand, 3, 8); i > 0; i--)
    {
      deck_writer_plain_word (writer);
      deck_writer_both (writer, " ", " ");
    }
  deck_writer_both (writer, name, " ");
  for (guint i = g_rand_int_range (writer->rand, 3, 8); i > 0; i--)
    {
      deck_writer_plain_word (writer);
      deck_writer_both (writer, " ", " ");
    }
  deck_writer_both (writer, "\")\n", "\n");
}

/* An HTML block: shown by a trusted page only. */
static inline void
deck_writer_math_block (DeckWriter *writer)
{
  const char *a = deck_generator_pick_word (writer->rand);
  const char *b = deck_generator_pick_word (writer->rand);

  g_string_append_printf (writer->markdown,
                          "<math display=\"block\">\n"
                          "<mi>%s</mi><mo>&lt;</mo><msub><mi>%s</mi><mn>2</mn></msub>\n"
                          "</math>\n",
                          a, b);
  g_string_append_printf (writer->trusted, "%s < %s 2\n", a, b);
}

static inline void
deck_writer_block (DeckWriter *writer,
                   guint       number)
{
  switch (g_rand_int_range (writer->rand, 0, 12))
    {
    case 0:
      deck_writer_list (writer, FALSE);
      break;
    case 1:
      deck_writer_list (writer, TRUE);
      break;
    case 2:
      deck_writer_both (writer, "#### ", "");
      deck_writer_line (writer, 1, 4);
      break;
    case 3:
      deck_writer_code_block (writer);
      break;
    case 4:
      deck_writer_figure (writer, number);
      break;
    case 5:
      deck_writer_both (writer, "> ", "");
      deck_writer_line (writer, 5, 20);
      break;
    case 6:
      deck_writer_math_block (writer);
      break;
    default:
      deck_writer_line (writer, 15, 60);
      break;
    }
  deck_writer_both (writer, "\n", "\n");
}

static inline char *
deck_writer_title (DeckWriter *writer)
{
  GString *title = g_string_new (NULL);
  guint n = g_rand_int_range (writer->rand, 4, 12);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (title, ' ');
      g_string_append (title, deck_generator_pick_word (writer->rand));
    }
  g_string_append_c (title, '?');

  return g_string_free (title, FALSE);
}

static inline void
generated_deck_free (GeneratedDeck *deck)
{
  g_free (deck->markdown);
  g_ptr_array_unref (deck->titles);
  g_ptr_array_unref (deck->answers);
  g_free (deck);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GeneratedDeck, generated_deck_free)

/**
 * deck_generator_generate:
 * @n_questions: how many questions
 * @seed: the same seed gives the same deck
 * @trusted: whether the answers given are those of a trusted page (raw HTML shown)
 *
 * Returns: (transfer full): the deck, about 2 kB of markdown per question.
 */
static inline GeneratedDeck *
deck_generator_generate (guint    n_questions,
                         guint32  seed,
                         gboolean trusted)
{
  GeneratedDeck *deck = g_new0 (GeneratedDeck, 1);
  DeckWriter writer = {
    .rand = g_rand_new_with_seed (seed),
    .markdown = g_string_sized_new (n_questions * 2048),
    .trusted = g_string_new (NULL),
    .untrusted = g_string_new (NULL),
  };

  deck->titles = g_ptr_array_new_with_free_func (g_free);
  deck->answers = g_ptr_array_new_with_free_func (g_free);
  g_string_append_printf (writer.markdown, "# Generated deck %u\n\n", seed);

  for (guint number = 1; number <= n_questions; number++)
    {
      char *title = deck_writer_title (&writer);

      g_string_append_printf (writer.markdown, "### Q%u: %s\n\n", number, title);
      g_ptr_array_add (deck->titles, title);

      g_string_truncate (writer.trusted, 0);
      g_string_truncate (writer.untrusted, 0);
      for (guint i = g_rand_int_range (writer.rand, 2, 7); i > 0; i--)
        deck_writer_block (&writer, number);

      g_ptr_array_add (deck->answers,
                       g_strdup (trusted ? writer.trusted->str : writer.untrusted->str));
    }

  deck->markdown = g_string_free (writer.markdown, FALSE);
  g_string_free (writer.trusted, TRUE);
  g_string_free (writer.untrusted, TRUE);
  g_rand_free (writer.rand);

  return deck;
}
