/* bp-page-handler-private.h: the parts of the backprop: scheme handler in files of their own
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-page-handler.h"

G_BEGIN_DECLS

void _bp_page_handler_finish_with_bytes     (WebKitURISchemeRequest *request,
                                             GBytes                 *bytes,
                                             const char             *content_type,
                                             const char             *csp);
void _bp_page_handler_finish_with_deck_file (BpPageHandler          *self,
                                             WebKitURISchemeRequest *request,
                                             const char             *deck_id,
                                             const char             *folder,
                                             const char             *relative_path);
void _bp_page_handler_deck_file_failed      (BpPageHandler          *self,
                                             WebKitURISchemeRequest *request,
                                             const char             *deck_id,
                                             const char             *relative_path,
                                             const GError           *error);

G_END_DECLS
