/* bp-study-store-private.h: what the study store's files share, and what tests tune and observe
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-study-format.h"
#include "bp-study-saver.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

struct _BpStudyStore
{
  GObject parent_instance;

  char *path;
  BpStudySaver *saver;
  BpStudyData *data; /* its entries' table is changed in place, so never shared */

  gboolean loaded;
  gboolean read_only;
  gboolean has_unsaved_changes;
  guint64 generation;       /* bumped by every change */
  guint64 saved_generation; /* the generation the file holds */
  GError *save_error;
  char *recovered_from;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_HAS_UNSAVED_CHANGES,
  PROP_SAVE_ERROR,
  PROP_RECOVERED_FROM,
  PROP_READ_ONLY,
  N_PROPS
};

extern GParamSpec *_bp_study_store_properties[N_PROPS];
extern const BpStudySaverHooks _bp_study_store_saver_hooks;

void _bp_study_store_update_unsaved (BpStudyStore *self);
void _bp_study_store_emit_changed   (BpStudyStore *self,
                                     const char   *id);

/* Tests shorten the debounce, the wait after a change on disk and the retry backoff. */
void  bp_study_store_set_delays    (BpStudyStore *self,
                                    guint         save_delay_ms,
                                    guint         monitor_delay_ms,
                                    const guint  *retry_delays_ms,
                                    guint         n_retry_delays);
guint bp_study_store_get_n_writes  (BpStudyStore *self);

G_END_DECLS
