/* bp-progress-page.c: a deck's progress page: recall tiles, due counts, review calendar, streak, retention (pure)
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-progress-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-progress-page.h"
#include "bp-review-replay.h"

/*
 * Everything the page shows comes from what the caller passes: the deck, the replayed states,
 * the log's events and "today". The drawing is inline SVG coloured by the page's --figure-*
 * variables, as the figures are, so one page serves the light and the dark style.
 */

#define TILES_PER_ROW 16
#define TILE 22
#define TILE_GAP 4
#define CELL 12
#define CELL_GAP 2

/**
 * bp_progress_colour:
 * @recall: a probability of recall; negative for a question never studied
 *
 * Returns: the CSS colour of a tile recalled with that probability
 */
const char *
bp_progress_colour (double recall)
{
  if (recall < 0)
    return "var(--figure-muted)";
  if (recall >= 0.9)
    return "var(--figure-green)";
  if (recall >= 0.8)
    return "var(--figure-blue)";
  if (recall >= 0.7)
    return "var(--figure-orange)";
  return "var(--figure-red)";
}

/*
 * A tile's colour is today's recall, but for a question graded today: right after any
 * grade, Again too, FSRS's recall is 100 % (the answer was just seen), which would paint a
 * question forgotten an hour ago green. What the user told us today says more: Again is
 * red (forgotten today), Hard orange (recalled with difficulty), Good and Easy the recall
 * (green). From the next day on, the model's recall decides again.
 */
static const char *
tile_colour (const BpCardState       *state,
             double                   recall,
             const BpProgressOptions *options)
{
  if (state == NULL || state->last_day != options->today)
    return bp_progress_colour (recall);
  if (state->last_grade == BP_GRADE_AGAIN)
    return bp_progress_colour (0);
  if (state->last_grade == BP_GRADE_HARD)
    return "var(--figure-orange)";
  return bp_progress_colour (recall);
}

static char *
dup_tooltip (const char              *title,
             const BpCardState       *state,
             double                   recall,
             const BpProgressOptions *options)
{
  if (state == NULL)
    /* Translators: a progress tile's tooltip: the question, then its state */
    return g_strdup_printf (_("%s: not studied yet"), title);
  if (state->last_day == options->today && state->last_grade == BP_GRADE_AGAIN)
    /* Translators: a progress tile's tooltip, for a question graded Again today */
    return g_strdup_printf (_("%s: forgotten today"), title);
  if (state->last_day == options->today && state->last_grade == BP_GRADE_HARD)
    /* Translators: a progress tile's tooltip, for a question graded Hard today */
    return g_strdup_printf (_("%s: recalled with difficulty today"), title);
  if (options->interview_day != BP_STUDY_QUEUE_NO_INTERVIEW)
    /* Translators: a progress tile's tooltip: "Why batch norm?: recall 93 % today, 71 % on the interview day" */
    return g_strdup_printf (_("%s: recall %.0f %% today, %.0f %% on the interview day"), title,
                            recall * 100,
                            bp_queue_forecast (options->parameters, state, options->interview_day) * 100);
  /* Translators: a progress tile's tooltip: "Why batch norm?: recall 93 % today" */
  return g_strdup_printf (_("%s: recall %.0f %% today"), title, recall * 100);
}

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  const BpReviewEvent *x = *(BpReviewEvent **)a, *y = *(BpReviewEvent **)b;

  return (x->time_us > y->time_us) - (x->time_us < y->time_us);
}

/* True retention: of the reviews of questions studied on an earlier day (due reviews, not
 * first sight nor a same-day relearning), the share not graded Again. */
static void
count_retention (GPtrArray               *grades,
                 const BpProgressOptions *options,
                 BpProgressFigures       *figures)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 first_day = options->today - BP_PROGRESS_RETENTION_DAYS + 1;

  for (guint i = 0; i < grades->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (grades, i);
      gint64 day = bp_review_day (event->time_us, options->day_offset_us);
      gboolean again_seen = !g_hash_table_add (seen, event->question_id);

      if (!again_seen || event->elapsed_days < 1 || day < first_day || day > options->today)
        continue;
      figures->n_retention_reviews++;
      figures->n_retention_passed += event->grade != BP_GRADE_AGAIN;
    }
  figures->true_retention = figures->n_retention_reviews > 0
                              ? (double)figures->n_retention_passed / figures->n_retention_reviews
                              : -1;
}

/* Days in a row with a review, back from today; a day not studied yet does not break it. */
static guint
count_streak (GHashTable *per_day,
              gint64      today)
{
  gint64 day = g_hash_table_contains (per_day, &today) ? today : today - 1;
  guint streak = 0;

  while (g_hash_table_contains (per_day, &day))
    {
      streak++;
      day--;
    }
  return streak;
}

static GHashTable *
count_per_day (GPtrArray               *grades,
               const BpProgressOptions *options)
{
  GHashTable *per_day = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < grades->len; i++)
    {
      BpReviewEvent *event = g_ptr_array_index (grades, i);
      gint64 day = bp_review_day (event->time_us, options->day_offset_us);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_day, &day));

      if (n == 0)
        g_hash_table_insert (per_day, g_memdup2 (&day, sizeof day), GUINT_TO_POINTER (1));
      else
        g_hash_table_insert (per_day, g_memdup2 (&day, sizeof day), GUINT_TO_POINTER (n + 1));
    }
  return per_day;
}

static void
append_tile (GString                 *html,
             BpQuestion              *question,
             guint                    index,
             const BpCardState       *state,
             gboolean                 weak,
             const BpProgressOptions *options)
{
  double recall = -1;
  g_autofree char *href = g_uri_escape_string (bp_question_get_id (question), "/", FALSE);
  g_autofree char *title = g_markup_escape_text (bp_question_get_title (question), -1);
  g_autofree char *tip = NULL;
  guint x = (index % TILES_PER_ROW) * (TILE + TILE_GAP), y = (index / TILES_PER_ROW) * (TILE + TILE_GAP);

  if (state != NULL)
    recall = bp_fsrs_retrievability (options->parameters,
                                     (double)MAX (options->today - state->last_day, 0),
                                     state->memory.stability);
  tip = dup_tooltip (title, state, recall, options);

  g_string_append_printf (html,
                          "<a href=\"backprop://deck/%s\" class=\"tile-link\"><title>%s</title>"
                          "<rect class=\"tile%s\" data-question=\"%s\" data-recall=\"%.4f\" "
                          "x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\" rx=\"4\" style=\"fill: %s\"/>",
                          href, tip, weak ? " weak" : "", href, recall, x, y, TILE, TILE,
                          tile_colour (state, recall, options));
  if (weak)
    g_string_append_printf (html, "<circle class=\"weak-mark\" cx=\"%u\" cy=\"%u\" r=\"3\" "
                            "style=\"fill: var(--figure-fg)\"/>", x + TILE - 6, y + 6);
  g_string_append (html, "</a>\n");
}

static void
append_tiles (GString                 *html,
              BpDeck                  *deck,
              GHashTable              *states,
              GHashTable              *weak_ids,
              const BpProgressOptions *options,
              BpProgressFigures       *figures)
{
  guint n = bp_deck_get_n_questions (deck);
  guint rows = (n + TILES_PER_ROW - 1) / TILES_PER_ROW;
  guint width = TILES_PER_ROW * (TILE + TILE_GAP), height = MAX (rows, 1) * (TILE + TILE_GAP);
  g_autofree char *label = g_markup_escape_text (_("Every question, coloured by today’s recall"), -1);

  g_string_append_printf (html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-figure progress-tiles\" "
                          "role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %u %u\" width=\"%u\" height=\"%u\">\n",
                          label, width, height, width, height);
  for (guint i = 0; i < n; i++)
    {
      BpQuestion *question = bp_deck_get_question (deck, i);
      const char *id = bp_question_get_id (question);
      const BpCardState *state = g_hash_table_lookup (states, id);
      gboolean weak = weak_ids != NULL && g_hash_table_contains (weak_ids, id);
      BpQueueOptions queue;

      append_tile (html, question, i, state, weak, options);
      if (state == NULL)
        continue;
      bp_queue_options_init (&queue, options->today);
      queue.retention = options->retention;
      queue.interview_day = options->interview_day;
      figures->n_due_today += bp_queue_due_day (&queue, options->parameters, state) <= options->today;
      figures->n_due_week += bp_queue_due_day (&queue, options->parameters, state) < options->today + 7;
    }
  g_string_append (html, "</svg>\n");
}

/* What each tile colour means, drawn as the tiles are (the same --figure-* colours, from
 * the same function), so the key follows the style and never says another colour. */
static void
append_legend (GString *html)
{
  const struct { const char *colour; const char *label; } keys[] = {
    /* Translators: the Progress page's colour key */
    { bp_progress_colour (0.95), N_("Recalled: 90 % or more") },
    { bp_progress_colour (0.85), N_("Lower recall: 80 to 90 %") },
    { bp_progress_colour (0.75), N_("70 to 80 %, or hard today") },
    { bp_progress_colour (0), N_("Below 70 %, or forgotten today") },
    { bp_progress_colour (-1), N_("Not studied yet") },
  };
  guint n = G_N_ELEMENTS (keys) + 1, line = CELL + 2 * CELL_GAP;
  g_autofree char *label = g_markup_escape_text (_("Colour key"), -1);
  g_autofree char *weak = g_markup_escape_text (_("Weak topic"), -1);

  g_string_append_printf (html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-figure progress-legend\" "
                          "role=\"img\" aria-label=\"%s\" viewBox=\"0 0 320 %u\" width=\"320\" height=\"%u\">\n",
                          label, n * line, n * line);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *text = g_markup_escape_text (_(keys[i].label), -1);

      g_string_append_printf (html, "<g class=\"legend-item\" data-colour=\"%s\"><rect x=\"0\" y=\"%u\" "
                              "width=\"%u\" height=\"%u\" rx=\"2\" style=\"fill: %s\"/>"
                              "<text x=\"%u\" y=\"%u\" style=\"fill: var(--figure-fg); font-size: 12px\">%s</text></g>\n",
                              keys[i].colour, i * line, CELL, CELL, keys[i].colour, CELL + 6,
                              i * line + CELL - 1, text);
    }
  g_string_append_printf (html, "<g class=\"legend-item weak\"><circle cx=\"%u\" cy=\"%u\" r=\"3\" "
                          "style=\"fill: var(--figure-fg)\"/><text x=\"%u\" y=\"%u\" "
                          "style=\"fill: var(--figure-fg); font-size: 12px\">%s</text></g>\n</svg>\n",
                          CELL / 2, (n - 1) * line + CELL / 2, CELL + 6, (n - 1) * line + CELL - 1, weak);
}

/* 26 weeks of days, a column a week, today in the last one. */
static void
append_calendar (GString                 *html,
                 GHashTable              *per_day,
                 const BpProgressOptions *options)
{
  guint width = BP_PROGRESS_WEEKS * (CELL + CELL_GAP), height = 7 * (CELL + CELL_GAP);
  gint64 first = options->today - (BP_PROGRESS_WEEKS * 7 - 1);
  g_autofree char *label = g_markup_escape_text (_("Reviews a day, the last 26 weeks"), -1);

  g_string_append_printf (html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-figure progress-calendar\" "
                          "role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %u %u\" width=\"%u\" height=\"%u\">\n",
                          label, width, height, width, height);
  for (gint64 day = first; day <= options->today; day++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_day, &day));
      guint i = (guint)(day - first);
      double opacity = n == 0 ? 0.15 : n < 5 ? 0.45 : n < 10 ? 0.7 : 1.0;

      g_string_append_printf (html, "<rect class=\"day\" data-day=\"%" G_GINT64_FORMAT "\" data-count=\"%u\" "
                              "x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\" rx=\"2\" "
                              "style=\"fill: var(%s); fill-opacity: %.2f\"><title>%u</title></rect>\n",
                              day, n, (i / 7) * (CELL + CELL_GAP), (i % 7) * (CELL + CELL_GAP),
                              CELL, CELL, n == 0 ? "--figure-muted" : "--figure-green", opacity, n);
    }
  g_string_append (html, "</svg>\n");
}

static void
append_figures (GString                 *html,
                const BpProgressFigures *figures,
                const BpProgressOptions *options)
{
  g_autofree char *due = g_strdup_printf (_("Due today: %u · this week: %u"),
                                          figures->n_due_today, figures->n_due_week);
  g_autofree char *streak = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Streak: %u day",
                                                          "Streak: %u days", figures->streak),
                                             figures->streak);
  g_autofree char *retention = NULL;

  if (figures->true_retention < 0)
    retention = g_strdup_printf (_("True retention, last 30 days: no due reviews yet (desired %.0f %%)"),
                                 options->retention * 100);
  else
    /* Translators: "True retention, last 30 days: 88 % of 25 reviews (desired 90 %)" */
    retention = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "True retention, last 30 days: %.0f %% of %u review (desired %.0f %%)",
                                              "True retention, last 30 days: %.0f %% of %u reviews (desired %.0f %%)",
                                              figures->n_retention_reviews),
                                 figures->true_retention * 100, figures->n_retention_reviews,
                                 options->retention * 100);
  g_string_append_printf (html, "<p class=\"progress-due\">%s</p>\n<p class=\"progress-streak\">%s</p>\n"
                          "<p class=\"progress-retention\">%s</p>\n", due, streak, retention);
}

/**
 * bp_progress_page_render:
 * @states: (element-type utf8 BpCardState): each graded question's state
 * @events: (element-type BpReviewEvent): the review log's events, undos too
 * @weak_ids: (nullable): the question ids marked weak topics, as a set
 * @figures: (out) (optional): the numbers the page shows
 *
 * Returns: (transfer full): the page's body: the tiles (each a link to its question), due
 *   counts, the calendar of the last 26 weeks, the streak and the true retention
 */
char *
bp_progress_page_render (BpDeck                  *deck,
                         GHashTable              *states,
                         GPtrArray               *events,
                         GHashTable              *weak_ids,
                         const BpProgressOptions *options,
                         BpProgressFigures       *figures)
{
  g_autoptr(GPtrArray) grades = bp_review_kept_grades (events);
  g_autoptr(GHashTable) per_day = NULL;
  GString *html = g_string_new (NULL);
  BpProgressFigures local = { 0 };

  g_return_val_if_fail (BP_IS_DECK (deck), NULL);

  g_ptr_array_sort (grades, compare_time);
  per_day = count_per_day (grades, options);
  count_retention (grades, options, &local);
  local.streak = count_streak (per_day, options->today);

  g_string_append_printf (html, "<section class=\"progress\">\n<h2>%s</h2>\n", _("Recall today"));
  append_tiles (html, deck, states, weak_ids, options, &local);
  append_legend (html);
  append_figures (html, &local, options);
  g_string_append_printf (html, "<h2>%s</h2>\n", _("Reviews"));
  append_calendar (html, per_day, options);
  g_string_append (html, "</section>\n");

  if (figures != NULL)
    *figures = local;
  return g_string_free (html, FALSE);
}
