/* test-deck-shapes.c: the shapes real-world decks take, and GitHub-flavoured markdown in them
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-deck-parser.h"
#include "bp-page-renderer.h"

#define TEST_DECK_ID "test"

static BpDeck *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  BpDeck *deck = bp_deck_parser_parse (TEST_DECK_ID, text, -1, BP_DECK_UNTRUSTED, &error);

  g_assert_no_error (error);
  g_assert_true (BP_IS_DECK (deck));
  return deck;
}

static BpQuestion *
question_at (BpDeck *deck,
             guint   position)
{
  BpQuestion *question = bp_deck_get_question (deck, position);

  g_assert_nonnull (question);
  return question;
}

static const char *
title_at (BpDeck *deck,
          guint   position)
{
  return bp_question_get_title (question_at (deck, position));
}

static const char *
answer_html (BpDeck *deck,
             guint   position)
{
  return bp_answer_document_get_html (bp_question_get_document (question_at (deck, position)));
}

/* GitHub-flavoured markdown */

static void
test_gfm_table (void)
{
  g_autoptr(BpDeck) deck = parse_ok ("### Q1: Joins\n\n"
                                     "| join | keeps |\n"
                                     "| --- | :-: |\n"
                                     "| inner | matches |\n");
  const char *html = answer_html (deck, 0);

  g_assert_nonnull (strstr (html, "<table>"));
  g_assert_nonnull (strstr (html, "<th>join</th>"));
  g_assert_nonnull (strstr (html, "<td align=\"center\">matches</td>"));
}

static void
test_gfm_task_list (void)
{
  g_autoptr(BpDeck) deck = parse_ok ("### Q1: Which are true?\n\n"
                                     "- [x] the right one\n"
                                     "- [ ] the wrong one\n");
  const char *html = answer_html (deck, 0);

  g_assert_nonnull (strstr (html, "checked=\"\" disabled=\"\""));
  g_assert_nonnull (strstr (html, "the right one"));
  g_assert_null (strstr (html, "[x]"));
  g_assert_null (strstr (html, "[ ]"));
}

static void
test_gfm_strikethrough_autolink (void)
{
  g_autoptr(BpDeck) deck = parse_ok ("### Q1: Links\n\n"
                                     "~~wrong~~ right, about ~5 and ~10 minutes; see www.example.com\n");
  const char *html = answer_html (deck, 0);

  g_assert_nonnull (strstr (html, "<del>wrong</del>"));
  /* A lone tilde means "about" far more often than it strikes. */
  g_assert_nonnull (strstr (html, "about ~5 and ~10 minutes"));
  g_assert_nonnull (strstr (html, "<a href=\"http://www.example.com\">www.example.com</a>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck-shapes/gfm/table", test_gfm_table);
  g_test_add_func ("/deck-shapes/gfm/task-list", test_gfm_task_list);
  g_test_add_func ("/deck-shapes/gfm/strikethrough-autolink", test_gfm_strikethrough_autolink);

  return g_test_run ();
}
