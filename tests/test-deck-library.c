/* test-deck-library.c: the library of decks: opening, remembering, moving, removing, bad input
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>

#include "bp-deck-parser.h"
#include "bp-library.h"
#include "bp-study-store.h"

#define SQL_DECK \
  "# SQL Interview Questions\n\n" \
  "### Q1: What is a join?\n\nIt combines rows of two tables.\n\n" \
  "### Q2: What is an index?\n\nA structure that finds rows fast.\n\n" \
  "### Q3: What is a view?\n\nA stored query.\n"

#define UNTITLED_DECK \
  "### Q1: What is a pod?\n\nThe smallest unit Kubernetes runs.\n\n" \
  "### Q2: What is a node?\n\nA machine of the cluster.\n"

typedef struct
{
  char *dir;
  BpDeck *builtin;
  BpLibrary *library;
} Fixture;

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

static BpLibrary *
new_library (Fixture *fixture)
{
  g_autofree char *path = fixture_path (fixture, "library.ini");
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 4, 5, 6, 7);
  g_autoptr(GError) error = NULL;
  BpLibrary *library = bp_library_new (path, fixture->builtin);

  g_assert_true (bp_library_load (library, now, &error));
  g_assert_no_error (error);
  return library;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-deck-library-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->builtin = bp_deck_parser_parse_builtin (&error);
  g_assert_no_error (error);
  fixture->library = new_library (fixture);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->builtin);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Opens @path as the app does, off the main thread, and waits. */
static BpLibraryEntry *
open_path (BpLibrary   *library,
           const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  bp_library_open_async (library, file, NULL, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return bp_library_open_finish (library, result, error);
}

static BpLibraryEntry *
open_ok (BpLibrary  *library,
         const char *path)
{
  g_autoptr(GError) error = NULL;
  BpLibraryEntry *entry = open_path (library, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

static void
test_builtin_first (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BpLibraryEntry) first = g_list_model_get_item (G_LIST_MODEL (fixture->library), 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  g_assert_cmpstr (bp_library_entry_get_id (first), ==, BP_BUILTIN_DECK_ID);
  g_assert_true (bp_library_entry_get_builtin (first));
  g_assert_true (bp_library_entry_get_deck (first) == fixture->builtin);
  g_assert_cmpuint (bp_library_entry_get_n_questions (first), ==, 22);

  /* The built-in deck is never removed. */
  g_assert_true (bp_library_remove (fixture->library, BP_BUILTIN_DECK_ID, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
}

static void
test_open_and_remember (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sql.md", SQL_DECK, -1);
  BpLibraryEntry *entry = open_ok (fixture->library, path);
  g_autofree char *id = g_strdup (bp_library_entry_get_id (entry));
  BpDeck *deck = bp_library_entry_get_deck (entry);
  g_autofree char *prefix = g_strconcat (id, "/", NULL);
  g_autoptr(BpLibrary) restarted = NULL;
  BpLibraryEntry *remembered;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 2);
  g_assert_cmpstr (bp_library_entry_get_title (entry), ==, "SQL Interview Questions");
  g_assert_cmpuint (bp_library_entry_get_n_questions (entry), ==, 3);
  g_assert_cmpstr (bp_library_entry_get_path (entry), ==, path);
  g_assert_true (bp_library_entry_get_available (entry));
  g_assert_false (bp_library_entry_get_builtin (entry));
  g_assert_cmpstr (bp_deck_get_id (deck), ==, id);
  g_assert_true (g_str_has_prefix (bp_question_get_id (bp_deck_get_question (deck, 1)), prefix));
  g_assert_true (bp_study_store_is_valid_id (bp_question_get_id (bp_deck_get_question (deck, 1))));
  g_assert_cmpstr (id, !=, BP_BUILTIN_DECK_ID);

  /* Opening it again is the same deck, not a second one. */
  g_assert_true (open_ok (fixture->library, path) == entry);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 2);

  /* Remembered across a restart, before its file is read again. */
  restarted = new_library (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (restarted)), ==, 2);
  remembered = bp_library_lookup_path (restarted, path);
  g_assert_nonnull (remembered);
  g_assert_cmpstr (bp_library_entry_get_id (remembered), ==, id);
  g_assert_cmpstr (bp_library_entry_get_title (remembered), ==, "SQL Interview Questions");
  g_assert_cmpuint (bp_library_entry_get_n_questions (remembered), ==, 3);
  g_assert_null (bp_library_entry_get_deck (remembered));
  g_assert_true (open_ok (restarted, path) == remembered);
  g_assert_cmpstr (bp_deck_get_id (bp_library_entry_get_deck (remembered)), ==, id);
}

static void
test_title_from_file_name (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "kubernetes-basics.md", UNTITLED_DECK, -1);
  BpLibraryEntry *entry = open_ok (fixture->library, path);

  g_assert_cmpstr (bp_library_entry_get_title (entry), ==, "kubernetes-basics");
}

/* Study data is keyed by the deck id: a renamed or moved file keeps it. */
static void
test_moved_file_keeps_id (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sql.md", SQL_DECK, -1);
  g_autofree char *subdir = fixture_path (fixture, "interviews");
  g_autofree char *moved = g_build_filename (subdir, "databases.md", NULL);
  g_autofree char *store_path = fixture_path (fixture, "study.ini");
  g_autoptr(BpStudyStore) store = bp_study_store_new (store_path);
  g_autoptr(BpStudyStore) reloaded = bp_study_store_new (store_path);
  g_autoptr(BpLibrary) restarted = NULL;
  BpLibraryEntry *entry = open_ok (fixture->library, path);
  g_autofree char *id = g_strdup (bp_library_entry_get_id (entry));
  g_autofree char *question_id = g_strdup (bp_question_get_id (bp_deck_get_question (bp_library_entry_get_deck (entry), 1)));
  BpLibraryEntry *again;

  g_assert_true (bp_study_store_load (store, NULL));
  bp_study_store_set_weak (store, question_id, TRUE);
  g_assert_true (bp_study_store_flush (store, NULL));

  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  restarted = new_library (fixture);
  g_assert_false (bp_library_entry_get_available (bp_library_lookup (restarted, id)));

  again = open_ok (restarted, moved);
  g_assert_cmpstr (bp_library_entry_get_id (again), ==, id);
  g_assert_cmpstr (bp_library_entry_get_path (again), ==, moved);
  g_assert_true (bp_library_entry_get_available (again));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (restarted)), ==, 2);
  g_assert_true (bp_study_store_load (reloaded, NULL));
  g_assert_true (bp_study_store_get_weak (reloaded,
                                          bp_question_get_id (bp_deck_get_question (bp_library_entry_get_deck (again), 1))));
}

/* A copy beside a file that is still there is another deck, with data of its own. */
static void
test_copies_are_different_decks (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sql.md", SQL_DECK, -1);
  g_autofree char *copy = write_file (fixture, "sql-copy.md", SQL_DECK, -1);
  BpLibraryEntry *first = open_ok (fixture->library, path);
  BpLibraryEntry *second = open_ok (fixture->library, copy);
  BpDeck *first_deck = bp_library_entry_get_deck (first);
  BpDeck *second_deck = bp_library_entry_get_deck (second);

  g_assert_cmpstr (bp_library_entry_get_id (first), !=, bp_library_entry_get_id (second));
  g_assert_cmpstr (bp_question_get_id (bp_deck_get_question (first_deck, 0)), !=,
                   bp_question_get_id (bp_deck_get_question (second_deck, 0)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 3);
}

static gboolean
file_equals (const char *path,
             const char *expected)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return expected == NULL;
  return g_strcmp0 (contents, expected) == 0;
}

static void
test_remove_keeps_file_and_data (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sql.md", SQL_DECK, -1);
  BpLibraryEntry *entry = open_ok (fixture->library, path);
  g_autofree char *id = g_strdup (bp_library_entry_get_id (entry));
  g_autoptr(BpLibrary) restarted = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_library_remove (fixture->library, id, &error));
  g_assert_no_error (error);
  g_assert_null (bp_library_lookup (fixture->library, id));
  g_assert_true (file_equals (path, SQL_DECK));

  restarted = new_library (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (restarted)), ==, 1);
  /* Opened again at the same place, it is a deck like any new one. */
  g_assert_nonnull (open_ok (restarted, path));
}

static void
test_unavailable_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sql.md", SQL_DECK, -1);
  BpLibraryEntry *entry = open_ok (fixture->library, path);
  g_autofree char *id = g_strdup (bp_library_entry_get_id (entry));
  g_autoptr(BpLibrary) restarted = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  bp_library_check_available (fixture->library);
  g_assert_false (bp_library_entry_get_available (entry));

  restarted = new_library (fixture);
  g_assert_nonnull (bp_library_lookup (restarted, id));
  g_assert_false (bp_library_entry_get_available (bp_library_lookup (restarted, id)));

  /* The file back where it was: available again. */
  g_free (write_file (fixture, "sql.md", SQL_DECK, -1));
  bp_library_check_available (restarted);
  g_assert_true (bp_library_entry_get_available (bp_library_lookup (restarted, id)));
}

static void
assert_refused (Fixture        *fixture,
                const char     *path,
                int             code,
                const char     *reason)
{
  g_autofree char *library_path = fixture_path (fixture, "library.ini");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (fixture->library));

  g_file_get_contents (library_path, &before, NULL, NULL);
  g_assert_null (open_path (fixture->library, path, &error));
  g_assert_error (error, BP_LIBRARY_ERROR, code);
  /* The message names the file and says why. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, n_items);
  g_file_get_contents (library_path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *good = write_file (fixture, "good.md", SQL_DECK, -1);
  g_autofree char *empty = write_file (fixture, "empty.md", "", 0);
  g_autofree char *latin1 = write_file (fixture, "latin1.md", "### Q1: Caf\xe9?\n\nYes.\n", -1);
  g_autofree char *no_questions = write_file (fixture, "notes.md", "# Notes\n\nJust text.\n", -1);
  g_autofree char *binary = write_file (fixture, "image.md", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autofree char *huge = fixture_path (fixture, "huge.md");
  g_autofree char *missing = fixture_path (fixture, "missing.md");
  g_autofree char *folder = fixture_path (fixture, "folder.md");
  FILE *stream;

  /* 50 MB, sparse: the size alone refuses it, nothing is read. */
  stream = g_fopen (huge, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), 50 * 1024 * 1024), ==, 0);
  fclose (stream);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  open_ok (fixture->library, good);
  assert_refused (fixture, empty, BP_LIBRARY_ERROR_EMPTY, "empty");
  assert_refused (fixture, latin1, BP_LIBRARY_ERROR_NOT_A_DECK, "UTF-8");
  assert_refused (fixture, no_questions, BP_LIBRARY_ERROR_NOT_A_DECK, "no questions");
  assert_refused (fixture, binary, BP_LIBRARY_ERROR_BINARY, "binary");
  assert_refused (fixture, huge, BP_LIBRARY_ERROR_TOO_LARGE, "at most");
  assert_refused (fixture, missing, BP_LIBRARY_ERROR_UNREADABLE, "could not be read");
  assert_refused (fixture, folder, BP_LIBRARY_ERROR_UNREADABLE, "folder");
}

/* A deck that stops being one keeps what was last read. */
static void
test_bad_edit_keeps_deck (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sql.md", SQL_DECK, -1);
  BpLibraryEntry *entry = open_ok (fixture->library, path);
  BpDeck *deck = bp_library_entry_get_deck (entry);
  g_autoptr(GError) error = NULL;

  g_free (write_file (fixture, "sql.md", "", 0));
  g_assert_null (open_path (fixture->library, path, &error));
  g_assert_error (error, BP_LIBRARY_ERROR, BP_LIBRARY_ERROR_EMPTY);
  g_assert_true (bp_library_entry_get_deck (entry) == deck);
  g_assert_cmpuint (bp_library_entry_get_n_questions (entry), ==, 3);
}

static void
test_damaged_file_set_aside (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *damaged = "[backprop\nversion=1\n\0garbage";
  g_autofree char *path = write_file (fixture, "library.ini", damaged, 28);
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  gsize length;
  g_autoptr(BpLibrary) library = new_library (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  aside = g_strdup (bp_library_get_recovered_from (library));
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, path));
  g_assert_true (g_file_get_contents (aside, &kept, &length, NULL));
  g_assert_cmpmem (kept, length, damaged, 28);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_newer_version_not_overwritten (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *newer = "[backprop]\nversion=2\n";
  g_autofree char *path = write_file (fixture, "library.ini", newer, -1);
  g_autofree char *deck = write_file (fixture, "sql.md", SQL_DECK, -1);
  g_autoptr(BpLibrary) library = new_library (fixture);
  g_autoptr(GError) error = NULL;

  /* The deck opens; only remembering it is not possible. */
  g_assert_nonnull (open_ok (library, deck));
  g_assert_false (bp_library_save (library, &error));
  g_assert_error (error, BP_LIBRARY_ERROR, BP_LIBRARY_ERROR_NEWER_VERSION);
  g_assert_true (file_equals (path, newer));
}

static void
test_unknown_keys_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *deck = write_file (fixture, "sql.md", SQL_DECK, -1);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(BpLibrary) library = NULL;

  g_free (write_file (fixture, "library.ini",
                      "[backprop]\nversion=1\nminor=7\n\n[backprop:later]\nfuture=yes\n", -1));
  library = new_library (fixture);
  open_ok (library, deck);
  path = fixture_path (fixture, "library.ini");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "minor=7"));
  g_assert_nonnull (strstr (contents, "[backprop:later]\nfuture=yes"));
  g_assert_nonnull (strstr (contents, "title=SQL Interview Questions"));
}

static void
test_fingerprint (void)
{
  g_autoptr(BpDeck) one = bp_deck_parser_parse ("deck-one", SQL_DECK, -1, BP_DECK_UNTRUSTED, NULL);
  g_autoptr(BpDeck) two = bp_deck_parser_parse ("deck-two", SQL_DECK, -1, BP_DECK_UNTRUSTED, NULL);
  g_autoptr(BpDeck) other = bp_deck_parser_parse ("deck-one", UNTITLED_DECK, -1, BP_DECK_UNTRUSTED, NULL);
  g_autofree char *a = bp_library_fingerprint (one);
  g_autofree char *b = bp_library_fingerprint (two);
  g_autofree char *c = bp_library_fingerprint (other);

  /* The same content under two ids reads the same; the id is not part of it. */
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, "SQL Interview Questions\nwhat-is-a-join\nwhat-is-an-index\nwhat-is-a-view");
  g_assert_cmpstr (c, ==, "\nwhat-is-a-pod\nwhat-is-a-node");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/library/builtin-first", test_builtin_first);
  ADD ("/library/open-and-remember", test_open_and_remember);
  ADD ("/library/title-from-file-name", test_title_from_file_name);
  ADD ("/library/moved-file-keeps-id", test_moved_file_keeps_id);
  ADD ("/library/copies-are-different-decks", test_copies_are_different_decks);
  ADD ("/library/remove-keeps-file-and-data", test_remove_keeps_file_and_data);
  ADD ("/library/unavailable-kept", test_unavailable_kept);
  ADD ("/library/bad-input", test_bad_input);
  ADD ("/library/bad-edit-keeps-deck", test_bad_edit_keeps_deck);
  ADD ("/library/damaged-file-set-aside", test_damaged_file_set_aside);
  ADD ("/library/newer-version-not-overwritten", test_newer_version_not_overwritten);
  ADD ("/library/unknown-keys-kept", test_unknown_keys_kept);
#undef ADD
  g_test_add_func ("/library/fingerprint", test_fingerprint);

  return g_test_run ();
}
