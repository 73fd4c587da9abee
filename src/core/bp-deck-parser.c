/* bp-deck-parser.c: turns a markdown deck ("### Q<n>: <question>" + answer) into a BpDeck
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-parser"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bp-deck-parser.h"
#include "bp-deck-progress.h"
#include "bp-cmark-private.h"
#include "bp-deck-private.h"
#include "bp-deck-result-private.h"
#include "bp-deck-rules-private.h"
#include "bp-deck-titles.h"
#include "bp-question-private.h"
#include "bp-tex-private.h"

#define QUESTION_HEADING_LEVEL 3
#define MAX_SLUG_LENGTH 60
#define MAX_SUBTITLE_CHARS 60
#define BUILTIN_DECK_PATH RESOURCE_PREFIX "deck/deep-learning.md"

G_DEFINE_QUARK (bp-deck-parser-error-quark, bp_deck_parser_error)

typedef struct
{
  const char *deck_id;
  gboolean trusted;
  char *deck_title;
  GPtrArray *questions;
  GHashTable *used_slugs;
  BpDeckParseResult *result;
  BpDeckProgress *progress;   /* nullable */
  GCancellable *cancellable;  /* nullable */
  guint n_lines;              /* of the document, for the canonical rule's progress */
  double questions_from;      /* the fraction done when the first question is made */
} ParseState;

/* The share of a parse each stage takes, so that the bar moves at the pace of the clock:
 * medians of 7 parses of a generated 10,000-question deck (tests/deck-generator.h, 14.5 MB)
 * at -O2: cmark fed the bytes 50 ms, cmark_parser_finish() (the inlines) 432 ms, TeX 173 ms,
 * sanitizing 66 ms, linting 86 ms, making the questions 269 ms (1,076 ms in all). 1,000
 * questions share alike (7 / 42 / 12 / 3 / 3 / 30 ms). Two real decks (devops.md 444
 * questions, react.md 416) take 14 and 18 ms, never long enough to show a bar. */
#define FEED_WEIGHT 0.05
#define FINISH_WEIGHT 0.40
#define TEX_WEIGHT 0.16
#define SANITIZE_WEIGHT 0.06
#define LINT_WEIGHT 0.08
/* Where no "### Q<n>:" heading is found, the other rules are tried before any question is
 * made: the same deck as heading sections spent 560 ms there and 271 ms on its questions. */
#define RULES_SHARE_OF_REST 0.65

static void
advance (ParseState *state,
         double      fraction)
{
  if (state->progress != NULL)
    bp_deck_progress_advance (state->progress, fraction);
}

/* Made questions: the last stage, @done of @total. */
static void
advance_questions (ParseState *state,
                   guint       done,
                   guint       total)
{
  if (total > 0)
    advance (state, state->questions_from + (1.0 - state->questions_from) * done / total);
}

static gboolean
fed_cb (gsize    fed,
        gsize    length,
        gpointer user_data)
{
  ParseState *state = user_data;

  advance (state, FEED_WEIGHT * fed / length);
  return !g_cancellable_is_cancelled (state->cancellable);
}

/* Splits "Q12: Title" into 12 and "Title"; FALSE when the text is not a question. */
static gboolean
split_question_heading (const char  *text,
                        guint       *number,
                        const char **title)
{
  const char *p = text;
  guint64 value = 0;

  if (*p != 'Q' || !g_ascii_isdigit (p[1]))
    return FALSE;

  for (p++; g_ascii_isdigit (*p); p++)
    {
      value = value * 10 + (guint64)(*p - '0');
      if (value > G_MAXUINT)
        return FALSE;
    }

  while (*p == ' ')
    p++;
  if (*p != ':')
    return FALSE;
  p++;
  while (*p == ' ')
    p++;

  *number = (guint)value;
  *title = p;
  return TRUE;
}

static char *
slugify (const char *title)
{
  /* Compatibility forms first, so "L²" and "L¹" give "l2" and "l1", not the same "l". */
  g_autofree char *folded = g_utf8_normalize (title, -1, G_NORMALIZE_ALL);
  g_autofree char *ascii = g_str_to_ascii (folded, "C");
  g_autoptr(GString) slug = g_string_new (NULL);

  for (const char *p = ascii; *p && slug->len < MAX_SLUG_LENGTH; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  /* A title with no Latin letters or digits still needs a stable, readable-enough id. */
  if (slug->len == 0)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, title, -1);

      g_string_append_printf (slug, "q-%.12s", hash);
    }

  return g_string_free (g_steal_pointer (&slug), FALSE);
}

/* Two questions with the same title get "-2", "-3"… in document order. */
static char *
unique_question_id (ParseState *state,
                    const char *title)
{
  g_autofree char *base = slugify (title);
  char *slug = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (state->used_slugs, slug); n++)
    {
      g_free (slug);
      slug = g_strdup_printf ("%s-%u", base, n);
    }

  g_hash_table_add (state->used_slugs, slug);

  return g_strdup_printf ("%s/%s", state->deck_id, slug);
}

static gboolean
add_question (ParseState  *state,
              cmark_node  *heading,
              guint        number,
              const char  *title,
              cmark_node  *answer,
              GError     **error)
{
  g_autofree char *id = NULL;

  if (*title == '\0')
    {
      cmark_node_free (answer);
      g_set_error (error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_EMPTY_TITLE,
                   _("Question %u on line %d has no title: write it after “Q%u:”."),
                   number, cmark_node_get_start_line (heading), number);
      return FALSE;
    }

  id = unique_question_id (state, title);
  g_ptr_array_add (state->questions, bp_question_new (number, title, id, state->trusted, answer));
  _bp_deck_parse_result_add_line (state->result, cmark_node_get_start_line (heading));

  return TRUE;
}

/* A question's heading, or NULL with @number and @title unset. */
static char *
question_heading_text (cmark_node  *node,
                       guint       *number,
                       const char **title)
{
  char *text;

  if (cmark_node_get_type (node) != CMARK_NODE_HEADING ||
      cmark_node_get_heading_level (node) != QUESTION_HEADING_LEVEL)
    return NULL;

  text = bp_cmark_plain_text (node);
  if (!split_question_heading (text, number, title))
    g_clear_pointer (&text, g_free);

  return text;
}

/* Moves every block after @heading, up to the next question heading, into a new document. */
static cmark_node *
take_answer_blocks (cmark_node *heading)
{
  cmark_node *answer = cmark_node_new (CMARK_NODE_DOCUMENT);
  cmark_node *node = cmark_node_next (heading);

  while (node != NULL)
    {
      cmark_node *next = cmark_node_next (node);
      g_autofree char *text = NULL;
      const char *title;
      guint number;

      text = question_heading_text (node, &number, &title);
      if (text != NULL)
        break;

      cmark_node_unlink (node);
      cmark_node_append_child (answer, node);
      node = next;
    }

  return answer;
}

static gboolean
collect_questions (ParseState  *state,
                   cmark_node  *document,
                   GError     **error)
{
  cmark_node *node = cmark_node_first_child (document);

  while (node != NULL)
    {
      g_autofree char *text = NULL;
      const char *title;
      guint number;

      text = question_heading_text (node, &number, &title);
      if (text != NULL)
        {
          cmark_node *answer = take_answer_blocks (node);

          advance_questions (state, cmark_node_get_start_line (node), state->n_lines);

          if (!add_question (state, node, number, title, answer, error))
            return FALSE;
        }
      else if (state->deck_title == NULL &&
               cmark_node_get_type (node) == CMARK_NODE_HEADING &&
               cmark_node_get_heading_level (node) == 1)
        {
          state->deck_title = bp_cmark_plain_text (node);
        }

      node = cmark_node_next (node);
    }

  return TRUE;
}

static gboolean
validate_utf8 (const char  *text,
               gsize        length,
               GError     **error)
{
  const char *end;
  int line = 1;

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;

  for (const char *p = text; p < end; p++)
    if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
      line++;

  g_set_error (error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_INVALID_UTF8,
               _("The deck is not UTF-8 text: line %d holds bytes that are not. "
                 "Save the file as UTF-8 and open it again."),
               line);
  return FALSE;
}

/* Front matter ("---" YAML at the top) is no markdown: its lines become blank lines,
 * so every line keeps its number for the warnings. */
static char *
blank_front_matter (const char *text,
                    gsize       length)
{
  char *copy = g_strndup (text, length);
  const char *end;

  if (!g_str_has_prefix (copy, "---\n") && !g_str_has_prefix (copy, "---\r\n"))
    return copy;

  for (end = strchr (copy, '\n'); end != NULL; end = strchr (end + 1, '\n'))
    if (g_str_has_prefix (end + 1, "---") || g_str_has_prefix (end + 1, "..."))
      {
        const char *after = end + 4;

        if (*after == '\n' || *after == '\r' || *after == '\0')
          break;
      }
  if (end == NULL)
    return copy;

  for (char *p = copy; p < end + 4; p++)
    if (*p != '\n' && *p != '\r')
      *p = ' ';

  return copy;
}

/* The text of an <h1> in raw HTML, as READMEs centre their title. */
static char *
html_level_1_heading (cmark_node *block)
{
  const char *html = cmark_node_get_literal (block);
  const char *start = strstr (html, "<h1");
  const char *end;

  if (start == NULL || (start = strchr (start, '>')) == NULL || (end = strstr (start, "</h1>")) == NULL)
    return NULL;

  return bp_deck_html_plain_text (start + 1, end - start - 1);
}

static char *
first_level_1_heading (cmark_node *document)
{
  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      g_autofree char *title = NULL;

      if (cmark_node_get_type (node) == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) == 1)
        title = bp_cmark_plain_text (node);
      else if (cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK)
        title = html_level_1_heading (node);

      if (title != NULL && *title != '\0')
        return g_steal_pointer (&title);
    }

  return NULL;
}

/* Whether most of @found's titles ask a question: headings that do are the questions, and
 * bold numbers under them are the steps of their answers. */
static gboolean
most_ask (GPtrArray *found)
{
  guint n_asking = 0;

  for (guint i = 0; i < found->len; i++)
    n_asking += bp_deck_title_looks_like_question (((BpFoundQuestion *)g_ptr_array_index (found, i))->title);

  return found->len > 0 && n_asking * 2 > found->len;
}

/* A deck that is a glossary, or a list of questions without answers: when no rule reads
 * a deck of questions with answers. */
static GPtrArray *
choose_question_lists (cmark_node *document,
                       GPtrArray  *best,
                       BpDeckRule *rule)
{
  g_autoptr(GPtrArray) rows = bp_deck_rules_find_tables (document);
  g_autoptr(GPtrArray) lists = NULL;
  GPtrArray *kept = bp_deck_rules_keep_tables (rows, best);

  if (kept != NULL)
    {
      g_ptr_array_unref (best);
      *rule = BP_DECK_RULE_TABLES;
      return kept;
    }

  lists = bp_deck_rules_find_question_lists (document);
  kept = bp_deck_rules_keep_question_lists (lists, best);
  if (kept == NULL)
    return best;

  g_ptr_array_unref (best);
  *rule = BP_DECK_RULE_QUESTION_LIST;
  return kept;
}

/* Tries every rule on the tree without changing it: the canonical one when the deck
 * has a single "### Q<n>:" heading; else the one that finds most questions, in the
 * order below on a tie. Bold paragraphs compete with headings only when they ask, and
 * then need twice as many: headings over bold questions are then their categories. */
static GPtrArray *
choose_rule (cmark_node *document,
             BpDeckRule *rule,
             int        *level)
{
  GPtrArray *candidates[] = {
    [BP_DECK_RULE_HEADINGS] = bp_deck_rules_find_headings (document, level),
    [BP_DECK_RULE_DETAILS] = bp_deck_rules_find_details (document),
    [BP_DECK_RULE_LIST_ITEMS] = bp_deck_rules_find_list_items (document),
    [BP_DECK_RULE_BOLD] = NULL,
  };
  BpDeckRule best = BP_DECK_RULE_HEADINGS;
  guint n_headings;

  n_headings = candidates[BP_DECK_RULE_HEADINGS]->len;
  candidates[BP_DECK_RULE_BOLD] = bp_deck_rules_find_bold (document, n_headings > 0,
                                                           !most_ask (candidates[BP_DECK_RULE_HEADINGS]));
  for (BpDeckRule r = BP_DECK_RULE_DETAILS; r <= BP_DECK_RULE_BOLD; r++)
    if (candidates[r]->len > candidates[best]->len &&
        (r != BP_DECK_RULE_BOLD || candidates[r]->len > 2 * n_headings))
      best = r;

  for (BpDeckRule r = BP_DECK_RULE_HEADINGS; r <= BP_DECK_RULE_BOLD; r++)
    if (r != best)
      g_ptr_array_unref (candidates[r]);

  *rule = best;
  return choose_question_lists (document, candidates[best], rule);
}

/* Fills @contexts, in step with the questions, with what tells each from questions of
 * its title when its answer cannot: its section, or %NULL. */
static void
add_found_questions (ParseState *state,
                     GPtrArray  *found,
                     GPtrArray  *contexts)
{
  for (guint i = 0; i < found->len; i++)
    {
      BpFoundQuestion *question = g_ptr_array_index (found, i);
      guint number = question->numbered ? question->number : state->questions->len + 1;
      g_autofree char *id = NULL;
      BpQuestion *made;

      advance_questions (state, i, found->len);
      if (*question->title == '\0')
        continue;

      id = unique_question_id (state, question->title);
      made = bp_question_new (number, question->title, id, state->trusted,
                              bp_found_question_take_answer (question));
      if (question->subtitle != NULL)
        bp_question_set_subtitle (made, question->subtitle);
      g_ptr_array_add (state->questions, made);
      g_ptr_array_add (contexts, g_strdup (question->context));
      _bp_deck_parse_result_add_line (state->result, question->line);
    }
}

/* Questions of one title are told apart by what follows it, else by their section;
 * a sub-question keeps the question or topic it comes under. */
static void
add_subtitles (GPtrArray *questions,
               GPtrArray *contexts)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < questions->len; i++)
    {
      const char *title = bp_question_get_title (g_ptr_array_index (questions, i));

      g_hash_table_insert (counts, (char *)title,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, title)) + 1));
    }

  for (guint i = 0; i < questions->len; i++)
    {
      BpQuestion *question = g_ptr_array_index (questions, i);
      g_autofree char *subtitle = NULL;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, bp_question_get_title (question))) < 2)
        continue;
      subtitle = bp_deck_rules_first_words (bp_question_get_answer_document (question), MAX_SUBTITLE_CHARS);
      if (*subtitle == '\0' && contexts != NULL && g_ptr_array_index (contexts, i) != NULL)
        {
          g_free (subtitle);
          subtitle = g_strdup (g_ptr_array_index (contexts, i));
        }
      if (*subtitle != '\0' || *bp_question_get_subtitle (question) == '\0')
        bp_question_set_subtitle (question, subtitle);
    }
}

static gboolean
read_questions (ParseState  *state,
                cmark_node  *document,
                GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) contexts = NULL;
  BpDeckRule rule;
  int level = 0;

  if (!collect_questions (state, document, error))
    return FALSE;

  if (state->questions->len > 0)
    {
      _bp_deck_parse_result_set_rule (state->result, BP_DECK_RULE_CANONICAL, QUESTION_HEADING_LEVEL);
      add_subtitles (state->questions, NULL);
      return TRUE;
    }

  contexts = g_ptr_array_new_with_free_func (g_free);
  found = choose_rule (document, &rule, &level);
  state->questions_from += (1.0 - state->questions_from) * RULES_SHARE_OF_REST;
  advance (state, state->questions_from);
  _bp_deck_parse_result_set_rule (state->result, rule, rule == BP_DECK_RULE_HEADINGS ? level : 0);
  add_found_questions (state, found, contexts);
  add_subtitles (state->questions, contexts);
  return TRUE;
}

/* The lines of @text, for the progress of the canonical rule, which walks by line. */
static guint
count_lines (const char *text,
             gsize       length)
{
  guint n = 1;

  for (const char *p = text; (p = memchr (p, '\n', text + length - p)) != NULL; p++)
    n++;
  return n;
}

/* The passes over the whole tree before any rule reads it, each advancing the progress.
 * Returns: %FALSE when the parse was stopped: a Stop is heard between passes too. */
static gboolean
run_tree_passes (ParseState *state,
                 cmark_node *document,
                 const char *markdown,
                 gsize       length)
{
  double done = FEED_WEIGHT + FINISH_WEIGHT;

  advance (state, done);
  if (g_cancellable_is_cancelled (state->cancellable))
    return FALSE;
  if (!state->trusted)
    _bp_tex_restore_escapes (document, markdown, length);
  advance (state, done += TEX_WEIGHT);
  if (g_cancellable_is_cancelled (state->cancellable))
    return FALSE;
  bp_cmark_sanitize (document);
  advance (state, done += SANITIZE_WEIGHT);
  if (g_cancellable_is_cancelled (state->cancellable))
    return FALSE;
  _bp_deck_parse_result_lint_document (state->result, document, markdown);
  advance (state, done += LINT_WEIGHT);
  state->questions_from = done;
  return !g_cancellable_is_cancelled (state->cancellable);
}

static BpDeckParseResult *
parse_deck (const char      *deck_id,
            const char      *text,
            gsize            length,
            BpDeckTrust      trust,
            BpDeckProgress  *progress,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(BpDeckParseResult) result = _bp_deck_parse_result_new ();
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) used_slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *deck_title = NULL;
  g_autofree char *markdown = NULL;
  ParseState state = {
    .deck_id = deck_id,
    .trusted = trust == BP_DECK_TRUSTED,
    .questions = questions,
    .used_slugs = used_slugs,
    .result = result,
    .progress = progress,
    .cancellable = cancellable,
    .n_lines = progress != NULL ? count_lines (text, length) : 0,
  };
  cmark_node *document;
  gboolean stopped, ok;

  markdown = blank_front_matter (text, length);
  document = bp_cmark_parse_in_chunks (markdown, length, CMARK_OPT_SMART, fed_cb, &state);
  if (document == NULL)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  stopped = !run_tree_passes (&state, document, markdown, length);
  ok = !stopped && read_questions (&state, document, error);
  deck_title = state.deck_title != NULL ? g_steal_pointer (&state.deck_title) : first_level_1_heading (document);
  cmark_node_free (document);

  if (stopped || (ok && g_cancellable_is_cancelled (cancellable)))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  if (!ok)
    return NULL;

  if (questions->len == 0)
    {
      g_set_error (error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_NO_QUESTIONS,
                   _("The deck has no questions: no heading, list item, <details>, bold "
                     "paragraph or table of terms here asks one. Start each question with a "
                     "level-3 heading such as “### Q1: What is an autoencoder?”."));
      return NULL;
    }

  _bp_deck_parse_result_set_deck (result, bp_deck_new (deck_id, deck_title, state.trusted,
                                                       g_steal_pointer (&questions)));
  advance (&state, 1.0);
  return g_steal_pointer (&result);
}

/**
 * bp_deck_parser_parse_full:
 * @deck_id: the deck's id, the first part of every question id
 * @text: the deck's markdown
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 * @trust: whether raw HTML in the deck may be rendered as it is
 *
 * Every level-3 heading "Q<n>: <title>" starts a question; its answer is every block up
 * to the next such heading. A deck with no such heading is read by the rule that finds
 * its questions best (see #BpDeckRule). The first level-1 heading names the deck.
 *
 * Returns: (transfer full): the deck, the rule and the warnings, or %NULL with @error set.
 */
BpDeckParseResult *
bp_deck_parser_parse_full (const char   *deck_id,
                           const char   *text,
                           gssize        length,
                           BpDeckTrust   trust,
                           GError      **error)
{
  g_return_val_if_fail (deck_id != NULL && *deck_id != '\0', NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (!validate_utf8 (text, length, error))
    return NULL;

  return parse_deck (deck_id, text, length, trust, NULL, NULL, error);
}

/**
 * bp_deck_parser_parse_with_progress:
 * @progress: (nullable): advanced from 0 to 1 as the parse goes
 * @cancellable: (nullable): heard between chunks of the bytes, between passes over the
 *   tree and at the end
 *
 * bp_deck_parser_parse(), for a parse in a worker that a window shows and can stop.
 *
 * Returns: (transfer full): the deck, or %NULL with @error set (%G_IO_ERROR_CANCELLED
 *   when stopped)
 */
BpDeck *
bp_deck_parser_parse_with_progress (const char      *deck_id,
                                    const char      *text,
                                    gsize            length,
                                    BpDeckTrust      trust,
                                    BpDeckProgress  *progress,
                                    GCancellable    *cancellable,
                                    GError         **error)
{
  g_autoptr(BpDeckParseResult) result = NULL;

  g_return_val_if_fail (deck_id != NULL && *deck_id != '\0', NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (!validate_utf8 (text, length, error))
    return NULL;

  result = parse_deck (deck_id, text, length, trust, progress, cancellable, error);
  return result != NULL ? g_object_ref (bp_deck_parse_result_get_deck (result)) : NULL;
}

/**
 * bp_deck_parser_parse:
 *
 * bp_deck_parser_parse_full(), for the deck alone.
 *
 * Returns: (transfer full): the deck, or %NULL with @error set.
 */
BpDeck *
bp_deck_parser_parse (const char   *deck_id,
                      const char   *text,
                      gssize        length,
                      BpDeckTrust   trust,
                      GError      **error)
{
  g_autoptr(BpDeckParseResult) result = NULL;

  result = bp_deck_parser_parse_full (deck_id, text, length, trust, error);
  if (result == NULL)
    return NULL;

  return g_object_ref (bp_deck_parse_result_get_deck (result));
}

/**
 * bp_deck_parser_check_bytes:
 *
 * What can be told of a file before parsing it: that it is empty, too large, or binary.
 *
 * Returns: whether @text may be a deck; %FALSE with @error set when it is not.
 */
gboolean
bp_deck_parser_check_bytes (const char  *text,
                            gsize        length,
                            GError     **error)
{
  gsize blank = 0;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  while (blank < length && g_ascii_isspace (text[blank]))
    blank++;

  if (blank == length)
    {
      g_set_error (error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_EMPTY,
                   _("The file is empty: a deck is markdown with a heading for each question."));
      return FALSE;
    }

  if (length > BP_DECK_MAX_SIZE)
    {
      g_set_error (error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_TOO_LARGE,
                   _("The file is %.0f MB; a deck is at most %d MB. Split it into smaller decks."),
                   length / (1024.0 * 1024.0), BP_DECK_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  /* Text never holds a NUL byte; images, archives and programs always do. */
  if (memchr (text, '\0', MIN (length, (gsize)64 * 1024)) != NULL)
    {
      g_set_error (error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_BINARY,
                   _("The file is binary, not markdown text: open a .md file."));
      return FALSE;
    }

  return TRUE;
}

/**
 * bp_deck_parser_parse_builtin:
 *
 * Returns: (transfer full): the deck compiled into the program, or %NULL with @error set.
 */
BpDeck *
bp_deck_parser_parse_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *text;

  bytes = g_resources_lookup_data (BUILTIN_DECK_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_NOT_FOUND,
                   _("The built-in deck is missing from this build of Backprop (%s)."),
                   local_error->message);
      return NULL;
    }

  text = g_bytes_get_data (bytes, &size);
  return bp_deck_parser_parse (BP_BUILTIN_DECK_ID, text, size, BP_DECK_TRUSTED, error);
}
