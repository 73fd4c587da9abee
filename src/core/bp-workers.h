/* bp-workers.h: the app's work in threads, counted, so the process never exits under it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     bp_workers_run_in_thread (GTask           *task,
                                   GTaskThreadFunc  func);
guint    bp_workers_get_n_running (void);
gboolean bp_workers_wait          (gint64           timeout_us);

G_END_DECLS
