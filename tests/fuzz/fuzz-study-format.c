/* fuzz-study-format.c: libFuzzer target for the study file's reader and writer
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "bp-study-format.h"
#include "fuzz-target.h"

/* Whatever this version writes is a file it reads back without a problem, to the same data. */
static void
check_round_trip (const BpStudyData *data)
{
  g_autoptr(GBytes) bytes = bp_study_format_serialize (data);
  g_autoptr(GError) problem = NULL;
  g_autoptr(BpStudyData) again = NULL;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  gint64 major = 0;

  g_assert_true (g_utf8_validate_len (text, length, NULL));
  again = bp_study_format_parse (text, length, &major, &problem);
  g_assert_no_error (problem);
  g_assert_cmpint (major, ==, BP_STUDY_FORMAT_MAJOR);
  g_assert_true (bp_study_data_equal (data, again));
}

static void
check_entries (const BpStudyData *data)
{
  GHashTableIter iter;
  gpointer id, entry;

  g_hash_table_iter_init (&iter, data->entries);
  while (g_hash_table_iter_next (&iter, &id, &entry))
    {
      g_assert_true (bp_study_format_is_entry_group (id));
      g_assert_true (g_utf8_validate (bp_study_entry_get_notes (entry), -1, NULL));
    }
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
  g_autoptr(GError) problem = NULL;
  g_autoptr(BpStudyData) study = NULL;
  gint64 major = 0;

  /* The reader takes a length: the input is deliberately not nul-terminated. */
  study = bp_study_format_parse ((const char *)data, size, &major, &problem);
  g_assert_nonnull (study);
  g_assert_cmpint (major, >=, 1);
  g_assert_true (problem == NULL || problem->domain == BP_STUDY_FORMAT_ERROR);
  g_assert_true (problem == NULL || *problem->message != '\0');
  check_entries (study);

  /* A damaged or newer file is never written back; one this version reads, always. */
  if (problem == NULL && major == BP_STUDY_FORMAT_MAJOR)
    check_round_trip (study);

  return 0;
}
