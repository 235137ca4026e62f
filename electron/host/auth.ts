/** Bearer-token authentication of HTTP requests and WebSocket upgrades. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The WebSocket subprotocol prefix that carries a bearer token (as kube-apiserver accepts it). */
export const WS_TOKEN_PROTOCOL_PREFIX = 'base64url.bearer.authorization.k8s.io.';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token a request presents: `Authorization: Bearer`, or the WebSocket subprotocol. */
export function presentedToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim();
  const protocols = req.headers['sec-websocket-protocol'];
  if (typeof protocols === 'string') {
    for (const p of protocols.split(',').map((s) => s.trim())) {
      if (p.startsWith(WS_TOKEN_PROTOCOL_PREFIX)) {
        try {
          return Buffer.from(p.slice(WS_TOKEN_PROTOCOL_PREFIX.length), 'base64url').toString('utf8');
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}

/** Whether a request carries the lab's token. */
export function authenticated(req: IncomingMessage, token: string): boolean {
  const t = presentedToken(req);
  return t !== undefined && same(t, token);
}

/** Whether a WebSocket's Origin is the host's own (no Origin: a non-browser client, allowed with the token). */
export function originAllowed(req: IncomingMessage, ownOrigin: string): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === ownOrigin;
}
