/* fuzz-html-sanitizer.c: libFuzzer target for the sanitizer of untrusted raw HTML
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "bp-html-sanitizer.h"
#include "fuzz-target.h"

/* Never in the output, whatever the sanitizer's own tables say. */
static const char * const never_elements[] = {
  "script", "style", "iframe", "frame", "object", "embed", "applet", "meta", "base", "link",
  "form", "svg", "math", "template", "noscript", "textarea", "select", "button",
};

static gboolean
is_never_element (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (never_elements); i++)
    if (g_ascii_strcasecmp (name, never_elements[i]) == 0)
      return TRUE;

  return FALSE;
}

/* As a browser reads a URL's scheme: case, spaces and control characters aside. */
static char *
scheme_text (const char *value)
{
  GString *text = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    if ((guchar)*p > ' ')
      g_string_append_c (text, g_ascii_tolower (*p));

  return g_string_free (text, FALSE);
}

static void
check_attribute (const char *element,
                 const char *name,
                 const char *value)
{
  g_autofree char *url = scheme_text (value);

  g_assert_false (g_str_has_prefix (name, "on"));
  g_assert_cmpstr (name, !=, "style");
  g_assert_cmpstr (name, !=, "srcdoc");
  /* Only URLs load or run: an alt text may say "data:". */
  if (g_str_equal (name, "href") || g_str_equal (name, "src"))
    {
      g_assert_false (g_str_has_prefix (url, "javascript:"));
      g_assert_false (g_str_has_prefix (url, "data:"));
      g_assert_false (g_str_has_prefix (url, "vbscript:"));
    }
  if (!bp_html_sanitizer_allows (element, name, value))
    g_error ("%s=\"%s\" on <%s> is not allowed", name, value, element);
}

static void
check_element (xmlNode *node)
{
  g_autofree char *name = g_ascii_strdown ((const char *)node->name, -1);

  /* The parser's own wrapping of the fragment. */
  if (g_str_equal (name, "html") || g_str_equal (name, "body"))
    return;

  if (is_never_element (name) || !bp_html_sanitizer_allows_element (name))
    g_error ("<%s> is not allowed", name);

  for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
    {
      xmlChar *value = xmlGetProp (node, attribute->name);
      g_autofree char *attribute_name = g_ascii_strdown ((const char *)attribute->name, -1);

      check_attribute (name, attribute_name, value != NULL ? (const char *)value : "");
      xmlFree (value);
    }
}

/* The oracle: the output, parsed again as a browser would, holds nothing disallowed. */
static void
check_parsed_again (const char *html)
{
  htmlDocPtr document = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
  xmlNode *node = document != NULL ? xmlDocGetRootElement (document) : NULL;

  /* Without recursion, as deep as the output nests. */
  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        check_element (node);

      if (node->children != NULL)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent != NULL && node->parent->type != XML_HTML_DOCUMENT_NODE ? node->parent : NULL;
          node = node != NULL ? node->next : NULL;
        }
    }

  g_clear_pointer (&document, xmlFreeDoc);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_target_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The sanitizer takes a length: the input is deliberately not nul-terminated. */
  g_autofree char *html = bp_html_sanitize ((const char *)data, size, "fuzz");

  g_assert_true (g_utf8_validate (html, -1, NULL));
  check_parsed_again (html);

  return 0;
}
