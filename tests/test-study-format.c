/* test-study-format.c: the study file's text: every field round-trips, unknown parts are kept, damage is reported
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-study-format.h"

static BpStudyData *
parse_ok (const char *text,
          gint64     *major)
{
  g_autoptr(GError) problem = NULL;
  gint64 local_major;
  BpStudyData *data = bp_study_format_parse (text, strlen (text), major ? major : &local_major,
                                             &problem);

  g_assert_no_error (problem);
  return data;
}

/* Written and read again, @data comes back equal, unknown parts and all. */
static BpStudyData *
round_trip (const BpStudyData *data)
{
  g_autoptr(GBytes) bytes = bp_study_format_serialize (data);
  g_autoptr(GError) problem = NULL;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  gint64 major;
  BpStudyData *again = bp_study_format_parse (text, length, &major, &problem);

  g_assert_no_error (problem);
  g_assert_cmpint (major, ==, BP_STUDY_FORMAT_MAJOR);
  g_assert_true (bp_study_data_equal (data, again));
  return again;
}

static void
add_entry (BpStudyData *data,
           const char  *id,
           gboolean     weak,
           gboolean     read,
           const char  *notes,
           gint64       modified)
{
  g_autoptr(BpStudyEntry) empty = bp_study_entry_new ();
  g_autoptr(BpStudyEntry) w = bp_study_entry_with_flag_field (empty, BP_STUDY_FIELD_WEAK, weak);
  g_autoptr(BpStudyEntry) r = bp_study_entry_with_flag_field (w, BP_STUDY_FIELD_READ, read);
  g_autoptr(BpStudyEntry) n = bp_study_entry_with_text_field (r, BP_STUDY_FIELD_NOTES, notes);

  g_hash_table_replace (data->entries, g_ref_string_new (id),
                        bp_study_entry_with_modified (n, modified));
}

static const char *
notes_of (BpStudyData *data,
          const char  *id)
{
  BpStudyEntry *entry = g_hash_table_lookup (data->entries, id);

  g_assert_nonnull (entry);
  return bp_study_entry_get_notes (entry);
}

static void
test_round_trip_fields (void)
{
  static const char * const notes[] = {
    "", " ", "   lead", "trail   ", " \t both \t ", "a\\b\\\\c\\", "\\n \\s \\x41 \\x0a \\",
    "line\nline\r\nline\r", "bell\a vt\v ff\f esc\x1b del\x7f unit\x1f", "\tstarts with a tab",
    "[backprop]\nversion=2\n# not a comment\n; nor this\n=", "🧠 מה זה ما هو e\u0301",
  };
  g_autoptr(BpStudyData) data = bp_study_data_new ();
  g_autoptr(BpStudyData) again = NULL;
  g_autoptr(GString) every_byte = g_string_new (NULL);
  g_autoptr(GString) long_notes = g_string_new (NULL);

  for (guint c = 1; c < 0x80; c++)
    g_string_append_c (every_byte, c);
  while (long_notes->len < 512 * 1024)
    g_string_append (long_notes, "a long line \\ with \t everything\r\n ");

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *id = g_strdup_printf ("deck/notes-%u", i);

      add_entry (data, id, i % 2, i % 3 == 0, notes[i], 1700000000123456 + i);
    }
  add_entry (data, "deck/every-byte", TRUE, TRUE, every_byte->str, 1);
  add_entry (data, "deck/long", FALSE, FALSE, long_notes->str, -1234567);
  add_entry (data, "deck/defaults", FALSE, FALSE, "", 0);
  add_entry (data, "deck/year-one", FALSE, FALSE, "", -62135596800 * G_USEC_PER_SEC);

  again = round_trip (data);
  g_assert_cmpstr (notes_of (again, "deck/long"), ==, long_notes->str);
  g_assert_cmpstr (notes_of (again, "deck/every-byte"), ==, every_byte->str);
  g_assert_true (g_hash_table_contains (again->entries, "deck/defaults"));
}

static void
test_file_text (void)
{
  g_autoptr(BpStudyData) data = bp_study_data_new ();
  g_autoptr(GBytes) bytes = NULL;
  const char *text;

  add_entry (data, "b/q", TRUE, FALSE, " two\nlines", 1800000000000000);
  add_entry (data, "a/q", FALSE, TRUE, "", 0);
  bytes = bp_study_format_serialize (data);
  text = g_bytes_get_data (bytes, NULL);

  g_assert_cmpstr (text, ==,
                   "# Backprop study data: one group per question. Edit it only while Backprop "
                   "is closed.\n"
                   "[backprop]\nversion=1\nminor=1\n\n"
                   "[a/q]\nread=true\n\n"
                   "[b/q]\nweak=true\nmodified=2027-01-15T08:00:00.000000Z\nnotes=\\stwo\\nlines\n");
}

static void
test_unknown_parts_kept (void)
{
  static const char newer[] =
    "[backprop]\nversion=1\nminor=7\nsync-id=42\n\n"
    "[deck/q]\nweak=true\nstarred=yes, very\nnotes=n\ncolour=#ff0000\nnotes[de]=Notiz\n\n"
    "[backprop:highlights]\ndeck/q=1-4;9-12\nstyle = yellow  \n\n"
    "[deck/only-unknown]\nfuture=1\n";
  g_autoptr(BpStudyData) data = NULL;
  g_autoptr(BpStudyData) again = NULL;
  BpStudyEntry *entry;
  const char * const *meta;
  const char * const *highlights;
  gint64 major;

  data = parse_ok (newer, &major);
  g_assert_cmpint (major, ==, 1);

  entry = g_hash_table_lookup (data->entries, "deck/q");
  g_assert_true (bp_study_entry_get_weak (entry));
  g_assert_cmpstr (bp_study_entry_get_notes (entry), ==, "n");
  g_assert_cmpstrv (bp_study_entry_get_extra (entry),
                    ((const char * const[]) { "starred", "yes, very", "colour", "#ff0000",
                                              "notes[de]", "Notiz", NULL }));
  entry = g_hash_table_lookup (data->entries, "deck/only-unknown");
  g_assert_cmpstrv (bp_study_entry_get_extra (entry),
                    ((const char * const[]) { "future", "1", NULL }));

  /* The format's own group keeps what it does not read, but not version and minor. */
  meta = g_hash_table_lookup (data->groups, "backprop");
  g_assert_cmpstrv (meta, ((const char * const[]) { "sync-id", "42", NULL }));
  highlights = g_hash_table_lookup (data->groups, "backprop:highlights");
  g_assert_cmpstrv (highlights,
                    ((const char * const[]) { "deck/q", "1-4;9-12", "style", "yellow  ", NULL }));
  g_assert_false (g_hash_table_contains (data->entries, "backprop:highlights"));

  again = round_trip (data);
  g_assert_true (bp_study_data_equal (data, again));
}

/* "Encoding" in the format's group, which came second in the file, is not kept: written
 * first, GKeyFile would refuse the file for it (the study-format fuzzer found this). */
static void
test_encoding_not_kept (void)
{
  static const char text[] =
    "[deck/q]\nweak=true\n\n[backprop]\nversion=1\nEncoding=latin1\nsync-id=42\n";
  g_autoptr(BpStudyData) data = NULL;
  g_autoptr(BpStudyData) again = NULL;
  gint64 major;

  data = parse_ok (text, &major);
  g_assert_cmpstrv (g_hash_table_lookup (data->groups, "backprop"),
                    ((const char * const[]) { "sync-id", "42", NULL }));
  again = round_trip (data);
  g_assert_true (bp_study_data_equal (data, again));
  g_assert_true (bp_study_entry_get_weak (g_hash_table_lookup (again->entries, "deck/q")));
}

static void
test_versions (void)
{
  g_autoptr(GError) problem = NULL;
  g_autoptr(BpStudyData) minor = parse_ok ("[backprop]\nversion=1\nminor=99\n[d/q]\nread=true\n",
                                           NULL);
  g_autoptr(BpStudyData) no_minor = parse_ok ("[backprop]\nversion=1\n", NULL);
  g_autoptr(BpStudyData) newer = NULL;
  static const char newer_text[] = "[backprop]\nversion=2\n[d/q]\nnotes=from the future\n";
  gint64 major = 0;

  /* Any minor of major 1 reads as this version's own. */
  g_assert_cmpuint (g_hash_table_size (minor->entries), ==, 1);
  g_assert_null (g_hash_table_lookup (minor->groups, "backprop"));
  g_assert_cmpuint (g_hash_table_size (no_minor->entries), ==, 0);

  /* A new major is reported, and read as far as this version can. */
  newer = bp_study_format_parse (newer_text, sizeof newer_text - 1, &major, &problem);
  g_assert_no_error (problem);
  g_assert_cmpint (major, ==, 2);
  g_assert_cmpstr (notes_of (newer, "d/q"), ==, "from the future");
}

static void
assert_damaged (const char *text,
                gssize      length,
                guint       n_entries)
{
  g_autoptr(GError) problem = NULL;
  gint64 major = 0;
  g_autoptr(BpStudyData) data = bp_study_format_parse (text, length < 0 ? strlen (text) : (gsize)length,
                                                       &major, &problem);

  g_test_message ("%s", problem != NULL ? problem->message : "(no problem)");
  g_assert_error (problem, BP_STUDY_FORMAT_ERROR, BP_STUDY_FORMAT_ERROR_DAMAGED);
  g_assert_cmpstr (problem->message, !=, "");
  g_assert_cmpint (major, ==, BP_STUDY_FORMAT_MAJOR);
  g_assert_cmpuint (g_hash_table_size (data->entries), ==, n_entries);
}

static void
test_damage (void)
{
  static const char nul[] = "[backprop]\nversion=1\n\0[d/q]\n";
  static const char bad_flag[] = "[backprop]\nversion=1\n[d/q]\nweak=maybe\nread=true\n"
                                 "notes=kept\n[d/r]\nnotes=also\n";
  g_autoptr(GError) problem = NULL;
  g_autoptr(BpStudyData) salvaged = NULL;
  BpStudyEntry *entry;
  gint64 major;

  assert_damaged ("[backprop]\nversion=1\n[d/q]\nnotes=\xff\xfe\n", -1, 0);
  assert_damaged (nul, sizeof nul - 1, 0);
  assert_damaged ("not a key file\n", -1, 0);
  assert_damaged ("", -1, 0);
  assert_damaged ("[d/q]\nweak=true\n", -1, 1);
  assert_damaged ("[backprop]\nversion=one\n", -1, 0);
  assert_damaged ("[backprop]\nversion=0\n", -1, 0);
  assert_damaged ("[backprop]\nversion=1\nminor=x\n", -1, 0);
  assert_damaged ("[backprop]\nversion=1\n[d/q]\nmodified=2024-05-01T10:00:00\n", -1, 1);
  assert_damaged ("[backprop]\nversion=1\n[d/q]\nmodified=yesterday\n", -1, 1);

  /* A bad value costs that value only. */
  salvaged = bp_study_format_parse (bad_flag, sizeof bad_flag - 1, &major, &problem);
  g_assert_error (problem, BP_STUDY_FORMAT_ERROR, BP_STUDY_FORMAT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (problem->message, "weak"));
  entry = g_hash_table_lookup (salvaged->entries, "d/q");
  g_assert_false (bp_study_entry_get_weak (entry));
  g_assert_true (bp_study_entry_get_read (entry));
  g_assert_cmpstr (bp_study_entry_get_notes (entry), ==, "kept");
  g_assert_cmpstr (notes_of (salvaged, "d/r"), ==, "also");
}

static void
test_escaping (void)
{
  g_autofree char *escaped = bp_study_format_escape_notes (" a\\b\n\r\t\x01\x7f ");
  g_autofree char *hand_edit = bp_study_format_unescape_notes ("\\q \\x00 \\x41 \\x1g \\");
  g_autofree char *unescaped = bp_study_format_unescape_notes (escaped);

  g_assert_cmpstr (escaped, ==, "\\sa\\\\b\\n\\r\\t\\x01\\x7f\\s");
  g_assert_cmpstr (unescaped, ==, " a\\b\n\r\t\x01\x7f ");
  /* Escapes the escaper never writes keep their text. */
  g_assert_cmpstr (hand_edit, ==, "\\q \\x00 \\x41 \\x1g \\");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/study-format/round-trip-fields", test_round_trip_fields);
  g_test_add_func ("/study-format/file-text", test_file_text);
  g_test_add_func ("/study-format/unknown-parts-kept", test_unknown_parts_kept);
  g_test_add_func ("/study-format/encoding-not-kept", test_encoding_not_kept);
  g_test_add_func ("/study-format/versions", test_versions);
  g_test_add_func ("/study-format/damage", test_damage);
  g_test_add_func ("/study-format/escaping", test_escaping);

  return g_test_run ();
}
