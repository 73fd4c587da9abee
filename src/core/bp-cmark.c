/* bp-cmark.c: what the parser and the renderer both need from cmark-gfm's node tree
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-cmark"

#include "config.h"

/* cmark-gfm's extension header uses bool without stdbool.h in the releases Debian 12 and the
 * Flatpak build from. */
#include <stdbool.h>
#include <cmark-gfm-core-extensions.h>
#include <string.h>

#include "bp-cmark-private.h"
#include "bp-text-fold.h"

/* What real decks use: GitHub-flavoured markdown. No "tagfilter": raw HTML of an
 * untrusted deck goes through bp-html-sanitizer, and the trusted deck's stays as written. */
static const char * const extension_names[] = { "table", "tasklist", "strikethrough", "autolink" };

/* The registry is global in cmark-gfm: fill it once, before any thread looks in it. */
static cmark_llist *
syntax_extensions (void)
{
  static gsize extensions;

  if (g_once_init_enter (&extensions))
    {
      cmark_llist *list = NULL;

      cmark_gfm_core_extensions_ensure_registered ();
      for (gsize i = 0; i < G_N_ELEMENTS (extension_names); i++)
        {
          cmark_syntax_extension *extension = cmark_find_syntax_extension (extension_names[i]);

          g_assert (extension != NULL);
          list = cmark_llist_append (cmark_get_default_mem_allocator (), list, extension);
        }
      g_once_init_leave (&extensions, (gsize)list);
    }

  return (cmark_llist *)extensions;
}

/**
 * bp_cmark_parse:
 * @options: cmark's CMARK_OPT_* parse options
 *
 * Returns: (transfer full): @text's document, with tables, task lists, strikethrough
 *   and autolinks read as GitHub reads them.
 */
cmark_node *
bp_cmark_parse (const char *text,
                gsize       length,
                int         options)
{
  return bp_cmark_parse_in_chunks (text, length, options, NULL, NULL);
}

/* A chunk of a large deck, between which progress is told and a cancel heard. cmark keeps
 * a line cut between two chunks, so any size reads the same tree. */
#define CHUNK_SIZE (64 * 1024)

/**
 * bp_cmark_parse_in_chunks:
 * @fed: (nullable): called after each chunk with the bytes fed so far; %FALSE stops
 *
 * bp_cmark_parse(), fed a chunk at a time.
 *
 * Returns: (nullable): the document, or %NULL when @fed stopped it
 */
cmark_node *
bp_cmark_parse_in_chunks (const char     *text,
                          gsize           length,
                          int             options,
                          BpCmarkFedFunc  fed,
                          gpointer        user_data)
{
  /* "~~" only: a lone "~" means "about" in prose far more often than it strikes. */
  cmark_parser *parser = cmark_parser_new (options | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE);
  cmark_node *document = NULL;
  gboolean stopped = FALSE;

  for (cmark_llist *l = syntax_extensions (); l != NULL; l = l->next)
    cmark_parser_attach_syntax_extension (parser, l->data);

  for (gsize done = 0; done < length && !stopped;)
    {
      gsize chunk = MIN (CHUNK_SIZE, length - done);

      cmark_parser_feed (parser, text + done, chunk);
      done += chunk;
      stopped = fed != NULL && !fed (done, length, user_data);
    }
  if (!stopped)
    document = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  return document;
}

/**
 * bp_cmark_render_html:
 * @node: a document or a block of one that bp_cmark_parse() made
 *
 * Returns: (transfer full): @node's HTML; free it with free().
 */
char *
bp_cmark_render_html (cmark_node *node,
                      int         options)
{
  return cmark_render_html (node, options, syntax_extensions ());
}

/**
 * bp_cmark_is_block:
 *
 * Returns: whether @node is a block (tables, their rows and cells included), not an inline.
 */
gboolean
bp_cmark_is_block (cmark_node *node)
{
  return (cmark_node_get_type (node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

/* Runs of spaces become one; styled letters become plain ones (see bp-text-fold.c). */
static void
append_plain_char (GString  *out,
                   gunichar  c)
{
  if (g_unichar_isspace (c))
    {
      if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  else
    {
      bp_text_fold_append_unstyled (out, c);
    }
}

/**
 * bp_cmark_plain_text:
 * @node: a heading, an image or any inline container
 *
 * Emphasis, code and links keep only their text; line breaks and runs of spaces become
 * one space; styled letters become plain ones.
 *
 * Returns: (transfer full): the text of @node's inlines, trimmed.
 */
char *
bp_cmark_plain_text (cmark_node *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) folded = NULL;
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *current = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (current))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (raw, cmark_node_get_literal (current));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (raw, ' ');
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  folded = g_string_sized_new (raw->len);
  for (const char *p = raw->str; *p; p = g_utf8_next_char (p))
    append_plain_char (folded, g_utf8_get_char (p));

  return g_strstrip (g_string_free (g_steal_pointer (&folded), FALSE));
}

static gboolean
is_allowed_url (const char *url)
{
  static const char * const allowed_schemes[] = { "http", "https", "mailto", "backprop", "figure", "question" };
  g_autofree char *scheme = g_uri_parse_scheme (url);

  /* No scheme: a relative link or an #anchor, which stays inside the page. */
  if (scheme == NULL)
    return strchr (url, ':') == NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (allowed_schemes); i++)
    if (g_ascii_strcasecmp (scheme, allowed_schemes[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
neutralize_link (cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);
  const char *url;

  if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE)
    return;

  url = cmark_node_get_url (node);
  if (url != NULL && *url != '\0' && !is_allowed_url (url))
    cmark_node_set_url (node, "");
}

/**
 * bp_cmark_neutralize_unsafe_links:
 *
 * Empties every link and image URL under @root whose scheme could run code or reach
 * the disk: javascript:, data:, file: and anything else not known to be harmless. Even
 * the trusted deck gets this; cmark's safe mode alone would only cover untrusted text.
 */
void
bp_cmark_neutralize_unsafe_links (cmark_node *root)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    if (event == CMARK_EVENT_ENTER)
      neutralize_link (cmark_iter_get_node (iter));
  cmark_iter_free (iter);
}

typedef enum {
  NESTING_NONE,
  NESTING_BLOCK,
  NESTING_INLINE,
  N_NESTINGS
} Nesting;

/* Lists and quotes nest blocks; emphasis, links and images nest inlines. */
static Nesting
nesting_of (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_LIST:
    case CMARK_NODE_BLOCK_QUOTE:
      return NESTING_BLOCK;

    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      return NESTING_INLINE;

    default:
      return NESTING_NONE;
    }
}

/* Moves what @nesting holds (a list's items' blocks; a quote's blocks; an inline's
 * inlines) to where it stood, and frees it. Returns the first node moved, or else what
 * followed @nesting. */
static cmark_node *
unwrap (cmark_node *nesting)
{
  gboolean is_list = cmark_node_get_type (nesting) == CMARK_NODE_LIST;
  cmark_node *after = cmark_node_next (nesting);
  cmark_node *first = NULL;
  cmark_node *child;

  while ((child = cmark_node_first_child (nesting)) != NULL)
    {
      cmark_node *moved = is_list ? cmark_node_first_child (child) : child;

      if (moved == NULL)
        {
          /* An empty list item: nothing to keep. */
          cmark_node_free (child);
          continue;
        }

      cmark_node_insert_before (nesting, moved);
      if (first == NULL)
        first = moved;
    }
  cmark_node_free (nesting);

  return first != NULL ? first : after;
}

/* Walks the tree without recursion, since a hostile document nests a hundred thousand
 * levels deep; with @neutralize, each node left is also checked for an unsafe link. */
static void
limit_nesting (cmark_node *root,
               guint       max_depth,
               gboolean    neutralize)
{
  guint depth[N_NESTINGS] = { 0 }; /* of each kind, around @node and below @root */
  cmark_node *node = cmark_node_first_child (root);

  while (node != NULL)
    {
      Nesting nesting = nesting_of (node);
      cmark_node *child;

      if (neutralize)
        neutralize_link (node);

      if (nesting != NESTING_NONE && depth[nesting] >= max_depth)
        {
          cmark_node *parent = cmark_node_parent (node);

          node = unwrap (node);
          if (node != NULL)
            continue;

          /* Nothing was inside and nothing followed: go on after the parent. */
          node = parent;
          if (node == root)
            break;
          depth[nesting_of (node)]--;
        }
      else if ((child = cmark_node_first_child (node)) != NULL)
        {
          depth[nesting]++;
          node = child;
          continue;
        }

      while (node != root && cmark_node_next (node) == NULL)
        {
          node = cmark_node_parent (node);
          if (node != root)
            depth[nesting_of (node)]--;
        }
      node = node != root ? cmark_node_next (node) : NULL;
    }
}

/**
 * bp_cmark_limit_nesting:
 * @max_depth: how many lists and block quotes may nest, one in another, and how many
 *   emphases, links and images
 *
 * Flattens what under @root nests deeper than @max_depth: the content is kept, in
 * order, at that depth.
 */
void
bp_cmark_limit_nesting (cmark_node *root,
                        guint       max_depth)
{
  limit_nesting (root, max_depth, FALSE);
}

/**
 * bp_cmark_sanitize:
 *
 * bp_cmark_neutralize_unsafe_links() and bp_cmark_limit_nesting() to
 * %BP_CMARK_MAX_NESTING, in one walk: a deck of 10,000 questions has some million
 * nodes, and each walk over them takes 50 ms (see tests/bench/bench-core.c).
 */
void
bp_cmark_sanitize (cmark_node *root)
{
  limit_nesting (root, BP_CMARK_MAX_NESTING, TRUE);
}

/**
 * bp_cmark_own_literals:
 * @root: inlines about to leave the block they were parsed in
 *
 * cmark's text, code and raw HTML inlines point into their block's own copy of its text,
 * which goes with the block: inlines moved to another block, whose first one is then
 * freed, would read freed memory when rendered. Each gets a copy of its own.
 */
void
bp_cmark_own_literals (cmark_node *root)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event == CMARK_EVENT_ENTER &&
          (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE))
        {
          g_autofree char *literal = g_strdup (cmark_node_get_literal (node));

          cmark_node_set_literal (node, literal);
        }
    }
  cmark_iter_free (iter);
}
