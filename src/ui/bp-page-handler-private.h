/* bp-page-handler-private.h: the parts of the backprop: scheme handler in files of their own
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-page-handler.h"

G_BEGIN_DECLS

void _bp_page_handler_finish_with_bytes     (WebKitURISchemeRequest *request,
                                             GBytes                 *bytes,
                                             const char             *content_type,
                                             const char             *csp);
void _bp_page_handler_finish_with_deck_file (WebKitURISchemeRequest *request,
                                             const char             *folder,
                                             const char             *relative_path);

G_END_DECLS
