/**
 * One port, two protocols: a TCP server that hands each connection to the HTTPS server when
 * its first byte opens a TLS handshake (0x16) and to the plain HTTP server otherwise. The UI
 * and WebSockets use http://; kubectl and client libraries use https:// (they send tokens over
 * TLS only). Node has no built-in for this; the technique is that of the httpolyglot package,
 * which is unmaintained, hence these few lines.
 */
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';

const TLS_HANDSHAKE = 0x16;

/** A TCP server dispatching to `http` or `https` by the first byte of each connection. */
export function polyglotServer(http: HttpServer, https: HttpsServer): TcpServer {
  return createTcpServer((socket: Socket) => {
    socket.once('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === TLS_HANDSHAKE ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
}
