/* test-deck-real-shapes.c: shapes of real public decks, each a deck and the titles a reader sees
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-deck-parser.h"

#define TEST_DECK_ID "test"
#define MAX_TITLES 8

/* A deck of one shape, as a public file writes it, and what a reader of it on GitHub
 * takes for its questions: their titles in order, and words each answer holds. */
typedef struct
{
  const char *path;
  const char *markdown;
  BpDeckRule rule;
  guint first_number;                    /* the first question's number, or 0 */
  const char *titles[MAX_TITLES];
  const char *answer_holds[MAX_TITLES];  /* nullable: words the answer at that place has */
  const char *answer_lacks[MAX_TITLES];  /* nullable: words it must not have */
} Shape;

static const Shape shapes[] = {
  /* Advanced-Frontend/Daily-Interview-Question: "第 N 题：" numbers a question, and a
   * question's only answer may be a link to where it is discussed. */
  {
    "/deck-real-shapes/cjk-numbered-link-answers",
    "### 第 1 题：写 React 项目时为什么要在列表组件中写 key？\n\n"
    "公司：滴滴\n\n解析：[第 1 题](https://example.com/issues/1)\n\n<br/>\n\n"
    "### 第 2 题：谈谈你对TCP三次握手的理解\n\n"
    "解析：[第 2 题](https://example.com/issues/15)\n\n<br/>\n\n"
    "### 第 3 题：介绍下 Set 和 Map 的区别\n\n"
    "解析：[第 3 题](https://example.com/issues/6)\n",
    BP_DECK_RULE_HEADINGS, 1,
    { "写 React 项目时为什么要在列表组件中写 key？", "谈谈你对TCP三次握手的理解",
      "介绍下 Set 和 Map 的区别" },
    { "滴滴", "解析", "解析" },
  },
  /* test-your-sysadmin-skills (zh): a summary holding "解析" (resolve) in a long question
   * is no "Answer" label, and a blank line may part "<details>" from its summary. */
  {
    "/deck-real-shapes/details-cjk-and-blank-line",
    "<details>\n<summary><b>服务器A和服务器B之间通信失败,有哪些可能的原因?</b></summary><br>\n\n"
    "从TCP/IP栈来查.\n\n</details>\n\n"
    "<details>\n<summary><b>为什么你的服务器上解析不了主机?请修复这个问题. ***</b></summary><br>\n\n"
    "待续.\n\n</details>\n\n"
    "<details>\n\n<summary><b>如何识别进程占用的资源?</b></summary><br>\n\n"
    "可以使用`top`来查看.\n\n</details>\n",
    BP_DECK_RULE_DETAILS, 0,
    { "服务器A和服务器B之间通信失败,有哪些可能的原因?",
      "为什么你的服务器上解析不了主机?请修复这个问题. ***", "如何识别进程占用的资源?" },
    { "TCP/IP", "待续", "top" },
  },
  /* andrewekhalel/MLQuestions: "[[src](…)]" after each question, and a sponsored
   * "Preparation Resources" section before them. */
  {
    "/deck-real-shapes/source-links-and-resources",
    "# 65 Machine Learning Interview Questions\n\n"
    "## Preparation Resources\n"
    "1. [ML Engineer Interview Course](https://example.com/course)\n"
    "2. [Machine Learning](https://example.com/book) by Tom Mitchell\n\n"
    "## Questions\n\n"
    "#### 1) What's the trade-off between bias and variance? [[src](https://example.com/a)]\n\n"
    "If our model is too simple and has very few parameters then it may have high bias.\n\n"
    "#### 2) What is gradient descent? [[src](https://example.com/b)]\n\n"
    "Gradient descent is an optimization algorithm.\n",
    BP_DECK_RULE_HEADINGS, 1,
    { "What’s the trade-off between bias and variance?", "What is gradient descent?" },
    { "high bias", "optimization" },
  },
  /* Devinterview-io/golang-interview-questions: each question's answer has more
   * sections under it than there are questions. */
  {
    "/deck-real-shapes/answer-sections-under-question",
    "# 100 Essential Golang Interview Questions\n\n"
    "## 1. What is _Go_ and why was it created?\n\n**Go** is an open-source language.\n\n"
    "### Key Objectives of Go's Design\n\n- **Simplicity**\n\n"
    "### Key Features\n\n- **Open Source**\n\n"
    "### Who Uses Go?\n\n- **Google**\n\n"
    "## 2. Explain the workspace architecture in Go.\n\nA workspace holds three folders.\n\n"
    "### GOPATH\n\nThe root of the workspace.\n\n"
    "### Best Practices\n\n- One workspace\n",
    BP_DECK_RULE_HEADINGS, 1,
    { "What is Go and why was it created?", "Explain the workspace architecture in Go." },
    { "Key Features", "GOPATH" },
    { "GOPATH", "Simplicity" },
  },
  /* Devinterview-io/behavioral-junior-interview-questions: the answer opens with its first
   * section, and a section may start as a question does ("What I Do Before Asking"). */
  {
    "/deck-real-shapes/answer-opens-with-section",
    "## 1. Describe a time you had to learn a framework quickly.\n\n"
    "### Learning Under Pressure\n\n#### Situation\nMy team chose React.\n\n"
    "#### Result\nI delivered early.\n\n"
    "## 2. How do you decide when to ask for help?\n\n"
    "### Core Strategy: The Timebox Approach\nI use a timebox.\n\n"
    "#### What I Do Before Asking\n* Read the logs.\n\n#### How I Ask\nWith what I tried.\n",
    BP_DECK_RULE_HEADINGS, 1,
    { "Describe a time you had to learn a framework quickly.", "How do you decide when to ask for help?" },
    { "I delivered early", "With what I tried" },
  },
  /* A numbered heading that asks nothing is a category: its headings are its questions. */
  {
    "/deck-real-shapes/numbered-categories",
    "## 1. Arrays\n\n"
    "### Two Sum\n\nUse a hash map.\n\n### Rotate an array\n\nReverse three times.\n\n"
    "## 2. Strings\n\n### Reverse words\n\nSplit and join.\n",
    BP_DECK_RULE_HEADINGS, 0,
    { "Two Sum", "Rotate an array", "Reverse words" },
    { "hash map", "three times", "Split" },
  },
  /* A revision sheet: "**Q1: …**" and "**A:** …" in one paragraph, under headings that
   * only name the kind of questions below them. */
  {
    "/deck-real-shapes/bold-questions-under-question-sections",
    "# Module 1 - Viva Preparation\n\n## Basic Questions (Warm-up)\n\n"
    "**Q1: What is a Database?**\n**A:** An organized collection of structured data.\n\n"
    "**Q2: What is DBMS?**\n**A:** Software that stores and retrieves the data.\n\n---\n\n"
    "## Conceptual Questions (Medium)\n\n"
    "**Q4: Why use Database instead of File System?**\n**A:**\n- **Eliminates data redundancy**\n",
    BP_DECK_RULE_BOLD, 1,
    { "What is a Database?", "What is DBMS?", "Why use Database instead of File System?" },
    { "structured data", "retrieves", "redundancy" },
  },
  /* DBMS notes written in raw HTML headings, the first line of each answer in the same
   * block as its heading (no blank line between them), "Q1 :" spacing its colon off. */
  {
    "/deck-real-shapes/html-headings",
    "<h1>Unit 1</h1>\n\n"
    "<h3>Q1 : What is DBA?</h3>\n- A Database Administrator is responsible for databases. </br>\n\n"
    "<h3>Q2 : What are the responsibility of DBA?</h3>\n- responsibility of DBA are: </br>\n"
    "i. Deciding the hardware device </br>\n\n"
    "<H3>3. Define entity?</H3>\n\nA real-world thing.\n",
    BP_DECK_RULE_HEADINGS, 1,
    { "What is DBA?", "What are the responsibility of DBA?", "Define entity?" },
    { "Database Administrator", "hardware device", "real-world" },
    { "What is DBA", "Define entity", NULL },
  },
  /* siddharthi865/system-design-interview-questions-and-answers: a table of contents
   * leads to "## Question N." headings, each answer written in level-1 sections. */
  {
    "/deck-real-shapes/linked-questions-over-shallower-sections",
    "# Set 1\n\n| S.No. | Question |\n| --- | --- |\n"
    "| 1. | [What is system design?](#question-1-what-is-system-design) |\n"
    "| 2. | [Explain latency vs throughput](#question-2-explain-latency-vs-throughput) |\n"
    "| 3. | [What is sharding?](#question-3-what-is-sharding) |\n\n"
    "## Question 1. What is system design?\n\n# Direct answer\n\nThe blueprint of a system.\n\n"
    "# Why is system design important?\n\n### 1. Helps systems scale\n\nMore users.\n\n"
    "## Question 2. Explain latency vs throughput\n\n# Direct answer\n\nLatency is time per request.\n\n"
    "# Interview-ready summary\n\n> Both matter.\n\n"
    "## Question 3. What is sharding?\n\n",
    BP_DECK_RULE_HEADINGS, 1,
    { "What is system design?", "Explain latency vs throughput", "What is sharding?" },
    { "More users", "Both matter", NULL },
    { "Latency", NULL, "Both matter" },
  },
  /* enhorse/java-interview (ru): its contents and its "back to contents" links lead to the
   * questions and to the deck's title; its sources end the last answer. */
  {
    "/deck-real-shapes/linked-questions-and-back-links",
    "# ООП\n+ [Что такое _ООП_?](#Что-такое-ООП)\n"
    "+ [Назовите основные принципы _ООП_.](#Назовите-основные-принципы-ООП)\n"
    "+ [Что такое _«инкапсуляция»_?](#Что-такое-инкапсуляция)\n\n"
    "## Что такое _ООП_?\nМетодология программирования.\n\n[к оглавлению](#ООП)\n\n"
    "## Назовите основные принципы _ООП_.\n+ _Инкапсуляция_\n\n[к оглавлению](#ООП)\n\n"
    "## Что такое _«инкапсуляция»_?\nСокрытие реализации.\n\n[к оглавлению](#ООП)\n\n"
    "# Источники\n+ [Хабрахабр](https://habrahabr.ru/post/87119/)\n",
    BP_DECK_RULE_HEADINGS, 0,
    { "Что такое ООП?", "Назовите основные принципы ООП.", "Что такое «инкапсуляция»?" },
    { "Методология", "Инкапсуляция", "Сокрытие" },
    { NULL, NULL, "Хабрахабр" },
  },
};

static BpDeckParseResult *
parse (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  BpDeckParseResult *result = bp_deck_parser_parse_full (TEST_DECK_ID, markdown, -1,
                                                         BP_DECK_UNTRUSTED, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_shape (gconstpointer data)
{
  const Shape *shape = data;
  g_autoptr(BpDeckParseResult) result = parse (shape->markdown);
  BpDeck *deck = bp_deck_parse_result_get_deck (result);
  guint n_titles = 0;

  while (n_titles < MAX_TITLES && shape->titles[n_titles] != NULL)
    n_titles++;

  g_assert_cmpint (bp_deck_parse_result_get_rule (result), ==, shape->rule);
  g_assert_cmpuint (bp_deck_get_n_questions (deck), ==, n_titles);
  if (shape->first_number != 0)
    g_assert_cmpuint (bp_question_get_number (bp_deck_get_question (deck, 0)), ==, shape->first_number);
  for (guint i = 0; i < n_titles; i++)
    {
      BpQuestion *question = bp_deck_get_question (deck, i);
      const char *text = bp_answer_document_get_text (bp_question_get_document (question));

      g_assert_cmpstr (bp_question_get_title (question), ==, shape->titles[i]);
      if (shape->answer_holds[i] != NULL)
        g_assert_nonnull (strstr (text, shape->answer_holds[i]));
      if (shape->answer_lacks[i] != NULL)
        g_assert_null (strstr (text, shape->answer_lacks[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (shapes); i++)
    g_test_add_data_func (shapes[i].path, &shapes[i], test_shape);

  return g_test_run ();
}
