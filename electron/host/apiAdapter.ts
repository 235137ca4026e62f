/**
 * Binds the API server's handler to node:http: reads the body (3 MiB at most, as etcd's
 * request limit), turns YAML bodies into JSON (keeps Kubernetes protobuf ones as bytes, for the
 * API server to decode), and writes JSON answers or watch streams as
 * newline-delimited JSON over a chunked response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { badRequest, tooLarge, unsupportedMediaType, type Status, type StatusError } from '../../core/api/status';
import { isStream, type ApiRequest, type ApiResponse, type UserInfo } from '../../core/apiserver/request';
import { isProtobufMediaType } from '../../core/api/protobuf/envelope';

/** The largest request body accepted. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Writes a Status as a JSON answer. */
export function sendStatus(res: ServerResponse, status: Status): void {
  sendJson(res, status.code, status);
}

/** Writes a JSON answer; a header given as a list is sent as that many header lines (`Warning`). */
export function sendJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-cache, private', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Reads a request body up to `limit` bytes as UTF-8 text; rejects with a 413 StatusError beyond it. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return readBodyBytes(req, limit).then((b) => b.toString('utf8'));
}

/** Reads a request body up to `limit` bytes; rejects with a 413 StatusError beyond it. */
export function readBodyBytes(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(tooLarge(`the request body is too large: ${declared} bytes (at most ${limit})`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(tooLarge(`the request body is too large: more than ${limit} bytes`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => !failed && resolve(Buffer.concat(chunks)));
    req.on('error', (e) => !failed && reject(e));
  });
}

const JSON_TYPES = ['application/json', 'application/merge-patch+json', 'application/json-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

/** Turns a body into JSON text according to its content type. */
export function decodeBody(text: string, contentType: string | undefined): string {
  if (text === '') return text;
  const type = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/yaml' || type === 'application/apply-patch+yaml' || type === 'text/yaml') {
    try {
      return JSON.stringify(parseYaml(text));
    } catch (e) {
      throw badRequest(`error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (type === '' || JSON_TYPES.includes(type)) return text;
  throw unsupportedMediaType(type);
}

/**
 * The decoded path of a request: undefined for a malformed escape (`%E0%A4%A`, `%ZZ`), which Go's
 * URL parser refuses (a 400 there); escapes that are not UTF-8 (`%ff`) decode to U+FFFD, as the
 * path then names nothing.
 */
export function decodePath(pathname: string): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(pathname)) return undefined;
  try {
    return decodeURIComponent(pathname);
  } catch {
    const bytes: number[] = [];
    for (let i = 0; i < pathname.length; i++) {
      if (pathname[i] === '%') {
        bytes.push(Number.parseInt(pathname.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(pathname[i] as string, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
}

/** The longest delay a Node timer holds (2^31-1 ms); longer ones fire at once with a warning. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Serves one Kubernetes API request through `handle`. */
export async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, user: UserInfo, handle: (r: ApiRequest) => Promise<ApiResponse>, openStreams: Set<() => void>): Promise<void> {
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  const method = req.method ?? 'GET';
  let body: string | undefined;
  let bodyBytes: Uint8Array | undefined;
  try {
    if (method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE') {
      const raw = await readBodyBytes(req);
      // Kubernetes protobuf (kubectl's typed commands) stays binary: the API server decodes it.
      if (isProtobufMediaType(headers['content-type'])) bodyBytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      else body = decodeBody(raw.toString('utf8'), headers['content-type']);
    }
  } catch (e) {
    if ((e as StatusError).status) sendStatus(res, (e as StatusError).status);
    else sendStatus(res, badRequest(`could not read the request body: ${(e as Error).message}`).status);
    return;
  }
  const path = decodePath(url.pathname);
  if (path === undefined) {
    sendStatus(res, badRequest(`invalid URL escape in the request path: ${JSON.stringify(url.pathname.slice(0, 200))}`).status);
    return;
  }
  const apiReq: ApiRequest = { method, path, query, headers, user };
  if (body !== undefined) apiReq.body = body;
  if (bodyBytes !== undefined && bodyBytes.length > 0) apiReq.bodyBytes = bodyBytes;
  const answer = await handle(apiReq);
  if (!isStream(answer)) {
    if (answer.body instanceof Uint8Array) {
      // Binary answers (the protobuf OpenAPI v2 document kubectl asks for).
      res.writeHead(answer.status, { 'cache-control': 'no-cache, private', ...answer.headers, 'content-length': answer.body.byteLength });
      res.end(answer.body);
      return;
    }
    sendJson(res, answer.status, answer.body, answer.headers);
    return;
  }
  res.writeHead(200, { ...answer.headers, 'cache-control': 'no-cache, private', 'transfer-encoding': 'chunked' });
  res.flushHeaders();
  const stream = answer.stream;
  let stop: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  let bookmarks: NodeJS.Timeout | undefined;
  const finish = () => {
    stop();
    if (timer) clearTimeout(timer);
    if (bookmarks) clearInterval(bookmarks);
    openStreams.delete(finish);
    if (!res.writableEnded) res.end();
  };
  openStreams.add(finish);
  // A text stream (`pods/NAME/log?follow=true`) carries chunks of text, written as they are.
  const write = stream.text ? (e: { object: unknown }) => res.write(String(e.object)) : (e: unknown) => res.write(`${JSON.stringify(e)}\n`);
  stop = stream.start({ send: write, end: finish });
  if (stream.timeoutSeconds !== undefined) {
    // A watch that ends by its timeout says where it got to first (a BOOKMARK, when asked for);
    // 0 (a negative timeoutSeconds, as in kube) ends it at once.
    const ms = Math.min(Math.max(stream.timeoutSeconds, 0) * 1000, MAX_TIMER_MS);
    timer = setTimeout(() => void (stream.bookmark?.() ?? Promise.resolve()).then(finish, finish), ms);
  }
  // kube-apiserver sends a bookmark about every minute to a watch that allows them.
  if (stream.bookmarks && stream.bookmark) bookmarks = setInterval(() => void stream.bookmark?.(), WATCH_BOOKMARK_INTERVAL_MS);
  res.on('close', finish);
}

/** How often a watch with `allowWatchBookmarks=true` gets a BOOKMARK event. */
export const WATCH_BOOKMARK_INTERVAL_MS = 60_000;
