/* bp-html-sanitizer.c: raw HTML of an untrusted deck, re-written with only what is known to be harmless
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-html-sanitizer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "bp-cmark-private.h"
#include "bp-html-sanitizer.h"

/* libxml2's HTML parser reads the markup as a browser would (entities decoded, unclosed
 * tags closed, attributes unquoted); the tree it makes is walked and written out again,
 * element by element, from an allow-list. Nothing of the input reaches the page as it
 * was written: every tag is this file's own and every text and value is escaped, so no
 * spelling of a tag or an attribute can slip through. */

/* Never the document's own <meta charset>: the bytes are UTF-8, the page's. */
#define PARSE_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                       HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | XML_PARSE_HUGE)

#define REMOTE_IMAGE_CLASS "remote-image"
/* A local image that is never asked for, and (in the app's own page script) one that failed. */
#define IMAGE_PLACEHOLDER_CLASS "image-placeholder"

typedef enum {
  FATE_UNWRAP, /* its tags go, its content stays: prose in a form, a <font>, a <section> */
  FATE_KEEP,   /* written out with its allowed attributes */
  FATE_DROP,   /* gone with everything in it: code (script, style), frames, plug-ins,
                * drawings (svg, math: their text is no prose), what a page never shows */
} Fate;

/* Structure and formatting: what answers are written with. */
static const char * const kept_elements[] = {
  "a", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl",
  "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd",
  "li", "mark", "ol", "p", "pre", "s", "samp", "small", "span", "strong", "sub", "summary",
  "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
};

static const char * const dropped_elements[] = {
  "applet", "audio", "base", "basefont", "canvas", "embed", "frame", "frameset", "head",
  "iframe", "link", "math", "meta", "noembed", "noframes", "noscript", "object", "param",
  "picture", "plaintext", "script", "select", "source", "style", "svg", "template",
  "textarea", "title", "track", "video", "xmp",
};

static const char * const void_elements[] = { "br", "hr", "img", "input" };

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *name)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (list[i], name) == 0)
      return TRUE;

  return FALSE;
}

#define IN_LIST(list, name) in_list ((list), G_N_ELEMENTS (list), (name))

static Fate
fate_of (const char *element)
{
  if (IN_LIST (kept_elements, element))
    return FATE_KEEP;
  if (IN_LIST (dropped_elements, element))
    return FATE_DROP;

  return FATE_UNWRAP;
}

/**
 * bp_html_sanitizer_allows_element:
 *
 * Returns: whether bp_html_sanitize() may write @element's tags
 */
gboolean
bp_html_sanitizer_allows_element (const char *element)
{
  g_return_val_if_fail (element != NULL, FALSE);

  return fate_of (element) == FATE_KEEP;
}

/* URLs */

/* Browsers skip spaces and control characters around a URL, and tabs and newlines in it:
 * "java\tscript:" is javascript:. Such a URL is refused rather than cleaned. */
static gboolean
has_control_or_space (const char *url)
{
  for (const char *p = url; *p; p++)
    if ((guchar)*p <= ' ' || *p == 0x7f || *p == '\\')
      return TRUE;

  return FALSE;
}

static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar)*p < ' ' || *p == 0x7f || *p == '\\')
      return TRUE;

  return FALSE;
}

static gboolean
has_scheme (const char *url,
            const char *scheme)
{
  gsize length = strlen (scheme);

  return g_ascii_strncasecmp (url, scheme, length) == 0 && url[length] == ':';
}

/* http, https and mailto leave the app for the browser; backprop: and question: stay
 * in it; a relative link or an #anchor stays in the page. Anything with another colon
 * is refused: javascript:, data:, vbscript:, file:. */
gboolean
bp_html_sanitizer_is_safe_link (const char *url)
{
  static const char * const schemes[] = { "http", "https", "mailto", "backprop", "question" };

  g_return_val_if_fail (url != NULL, FALSE);

  if (has_control_or_space (url))
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (has_scheme (url, schemes[i]))
      return TRUE;

  return strchr (url, ':') == NULL;
}

static gboolean
is_remote_image (const char *url)
{
  return g_str_has_prefix (url, "//") || has_scheme (url, "http") || has_scheme (url, "https");
}

/* "img/a%20b.png?x#y" -> "img/a b.png" -> "img/a%20b.png": a path inside the deck's folder,
 * written so that no dot segment remains for the web view to resolve. */
static char *
local_image_path (const char *url)
{
  g_autofree char *unescaped = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GString) path = g_string_new (NULL);

  if (has_control_or_space (url) || strchr (url, ':') != NULL || url[0] == '/' || url[0] == '\0')
    return NULL;

  /* "a%20b.png" names "a b.png"; no escape may hide a control character or a "\\". */
  unescaped = g_uri_unescape_segment (url, url + strcspn (url, "?#"), NULL);
  if (unescaped == NULL || has_control (unescaped))
    return NULL;

  segments = g_strsplit (unescaped, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (g_str_equal (segments[i], "..") || g_str_has_prefix (unescaped, "/"))
        return NULL;
      if (*segments[i] == '\0' || g_str_equal (segments[i], "."))
        continue;

      escaped = g_uri_escape_string (segments[i], NULL, FALSE);
      g_string_append_printf (path, "%s%s", path->len > 0 ? "/" : "", escaped);
    }

  return path->len > 0 ? g_string_free (g_steal_pointer (&path), FALSE) : NULL;
}

/* Attributes */

static gboolean
is_number (const char *value)
{
  gsize length = strlen (value);

  if (length == 0 || length > 4)
    return FALSE;

  for (const char *p = value; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* "language-python": the only class a deck gives, on code, as cmark writes fences. */
static gboolean
is_language_class (const char *value)
{
  const char *name = value + strlen ("language-");

  if (!g_str_has_prefix (value, "language-") || *name == '\0' || strlen (name) > 32)
    return FALSE;

  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && !strchr ("_+#.-", *p))
      return FALSE;

  return TRUE;
}

static gboolean
is_own_class (const char *element,
              const char *value)
{
  return (g_str_equal (element, "a") || g_str_equal (element, "span")) &&
         (g_str_equal (value, REMOTE_IMAGE_CLASS) || g_str_equal (value, REMOTE_IMAGE_CLASS "-alt") ||
          g_str_equal (value, REMOTE_IMAGE_CLASS "-host") ||
          (g_str_equal (element, "span") &&
           (g_str_equal (value, IMAGE_PLACEHOLDER_CLASS) || g_str_equal (value, IMAGE_PLACEHOLDER_CLASS "-alt") ||
            g_str_equal (value, IMAGE_PLACEHOLDER_CLASS "-reason"))) ||
          /* TeX math marked in the answer (bp-tex.c): the page renderer turns it into MathML
           * through KaTeX, which runs nothing; a deck writing one by hand only gets math. */
          (g_str_equal (element, "span") && g_str_equal (value, "bp-tex")));
}

/**
 * bp_html_sanitizer_allows:
 * @element: a lower-case element name
 * @attribute: a lower-case attribute name
 * @value: its value, entities decoded
 *
 * What the sanitizer's output may hold, for checking it (the fuzzer does): its own
 * placeholder classes and backprop://deck-file/ images included.
 *
 * Returns: whether bp_html_sanitize() may write @attribute="@value" on @element
 */
gboolean
bp_html_sanitizer_allows (const char *element,
                          const char *attribute,
                          const char *value)
{
  g_return_val_if_fail (element != NULL && attribute != NULL && value != NULL, FALSE);

  if (!bp_html_sanitizer_allows_element (element))
    return FALSE;

  /* A tooltip; on a span too, as a remote image's placeholder inside a link is one. */
  if (g_str_equal (attribute, "title"))
    return g_str_equal (element, "a") || g_str_equal (element, "img") || g_str_equal (element, "span");
  if (g_str_equal (attribute, "class"))
    return (g_str_equal (element, "code") && is_language_class (value)) || is_own_class (element, value);
  if (g_str_equal (element, "a"))
    return g_str_equal (attribute, "href") && bp_html_sanitizer_is_safe_link (value);
  if (g_str_equal (element, "img"))
    return (g_str_equal (attribute, "src") && g_str_has_prefix (value, BP_DECK_FILE_URI_PREFIX)) ||
           g_str_equal (attribute, "alt") ||
           ((g_str_equal (attribute, "width") || g_str_equal (attribute, "height")) && is_number (value));
  if (g_str_equal (element, "td") || g_str_equal (element, "th"))
    return ((g_str_equal (attribute, "colspan") || g_str_equal (attribute, "rowspan")) && is_number (value)) ||
           (g_str_equal (attribute, "align") &&
            (g_str_equal (value, "left") || g_str_equal (value, "center") || g_str_equal (value, "right")));
  if (g_str_equal (element, "ol"))
    return g_str_equal (attribute, "start") && is_number (value);
  if (g_str_equal (element, "details"))
    return g_str_equal (attribute, "open");
  if (g_str_equal (element, "span"))
    return g_str_equal (attribute, "data-display") &&
           (g_str_equal (value, "inline") || g_str_equal (value, "block"));
  if (g_str_equal (element, "input"))
    return (g_str_equal (attribute, "type") && g_str_equal (value, "checkbox")) ||
           g_str_equal (attribute, "checked") || g_str_equal (attribute, "disabled");

  return FALSE;
}

/* Writing */

/* The kinds that cmark's tree is flattened by (see bp_cmark_limit_nesting()): the answer is
 * sanitized whole, so raw HTML inside markdown nesting counts on top of it, and its own
 * nesting is held to the same limit, besides BP_HTML_SANITIZER_MAX_DEPTH for every element. */
typedef enum {
  KIND_BLOCK,  /* lists and quotes */
  KIND_INLINE, /* emphases and links */
  N_KINDS,
  KIND_OTHER = N_KINDS,
} Kind;

static const char * const block_kind_elements[] = { "blockquote", "dl", "ol", "ul" };
static const char * const inline_kind_elements[] = {
  "a", "b", "del", "em", "i", "ins", "mark", "s", "small", "strong", "sub", "sup", "u",
};

typedef struct
{
  GString *html;
  const char *deck_id;
  GArray *kept;   /* per level of the tree walked: whether the element's tags were written */
  guint depth;    /* elements written around the current node */
  guint nesting[N_KINDS]; /* of them, of each kind */
  guint n_links;  /* <a>s written around it: a placeholder link inside one would nest */
} Writer;

static void
append_escaped (GString    *html,
                const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (html, "&amp;"); break;
      case '<': g_string_append (html, "&lt;"); break;
      case '>': g_string_append (html, "&gt;"); break;
      case '"': g_string_append (html, "&quot;"); break;
      default: g_string_append_c (html, *p); break;
      }
}

static void
append_attribute (GString    *html,
                  const char *name,
                  const char *value)
{
  g_string_append_printf (html, " %s=\"", name);
  append_escaped (html, value);
  g_string_append_c (html, '"');
}

static char *
attribute_value (xmlNode    *node,
                 const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup (g_strstrip ((char *)value));
  xmlFree (value);
  return copy;
}

/* Task lists: a checkbox that shows an answer, never one that submits anything. */
static void
append_checkbox (Writer  *writer,
                 xmlNode *node)
{
  g_autofree char *checked = attribute_value (node, "checked");

  g_string_append (writer->html, "<input type=\"checkbox\"");
  if (checked != NULL)
    g_string_append (writer->html, " checked=\"\"");
  g_string_append (writer->html, " disabled=\"\" />");
}

static void
append_allowed_attributes (Writer     *writer,
                           xmlNode    *node,
                           const char *name)
{
  for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
    {
      g_autofree char *attribute_name = g_ascii_strdown ((const char *)attribute->name, -1);
      g_autofree char *value = NULL;

      if (g_str_equal (name, "img") && (g_str_equal (attribute_name, "src") ||
                                        g_str_equal (attribute_name, "alt") ||
                                        g_str_equal (attribute_name, "title")))
        continue; /* written first */

      value = attribute_value (node, (const char *)attribute->name);
      if (value != NULL && bp_html_sanitizer_allows (name, attribute_name, value))
        append_attribute (writer->html, attribute_name, value);
    }
}

/* Images: a remote one is never fetched; it becomes a link to open in the browser,
 * naming what it shows and where it is from. */
static void
append_remote_image (Writer     *writer,
                     const char *url,
                     const char *alt)
{
  g_autofree char *absolute = g_str_has_prefix (url, "//") ? g_strconcat ("https:", url, NULL)
                                                           : g_strdup (url);
  g_autoptr(GUri) uri = g_uri_parse (absolute, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;
  g_autofree char *title = NULL;
  const char *element = writer->n_links > 0 ? "span" : "a";

  if (host == NULL || *host == '\0' || !bp_html_sanitizer_is_safe_link (absolute))
    {
      append_escaped (writer->html, alt);
      return;
    }

  /* Translators: the tooltip of an image that was not loaded, e.g. "Image from github.com…" */
  title = g_strdup_printf (_("Image from %s, not loaded: opens in your browser"), host);
  g_string_append_printf (writer->html, "<%s class=\"" REMOTE_IMAGE_CLASS "\"", element);
  if (writer->n_links == 0)
    append_attribute (writer->html, "href", absolute);
  append_attribute (writer->html, "title", title);
  g_string_append (writer->html, "><span class=\"" REMOTE_IMAGE_CLASS "-alt\">");
  append_escaped (writer->html, *alt != '\0' ? alt : _("Image"));
  g_string_append (writer->html, "</span> <span class=\"" REMOTE_IMAGE_CLASS "-host\">");
  append_escaped (writer->html, host);
  g_string_append_printf (writer->html, "</span></%s>", element);
}

/* "../x.png", "/etc/x.png", "file:///x.png": a path that leaves the deck's folder. */
static gboolean
escapes_folder (const char *src)
{
  g_autofree char *unescaped = g_uri_unescape_segment (src, src + strcspn (src, "?#"), NULL);
  g_autofree char *path = g_strdup (unescaped != NULL ? unescaped : src);
  g_auto(GStrv) segments = NULL;

  /* As a browser reads it: "..\\x.png" is "../x.png". */
  g_strdelimit (path, "\\", '/');
  if (path[0] == '/' || has_scheme (src, "file"))
    return TRUE;

  segments = g_strsplit (path, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_equal (segments[i], ".."))
      return TRUE;

  return FALSE;
}

/* Written as text, the look of a remote image's placeholder: it reads as what it is to a
 * screen reader, and is no link, as there is nothing to open. */
static void
append_refused_image (Writer     *writer,
                      const char *src,
                      const char *alt)
{
  const char *reason = src != NULL && escapes_folder (src)
                       ? _("Outside the deck’s folder")
                       /* Translators: why an image (data:, another scheme, none) is not shown */
                       : _("Not a file in the deck’s folder");

  g_string_append (writer->html, "<span class=\"" IMAGE_PLACEHOLDER_CLASS "\"");
  append_attribute (writer->html, "title", _("Image not shown"));
  g_string_append (writer->html, "><span class=\"" IMAGE_PLACEHOLDER_CLASS "-alt\">");
  append_escaped (writer->html, *alt != '\0' ? alt : _("Image"));
  g_string_append (writer->html, "</span> <span class=\"" IMAGE_PLACEHOLDER_CLASS "-reason\">");
  append_escaped (writer->html, reason);
  g_string_append (writer->html, "</span></span>");
}

static void
append_image (Writer  *writer,
              xmlNode *node)
{
  g_autofree char *src = attribute_value (node, "src");
  g_autofree char *alt = attribute_value (node, "alt");
  g_autofree char *title = attribute_value (node, "title");
  g_autofree char *path = NULL;
  g_autofree char *deck_id = NULL;

  if (alt == NULL)
    alt = g_strdup ("");

  if (src != NULL && is_remote_image (src))
    {
      append_remote_image (writer, src, alt);
      return;
    }

  /* Refused (data:, javascript:, /etc/…, ../…): never asked for; what it shows and why
   * it is not shown stay readable. */
  path = src != NULL && writer->deck_id != NULL ? local_image_path (src) : NULL;
  if (path == NULL && writer->deck_id == NULL)
    {
      /* A note's image: there is no folder it could be in. */
      append_escaped (writer->html, alt);
      return;
    }
  if (path == NULL)
    {
      append_refused_image (writer, src, alt);
      return;
    }

  deck_id = g_uri_escape_string (writer->deck_id, NULL, FALSE);
  g_string_append_printf (writer->html, "<img src=\"" BP_DECK_FILE_URI_PREFIX "%s/%s\"", deck_id, path);
  append_attribute (writer->html, "alt", alt);
  if (title != NULL)
    append_attribute (writer->html, "title", title);
  append_allowed_attributes (writer, node, "img");
  g_string_append (writer->html, " />");
}

static Kind
kind_of (const char *name)
{
  if (IN_LIST (block_kind_elements, name))
    return KIND_BLOCK;
  if (IN_LIST (inline_kind_elements, name))
    return KIND_INLINE;
  return KIND_OTHER;
}

/* Returns whether @node's tags were written, so that its end tag is. */
static gboolean
enter_element (Writer     *writer,
               xmlNode    *node,
               const char *name)
{
  Kind kind;

  if (g_str_equal (name, "img"))
    append_image (writer, node);
  else if (g_str_equal (name, "input"))
    {
      g_autofree char *type = attribute_value (node, "type");

      if (type != NULL && g_ascii_strcasecmp (type, "checkbox") == 0)
        append_checkbox (writer, node);
    }
  else if (IN_LIST (void_elements, name))
    g_string_append_printf (writer->html, "<%s />", name);

  if (IN_LIST (void_elements, name))
    return FALSE;

  kind = kind_of (name);
  if (writer->depth >= BP_HTML_SANITIZER_MAX_DEPTH ||
      (kind != KIND_OTHER && writer->nesting[kind] >= BP_CMARK_MAX_NESTING))
    return FALSE;

  g_string_append_printf (writer->html, "<%s", name);
  append_allowed_attributes (writer, node, name);
  g_string_append_c (writer->html, '>');

  writer->depth++;
  if (kind != KIND_OTHER)
    writer->nesting[kind]++;
  if (g_str_equal (name, "a"))
    writer->n_links++;
  return TRUE;
}

static void
leave_element (Writer     *writer,
               const char *name)
{
  Kind kind = kind_of (name);

  g_string_append_printf (writer->html, "</%s>", name);
  writer->depth--;
  if (kind != KIND_OTHER)
    writer->nesting[kind]--;
  if (g_str_equal (name, "a"))
    writer->n_links--;
}

/* Whether to go into @node's children. */
static gboolean
enter (Writer  *writer,
       xmlNode *node)
{
  g_autofree char *name = NULL;
  gboolean kept = FALSE;
  Fate fate;

  if (node->type == XML_TEXT_NODE && node->content != NULL)
    append_escaped (writer->html, (const char *)node->content);
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  name = g_ascii_strdown ((const char *)node->name, -1);
  fate = fate_of (name);
  if (fate == FATE_DROP)
    return FALSE;
  if (fate == FATE_KEEP)
    kept = enter_element (writer, node, name);

  g_array_append_val (writer->kept, kept);
  return TRUE;
}

static void
leave (Writer  *writer,
       xmlNode *node)
{
  gboolean kept = g_array_index (writer->kept, gboolean, writer->kept->len - 1);

  g_array_set_size (writer->kept, writer->kept->len - 1);
  if (kept)
    {
      g_autofree char *name = g_ascii_strdown ((const char *)node->name, -1);

      leave_element (writer, name);
    }
}

/* Without recursion: the parser nests as deep as the markup does. */
static void
write_children (Writer  *writer,
                xmlNode *parent)
{
  xmlNode *node = parent->children;

  while (node != NULL)
    {
      if (enter (writer, node) && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      if (node->type == XML_ELEMENT_NODE && fate_of ((const char *)node->name) != FATE_DROP &&
          node->children == NULL)
        leave (writer, node);

      while (node->next == NULL && node->parent != parent)
        {
          node = node->parent;
          leave (writer, node);
        }
      node = node->next;
    }
}

static xmlNode *
find_body (xmlDoc *document)
{
  xmlNode *root = xmlDocGetRootElement (document);

  for (xmlNode *child = root != NULL ? root->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *)child->name, "body") == 0)
      return child;

  return NULL;
}

static gpointer
init_parser (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

/**
 * bp_html_sanitize:
 * @html: a piece of raw HTML from an untrusted deck; bytes that are not UTF-8 become U+FFFD
 * @deck_id: (nullable): the deck's id, for its local images; without it they are refused
 *
 * Keeps structure and formatting (details, tables, lists, code, emphasis, links with a
 * safe URL, images); drops scripts, styles, event and style attributes, forms, frames,
 * plug-ins, meta, base, svg and math. A relative image becomes
 * backprop://deck-file/<deck id>/<path>, a remote one a link naming its host. Pure.
 *
 * Returns: (transfer full): the HTML as it may be shown
 */
char *
bp_html_sanitize (const char *html,
                  gsize       length,
                  const char *deck_id)
{
  static GOnce parser_once = G_ONCE_INIT;
  g_autofree char *valid = NULL;
  Writer writer = {
    .html = g_string_new (NULL),
    .deck_id = deck_id,
    .kept = g_array_new (FALSE, FALSE, sizeof (gboolean)),
  };
  htmlDocPtr document;
  xmlNode *body;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  /* Once, before any thread parses: libxml2's global tables. */
  g_once (&parser_once, init_parser, NULL);

  valid = g_utf8_make_valid (html != NULL ? html : "", length);
  document = htmlReadMemory (valid, strlen (valid), NULL, "UTF-8", PARSE_OPTIONS);
  body = document != NULL ? find_body (document) : NULL;
  if (body != NULL)
    write_children (&writer, body);

  g_clear_pointer (&document, xmlFreeDoc);
  g_array_unref (writer.kept);
  return g_string_free (writer.html, FALSE);
}
