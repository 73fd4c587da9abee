/* test-study-merge.c: the three-way merge of study data, rule by rule
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-study-merge.h"

static GTimeZone *utc;

static BpStudyEntry *
make_entry (gboolean    weak,
            gboolean    read,
            const char *notes,
            gint64      modified)
{
  g_autoptr(BpStudyEntry) empty = bp_study_entry_new ();
  g_autoptr(BpStudyEntry) w = bp_study_entry_with_flag_field (empty, BP_STUDY_FIELD_WEAK, weak);
  g_autoptr(BpStudyEntry) r = bp_study_entry_with_flag_field (w, BP_STUDY_FIELD_READ, read);
  g_autoptr(BpStudyEntry) n = bp_study_entry_with_text_field (r, BP_STUDY_FIELD_NOTES, notes);

  return bp_study_entry_with_modified (n, modified);
}

/* Both ways round: two stores merging the same pair pick the same result. */
static BpStudyEntry *
merge_both_ways (const BpStudyEntry *base,
                 BpStudyEntry       *a,
                 BpStudyEntry       *b)
{
  BpStudyEntry *ab = bp_study_merge_entry (base, a, b, utc);
  g_autoptr(BpStudyEntry) ba = bp_study_merge_entry (base, b, a, utc);

  g_assert_true (bp_study_entry_equal (ab, ba));
  return ab;
}

static void
test_flags_one_side (void)
{
  g_autoptr(BpStudyEntry) base = make_entry (FALSE, FALSE, "same", 1);
  /* Older, but the only one to change weak. */
  g_autoptr(BpStudyEntry) mine = make_entry (TRUE, FALSE, "same", 2);
  g_autoptr(BpStudyEntry) theirs = make_entry (FALSE, TRUE, "same", 3);
  g_autoptr(BpStudyEntry) merged = merge_both_ways (base, mine, theirs);

  g_assert_true (bp_study_entry_get_weak (merged));
  g_assert_true (bp_study_entry_get_read (merged));
  g_assert_cmpint (bp_study_entry_get_modified (merged), ==, 3);
}

static void
test_flags_both_sides (void)
{
  g_autoptr(BpStudyEntry) base = make_entry (TRUE, FALSE, "", 1);
  g_autoptr(BpStudyEntry) mine = make_entry (FALSE, FALSE, "", 2);
  g_autoptr(BpStudyEntry) theirs = make_entry (FALSE, FALSE, "x", 3);
  g_autoptr(BpStudyEntry) merged = merge_both_ways (base, mine, theirs);

  g_assert_false (bp_study_entry_get_weak (merged));
  g_assert_cmpstr (bp_study_entry_get_notes (merged), ==, "x");
}

/* Without a base, both sides started from the defaults. */
static void
test_no_base (void)
{
  g_autoptr(BpStudyEntry) mine = make_entry (TRUE, FALSE, "", 5);
  g_autoptr(BpStudyEntry) theirs = make_entry (FALSE, TRUE, "", 4);
  g_autoptr(BpStudyEntry) merged = merge_both_ways (NULL, mine, theirs);

  g_assert_true (bp_study_entry_get_weak (merged));
  g_assert_true (bp_study_entry_get_read (merged));
  g_assert_cmpint (bp_study_entry_get_modified (merged), ==, 5);
}

static void
test_notes_one_side (void)
{
  g_autoptr(BpStudyEntry) base = make_entry (FALSE, FALSE, "old", 1);
  g_autoptr(BpStudyEntry) mine = make_entry (TRUE, FALSE, "old", 9);
  g_autoptr(BpStudyEntry) theirs = make_entry (FALSE, FALSE, "", 2);
  g_autoptr(BpStudyEntry) merged = merge_both_ways (base, mine, theirs);

  /* Theirs cleared the notes, mine left them alone: the clearing stands, though older. */
  g_assert_cmpstr (bp_study_entry_get_notes (merged), ==, "");
  g_assert_true (bp_study_entry_get_weak (merged));
}

static void
test_notes_both_sides (void)
{
  g_autoptr(BpStudyEntry) base = make_entry (FALSE, FALSE, "base", 1);
  /* 2026-01-02 03:04:05 UTC */
  g_autoptr(BpStudyEntry) older = make_entry (FALSE, FALSE, "alpha", 1767323045000000);
  g_autoptr(BpStudyEntry) newer = make_entry (FALSE, FALSE, "beta", 1767323046000000);
  g_autoptr(BpStudyEntry) undated = make_entry (FALSE, FALSE, "gamma", 0);
  g_autoptr(BpStudyEntry) empty = make_entry (FALSE, FALSE, "", 1767323047000000);
  g_autoptr(BpStudyEntry) merged = merge_both_ways (base, older, newer);
  g_autoptr(BpStudyEntry) merged_undated = merge_both_ways (base, undated, newer);
  g_autoptr(BpStudyEntry) merged_empty = merge_both_ways (base, older, empty);

  g_assert_cmpstr (bp_study_entry_get_notes (merged), ==,
                   "beta\n\n--- Also saved on 2026-01-02 03:04 ---\nalpha");
  g_assert_cmpint (bp_study_entry_get_modified (merged), ==, 1767323046000000);
  g_assert_cmpstr (bp_study_entry_get_notes (merged_undated), ==,
                   "beta\n\n--- Also saved ---\ngamma");
  /* The newer side emptied them: the older text follows the marker alone. */
  g_assert_cmpstr (bp_study_entry_get_notes (merged_empty), ==,
                   "--- Also saved on 2026-01-02 03:04 ---\nalpha");
}

/* The marker's date is in the zone the caller gives, never the machine's. */
static void
test_marker_time_zone (void)
{
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_identifier ("+02:00");
  g_autoptr(BpStudyEntry) base = make_entry (FALSE, FALSE, "", 0);
  g_autoptr(BpStudyEntry) older = make_entry (FALSE, FALSE, "a", 1767323045000000);
  g_autoptr(BpStudyEntry) newer = make_entry (FALSE, FALSE, "b", 1767323046000000);
  g_autoptr(BpStudyEntry) merged = bp_study_merge_entry (base, older, newer, plus_two);

  g_assert_nonnull (plus_two);
  g_assert_cmpstr (bp_study_entry_get_notes (merged), ==,
                   "b\n\n--- Also saved on 2026-01-02 05:04 ---\na");
}

static void
test_notes_containment (void)
{
  g_autoptr(BpStudyEntry) base = make_entry (FALSE, FALSE, "", 1);
  g_autoptr(BpStudyEntry) older = make_entry (FALSE, FALSE, "line two", 2);
  g_autoptr(BpStudyEntry) newer = make_entry (FALSE, FALSE, "line one\nline two\nline three", 3);
  g_autoptr(BpStudyEntry) part = make_entry (FALSE, FALSE, "two", 2);
  g_autoptr(BpStudyEntry) merged = merge_both_ways (base, older, newer);
  g_autoptr(BpStudyEntry) not_contained = merge_both_ways (base, part, newer);

  /* The older is already there as whole lines: nothing to add. */
  g_assert_cmpstr (bp_study_entry_get_notes (merged), ==, "line one\nline two\nline three");
  /* Part of a line is not the same note. */
  g_assert_true (g_str_has_suffix (bp_study_entry_get_notes (not_contained), " ---\ntwo"));
}

static void
test_equal_sides (void)
{
  g_autoptr(BpStudyEntry) base = make_entry (FALSE, FALSE, "", 1);
  g_autoptr(BpStudyEntry) mine = make_entry (TRUE, FALSE, "same", 4);
  g_autoptr(BpStudyEntry) theirs = make_entry (TRUE, FALSE, "same", 4);
  g_autoptr(BpStudyEntry) merged = bp_study_merge_entry (base, mine, theirs, utc);

  g_assert_true (merged == mine);
}

static BpStudyData *
data_with (const char   *id,
           BpStudyEntry *entry)
{
  BpStudyData *data = bp_study_data_new ();

  if (entry != NULL)
    g_hash_table_insert (data->entries, g_ref_string_new (id), bp_study_entry_ref (entry));
  return data;
}

static void
test_entries_one_side (void)
{
  g_autoptr(BpStudyEntry) entry = make_entry (TRUE, FALSE, "only here", 1);
  g_autoptr(BpStudyData) base = bp_study_data_new ();
  g_autoptr(BpStudyData) mine = data_with ("d/mine", entry);
  g_autoptr(BpStudyData) theirs = data_with ("d/theirs", entry);
  g_autoptr(BpStudyData) merged = bp_study_merge (base, mine, theirs, utc);
  g_autoptr(BpStudyData) lost_by_theirs = bp_study_merge (mine, mine, base, utc);

  g_assert_cmpuint (g_hash_table_size (merged->entries), ==, 2);
  g_assert_true (g_hash_table_contains (merged->entries, "d/mine"));
  g_assert_true (g_hash_table_contains (merged->entries, "d/theirs"));
  /* A copy that lost an entry does not take it from this one. */
  g_assert_true (g_hash_table_contains (lost_by_theirs->entries, "d/mine"));
}

static void
test_unknown_keys (void)
{
  const char *base[] = { "kept", "1", "changed-by-theirs", "a", "removed-by-theirs", "x",
                         "conflict", "base", NULL };
  const char *mine[] = { "mine-new", "m", "kept", "1", "changed-by-theirs", "a",
                         "removed-by-theirs", "x", "conflict", "mine", NULL };
  const char *theirs[] = { "kept", "1", "changed-by-theirs", "b", "conflict", "theirs",
                           "theirs-new", "t", NULL };
  g_auto(GStrv) merged = bp_study_merge_extra (base, mine, theirs);
  g_auto(GStrv) none = bp_study_merge_extra (NULL, NULL, NULL);

  g_assert_cmpstrv (merged, ((const char * const[]) {
    "mine-new", "m", "kept", "1", "changed-by-theirs", "b", "conflict", "mine",
    "theirs-new", "t", NULL }));
  g_assert_null (none);
}

/* Unknown keys of entries and unknown groups go through the same rule. */
static void
test_unknown_in_data (void)
{
  const char *their_extra[] = { "starred", "true", NULL };
  const char *their_group[] = { "d/q", "1-4", NULL };
  const char *my_group[] = { "d/r", "2-3", NULL };
  g_autoptr(BpStudyEntry) plain = make_entry (FALSE, FALSE, "n", 1);
  g_autoptr(BpStudyEntry) changed = make_entry (TRUE, FALSE, "n", 3);
  g_autoptr(BpStudyEntry) starred = bp_study_entry_with_extra (plain, their_extra);
  g_autoptr(BpStudyData) base = data_with ("d/q", plain);
  g_autoptr(BpStudyData) mine = data_with ("d/q", changed);
  g_autoptr(BpStudyData) theirs = data_with ("d/q", starred);
  g_autoptr(BpStudyData) merged = NULL;
  BpStudyEntry *entry;

  g_hash_table_insert (mine->groups, g_ref_string_new ("backprop:highlights"),
                       g_strdupv ((char **)my_group));
  g_hash_table_insert (theirs->groups, g_ref_string_new ("backprop:highlights"),
                       g_strdupv ((char **)their_group));
  g_hash_table_insert (theirs->groups, g_ref_string_new ("backprop:other"),
                       g_strdupv ((char **)their_group));
  merged = bp_study_merge (base, mine, theirs, utc);

  entry = g_hash_table_lookup (merged->entries, "d/q");
  g_assert_true (bp_study_entry_get_weak (entry));
  g_assert_cmpstrv (bp_study_entry_get_extra (entry), their_extra);
  g_assert_cmpstrv (g_hash_table_lookup (merged->groups, "backprop:highlights"),
                    ((const char * const[]) { "d/r", "2-3", "d/q", "1-4", NULL }));
  g_assert_cmpstrv (g_hash_table_lookup (merged->groups, "backprop:other"), their_group);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  utc = g_time_zone_new_utc ();

  g_test_add_func ("/study-merge/flags-one-side", test_flags_one_side);
  g_test_add_func ("/study-merge/flags-both-sides", test_flags_both_sides);
  g_test_add_func ("/study-merge/no-base", test_no_base);
  g_test_add_func ("/study-merge/notes-one-side", test_notes_one_side);
  g_test_add_func ("/study-merge/notes-both-sides", test_notes_both_sides);
  g_test_add_func ("/study-merge/marker-time-zone", test_marker_time_zone);
  g_test_add_func ("/study-merge/notes-containment", test_notes_containment);
  g_test_add_func ("/study-merge/equal-sides", test_equal_sides);
  g_test_add_func ("/study-merge/entries-one-side", test_entries_one_side);
  g_test_add_func ("/study-merge/unknown-keys", test_unknown_keys);
  g_test_add_func ("/study-merge/unknown-in-data", test_unknown_in_data);

  status = g_test_run ();
  g_time_zone_unref (utc);
  return status;
}
