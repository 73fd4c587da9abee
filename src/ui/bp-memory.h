/* bp-memory.h: giving the system back the memory start-up freed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void bp_memory_start_up_ended (void);

G_END_DECLS
