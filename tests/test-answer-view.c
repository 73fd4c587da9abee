/* test-answer-view.c: the web view is locked down: no script, no way out of the app's pages
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bp-answer-view-private.h"
#include "bp-deck-parser.h"
#include "bp-page-renderer.h"
#include "loopback-server.h"
#include "ui-test-utils.h"

#define LARGE_BLOCK_BYTES (16 * 1024 * 1024)

/* Trusted, like the built-in deck, so raw HTML reaches the page: the view must still hold.
 * Every way out points at a loopback server that counts the requests it gets. */
static const char hostile_deck_format[] =
  "### Q1: First\n"
  "\n"
  "<script>document.title = 'script ran';</script>\n"
  "\n"
  "<img src=\"x\" onerror=\"document.title = 'handler ran'\">\n"
  "\n"
  "<img src=\"%1$s/image.png\">\n"
  "\n"
  "<iframe src=\"%1$s/frame.html\"></iframe>\n"
  "\n"
  "<link rel=\"stylesheet\" href=\"%1$s/style.css\">\n"
  "\n"
  "<div style=\"background: url(%1$s/background.png)\">Styled</div>\n"
  "\n"
  "<meta http-equiv=\"refresh\" content=\"0; url=%1$s/refresh.html\">\n"
  "\n"
  "A [web link](%1$s/link.html), [the second question](backprop://deck/test/second),\n"
  "[a script link](javascript:document.title='ran') and [an anchor](#part).\n"
  "\n"
  "<p id=\"part\">Part</p>\n"
  "\n"
  "### Q2: Second\n"
  "\n"
  "Two.\n";

typedef struct
{
  GtkWindow *window;
  BpAnswerView *view;
  WebKitWebView *web_view;
  BpDeck *deck;
  LoopbackServer *server;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deck = NULL;

  fixture->server = loopback_server_new ();
  deck = g_strdup_printf (hostile_deck_format, loopback_server_get_uri (fixture->server));
  fixture->deck = bp_deck_parser_parse ("test", deck, -1, BP_DECK_TRUSTED, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  bp_page_handler_add_deck (shared_page_handler (), fixture->deck);
  fixture->view = BP_ANSWER_VIEW (bp_answer_view_new (shared_page_handler ()));
  fixture->web_view = bp_answer_view_get_web_view (fixture->view);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  present_window (fixture->window, 700, 500);

  bp_answer_view_set_question (fixture->view, bp_deck_get_question (fixture->deck, 0));
  spin_until (page_loaded, fixture->web_view, "the first page");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_pointer (&fixture->server, loopback_server_free);
  bp_page_handler_remove_deck (shared_page_handler (), "test");
  g_clear_object (&fixture->deck);
}

static void
assert_still_on_first_page (Fixture *fixture)
{
  g_autofree char *heading = evaluate (fixture->web_view, "document.querySelector('h1').textContent");

  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==, "backprop://deck/test/first");
  g_assert_cmpstr (webkit_web_view_get_title (fixture->web_view), ==, "First");
  g_assert_cmpstr (heading, ==, "First");
}

static void
test_page_scripts_never_run (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *image = NULL;

  /* Time for the refresh, the onerror handler and the script, were any allowed. */
  spin_for_ms (1500);

  /* The image did fail, so its handler had its chance. */
  image = evaluate (fixture->web_view, "document.images[0].complete && !document.images[0].naturalWidth");
  g_assert_cmpstr (image, ==, "true");
  assert_still_on_first_page (fixture);
  /* Nor did the page load anything from the network: image, frame, style sheet, refresh. */
  g_assert_cmpuint (loopback_server_get_n_requests (fixture->server), ==, 0);
}

static void
test_page_carries_csp (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *csp = evaluate (fixture->web_view,
                                   "document.querySelector('meta[http-equiv]').content");
  g_autofree char *settings_js = NULL;
  WebKitSettings *settings = webkit_web_view_get_settings (fixture->web_view);

  g_assert_cmpstr (csp, ==, BP_PAGE_CSP);
  g_assert_false (webkit_settings_get_enable_javascript_markup (settings));
  g_assert_false (webkit_settings_get_enable_developer_extras (settings));
}

static void
test_navigation_is_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *server_uri = loopback_server_get_uri (fixture->server);
  g_autofree char *go_away = g_strdup_printf ("location.href = '%s/away.html'; 1", server_uri);
  g_autofree char *pop_up = g_strdup_printf ("window.open('%s/popup.html'); 1", server_uri);

  g_free (evaluate (fixture->web_view, go_away));
  g_free (evaluate (fixture->web_view, pop_up));
  g_free (evaluate (fixture->web_view, "location.href = 'file:///etc/passwd'; 1"));
  g_free (evaluate (fixture->web_view, "document.querySelectorAll('a')[2].click(); 1"));
  spin_for_ms (1000);

  assert_still_on_first_page (fixture);
  g_assert_cmpuint (loopback_server_get_n_requests (fixture->server), ==, 0);
}

static void
open_question_cb (BpAnswerView  *view,
                  BpQuestion    *question,
                  BpQuestion   **out)
{
  *out = question;
}

static gboolean
pointer_is_set (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static void
test_question_link_asks_for_question (Fixture       *fixture,
                                      gconstpointer  data)
{
  BpQuestion *requested = NULL;

  g_signal_connect (fixture->view, "open-question", G_CALLBACK (open_question_cb), &requested);
  g_free (evaluate (fixture->web_view, "document.querySelectorAll('a')[1].click(); 1"));
  spin_until (pointer_is_set, &requested, "the link to ask for question 2");

  g_assert_true (requested == bp_deck_get_question (fixture->deck, 1));
  /* The window decides what to open; the view itself has not moved. */
  assert_still_on_first_page (fixture);
}

static void
test_anchor_scrolls_within_page (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_free (evaluate (fixture->web_view, "document.querySelectorAll('a')[3].click(); 1"));
  spin_for_ms (300);

  g_assert_cmpstr (webkit_web_view_get_uri (fixture->web_view), ==,
                   "backprop://deck/test/first#part");
}

/* The handler's addresses go both ways, and a "question:N" link stays within its deck. */
static void
test_handler_resolves_links (Fixture       *fixture,
                             gconstpointer  data)
{
  BpPageHandler *handler = bp_answer_view_get_page_handler (fixture->view);
  BpQuestion *first = bp_deck_get_question (fixture->deck, 0);
  BpQuestion *second = bp_deck_get_question (fixture->deck, 1);
  g_autofree char *uri = bp_page_handler_dup_uri_for_question (second);

  g_assert_cmpstr (uri, ==, "backprop://deck/test/second");
  g_assert_true (bp_page_handler_lookup_question (handler, uri, NULL) == second);
  g_assert_true (bp_page_handler_lookup_question (handler, "backprop://deck/test/second#top", NULL) == second);
  g_assert_true (bp_page_handler_lookup_question (handler, "question:2", first) == second);
  g_assert_null (bp_page_handler_lookup_question (handler, "question:2", NULL));
  g_assert_null (bp_page_handler_lookup_question (handler, "question:9", first));
  g_assert_null (bp_page_handler_lookup_question (handler, "backprop://deck/other/second", NULL));
  g_assert_null (bp_page_handler_lookup_question (handler, "backprop://progress/test/second", NULL));
  g_assert_true (bp_page_handler_lookup_deck (handler, "test") == fixture->deck);
}

static void
load_failed_cb (WebKitWebView    *web_view,
                WebKitLoadEvent   event,
                const char       *uri,
                GError           *error,
                GError          **out)
{
  *out = g_error_copy (error);
}

/* A route the handler does not have is an error page, never an empty one. ("progress", the
 * example this test once used, is a route now.) */
static void
test_unknown_route_fails (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_signal_connect (fixture->web_view, "load-failed", G_CALLBACK (load_failed_cb), &error);
  webkit_web_view_load_uri (fixture->web_view, "backprop://no-such-route/test");
  spin_until (pointer_is_set, &error, "the unknown route to fail");

  g_assert_error (error, BP_PAGE_HANDLER_ERROR, BP_PAGE_HANDLER_ERROR_UNKNOWN_ROUTE);
  g_assert_nonnull (strstr (error->message, "backprop://no-such-route/test"));
}

/* The web processes started for this test program, inside WebKit's sandbox. */
static GArray *
find_web_processes (void)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (GPid));
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *environ_path = g_build_filename ("/proc", name, "environ", NULL);
      g_autofree char *cmdline = NULL;
      g_autofree char *environ = NULL;
      g_autofree char *ours = g_strdup_printf ("BP_TEST_ANSWER_VIEW_PID=%d", getpid ());
      gsize length;
      GPid pid = atoi (name);

      /* The process itself, not the bwrap sandbox around it. */
      if (pid <= 0 || !g_file_get_contents (cmdline_path, &cmdline, NULL, NULL) ||
          !g_str_has_suffix (cmdline, "/WebKitWebProcess") ||
          !g_file_get_contents (environ_path, &environ, &length, NULL))
        continue;
      /* The environment is NUL-separated: look at each entry. */
      for (const char *entry = environ; entry < environ + length; entry += strlen (entry) + 1)
        if (g_str_equal (entry, ours))
          g_array_append_val (pids, pid);
    }
  return pids;
}

static gboolean
has_pid (GArray *pids,
         GPid    pid)
{
  for (guint i = 0; i < pids->len; i++)
    if (g_array_index (pids, GPid, i) == pid)
      return TRUE;
  return FALSE;
}

static void
crash_web_process (Fixture *fixture,
                   guint    n_crashes)
{
  g_autoptr(GArray) before = find_web_processes ();
  g_autoptr(GArray) pids = NULL;
  guint n_killed = 0;

  /* Only processes up for a while: one WebKit is still launching (a spare it starts
   * after a crash) has not told it its pid yet, and killing it then aborts WebKit's
   * launcher in this process, which no crash of a page can do. */
  spin_for_ms (500);
  pids = find_web_processes ();
  /* As a crash would end it; a signal it could handle might be ignored in its sandbox. */
  for (guint i = 0; i < pids->len; i++)
    if (has_pid (before, g_array_index (pids, GPid, i)))
      {
        g_assert_no_errno (kill (g_array_index (pids, GPid, i), SIGKILL));
        n_killed++;
      }
  g_assert_cmpuint (n_killed, >, 0);
  while (_bp_answer_view_get_n_crashes (fixture->web_view) < n_crashes)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
shows_crash_page (gpointer data)
{
  g_autofree char *text = try_evaluate (data, "document.body?.textContent ?? ''");

  return text != NULL && strstr (text, "Could Not Be Shown") != NULL;
}

static gboolean
shows_second_question (gpointer data)
{
  return page_loaded (data) && g_strcmp0 (webkit_web_view_get_title (data), "Second") == 0;
}

/* A web process that crashes leaves no blank view: the page comes back in a new one. A page
 * that crashes it again at once says so, and the next question still opens. */
static void
test_web_process_crash (Fixture       *fixture,
                        gconstpointer  data)
{
  crash_web_process (fixture, 1);
  spin_until (page_loaded, fixture->web_view, "the page to come back");
  assert_still_on_first_page (fixture);

  crash_web_process (fixture, 2);
  spin_until (shows_crash_page, fixture->web_view, "the page to say it could not be shown");

  bp_answer_view_set_question (fixture->view, bp_deck_get_question (fixture->deck, 1));
  wait_for_uri (fixture->web_view, "backprop://deck/test/second");
  spin_until (shows_second_question, fixture->web_view, "the second question's page");
}

static void
test_context_menu_offers_only_copy (void)
{
  static const WebKitContextMenuAction offered[] = {
    WEBKIT_CONTEXT_MENU_ACTION_GO_BACK,
    WEBKIT_CONTEXT_MENU_ACTION_GO_FORWARD,
    WEBKIT_CONTEXT_MENU_ACTION_RELOAD,
    WEBKIT_CONTEXT_MENU_ACTION_STOP,
    WEBKIT_CONTEXT_MENU_ACTION_COPY,
    WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK,
    WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK_IN_NEW_WINDOW,
    WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_LINK_TO_DISK,
    WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD,
    WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_IMAGE_TO_DISK,
    WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT,
  };
  g_autoptr(WebKitContextMenu) menu = webkit_context_menu_new ();
  g_autoptr(WebKitContextMenu) navigation_only = webkit_context_menu_new ();
  GList *items;

  for (gsize i = 0; i < G_N_ELEMENTS (offered); i++)
    webkit_context_menu_append (menu, webkit_context_menu_item_new_from_stock_action (offered[i]));

  g_assert_false (bp_answer_view_trim_context_menu (menu));
  items = webkit_context_menu_get_items (menu);
  g_assert_cmpuint (g_list_length (items), ==, 2);
  g_assert_cmpint (webkit_context_menu_item_get_stock_action (items->data), ==,
                   WEBKIT_CONTEXT_MENU_ACTION_COPY);
  g_assert_cmpint (webkit_context_menu_item_get_stock_action (items->next->data), ==,
                   WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD);

  /* A right click on plain text offers only navigation: then no menu at all. */
  webkit_context_menu_append (navigation_only,
                              webkit_context_menu_item_new_from_stock_action (WEBKIT_CONTEXT_MENU_ACTION_RELOAD));
  g_assert_true (bp_answer_view_trim_context_menu (navigation_only));
}

static gboolean
load_done (gpointer data)
{
  return !webkit_web_view_is_loading (data);
}

/* The view made before any window, loading a blank page to start its web process early,
 * is the first answer view's, and shows its questions; later views make their own. */
/* Whether a large block is mapped for itself, so the system has it back once freed, even
 * right after a larger one was freed: glibc by itself then puts such blocks in its heap,
 * and keeps them there once freed. */
static gboolean
large_block_is_mapped (void)
{
#ifdef __GLIBC__
  struct mallinfo2 before, during;
  char *block;

  g_free (g_malloc (LARGE_BLOCK_BYTES / 2 * 3));
  before = mallinfo2 ();
  block = g_malloc (LARGE_BLOCK_BYTES);
  memset (block, 1, LARGE_BLOCK_BYTES);
  during = mallinfo2 ();
  g_free (block);

  return during.hblkhd >= before.hblkhd + LARGE_BLOCK_BYTES;
#else
  return TRUE;
#endif
}

static void
test_first_view_is_prepared (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDeck) deck = bp_deck_parser_parse ("prepared", "### Q1: Ready\n\nAlready.\n", -1,
                                                 BP_DECK_TRUSTED, &error);
  g_autofree char *blank_uri = bp_page_handler_dup_blank_uri ();
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  BpAnswerView *view, *second;
  WebKitWebView *web_view;

  g_assert_no_error (error);
  bp_page_handler_add_deck (shared_page_handler (), deck);
  bp_answer_view_prepare ();
  view = BP_ANSWER_VIEW (bp_answer_view_new (shared_page_handler ()));
  web_view = bp_answer_view_get_web_view (view);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, blank_uri);
  gtk_window_set_child (window, GTK_WIDGET (view));
  present_window (window, 700, 500);

  /* The blank page is empty, in the answers' style: nothing to read, no error. */
  spin_until (load_done, web_view, "the blank page");
  body = evaluate (web_view, "document.body.innerText.trim()");
  g_assert_cmpstr (body, ==, "");

#ifdef __GLIBC__
  g_assert_false (large_block_is_mapped ());
#endif
  bp_answer_view_set_question (view, bp_deck_get_question (deck, 0));
  spin_until (page_loaded, web_view, "the question in the prepared view");
  heading = evaluate (web_view, "document.querySelector('h1').textContent");
  g_assert_cmpstr (heading, ==, "Ready");

  /* The first page ends start-up: from then on large blocks go back to the system. */
  spin_for_ms (200);
  g_assert_true (large_block_is_mapped ());

  second = BP_ANSWER_VIEW (g_object_ref_sink (bp_answer_view_new (shared_page_handler ())));
  g_assert_true (bp_answer_view_get_web_view (second) != web_view);
  g_assert_null (webkit_web_view_get_uri (bp_answer_view_get_web_view (second)));
  g_object_unref (second);

  gtk_window_destroy (window);
  bp_page_handler_remove_deck (shared_page_handler (), "prepared");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *pid = g_strdup_printf ("%d", getpid ());

  /* Inherited by the web processes, so that the crash test finds this program's own. */
  g_setenv ("BP_TEST_ANSWER_VIEW_PID", pid, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/answer-view/page-scripts-never-run", Fixture, NULL,
              fixture_set_up, test_page_scripts_never_run, fixture_tear_down);
  g_test_add ("/answer-view/page-carries-csp", Fixture, NULL,
              fixture_set_up, test_page_carries_csp, fixture_tear_down);
  g_test_add ("/answer-view/navigation-is-refused", Fixture, NULL,
              fixture_set_up, test_navigation_is_refused, fixture_tear_down);
  g_test_add ("/answer-view/question-link-asks-for-question", Fixture, NULL,
              fixture_set_up, test_question_link_asks_for_question, fixture_tear_down);
  g_test_add ("/answer-view/anchor-scrolls-within-page", Fixture, NULL,
              fixture_set_up, test_anchor_scrolls_within_page, fixture_tear_down);
  g_test_add ("/answer-view/handler-resolves-links", Fixture, NULL,
              fixture_set_up, test_handler_resolves_links, fixture_tear_down);
  g_test_add ("/answer-view/unknown-route-fails", Fixture, NULL,
              fixture_set_up, test_unknown_route_fails, fixture_tear_down);
  g_test_add ("/answer-view/web-process-crash", Fixture, NULL,
              fixture_set_up, test_web_process_crash, fixture_tear_down);
  g_test_add_func ("/answer-view/context-menu-offers-only-copy", test_context_menu_offers_only_copy);
  g_test_add_func ("/answer-view/first-view-is-prepared", test_first_view_is_prepared);

  return g_test_run ();
}
