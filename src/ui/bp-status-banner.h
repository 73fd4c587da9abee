/* bp-status-banner.h: a bar above the answer saying why what the user does is not saved
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bp-study-store.h"

G_BEGIN_DECLS

#define BP_TYPE_STATUS_BANNER (bp_status_banner_get_type ())

G_DECLARE_FINAL_TYPE (BpStatusBanner, bp_status_banner, BP, STATUS_BANNER, GtkWidget)

GtkWidget    *bp_status_banner_new          (void);
BpStudyStore *bp_status_banner_get_store    (BpStatusBanner *self);
void          bp_status_banner_set_store    (BpStatusBanner *self,
                                             BpStudyStore   *store);
gboolean      bp_status_banner_get_revealed (BpStatusBanner *self);
const char   *bp_status_banner_get_message  (BpStatusBanner *self);

G_END_DECLS
