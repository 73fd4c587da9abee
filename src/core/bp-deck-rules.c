/* bp-deck-rules.c: what the question rules share, the <details> rule, and taking answers out
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-rules"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bp-cmark-private.h"
#include "bp-deck-rules-private.h"
#include "bp-deck-titles.h"
#include "bp-tex-private.h"

void
bp_found_question_free (BpFoundQuestion *found)
{
  g_free (found->title);
  g_free (found->markdown_before);
  g_free (found->markdown_after);
  g_free (found->subtitle);
  g_free (found->context);
  g_free (found);
}

BpFoundQuestion *
_bp_found_question_new (const char *text,
           int         line)
{
  BpFoundQuestion *found = g_new0 (BpFoundQuestion, 1);

  found->title = bp_deck_title_clean (text, &found->number, &found->numbered);
  found->line = line;
  return found;
}

GPtrArray *
_bp_found_question_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)bp_found_question_free);
}

/* Blocks */

char *
_bp_deck_rules_block_text (cmark_node *block)
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

  text = _bp_deck_rules_block_text (block);
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

  text = _bp_deck_rules_block_text (block);
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

      /* Words of any script: "解析：[link]" says what the link is, as "Answer: [link]". */
      case CMARK_NODE_TEXT:
        for (const char *p = cmark_node_get_literal (node); *p; p = g_utf8_next_char (p))
          if (g_unichar_isalpha (g_utf8_get_char (p)))
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
gboolean
_bp_deck_rules_is_links_paragraph (cmark_node *paragraph)
{
  gboolean any_link = FALSE;

  if (paragraph == NULL || cmark_node_get_type (paragraph) != CMARK_NODE_PARAGRAPH)
    return FALSE;

  return inlines_are_links (cmark_node_first_child (paragraph), &any_link) && any_link;
}

/* A list whose items are links, four in five at least: a table of contents. */
gboolean
_bp_deck_rules_is_link_list (cmark_node *list)
{
  guint n_items = 0, n_links = 0;

  if (cmark_node_get_type (list) != CMARK_NODE_LIST)
    return FALSE;

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item))
    {
      n_items++;
      n_links += _bp_deck_rules_is_links_paragraph (cmark_node_first_child (item));
    }

  return n_items > 0 && n_links * 5 >= n_items * 4;
}

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

/* The summary's text of an HTML block that opens a <details>, and where its content starts.
 * A summary that goes on past a blank line (a question with its code in it) ends the
 * block: its first lines are the title, the blocks after it open the answer. */
static char *
details_summary (cmark_node **block,
                 const char **content)
{
  const char *html;
  const char *open, *start, *end;

  if (cmark_node_get_type (*block) != CMARK_NODE_HTML_BLOCK ||
      (open = find_tag (cmark_node_get_literal (*block), "<details")) == NULL)
    return NULL;

  /* A blank line after "<details>" puts the summary in a block of its own. */
  if (find_tag (open, "<summary") == NULL && cmark_node_next (*block) != NULL &&
      cmark_node_get_type (cmark_node_next (*block)) == CMARK_NODE_HTML_BLOCK &&
      g_ascii_strncasecmp (cmark_node_get_literal (cmark_node_next (*block)), "<summary", 8) == 0)
    *block = cmark_node_next (*block);

  html = cmark_node_get_literal (*block);
  if ((start = find_tag (html, "<summary")) == NULL ||
      (start = strchr (start, '>')) == NULL)
    return NULL;

  if ((end = find_tag (start, "</summary>")) == NULL)
    {
      *content = start + strlen (start);
      return bp_deck_html_plain_text (start + 1, -1);
    }

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
      only_links = only_links && (_bp_deck_rules_is_link_list (node) || _bp_deck_rules_is_links_paragraph (node));
    }
  cmark_node_free (document);

  return any && only_links;
}

/* The inline raw HTML in @block that closes a <details>: a "</details>" with no blank line
 * before it is read by cmark as part of the paragraph it ends, not as a block of its own. */
static cmark_node *
inline_details_close (cmark_node *block)
{
  cmark_iter *iter;
  cmark_event_type event;
  cmark_node *close = NULL;

  if (cmark_node_get_type (block) == CMARK_NODE_HTML_BLOCK || cmark_node_get_type (block) == CMARK_NODE_CODE_BLOCK)
    return NULL;

  iter = cmark_iter_new (block);
  while (close == NULL && (event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_HTML_INLINE &&
          find_tag (cmark_node_get_literal (node), "</details") != NULL)
        close = node;
    }
  cmark_iter_free (iter);

  return close;
}

/* The close, with the inline HTML and line breaks just before it ("</b></details>"). */
static cmark_node *
cut_start (cmark_node *close)
{
  cmark_node *previous;

  while ((previous = cmark_node_previous (close)) != NULL &&
         (cmark_node_get_type (previous) == CMARK_NODE_HTML_INLINE ||
          cmark_node_get_type (previous) == CMARK_NODE_SOFTBREAK ||
          cmark_node_get_type (previous) == CMARK_NODE_LINEBREAK))
    close = previous;

  return close;
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

      cmark_node *inline_close;

      if (html != NULL && (close = find_tag (html, "</details>")) != NULL)
        {
          found->markdown_after = g_strndup (html, close - html);
          break;
        }
      if (found->first == NULL)
        found->first = node;
      found->last = node;
      if ((inline_close = inline_details_close (node)) != NULL)
        {
          found->cut_from = cut_start (inline_close);
          break;
        }
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
  GPtrArray *questions = _bp_found_question_array_new ();

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      g_autoptr(BpFoundQuestion) found = NULL;
      g_autofree char *summary = NULL;
      const char *content;
      int line = cmark_node_get_start_line (node);

      summary = details_summary (&node, &content);
      if (summary == NULL || *summary == '\0' || bp_deck_text_is_answer_label (summary) ||
          bp_deck_title_is_not_question (summary))
        continue;

      found = _bp_found_question_new (summary, line);
      node = take_details_content (found, node, content);
      if (found->first == NULL && markdown_is_link_list (found->markdown_before))
        continue;
      g_ptr_array_add (questions, g_steal_pointer (&found));
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
  _bp_tex_restore_escapes (document, markdown, strlen (markdown));
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

/* Frees @from and the inlines after it; a paragraph left empty goes too. */
static void
cut_inlines (cmark_node *from)
{
  cmark_node *parent;
  cmark_node *next;

  if (from == NULL)
    return;

  parent = cmark_node_parent (from);
  for (cmark_node *node = from; node != NULL; node = next)
    {
      next = cmark_node_next (node);
      cmark_node_free (node);
    }
  if (parent != NULL && cmark_node_first_child (parent) == NULL && cmark_node_parent (parent) != NULL)
    cmark_node_free (parent);
}

/* Moves the siblings from @first to @last into @answer, but for the skippable ones. */
static void
append_blocks (cmark_node *answer,
               cmark_node *first,
               cmark_node *last)
{
  cmark_node *node = first;

  while (node != NULL)
    {
      cmark_node *next = cmark_node_next (node);
      gboolean done = node == last;

      if (!bp_deck_rules_is_skippable (node))
        {
          cmark_node_unlink (node);
          cmark_node_append_child (answer, node);
        }
      node = done ? NULL : next;
    }
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
  cmark_node *child;

  if (found->row != NULL)
    _bp_deck_tables_take_row_answer (answer, found->table, found->row);
  if (found->split_after != NULL)
    append_split_paragraph (answer, found->split_after);
  append_markdown (answer, found->markdown_before);

  append_blocks (answer, found->first, found->last);
  cut_inlines (found->cut_from);
  append_markdown (answer, found->markdown_after);
  append_blocks (answer, found->more_first, found->more_last);

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
    text = _bp_deck_rules_block_text (first);
  if (text == NULL)
    return g_strdup ("");

  for (const char *p = text; *p && g_utf8_strlen (line->str, line->len) < max_chars; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (line, g_utf8_get_char (p));
    else if (line->len > 0 && line->str[line->len - 1] != ' ')
      g_string_append_c (line, ' ');

  return g_strstrip (g_strdup (line->str));
}
