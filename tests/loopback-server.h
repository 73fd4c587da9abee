/* loopback-server.h: an HTTP server on 127.0.0.1 that counts requests, for pages that send none
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _LoopbackServer LoopbackServer;

LoopbackServer *loopback_server_new            (void);
const char     *loopback_server_get_uri        (LoopbackServer *server);
guint           loopback_server_get_n_requests (LoopbackServer *server);
void            loopback_server_free           (LoopbackServer *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoopbackServer, loopback_server_free)

G_END_DECLS
