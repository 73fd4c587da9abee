/* study-store-versions.h: the study data the crash test's writer saves as version 0, 1, 2…
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "bp-study-store.h"

/* Every version sets every field of every id, so a file holds exactly one version. */
static const char * const version_ids[] = {
  "crash/marker",
  "crash/large",
  "crash/small",
  "crash/special",
};

/* Large and small notes in turn, so a kill lands in long writes as well as short ones. */
static inline char *
version_notes (guint k,
               guint which)
{
  static const gsize large_sizes[] = { 256 * 1024, 100, 64 * 1024 };
  GString *notes;

  switch (which)
    {
    case 0:
      return g_strdup_printf ("version %u", k);
    case 1:
      notes = g_string_new (NULL);
      while (notes->len < large_sizes[k % G_N_ELEMENTS (large_sizes)])
        g_string_append_printf (notes, "v%u line %" G_GSIZE_FORMAT " \\ [x]=y 🙂\n",
                                k, notes->len);
      return g_string_free (notes, FALSE);
    case 2:
      return g_strdup_printf ("small %u", k * 7);
    default:
      return g_strdup_printf ("  lead [q]=#;%u\r\n\u05e9\u05dc\u05d5\u05dd trail \t", k);
    }
}

static inline void
version_apply (BpStudyStore *store,
               guint         k)
{
  for (guint i = 0; i < G_N_ELEMENTS (version_ids); i++)
    {
      g_autofree char *notes = version_notes (k, i);

      bp_study_store_set_notes (store, version_ids[i], notes);
      bp_study_store_set_weak (store, version_ids[i], (k + i) % 2 == 0);
      bp_study_store_set_read (store, version_ids[i], (k + i) % 3 == 0);
    }
}

/* Which version @store holds, or -1 if it holds none exactly. */
static inline gint64
version_find (BpStudyStore *store)
{
  g_autofree char *marker = bp_study_store_dup_notes (store, version_ids[0]);
  g_auto(GStrv) ids = bp_study_store_dup_ids (store);
  guint k;

  if (sscanf (marker, "version %u", &k) != 1 || g_strv_length (ids) != G_N_ELEMENTS (version_ids))
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (version_ids); i++)
    {
      g_autofree char *expected = version_notes (k, i);
      g_autofree char *notes = bp_study_store_dup_notes (store, version_ids[i]);

      if (g_strcmp0 (notes, expected) != 0 ||
          bp_study_store_get_weak (store, version_ids[i]) != ((k + i) % 2 == 0) ||
          bp_study_store_get_read (store, version_ids[i]) != ((k + i) % 3 == 0))
        return -1;
    }

  return k;
}
