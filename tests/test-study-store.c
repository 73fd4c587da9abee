/* test-study-store.c: the study store: its file, round trips, damage, failures, saving, merging
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bp-deck-parser.h"
#include "bp-deck-study.h"
#include "bp-study-store-private.h"
#include "study-store-versions.h"

#define WAIT_TIMEOUT_SECONDS 10
#define CRASH_RUNS 200
/* Kills land at random within the writer's measured start-up and this much more. */
#define CRASH_MAX_DELAY_US 30000

static const guint short_retries_ms[] = { 50, 100 };

/* Stores not yet finalized: one with a write in flight lives until the write is done. */
static guint n_live_stores;

typedef struct
{
  char *dir;
  char *path; /* inside a folder that does not exist yet, so saving must create it */
} Fixture;

/* Notes that a key file, or a careless escaper, would not give back byte for byte. */
static const struct {
  const char *id;
  const char *notes;
} tricky_notes[] = {
  { "t/emoji", "Gradient 🧠🔥 descent, 👩🏽‍💻 (a ZWJ sequence), 🇪🇺" },
  { "t/rtl", "מה זה backprop? — ما هو الانتشار العكسي؟ \u200f(RLM)" },
  { "t/combining", "e\u0301te\u0301 n\u0303 a\u0308\u0304 Z\u0324\u0308 \u0915\u094d\u0937" },
  { "t/newlines", "first\nsecond\n\nfourth\n" },
  { "t/crlf", "first\r\nsecond\r\n\r\n" },
  { "t/lone-cr", "a\rb\r" },
  { "t/keyfile-syntax",
    "[backprop]\nversion=2\n[other/group]\nkey = value\n# no comment\n; nor this\n=" },
  { "t/starts-with-bracket", "[x]" },
  { "t/starts-with-hash", "# heading" },
  { "t/starts-with-semicolon", ";" },
  { "t/equals", "=a=b=" },
  { "t/backslashes", "C:\\Users\\n\\t \\\\ \\s \\x41 \\" },
  { "t/escape-lookalikes", "\\n is not a newline, \\r\\n neither, \\x0a neither, \\x" },
  { "t/trailing-backslash", "ends with one \\" },
  { "t/leading-spaces", "   three leading" },
  { "t/trailing-spaces", "three trailing   " },
  { "t/leading-tabs", "\t\ttwo leading tabs" },
  { "t/trailing-tabs", "two trailing tabs\t\t" },
  { "t/mixed-edges", " \t \n mixed edges \n \t " },
  { "t/only-spaces", "     " },
  { "t/single-space", " " },
  { "t/control", "bell\a vt\v ff\f esc\x1b del\x7f unit\x1f" },
  { "t/form-feed-first", "\fstarts with a form feed" },
  { "t/vertical-tab-last", "ends with a vertical tab\v" },
  { "t/nbsp-edges", "\u00a0non-breaking spaces\u00a0" },
  { "t/bom", "\ufeffstarts with a byte order mark" },
  { "t/markdown", "## Heading\n\n- item *one*\n- `code = [1, 2]`\n\n```c\nint x = a[i];\n```\n" },
};

/* Helpers */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        remove_tree (child);
      }

  g_remove (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-study-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "backprop", "study.ini", NULL);
}

static void iterate (void);

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* Every store goes away once its work is done: none is leaked, none writes into the next test. */
  while (n_live_stores > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate ();
    }

  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* One main loop iteration that returns within 10 ms even when nothing happens. */
static void
iterate (void)
{
  guint wake = g_timeout_add (10, wake_cb, NULL);

  g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    iterate ();
}

#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 wait_deadline = g_get_monotonic_time () + WAIT_TIMEOUT_SECONDS * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > wait_deadline) \
          g_error ("%s:%d: timed out waiting for %s", __FILE__, __LINE__, #condition); \
        iterate (); \
      } \
  } G_STMT_END

static void
store_finalized_cb (gpointer  data,
                    GObject  *where_the_object_was)
{
  n_live_stores--;
}

static BpStudyStore *
new_store (const char *path)
{
  BpStudyStore *store = bp_study_store_new (path);

  n_live_stores++;
  g_object_weak_ref (G_OBJECT (store), store_finalized_cb, NULL);
  return store;
}

/* A loaded store with short delays, so tests need not wait seconds. */
static BpStudyStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  BpStudyStore *store = new_store (path);

  bp_study_store_set_delays (store, 50, 20, short_retries_ms, G_N_ELEMENTS (short_retries_ms));
  g_assert_true (bp_study_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_null (bp_study_store_get_recovered_from (store));
  g_assert_false (bp_study_store_get_read_only (store));

  return store;
}

static void
flush_ok (BpStudyStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_false (bp_study_store_get_has_unsaved_changes (store));
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

static void
assert_notes (BpStudyStore *store,
              const char   *id,
              const char   *expected)
{
  g_autofree char *notes = bp_study_store_dup_notes (store, id);

  g_assert_cmpuint (strlen (notes), ==, strlen (expected));
  g_assert_cmpstr (notes, ==, expected);
}

static gboolean
notes_are (BpStudyStore *store,
           const char   *id,
           const char   *expected)
{
  g_autofree char *notes = bp_study_store_dup_notes (store, id);

  return g_str_equal (notes, expected);
}

static gboolean
notes_start_with (BpStudyStore *store,
                  const char   *id,
                  const char   *prefix)
{
  g_autofree char *notes = bp_study_store_dup_notes (store, id);

  return g_str_has_prefix (notes, prefix);
}

static void
record_changed_cb (BpStudyStore *store,
                   const char   *id,
                   GPtrArray    *changed)
{
  g_ptr_array_add (changed, g_strdup (id));
}

static gboolean
ids_contain (GPtrArray  *ids,
             const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

/* The files in the fixture's folder whose names start with @prefix. */
static guint
count_files_with_prefix (const char *dir_path,
                         const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    count += g_str_has_prefix (name, prefix);

  return count;
}

/* Round trips */

static void
test_round_trip_tricky_notes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autoptr(GString) every_byte = g_string_new (NULL);

  for (guint c = 1; c < 0x80; c++)
    g_string_append_c (every_byte, c);

  for (guint i = 0; i < G_N_ELEMENTS (tricky_notes); i++)
    bp_study_store_set_notes (store, tricky_notes[i].id, tricky_notes[i].notes);
  bp_study_store_set_notes (store, "t/every-ascii-byte", every_byte->str);

  /* Through the debounced save, as the app saves. */
  g_assert_true (bp_study_store_get_has_unsaved_changes (store));
  WAIT_UNTIL (!bp_study_store_get_has_unsaved_changes (store));
  g_assert_cmpuint (bp_study_store_get_n_writes (store), ==, 1);

  reloaded = open_store (fixture->path);
  for (guint i = 0; i < G_N_ELEMENTS (tricky_notes); i++)
    assert_notes (reloaded, tricky_notes[i].id, tricky_notes[i].notes);
  assert_notes (reloaded, "t/every-ascii-byte", every_byte->str);
}

static void
test_round_trip_empty_notes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autoptr(GDateTime) modified = NULL;

  bp_study_store_set_notes (store, "t/cleared", "soon gone");
  bp_study_store_set_notes (store, "t/cleared", "");
  bp_study_store_set_notes (store, "t/nulled", "soon gone too");
  bp_study_store_set_notes (store, "t/nulled", NULL);
  flush_ok (store);

  /* Cleared notes leave an entry with its time, so a merge knows the clearing is newest. */
  reloaded = open_store (fixture->path);
  g_assert_true (bp_study_store_contains (reloaded, "t/cleared"));
  g_assert_true (bp_study_store_contains (reloaded, "t/nulled"));
  assert_notes (reloaded, "t/cleared", "");
  assert_notes (reloaded, "t/nulled", "");
  modified = bp_study_store_dup_modified (reloaded, "t/cleared");
  g_assert_nonnull (modified);
  assert_notes (reloaded, "t/never-written", "");
  g_assert_false (bp_study_store_contains (reloaded, "t/never-written"));
}

static char *
make_megabyte_note (void)
{
  g_autoptr(GString) notes = g_string_new ("  starts with spaces\n");
  const char *end;

  for (guint i = 0; notes->len < 1024 * 1024; i++)
    g_string_append (notes, tricky_notes[i % G_N_ELEMENTS (tricky_notes)].notes);

  /* Cut on a character boundary, and end with whitespace GKeyFile might trim. */
  g_string_truncate (notes, 1024 * 1024 - 3);
  end = g_utf8_find_prev_char (notes->str, notes->str + notes->len);
  g_string_truncate (notes, end - notes->str);
  g_string_append (notes, " \t ");

  return g_string_free (g_steal_pointer (&notes), FALSE);
}

static void
test_round_trip_megabyte_note (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autofree char *big = make_megabyte_note ();
  gint64 start;

  g_assert_true (g_utf8_validate (big, -1, NULL));
  g_assert_cmpuint (strlen (big), >, 1024 * 1024 - 8);

  bp_study_store_set_notes (store, "t/megabyte", big);
  start = g_get_monotonic_time ();
  flush_ok (store);
  g_test_message ("Flushing a 1 MB note took %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  reloaded = open_store (fixture->path);
  assert_notes (reloaded, "t/megabyte", big);
}

/* Ids that are legal group names, however odd, come back as they went in. */
static void
test_round_trip_odd_ids (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const ids[] = {
    "deck/ spaced id ", "deck/#hash;semi=equals", "deck/ünïcödé", "deck/emoji🙂", "no-slash",
  };
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_true (bp_study_store_is_valid_id (ids[i]));
      bp_study_store_set_weak (store, ids[i], TRUE);
    }
  flush_ok (store);

  reloaded = open_store (fixture->path);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (bp_study_store_get_weak (reloaded, ids[i]));
  g_assert_cmpuint (bp_study_store_count (reloaded, BP_STUDY_FLAG_WEAK),
                    ==, G_N_ELEMENTS (ids));

  g_assert_false (bp_study_store_is_valid_id (NULL));
  g_assert_false (bp_study_store_is_valid_id (""));
  g_assert_false (bp_study_store_is_valid_id ("backprop"));
  g_assert_false (bp_study_store_is_valid_id ("deck/[bracket"));
  g_assert_false (bp_study_store_is_valid_id ("deck/bracket]"));
  g_assert_false (bp_study_store_is_valid_id ("deck/new\nline"));
  g_assert_false (bp_study_store_is_valid_id ("deck/\xff"));
}

/* The file */

static void
test_file_is_readable (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *sharing = "deep-learning/what-is-parameter-sharing-in-deep-learning";
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GRegex) stamp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_auto(GStrv) groups = NULL;
  GStatBuf st;

  /* Set in reverse order: the file is sorted by id all the same. */
  bp_study_store_set_read (store, "z-deck/read-only-this", TRUE);
  bp_study_store_set_notes (store, "m-deck/notes", "two\nlines");
  bp_study_store_set_weak (store, sharing, TRUE);
  flush_ok (store);

  contents = read_file (fixture->path, NULL);
  g_test_message ("The file:\n%s", contents);
  g_assert_true (g_str_has_prefix (contents, "# Backprop study data"));
  g_assert_nonnull (strstr (contents, "\n[backprop]\nversion=1\n"));
  g_assert_nonnull (strstr (contents,
                            "\n[deep-learning/what-is-parameter-sharing-in-deep-learning]\n"
                            "weak=true\nmodified="));
  g_assert_nonnull (strstr (contents, "\nnotes=two\\nlines\n"));
  g_assert_nonnull (strstr (contents, "\n[z-deck/read-only-this]\nread=true\nmodified="));
  /* Defaults are left out. */
  g_assert_null (strstr (contents, "=false"));
  g_assert_null (strstr (contents, "notes=\n"));

  stamp = g_regex_new ("^modified=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$",
                       G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (stamp, contents, 0, NULL));

  g_assert_true (g_key_file_load_from_data (key_file, contents, -1, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  groups = g_key_file_get_groups (key_file, NULL);
  g_assert_cmpstrv (groups, ((const char * const[]) {
    "backprop", sharing, "m-deck/notes", "z-deck/read-only-this", NULL }));

  /* Private to the user. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static BpDeck *
parse_deck (const char *text)
{
  g_autoptr(GError) error = NULL;
  BpDeck *deck = bp_deck_parser_parse ("deck", text, -1, BP_DECK_UNTRUSTED, &error);

  g_assert_no_error (error);
  return deck;
}

/* Reordering and renumbering a deck moves nothing: entries follow the question. */
static void
test_ids_are_not_positions (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(BpDeck) before = parse_deck ("### Q1: Alpha\n\nA.\n\n### Q2: Beta\n\nB.\n\n"
                                         "### Q3: Gamma\n\nC.\n");
  g_autoptr(BpDeck) after = parse_deck ("### Q1: Gamma\n\nC.\n\n### Q2: Alpha\n\nA.\n");
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) ids = NULL;
  const char *beta_id = bp_question_get_id (bp_deck_get_question (before, 1));
  const char *alpha_after = bp_question_get_id (bp_deck_get_question (after, 1));
  const char *gamma_after = bp_question_get_id (bp_deck_get_question (after, 0));

  bp_study_store_set_weak (store, bp_question_get_id (bp_deck_get_question (before, 0)), TRUE);
  bp_study_store_set_notes (store, beta_id, "about beta");
  flush_ok (store);

  contents = read_file (fixture->path, NULL);
  g_assert_nonnull (strstr (contents, "[deck/alpha]\n"));
  g_assert_null (strstr (contents, "[0]"));
  g_assert_null (strstr (contents, "[1]"));

  reloaded = open_store (fixture->path);
  g_assert_true (bp_study_store_get_weak (reloaded, alpha_after));
  g_assert_false (bp_study_store_get_weak (reloaded, gamma_after));
  g_assert_cmpuint (bp_deck_study_count (after, reloaded, BP_STUDY_FLAG_WEAK), ==, 1);
  g_assert_cmpuint (bp_deck_study_count (after, reloaded, BP_STUDY_FLAG_NOTES), ==, 0);
  g_assert_cmpuint (bp_deck_study_count (before, reloaded, BP_STUDY_FLAG_NOTES), ==, 1);

  /* Beta left the deck; its notes are kept and listed, for export. */
  ids = bp_study_store_dup_ids (reloaded);
  g_assert_cmpstrv (ids, ((const char * const[]) { "deck/alpha", "deck/beta", NULL }));
  assert_notes (reloaded, beta_id, "about beta");
}

/* Damage */

static char *
find_corrupt_copy (Fixture *fixture,
                   guint    nth)
{
  g_autofree char *dir_path = g_path_get_dirname (fixture->path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "study.ini.corrupt-"))
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));

  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  return nth < names->len ? g_strdup (g_ptr_array_index (names, nth)) : NULL;
}

static void
assert_file_is (const char *path,
                const char *expected,
                gsize       expected_length)
{
  gsize length;
  g_autofree char *contents = read_file (path, &length);

  g_assert_cmpmem (contents, length, expected, expected_length);
}

static void
test_corrupt_file_is_set_aside (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char garbage[] = "\x89PNG\r\n\x1a\n\0\xff\xfe[not a key file\n=====\n\x01\x02";
  static const char second_garbage[] = "[backprop]\nno version here\n";
  g_autoptr(BpStudyStore) store = new_store (fixture->path);
  g_autoptr(BpStudyStore) again = NULL;
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) name = g_regex_new ("/study\\.ini\\.corrupt-\\d{8}-\\d{6}(-\\d+)?$",
                                        0, 0, NULL);
  g_auto(GStrv) ids = NULL;
  g_autofree char *first_copy = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  const char *aside;

  write_file (fixture->path, garbage, sizeof garbage - 1);

  g_assert_true (bp_study_store_load (store, &error));
  g_assert_no_error (error);
  aside = bp_study_store_get_recovered_from (store);
  g_assert_nonnull (aside);
  g_assert_true (g_regex_match (name, aside, 0, NULL));
  assert_file_is (aside, garbage, sizeof garbage - 1);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  ids = bp_study_store_dup_ids (store);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
  g_assert_false (bp_study_store_get_read_only (store));

  /* Later saves write a new file and leave the copy alone. */
  bp_study_store_set_notes (store, "deck/q", "after the damage");
  flush_ok (store);
  assert_file_is (aside, garbage, sizeof garbage - 1);
  first_copy = g_strdup (aside);

  /* Damaged again, within the same second: a second copy, the first untouched. */
  write_file (fixture->path, second_garbage, sizeof second_garbage - 1);
  again = new_store (fixture->path);
  g_assert_true (bp_study_store_load (again, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bp_study_store_get_recovered_from (again));
  g_assert_cmpstr (bp_study_store_get_recovered_from (again), !=, first_copy);
  g_assert_true (g_regex_match (name, bp_study_store_get_recovered_from (again), 0, NULL));
  assert_file_is (bp_study_store_get_recovered_from (again),
                  second_garbage, sizeof second_garbage - 1);
  assert_file_is (first_copy, garbage, sizeof garbage - 1);
  g_assert_cmpuint (count_files_with_prefix (dir, "study.ini.corrupt-"), ==, 2);

  reloaded = open_store (fixture->path);
  g_assert_false (bp_study_store_contains (reloaded, "deck/q"));
}

/* A file that is a key file but has a bad value is set aside too, and what it held is kept. */
static void
test_damaged_entry_is_salvaged (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char damaged[] =
    "[backprop]\nversion=1\n\n"
    "[deck/good]\nnotes=kept\\nsafe\nmodified=2024-05-01T10:00:00.000001Z\n\n"
    "[deck/bad]\nweak=maybe\nnotes=also kept\n";
  g_autoptr(BpStudyStore) store = new_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  write_file (fixture->path, damaged, sizeof damaged - 1);
  bp_study_store_set_delays (store, 20, 20, short_retries_ms, G_N_ELEMENTS (short_retries_ms));
  g_assert_true (bp_study_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bp_study_store_get_recovered_from (store));
  assert_file_is (bp_study_store_get_recovered_from (store), damaged, sizeof damaged - 1);
  assert_notes (store, "deck/good", "kept\nsafe");
  assert_notes (store, "deck/bad", "also kept");
  g_assert_false (bp_study_store_get_weak (store, "deck/bad"));

  /* The salvage is saved on its own. */
  WAIT_UNTIL (!bp_study_store_get_has_unsaved_changes (store));
  reloaded = open_store (fixture->path);
  assert_notes (reloaded, "deck/good", "kept\nsafe");
  assert_notes (reloaded, "deck/bad", "also kept");
}

static void
test_newer_version_is_never_overwritten (Fixture       *fixture,
                                         gconstpointer  data)
{
  static const char newer[] =
    "[backprop]\nversion=2\nfeature=from the future\n\n[deck/q]\nnotes=from a newer app\n";
  g_autoptr(BpStudyStore) store = new_store (fixture->path);
  g_autoptr(GError) error = NULL;

  write_file (fixture->path, newer, sizeof newer - 1);
  bp_study_store_set_delays (store, 20, 20, short_retries_ms, G_N_ELEMENTS (short_retries_ms));

  g_assert_false (bp_study_store_load (store, &error));
  g_assert_error (error, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Backprop"));
  g_clear_error (&error);
  g_assert_true (bp_study_store_get_read_only (store));
  g_assert_null (bp_study_store_get_recovered_from (store));
  assert_notes (store, "deck/q", "from a newer app");

  /* Changes stay in memory and are never written. */
  bp_study_store_set_notes (store, "deck/q", "changed here");
  g_assert_true (bp_study_store_get_has_unsaved_changes (store));
  spin (200);
  g_assert_false (bp_study_store_flush (store, &error));
  g_assert_error (error, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_NEWER_VERSION);
  g_assert_true (bp_study_store_get_has_unsaved_changes (store));
  g_assert_cmpuint (bp_study_store_get_n_writes (store), ==, 0);
  assert_file_is (fixture->path, newer, sizeof newer - 1);
  g_assert_null (find_corrupt_copy (fixture, 0));
}

/* Failing writes */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A regular file where the folder should be: mkdir fails even for root, whom chmod would not
 * stop, and removing the file is the fix. */
static void
test_unwritable_directory_retries (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "blocked", NULL);
  g_autofree char *path = g_build_filename (blocker, "study.ini", NULL);
  g_autoptr(BpStudyStore) store = open_store (path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  const GError *save_error;
  guint n_error_notifies = 0;

  g_signal_connect (store, "notify::save-error", G_CALLBACK (count_notify_cb), &n_error_notifies);
  /* Loading made the folder, to watch it; a file takes its place. */
  g_assert_cmpint (g_rmdir (blocker), ==, 0);
  write_file (blocker, "not a folder", -1);

  bp_study_store_set_notes (store, "deck/q", "must not be lost");
  WAIT_UNTIL (bp_study_store_get_save_error (store) != NULL);
  save_error = bp_study_store_get_save_error (store);
  g_assert_error (save_error, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_WRITE);
  g_test_message ("save-error: %s", save_error->message);
  g_assert_nonnull (strstr (save_error->message, path));
  g_assert_nonnull (strstr (save_error->message, "will try again"));
  g_assert_true (bp_study_store_get_has_unsaved_changes (store));
  assert_notes (store, "deck/q", "must not be lost");

  g_assert_false (bp_study_store_flush (store, &error));
  g_assert_error (error, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_WRITE);

  /* Retries go on failing, and keep the data, until the way is clear. */
  spin (300);
  g_assert_nonnull (bp_study_store_get_save_error (store));
  g_assert_cmpuint (bp_study_store_get_n_writes (store), ==, 0);
  /* A change while failing does not save by itself either: only the retry can. */
  bp_study_store_set_weak (store, "deck/q", TRUE);
  spin (200);
  g_assert_cmpuint (bp_study_store_get_n_writes (store), ==, 0);

  g_assert_cmpint (g_unlink (blocker), ==, 0);
  WAIT_UNTIL (!bp_study_store_get_has_unsaved_changes (store));
  g_assert_null (bp_study_store_get_save_error (store));
  g_assert_cmpuint (bp_study_store_get_n_writes (store), ==, 1);
  g_assert_cmpuint (n_error_notifies, ==, 2);

  reloaded = open_store (path);
  assert_notes (reloaded, "deck/q", "must not be lost");
  g_assert_true (bp_study_store_get_weak (reloaded, "deck/q"));
}

/* Saving */

static void
test_debounce (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BpStudyStore) store = new_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_change = 0, written;
  double delay_ms;

  /* The app's own delay, not the tests' short one. */
  g_assert_true (bp_study_store_load (store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *notes = g_strdup_printf ("typing… %u", i);

      bp_study_store_set_notes (store, "deck/q", notes);
      last_change = g_get_monotonic_time ();
      spin (150);
      g_assert_cmpuint (bp_study_store_get_n_writes (store), ==, 0);
    }

  WAIT_UNTIL (bp_study_store_get_n_writes (store) == 1);
  written = g_get_monotonic_time ();
  delay_ms = (written - last_change) / 1000.0;
  g_test_message ("Written %.0f ms after the last of 5 changes", delay_ms);
  g_assert_cmpfloat (delay_ms, >=, 950);
  g_assert_cmpfloat (delay_ms, <=, 1700);
  g_assert_false (bp_study_store_get_has_unsaved_changes (store));

  spin (300);
  g_assert_cmpuint (bp_study_store_get_n_writes (store), ==, 1);
  reloaded = open_store (fixture->path);
  assert_notes (reloaded, "deck/q", "typing… 4");
}

static void
test_flush_writes_now (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BpStudyStore) store = new_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_study_store_load (store, &error));
  g_assert_no_error (error);

  /* Nothing to save: no write. */
  flush_ok (store);
  g_assert_cmpuint (bp_study_store_get_n_writes (store), ==, 0);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  bp_study_store_set_read (store, "deck/q", TRUE);
  g_assert_true (bp_study_store_get_has_unsaved_changes (store));
  flush_ok (store);
  g_assert_cmpuint (bp_study_store_get_n_writes (store), ==, 1);
  reloaded = open_store (fixture->path);
  g_assert_true (bp_study_store_get_read (reloaded, "deck/q"));

  /* The debounced save it replaced does not happen as well. */
  spin (1300);
  g_assert_cmpuint (bp_study_store_get_n_writes (store), ==, 1);
}

/* A change made while a write is in flight is saved by a write after it. */
static void
test_change_during_write (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autofree char *big = make_megabyte_note ();

  bp_study_store_set_delays (store, 1, 20, short_retries_ms, G_N_ELEMENTS (short_retries_ms));
  bp_study_store_set_notes (store, "deck/big", big);
  spin (3);
  bp_study_store_set_notes (store, "deck/small", "made during the first write");
  g_assert_true (bp_study_store_get_has_unsaved_changes (store));

  WAIT_UNTIL (!bp_study_store_get_has_unsaved_changes (store));
  g_assert_cmpuint (bp_study_store_get_n_writes (store), >=, 1);
  g_test_message ("%u writes", bp_study_store_get_n_writes (store));

  reloaded = open_store (fixture->path);
  assert_notes (reloaded, "deck/big", big);
  assert_notes (reloaded, "deck/small", "made during the first write");
}

/* Signals and queries */

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) changed_q1 = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (store, "changed", G_CALLBACK (record_changed_cb), changed);
  g_signal_connect (store, "changed::deck/q1", G_CALLBACK (record_changed_cb), changed_q1);

  bp_study_store_set_weak (store, "deck/q1", TRUE);
  bp_study_store_set_weak (store, "deck/q1", TRUE);
  bp_study_store_set_read (store, "deck/q2", TRUE);
  bp_study_store_set_read (store, "deck/q3", TRUE);
  bp_study_store_set_read (store, "deck/q3", FALSE);
  bp_study_store_set_notes (store, "deck/q1", "n");
  bp_study_store_set_notes (store, "deck/q1", "n");
  g_assert_cmpuint (changed->len, ==, 5);
  g_assert_cmpuint (changed_q1->len, ==, 2);

  /* Setting what is already there is no change at all. */
  bp_study_store_set_weak (store, "deck/never", FALSE);
  bp_study_store_set_notes (store, "deck/never", "");
  g_assert_false (bp_study_store_contains (store, "deck/never"));
  g_assert_cmpuint (changed->len, ==, 5);

  g_assert_cmpuint (bp_study_store_count (store, BP_STUDY_FLAG_READ), ==, 1);
  g_assert_cmpuint (bp_study_store_count (store, BP_STUDY_FLAG_WEAK | BP_STUDY_FLAG_NOTES),
                    ==, 1);
  g_assert_cmpuint (bp_study_store_count (store, BP_STUDY_FLAG_NONE), ==, 3);
  g_assert_cmpint (bp_study_store_get_flags (store, "deck/q1"), ==,
                   BP_STUDY_FLAG_WEAK | BP_STUDY_FLAG_NOTES);

  bp_study_store_set_read (store, "deck/q1", TRUE);
  g_ptr_array_set_size (changed, 0);
  bp_study_store_mark_all_unread (store);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_true (ids_contain (changed, "deck/q1"));
  g_assert_true (ids_contain (changed, "deck/q2"));
  g_assert_cmpuint (bp_study_store_count (store, BP_STUDY_FLAG_READ), ==, 0);
  g_assert_true (bp_study_store_get_weak (store, "deck/q1"));
}

/* Crash safety */

static gint64
version_on_disk (const char *path)
{
  g_autoptr(BpStudyStore) store = new_store (path);
  g_autoptr(GError) error = NULL;
  gint64 k;

  g_assert_true (bp_study_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_null (bp_study_store_get_recovered_from (store));

  k = version_find (store);
  if (k < 0)
    g_error ("%s holds none of the versions the writer saves", path);
  return k;
}

/* The last version the writer says it saved, or -1. */
static gint64
last_reported_version (int fd)
{
  g_autoptr(GString) output = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char buffer[4096];
  gssize n;
  guint n_lines;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (output, buffer, n);

  lines = g_strsplit (output->str, "\n", -1);
  n_lines = g_strv_length (lines);
  /* A line cut by the kill has no newline yet: that version is not known to be saved. */
  if (n_lines < 2)
    return -1;
  return g_ascii_strtoll (lines[n_lines - 2], NULL, 10);
}

static gint64
run_and_kill_writer (const char *writer,
                     const char *path,
                     gulong      delay_us)
{
  const char *argv[] = { writer, path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out_fd, status;
  gint64 reported;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);

  g_usleep (delay_us);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  /* Killed, not exited: it never stops saving by itself. */
  g_assert_true (WIFSIGNALED (status));

  reported = last_reported_version (out_fd);
  close (out_fd);
  return reported;
}

/* How long the writer takes to start and report its first save. Under a sanitizer, or on a
 * slow machine, that is several times longer, and the kills must still land on both sides. */
static gulong
measure_first_save_us (const char *writer,
                       const char *path)
{
  const char *argv[] = { writer, path, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;
  char c = '\0';
  GPid pid;
  int out_fd;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  while (c != '\n')
    g_assert_cmpint (read (out_fd, &c, 1), ==, 1);
  elapsed = g_get_monotonic_time () - start;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  g_spawn_close_pid (pid);
  close (out_fd);

  return (gulong)elapsed;
}

static void
check_after_kill (const char *path,
                  gint64      before,
                  gint64      reported,
                  guint       run)
{
  gint64 on_disk;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Only possible if killed before the first save, and there was no file before. */
      g_assert_cmpint (before, ==, -1);
      g_assert_cmpint (reported, ==, -1);
      return;
    }

  on_disk = version_on_disk (path);
  if (reported >= 0)
    {
      /* Once flush returned, its version is on disk: that one, or the one being saved. */
      if (on_disk != reported && on_disk != reported + 1)
        g_error ("Run %u: version %" G_GINT64_FORMAT " was saved, "
                 "but the file holds %" G_GINT64_FORMAT, run, reported, on_disk);
    }
  else if (on_disk != 0 && on_disk != before)
    g_error ("Run %u: nothing was reported saved, yet the file holds version %" G_GINT64_FORMAT,
             run, on_disk);
}

static void
test_crash_safety (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "study-store-writer", NULL);
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  guint n_absent = 0, n_unreported = 0, n_several = 0;
  gint64 highest = 0;
  gint64 start = g_get_monotonic_time ();
  gulong max_delay_us;

  g_assert_true (g_file_test (writer, G_FILE_TEST_IS_EXECUTABLE));
  max_delay_us = measure_first_save_us (writer, fixture->path) + CRASH_MAX_DELAY_US;

  for (guint run = 0; run < CRASH_RUNS; run++)
    {
      gint64 before = -1, reported;

      /* Every fourth run starts without a file; the others go on from the last one. */
      if (run % 4 == 0)
        g_remove (fixture->path);
      else if (g_file_test (fixture->path, G_FILE_TEST_EXISTS))
        before = version_on_disk (fixture->path);

      reported = run_and_kill_writer (writer, fixture->path,
                                      g_test_rand_int_range (0, max_delay_us + 1));
      check_after_kill (fixture->path, before, reported, run);

      n_absent += !g_file_test (fixture->path, G_FILE_TEST_EXISTS);
      n_unreported += reported < 0;
      n_several += reported >= 1;
      highest = MAX (highest, reported);
      g_assert_cmpuint (count_files_with_prefix (dir, "study.ini.corrupt-"), ==, 0);
      /* A kill leaves at most the temporary file of the save it cut; the next load removes it. */
      g_assert_cmpuint (count_files_with_prefix (dir, "study.ini."), <=, 1);
    }

  g_test_message ("%u kills within %.1f ms in %.1f s: %u left no file, %u before any save was "
                  "reported, %u after two saves or more (up to version %" G_GINT64_FORMAT ")",
                  CRASH_RUNS, max_delay_us / 1000.0,
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC,
                  n_absent, n_unreported, n_several, highest);

  /* The kills must land both before and between saves, or the test proves little. */
  g_assert_cmpuint (n_several, >=, CRASH_RUNS / 10);
  g_assert_cmpuint (n_unreported, >=, 1);
}

/* Merging changes made behind the store's back */

static void
test_merge_two_stores (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BpStudyStore) a = open_store (fixture->path);
  g_autoptr(BpStudyStore) b = open_store (fixture->path);
  g_autoptr(BpStudyStore) third = NULL;
  g_autoptr(GPtrArray) changed_in_b = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *merged = NULL;

  g_signal_connect (b, "changed", G_CALLBACK (record_changed_cb), changed_in_b);

  /* Different questions: each side gets the other's. */
  bp_study_store_set_notes (a, "deck/q1", "from A");
  bp_study_store_set_weak (a, "deck/q2", TRUE);
  flush_ok (a);
  WAIT_UNTIL (notes_are (b, "deck/q1", "from A"));
  g_assert_true (bp_study_store_get_weak (b, "deck/q2"));
  g_assert_true (ids_contain (changed_in_b, "deck/q1"));
  g_assert_true (ids_contain (changed_in_b, "deck/q2"));

  /* The same notes, changed on both sides: the newer is kept and the older follows it. */
  bp_study_store_set_notes (a, "deck/q3", "alpha, written first");
  bp_study_store_set_weak (a, "deck/q4", TRUE);
  g_usleep (2000);
  bp_study_store_set_notes (b, "deck/q3", "beta, written last");
  bp_study_store_set_read (b, "deck/q4", TRUE);
  bp_study_store_set_notes (b, "deck/only-b", "b alone");
  g_ptr_array_set_size (changed_in_b, 0);
  flush_ok (a);

  WAIT_UNTIL (notes_start_with (b, "deck/q3", "beta, written last\n\n--- Also saved on "));
  merged = bp_study_store_dup_notes (b, "deck/q3");
  g_test_message ("Merged notes:\n%s", merged);
  g_assert_true (g_str_has_suffix (merged, " ---\nalpha, written first"));
  g_assert_true (ids_contain (changed_in_b, "deck/q3"));
  g_assert_true (ids_contain (changed_in_b, "deck/q4"));

  /* B saves the merge; A takes it, since A changed nothing since. */
  WAIT_UNTIL (notes_are (a, "deck/q3", merged));
  WAIT_UNTIL (!bp_study_store_get_has_unsaved_changes (a) &&
              !bp_study_store_get_has_unsaved_changes (b));
  for (BpStudyStore **s = (BpStudyStore *[]) { a, b, NULL }; *s != NULL; s++)
    {
      g_assert_true (bp_study_store_get_weak (*s, "deck/q4"));
      g_assert_true (bp_study_store_get_read (*s, "deck/q4"));
      assert_notes (*s, "deck/only-b", "b alone");
      assert_notes (*s, "deck/q1", "from A");
    }

  third = open_store (fixture->path);
  assert_notes (third, "deck/q3", merged);
  assert_notes (third, "deck/only-b", "b alone");
  g_assert_true (bp_study_store_get_read (third, "deck/q4"));
}

/* Flags merge one by one: a newer entry does not undo a flag it never changed. */
static void
test_merge_flags_per_field (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(BpStudyStore) a = open_store (fixture->path);
  g_autoptr(BpStudyStore) b = open_store (fixture->path);

  bp_study_store_set_weak (a, "deck/q", TRUE);
  bp_study_store_set_notes (a, "deck/q", "same");
  g_usleep (2000);
  /* B is newer, but its weak flag ends where it started. */
  bp_study_store_set_weak (b, "deck/q", TRUE);
  bp_study_store_set_weak (b, "deck/q", FALSE);
  bp_study_store_set_read (b, "deck/q", TRUE);
  bp_study_store_set_notes (b, "deck/q", "same");
  flush_ok (a);

  WAIT_UNTIL (bp_study_store_get_read (a, "deck/q") && !bp_study_store_get_has_unsaved_changes (b));
  WAIT_UNTIL (!bp_study_store_get_has_unsaved_changes (a));
  for (BpStudyStore **s = (BpStudyStore *[]) { a, b, NULL }; *s != NULL; s++)
    {
      g_assert_true (bp_study_store_get_weak (*s, "deck/q"));
      g_assert_true (bp_study_store_get_read (*s, "deck/q"));
      assert_notes (*s, "deck/q", "same");
    }
}

/* Clearing notes is a change like any other: the merge does not bring the old text back. */
static void
test_merge_keeps_a_clearing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(BpStudyStore) a = open_store (fixture->path);
  g_autoptr(BpStudyStore) b = NULL;

  bp_study_store_set_notes (a, "deck/q", "to be cleared");
  flush_ok (a);
  b = open_store (fixture->path);

  bp_study_store_set_notes (b, "deck/q", "");
  flush_ok (b);
  WAIT_UNTIL (notes_are (a, "deck/q", ""));
  g_assert_true (bp_study_store_contains (a, "deck/q"));
  g_assert_false (bp_study_store_get_has_unsaved_changes (a));
}

static void
test_merge_file_written_behind_back (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  g_autofree char *external = NULL;

  bp_study_store_set_notes (store, "deck/mine", "kept");
  bp_study_store_set_notes (store, "deck/old", "older local text");
  flush_ok (store);
  g_signal_connect (store, "changed", G_CALLBACK (record_changed_cb), changed);

  /* A sync tool replaces the file with another copy's, which lost "deck/mine". */
  external = g_strdup ("[backprop]\nversion=1\n\n"
                       "[deck/theirs]\nweak=true\nmodified=2030-01-01T00:00:00.000000Z\n"
                       "notes=from\\sthe\\nother copy\n\n"
                       "[deck/old]\nmodified=2030-01-01T00:00:00.000000Z\nnotes=newer text\n");
  write_file (fixture->path, external, -1);

  WAIT_UNTIL (bp_study_store_get_weak (store, "deck/theirs"));
  assert_notes (store, "deck/theirs", "from the\nother copy");
  assert_notes (store, "deck/mine", "kept");
  /* The other copy changed it, this store did not since it saved: no conflict, theirs wins. */
  assert_notes (store, "deck/old", "newer text");
  g_assert_true (ids_contain (changed, "deck/theirs"));
  g_assert_true (ids_contain (changed, "deck/old"));
  g_assert_false (ids_contain (changed, "deck/mine"));

  /* The merge is saved: the file has both sides. */
  WAIT_UNTIL (!bp_study_store_get_has_unsaved_changes (store));
  contents = read_file (fixture->path, NULL);
  g_assert_nonnull (strstr (contents, "[deck/mine]"));
  g_assert_nonnull (strstr (contents, "[deck/theirs]"));
  reloaded = open_store (fixture->path);
  assert_notes (reloaded, "deck/mine", "kept");
  assert_notes (reloaded, "deck/theirs", "from the\nother copy");
}

static void
test_external_damage_and_deletion (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autofree char *aside = NULL;
  static const char garbage[] = "\xff\xfe garbage from elsewhere";

  bp_study_store_set_notes (store, "deck/q", "survives");
  flush_ok (store);

  /* Damaged behind its back: set aside, and the store's data written again. */
  write_file (fixture->path, garbage, sizeof garbage - 1);
  WAIT_UNTIL (bp_study_store_get_recovered_from (store) != NULL);
  aside = g_strdup (bp_study_store_get_recovered_from (store));
  assert_file_is (aside, garbage, sizeof garbage - 1);
  WAIT_UNTIL (g_file_test (fixture->path, G_FILE_TEST_EXISTS) &&
              !bp_study_store_get_has_unsaved_changes (store));
  reloaded = open_store (fixture->path);
  assert_notes (reloaded, "deck/q", "survives");
  g_clear_object (&reloaded);

  /* Deleted behind its back: written again. */
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  WAIT_UNTIL (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  WAIT_UNTIL (!bp_study_store_get_has_unsaved_changes (store));
  reloaded = open_store (fixture->path);
  assert_notes (reloaded, "deck/q", "survives");
  assert_file_is (aside, garbage, sizeof garbage - 1);
}

static void
test_external_newer_version (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char newer[] = "[backprop]\nversion=7\n";
  g_autoptr(BpStudyStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;

  bp_study_store_set_notes (store, "deck/q", "before");
  flush_ok (store);

  write_file (fixture->path, newer, sizeof newer - 1);
  WAIT_UNTIL (bp_study_store_get_read_only (store));
  g_assert_error (bp_study_store_get_save_error (store), BP_STUDY_STORE_ERROR,
                  BP_STUDY_STORE_ERROR_NEWER_VERSION);

  bp_study_store_set_notes (store, "deck/q", "after");
  spin (200);
  g_assert_false (bp_study_store_flush (store, &error));
  g_assert_error (error, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_NEWER_VERSION);
  assert_file_is (fixture->path, newer, sizeof newer - 1);
  assert_notes (store, "deck/q", "after");
}

static int
modified_year (BpStudyStore *store,
               const char   *id)
{
  g_autoptr(GDateTime) modified = bp_study_store_dup_modified (store, id);

  return modified != NULL ? g_date_time_get_year (modified) : 0;
}

/* A newer minor version's keys and groups survive this version's saves, and its merges. */
static void
test_unknown_keys_survive (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char newer[] =
    "[backprop]\nversion=1\nminor=5\nsync-id=42\n\n"
    "[deck/q]\nstarred=true\nnotes=before\n\n"
    "[backprop:highlights]\ndeck/q=1-4\n";
  g_autoptr(BpStudyStore) store = NULL;
  g_autoptr(BpStudyStore) reloaded = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *external = NULL;

  write_file (fixture->path, newer, sizeof newer - 1);
  store = open_store (fixture->path);
  assert_notes (store, "deck/q", "before");
  g_assert_false (bp_study_store_contains (store, "backprop:highlights"));
  g_assert_false (bp_study_store_is_valid_id ("backprop:highlights"));

  bp_study_store_set_notes (store, "deck/q", "after");
  flush_ok (store);
  contents = read_file (fixture->path, NULL);
  g_test_message ("The file:\n%s", contents);
  g_assert_nonnull (strstr (contents, "\n[backprop]\nversion=1\nminor=1\nsync-id=42\n"));
  g_assert_nonnull (strstr (contents, "\n[deck/q]\nmodified="));
  g_assert_nonnull (strstr (contents, "\nnotes=after\nstarred=true\n"));
  g_assert_nonnull (strstr (contents, "\n[backprop:highlights]\ndeck/q=1-4\n"));
  g_clear_pointer (&contents, g_free);

  /* The newer copy adds a key behind the store's back: the merge keeps both. */
  external = g_strdup ("[backprop]\nversion=1\nminor=5\nsync-id=42\n\n"
                       "[deck/q]\nstarred=true\ncolour=red\nnotes=after\n"
                       "modified=2030-01-01T00:00:00.000000Z\n\n"
                       "[backprop:highlights]\ndeck/q=1-4\n");
  write_file (fixture->path, external, -1);
  WAIT_UNTIL (modified_year (store, "deck/q") == 2030);
  bp_study_store_set_weak (store, "deck/q", TRUE);
  WAIT_UNTIL (!bp_study_store_get_has_unsaved_changes (store));

  reloaded = open_store (fixture->path);
  g_assert_true (bp_study_store_get_weak (reloaded, "deck/q"));
  assert_notes (reloaded, "deck/q", "after");
  contents = read_file (fixture->path, NULL);
  g_assert_nonnull (strstr (contents, "starred=true\ncolour=red\n"));
  g_assert_nonnull (strstr (contents, "\n[backprop:highlights]\ndeck/q=1-4\n"));
}

/* What saves killed midway left is removed at load; nothing else is. */
static void
test_temporary_files_removed (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char * const kept[] = {
    "study.ini.corrupt-20260101-000000", "study.ini.bak", "study.ini.Ab3xY", "other.ini.Ab3xYz",
    "study.ini.Ab3xYz7", "study.ini.Ab-xYz",
  };
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *temporary = g_build_filename (dir, "study.ini.Ab3xYz", NULL);
  g_autoptr(BpStudyStore) store = NULL;

  write_file (fixture->path, "[backprop]\nversion=1\n[deck/q]\nnotes=real\n", -1);
  write_file (temporary, "[backprop]\nversion=1\n[deck/q]\nnotes=half a sa", -1);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      write_file (path, kept[i], -1);
    }

  store = open_store (fixture->path);
  g_assert_false (g_file_test (temporary, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  assert_notes (store, "deck/q", "real");
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      assert_file_is (path, kept[i], strlen (kept[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/study-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip/tricky-notes", test_round_trip_tricky_notes);
  ADD ("round-trip/empty-notes", test_round_trip_empty_notes);
  ADD ("round-trip/megabyte-note", test_round_trip_megabyte_note);
  ADD ("round-trip/odd-ids", test_round_trip_odd_ids);
  ADD ("file/readable", test_file_is_readable);
  ADD ("file/ids-are-not-positions", test_ids_are_not_positions);
  ADD ("damage/corrupt-file-set-aside", test_corrupt_file_is_set_aside);
  ADD ("damage/damaged-entry-salvaged", test_damaged_entry_is_salvaged);
  ADD ("damage/newer-version-never-overwritten", test_newer_version_is_never_overwritten);
  ADD ("failure/unwritable-directory-retries", test_unwritable_directory_retries);
  ADD ("saving/debounce", test_debounce);
  ADD ("saving/flush-writes-now", test_flush_writes_now);
  ADD ("saving/change-during-write", test_change_during_write);
  ADD ("signals/changed", test_changed_signal);
  ADD ("saving/crash-safety", test_crash_safety);
  ADD ("merge/two-stores", test_merge_two_stores);
  ADD ("merge/flags-per-field", test_merge_flags_per_field);
  ADD ("merge/keeps-a-clearing", test_merge_keeps_a_clearing);
  ADD ("merge/file-written-behind-back", test_merge_file_written_behind_back);
  ADD ("merge/external-damage-and-deletion", test_external_damage_and_deletion);
  ADD ("merge/external-newer-version", test_external_newer_version);
  ADD ("compat/unknown-keys-survive", test_unknown_keys_survive);
  ADD ("file/temporary-files-removed", test_temporary_files_removed);

#undef ADD

  return g_test_run ();
}
