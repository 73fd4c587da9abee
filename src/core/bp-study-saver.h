/* bp-study-saver.h: when and how the study store's data reaches its file: debounce, worker, retries, merges
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-study-format.h"

G_BEGIN_DECLS

typedef struct _BpStudySaver BpStudySaver;

/* How the saver reaches its owner, on the main thread. */
typedef struct
{
  /* The owner's data, borrowed, and its generation, which every change bumps. */
  const BpStudyData *(*peek)        (GObject       *owner,
                                     guint64       *generation);
  gboolean           (*has_unsaved) (GObject       *owner);
  /* The file held other changes: @merged (transfer full) has both sides'. @in_sync: the file
   * holds exactly @merged; if not, the saver saves it. */
  void               (*merged)      (GObject       *owner,
                                     BpStudyData   *merged,
                                     gboolean       in_sync);
  /* The file was damaged, and renamed to @aside; the saver writes the owner's data again. */
  void               (*set_aside)   (GObject       *owner,
                                     const char    *aside);
  /* The file holds @generation. */
  void               (*saved)       (GObject       *owner,
                                     guint64        generation);
  /* A write failed; the saver tries again later. */
  void               (*failed)      (GObject       *owner,
                                     const GError  *error);
  /* The file must not be written any more; the owner calls bp_study_saver_stop(). */
  void               (*stopped)     (GObject       *owner,
                                     const GError  *error);
} BpStudySaverHooks;

typedef enum {
  BP_STUDY_SAVE_DONE,
  BP_STUDY_SAVE_CONFLICT, /* the file had changed: it is merged in, and needs saving again */
  BP_STUDY_SAVE_FAILED,
} BpStudySaveStatus;

BpStudySaver      *bp_study_saver_new         (GObject                  *owner,
                                               const BpStudySaverHooks  *hooks,
                                               const char               *path);
void               bp_study_saver_dispose     (BpStudySaver             *self);
void               bp_study_saver_free        (BpStudySaver             *self);

gboolean           bp_study_saver_load        (BpStudySaver             *self,
                                               BpStudyData             **data,
                                               char                    **set_aside,
                                               GError                  **error);
void               bp_study_saver_schedule    (BpStudySaver             *self);
void               bp_study_saver_unschedule  (BpStudySaver             *self);
BpStudySaveStatus  bp_study_saver_save_now    (BpStudySaver             *self,
                                               GError                  **error);
void               bp_study_saver_stop        (BpStudySaver             *self);

void               bp_study_saver_set_delays  (BpStudySaver             *self,
                                               guint                     save_delay_ms,
                                               guint                     monitor_delay_ms,
                                               const guint              *retry_delays_ms,
                                               guint                     n_retry_delays);
guint              bp_study_saver_get_n_writes (BpStudySaver            *self);

#define BP_STUDY_SAVER_MAX_RETRY_DELAYS 8

G_END_DECLS
