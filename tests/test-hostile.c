/* test-hostile.c: hostile answers and notes in the real web view: nothing runs, loads or crashes
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bp-answer-view-private.h"
#include "bp-deck-parser.h"
#include "bp-library.h"
#include "bp-page-renderer.h"
#include "loopback-server.h"
#include "ui-test-utils.h"

#define HOSTILE_TITLE "Hostile"
#define NEXT_TITLE "Next"
#define HUGE_LINE_BYTES (10 * 1024 * 1024)
#define DEEP_NESTING 100000
/* A generous bound, to catch a parse or render that went quadratic. */
#define MAX_CORE_SECONDS 10.0

/* Each document's answer; %1$s is the loopback server every way out points at. Anything
 * that runs sets the title or adds #ran, so a script that did run cannot go unseen. */
typedef struct
{
  const char *name;
  const char *answer_format;
  char *(*generate) (void);
} HostileDocument;

static const char script_answer[] =
  "<script>document.title = 'script ran'; "
  "document.body.insertAdjacentHTML('beforeend', '<p id=\"ran\">script</p>');</script>\n"
  "\n"
  "<script src=\"%1$s/script.js\"></script>\n"
  "\n"
  "<img src=\"missing.png\" onerror=\"document.title = 'onerror ran'\">\n"
  "\n"
  "<svg onload=\"document.title = 'svg onload ran'\"><rect width=\"1\" height=\"1\"/></svg>\n"
  "\n"
  "<details open ontoggle=\"document.title = 'ontoggle ran'\"><summary>More</summary>x</details>\n"
  "\n"
  "<div id=\"focus\" tabindex=\"0\" autofocus onfocus=\"document.title = 'onfocus ran'\">Focus</div>\n";

static const char frame_answer[] =
  "<iframe src=\"%1$s/frame.html\"></iframe>\n"
  "\n"
  "<iframe srcdoc=\"&lt;script&gt;parent.document.title = 'srcdoc ran'&lt;/script&gt;\"></iframe>\n"
  "\n"
  "<iframe src=\"javascript:parent.document.title = 'frame url ran'\"></iframe>\n"
  "\n"
  "<object data=\"%1$s/object.html\"></object>\n"
  "\n"
  "<embed src=\"%1$s/embed.swf\">\n";

static const char image_answer[] =
  "<img src=\"%1$s/image.png\">\n"
  "\n"
  "<img srcset=\"%1$s/srcset.png 2x\" src=\"%1$s/fallback.png\">\n"
  "\n"
  "<picture><source srcset=\"%1$s/source.png\"><img src=\"%1$s/picture.png\"></picture>\n"
  "\n"
  "<video poster=\"%1$s/poster.png\" src=\"%1$s/video.webm\" autoplay></video>\n"
  "\n"
  "<audio src=\"%1$s/audio.ogg\" autoplay></audio>\n"
  "\n"
  "<svg><image href=\"%1$s/svg-image.png\" width=\"10\" height=\"10\"/></svg>\n"
  "\n"
  "<link rel=\"stylesheet\" href=\"%1$s/style.css\">\n"
  "<link rel=\"prefetch\" href=\"%1$s/prefetch\">\n"
  "<link rel=\"preload\" as=\"image\" href=\"%1$s/preload.png\">\n"
  "\n"
  "A markdown image: ![remote](%1$s/markdown.png)\n";

static const char link_answer[] =
  "[A script link](javascript:document.title='link ran') and\n"
  "[a data link](data:text/html,%%3Cscript%%3Eparent.document.title='data ran'%%3C/script%%3E),\n"
  "<a href=\"javascript:document.title = 'raw link ran'\">a raw script link</a>,\n"
  "<a href=\"data:text/html,&lt;script&gt;document.title = 'x'&lt;/script&gt;\">a raw data link</a>,\n"
  "<a href=\"javascript:document.title = 'new window ran'\" target=\"_blank\">a new window</a>.\n"
  "\n"
  "![data image](data:image/svg+xml,%%3Csvg xmlns='http://www.w3.org/2000/svg' onload='document.title=1'/%%3E)\n"
  "\n"
  "<form action=\"%1$s/form\" method=\"post\"><button id=\"submit\" type=\"submit\">Send</button></form>\n";

static const char refresh_answer[] =
  "<meta http-equiv=\"refresh\" content=\"0; url=%1$s/refresh.html\">\n"
  "\n"
  "<meta http-equiv=\"refresh\" content=\"0; url=javascript:document.title = 'refresh ran'\">\n"
  "\n"
  "<base href=\"%1$s/base/\">\n"
  "\n"
  "<img src=\"relative-to-base.png\"> [relative](relative-to-base.html)\n";

static const char css_answer[] =
  "<div style=\"background: url(%1$s/background.png); width: 10px; height: 10px\">Styled</div>\n"
  "\n"
  "<span style=\"cursor: url(%1$s/cursor.png), auto; list-style-image: url(%1$s/list.png)\">Cursor</span>\n"
  "\n"
  "<style>\n"
  "@import url(%1$s/import.css);\n"
  "@font-face { font-family: Remote; src: url(%1$s/font.woff2); }\n"
  "body { background-image: url(%1$s/body.png); font-family: Remote; }\n"
  "h1::after { content: url(%1$s/after.png); }\n"
  "</style>\n"
  "\n"
  "<svg><use href=\"%1$s/sprite.svg#icon\"/></svg>\n";

static char *
huge_line (void)
{
  GString *text = g_string_sized_new (HUGE_LINE_BYTES + 16);

  while (text->len < HUGE_LINE_BYTES)
    g_string_append (text, "gradient ");
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}

static char *
repeat (const char *unit,
        guint       times,
        const char *end)
{
  GString *text = g_string_sized_new (strlen (unit) * times + strlen (end));

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);
  g_string_append (text, end);

  return g_string_free (text, FALSE);
}

static char *
deep_list (void)
{
  return repeat ("- ", DEEP_NESTING, "deepest item\n");
}

static char *
deep_ordered_list (void)
{
  return repeat ("1. ", DEEP_NESTING, "deepest item\n");
}

static char *
deep_quote (void)
{
  return repeat ("> ", DEEP_NESTING, "deepest quote\n");
}

static char *
deep_quoted_list (void)
{
  return repeat ("> - ", DEEP_NESTING, "deepest quoted item\n");
}

static const HostileDocument documents[] = {
  { "scripts", script_answer, NULL },
  { "frames", frame_answer, NULL },
  { "remote-images", image_answer, NULL },
  { "script-and-data-links", link_answer, NULL },
  { "meta-refresh", refresh_answer, NULL },
  { "css-urls", css_answer, NULL },
  { "huge-line", NULL, huge_line },
  { "deep-list", NULL, deep_list },
  { "deep-ordered-list", NULL, deep_ordered_list },
  { "deep-quote", NULL, deep_quote },
  { "deep-quoted-list", NULL, deep_quoted_list },
};

typedef struct
{
  const HostileDocument *document;
  BpDeckTrust trust;
} TestCase;

typedef struct
{
  GtkWindow *window;
  BpAnswerView *view;
  WebKitWebView *web_view;
  BpPageRenderer *renderer;
  BpDeck *deck;
  BpStudyStore *store;
  char *store_dir;
  LoopbackServer *server;
  guint n_terminated;  /* web process ends, which the view recovers from once */
} Fixture;

static void
web_process_terminated_cb (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           Fixture                           *fixture)
{
  g_test_message ("The web process ended: reason %d", reason);
  fixture->n_terminated++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = loopback_server_new ();
  fixture->renderer = bp_page_renderer_new_from_resources (&error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = BP_ANSWER_VIEW (bp_answer_view_new (shared_page_handler ()));
  fixture->web_view = bp_answer_view_get_web_view (fixture->view);
  g_signal_connect (fixture->web_view, "web-process-terminated",
                    G_CALLBACK (web_process_terminated_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  present_window (fixture->window, 700, 500);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_pointer (&fixture->server, loopback_server_free);
  bp_page_handler_remove_deck (shared_page_handler (), "hostile");
  bp_page_handler_set_store (shared_page_handler (), NULL);
  g_clear_object (&fixture->deck);
  g_clear_object (&fixture->renderer);

  if (fixture->store != NULL)
    {
      g_autofree char *path = g_strdup (bp_study_store_get_path (fixture->store));

      g_assert_true (bp_study_store_flush (fixture->store, NULL));
      g_clear_object (&fixture->store);
      g_assert_no_errno (g_remove (path));
      g_assert_no_errno (g_rmdir (fixture->store_dir));
    }
  g_clear_pointer (&fixture->store_dir, g_free);
}

static char *
hostile_deck_text (Fixture               *fixture,
                   const HostileDocument *document)
{
  g_autofree char *answer = NULL;

  if (document->generate != NULL)
    answer = document->generate ();
  else
    answer = g_strdup_printf (document->answer_format,
                              loopback_server_get_uri (fixture->server));

  return g_strconcat ("### Q1: " HOSTILE_TITLE "\n\n", answer,
                      "\n### Q2: " NEXT_TITLE "\n\nThe page after.\n", NULL);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

/* The core's share: the parse and the page finish, in bounded time, before any web view. */
static void
parse_and_render (Fixture     *fixture,
                  const char  *text,
                  BpDeckTrust  trust)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  gint64 start = g_get_monotonic_time ();
  double parsed, rendered;

  fixture->deck = bp_deck_parser_parse ("hostile", text, -1, trust, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bp_deck_get_n_questions (fixture->deck), ==, 2);
  parsed = seconds_since (start);

  start = g_get_monotonic_time ();
  page = bp_page_renderer_render (fixture->renderer, bp_deck_get_question (fixture->deck, 0),
                                  BP_PAGE_THEME_LIGHT, text);
  rendered = seconds_since (start);

  g_test_message ("%zu bytes of markdown: parsed in %.3f s, rendered (answer and the same text "
                  "as notes) into %zu bytes of HTML in %.3f s",
                  strlen (text), parsed, strlen (page), rendered);
  g_assert_cmpfloat (parsed, <, MAX_CORE_SECONDS);
  g_assert_cmpfloat (rendered, <, MAX_CORE_SECONDS);
}

static void
load_question (Fixture *fixture,
               guint    position)
{
  BpQuestion *question = bp_deck_get_question (fixture->deck, position);
  g_autofree char *uri = bp_page_handler_dup_uri_for_question (question);
  gint64 start = g_get_monotonic_time ();

  bp_answer_view_set_question (fixture->view, question);
  wait_for_uri (fixture->web_view, uri);
  g_test_message ("%s loaded in %.2f s", uri, seconds_since (start));
}

/* Reads the page through the app's own script: the page itself cannot run any. */
static void
assert_page_reads (Fixture    *fixture,
                   const char *expected_heading)
{
  g_autofree char *heading = evaluate (fixture->web_view, "document.querySelector('h1').textContent");
  g_autofree char *ran = evaluate (fixture->web_view, "document.getElementById('ran') === null");

  g_assert_cmpstr (heading, ==, expected_heading);
  g_assert_cmpstr (webkit_web_view_get_title (fixture->web_view), ==, expected_heading);
  g_assert_cmpstr (ran, ==, "true");
}

/* What a reader could do: click every link and button, focus, scroll to the end. */
static void
poke_page (Fixture *fixture)
{
  /* Not web links: those rightly open in the browser, which would then fetch them. */
  g_free (evaluate (fixture->web_view,
                    "for (const element of document.querySelectorAll('a, button, summary'))"
                    "  if (!element.href?.startsWith('http'))"
                    "    element.click();"
                    "document.getElementById('focus')?.focus();"
                    "window.scrollTo(0, document.body.scrollHeight);"
                    "true"));
  /* Time for a refresh, a handler or a navigation, were any allowed. */
  spin_for_ms (1000);
  /* A web process that crashed (under load, llvmpipe sometimes does) is replaced and the
   * page loaded again; one the page itself brings down again shows an error instead, which
   * the checks after this one fail on. */
  if (fixture->n_terminated > 0)
    spin_until (page_loaded, fixture->web_view, "the page to load again in a new web process");
}

static void
test_hostile_document (Fixture       *fixture,
                       gconstpointer  data)
{
  const TestCase *test_case = data;
  g_autofree char *text = hostile_deck_text (fixture, test_case->document);

  parse_and_render (fixture, text, test_case->trust);
  g_clear_pointer (&text, g_free);

  bp_page_handler_add_deck (shared_page_handler (), fixture->deck);
  load_question (fixture, 0);
  poke_page (fixture);

  /* Still the hostile page, unchanged by anything in it, and still answering. */
  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==,
                   "backprop://deck/hostile/hostile");
  assert_page_reads (fixture, HOSTILE_TITLE);

  /* And the view goes on to the next question as if nothing had happened. */
  load_question (fixture, 1);
  assert_page_reads (fixture, NEXT_TITLE);

  g_assert_cmpuint (fixture->n_terminated, <=, 1);
  g_assert_cmpuint (loopback_server_get_n_requests (fixture->server), ==, 0);
}

static gboolean
page_notes_updated (gpointer web_view)
{
  g_autofree char *shown = evaluate (web_view, "document.getElementById('notes').textContent"
                                               ".includes('One more line, typed in the pane.')");

  return g_strcmp0 (shown, "true") == 0;
}

/* Notes are the one text a user can always put in a page: they must hold as well. */
static void
test_hostile_notes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = deep_quoted_list ();
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  const char *server_uri = loopback_server_get_uri (fixture->server);

  for (gsize i = 0; i < G_N_ELEMENTS (documents); i++)
    if (documents[i].answer_format != NULL)
      g_string_append_printf (notes, documents[i].answer_format, server_uri);
  g_string_append_printf (notes, "\n\n%s", deep);

  fixture->store_dir = g_dir_make_tmp ("backprop-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->store_dir, "study.ini", NULL);
  fixture->store = bp_study_store_new (path);
  g_assert_true (bp_study_store_load (fixture->store, &error));
  g_assert_no_error (error);

  fixture->deck = bp_deck_parser_parse ("hostile", "### Q1: " HOSTILE_TITLE "\n\nPlain.\n"
                                        "### Q2: " NEXT_TITLE "\n\nThe page after.\n",
                                        -1, BP_DECK_TRUSTED, &error);
  g_assert_no_error (error);
  bp_study_store_set_notes (fixture->store, "hostile/hostile", notes->str);
  bp_page_handler_set_store (shared_page_handler (), fixture->store);
  bp_page_handler_add_deck (shared_page_handler (), fixture->deck);

  load_question (fixture, 0);
  poke_page (fixture);
  assert_page_reads (fixture, HOSTILE_TITLE);
  shown = evaluate (fixture->web_view,
                    "document.getElementById('notes').textContent.includes('deepest quoted item')");
  g_assert_cmpstr (shown, ==, "true");

  /* Refreshed in place, as after an edit in the notes pane. */
  g_string_append (notes, "\n\nOne more line, typed in the pane.");
  bp_study_store_set_notes (fixture->store, "hostile/hostile", notes->str);
  bp_answer_view_refresh_notes (fixture->view);
  spin_until (page_notes_updated, fixture->web_view, "the edited notes in the page");
  poke_page (fixture);
  assert_page_reads (fixture, HOSTILE_TITLE);
  g_free (shown);
  shown = evaluate (fixture->web_view,
                    "document.getElementById('notes').textContent.includes('deepest quoted item')");
  g_assert_cmpstr (shown, ==, "true");

  load_question (fixture, 1);
  assert_page_reads (fixture, NEXT_TITLE);

  g_assert_cmpuint (fixture->n_terminated, <=, 1);
  g_assert_cmpuint (loopback_server_get_n_requests (fixture->server), ==, 0);
}

/* A deck file as a user opens one */

/* The smallest PNG: one pixel. */
#define PIXEL_PNG_BASE64 \
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

/* %1$s is the loopback server. Its images: one beside it, one outside its folder named
 * by "..", one outside reached through a link in the folder. */
static const char hostile_file_format[] =
  "# A hostile deck\n\n"
  "### Q1: " HOSTILE_TITLE "\n\n"
  "<script>document.title = 'script ran'</script>\n\n"
  "<img src=\"inside.png\" alt=\"inside\" onload=\"document.title = 'onload ran'\">\n\n"
  "![inside, in markdown](inside.png)\n\n"
  "<img src=\"../outside.png\" alt=\"up\"> <img src=\"link-out.png\" alt=\"linked\">\n\n"
  "<img src=\"%1$s/remote.png\" alt=\"A remote chart\"> ![remote](%1$s/markdown.png)\n\n"
  "<iframe src=\"%1$s/frame.html\"></iframe><object data=\"%1$s/object\"></object>\n\n"
  "<svg onload=\"document.title = 'svg ran'\"><image href=\"%1$s/svg.png\"/></svg>\n\n"
  "<div onclick=\"document.title = 'onclick ran'\" style=\"background: url(%1$s/bg.png)\">Click</div>\n\n"
  "<a href=\"javascript:document.title = 'link ran'\">a script link</a>\n\n"
  "<details><summary>Answer</summary>\n\nThe **sanitized** answer.\n\n</details>\n\n"
  "### Q2: " NEXT_TITLE "\n\nThe page after.\n";

static void
write_pixel (const char *path)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree guchar *png = g_base64_decode (PIXEL_PNG_BASE64, &length);

  g_assert_true (g_file_set_contents (path, (const char *)png, length, &error));
  g_assert_no_error (error);
}

/* root/deck/hostile.md, root/deck/inside.png, root/outside.png, root/deck/link-out.png -> ../outside.png */
static char *
write_hostile_folder (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deck_dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *link = NULL;

  fixture->store_dir = g_dir_make_tmp ("backprop-hostile-file-XXXXXX", &error);
  g_assert_no_error (error);
  deck_dir = g_build_filename (fixture->store_dir, "deck", NULL);
  g_assert_no_errno (g_mkdir (deck_dir, 0700));

  path = g_build_filename (deck_dir, "hostile.md", NULL);
  text = g_strdup_printf (hostile_file_format, loopback_server_get_uri (fixture->server));
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  inside = g_build_filename (deck_dir, "inside.png", NULL);
  outside = g_build_filename (fixture->store_dir, "outside.png", NULL);
  link = g_build_filename (deck_dir, "link-out.png", NULL);
  write_pixel (inside);
  write_pixel (outside);
  g_assert_no_errno (symlink ("../outside.png", link));

  return g_steal_pointer (&path);
}

static void
remove_hostile_folder (Fixture *fixture)
{
  const char * const files[] = { "deck/hostile.md", "deck/inside.png", "deck/link-out.png",
                                 "outside.png", "library.ini", "deck", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->store_dir, files[i], NULL);

      g_remove (path);
    }
  g_clear_pointer (&fixture->store_dir, g_free);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* As the window opens a file: the library reads it off the main thread (untrusted), and
 * the handler serves its pages and its folder. */
static BpLibrary *
open_in_library (Fixture    *fixture,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) builtin = bp_deck_parser_parse_builtin (&error);
  g_autofree char *library_path = g_build_filename (fixture->store_dir, "library.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *folder = NULL;
  BpLibrary *library;
  BpLibraryEntry *entry;

  g_assert_no_error (error);
  library = bp_library_new (library_path, builtin);
  bp_library_open_async (library, file, NULL, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  entry = bp_library_open_finish (library, result, &error);
  g_assert_no_error (error);
  g_assert_false (bp_deck_get_trusted (bp_library_entry_get_deck (entry)));

  fixture->deck = g_object_ref (bp_library_entry_get_deck (entry));
  folder = g_path_get_dirname (bp_library_entry_get_path (entry));
  bp_page_handler_add_deck (shared_page_handler (), fixture->deck);
  bp_page_handler_set_deck_folder (shared_page_handler (), bp_deck_get_id (fixture->deck), folder);

  return library;
}

static gboolean
images_complete (gpointer data)
{
  g_autofree char *complete = evaluate (data, "Array.from(document.images).every(i => i.complete)");

  return g_str_equal (complete, "true");
}

static char *
image_width (Fixture    *fixture,
             const char *name)
{
  g_autofree char *script = g_strdup_printf ("Array.from(document.images)"
                                             ".filter(i => i.src.endsWith('/%s'))"
                                             ".map(i => i.naturalWidth).join(',')", name);

  return evaluate (fixture->web_view, script);
}

static void
test_hostile_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_hostile_folder (fixture);
  g_autoptr(BpLibrary) library = open_in_library (fixture, path);
  g_autofree char *n_images = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *linked = NULL;
  g_autofree char *placeholders = NULL;
  g_autofree char *details = NULL;

  load_question (fixture, 0);
  spin_until (images_complete, fixture->web_view, "the page's images to load or fail");
  poke_page (fixture);
  assert_page_reads (fixture, HOSTILE_TITLE);

  /* The image beside the deck is shown, twice; the one named by ".." is not even asked
   * for; the one a link leads out to is refused by the handler. */
  n_images = evaluate (fixture->web_view, "document.images.length");
  inside = image_width (fixture, "inside.png");
  linked = image_width (fixture, "link-out.png");
  g_assert_cmpstr (n_images, ==, "3");
  g_assert_cmpstr (inside, ==, "1,1");
  g_assert_cmpstr (linked, ==, "0");

  /* Remote images are placeholders naming their host, and the answer still reads. */
  placeholders = evaluate (fixture->web_view,
                           "Array.from(document.querySelectorAll('a.remote-image'))"
                           ".map(a => a.textContent).join('|')");
  g_assert_cmpstr (placeholders, ==, "A remote chart 127.0.0.1|remote 127.0.0.1");
  details = evaluate (fixture->web_view, "document.querySelector('details strong').textContent");
  g_assert_cmpstr (details, ==, "sanitized");

  load_question (fixture, 1);
  assert_page_reads (fixture, NEXT_TITLE);
  g_assert_cmpuint (fixture->n_terminated, <=, 1);
  g_assert_cmpuint (loopback_server_get_n_requests (fixture->server), ==, 0);

  bp_page_handler_remove_deck (shared_page_handler (), bp_deck_get_id (fixture->deck));
  remove_hostile_folder (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) test_cases = g_ptr_array_new_with_free_func (g_free);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  for (gsize i = 0; i < G_N_ELEMENTS (documents); i++)
    for (BpDeckTrust trust = BP_DECK_UNTRUSTED; trust <= BP_DECK_TRUSTED; trust++)
      {
        TestCase *test_case = g_new (TestCase, 1);
        g_autofree char *path = NULL;

        *test_case = (TestCase) { &documents[i], trust };
        g_ptr_array_add (test_cases, test_case);
        path = g_strdup_printf ("/hostile/%s/%s", documents[i].name,
                                trust == BP_DECK_TRUSTED ? "trusted" : "untrusted");
        g_test_add (path, Fixture, test_case, fixture_set_up, test_hostile_document, fixture_tear_down);
      }

  g_test_add ("/hostile/notes", Fixture, NULL, fixture_set_up, test_hostile_notes, fixture_tear_down);
  g_test_add ("/hostile/deck-file", Fixture, NULL, fixture_set_up, test_hostile_file, fixture_tear_down);

  return g_test_run ();
}
