/* test-progress-page.c: the progress page from a synthetic review log: tiles, colours, calendar, streak, retention
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-deck-parser.h"
#include "bp-progress-page.h"
#include "bp-review-replay.h"

#define TODAY 20600
#define US_PER_DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

static guint
count (const char *html,
       const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (html, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* The tile of @id: its rect element's text. */
static char *
tile_of (const char *html,
         const char *id)
{
  g_autofree char *needle = g_strdup_printf ("data-question=\"%s\"", id);
  const char *at = strstr (html, needle);

  const char *start;

  g_assert_nonnull (at);
  start = g_strrstr_len (html, at - html, "<rect");
  return g_strndup (start, strchr (at, '>') - start);
}

static void
add_grade (GPtrArray  *events,
           guint       n,
           const char *question_id,
           gint64      day,
           guint8      grade,
           guint       elapsed)
{
  g_autofree char *id = g_strdup_printf ("%032x", n);

  g_ptr_array_add (events, bp_review_event_new_grade (id, day * US_PER_DAY + G_GINT64_CONSTANT (10) * G_USEC_PER_SEC * 3600,
                                                      question_id, grade, elapsed, 5000));
}

static void
test_page (void)
{
  const char *text = "# Deck\n\n### Q1: Fresh\n\nA.\n\n### Q2: Old\n\nB.\n\n### Q3: New\n\nC.\n\n"
                     "### Q4: Undone\n\nD.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse ("t", text, -1, BP_DECK_UNTRUSTED, &error);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_event_free);
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GHashTable) weak = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *html = NULL;
  g_autofree char *fresh = NULL, *old = NULL, *fresh_tile = NULL, *old_tile = NULL, *new_tile = NULL;
  BpProgressOptions options = { bp_fsrs_default_parameters (), TODAY, 0, 0.9, BP_STUDY_QUEUE_NO_INTERVIEW };
  BpProgressFigures figures;
  guint n = 0;

  g_assert_no_error (error);
  fresh = g_strdup (bp_question_get_id (bp_deck_get_question (deck, 0)));
  old = g_strdup (bp_question_get_id (bp_deck_get_question (deck, 1)));
  /* Fresh: studied the last three days in a row, Good each time (the streak: 3 days). */
  add_grade (events, n++, fresh, TODAY - 2, 3, 0);
  add_grade (events, n++, fresh, TODAY - 1, 3, 1);
  add_grade (events, n++, fresh, TODAY, 3, 1);
  /* Old: seen 100 days ago, forgotten 20 days ago (a due review graded Again), not since. */
  add_grade (events, n++, old, TODAY - 100, 3, 0);
  add_grade (events, n++, old, TODAY - 20, 1, 80);
  /* Undone: graded today and taken back, so it counts nowhere. */
  add_grade (events, n++, bp_question_get_id (bp_deck_get_question (deck, 3)), TODAY, 4, 0);
  g_ptr_array_add (events, bp_review_event_new_undo ("ffffffffffffffffffffffffffffffff",
                                                     TODAY * US_PER_DAY + G_GINT64_CONSTANT (11) * G_USEC_PER_SEC * 3600,
                                                     ((BpReviewEvent *)events->pdata[5])->id));
  g_hash_table_add (weak, old);
  states = bp_review_replay (events, bp_fsrs_default_parameters (), 0);

  html = bp_progress_page_render (deck, states, events, weak, &options, &figures);
  g_test_message ("%s", html);

  /* A tile per question, each a link to its question; the weak one marked. */
  g_assert_cmpuint (count (html, "<rect class=\"tile"), ==, 4);
  g_assert_cmpuint (count (html, "href=\"backprop://deck/t/"), ==, 4);
  g_assert_cmpuint (count (html, "class=\"weak-mark\""), ==, 1);
  /* Colours follow today's recall: fresh green, the long-forgotten one red, new muted. */
  fresh_tile = tile_of (html, fresh);
  old_tile = tile_of (html, old);
  new_tile = tile_of (html, bp_question_get_id (bp_deck_get_question (deck, 2)));
  g_assert_nonnull (strstr (fresh_tile, "var(--figure-green)"));
  g_assert_nonnull (strstr (old_tile, "var(--figure-red)"));
  g_assert_nonnull (strstr (old_tile, "tile weak"));
  g_assert_nonnull (strstr (new_tile, "var(--figure-muted)"));
  g_assert_nonnull (strstr (new_tile, "data-recall=\"-1.0000\""));
  g_assert_cmpstr (bp_progress_colour (0.95), ==, "var(--figure-green)");
  g_assert_cmpstr (bp_progress_colour (0.85), ==, "var(--figure-blue)");
  g_assert_cmpstr (bp_progress_colour (0.75), ==, "var(--figure-orange)");
  g_assert_cmpstr (bp_progress_colour (0.5), ==, "var(--figure-red)");

  /* 26 weeks of days, today last; the undone grade not counted. */
  g_assert_cmpuint (count (html, "<rect class=\"day\""), ==, 26 * 7);
  g_assert_nonnull (strstr (html, "data-day=\"20600\" data-count=\"1\""));
  g_assert_nonnull (strstr (html, "data-day=\"20580\" data-count=\"1\""));
  g_assert_nonnull (strstr (html, "data-day=\"20599\" data-count=\"1\""));
  g_assert_nonnull (strstr (html, "data-day=\"20500\" data-count=\"1\""));
  g_assert_nonnull (strstr (html, "data-day=\"20419\" data-count=\"0\""));
  g_assert_null (strstr (html, "data-day=\"20418\""));

  g_assert_cmpuint (figures.streak, ==, 3);
  /* Due reviews in 30 days: fresh's two (Good), old's one (Again): 2 of 3. */
  g_assert_cmpuint (figures.n_retention_reviews, ==, 3);
  g_assert_cmpuint (figures.n_retention_passed, ==, 2);
  g_assert_cmpfloat_with_epsilon (figures.true_retention, 2.0 / 3.0, 1e-9);
  g_assert_nonnull (strstr (html, "67 % of 3 reviews (desired 90 %)"));
  /* Old is overdue, forgotten long ago: due today; fresh is not. */
  g_assert_cmpuint (figures.n_due_today, ==, 1);
  g_assert_cmpuint (figures.n_due_week, >=, 1);
  g_assert_nonnull (strstr (html, "Streak: 3 days"));
}

static double
tile_recall (const char *tile)
{
  const char *at = strstr (tile, "data-recall=\"");

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen ("data-recall=\""), NULL);
}

/* Right after any grade FSRS's recall is 100 %: a question forgotten today is not green. */
static void
test_graded_today (void)
{
  const char *text = "# Deck\n\n### Q1: Lapsed\n\nA.\n\n### Q2: Hard\n\nB.\n\n"
                     "### Q3: Relearned\n\nC.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse ("t", text, -1, BP_DECK_UNTRUSTED, &error);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)bp_review_event_free);
  g_autoptr(GHashTable) states = NULL;
  g_autofree char *html = NULL, *tomorrow_html = NULL;
  g_autofree char *lapsed_tile = NULL, *hard_tile = NULL, *relearned_tile = NULL, *tomorrow_tile = NULL;
  BpProgressOptions options = { bp_fsrs_default_parameters (), TODAY, 0, 0.9, BP_STUDY_QUEUE_NO_INTERVIEW };
  const char *lapsed, *hard, *relearned;

  g_assert_no_error (error);
  lapsed = bp_question_get_id (bp_deck_get_question (deck, 0));
  hard = bp_question_get_id (bp_deck_get_question (deck, 1));
  relearned = bp_question_get_id (bp_deck_get_question (deck, 2));
  add_grade (events, 0, lapsed, TODAY - 3, 3, 0);
  add_grade (events, 1, lapsed, TODAY, 1, 3);
  add_grade (events, 2, hard, TODAY, 2, 0);
  add_grade (events, 3, relearned, TODAY - 3, 3, 0);
  add_grade (events, 4, relearned, TODAY, 1, 3);
  g_ptr_array_add (events, bp_review_event_new_grade ("00000000000000000000000000000005",
                                                      TODAY * US_PER_DAY + G_GINT64_CONSTANT (11) * G_USEC_PER_SEC * 3600,
                                                      relearned, 3, 0, 5000));
  states = bp_review_replay (events, bp_fsrs_default_parameters (), 0);
  html = bp_progress_page_render (deck, states, events, NULL, &options, NULL);
  g_test_message ("%s", html);

  /* Forgotten today: the model says about 100 %, the tile says red, the tooltip why. */
  lapsed_tile = tile_of (html, lapsed);
  g_assert_cmpfloat (tile_recall (lapsed_tile), >, 0.99);
  g_assert_nonnull (strstr (lapsed_tile, "var(--figure-red)"));
  g_assert_nonnull (strstr (html, "Lapsed: forgotten today"));
  /* Hard: recalled, with difficulty: orange. */
  hard_tile = tile_of (html, hard);
  g_assert_nonnull (strstr (hard_tile, "var(--figure-orange)"));
  g_assert_nonnull (strstr (html, "Hard: recalled with difficulty today"));
  /* Forgotten, then recalled later the same day: its last grade says it. */
  relearned_tile = tile_of (html, relearned);
  g_assert_nonnull (strstr (relearned_tile, "var(--figure-green)"));

  /* The next day, the model's recall decides again. */
  options.today = TODAY + 1;
  tomorrow_html = bp_progress_page_render (deck, states, events, NULL, &options, NULL);
  tomorrow_tile = tile_of (tomorrow_html, lapsed);
  g_test_message ("lapsed, the next day: %s", tomorrow_tile);
  g_assert_cmpfloat (tile_recall (tomorrow_tile), <, 0.99);
  g_assert_nonnull (strstr (tomorrow_tile, bp_progress_colour (tile_recall (tomorrow_tile))));
}

/* The colour key names every colour a tile can have, with what it means, in the colour the
 * tiles use: recalled (green), lower recall (blue), hard (orange), forgotten (red), new
 * (grey), and the weak mark. Each tile of a deck in all those states finds its colour there. */
static void
test_legend (void)
{
  const char *text = "# Deck\n\n### Q1: A\n\nA.\n\n### Q2: B\n\nB.\n\n### Q3: C\n\nC.\n\n"
                     "### Q4: D\n\nD.\n\n### Q5: E\n\nE.\n";
  static const struct { gint64 days_ago; const char *colour; const char *label; } expected[] = {
    { 0, "var(--figure-green)", "Recalled: 90 % or more" },
    { 19, "var(--figure-blue)", "Lower recall: 80 to 90 %" },
    { 56, "var(--figure-orange)", "70 to 80 %, or hard today" },
    { 1000, "var(--figure-red)", "Below 70 %, or forgotten today" },
    { -1, "var(--figure-muted)", "Not studied yet" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse ("t", text, -1, BP_DECK_UNTRUSTED, &error);
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) weak = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  BpProgressOptions options = { bp_fsrs_default_parameters (), TODAY, 0, 0.9, BP_STUDY_QUEUE_NO_INTERVIEW };
  g_autofree char *html = NULL;
  const char *legend, *legend_end;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *id = bp_question_get_id (bp_deck_get_question (deck, i));
      BpCardState *state = g_new0 (BpCardState, 1);

      if (expected[i].days_ago < 0)
        {
          g_free (state);
          g_hash_table_add (weak, (gpointer)id);
          continue;
        }
      *state = (BpCardState) { .memory = { 10, 5 }, .last_day = TODAY - expected[i].days_ago,
                               .first_day = TODAY - 1000, .n_reviews = 2, .last_grade = BP_GRADE_GOOD };
      g_hash_table_insert (states, (gpointer)id, state);
    }
  html = bp_progress_page_render (deck, states, events, weak, &options, NULL);
  legend = strstr (html, "progress-legend");
  g_assert_nonnull (legend);
  legend_end = strstr (legend, "</svg>");
  g_assert_nonnull (legend_end);
  g_test_message ("%.*s", (int)(legend_end - legend), legend);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *tile = tile_of (html, bp_question_get_id (bp_deck_get_question (deck, i)));
      g_autofree char *item = g_strdup_printf ("data-colour=\"%s\"", expected[i].colour);
      g_autofree char *swatch = g_strdup_printf ("style=\"fill: %s\"/><text", expected[i].colour);
      const char *at = g_strstr_len (legend, legend_end - legend, item);

      /* The tile has the colour, and the key says what it means. */
      g_assert_nonnull (strstr (tile, expected[i].colour));
      g_assert_nonnull (at);
      g_assert_nonnull (g_strstr_len (at, legend_end - at, swatch));
      g_assert_nonnull (g_strstr_len (at, strstr (at, "</g>") - at, expected[i].label));
    }
  g_assert_nonnull (g_strstr_len (legend, legend_end - legend, "Weak topic"));
  g_assert_nonnull (g_strstr_len (legend, legend_end - legend, "aria-label=\"Colour key\""));
  /* Drawn in the page's colours only: no fixed one to clash with the dark style. */
  g_assert_null (g_strstr_len (legend, legend_end - legend, "#"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/progress-page/figures", test_page);
  g_test_add_func ("/progress-page/graded-today", test_graded_today);
  g_test_add_func ("/progress-page/legend", test_legend);
  return g_test_run ();
}
