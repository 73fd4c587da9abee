/* bench-core.c: the core without a display: parsing and rendering the built-in deck, and large generated decks
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "bench-utils.h"
#include "bp-cmark-private.h"
#include "bp-deck-parser.h"
#include "bp-page-renderer.h"
#include "bp-search.h"
#include "deck-generator.h"

/* Each generated size runs in a process of its own, so that its peak memory (VmHWM) is
 * its own and nothing that an earlier size left in the allocator. */

#define BUILTIN_PARSES 50
#define RENDER_ROUNDS 50
#define GENERATED_SEED 42
#define MAX_PARSES 5
static const guint sizes[] = { 1000, 10000, 100000 };

/* What a reader types into the search field, one keystroke at a time: a common word of
 * the generated decks, then a rarer one. */
static char *
typed_query (void)
{
  const char * const *vocabulary = deck_generator_vocabulary ();

  return g_strdup_printf ("%s %s", vocabulary[G_N_ELEMENTS (deck_generator_special_words) + 3],
                          vocabulary[DECK_GENERATOR_N_WORDS / 3]);
}

static void
bench_builtin_parse (void)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < BUILTIN_PARSES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BpDeck) deck = NULL;
      double start = bench_now_ms (), elapsed;

      deck = bp_deck_parser_parse_builtin (&error);
      elapsed = bench_now_ms () - start;
      g_assert_no_error (error);
      g_array_append_val (samples, elapsed);
    }

  g_print ("built-in deck: parsed in %.2f ms (median of %d)\n", bench_median (samples), BUILTIN_PARSES);
  bench_figure ("core.builtin.parse", bench_median (samples), "ms", NULL);
}

/* Every page as the app serves it (template, style sheet, answer, figures), light, no notes. */
static void
bench_builtin_render (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse_builtin (&error);
  g_autoptr(BpPageRenderer) renderer = bp_page_renderer_new_from_resources (&error);
  g_autoptr(GArray) page_medians = g_array_new (FALSE, FALSE, sizeof (double));
  guint slowest = 0;

  g_assert_no_error (error);
  for (guint q = 0; q < bp_deck_get_n_questions (deck); q++)
    {
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      double median;

      for (guint i = 0; i < RENDER_ROUNDS; i++)
        {
          double start = bench_now_ms (), elapsed;
          g_autofree char *html = bp_page_renderer_render (renderer, bp_deck_get_question (deck, q),
                                                           BP_PAGE_THEME_LIGHT, NULL);

          elapsed = bench_now_ms () - start;
          g_array_append_val (samples, elapsed);
        }

      median = bench_median (samples);
      g_array_append_val (page_medians, median);
      if (median >= g_array_index (page_medians, double, slowest))
        slowest = q;
    }

  g_print ("built-in deck: a page renders in %.3f ms (median page), %.3f ms (slowest, Q%u)\n",
           bench_median (page_medians), bench_percentile (page_medians, 100),
           bp_question_get_number (bp_deck_get_question (deck, slowest)));
  bench_figure ("core.render.median-page", bench_median (page_medians), "ms", NULL);
  bench_figure ("core.render.slowest-page", bench_percentile (page_medians, 100), "ms", "<= 1");
}

static double
time_parse (const char *markdown,
            BpDeck    **deck)
{
  g_autoptr(GError) error = NULL;
  double start;

  /* The parse starts on a tidy heap, as after reading a file, not on the generator's
   * (or the last parse's) freed blocks, which malloc would otherwise consolidate now. */
  malloc_trim (0);
  start = bench_now_ms ();

  *deck = bp_deck_parser_parse ("generated", markdown, -1, BP_DECK_UNTRUSTED, &error);
  g_assert_no_error (error);

  return bench_now_ms () - start;
}

/* cmark alone on the same text, under the same conditions: the floor of the parse. */
static double
time_cmark (const char *markdown)
{
  cmark_node *document;
  double start, elapsed;

  malloc_trim (0);
  start = bench_now_ms ();
  document = bp_cmark_parse (markdown, strlen (markdown), CMARK_OPT_SMART);
  elapsed = bench_now_ms () - start;
  cmark_node_free (document);

  return elapsed;
}

/* Each prefix of the typed query, as the search field sees it after each key, ranked as
 * the sidebar ranks it. */
static GArray *
time_keystrokes (BpSearchIndex *index,
                 const char    *typed)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (gsize length = 1; length <= strlen (typed); length++)
    {
      g_autofree char *query = g_strndup (typed, length);
      g_autoptr(GPtrArray) results = NULL;
      double start = bench_now_ms (), elapsed;

      results = bp_search_index_rank (index, query);
      elapsed = bench_now_ms () - start;
      g_array_append_val (samples, elapsed);
    }

  return samples;
}

/* "core.10000.parse" and the like: a figure about a generated deck. */
static void
size_figure (guint       n_questions,
             const char *what,
             double      value,
             const char *unit,
             const char *target_at_10000)
{
  g_autofree char *name = g_strdup_printf ("core.%u.%s", n_questions, what);

  bench_figure (name, value, unit, n_questions == 10000 ? target_at_10000 : NULL);
}

/* Parses @markdown a few times, and cmark alone on it as often; keeps the last deck. */
static void
time_parses (const char *markdown,
             guint       n_parses,
             GArray     *parses,
             GArray     *cmark_parses,
             BpDeck    **deck)
{
  for (guint i = 0; i < n_parses; i++)
    {
      double elapsed;

      g_clear_object (deck);
      elapsed = time_cmark (markdown);
      g_array_append_val (cmark_parses, elapsed);
      elapsed = time_parse (markdown, deck);
      g_array_append_val (parses, elapsed);
    }
}

static int
bench_generated (guint n_questions)
{
  g_autoptr(GeneratedDeck) generated = deck_generator_generate (n_questions, GENERATED_SEED, FALSE);
  g_autoptr(GArray) parses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cmark_parses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keystrokes = NULL;
  g_autoptr(BpSearchIndex) index = NULL;
  g_autoptr(BpDeck) deck = NULL;
  g_autofree char *typed = typed_query ();
  double index_ms, start, peak_mib;

  /* Only the markdown stays, as when a deck file has been read. */
  g_ptr_array_set_size (generated->titles, 0);
  g_ptr_array_set_size (generated->answers, 0);
  time_parses (generated->markdown, n_questions >= 100000 ? 1 : MAX_PARSES, parses, cmark_parses, &deck);

  /* The window builds the index in a worker when it shows the deck; timed here alone. */
  start = bench_now_ms ();
  index = bp_search_index_new (deck);
  index_ms = bench_now_ms () - start;
  keystrokes = time_keystrokes (index, typed);
  peak_mib = bench_read_status_kib (0, "VmHWM") / 1024.0;

  g_print ("%6u questions (%5.1f MB of markdown): parse %7.1f ms (cmark alone %7.1f ms), "
           "search index built in %7.1f ms, keystroke median %5.2f ms, slowest %5.2f ms "
           "(typing \"%s\"), peak memory %6.1f MiB\n",
           n_questions, strlen (generated->markdown) / 1e6, bench_median (parses),
           bench_median (cmark_parses), index_ms, bench_median (keystrokes),
           bench_percentile (keystrokes, 100), typed, peak_mib);
  size_figure (n_questions, "parse", bench_median (parses), "ms", "<= 200");
  size_figure (n_questions, "parse-cmark-alone", bench_median (cmark_parses), "ms", NULL);
  size_figure (n_questions, "search-index", index_ms, "ms", NULL);
  size_figure (n_questions, "keystroke.slowest", bench_percentile (keystrokes, 100), "ms", "<= 15");
  size_figure (n_questions, "peak-memory", peak_mib, "MiB", NULL);

  return EXIT_SUCCESS;
}

/* Runs this program again for one size, its output going straight to ours. */
static void
run_size (const char *program,
          guint       n_questions)
{
  g_autofree char *size = g_strdup_printf ("%u", n_questions);
  const char *argv[] = { program, "--size", size, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("The %u-question run failed: %s", n_questions, error->message);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--size"))
    return bench_generated ((guint)atoi (argv[2]));

  bench_builtin_parse ();
  bench_builtin_render ();
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    run_size (argv[0], sizes[i]);

  return EXIT_SUCCESS;
}
