/* bp-deck-titles.c: what the text of a heading, a summary or a link says about a deck's questions
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-titles"

#include "config.h"

#include <string.h>

#include "bp-deck-titles.h"
#include "bp-html-text.h"

/* Scripts without spaces match a label inside a word ("解析不了", "cannot resolve", holds
 * "解析", "analysis"): there a label is a short text, "查看答案解析" at the most. */
#define MAX_CJK_LABEL_CHARS 8

/* Sections of a README that are never questions, matched on the whole title. */
static const char * const not_question_titles[] = {
  "contents", "toc", "index", "resources", "references", "reference", "links", "books",
  "courses", "about", "author", "authors", "introduction", "intro", "support", "support us",
  "donate", "donation", "donations", "changelog", "disclaimer", "languages", "related",
  "see also", "community", "contact", "thanks", "feedback", "roadmap", "todo", "tools",
  "usage", "how to use", "getting started", "prerequisites", "questions", "interview questions",
  "notes", "summary", "conclusion", "back to top", "top", "other", "misc", "miscellaneous",
  "источники", "ссылки", "литература", "quellen", "literatur", "recursos", "referencias",
  "fuentes", "ressources", "références", "sources",
};

/* …and on the start of the title: "Contributing guidelines", "License: MIT". */
static const char * const not_question_prefixes[] = {
  "table of content", "contribut", "how to contribute", "license", "licence", "acknowledg",
  "sponsor", "backers", "translation", "star history", "stargazers", "credits",
  "about the author", "about me", "further reading", "additional resources", "useful links",
  "useful resources", "other resources", "learning resources", "more resources",
  "目录", "贡献", "许可", "参考",
};

/* …and on its last words: "Preparation resources", "Useful links". */
static const char * const not_question_suffixes[] = {
  "resources", "references", "links", "further reading", "books",
};

/* "Answer" in the languages decks are written in: a <details> that says only this hides
 * the answer of the question above it. */
static const char * const answer_labels[] = {
  "answer", "answers", "solution", "solutions", "explanation", "show", "reveal", "expand",
  "click", "see", "view", "hint", "réponse", "reponse", "respuesta", "resposta", "antwort",
  "lösung", "losung", "risposta", "soluzione", "solución", "solucion", "ответ", "решение",
  "відповідь", "cevap", "yanıt", "odpowiedź", "jawaban", "jawapan", "antwoord", "svar",
  "vastaus", "απάντηση", "תשובה", "إجابة", "الجواب", "उत्तर", "คำตอบ", "đáp án",
  "câu trả lời", "答案", "回答", "解答", "解析", "查看", "展开", "答え", "解説", "정답", "답변",
  "해설",
};

static const char * const interrogatives[] = {
  "what", "what's", "whats", "why", "how", "when", "where", "which", "who", "whom", "whose",
  "is", "are", "was", "were", "can", "could", "does", "do", "did", "should", "would", "will",
  "explain", "describe", "define", "compare", "difference", "differences", "differentiate",
  "name", "list", "write", "implement", "give", "tell", "state", "discuss", "mention",
  "find", "design", "calculate", "suppose", "given", "predict", "guess",
};

static const char * const back_to_top_words[] = {
  "back to top", "to top", "go to top", "back to the top", "top of page", "back to contents",
  "back to questions", "back to index", "table of contents", "返回顶部", "回到顶部", "↑", "⬆",
  "🔝",
};

static gboolean
is_separator (gunichar c)
{
  return c == ':' || c == '.' || c == ')' || c == '-' || c == 0x2013 || c == 0x2014 ||
         c == 0xFF1A || c == 0xFF0E || c == 0x3001 || c == 0xFF09 || c == 0x3002;
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* A '-' numbers only when a space follows: "2-D" is a word. */
static const char *
skip_separator (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  if (*p == '\0' || !is_separator (c))
    return NULL;
  if ((c == '-' || c == 0x2013 || c == 0x2014) && !g_ascii_isspace (*g_utf8_next_char (p)))
    return NULL;

  return g_utf8_next_char (p);
}

/* "第 12 题：" (Chinese: "question 12"): the number, and what follows it; @text when
 * it does not start so. */
static const char *
skip_cjk_number_prefix (const char *text,
                        guint      *number,
                        gboolean   *numbered)
{
  const char *p;
  const char *after;
  guint64 value = 0;

  if (!g_str_has_prefix (text, "第"))
    return text;

  p = skip_spaces (text + strlen ("第"));
  if (!g_ascii_isdigit (*p))
    return text;
  for (; g_ascii_isdigit (*p); p++)
    if ((value = value * 10 + (guint64)(*p - '0')) > G_MAXUINT)
      return text;
  p = skip_spaces (p);
  if (!g_str_has_prefix (p, "题") && !g_str_has_prefix (p, "題"))
    return text;

  p = skip_spaces (p + strlen ("题"));
  if ((after = skip_separator (p)) != NULL)
    p = after;
  *number = (guint)value;
  *numbered = TRUE;
  return skip_spaces (p);
}

/* "Q12:", "Question 12.", "12)", "1.2.", "Q.": the number, and what follows it. */
static const char *
skip_number_prefix (const char *text,
                    guint      *number,
                    gboolean   *numbered)
{
  const char *p = text;
  const char *digits;
  const char *after;
  gboolean q = FALSE, dotted = FALSE;
  guint64 value = 0;

  if (g_ascii_strncasecmp (p, "question", 8) == 0 && !g_ascii_isalpha (p[8]))
    p += 8, q = TRUE;
  else if ((*p == 'Q' || *p == 'q') && !g_ascii_isalpha (p[1]))
    p += 1, q = TRUE;
  else if (g_str_has_prefix (p, "第"))
    return skip_cjk_number_prefix (text, number, numbered);
  if (q)
    p = skip_spaces (p);
  if (*p == '#' && g_ascii_isdigit (p[1]))
    p++;

  for (digits = p; g_ascii_isdigit (*p); p++)
    if ((value = value * 10 + (guint64)(*p - '0')) > G_MAXUINT)
      return text;
  if (p == digits && !q)
    return text;
  /* "1.2." numbers a subsection: the first number is the question's. */
  for (; p > digits && *p == '.' && g_ascii_isdigit (p[1]); dotted = TRUE)
    for (p++; g_ascii_isdigit (*p); p++)
      ;

  /* "Q1 : What is DBA?" spaces the colon off. */
  if ((after = skip_separator (p)) != NULL || (after = skip_separator (skip_spaces (p))) != NULL)
    p = after;
  else if (!((q || dotted) && p > digits && g_ascii_isspace (*p)))
    return text;

  *numbered = p > digits && g_ascii_isdigit (*digits);
  if (*numbered)
    *number = (guint)value;
  return skip_spaces (p);
}

/* Closing '#'s that cmark keeps because no space comes before them: "What is X?###".
 * After a letter they are part of the title: "C#". */
static void
strip_closing_hashes (char *title)
{
  gsize length = strlen (title);
  gsize end = length;

  while (end > 0 && title[end - 1] == '#')
    end--;
  if (end == length || end == 0)
    return;

  if (strchr ("?.!:) ", title[end - 1]) != NULL ||
      (end >= 3 && memcmp (title + end - 3, "？", 3) == 0))
    title[end] = '\0';
}

/* A link to where the question was found, after it: "What is X? [src]". */
static void
strip_source_link (char *title)
{
  static const char * const words[] = { "[src]", "[source]", "[ref]", "[link]", "(src)", "(source)" };
  gsize length = strlen (g_strchomp (title));

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize word = strlen (words[i]);

      if (length > word && g_ascii_strcasecmp (title + length - word, words[i]) == 0)
        {
          title[length - word] = '\0';
          return;
        }
    }
}

/**
 * bp_deck_title_clean:
 * @text: a heading's plain text
 * @number: (out): the question's number, when @text gives one
 * @numbered: (out): whether it did
 *
 * Returns: (transfer full): @text without "Q12:", "12.", "12)", "Q.", "第 12 题：", a
 *   "[src]" link and closing '#'s.
 */
char *
bp_deck_title_clean (const char *text,
                     guint      *number,
                     gboolean   *numbered)
{
  const char *start;
  char *title;

  *numbered = FALSE;
  start = skip_number_prefix (skip_spaces (text), number, numbered);
  if (*start == '\0')
    start = skip_spaces (text);

  title = g_strdup (start);
  strip_source_link (title);
  strip_closing_hashes (title);
  return g_strstrip (title);
}

/* Lower case, punctuation and symbols at both ends dropped, inner runs of them one space. */
static char *
fold (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *folded = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '\'' || c == 0x2019 || g_unichar_ismark (c))
        g_string_append_unichar (folded, c == 0x2019 ? '\'' : c);
      else if (folded->len > 0 && folded->str[folded->len - 1] != ' ')
        g_string_append_c (folded, ' ');
    }

  return g_strstrip (g_string_free (folded, FALSE));
}

static gboolean
has_word (const char *folded,
          const char *word)
{
  gsize length = strlen (word);

  for (const char *p = strstr (folded, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean starts = p == folded || p[-1] == ' ';
      gboolean ends = p[length] == '\0' || p[length] == ' ';
      gboolean latin = g_ascii_isalpha (*word);

      if (!latin || (starts && ends))
        return TRUE;
    }

  return FALSE;
}

/* Emoji, their joiners and variation selectors, marks and spaces: what decks put after
 * a question to say how hard it is ("What is X? \u200d⭐️"). */
static gboolean
is_decoration (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_FORMAT:
      return TRUE;

    default:
      return g_unichar_isspace (c);
    }
}

/* Where the decorations that end @title start: its length when none does. */
static gsize
decoration_start (const char *title)
{
  const char *end = title + strlen (title);

  while (end > title)
    {
      const char *previous = g_utf8_find_prev_char (title, end);

      if (previous == NULL || !is_decoration (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return end - title;
}

/**
 * bp_deck_title_has_decoration:
 *
 * Returns: whether @title ends with an emoji or another symbol after its words.
 */
gboolean
bp_deck_title_has_decoration (const char *title)
{
  g_autofree char *trimmed = g_strchomp (g_strdup (title));
  gsize start = decoration_start (trimmed);

  return start > 0 && trimmed[start] != '\0';
}

static gboolean
ends_with_question_mark (const char *title)
{
  g_autofree char *trimmed = g_strdup (title);
  gsize length;

  do
    {
      trimmed[decoration_start (trimmed)] = '\0';
      length = strlen (trimmed);
      while (*trimmed && strchr ("*_`)\"'", trimmed[strlen (trimmed) - 1]) != NULL)
        trimmed[strlen (trimmed) - 1] = '\0';
    }
  while (strlen (trimmed) != length);

  return g_str_has_suffix (trimmed, "?") || g_str_has_suffix (trimmed, "？");
}

/**
 * bp_deck_title_looks_like_question:
 *
 * Returns: whether @title reads as a question: it asks one ("…?"), or starts as one
 *   ("What…", "Explain…", "什么…").
 */
gboolean
bp_deck_title_looks_like_question (const char *title)
{
  g_autofree char *folded = fold (title);
  g_autofree char *first = NULL;
  const char *space;

  if (ends_with_question_mark (title))
    return TRUE;

  space = strchr (folded, ' ');
  first = space != NULL ? g_strndup (folded, space - folded) : g_strdup (folded);
  for (gsize i = 0; i < G_N_ELEMENTS (interrogatives); i++)
    if (strcmp (first, interrogatives[i]) == 0)
      return TRUE;

  return strstr (title, "什么") != NULL || strstr (title, "如何") != NULL ||
         strstr (title, "怎么") != NULL || strstr (title, "区别") != NULL;
}

/**
 * bp_deck_title_is_not_question:
 *
 * Returns: whether @title names a section of a README that holds no question: its
 *   table of contents, how to contribute, the licence, resources, sponsors…
 */
gboolean
bp_deck_title_is_not_question (const char *title)
{
  g_autofree char *folded = fold (title);

  if (*folded == '\0')
    return TRUE;
  if (ends_with_question_mark (title))
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (not_question_titles); i++)
    if (strcmp (folded, not_question_titles[i]) == 0)
      return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (not_question_prefixes); i++)
    if (g_str_has_prefix (folded, not_question_prefixes[i]))
      return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (not_question_suffixes); i++)
    if (g_str_has_suffix (folded, not_question_suffixes[i]) &&
        (strlen (folded) == strlen (not_question_suffixes[i]) ||
         folded[strlen (folded) - strlen (not_question_suffixes[i]) - 1] == ' '))
      return TRUE;

  return FALSE;
}

/**
 * bp_deck_title_names_questions:
 *
 * Returns: whether @title heads a section of questions ("Coding questions",
 *   "5.2.1.2 Questions", "Exercises"): every item of a list under it asks.
 */
gboolean
bp_deck_title_names_questions (const char *title)
{
  static const char * const words[] = {
    "question", "questions", "exercise", "exercises", "problems", "quiz", "fragen",
    "preguntas", "questões", "perguntas", "问题", "面试题", "練習", "質問",
  };
  g_autofree char *folded = fold (title);

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (has_word (folded, words[i]))
      return TRUE;

  return FALSE;
}

static gboolean
written_without_spaces (const char *word)
{
  switch (g_unichar_get_script (g_utf8_get_char (word)))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_THAI:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * bp_deck_text_is_answer_label:
 *
 * Returns: whether @text (a <details>' summary, a heading) only says "Answer", "Show the
 *   solution", "答案"…: a label, not a question.
 */
gboolean
bp_deck_text_is_answer_label (const char *text)
{
  g_autofree char *folded = fold (text);

  if (*folded == '\0' || g_utf8_strlen (folded, -1) > 40 || ends_with_question_mark (text))
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (answer_labels); i++)
    if (has_word (folded, answer_labels[i]) &&
        (!written_without_spaces (answer_labels[i]) || g_utf8_strlen (folded, -1) <= MAX_CJK_LABEL_CHARS))
      return TRUE;

  return FALSE;
}

/**
 * bp_deck_text_is_back_to_top:
 *
 * Returns: whether @text is that of a "⬆ Back to top" link.
 */
gboolean
bp_deck_text_is_back_to_top (const char *text)
{
  g_autofree char *folded = fold (text);

  if (g_utf8_strlen (text, -1) > 48)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (back_to_top_words); i++)
    if (has_word (folded, back_to_top_words[i]) || strstr (text, back_to_top_words[i]) != NULL)
      return TRUE;

  return strcmp (folded, "top") == 0 || strcmp (folded, "back") == 0;
}

/**
 * bp_deck_html_plain_text:
 *
 * Returns: (transfer full): the text raw HTML shows, runs of spaces one, trimmed.
 */
char *
bp_deck_html_plain_text (const char *html,
                         gssize      length)
{
  g_autofree char *copy = length < 0 ? g_strdup (html) : g_strndup (html, length);
  g_autoptr(GString) text = g_string_new (NULL);
  BpHtmlText state = { "" };
  GString *collapsed = g_string_new (NULL);

  bp_html_text_append (&state, text, copy);
  for (const char *p = text->str; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (collapsed, *p);
    else if (collapsed->len > 0 && collapsed->str[collapsed->len - 1] != ' ')
      g_string_append_c (collapsed, ' ');

  return g_strstrip (g_string_free (collapsed, FALSE));
}
