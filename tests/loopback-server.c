/* loopback-server.c: an HTTP server on 127.0.0.1 that counts requests, for pages that send none
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "loopback-server.h"

struct _LoopbackServer
{
  GSocketService *service;
  char *uri;
  guint n_requests;
};

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             LoopbackServer    *server)
{
  /* A page with a title, so that a view which did navigate here would show it. */
  static const char reply[] =
    "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<title>escaped</title>";
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  server->n_requests++;
  g_output_stream_write_all (output, reply, sizeof reply - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

/* Listens on a free port of 127.0.0.1 and answers every request with a small page. */
LoopbackServer *
loopback_server_new (void)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  LoopbackServer *server = g_new0 (LoopbackServer, 1);

  server->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (server->service, "incoming", G_CALLBACK (incoming_cb), server);
  server->uri = g_strdup_printf ("http://127.0.0.1:%u",
                                 g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  return server;
}

/* "http://127.0.0.1:<port>", without a trailing slash. */
const char *
loopback_server_get_uri (LoopbackServer *server)
{
  return server->uri;
}

/* How many requests it has answered so far. */
guint
loopback_server_get_n_requests (LoopbackServer *server)
{
  return server->n_requests;
}

void
loopback_server_free (LoopbackServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_clear_object (&server->service);
  g_free (server->uri);
  g_free (server);
}
