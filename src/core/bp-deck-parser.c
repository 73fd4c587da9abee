/* bp-deck-parser.c: turns a markdown deck ("### Q<n>: <question>" + answer) into a BpDeck
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-parser"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bp-deck-parser.h"
#include "bp-cmark-private.h"
#include "bp-deck-private.h"
#include "bp-question-private.h"

#define QUESTION_HEADING_LEVEL 3
#define MAX_SLUG_LENGTH 60
#define BUILTIN_DECK_PATH RESOURCE_PREFIX "deck/deep-learning.md"

G_DEFINE_QUARK (bp-deck-parser-error-quark, bp_deck_parser_error)

typedef struct
{
  const char *deck_id;
  gboolean trusted;
  char *deck_title;
  GPtrArray *questions;
  GHashTable *used_slugs;
} ParseState;

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

/**
 * bp_deck_parser_parse:
 * @deck_id: the deck's id, the first part of every question id
 * @text: the deck's markdown
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 * @trust: whether raw HTML in the deck may be rendered
 *
 * Every level-3 heading "Q<n>: <title>" starts a question; its answer is every block up
 * to the next such heading. The first level-1 heading before that names the deck.
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
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GHashTable) used_slugs = NULL;
  g_autofree char *deck_title = NULL;
  ParseState state;
  cmark_node *document;
  gboolean ok;

  g_return_val_if_fail (deck_id != NULL && *deck_id != '\0', NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (!validate_utf8 (text, length, error))
    return NULL;

  questions = g_ptr_array_new_with_free_func (g_object_unref);
  used_slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state = (ParseState) {
    .deck_id = deck_id,
    .trusted = trust == BP_DECK_TRUSTED,
    .questions = questions,
    .used_slugs = used_slugs,
  };

  document = bp_cmark_parse (text, length, CMARK_OPT_SMART);
  bp_cmark_sanitize (document);
  ok = collect_questions (&state, document, error);
  cmark_node_free (document);
  deck_title = state.deck_title;

  if (!ok)
    return NULL;

  if (questions->len == 0)
    {
      g_set_error (error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_NO_QUESTIONS,
                   _("The deck has no questions. Each question starts with a level-3 heading "
                     "such as “### Q1: What is an autoencoder?”."));
      return NULL;
    }

  return bp_deck_new (deck_id, deck_title, state.trusted, g_steal_pointer (&questions));
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
