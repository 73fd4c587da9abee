/* bp-study-store-private.h: what tests tune and observe in the study store (delays, writes)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-study-store.h"

G_BEGIN_DECLS

/* Tests shorten the debounce, the wait after a change on disk and the retry backoff. */
void  bp_study_store_set_delays    (BpStudyStore *self,
                                    guint         save_delay_ms,
                                    guint         monitor_delay_ms,
                                    const guint  *retry_delays_ms,
                                    guint         n_retry_delays);
guint bp_study_store_get_n_writes  (BpStudyStore *self);

G_END_DECLS
