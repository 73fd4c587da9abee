/* test-study-entry.c: the study entry: defaults, copies with a change, equality, order, flags
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bp-study-entry.h"

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

static void
test_defaults (void)
{
  const BpStudyEntry *def = bp_study_entry_get_default ();
  g_autoptr(BpStudyEntry) fresh = bp_study_entry_new ();

  g_assert_false (bp_study_entry_get_weak (def));
  g_assert_false (bp_study_entry_get_read (def));
  g_assert_cmpstr (bp_study_entry_get_notes (def), ==, "");
  g_assert_cmpint (bp_study_entry_get_modified (def), ==, 0);
  g_assert_null (bp_study_entry_get_extra (def));
  g_assert_cmpint (bp_study_entry_get_flags (def), ==, BP_STUDY_FLAG_NONE);
  g_assert_true (bp_study_entry_equal (def, fresh));
  g_assert_cmpint (bp_study_entry_compare (def, fresh), ==, 0);

  /* The table names each field once, with its key in the file. */
  g_assert_cmpstr (bp_study_field_get_key (BP_STUDY_FIELD_WEAK), ==, "weak");
  g_assert_cmpstr (bp_study_field_get_key (BP_STUDY_FIELD_READ), ==, "read");
  g_assert_cmpstr (bp_study_field_get_key (BP_STUDY_FIELD_MODIFIED), ==, "modified");
  g_assert_cmpstr (bp_study_field_get_key (BP_STUDY_FIELD_NOTES), ==, "notes");
  g_assert_cmpint (bp_study_field_get_kind (BP_STUDY_FIELD_NOTES), ==, BP_STUDY_FIELD_KIND_TEXT);
  g_assert_cmpint (bp_study_field_get_kind (BP_STUDY_FIELD_MODIFIED), ==,
                   BP_STUDY_FIELD_KIND_STAMP);
}

static void
test_copy_with_change (void)
{
  g_autoptr(BpStudyEntry) base = make_entry (FALSE, TRUE, "kept", 10);
  g_autoptr(BpStudyEntry) weak = bp_study_entry_with_flag_field (base, BP_STUDY_FIELD_WEAK, 42);
  g_autoptr(BpStudyEntry) cleared = bp_study_entry_with_text_field (weak, BP_STUDY_FIELD_NOTES,
                                                                    NULL);
  g_autoptr(BpStudyEntry) stamped = bp_study_entry_with_modified (cleared, 99);
  const char *extra[] = { "starred", "true", "color", "#fff", NULL };
  g_autoptr(BpStudyEntry) with_extra = bp_study_entry_with_extra (stamped, extra);
  g_autoptr(BpStudyEntry) without = bp_study_entry_with_extra (with_extra, NULL);

  /* The original never changes. */
  g_assert_false (bp_study_entry_get_weak (base));
  g_assert_cmpstr (bp_study_entry_get_notes (base), ==, "kept");

  g_assert_true (bp_study_entry_get_weak (weak));
  g_assert_true (bp_study_entry_get_read (weak));
  g_assert_cmpstr (bp_study_entry_get_notes (weak), ==, "kept");
  g_assert_cmpint (bp_study_entry_get_modified (weak), ==, 10);
  g_assert_cmpstr (bp_study_entry_get_notes (cleared), ==, "");
  g_assert_cmpint (bp_study_entry_get_modified (stamped), ==, 99);
  g_assert_cmpstrv (bp_study_entry_get_extra (with_extra), extra);
  g_assert_cmpstr (bp_study_extra_lookup (bp_study_entry_get_extra (with_extra), "color"), ==,
                   "#fff");
  g_assert_null (bp_study_extra_lookup (bp_study_entry_get_extra (with_extra), "true"));
  g_assert_null (bp_study_entry_get_extra (without));
  g_assert_true (bp_study_entry_equal (without, stamped));
}

static void
test_equal_and_same_content (void)
{
  g_autoptr(BpStudyEntry) a = make_entry (TRUE, FALSE, "n", 5);
  g_autoptr(BpStudyEntry) b = make_entry (TRUE, FALSE, "n", 5);
  g_autoptr(BpStudyEntry) later = make_entry (TRUE, FALSE, "n", 6);
  g_autoptr(BpStudyEntry) other = make_entry (TRUE, FALSE, "m", 5);
  const char *extra[] = { "k", "v", NULL };
  g_autoptr(BpStudyEntry) with_extra = bp_study_entry_with_extra (a, extra);

  g_assert_true (bp_study_entry_equal (a, b));
  g_assert_false (bp_study_entry_equal (a, later));
  g_assert_true (bp_study_entry_same_content (a, later));
  g_assert_false (bp_study_entry_same_content (a, other));
  /* Extra keys are not the user's content, but they make another entry. */
  g_assert_true (bp_study_entry_same_content (a, with_extra));
  g_assert_false (bp_study_entry_equal (a, with_extra));
}

/* Newest last; ties broken field by field so that any two different entries are ordered. */
static void
test_compare (void)
{
  g_autoptr(BpStudyEntry) old = make_entry (TRUE, TRUE, "z", 1);
  g_autoptr(BpStudyEntry) recent = make_entry (FALSE, FALSE, "a", 2);
  g_autoptr(BpStudyEntry) plain = make_entry (FALSE, FALSE, "", 2);
  g_autoptr(BpStudyEntry) weak = make_entry (TRUE, FALSE, "", 2);
  g_autoptr(BpStudyEntry) read = make_entry (FALSE, TRUE, "", 2);
  g_autoptr(BpStudyEntry) weak_read = make_entry (TRUE, TRUE, "", 2);
  const char *extra[] = { "k", "v", NULL };
  g_autoptr(BpStudyEntry) plain_extra = bp_study_entry_with_extra (plain, extra);
  BpStudyEntry *all[] = { old, plain, plain_extra, recent, read, weak, weak_read };

  g_assert_cmpint (bp_study_entry_compare (old, recent), <, 0);
  g_assert_cmpint (bp_study_entry_compare (recent, old), >, 0);
  g_assert_cmpint (bp_study_entry_compare (plain, weak), <, 0);
  g_assert_cmpint (bp_study_entry_compare (read, weak), <, 0);
  g_assert_cmpint (bp_study_entry_compare (plain, recent), <, 0);

  /* A strict total order: antisymmetric, and 0 only with itself. */
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    for (guint j = 0; j < G_N_ELEMENTS (all); j++)
      {
        int ij = bp_study_entry_compare (all[i], all[j]);
        int ji = bp_study_entry_compare (all[j], all[i]);

        g_assert_cmpint ((ij > 0) - (ij < 0), ==, -((ji > 0) - (ji < 0)));
        g_assert_cmpint (ij == 0, ==, i == j);
      }
}

static void
test_flags (void)
{
  g_autoptr(BpStudyEntry) weak_notes = make_entry (TRUE, FALSE, "x", 1);
  g_autoptr(BpStudyEntry) read = make_entry (FALSE, TRUE, "", 1);

  g_assert_cmpint (bp_study_entry_get_flags (weak_notes), ==,
                   BP_STUDY_FLAG_WEAK | BP_STUDY_FLAG_NOTES);
  g_assert_cmpint (bp_study_entry_get_flags (read), ==, BP_STUDY_FLAG_READ);
  g_assert_cmpint (bp_study_field_get_flag (BP_STUDY_FIELD_MODIFIED), ==, BP_STUDY_FLAG_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/study-entry/defaults", test_defaults);
  g_test_add_func ("/study-entry/copy-with-change", test_copy_with_change);
  g_test_add_func ("/study-entry/equal-and-same-content", test_equal_and_same_content);
  g_test_add_func ("/study-entry/compare", test_compare);
  g_test_add_func ("/study-entry/flags", test_flags);

  return g_test_run ();
}
