/* bp-deck-rules.c: the shapes of question the parser finds on a deck's cmark tree
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-rules"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bp-cmark-private.h"
#include "bp-deck-rules-private.h"
#include "bp-deck-titles.h"

void
bp_found_question_free (BpFoundQuestion *found)
{
  g_free (found->title);
  g_free (found->markdown_before);
  g_free (found->markdown_after);
  g_free (found);
}

static BpFoundQuestion *
found_new (const char *text,
           int         line)
{
  BpFoundQuestion *found = g_new0 (BpFoundQuestion, 1);

  found->title = bp_deck_title_clean (text, &found->number, &found->numbered);
  found->line = line;
  return found;
}

static GPtrArray *
found_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)bp_found_question_free);
}

/* Blocks */

static char *
block_text (cmark_node *block)
{
  if (cmark_node_get_type (block) == CMARK_NODE_HTML_BLOCK)
    return bp_deck_html_plain_text (cmark_node_get_literal (block), -1);

  return bp_cmark_plain_text (block);
}

static gboolean
has_anchor_link (cmark_node *node)
{
  gboolean found = FALSE;
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type event;

  while (!found && (event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *current = cmark_iter_get_node (iter);
      const char *url;

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (current) == CMARK_NODE_LINK)
        found = (url = cmark_node_get_url (current)) != NULL && (*url == '#' || *url == '\0');
    }
  cmark_iter_free (iter);

  return found;
}

static gboolean
is_back_to_top (cmark_node *block)
{
  g_autofree char *text = NULL;

  switch (cmark_node_get_type (block))
    {
    case CMARK_NODE_PARAGRAPH:
      if (!has_anchor_link (block))
        return FALSE;
      break;

    case CMARK_NODE_HTML_BLOCK:
      if (strstr (cmark_node_get_literal (block), "href=\"#") == NULL)
        return FALSE;
      break;

    default:
      return FALSE;
    }

  text = block_text (block);
  return bp_deck_text_is_back_to_top (text);
}

/* Raw HTML that shows nothing: an anchor, a comment, a line break. */
static gboolean
is_empty_html (cmark_node *block)
{
  static const char * const showing[] = { "<img", "<details", "<table", "<pre", "<hr", "<video" };
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;

  if (cmark_node_get_type (block) != CMARK_NODE_HTML_BLOCK)
    return FALSE;

  text = block_text (block);
  if (*text != '\0')
    return FALSE;

  lower = g_ascii_strdown (cmark_node_get_literal (block), -1);
  for (gsize i = 0; i < G_N_ELEMENTS (showing); i++)
    if (strstr (lower, showing[i]) != NULL)
      return FALSE;

  return TRUE;
}

/**
 * bp_deck_rules_is_skippable:
 *
 * Returns: whether @block belongs to no answer: a rule, a "back to top" link, raw HTML
 *   that shows nothing.
 */
gboolean
bp_deck_rules_is_skippable (cmark_node *block)
{
  return cmark_node_get_type (block) == CMARK_NODE_THEMATIC_BREAK ||
         is_back_to_top (block) || is_empty_html (block);
}

/* Links, and the punctuation or numbers between them; any link at all sets @any_link. */
static gboolean
inlines_are_links (cmark_node *first,
                   gboolean   *any_link)
{
  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    switch (cmark_node_get_type (node))
      {
      case CMARK_NODE_LINK:
        *any_link = TRUE;
        break;

      case CMARK_NODE_STRONG:
      case CMARK_NODE_EMPH:
        if (!inlines_are_links (cmark_node_first_child (node), any_link))
          return FALSE;
        break;

      case CMARK_NODE_TEXT:
        for (const char *p = cmark_node_get_literal (node); *p; p++)
          if (g_ascii_isalpha (*p))
            return FALSE;
        break;

      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        break;

      default:
        return FALSE;
      }

  return TRUE;
}

/* A paragraph of links: a line of a table of contents. */
static gboolean
is_links_paragraph (cmark_node *paragraph)
{
  gboolean any_link = FALSE;

  if (paragraph == NULL || cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH)
    return FALSE;

  return inlines_are_links (cmark_node_first_child (paragraph), &any_link) && any_link;
}

/* A list whose items are links, four in five at least: a table of contents. */
static gboolean
is_link_list (cmark_node *list)
{
  guint n_items = 0, n_links = 0;

  if (cmark_node_get_type (list) != CMARK_NODE_LIST)
    return FALSE;

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item))
    {
      n_items++;
      n_links += is_links_paragraph (cmark_node_first_child (item));
    }

  return n_items > 0 && n_links * 5 >= n_items * 4;
}

/* Whether the blocks after @start, up to the next heading, hold what a reader reads;
 * @toc is set when all they hold is a table of contents. */
static gboolean
has_body (cmark_node *start,
          gboolean   *toc)
{
  gboolean body = FALSE;

  *toc = FALSE;
  for (cmark_node *node = cmark_node_next (start); node != NULL; node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        {
          g_autofree char *text = bp_cmark_plain_text (node);

          /* "#### Answer" under the question is its answer, not a section of its own. */
          if (!bp_deck_text_is_answer_label (text))
            break;
          body = TRUE;
          continue;
        }
      if (bp_deck_rules_is_skippable (node))
        continue;
      if (is_link_list (node) || is_links_paragraph (node))
        {
          *toc = !body;
          continue;
        }
      body = TRUE;
      *toc = FALSE;
    }

  return body;
}

/* Heading sections */

typedef struct
{
  cmark_node *node;
  int level;
  char *title;
  gboolean question_like;
  gboolean numbered;
  gboolean body;
  gboolean label;     /* "Answer": part of the section above */
  gboolean candidate; /* a heading with body that is no README section nor category */
} Heading;

static void
clear_heading (gpointer data)
{
  g_free (((Heading *)data)->title);
}

static GArray *
collect_headings (cmark_node *document)
{
  GArray *headings = g_array_new (FALSE, TRUE, sizeof (Heading));

  g_array_set_clear_func (headings, clear_heading);
  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      g_autofree char *text = NULL;
      Heading heading = { node, 0 };
      gboolean toc;
      guint number;

      if (cmark_node_get_type (node) != CMARK_NODE_HEADING)
        continue;

      text = bp_cmark_plain_text (node);
      heading.level = cmark_node_get_heading_level (node);
      heading.title = bp_deck_title_clean (text, &number, &heading.numbered);
      heading.question_like = heading.numbered || bp_deck_title_looks_like_question (heading.title);
      heading.label = bp_deck_text_is_answer_label (heading.title);
      heading.body = has_body (node, &toc);
      heading.candidate = heading.body && !toc && !heading.label &&
                          !bp_deck_title_is_not_question (heading.title);
      g_array_append_val (headings, heading);
    }

  return headings;
}

#define HEADING(i) (&g_array_index (headings, Heading, (i)))

/* A heading that is not a question but holds deeper ones ("## Arrays" over "### What
 * is…?") is a category, even with a paragraph of its own; so is the deck's title. */
static void
demote_categories (GArray *headings)
{
  guint n_level_1 = 0;

  for (guint i = 0; i < headings->len; i++)
    n_level_1 += HEADING (i)->level == 1 && HEADING (i)->candidate;

  for (guint i = 0; i < headings->len; i++)
    {
      Heading *heading = HEADING (i);

      if (heading->level == 1 && n_level_1 <= 1)
        heading->candidate = FALSE;
      if (!heading->candidate || heading->question_like)
        continue;

      for (guint j = i + 1; j < headings->len && HEADING (j)->level > heading->level; j++)
        if (HEADING (j)->candidate && HEADING (j)->question_like)
          {
            heading->candidate = FALSE;
            break;
          }
    }
}

/* The level most questions use. */
static int
primary_level (GArray *headings)
{
  guint counts[7] = { 0 };
  int best = 0;

  for (guint i = 0; i < headings->len; i++)
    if (HEADING (i)->candidate)
      counts[HEADING (i)->level] += 2 + HEADING (i)->question_like;

  for (int level = 1; level <= 6; level++)
    if (counts[level] > counts[best])
      best = level;

  return best;
}

/* Whether the deck's questions moved to @heading's level for good: no question at the
 * current level follows before a shallower heading. */
static gboolean
level_switched (GArray *headings,
                guint   index,
                int     current_level)
{
  for (guint j = index + 1; j < headings->len; j++)
    {
      if (HEADING (j)->level < current_level)
        return TRUE;
      if (HEADING (j)->level == current_level && HEADING (j)->candidate)
        return FALSE;
    }

  return TRUE;
}

static void
end_answer (BpFoundQuestion *found,
            cmark_node      *question,
            cmark_node      *end)
{
  cmark_node *last = end != NULL ? cmark_node_previous (end) : cmark_node_last_child (cmark_node_parent (question));

  if (last != question)
    {
      found->first = cmark_node_next (question);
      found->last = last;
    }
}

/* Whether @heading, deeper than the question being read, starts a question of its own
 * rather than a part of that one's answer. */
static gboolean
starts_deeper_question (GArray *headings,
                        guint   index,
                        int     primary,
                        int     level,
                        gboolean current_numbered)
{
  Heading *heading = HEADING (index);

  if (!heading->candidate)
    return FALSE;

  return heading->level == primary || (heading->numbered && current_numbered) ||
         (heading->question_like && level_switched (headings, index, level));
}

static gboolean
is_empty_question (GArray *headings,
                   guint   index,
                   int     primary)
{
  Heading *heading = HEADING (index);

  return heading->level == primary && heading->question_like && !heading->label &&
         !bp_deck_title_is_not_question (heading->title) &&
         (index + 1 == headings->len || HEADING (index + 1)->level <= heading->level);
}

/**
 * bp_deck_rules_find_headings:
 * @level: (out): the level most questions use
 *
 * A heading with body text is a question, its section (deeper headings included) its
 * answer, at the level the file uses for questions even where it changes.
 *
 * Returns: (transfer full) (element-type BpFoundQuestion): the questions found.
 */
GPtrArray *
bp_deck_rules_find_headings (cmark_node *document,
                             int        *level)
{
  g_autoptr(GArray) headings = collect_headings (document);
  GPtrArray *questions = found_array_new ();
  BpFoundQuestion *current = NULL;
  cmark_node *current_node = NULL;
  int current_level = 0;
  int primary;

  demote_categories (headings);
  *level = primary = primary_level (headings);

  for (guint i = 0; i < headings->len; i++)
    {
      Heading *heading = HEADING (i);

      /* "#### Answer: B" belongs to the question, at whatever level it is written. */
      if (current != NULL && (heading->label ||
                              (heading->level > current_level &&
                               !starts_deeper_question (headings, i, primary, current_level,
                                                        current->numbered))))
        continue;

      if (current != NULL)
        end_answer (current, current_node, heading->node);
      current = NULL;

      if (heading->candidate || is_empty_question (headings, i, primary))
        {
          g_autofree char *text = bp_cmark_plain_text (heading->node);

          current = found_new (text, cmark_node_get_start_line (heading->node));
          current_node = heading->node;
          current_level = heading->level;
          g_ptr_array_add (questions, current);
        }
    }

  if (current != NULL)
    end_answer (current, current_node, NULL);

  return questions;
}

#undef HEADING

/* <details> whose summary is the question */

/* Where @needle starts in @haystack, whatever its case, or NULL. */
static const char *
find_tag (const char *haystack,
          const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = haystack; *p; p++)
    if (g_ascii_strncasecmp (p, needle, length) == 0)
      return p;

  return NULL;
}

/* The summary's text of an HTML block that opens a <details>, and where its content starts. */
static char *
details_summary (cmark_node  *block,
                 const char **content)
{
  const char *html = cmark_node_get_literal (block);
  const char *open, *start, *end;

  if (cmark_node_get_type (block) != CMARK_NODE_HTML_BLOCK ||
      (open = find_tag (html, "<details")) == NULL ||
      (start = find_tag (open, "<summary")) == NULL ||
      (start = strchr (start, '>')) == NULL ||
      (end = find_tag (start, "</summary>")) == NULL)
    return NULL;

  *content = end + strlen ("</summary>");
  return bp_deck_html_plain_text (start + 1, end - start - 1);
}

static gboolean
markdown_is_link_list (const char *markdown)
{
  cmark_node *document = bp_cmark_parse (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  gboolean only_links = TRUE;
  gboolean any = FALSE;

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      if (bp_deck_rules_is_skippable (node))
        continue;
      any = TRUE;
      only_links = only_links && (is_link_list (node) || is_links_paragraph (node));
    }
  cmark_node_free (document);

  return any && only_links;
}

/* Fills @found's answer from the <details> that @block opens; returns the last block of it. */
static cmark_node *
take_details_content (BpFoundQuestion *found,
                      cmark_node      *block,
                      const char      *content)
{
  const char *close = find_tag (content, "</details>");
  cmark_node *node;

  if (close != NULL)
    {
      found->markdown_before = g_strndup (content, close - content);
      return block;
    }

  found->markdown_before = g_strdup (content);
  for (node = cmark_node_next (block); node != NULL; node = cmark_node_next (node))
    {
      const char *html = cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK ? cmark_node_get_literal (node) : NULL;

      if (html != NULL && (close = find_tag (html, "</details>")) != NULL)
        {
          found->markdown_after = g_strndup (html, close - html);
          break;
        }
      if (found->first == NULL)
        found->first = node;
      found->last = node;
    }

  return node != NULL ? node : cmark_node_last_child (cmark_node_parent (block));
}

/**
 * bp_deck_rules_find_details:
 *
 * Each <details> whose summary is not just "Answer" is a question, the summary its title
 * and the rest its answer. One that holds only links (translations, say) is not.
 *
 * Returns: (transfer full) (element-type BpFoundQuestion): the questions found.
 */
GPtrArray *
bp_deck_rules_find_details (cmark_node *document)
{
  GPtrArray *questions = found_array_new ();

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      g_autoptr(BpFoundQuestion) found = NULL;
      g_autofree char *summary = NULL;
      const char *content;

      summary = details_summary (node, &content);
      if (summary == NULL || *summary == '\0' || bp_deck_text_is_answer_label (summary) ||
          bp_deck_title_is_not_question (summary))
        continue;

      found = found_new (summary, cmark_node_get_start_line (node));
      node = take_details_content (found, node, content);
      if (found->first == NULL && markdown_is_link_list (found->markdown_before))
        continue;
      g_ptr_array_add (questions, g_steal_pointer (&found));
    }

  return questions;
}

/* List items */

/* The soft break after the first line of @paragraph, when that line asks a question. */
static cmark_node *
question_line_end (cmark_node *paragraph,
                   char      **title)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (cmark_node *node = cmark_node_first_child (paragraph); node != NULL; node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        {
          g_strstrip (line->str);
          if (!bp_deck_title_looks_like_question (line->str))
            return NULL;
          *title = g_strdup (line->str);
          return node;
        }

      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
        g_string_append (line, cmark_node_get_literal (node));
      else
        {
          g_autofree char *text = bp_cmark_plain_text (node);

          g_string_append (line, text);
        }
    }

  return NULL;
}

/* An item that starts with a heading, or with a question and then its answer. */
static BpFoundQuestion *
item_question (cmark_node *item)
{
  cmark_node *first = cmark_node_first_child (item);
  g_autofree char *text = NULL;
  BpFoundQuestion *found;
  cmark_node *split = NULL;

  if (first == NULL)
    return NULL;

  if (cmark_node_get_type (first) == CMARK_NODE_HEADING)
    text = bp_cmark_plain_text (first);
  else if (cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH)
    {
      split = question_line_end (first, &text);
      if (split == NULL)
        {
          text = bp_cmark_plain_text (first);
          if (!bp_deck_title_looks_like_question (text))
            g_clear_pointer (&text, g_free);
        }
    }

  if (text == NULL || *text == '\0' || is_links_paragraph (first))
    return NULL;

  found = found_new (text, cmark_node_get_start_line (item));
  found->split_after = split;
  found->first = cmark_node_next (first);
  found->last = found->first != NULL ? cmark_node_last_child (item) : NULL;
  return found;
}

static void
find_in_list (cmark_node *list,
              GPtrArray  *questions)
{
  g_autoptr(GPtrArray) found = found_array_new ();
  guint n_items = 0, n_answered = 0;
  int start = cmark_node_get_list_start (list);
  gboolean ordered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item), n_items++)
    {
      BpFoundQuestion *question = item_question (item);

      if (question == NULL)
        continue;
      if (ordered && !question->numbered)
        question->number = start + n_items, question->numbered = TRUE;
      n_answered += question->first != NULL || question->split_after != NULL;
      g_ptr_array_add (found, question);
    }

  /* Most items ask, and most questions get an answer: else it is a list in prose. */
  if (found->len * 2 < n_items || n_answered * 2 < found->len || n_answered == 0)
    return;

  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (questions, g_ptr_array_steal_index (found, i--));
}

/**
 * bp_deck_rules_find_list_items:
 *
 * A list whose items start with a heading or a question, the text under each its answer.
 *
 * Returns: (transfer full) (element-type BpFoundQuestion): the questions found.
 */
GPtrArray *
bp_deck_rules_find_list_items (cmark_node *document)
{
  GPtrArray *questions = found_array_new ();

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_LIST && !is_link_list (node))
      find_in_list (node, questions);

  return questions;
}

/* Bold paragraphs */

/* The bold text of a paragraph that is all bold (punctuation aside), and the soft break
 * that ends it when the answer follows on the next line. */
static char *
bold_title (cmark_node  *paragraph,
            cmark_node **split)
{
  cmark_node *strong = NULL;

  *split = NULL;
  if (cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH)
    return NULL;

  for (cmark_node *node = cmark_node_first_child (paragraph); node != NULL; node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_STRONG && strong == NULL)
        strong = node;
      else if ((type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) && strong != NULL)
        {
          *split = node;
          break;
        }
      else if (type != CMARK_NODE_TEXT || strspn (cmark_node_get_literal (node), " \t:.?") !=
                                            strlen (cmark_node_get_literal (node)))
        return NULL;
    }

  return strong != NULL ? bp_cmark_plain_text (strong) : NULL;
}

/**
 * bp_deck_rules_find_bold:
 *
 * A paragraph entirely bold is a question; the blocks up to the next one or to a
 * heading its answer.
 *
 * Returns: (transfer full) (element-type BpFoundQuestion): the questions found.
 */
GPtrArray *
bp_deck_rules_find_bold (cmark_node *document)
{
  GPtrArray *questions = found_array_new ();
  BpFoundQuestion *current = NULL;

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      cmark_node *split;
      g_autofree char *title = bold_title (node, &split);

      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        current = NULL;
      else if (title != NULL && *title != '\0' && !bp_deck_text_is_answer_label (title) &&
               !bp_deck_title_is_not_question (title))
        {
          current = found_new (title, cmark_node_get_start_line (node));
          current->split_after = split;
          g_ptr_array_add (questions, current);
        }
      else if (current != NULL)
        {
          if (current->first == NULL)
            current->first = node;
          current->last = node;
        }
    }

  return questions;
}

/* Answers */

static void
append_markdown (cmark_node *answer,
                 const char *markdown)
{
  cmark_node *document;
  cmark_node *child;

  if (markdown == NULL)
    return;

  document = bp_cmark_parse (markdown, strlen (markdown), CMARK_OPT_SMART);
  bp_cmark_sanitize (document);
  while ((child = cmark_node_first_child (document)) != NULL)
    {
      cmark_node_unlink (child);
      cmark_node_append_child (answer, child);
    }
  cmark_node_free (document);
}

/* The inlines after @split become a paragraph of their own, the answer's first. */
static void
append_split_paragraph (cmark_node *answer,
                        cmark_node *split)
{
  cmark_node *paragraph = cmark_node_new (CMARK_NODE_PARAGRAPH);
  cmark_node *node;

  while ((node = cmark_node_next (split)) != NULL)
    {
      cmark_node_unlink (node);
      cmark_node_append_child (paragraph, node);
    }
  cmark_node_append_child (answer, paragraph);
}

/**
 * bp_found_question_take_answer:
 *
 * Moves @found's answer blocks out of the deck's tree into a document of their own;
 * "back to top" links and rules at the ends are left behind.
 *
 * Returns: (transfer full): the answer, a CMARK_NODE_DOCUMENT.
 */
cmark_node *
bp_found_question_take_answer (BpFoundQuestion *found)
{
  cmark_node *answer = cmark_node_new (CMARK_NODE_DOCUMENT);
  cmark_node *node = found->first;
  cmark_node *child;

  if (found->split_after != NULL)
    append_split_paragraph (answer, found->split_after);
  append_markdown (answer, found->markdown_before);

  while (node != NULL)
    {
      cmark_node *next = cmark_node_next (node);
      gboolean done = node == found->last;

      if (!bp_deck_rules_is_skippable (node))
        {
          cmark_node_unlink (node);
          cmark_node_append_child (answer, node);
        }
      node = done ? NULL : next;
    }

  append_markdown (answer, found->markdown_after);

  /* An answer that ends in a rule separated it from the next question. */
  while ((child = cmark_node_last_child (answer)) != NULL && bp_deck_rules_is_skippable (child))
    cmark_node_free (child);

  return answer;
}

/**
 * bp_deck_rules_first_words:
 * @answer: an answer document
 *
 * What tells apart questions of one title: the start of the code, else of the text, that
 * follows the title.
 *
 * Returns: (transfer full): at most @max_chars characters, on one line.
 */
char *
bp_deck_rules_first_words (cmark_node *answer,
                           guint       max_chars)
{
  cmark_node *first = cmark_node_first_child (answer);
  g_autofree char *text = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK)
      {
        text = g_strdup (cmark_node_get_literal (node));
        break;
      }

  if (text == NULL && first != NULL)
    text = block_text (first);
  if (text == NULL)
    return g_strdup ("");

  for (const char *p = text; *p && g_utf8_strlen (line->str, line->len) < max_chars; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (line, g_utf8_get_char (p));
    else if (line->len > 0 && line->str[line->len - 1] != ' ')
      g_string_append_c (line, ' ');

  return g_strstrip (g_strdup (line->str));
}
