/* bench-floor-window.h: a window drawn like the app's first frame, from stock GTK and libadwaita widgets only
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *bench_floor_window_new (GtkWidget          *web_view,
                                   const char         *deck_title,
                                   const char *const  *titles);

G_END_DECLS
