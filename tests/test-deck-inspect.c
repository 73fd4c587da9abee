/* test-deck-inspect.c: the report "backprop --inspect" prints, and the files it refuses
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-deck-inspect.h"
#include "bp-deck-parser.h"

static char *
inspect_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *report = bp_deck_inspect ("sql.md", text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_report (void)
{
  g_autofree char *report = inspect_ok ("# SQL\n\n"
                                        "## Q7: What is a join?\n\nIt combines rows.\n\n"
                                        "## What is an index?\n\n"
                                        "## What is a view?\n\n```sql\nCREATE VIEW v AS SELECT 1;\n");
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "Deck: SQL");
  g_assert_cmpstr (lines[1], ==, "Rule: headings with text under them, level 2");
  g_assert_cmpstr (lines[2], ==, "Q7    line 3      What is a join? (17 characters)");
  g_assert_cmpstr (lines[3], ==, "Q2    line 7      What is an index? (0 characters) empty-answer");
  g_assert_true (g_str_has_prefix (lines[4], "Q3    line 9      What is a view? ("));
  g_assert_cmpstr (lines[5], ==, "Warnings:");
  g_assert_true (g_str_has_prefix (lines[6], "  line 7: “What is an index?” has no answer"));
  g_assert_true (g_str_has_prefix (lines[7], "  line 11: A code block opens here and is never closed"));
  g_assert_cmpstr (lines[8], ==, "3 questions, 1 without an answer");
  g_assert_cmpstr (lines[9], ==, "");
  g_assert_null (lines[10]);
}

static void
test_file_name_title (void)
{
  g_autofree char *report = inspect_ok ("### Q1: One\n\nA.\n\n### Q2: One\n\nB.\n");

  g_assert_true (g_str_has_prefix (report, "Deck: sql.md\nRule: “### Q<n>: title” headings, level 3\n"));
  g_assert_nonnull (strstr (report, "Q2    line 5      One — B. (2 characters) same-title\n"));
  g_assert_true (g_str_has_suffix (report, "2 questions, 0 without an answer\n"));
}

/* The legend names the flags a report uses, and only those. */
static void
test_legend (void)
{
  g_autofree char *flagged = inspect_ok ("### Q1: One\n\n### Q2: One\n\nB.\n");
  g_autofree char *clean = inspect_ok ("### Q1: One\n\nA.\n");
  g_autofree char *legend = bp_deck_inspect_dup_legend (flagged);

  g_assert_cmpstr (legend, ==, "Flags (codes for scripts, never translated):\n"
                               "  empty-answer  the question has no answer\n"
                               "  same-title    another question has the same title\n");
  g_assert_null (bp_deck_inspect_dup_legend (clean));
}

/* One of a thing is said in the singular, in the lines a deck author reads. */
static void
test_singular (void)
{
  g_autofree char *report = inspect_ok ("### Q1: Is a join a set operation?\n\nY\n");

  g_assert_nonnull (strstr (report, "Q1    line 1      Is a join a set operation? (1 character)\n"));
  g_assert_true (g_str_has_suffix (report, "\n1 question, 0 without an answer\n"));
}

/* A list of questions is a deck to answer from memory: every question flagged, no warning. */
static void
test_question_list (void)
{
  g_autofree char *report = inspect_ok ("## Questions\n\n"
                                        "1. [E] What is a join?\n"
                                        "2. Joins\n"
                                        "   1. [M] What does a left join keep?\n"
                                        "3. [H] Write a query with a window function.\n");
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "Deck: sql.md");
  g_assert_cmpstr (lines[1], ==, "Rule: lists of questions without answers");
  g_assert_cmpstr (lines[2], ==, "Q1    line 3      [E] What is a join? (0 characters) empty-answer");
  g_assert_cmpstr (lines[3], ==, "Q2    line 5      [M] What does a left join keep? — Joins (0 characters) empty-answer");
  g_assert_cmpstr (lines[4], ==, "Q3    line 6      [H] Write a query with a window function. (0 characters) empty-answer");
  g_assert_cmpstr (lines[5], ==, "3 questions, 3 without an answer");
  g_assert_cmpstr (lines[6], ==, "");
}

static void
assert_refused (const char *text,
                gsize       length,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = bp_deck_inspect ("x.md", text, length, &error);

  g_assert_null (report);
  g_assert_error (error, BP_DECK_PARSER_ERROR, code);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_not_decks (void)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  assert_refused ("", 0, BP_DECK_PARSER_ERROR_EMPTY, "empty");
  assert_refused (" \n\n\t\n", 5, BP_DECK_PARSER_ERROR_EMPTY, "empty");
  assert_refused (binary, sizeof binary - 1, BP_DECK_PARSER_ERROR_BINARY, "binary");
  assert_refused ("## Q1: caf\xe9\n", 11, BP_DECK_PARSER_ERROR_INVALID_UTF8, "line 1");
  assert_refused ("Just a paragraph about SQL.\n", 28, BP_DECK_PARSER_ERROR_NO_QUESTIONS, "no questions");
}

static void
test_too_large (void)
{
  gsize length = BP_DECK_MAX_SIZE + 1;
  g_autofree char *text = g_malloc (length);

  memset (text, 'a', length);
  assert_refused (text, length, BP_DECK_PARSER_ERROR_TOO_LARGE, "at most 32 MB");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck-inspect/report", test_report);
  g_test_add_func ("/deck-inspect/file-name-title", test_file_name_title);
  g_test_add_func ("/deck-inspect/singular", test_singular);
  g_test_add_func ("/deck-inspect/legend", test_legend);
  g_test_add_func ("/deck-inspect/question-list", test_question_list);
  g_test_add_func ("/deck-inspect/not-decks", test_not_decks);
  g_test_add_func ("/deck-inspect/too-large", test_too_large);

  return g_test_run ();
}
