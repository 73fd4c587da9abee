/* bp-history.h: the questions visited, and where Back and Forward stand among them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BP_TYPE_HISTORY (bp_history_get_type ())

G_DECLARE_FINAL_TYPE (BpHistory, bp_history, BP, HISTORY, GObject)

BpHistory *bp_history_new                (void);
void       bp_history_visit              (BpHistory *self,
                                          gpointer   item);
gpointer   bp_history_get_current        (BpHistory *self);
gpointer   bp_history_go_back            (BpHistory *self);
gpointer   bp_history_go_forward         (BpHistory *self);
gboolean   bp_history_get_can_go_back    (BpHistory *self);
gboolean   bp_history_get_can_go_forward (BpHistory *self);

G_END_DECLS
