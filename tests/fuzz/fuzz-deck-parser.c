/* fuzz-deck-parser.c: libFuzzer target for the deck parser, trusted and untrusted
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bp-cmark-private.h"
#include "bp-deck-parser.h"
#include "bp-question-private.h"
#include "fuzz-target.h"

#define FUZZ_DECK_ID "fuzz"

/* However deep the markdown nests, the answer holds no more than the web view can lay out
 * quickly. */
static void
check_nesting (cmark_node *answer)
{
  cmark_iter *iter = cmark_iter_new (answer);
  cmark_event_type event;
  int blocks = 0, inlines = 0;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      int step = event == CMARK_EVENT_ENTER ? 1 : event == CMARK_EVENT_EXIT ? -1 : 0;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_LIST:
        case CMARK_NODE_BLOCK_QUOTE:
          blocks += step;
          break;

        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          inlines += step;
          break;

        default:
          break;
        }
      g_assert_cmpint (blocks, <=, BP_CMARK_MAX_NESTING);
      g_assert_cmpint (inlines, <=, BP_CMARK_MAX_NESTING);
    }
  cmark_iter_free (iter);
}

/* What every deck the parser returns must satisfy, whatever its text. */
static void
check_deck (BpDeck *deck)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = bp_deck_get_n_questions (deck);

  g_assert_cmpuint (n, >, 0);
  g_assert_true (g_utf8_validate (bp_deck_get_title (deck), -1, NULL));

  for (guint i = 0; i < n; i++)
    {
      BpQuestion *question = bp_deck_get_question (deck, i);
      const char *id = bp_question_get_id (question);
      const char *title = bp_question_get_title (question);

      g_assert_true (g_utf8_validate (title, -1, NULL));
      g_assert_cmpstr (title, !=, "");
      g_assert_true (g_str_has_prefix (id, FUZZ_DECK_ID "/"));
      g_assert_true (g_utf8_validate (id, -1, NULL));
      /* Ids key the study data: one id, one question. */
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (char *)id);
      g_assert_true (bp_deck_find_by_id (deck, id) == question);
      check_nesting (bp_question_get_answer_document (question));
    }
  g_assert_null (bp_deck_get_question (deck, n));
}

static void
parse_and_check (const char  *text,
                 size_t       size,
                 BpDeckTrust  trust)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse (FUZZ_DECK_ID, text, size, trust, &error);

  /* Either a deck or an error a person can read, never both, never neither. */
  g_assert_true ((deck == NULL) != (error == NULL));
  if (deck != NULL)
    check_deck (deck);
  else
    g_assert_true (error->domain == BP_DECK_PARSER_ERROR && *error->message != '\0');
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
  /* The parser takes a length: the input is deliberately not nul-terminated. */
  parse_and_check ((const char *)data, size, BP_DECK_UNTRUSTED);
  parse_and_check ((const char *)data, size, BP_DECK_TRUSTED);

  return 0;
}
