/* bp-study-entry.h: one question's study data, immutable and refcounted, its fields named in one table
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BpStudyFlags:
 * @BP_STUDY_FLAG_WEAK: the user marked the question as a weak topic
 * @BP_STUDY_FLAG_READ: the user has read the answer
 * @BP_STUDY_FLAG_NOTES: the question has notes that are not empty
 */
typedef enum {
  BP_STUDY_FLAG_NONE = 0,
  BP_STUDY_FLAG_WEAK = 1 << 0,
  BP_STUDY_FLAG_READ = 1 << 1,
  BP_STUDY_FLAG_NOTES = 1 << 2,
} BpStudyFlags;

/* Every field of an entry. Code that handles all of them (compare, read, write, merge) loops
 * over these and switches on the kind, so a new field is one more line in bp-study-entry.c. */
typedef enum {
  BP_STUDY_FIELD_WEAK,
  BP_STUDY_FIELD_READ,
  BP_STUDY_FIELD_MODIFIED,
  BP_STUDY_FIELD_NOTES,
  BP_STUDY_N_FIELDS
} BpStudyField;

typedef enum {
  BP_STUDY_FIELD_KIND_FLAG,  /* a boolean, FALSE by default */
  BP_STUDY_FIELD_KIND_TEXT,  /* UTF-8 text, "" by default */
  BP_STUDY_FIELD_KIND_STAMP, /* when the entry last changed, in µs since the epoch; 0: unknown */
} BpStudyFieldKind;

typedef struct _BpStudyEntry BpStudyEntry;

BpStudyFieldKind    bp_study_field_get_kind          (BpStudyField        field);
const char         *bp_study_field_get_key           (BpStudyField        field);
BpStudyFlags        bp_study_field_get_flag          (BpStudyField        field);

BpStudyEntry       *bp_study_entry_new               (void);
const BpStudyEntry *bp_study_entry_get_default       (void);
BpStudyEntry       *bp_study_entry_ref               (BpStudyEntry       *entry);
void                bp_study_entry_unref             (BpStudyEntry       *entry);

gboolean            bp_study_entry_get_flag_field    (const BpStudyEntry *entry,
                                                      BpStudyField        field);
const char         *bp_study_entry_get_text_field    (const BpStudyEntry *entry,
                                                      BpStudyField        field);
gboolean            bp_study_entry_get_weak          (const BpStudyEntry *entry);
gboolean            bp_study_entry_get_read          (const BpStudyEntry *entry);
const char         *bp_study_entry_get_notes         (const BpStudyEntry *entry);
gint64              bp_study_entry_get_modified      (const BpStudyEntry *entry);
const char * const *bp_study_entry_get_extra         (const BpStudyEntry *entry);
BpStudyFlags        bp_study_entry_get_flags         (const BpStudyEntry *entry);

BpStudyEntry       *bp_study_entry_with_flag_field   (const BpStudyEntry *entry,
                                                      BpStudyField        field,
                                                      gboolean            value);
BpStudyEntry       *bp_study_entry_with_text_field   (const BpStudyEntry *entry,
                                                      BpStudyField        field,
                                                      const char         *value);
BpStudyEntry       *bp_study_entry_with_modified     (const BpStudyEntry *entry,
                                                      gint64              modified);
BpStudyEntry       *bp_study_entry_with_extra        (const BpStudyEntry *entry,
                                                      const char * const *extra);

gboolean            bp_study_entry_same_content      (const BpStudyEntry *a,
                                                      const BpStudyEntry *b);
gboolean            bp_study_entry_equal             (const BpStudyEntry *a,
                                                      const BpStudyEntry *b);
int                 bp_study_entry_compare           (const BpStudyEntry *a,
                                                      const BpStudyEntry *b);

gboolean            bp_study_extra_equal             (const char * const *a,
                                                      const char * const *b);
const char         *bp_study_extra_lookup            (const char * const *extra,
                                                      const char         *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpStudyEntry, bp_study_entry_unref)

G_END_DECLS
