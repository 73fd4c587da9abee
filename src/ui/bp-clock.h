/* bp-clock.h: the time the app studies at: now, or BACKPROP_NOW for tests and demos
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64 bp_clock_now_us        (void);
gint64 bp_clock_day_offset_us (gint64 now_us);

G_END_DECLS
