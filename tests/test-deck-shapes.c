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

/* Parses @text, checks which rule read it and how many questions it found. */
static BpDeck *
parse_with_rule (const char *text,
                 BpDeckRule  rule,
                 guint       n_questions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeckParseResult) result = NULL;

  result = bp_deck_parser_parse_full (TEST_DECK_ID, text, -1, BP_DECK_UNTRUSTED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bp_deck_parse_result_get_rule (result), ==, rule);
  g_assert_cmpuint (bp_deck_get_n_questions (bp_deck_parse_result_get_deck (result)), ==, n_questions);

  return g_object_ref (bp_deck_parse_result_get_deck (result));
}

static const char *
answer_text (BpDeck *deck,
             guint   position)
{
  return bp_answer_document_get_text (bp_question_get_document (question_at (deck, position)));
}

/* Heading sections */

static void
test_headings_any_level (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# SQL interview questions\n\n"
                                            "A collection.\n\n"
                                            "## Table of Contents\n\n"
                                            "- [What is a join?](#what-is-a-join)\n"
                                            "- [What is an index?](#what-is-an-index)\n\n"
                                            "## What is a join?\n\n"
                                            "It combines rows.\n\n"
                                            "#### Example\n\n"
                                            "```sql\nSELECT 1;\n```\n\n"
                                            "**[⬆ Back to Top](#table-of-contents)**\n\n"
                                            "## What is an index?\n\n"
                                            "A lookup structure.\n\n"
                                            "## Contributing\n\n"
                                            "Send a pull request.\n\n"
                                            "## License\n\nMIT\n",
                                            BP_DECK_RULE_HEADINGS, 2);

  g_assert_cmpstr (bp_deck_get_title (deck), ==, "SQL interview questions");
  g_assert_cmpstr (title_at (deck, 0), ==, "What is a join?");
  g_assert_cmpstr (title_at (deck, 1), ==, "What is an index?");
  /* The deeper heading is part of the answer; the back-to-top link is not. */
  g_assert_nonnull (strstr (answer_html (deck, 0), "<h4>Example</h4>"));
  g_assert_nonnull (strstr (answer_html (deck, 0), "SELECT 1;"));
  g_assert_null (strstr (answer_html (deck, 0), "Back to Top"));
  g_assert_null (strstr (answer_html (deck, 1), "pull request"));
  g_assert_cmpstr (bp_question_get_id (question_at (deck, 0)), ==, "test/what-is-a-join");
}

static void
test_headings_prefixes (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("## Q12: Twelve\n\nA.\n\n"
                                            "## 13. Thirteen\n\nB.\n\n"
                                            "## 14) Fourteen\n\nC.\n\n"
                                            "## Q. No number\n\nD.\n\n"
                                            "## What is C#?###\n\nE.\n\n"
                                            "## 3D convolutions\n\nF.\n",
                                            BP_DECK_RULE_HEADINGS, 6);

  g_assert_cmpstr (title_at (deck, 0), ==, "Twelve");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 0)), ==, 12);
  g_assert_cmpstr (title_at (deck, 1), ==, "Thirteen");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 1)), ==, 13);
  g_assert_cmpstr (title_at (deck, 2), ==, "Fourteen");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 2)), ==, 14);
  g_assert_cmpstr (title_at (deck, 3), ==, "No number");
  /* Closed with '#'s after the '?', which cmark keeps: they go, the C# stays. */
  g_assert_cmpstr (title_at (deck, 4), ==, "What is C#?");
  g_assert_cmpstr (title_at (deck, 5), ==, "3D convolutions");
}

static void
test_headings_level_changes (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# JavaScript\n\n"
                                            "## Basics\n\n"
                                            "### What is hoisting?\n\nMoving declarations up.\n\n"
                                            "### What is a closure?\n\nA function and its scope.\n\n"
                                            "#### Why does it matter?\n\nPrivate state.\n\n"
                                            "### What is `this`?\n\nThe receiver.\n\n"
                                            "## Advanced\n\nHarder ones.\n\n"
                                            "#### What is the event loop?\n\nA queue.\n\n"
                                            "#### What is a microtask?\n\nA promise job.\n",
                                            BP_DECK_RULE_HEADINGS, 5);

  g_assert_cmpstr (title_at (deck, 0), ==, "What is hoisting?");
  g_assert_cmpstr (title_at (deck, 2), ==, "What is this?");
  /* A question's own sub-question stays in its answer… */
  g_assert_nonnull (strstr (answer_html (deck, 1), "Why does it matter?"));
  /* …but the questions of a part that moved one level down are questions. */
  g_assert_cmpstr (title_at (deck, 3), ==, "What is the event loop?");
  g_assert_cmpstr (title_at (deck, 4), ==, "What is a microtask?");
  g_assert_null (strstr (answer_html (deck, 2), "Harder ones"));
}

static void
test_headings_front_matter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeckParseResult) result = NULL;
  BpDeck *deck;

  result = bp_deck_parser_parse_full (TEST_DECK_ID,
                                      "---\ntitle: Kubernetes\nlayout: page\n---\n\n"
                                      "## What is a pod?\n\nThe smallest unit.\n\n"
                                      "## What is a node?\n\nA machine.\n",
                                      -1, BP_DECK_UNTRUSTED, &error);
  g_assert_no_error (error);
  deck = bp_deck_parse_result_get_deck (result);
  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 2);
  g_assert_cmpstr (title_at (deck, 0), ==, "What is a pod?");
  g_assert_null (strstr (answer_text (deck, 1), "layout"));
  /* Lines keep their numbers. */
  g_assert_cmpint (bp_deck_parse_result_get_line (result, 0), ==, 6);
  /* No level-1 heading: the caller's name for the deck. */
  g_assert_cmpstr (bp_deck_get_title_or (deck, "k8s.md"), ==, "k8s.md");
}

static void
test_headings_comments_in_code (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("## How do you list files?\n\n"
                                            "```sh\n# every file\nls -a\n## long\nls -l\n```\n\n"
                                            "## How do you count lines?\n\n"
                                            "```python\n# Count\nprint(len(open('f').readlines()))\n```\n",
                                            BP_DECK_RULE_HEADINGS, 2);

  g_assert_nonnull (strstr (answer_text (deck, 0), "# every file"));
  g_assert_nonnull (strstr (answer_text (deck, 0), "## long"));
}

static void
test_headings_empty_answers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeckParseResult) result = NULL;
  BpDeck *deck;

  result = bp_deck_parser_parse_full (TEST_DECK_ID,
                                      "## What is a pod?\n\nThe smallest unit.\n\n"
                                      "## What is a service?\n\n"
                                      "## What is a node?\n\nA machine.\n",
                                      -1, BP_DECK_UNTRUSTED, &error);
  g_assert_no_error (error);
  deck = bp_deck_parse_result_get_deck (result);
  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 3);
  g_assert_false (bp_question_has_answer (question_at (deck, 1)));
  g_assert_true (bp_question_has_answer (question_at (deck, 2)));
  g_assert_cmpuint (bp_deck_parse_result_get_n_warnings (result), ==, 1);
  g_assert_cmpint (bp_deck_parse_result_get_warning (result, 0)->line, ==, 5);
  g_assert_nonnull (strstr (bp_deck_parse_result_get_warning (result, 0)->message, "no answer"));
}

static void
test_headings_cjk (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# 面试题\n\n"
                                            "### 1．什么是闭包？\n\n闭包是函数和其作用域。\n\n"
                                            "### 2、什么是原型链？\n\n对象的继承链。\n",
                                            BP_DECK_RULE_HEADINGS, 2);

  g_assert_cmpstr (title_at (deck, 0), ==, "什么是闭包？");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 0)), ==, 1);
  g_assert_cmpstr (title_at (deck, 1), ==, "什么是原型链？");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 1)), ==, 2);
  g_assert_true (g_str_has_prefix (bp_question_get_id (question_at (deck, 0)), "test/q-"));
  g_assert_cmpstr (bp_question_get_id (question_at (deck, 0)), !=,
                   bp_question_get_id (question_at (deck, 1)));
}

static void
test_headings_dollars (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("## What does $$$ cost?\n\nAbout $5, or $10 and $20.\n\n"
                                            "## Why?\n\nBecause.\n",
                                            BP_DECK_RULE_HEADINGS, 2);

  g_assert_cmpstr (title_at (deck, 0), ==, "What does $$$ cost?");
  g_assert_nonnull (strstr (answer_text (deck, 0), "About $5, or $10 and $20."));
}

/* <details> */

static void
test_details_answer_label (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("###### 1. What's the output?\n\n"
                                            "```javascript\nconsole.log(1 + '1');\n```\n\n"
                                            "- A: `2`\n- B: `\"11\"`\n\n"
                                            "<details><summary><b>Answer</b></summary>\n<p>\n\n"
                                            "#### Answer: B\n\nStrings concatenate.\n\n</p>\n</details>\n\n"
                                            "---\n\n"
                                            "###### 2. What's the output?\n\n"
                                            "```javascript\nconsole.log(typeof null);\n```\n\n"
                                            "<details><summary><b>Respuesta</b></summary>\n<p>\n\n"
                                            "#### Answer: object\n\n</p>\n</details>\n",
                                            BP_DECK_RULE_HEADINGS, 2);

  /* Smart punctuation, as in the canonical format. */
  g_assert_cmpstr (title_at (deck, 0), ==, "What\u2019s the output?");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 1)), ==, 2);
  /* The code and options before the answer belong to the question. */
  g_assert_nonnull (strstr (answer_text (deck, 0), "console.log(1 + '1');"));
  g_assert_nonnull (strstr (answer_text (deck, 0), "Strings concatenate."));
  /* Identical titles: told apart by the start of their code, with ids of their own. */
  g_assert_cmpstr (bp_question_get_subtitle (question_at (deck, 0)), ==, "console.log(1 + '1');");
  g_assert_cmpstr (bp_question_get_subtitle (question_at (deck, 1)), ==, "console.log(typeof null);");
  g_assert_cmpstr (bp_question_get_id (question_at (deck, 0)), ==, "test/what-s-the-output");
  g_assert_cmpstr (bp_question_get_id (question_at (deck, 1)), ==, "test/what-s-the-output-2");
}

static void
test_details_summary_question (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# Probability\n\n"
                                            "<details>\n<summary>Translations</summary>\n\n"
                                            "- [中文](README-zh.md)\n- [Español](README-es.md)\n\n</details>\n\n"
                                            "<details>\n<summary>What is a p-value?</summary>\n\n"
                                            "The chance of data this extreme.\n\n</details>\n\n"
                                            "<details><summary>What is Bayes' rule?</summary>"
                                            "P(A|B) = P(B|A) P(A) / P(B)</details>\n",
                                            BP_DECK_RULE_DETAILS, 2);

  g_assert_cmpstr (title_at (deck, 0), ==, "What is a p-value?");
  g_assert_nonnull (strstr (answer_text (deck, 0), "The chance of data this extreme."));
  g_assert_cmpstr (title_at (deck, 1), ==, "What is Bayes' rule?");
  g_assert_nonnull (strstr (answer_text (deck, 1), "P(B|A)"));
  g_assert_cmpstr (bp_question_get_subtitle (question_at (deck, 0)), ==, "");
}

/* List items and bold paragraphs */

/* The shape of bregman-arie/devops-exercises: "</b></details>" right under the answer's
 * last line (part of its paragraph for cmark), and summaries holding code past a blank line. */
static void
test_details_close_in_paragraph (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("## Network\n\n"
                                            "<details>\n<summary>What is TCP/IP?</summary><br><b>\n"
                                            "A set of protocols.\n</b></details>\n\n"
                                            "<details>\n<summary>What is wrong here?\n\n"
                                            "```\ny = x\n```\n</summary><br><b>\n\n"
                                            "x is a float.\n\n</b></details>\n\n"
                                            "<details>\n<summary>What is a MAC address?</summary><br><b>\n\n"
                                            "- A unique id\n- of a network card\n"
                                            "</b></details>\n",
                                            BP_DECK_RULE_DETAILS, 3);

  g_assert_cmpstr (title_at (deck, 0), ==, "What is TCP/IP?");
  g_autofree char *first = g_strstrip (g_strdup (answer_text (deck, 0)));

  g_assert_cmpstr (first, ==, "A set of protocols.");
  g_assert_null (strstr (answer_html (deck, 0), "details"));
  g_assert_cmpstr (title_at (deck, 1), ==, "What is wrong here?");
  g_assert_nonnull (strstr (answer_html (deck, 1), "<code>y = x"));
  g_assert_nonnull (strstr (answer_text (deck, 1), "x is a float."));
  g_assert_null (strstr (answer_text (deck, 1), "MAC"));
  g_assert_cmpstr (title_at (deck, 2), ==, "What is a MAC address?");
  g_assert_nonnull (strstr (answer_html (deck, 2), "of a network card"));
  g_assert_null (strstr (answer_html (deck, 2), "details"));
}

static void
test_list_items (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# Data science\n\n"
                                            "1. What is overfitting?\n"
                                            "   A model that learns the noise.\n"
                                            "2. **What is a confusion matrix?**\n\n"
                                            "   A table of predictions.\n\n"
                                            "   ```python\n"
                                            "   confusion_matrix(y, p)\n"
                                            "3. What is bagging?\n\n"
                                            "   Averaging bootstrapped models.\n",
                                            BP_DECK_RULE_LIST_ITEMS, 3);

  g_assert_cmpstr (title_at (deck, 0), ==, "What is overfitting?");
  g_assert_nonnull (strstr (answer_text (deck, 0), "A model that learns the noise."));
  g_assert_cmpstr (title_at (deck, 1), ==, "What is a confusion matrix?");
  /* The fence left open ends with its item: the next item is still a question. */
  g_assert_nonnull (strstr (answer_text (deck, 1), "confusion_matrix(y, p)"));
  g_assert_cmpstr (title_at (deck, 2), ==, "What is bagging?");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 2)), ==, 3);
}

static void
test_unclosed_fence_warning (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeckParseResult) result = NULL;
  const BpDeckWarning *warning;

  result = bp_deck_parser_parse_full (TEST_DECK_ID,
                                      "1. What is a list?\n\n"
                                      "   ```python\n"
                                      "   [1, 2]\n"
                                      "2. What is a tuple?\n\n"
                                      "   An immutable list.\n",
                                      -1, BP_DECK_UNTRUSTED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bp_deck_parse_result_get_n_warnings (result), ==, 1);
  warning = bp_deck_parse_result_get_warning (result, 0);
  g_assert_cmpint (warning->line, ==, 3);
  g_assert_nonnull (strstr (warning->message, "never closed"));
}

static void
test_bold_paragraphs (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("**What is a primary key?**\n\n"
                                            "A column that identifies a row.\n\n"
                                            "**Answer:** not a question.\n\n"
                                            "**What is a foreign key?**\n"
                                            "A column that points at another table's key.\n",
                                            BP_DECK_RULE_BOLD, 2);

  g_assert_cmpstr (title_at (deck, 0), ==, "What is a primary key?");
  g_assert_nonnull (strstr (answer_text (deck, 0), "identifies a row"));
  g_assert_cmpstr (title_at (deck, 1), ==, "What is a foreign key?");
  g_assert_nonnull (strstr (answer_text (deck, 1), "points at another"));
}

/* The shape of alexeygrigorev/data-science-interviews' technical.md: topic headings, and
 * under them paragraphs opening with a bold number, numbered again in each topic. */
static void
test_bold_numbers (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# Technical questions\n\n## SQL\n\n"
                                            "Write queries for these:\n\n"
                                            "**1)** The number of active ads.\n\n"
                                            "```sql\nSELECT count(*) FROM ads;\n```\n\n"
                                            "**2.** All active campaigns, with `status` set.\n\n"
                                            "SELECT DISTINCT campaign_id\n\n"
                                            "**3)** The number of events.\n\nSELECT count(*) FROM events\n\n"
                                            "## Coding\n\n"
                                            "**1) FizzBuzz.** Print numbers from 1 to 100\n"
                                            "Multiples of 3 print Fizz.\n\n"
                                            "**2) Mean.** Compute a mean\n\nsum(xs) / len(xs)\n",
                                            BP_DECK_RULE_BOLD, 5);

  g_assert_cmpstr (title_at (deck, 0), ==, "The number of active ads.");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 0)), ==, 1);
  g_assert_nonnull (strstr (answer_html (deck, 0), "SELECT count(*)"));
  g_assert_cmpstr (title_at (deck, 1), ==, "All active campaigns, with status set.");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 1)), ==, 2);
  g_assert_nonnull (strstr (answer_text (deck, 1), "SELECT DISTINCT"));
  g_assert_null (strstr (answer_text (deck, 1), "FizzBuzz"));
  g_assert_cmpstr (title_at (deck, 3), ==, "FizzBuzz. Print numbers from 1 to 100");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 3)), ==, 1);
  g_assert_nonnull (strstr (answer_text (deck, 3), "Multiples of 3"));
}

/* Headings that ask are the questions: bold numbers under them are steps of an answer. */
static void
test_bold_numbers_under_questions (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("## How do you deploy?\n\n"
                                            "**1.** Build.\n\n**2.** Test.\n\n**3.** Ship.\n\n"
                                            "## How do you roll back?\n\n"
                                            "**1.** Stop.\n\n**2.** Revert.\n\n**3.** Ship.\n",
                                            BP_DECK_RULE_HEADINGS, 2);

  g_assert_cmpstr (title_at (deck, 0), ==, "How do you deploy?");
  g_assert_nonnull (strstr (answer_text (deck, 0), "Ship."));
}

/* The shape of data-science-interviews' theory.md: each bold question ends with its
 * difficulty, an emoji that may be joined ("\u200d⭐️") after the question mark. */
static void
test_bold_decorated (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# Theory\n\n"
                                            "* Legend: 👶 easy \u200d⭐️ medium 🚀 expert\n\n"
                                            "## Regression\n\n"
                                            "**What is regression? 👶**\n\nPredicting a number.\n\n"
                                            "**How do we check normality? \u200d⭐️**\n\nA Q-Q plot.\n\n"
                                            "**Note**\n\nPlots help.\n\n"
                                            "## Classification\n\n"
                                            "**Precision-recall trade-off \u200d⭐️**\n\nOne goes up, the other down.\n\n"
                                            "**In which cases is AU PR better than AU ROC? \u200d⭐️**\n\nRare positives.\n\n"
                                            "**Possible approaches to the cold start problem? \u200d⭐️🚀**\n\nPopularity.\n",
                                            BP_DECK_RULE_BOLD, 5);

  g_assert_cmpstr (title_at (deck, 1), ==, "How do we check normality? \u200d⭐️");
  /* A bold word that neither asks nor carries a difficulty is part of the answer. */
  g_assert_nonnull (strstr (answer_text (deck, 1), "Plots help."));
  g_assert_cmpstr (title_at (deck, 2), ==, "Precision-recall trade-off \u200d⭐️");
  g_assert_nonnull (strstr (answer_text (deck, 3), "Rare positives."));
  g_assert_cmpstr (title_at (deck, 4), ==, "Possible approaches to the cold start problem? \u200d⭐️🚀");
}

/* The shape of sudheerj's interview questions: answers written less indented than their
 * "12. ### Q" item fall out of the list, which starts again at the next number. */
static void
test_list_items_answer_outside (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# JavaScript\n\n"
                                            "1. ### What is a closure?\n\n   A function with its scope.\n\n"
                                            "2. ### What is hoisting\n\n"
                                            "Declarations move up.\n\n"
                                            "```js\nvar a;\n```\n\n"
                                            "- one\n- two\n\n"
                                            "## Summary\n\nIt is about declarations.\n\n"
                                            "1. first step\n2. second step\n\n"
                                            "In that order.\n\n"
                                            "3. ### What is this?\n\n   The receiver.\n\n"
                                            "4. ### What is a promise?\n\n"
                                            "**[⬆ Back to Top](#top)**\n\n"
                                            "5. ### What is JSON?\nA text format.\n\n"
                                            "6. ### What is an event loop?\n\n   A queue.\n",
                                            BP_DECK_RULE_LIST_ITEMS, 6);
  const char *hoisting = answer_text (deck, 1);

  g_assert_cmpstr (title_at (deck, 1), ==, "What is hoisting");
  g_assert_nonnull (strstr (hoisting, "Declarations move up."));
  g_assert_nonnull (strstr (hoisting, "var a;"));
  g_assert_nonnull (strstr (hoisting, "two"));
  /* Up to the list that picks up the numbering: the headings and lists of the answer too. */
  g_assert_nonnull (strstr (hoisting, "It is about declarations."));
  g_assert_nonnull (strstr (hoisting, "second step"));
  g_assert_null (strstr (hoisting, "receiver"));
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 2)), ==, 3);
  /* A heading in an item is a question, even when its answer is missing. */
  g_assert_cmpstr (title_at (deck, 3), ==, "What is a promise?");
  g_assert_false (bp_question_has_answer (question_at (deck, 3)));
  g_assert_cmpstr (title_at (deck, 4), ==, "What is JSON?");
  g_assert_nonnull (strstr (answer_text (deck, 4), "A text format."));
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 5)), ==, 6);
}

/* The shape of gjkaur/sql_course's interview questions: one numbering across sections,
 * each section's heading right above the list that goes on. */
static void
test_question_list_sections (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# Beginner questions\n\n"
                                            "## Relational model\n\n"
                                            "1. What is the relational model?\n"
                                            "2. What is a functional dependency?\n\n"
                                            "## ER modeling\n\n"
                                            "3. What is cardinality?\n"
                                            "4. What is the same cardinality?\n\n"
                                            "## Normalization\n\n"
                                            "5. What is cardinality?\n\n"
                                            "See the modules for answers.\n",
                                            BP_DECK_RULE_QUESTION_LIST, 5);

  /* The heading over the next list is no answer to the question above it. */
  g_assert_false (bp_question_has_answer (question_at (deck, 1)));
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 2)), ==, 3);
  /* Questions of one title and no answer are told apart by their section. */
  g_assert_cmpstr (bp_question_get_subtitle (question_at (deck, 2)), ==, "ER modeling");
  g_assert_cmpstr (bp_question_get_subtitle (question_at (deck, 4)), ==, "Normalization");
}

/* Question lists without answers */

static BpDeckParseResult *
parse_result (const char *text)
{
  g_autoptr(GError) error = NULL;
  BpDeckParseResult *result = bp_deck_parser_parse_full (TEST_DECK_ID, text, -1, BP_DECK_UNTRUSTED, &error);

  g_assert_no_error (error);
  return result;
}

/* The shape of h5bp's Front-end-Developer-Interview-Questions: bullets that ask, with
 * follow-ups under some, and a section whose items say what to do rather than ask. */
static void
test_question_list_flat (void)
{
  g_autoptr(BpDeckParseResult) result = NULL;
  BpDeck *deck;

  result = parse_result ("---\ntitle: JavaScript Questions\n---\n\n"
                         "* Explain event delegation.\n"
                         "* Explain how `this` works.\n"
                         "  * Can you give an example from ES6?\n"
                         "* What is a closure?\n"
                         "* What is the difference between `null` and `undefined`?\n"
                         "  * How would you check for any of these states?\n"
                         "* Describe event bubbling.\n\n"
                         "## Coding questions\n"
                         "* Make this work:\n"
                         "```javascript\nduplicate([1,2,3]); // [1,2,3,1,2,3]\n```\n"
                         "* Create a loop that prints fizz at multiples of 3\n"
                         "* Write an IIFE\n");
  g_assert_cmpint (bp_deck_parse_result_get_rule (result), ==, BP_DECK_RULE_QUESTION_LIST);
  deck = bp_deck_parse_result_get_deck (result);
  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 10);
  g_assert_cmpstr (title_at (deck, 0), ==, "Explain event delegation.");
  g_assert_false (bp_question_has_answer (question_at (deck, 0)));
  /* A follow-up is a question of its own, shown with the one it follows. */
  g_assert_cmpstr (title_at (deck, 2), ==, "Can you give an example from ES6?");
  g_assert_cmpstr (bp_question_get_subtitle (question_at (deck, 2)), ==, "Explain how this works.");
  g_assert_cmpstr (title_at (deck, 5), ==, "How would you check for any of these states?");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 5)), ==, 6);
  /* Under a heading that names them, every item is a question; code at the margin
   * after one is what it asks about. */
  g_assert_cmpstr (title_at (deck, 7), ==, "Make this work:");
  g_assert_nonnull (strstr (answer_text (deck, 7), "duplicate([1,2,3]);"));
  g_assert_cmpstr (title_at (deck, 8), ==, "Create a loop that prints fizz at multiples of 3");
  g_assert_false (bp_question_has_answer (question_at (deck, 8)));
  g_assert_cmpstr (title_at (deck, 9), ==, "Write an IIFE");
  /* Answered from memory, so no warning for each missing answer. */
  g_assert_cmpuint (bp_deck_parse_result_get_n_warnings (result), ==, 0);
}

/* The shape of chiphuyen's ml-interviews-book: "[E]" difficulty tags, topics with their
 * questions under them, and stems that their sub-questions cannot be answered without. */
static void
test_question_list_nested (void)
{
  g_autoptr(BpDeckParseResult) result = NULL;
  BpDeck *deck;

  result = parse_result ("#### 5.1.1 Vectors\n\n"
                         "_If some characters seem to be missing, refresh the page._\n\n"
                         "1. Dot product\n"
                         "    1. [E] What’s the geometric interpretation of the dot product?\n"
                         "    2. [E] Given a vector $$u$$, find $$v$$ of unit length maximizing $$u \\cdot v$$.\n\n"
                         "2. [M] Derive the maximum likelihood estimator of an exponential distribution.\n"
                         "3. A machine crashed 5 times last year, each crash independent.\n"
                         "\t1. [M] What’s the probability that it crashes next month?\n"
                         "\t1. [H] What’s the probability that it crashes at any given moment?\n"
                         "4. [H] Is there a betting strategy that always wins?\n\n"
                         "\t**Hint**: consider doubling the bet.\n\n"
                         "---\n*This book was created by Chip Huyen.*\n");
  g_assert_cmpint (bp_deck_parse_result_get_rule (result), ==, BP_DECK_RULE_QUESTION_LIST);
  deck = bp_deck_parse_result_get_deck (result);
  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, 6);
  /* Under a topic, each sub-question is one to grade on its own, the topic under it. */
  g_assert_cmpstr (title_at (deck, 0), ==, "[E] What’s the geometric interpretation of the dot product?");
  g_assert_cmpstr (bp_question_get_subtitle (question_at (deck, 0)), ==, "Dot product");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 1)), ==, 1);
  /* A tag makes an item ask, whatever its first word. */
  g_assert_cmpstr (title_at (deck, 2), ==,
                   "[M] Derive the maximum likelihood estimator of an exponential distribution.");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 2)), ==, 2);
  g_assert_false (bp_question_has_answer (question_at (deck, 2)));
  /* Under a stem, each reads with it, its tag in front. */
  g_assert_cmpstr (title_at (deck, 3), ==, "[M] A machine crashed 5 times last year, each crash "
                   "independent. What’s the probability that it crashes next month?");
  g_assert_cmpstr (title_at (deck, 4), ==, "[H] A machine crashed 5 times last year, each crash "
                   "independent. What’s the probability that it crashes at any given moment?");
  g_assert_cmpuint (bp_question_get_number (question_at (deck, 4)), ==, 3);
  /* What an item holds after its question is behind Show Answer: its hint here. */
  g_assert_nonnull (strstr (answer_text (deck, 5), "consider doubling the bet."));
  g_assert_null (strstr (answer_text (deck, 5), "Chip Huyen"));
}

/* Lists of questions inside the answers of a Q&A deck belong to those answers, however
 * many they are. */
static void
test_question_list_in_answers (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# SQL\n\n"
                                            "## What is a join?\n\nIt combines rows. Interviewers go on with:\n\n"
                                            "- What is an inner join?\n- What is a left join?\n"
                                            "- What is a right join?\n- What is a cross join?\n"
                                            "- What is a self join?\n\n"
                                            "## What is an index?\n\nA lookup structure. Then:\n\n"
                                            "1. What is a B-tree?\n2. What is a hash index?\n"
                                            "3. When is an index not used?\n4. What is a covering index?\n\n"
                                            "## Practice\n\n"
                                            "* What is a view?\n",
                                            BP_DECK_RULE_HEADINGS, 3);

  g_assert_cmpstr (title_at (deck, 0), ==, "What is a join?");
  g_assert_nonnull (strstr (answer_text (deck, 0), "What is a self join?"));
  g_assert_nonnull (strstr (answer_text (deck, 1), "What is a covering index?"));
}

static void
test_ids_stable_when_questions_added (void)
{
  static const char before[] = "## What's the output?\n\n```js\na\n```\n\n"
                               "## What's the output?\n\n```js\nb\n```\n";
  static const char after[] = "## What is new?\n\nx\n\n"
                              "## What's the output?\n\n```js\na\n```\n\n"
                              "## Something else?\n\ny\n\n"
                              "## What's the output?\n\n```js\nb\n```\n";
  g_autoptr(BpDeck) old_deck = parse_with_rule (before, BP_DECK_RULE_HEADINGS, 2);
  g_autoptr(BpDeck) new_deck = parse_with_rule (after, BP_DECK_RULE_HEADINGS, 4);

  g_assert_cmpstr (bp_question_get_id (question_at (old_deck, 1)), ==,
                   bp_question_get_id (question_at (new_deck, 3)));
  g_assert_cmpstr (bp_question_get_subtitle (question_at (new_deck, 3)), ==, "b");
}

static void
test_canonical_unchanged (void)
{
  g_autoptr(BpDeck) deck = parse_with_rule ("# Deck\n\n### Q1: One\n\nA.\n\n## Two?\n\nB.\n",
                                            BP_DECK_RULE_CANONICAL, 1);

  g_assert_nonnull (strstr (answer_html (deck, 0), "<h2>Two?</h2>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck-shapes/gfm/table", test_gfm_table);
  g_test_add_func ("/deck-shapes/gfm/task-list", test_gfm_task_list);
  g_test_add_func ("/deck-shapes/gfm/strikethrough-autolink", test_gfm_strikethrough_autolink);

  g_test_add_func ("/deck-shapes/headings/any-level", test_headings_any_level);
  g_test_add_func ("/deck-shapes/headings/prefixes", test_headings_prefixes);
  g_test_add_func ("/deck-shapes/headings/level-changes", test_headings_level_changes);
  g_test_add_func ("/deck-shapes/headings/front-matter", test_headings_front_matter);
  g_test_add_func ("/deck-shapes/headings/comments-in-code", test_headings_comments_in_code);
  g_test_add_func ("/deck-shapes/headings/empty-answers", test_headings_empty_answers);
  g_test_add_func ("/deck-shapes/headings/cjk", test_headings_cjk);
  g_test_add_func ("/deck-shapes/headings/dollars", test_headings_dollars);
  g_test_add_func ("/deck-shapes/details/answer-label", test_details_answer_label);
  g_test_add_func ("/deck-shapes/details/summary-question", test_details_summary_question);
  g_test_add_func ("/deck-shapes/details/close-in-paragraph", test_details_close_in_paragraph);
  g_test_add_func ("/deck-shapes/list-items", test_list_items);
  g_test_add_func ("/deck-shapes/unclosed-fence-warning", test_unclosed_fence_warning);
  g_test_add_func ("/deck-shapes/bold-paragraphs", test_bold_paragraphs);
  g_test_add_func ("/deck-shapes/bold-numbers", test_bold_numbers);
  g_test_add_func ("/deck-shapes/bold-numbers-under-questions", test_bold_numbers_under_questions);
  g_test_add_func ("/deck-shapes/bold-decorated", test_bold_decorated);
  g_test_add_func ("/deck-shapes/list-items/answer-outside", test_list_items_answer_outside);
  g_test_add_func ("/deck-shapes/question-list/flat", test_question_list_flat);
  g_test_add_func ("/deck-shapes/question-list/nested", test_question_list_nested);
  g_test_add_func ("/deck-shapes/question-list/sections", test_question_list_sections);
  g_test_add_func ("/deck-shapes/question-list/in-answers", test_question_list_in_answers);
  g_test_add_func ("/deck-shapes/ids/stable-when-questions-added", test_ids_stable_when_questions_added);
  g_test_add_func ("/deck-shapes/canonical-unchanged", test_canonical_unchanged);

  return g_test_run ();
}
