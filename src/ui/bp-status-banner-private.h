/* bp-status-banner-private.h: what tests reach inside the status banner
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-status-banner.h"

G_BEGIN_DECLS

GtkButton *bp_status_banner_get_button (BpStatusBanner *self);

G_END_DECLS
