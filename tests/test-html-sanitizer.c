/* test-html-sanitizer.c: untrusted raw HTML keeps its structure and loses everything that could run or load
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-cmark-private.h"
#include "bp-deck-parser.h"
#include "bp-html-sanitizer.h"
#include "bp-page-renderer.h"
#include "html-nesting.h"

#define DECK_ID "deck-1"
#define FILE_URI BP_DECK_FILE_URI_PREFIX DECK_ID "/"
#define REMOTE_TITLE(host) "title=\"Image from " host ", not loaded: opens in your browser\""
/* A local image never asked for: what it shows, and why, as text. */
#define REFUSED(alt, reason) "<span class=\"image-placeholder\" title=\"Image not shown\">" \
  "<span class=\"image-placeholder-alt\">" alt "</span> <span class=\"image-placeholder-reason\">" reason "</span></span>"
#define OUTSIDE(alt) REFUSED (alt, "Outside the deck\u2019s folder")
#define NOT_A_FILE(alt) REFUSED (alt, "Not a file in the deck\u2019s folder")

typedef struct
{
  const char *name;
  const char *input;
  const char *expected;
} Vector;

/* Each hostile input and the one safe output it must give, byte for byte. */
static const Vector vectors[] = {
  /* Scripts, in every spelling: gone with their code. */
  { "script", "<script>alert(1)</script>ok", "<p>ok</p>" },
  { "script-upper-src", "<SCRIPT SRC=//x.example/y.js></SCRIPT>a", "<p>a</p>" },
  { "script-split", "<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)" },
  { "script-in-attribute", "<b title=\"<script>alert(1)</script>\">b</b>", "<b>b</b>" },
  { "script-unclosed", "<p>before<script>alert(1)", "<p>before</p>" },
  /* Event handlers and style attributes. */
  { "onerror", "<img src=x onerror=alert(1)>", "<img src=\"" FILE_URI "x\" alt=\"\" />" },
  { "onmouseover", "<p onmouseover=\"alert(1)\" ONCLICK=alert(2)>p</p>", "<p>p</p>" },
  { "details-ontoggle", "<details open ontoggle=alert(1)><summary>S</summary>x</details>",
    "<details open=\"\"><summary>S</summary>x</details>" },
  { "style-url", "<p style=\"background:url(javascript:alert(1))\">s</p>", "<p>s</p>" },
  { "style-expression", "<div style=\"width: expression(alert(1))\">e</div>", "<div>e</div>" },
  { "style-element", "<style>@import url(//x.example/a.css); body { color: red }</style>t", "<p>t</p>" },
  /* Link schemes: plain, cased, entity-encoded, whitespace-split. */
  { "javascript", "<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>" },
  { "javascript-cased", "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>" },
  { "javascript-entity", "<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>" },
  { "javascript-hex-entity", "<a href=\"&#x6A;&#x61;vascript:alert(1)\">x</a>", "<a>x</a>" },
  { "javascript-tab", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>" },
  { "javascript-newline", "<a href=\"java\nscript:alert(1)\">x</a>", "<a>x</a>" },
  { "javascript-leading-space", "<a href=\" javascript:alert(1)\">x</a>", "<a>x</a>" },
  /* libxml2 reads the value as empty: a link to the page itself. */
  { "javascript-leading-control", "<a href=\"&#1;javascript:alert(1)\">x</a>", "<a href=\"\">x</a>" },
  { "vbscript", "<a href=\"vbscript:msgbox(1)\">x</a>", "<a>x</a>" },
  { "data-link", "<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>", "<a>x</a>" },
  { "file-link", "<a href=\"file:///etc/passwd\">x</a>", "<a>x</a>" },
  { "safe-links",
    "<a href=\"https://example.com/?a=1&amp;b=2\" title=\"t\" target=_blank rel=opener>ok</a>"
    "<a href=\"#sec\">anchor</a><a href=\"notes/page.html\">rel</a><a href=\"mailto:a@b.example\">m</a>",
    "<a href=\"https://example.com/?a=1&amp;b=2\" title=\"t\">ok</a>"
    "<a href=\"#sec\">anchor</a><a href=\"notes/page.html\">rel</a><a href=\"mailto:a@b.example\">m</a>" },
  /* Drawings, frames, plug-ins, forms, documents' own elements. */
  { "svg-onload", "<svg onload=alert(1)><text>t</text></svg>after", "after" },
  { "math", "<p>a <math><mi>x</mi><annotation-xml><script>alert(1)</script></annotation-xml></math> b</p>",
    "<p>a  b</p>" },
  { "iframe-srcdoc", "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>x", "x" },
  { "iframe-javascript", "<iframe src=\"javascript:alert(1)\">fallback</iframe>", "" },
  { "object-embed-applet", "<object data=x>fallback</object><embed src=x><applet code=x>a</applet>", "" },
  { "frameset", "<frameset><frame src=x></frameset>", "" },
  { "meta-refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "" },
  { "base-href", "<base href=\"https://evil.example/\"><a href=\"x.html\">x</a>",
    "<a href=\"x.html\">x</a>" },
  { "link", "<link rel=stylesheet href=\"//x.example/a.css\"><p>z</p>", "<p>z</p>" },
  { "form", "<form action=\"https://evil.example/\"><input name=q><button>Go</button></form>", "Go" },
  { "inputs", "<input type=text value=x><input type=image src=x><input type=hidden>", "" },
  { "template-noscript", "<template><p>t</p></template><noscript>n</noscript>", "" },
  { "textarea-select", "<textarea>&lt;script&gt;</textarea><select><option>o</select>", "" },
  { "xmp", "<xmp><script>alert(1)</script></xmp>", "" },
  /* mXSS: what a second parse would read differently is never written as it was. */
  { "noscript-title", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "" },
  { "title-attribute-tag", "<a title=\"&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;\">t</a>",
    "<a title=\"&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;\">t</a>" },
  { "comment", "<!-- <script>alert(1)</script> -->c", "<p>c</p>" },
  { "comment-unclosed-in-attribute", "<p title=\"--><img src=x onerror=alert(1)>\">p</p>", "<p>p</p>" },
  { "cdata", "<![CDATA[<script>alert(1)</script>]]>", "<p>![CDATA[]]&gt;</p>" },
  /* Structure and formatting pass. */
  { "nested-details",
    "<details open><summary>A</summary><details><summary>B</summary>inner</details></details>",
    "<details open=\"\"><summary>A</summary><details><summary>B</summary>inner</details></details>" },
  { "unclosed", "<p><b>unclosed <i>tags", "<p><b>unclosed <i>tags</i></b></p>" },
  { "formatting",
    "<p><strong>s</strong><em>e</em><u>u</u><s>s</s><del>d</del><ins>i</ins><mark>m</mark>"
    "<small>s</small><code>c</code><kbd>k</kbd><samp>s</samp><sub>2</sub><sup>3</sup><br></p>",
    "<p><strong>s</strong><em>e</em><u>u</u><s>s</s><del>d</del><ins>i</ins><mark>m</mark>"
    "<small>s</small><code>c</code><kbd>k</kbd><samp>s</samp><sub>2</sub><sup>3</sup><br /></p>" },
  { "lists", "<ol start=\"3\" type=\"a\" reversed><li>x</li></ol><dl><dt>t</dt><dd>d</dd></dl><hr>",
    "<ol start=\"3\"><li>x</li></ol><dl><dt>t</dt><dd>d</dd></dl><hr />" },
  { "table",
    "<table><caption>c</caption><thead><tr><th align=\"center\" colspan=\"2\" onclick=\"x\">h</th></tr></thead>"
    "<tbody><tr><td rowspan=3 style=\"x\" align=javascript>d</td></tr></tbody><tfoot></tfoot></table>",
    "<table><caption>c</caption><thead><tr><th align=\"center\" colspan=\"2\">h</th></tr></thead>"
    "<tbody><tr><td rowspan=\"3\">d</td></tr></tbody><tfoot></tfoot></table>" },
  { "code-language", "<pre><code class=\"language-python\">x = 1 &lt; 2</code></pre><code class=\"x y\">c</code>",
    "<pre><code class=\"language-python\">x = 1 &lt; 2</code></pre><code>c</code>" },
  { "task-list", "<ul><li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>"
    "<li><input type=checkbox name=x> open</li></ul>",
    "<ul><li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>"
    "<li><input type=\"checkbox\" disabled=\"\" /> open</li></ul>" },
  { "ids-and-classes", "<span id=\"notes\" class=\"no-answer\">sp</span><div lang=en dir=rtl>d</div>",
    "<span>sp</span><div>d</div>" },
  { "tex-marks", "<p><span class=\"bp-tex\" data-display=\"inline\">x &lt; 2</span> "
    "<span class=\"bp-tex\" data-display=\"script\" onclick=\"x\">y</span></p>",
    "<p><span class=\"bp-tex\" data-display=\"inline\">x &lt; 2</span> "
    "<span class=\"bp-tex\">y</span></p>" },
  { "unknown-elements", "<section><font color=red>f</font><center>c</center></section>", "fc" },
  { "escaping", "\"quotes\" &amp; &lt;b&gt;", "<p>&quot;quotes&quot; &amp; &lt;b&gt;</p>" },
  /* Images: local ones served from the deck's folder, remote ones never fetched. */
  { "local-image", "<img src=\"img/a%20b.png?x=1#f\" alt=\"ok\" width=\"10\" height=\"20px\" title=\"T\">",
    "<img src=\"" FILE_URI "img/a%20b.png\" alt=\"ok\" title=\"T\" width=\"10\" />" },
  { "local-image-dot", "<img src=\"./img/./x.png\" alt=\"a&quot;b\">", "<img src=\"" FILE_URI "img/x.png\" alt=\"a&quot;b\" />" },
  { "image-up", "<img src=\"../secret.png\" alt=\"up\">", OUTSIDE ("up") },
  { "image-up-escaped", "<img src=\"img/%2e%2e/%2E%2E/x.png\" alt=\"dots\">", OUTSIDE ("dots") },
  { "image-absolute", "<img src=\"/etc/passwd\" alt=\"abs\">", OUTSIDE ("abs") },
  { "image-absolute-escaped", "<img src=\"%2Fetc/passwd\" alt=\"abs\">", OUTSIDE ("abs") },
  { "image-backslash", "<img src=\"..\\secret.png\" alt=\"bs\">", OUTSIDE ("bs") },
  { "image-data", "<img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\" alt=\"d\">", NOT_A_FILE ("d") },
  { "image-javascript", "<img src=\"javascript:alert(1)\" alt=\"j\">", NOT_A_FILE ("j") },
  { "image-file", "<img src=\"file:///etc/passwd\" alt=\"f\">", OUTSIDE ("f") },
  { "image-srcset", "<img srcset=\"https://x.example/a.png 2x\" alt=\"s\">", NOT_A_FILE ("s") },
  { "image-up-no-alt", "<img src=\"../x.png\">", OUTSIDE ("Image") },
  { "remote-image", "<img src=\"https://example.com/a.png\" alt=\"A chart\">",
    "<a class=\"remote-image\" href=\"https://example.com/a.png\" " REMOTE_TITLE ("example.com") ">"
    "<span class=\"remote-image-alt\">A chart</span> <span class=\"remote-image-host\">example.com</span></a>" },
  { "remote-image-protocol-relative", "<img src=\"//cdn.example.org/b.png\">",
    "<a class=\"remote-image\" href=\"https://cdn.example.org/b.png\" " REMOTE_TITLE ("cdn.example.org") ">"
    "<span class=\"remote-image-alt\">Image</span> <span class=\"remote-image-host\">cdn.example.org</span></a>" },
  { "remote-image-in-link", "<a href=\"https://x.example\"><img src=\"HTTP://img.example/b.svg\" alt=\"badge\"></a>",
    "<a href=\"https://x.example\"><span class=\"remote-image\" " REMOTE_TITLE ("img.example") ">"
    "<span class=\"remote-image-alt\">badge</span> <span class=\"remote-image-host\">img.example</span></span></a>" },
};

static void
test_vector (gconstpointer data)
{
  const Vector *vector = data;
  g_autofree char *output = bp_html_sanitize (vector->input, strlen (vector->input), DECK_ID);

  g_assert_cmpstr (output, ==, vector->expected);
}

/* Without a deck to serve them from, local images are refused, their description kept. */
static void
test_no_deck (void)
{
  static const char input[] = "<img src=\"a.png\" alt=\"local\">";
  g_autofree char *output = bp_html_sanitize (input, strlen (input), NULL);

  g_assert_cmpstr (output, ==, "local");
}

static void
test_invalid_utf8_and_nul (void)
{
  static const char input[] = "<p>a\xff\xfe b\0c</p>";
  g_autofree char *output = bp_html_sanitize (input, sizeof input - 1, DECK_ID);

  g_assert_true (g_utf8_validate (output, -1, NULL));
  g_assert_cmpstr (output, ==, "<p>a\xef\xbf\xbd\xef\xbf\xbd b\xef\xbf\xbd" "c</p>");
}

/* Deeper elements keep their text, not their tags: the page's layout stays fast. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autofree char *output = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (input, "<div>");
  g_string_append (input, "deepest");
  output = bp_html_sanitize (input->str, input->len, DECK_ID);

  g_assert_nonnull (strstr (output, "deepest"));
  g_assert_cmpuint (strlen (output), <=, BP_HTML_SANITIZER_MAX_DEPTH * strlen ("<div></div>") + strlen ("deepest"));
}


static char *
render_untrusted (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse ("deck-1", markdown, -1, BP_DECK_UNTRUSTED, &error);

  g_assert_no_error (error);
  return bp_page_renderer_render_answer (bp_deck_get_question (deck, 0));
}

/* Raw lists, quotes and emphases are held to the depth cmark's own are flattened to, the
 * markdown nesting around them counted in: the answer is sanitized whole. */
static char *
render_nested (const char *markdown_prefix,
               const char *raw_tag)
{
  g_autoptr(GString) markdown = g_string_new ("### Q1: Deep\n\n");

  for (guint i = 0; i < 20; i++)
    g_string_append (markdown, markdown_prefix);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (markdown, "<%s>", raw_tag);
  g_string_append (markdown, "deepest\n");

  return render_untrusted (markdown->str);
}

static void
test_kind_nesting (void)
{
  static const char * const blocks[] = { "ul", "ol", "blockquote", NULL };
  static const char * const inlines[] = { "em", "strong", "a", NULL };
  g_autofree char *quotes = render_nested ("> ", "blockquote");
  g_autofree char *lists = render_nested ("> ", "ul><li");
  g_autofree char *emphases = render_nested ("> ", "em");

  g_assert_nonnull (strstr (quotes, "deepest"));
  g_assert_cmpuint (html_max_depth (quotes, blocks), ==, BP_CMARK_MAX_NESTING);
  g_assert_nonnull (strstr (lists, "deepest"));
  g_assert_cmpuint (html_max_depth (lists, blocks), ==, BP_CMARK_MAX_NESTING);
  g_assert_nonnull (strstr (emphases, "deepest"));
  g_assert_cmpuint (html_max_depth (emphases, inlines), ==, BP_CMARK_MAX_NESTING);
}

/* In a deck: inline HTML split over cmark's nodes is read as the paragraph it is in;
 * blocks without raw HTML or images keep cmark's own output. */
static void
test_in_deck (void)
{
  g_autofree char *html = render_untrusted (
    "### Q1: Copy\n\n"
    "Press <kbd>Ctrl</kbd>+<kbd onclick=\"alert(1)\">C</kbd>, *then* paste.\n\n"
    "<details><summary>Answer</summary>\n\n"
    "It is **copied**.\n\n"
    "</details>\n\n"
    "Plain *text* & more.\n\n"
    "![Chart](images/chart.png \"The chart\") and ![Badge](https://img.example/b.svg)\n");

  g_assert_cmpstr (html, ==,
    "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, <em>then</em> paste.</p>\n"
    "<details><summary>Answer</summary>\n"
    "<p>It is <strong>copied</strong>.</p>\n"
    "</details>\n"
    "<p>Plain <em>text</em> &amp; more.</p>\n"
    "<p><img src=\"" FILE_URI "images/chart.png\" alt=\"Chart\" title=\"The chart\" /> and "
    "<a class=\"remote-image\" href=\"https://img.example/b.svg\" " REMOTE_TITLE ("img.example") ">"
    "<span class=\"remote-image-alt\">Badge</span> <span class=\"remote-image-host\">img.example</span></a></p>\n");
}

/* What the page shows of raw HTML is what the search finds; never a script's code. */
static void
test_search_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse ("deck-1",
                                                 "### Q1: Text\n\n"
                                                 "<div>Backpropagation <script>hiddencode()</script></div>\n",
                                                 -1, BP_DECK_UNTRUSTED, &error);
  const char *text;

  g_assert_no_error (error);
  text = bp_answer_document_get_text (bp_question_get_document (bp_deck_get_question (deck, 0)));
  g_assert_nonnull (strstr (text, "Backpropagation"));
  g_assert_null (strstr (text, "hiddencode"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autofree char *path = g_strdup_printf ("/html-sanitizer/vector/%s", vectors[i].name);

      g_test_add_data_func (path, &vectors[i], test_vector);
    }
  g_test_add_func ("/html-sanitizer/no-deck", test_no_deck);
  g_test_add_func ("/html-sanitizer/invalid-utf8-and-nul", test_invalid_utf8_and_nul);
  g_test_add_func ("/html-sanitizer/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html-sanitizer/kind-nesting", test_kind_nesting);
  g_test_add_func ("/html-sanitizer/in-deck", test_in_deck);
  g_test_add_func ("/html-sanitizer/search-text", test_search_text);

  return g_test_run ();
}
