/* test-page-fold.c: the page's search marks fold text as the core's search does, in a real web view
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "fold-vectors.h"
#include "ui-test-utils.h"

#define SEARCH_HIGHLIGHT_SCRIPT "/io/github/backprop/Backprop/page/search-highlight.js"
#define SEARCH_HIGHLIGHT_WORLD "backprop"

/* "pre‑trained" with a non-breaking hyphen, which folds to a hyphen like any other. */
static const char page_html[] =
  "<!DOCTYPE html><html><head><title>Fold</title></head><body><main>"
  "<p>Fine-tuning a pre\u2011trained network; the STRAẞE of ﬁne 𝐦𝐨𝐝𝐞𝐥𝐬.</p>"
  "</main></body></html>";

typedef struct
{
  GtkWindow *window;
  WebKitWebView *web_view;
} Fixture;

typedef struct
{
  JSCValue *value;
  GError *error;
  gboolean done;
} Call;

static gboolean
html_loaded (gpointer data)
{
  return !webkit_web_view_is_loading (data) &&
         g_strcmp0 (webkit_web_view_get_title (data), "Fold") == 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->web_view = WEBKIT_WEB_VIEW (webkit_web_view_new ());
  /* As in the app: the page runs no script of its own, only the app's, in its world. */
  webkit_settings_set_enable_javascript_markup (webkit_web_view_get_settings (fixture->web_view), FALSE);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->web_view));
  present_window (fixture->window, 400, 300);

  webkit_web_view_load_html (fixture->web_view, page_html, NULL);
  spin_until (html_loaded, fixture->web_view, "the page");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;

  call->value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object),
                                                                       result, &call->error);
  call->done = TRUE;
}

static gboolean
call_done (gpointer data)
{
  return ((Call *)data)->done;
}

/* Runs search-highlight.js as the app runs it, with @arguments (a floating a{sv}). */
static JSCValue *
run_search_highlight (WebKitWebView *web_view,
                      GVariant      *arguments)
{
  g_autoptr(GBytes) script = g_resources_lookup_data (SEARCH_HIGHLIGHT_SCRIPT,
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  Call call = { NULL, NULL, FALSE };

  g_assert_nonnull (script);
  webkit_web_view_call_async_javascript_function (web_view,
                                                  g_bytes_get_data (script, NULL),
                                                  g_bytes_get_size (script),
                                                  arguments, SEARCH_HIGHLIGHT_WORLD,
                                                  NULL, NULL, called_cb, &call);
  spin_until (call_done, &call, "search-highlight.js");
  g_assert_no_error (call.error);

  return call.value;
}

static void
test_fold_vectors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GArray) vectors = fold_vectors_load ();
  g_autoptr(GPtrArray) inputs = g_ptr_array_new ();
  g_autoptr(JSCContext) context = jsc_context_new ();
  g_autoptr(JSCValue) inputs_array = NULL;
  g_autofree char *inputs_json = NULL;
  g_autoptr(JSCValue) folded = NULL;
  GVariantDict arguments;

  for (guint i = 0; i < vectors->len; i++)
    g_ptr_array_add (inputs, g_array_index (vectors, FoldVector, i).input);
  g_ptr_array_add (inputs, NULL);

  /* An argument can be no array, so the strings go as JSON, written by JavaScriptCore. */
  inputs_array = jsc_value_new_array_from_strv (context, (const char * const *)inputs->pdata);
  inputs_json = jsc_value_to_json (inputs_array, 0);
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "fold", "s", inputs_json);
  folded = run_search_highlight (fixture->web_view, g_variant_dict_end (&arguments));

  g_assert_true (jsc_value_is_array (folded));
  for (guint i = 0; i < vectors->len; i++)
    {
      const FoldVector *vector = &g_array_index (vectors, FoldVector, i);
      g_autoptr(JSCValue) item = jsc_value_object_get_property_at_index (folded, i);
      g_autofree char *text = jsc_value_to_string (item);

      if (g_strcmp0 (text, vector->expected) != 0)
        g_test_message ("fold-vectors.txt:%u: “%s”", vector->line, vector->input);
      g_assert_cmpstr (text, ==, vector->expected);
    }
}

static int
mark (Fixture    *fixture,
      const char *words)
{
  g_autoptr(JSCValue) n_marked = NULL;
  GVariantDict arguments;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "words", "s", words);
  n_marked = run_search_highlight (fixture->web_view, g_variant_dict_end (&arguments));

  return jsc_value_to_int32 (n_marked);
}

/* The marks follow the folding: each word the search matched is marked where it is. */
static void
test_marks_follow_folding (Fixture       *fixture,
                           gconstpointer  data)
{
  g_assert_cmpint (mark (fixture, "pretrained"), ==, 1);
  g_assert_cmpint (mark (fixture, "trained"), ==, 1);
  g_assert_cmpint (mark (fixture, "finetuning"), ==, 1);
  g_assert_cmpint (mark (fixture, "fine"), ==, 2);
  g_assert_cmpint (mark (fixture, "strasse models"), ==, 2);
  g_assert_cmpint (mark (fixture, "rained uning"), ==, 0);
  g_assert_cmpint (mark (fixture, ""), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/page-fold/vectors", Fixture, NULL,
              fixture_set_up, test_fold_vectors, fixture_tear_down);
  g_test_add ("/page-fold/marks-follow-folding", Fixture, NULL,
              fixture_set_up, test_marks_follow_folding, fixture_tear_down);

  return g_test_run ();
}
