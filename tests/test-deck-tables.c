/* test-deck-tables.c: glossaries, a table row per question, and the tables that stay answers
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-deck-inspect.h"
#include "bp-deck-parser.h"

#define TEST_DECK_ID "test"

static BpDeckParseResult *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  BpDeckParseResult *result = bp_deck_parser_parse_full (TEST_DECK_ID, text, -1, BP_DECK_UNTRUSTED, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static BpQuestion *
question_at (BpDeckParseResult *result,
             guint              position)
{
  BpQuestion *question = bp_deck_get_question (bp_deck_parse_result_get_deck (result), position);

  g_assert_nonnull (question);
  return question;
}

static const char *
title_at (BpDeckParseResult *result,
          guint              position)
{
  return bp_question_get_title (question_at (result, position));
}

static const char *
answer_html (BpDeckParseResult *result,
             guint              position)
{
  return bp_answer_document_get_html (bp_question_get_document (question_at (result, position)));
}

static guint
n_questions (BpDeckParseResult *result)
{
  return bp_deck_get_n_questions (bp_deck_parse_result_get_deck (result));
}

static void
assert_no_deck (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse (TEST_DECK_ID, text, -1, BP_DECK_UNTRUSTED, &error);

  g_assert_null (deck);
  g_assert_error (error, BP_DECK_PARSER_ERROR, BP_DECK_PARSER_ERROR_NO_QUESTIONS);
}

/* A "# Title" over one term/definition table: a flash card per row, the definition's
 * code, links and emphasis kept as the page shows markdown. */
static void
test_glossary_with_title (void)
{
  g_autoptr(BpDeckParseResult) result = parse_ok (
    "# SQL Glossary\n\n"
    "| Term | Definition |\n"
    "|------|------------|\n"
    "| ACID | Atomicity, **Consistency**, Isolation, Durability |\n"
    "| B-tree | Default index type; supports `ORDER BY` |\n"
    "| WAL | [Write-Ahead Log](https://example.org/wal); for *crash* recovery |\n");
  BpDeck *deck = bp_deck_parse_result_get_deck (result);
  g_autofree char *text = NULL;

  g_assert_cmpint (bp_deck_parse_result_get_rule (result), ==, BP_DECK_RULE_TABLES);
  g_assert_cmpstr (bp_deck_get_title (deck), ==, "SQL Glossary");
  g_assert_cmpuint (n_questions (result), ==, 3);
  g_assert_cmpstr (title_at (result, 0), ==, "ACID");
  g_assert_cmpstr (title_at (result, 1), ==, "B-tree");
  g_assert_cmpstr (title_at (result, 2), ==, "WAL");
  g_assert_cmpstr (bp_question_get_id (question_at (result, 1)), ==, "test/b-tree");
  g_assert_cmpint (bp_deck_parse_result_get_line (result, 0), ==, 5);

  g_assert_nonnull (strstr (answer_html (result, 0), "<strong>Consistency</strong>"));
  g_assert_nonnull (strstr (answer_html (result, 1), "<code>ORDER BY</code>"));
  g_assert_nonnull (strstr (answer_html (result, 2), "<a href=\"https://example.org/wal\">Write-Ahead Log</a>"));
  g_assert_nonnull (strstr (answer_html (result, 2), "<em>crash</em>"));
  /* The answer is the definition, not a table of one cell, nor the term again. */
  g_assert_null (strstr (answer_html (result, 0), "<table"));
  g_assert_null (strstr (answer_html (result, 0), "ACID"));
  text = g_strdup (bp_answer_document_get_text (bp_question_get_document (question_at (result, 0))));
  g_assert_cmpstr (g_strstrip (text), ==, "Atomicity, Consistency, Isolation, Durability");
}

/* "## Joins" over a table, "## Indexes" over another: the headings only name sections;
 * each row is a question, the heading its section. */
static void
test_glossary_sections (void)
{
  g_autoptr(BpDeckParseResult) result = parse_ok (
    "# Databases\n\n"
    "## Joins\n\n"
    "| Term | Meaning |\n| --- | --- |\n"
    "| Inner join | Rows that match in both |\n"
    "| Left join | All rows of the left table |\n"
    "| Key | |\n\n"
    "## Indexes\n\n"
    "| Term | Meaning |\n| --- | --- |\n"
    "| B-tree | Ordered index |\n"
    "| Hash index | Equality only |\n"
    "| Key | |\n");

  g_assert_cmpint (bp_deck_parse_result_get_rule (result), ==, BP_DECK_RULE_TABLES);
  g_assert_cmpuint (n_questions (result), ==, 6);
  g_assert_cmpstr (title_at (result, 0), ==, "Inner join");
  g_assert_cmpstr (title_at (result, 3), ==, "B-tree");
  g_assert_cmpstr (title_at (result, 4), ==, "Hash index");
  /* Two terms of one name and no definition are told apart by their sections. */
  g_assert_cmpstr (bp_question_get_subtitle (question_at (result, 2)), ==, "Joins");
  g_assert_cmpstr (bp_question_get_subtitle (question_at (result, 5)), ==, "Indexes");
  g_assert_false (bp_question_has_answer (question_at (result, 2)));
  g_assert_cmpstr (bp_question_get_id (question_at (result, 5)), ==, "test/key-2");
}

/* Wider tables under a "Command" header: the other cells, each after its header. */
static void
test_three_columns (void)
{
  g_autoptr(BpDeckParseResult) result = parse_ok (
    "| Command | Syntax | Use |\n| --- | --- | --- |\n"
    "| SELECT | `SELECT cols FROM t` | Reads rows |\n"
    "| DELETE | `DELETE FROM t` | |\n"
    "| UPDATE | `UPDATE t SET c = v` | Changes rows |\n");
  const char *html;

  g_assert_cmpint (bp_deck_parse_result_get_rule (result), ==, BP_DECK_RULE_TABLES);
  g_assert_cmpuint (n_questions (result), ==, 3);
  html = answer_html (result, 0);
  g_assert_nonnull (strstr (html, "<p><strong>Syntax:</strong> <code>SELECT cols FROM t</code></p>"));
  g_assert_nonnull (strstr (html, "<p><strong>Use:</strong> Reads rows</p>"));
  /* An empty cell is left out, not shown as a label with nothing after it. */
  g_assert_null (strstr (answer_html (result, 1), "Use:"));

  /* Three columns whose first names no term are a table of facts, not a glossary. */
  assert_no_deck ("| Year | Event | Place |\n| --- | --- | --- |\n"
                  "| 1970 | Codd's paper | IBM |\n| 1974 | SEQUEL | IBM |\n| 1986 | SQL-86 | ANSI |\n");
}

/* A table in the answer of a question is part of that answer, never split into rows. */
static void
test_table_in_answer (void)
{
  static const char * const decks[] = {
    "## What is a join?\n\nA join combines rows of two tables.\n\n"
    "| type | keeps |\n| --- | --- |\n| inner | matches |\n| left | all left rows |\n| full | all rows |\n\n"
    "## What is an index?\n\nA structure that finds rows fast.\n",
    /* A section of only a table still holds a real answer when another question has one. */
    "## Join types\n\n"
    "| type | keeps |\n| --- | --- |\n| inner | matches |\n| left | all left rows |\n| full | all rows |\n\n"
    "## What is an index?\n\nA structure that finds rows fast.\n",
    /* A heading that asks is a question whose answer is its table. */
    "# Joins\n\n## Which joins are there?\n\n"
    "| type | keeps |\n| --- | --- |\n| inner | matches |\n| left | all left rows |\n| full | all rows |\n",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (decks); i++)
    {
      g_autoptr(BpDeckParseResult) result = parse_ok (decks[i]);

      g_assert_cmpint (bp_deck_parse_result_get_rule (result), ==, BP_DECK_RULE_HEADINGS);
      g_assert_nonnull (strstr (answer_html (result, 0), "<td>all left rows</td>"));
      for (guint j = 0; j < n_questions (result); j++)
        g_assert_cmpstr (title_at (result, j), !=, "inner");
    }
}

/* Two rows of a table are an example, not a deck; rows without a term do not count. */
static void
test_too_few_rows (void)
{
  assert_no_deck ("# Notes\n\n| Term | Definition |\n| --- | --- |\n"
                  "| ACID | Atomicity, Consistency, Isolation, Durability |\n"
                  "| WAL | Write-Ahead Log |\n");
  assert_no_deck ("| Term | Definition |\n| --- | --- |\n"
                  "| ACID | Atomicity |\n|  | a row with no term |\n| WAL | Write-Ahead Log |\n");
}

/* Escaped pipes are the cell's text, in code spans too, as GitHub shows them. */
static void
test_escaped_pipes (void)
{
  g_autoptr(BpDeckParseResult) result = parse_ok (
    "| Operator | Meaning |\n| --- | --- |\n"
    "| a \\| b | either a or b |\n"
    "| `x \\|\\| y` | logical or, as in `p \\| q` |\n"
    "|  | a row with no term is left out |\n"
    "| NOT | negation |\n");

  g_assert_cmpuint (n_questions (result), ==, 3);
  g_assert_cmpstr (title_at (result, 0), ==, "a | b");
  g_assert_cmpstr (title_at (result, 1), ==, "x || y");
  g_assert_cmpstr (title_at (result, 2), ==, "NOT");
  g_assert_nonnull (strstr (answer_html (result, 1), "<code>p | q</code>"));
}

/* --inspect names the rule and flags the row whose definition is empty. */
static void
test_inspect (void)
{
  static const char text[] =
    "# Glossary\n\n| Term | Definition |\n| --- | --- |\n"
    "| ACID | Atomicity, Consistency, Isolation, Durability |\n"
    "| Cardinality | |\n"
    "| WAL | Write-Ahead Log |\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *report = bp_deck_inspect ("glossary.md", text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "Rule: rows of glossary tables\n"));
  g_assert_nonnull (strstr (report, "line 6      Cardinality (0 characters) empty-answer\n"));
  g_assert_nonnull (strstr (report, "“Cardinality” has no answer"));
  g_assert_true (g_str_has_suffix (report, "3 questions, 1 without an answer\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck-tables/glossary-with-title", test_glossary_with_title);
  g_test_add_func ("/deck-tables/glossary-sections", test_glossary_sections);
  g_test_add_func ("/deck-tables/three-columns", test_three_columns);
  g_test_add_func ("/deck-tables/table-in-answer", test_table_in_answer);
  g_test_add_func ("/deck-tables/too-few-rows", test_too_few_rows);
  g_test_add_func ("/deck-tables/escaped-pipes", test_escaped_pipes);
  g_test_add_func ("/deck-tables/inspect", test_inspect);

  return g_test_run ();
}
