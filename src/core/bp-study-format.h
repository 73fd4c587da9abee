/* bp-study-format.h: the study file's text, read and written as pure functions (no I/O, no clock)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bp-study-entry.h"

G_BEGIN_DECLS

/* The released app reads "version" as an integer and opens any file above 1 read-only; a
 * newer minor only adds keys or groups, which an older Backprop keeps without reading. */
#define BP_STUDY_FORMAT_MAJOR 1
#define BP_STUDY_FORMAT_MINOR 1

/* The format's own group, and the prefix of groups later minors may add: never question ids. */
#define BP_STUDY_FORMAT_META_GROUP "backprop"
#define BP_STUDY_FORMAT_RESERVED_PREFIX "backprop:"

#define BP_STUDY_FORMAT_ERROR (bp_study_format_error_quark ())

typedef enum {
  BP_STUDY_FORMAT_ERROR_DAMAGED,
} BpStudyFormatError;

/* What a study file holds. */
typedef struct
{
  GHashTable *entries; /* GRefString question id -> BpStudyEntry */
  GHashTable *groups;  /* GRefString group -> GStrv of key, value pairs: the groups, and keys of
                        * the format's own group, that this version does not read; never
                        * changed once made, so copies share it */
} BpStudyData;

GQuark       bp_study_format_error_quark  (void);

BpStudyData *bp_study_data_new            (void);
BpStudyData *bp_study_data_copy           (const BpStudyData *data);
void         bp_study_data_free           (BpStudyData       *data);
gboolean     bp_study_data_equal          (const BpStudyData *a,
                                           const BpStudyData *b);
GHashTable  *bp_study_entries_new         (void);
GHashTable  *bp_study_groups_new          (void);
char       **bp_study_entries_dup_ids     (GHashTable        *entries);

gboolean     bp_study_format_is_entry_group (const char      *group);

BpStudyData *bp_study_format_parse        (const char        *text,
                                           gsize              length,
                                           gint64            *major,
                                           GError           **problem);
GBytes      *bp_study_format_serialize    (const BpStudyData *data);

char        *bp_study_format_escape_notes   (const char      *notes);
char        *bp_study_format_unescape_notes (const char      *value);
char        *bp_study_format_stamp          (gint64           stamp);
gboolean     bp_study_format_parse_stamp    (const char      *text,
                                             gint64          *stamp);
GDateTime   *bp_study_format_stamp_to_date_time (gint64       stamp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpStudyData, bp_study_data_free)

G_END_DECLS
