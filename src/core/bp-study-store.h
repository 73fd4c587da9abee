/* bp-study-store.h: the user's study data (weak topics, notes, read state), kept per question id
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-study-entry.h"

G_BEGIN_DECLS

#define BP_STUDY_STORE_ERROR (bp_study_store_error_quark ())

/**
 * BpStudyStoreError:
 * @BP_STUDY_STORE_ERROR_READ: the file exists but could not be read
 * @BP_STUDY_STORE_ERROR_CORRUPT: the file is damaged and could not be moved aside
 * @BP_STUDY_STORE_ERROR_NEWER_VERSION: a newer Backprop wrote the file; it is never overwritten
 * @BP_STUDY_STORE_ERROR_WRITE: saving failed; the data is kept in memory and saving is retried
 * @BP_STUDY_STORE_ERROR_READ_ONLY: the store cannot save (see #BpStudyStore:read-only)
 */
typedef enum {
  BP_STUDY_STORE_ERROR_READ,
  BP_STUDY_STORE_ERROR_CORRUPT,
  BP_STUDY_STORE_ERROR_NEWER_VERSION,
  BP_STUDY_STORE_ERROR_WRITE,
  BP_STUDY_STORE_ERROR_READ_ONLY,
} BpStudyStoreError;

/* The major version of the file this version writes; see bp-study-format.h. */
#define BP_STUDY_STORE_FILE_VERSION 1

#define BP_TYPE_STUDY_STORE (bp_study_store_get_type ())

G_DECLARE_FINAL_TYPE (BpStudyStore, bp_study_store, BP, STUDY_STORE, GObject)

GQuark        bp_study_store_error_quark             (void);
char         *bp_study_store_dup_default_path        (void);

BpStudyStore *bp_study_store_new                     (const char    *path);
const char   *bp_study_store_get_path                (BpStudyStore  *self);
gboolean      bp_study_store_load                    (BpStudyStore  *self,
                                                      GError       **error);
gboolean      bp_study_store_flush                   (BpStudyStore  *self,
                                                      GError       **error);

gboolean      bp_study_store_get_weak                (BpStudyStore  *self,
                                                      const char    *id);
void          bp_study_store_set_weak                (BpStudyStore  *self,
                                                      const char    *id,
                                                      gboolean       weak);
char         *bp_study_store_dup_notes               (BpStudyStore  *self,
                                                      const char    *id);
void          bp_study_store_set_notes               (BpStudyStore  *self,
                                                      const char    *id,
                                                      const char    *notes);
gboolean      bp_study_store_get_read                (BpStudyStore  *self,
                                                      const char    *id);
void          bp_study_store_set_read                (BpStudyStore  *self,
                                                      const char    *id,
                                                      gboolean       read);
void          bp_study_store_mark_all_unread         (BpStudyStore  *self);
GDateTime    *bp_study_store_dup_modified            (BpStudyStore  *self,
                                                      const char    *id);
BpStudyFlags  bp_study_store_get_flags               (BpStudyStore  *self,
                                                      const char    *id);

gboolean      bp_study_store_contains                (BpStudyStore  *self,
                                                      const char    *id);
char        **bp_study_store_dup_ids                 (BpStudyStore  *self);
guint         bp_study_store_count                   (BpStudyStore  *self,
                                                      BpStudyFlags   flags);
gboolean      bp_study_store_is_valid_id             (const char    *id);

gboolean      bp_study_store_get_has_unsaved_changes (BpStudyStore  *self);
const GError *bp_study_store_get_save_error          (BpStudyStore  *self);
const char   *bp_study_store_get_recovered_from      (BpStudyStore  *self);
gboolean      bp_study_store_get_read_only           (BpStudyStore  *self);

G_END_DECLS
