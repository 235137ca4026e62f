/**
 * The API server's request and response objects. The handler takes an `ApiRequest` and
 * returns an `ApiResponse` — plain data or a watch stream — with no sockets involved; a thin
 * adapter outside core/ binds it to HTTP.
 */

import type { RemoteCommand } from './remoteCommand';

/** The authenticated caller. */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** One request to the API server. */
export interface ApiRequest {
  method: string;
  /** The path, without the query string: `/api/v1/namespaces/default/pods`. */
  path: string;
  /** Query parameters (first value of each). */
  query: Record<string, string>;
  /** Every value of each query parameter, when the adapter has them (`command` of pods/exec repeats). */
  queryAll?: Record<string, string[]>;
  /** Headers, with lower-case names. */
  headers: Record<string, string>;
  /** The body as text (already decoded to JSON text by the adapter when it was YAML). */
  body?: string;
  /**
   * The body as bytes, for a binary media type (`application/vnd.kubernetes.protobuf`, which
   * `parseBody` decodes); `body` is then unset.
   */
  bodyBytes?: Uint8Array;
  user?: UserInfo;
}

/** Where a watch stream sends its events. */
export interface WatchSink {
  /** Sends one event (already converted: a Table row event when a Table was asked for). */
  send(event: { type: string; object: unknown }): void;
  /** Ends the stream. */
  end(): void;
}

/** A watch stream, started by the adapter once the response head is written. */
export interface WatchStream {
  /**
   * `timeoutSeconds` of the request, which the adapter enforces with a real timer: 0 ends the
   * watch at once (kube's answer to a negative timeout); none, the server's own (no end here).
   */
  timeoutSeconds?: number;
  /** Starts delivering events; returns a function that stops the watch. */
  start(sink: WatchSink): () => void;
  /**
   * A text stream rather than a watch (`pods/NAME/log?follow=true`): each event is
   * `{type: 'TEXT', object: '<chunk of text>'}`, whose chunk the adapter writes as is (no JSON,
   * no newline added), with the response's own `content-type` (text/plain).
   */
  text?: boolean;
  /**
   * Whether the client asked for bookmarks (`allowWatchBookmarks=true`). The adapter then calls
   * `bookmark()` on a real interval (kube-apiserver sends one about every minute) and once more
   * just before it ends the watch at `timeoutSeconds`.
   */
  bookmarks?: boolean;
  /**
   * Sends a BOOKMARK event — an object of the watched kind carrying only
   * `metadata.resourceVersion` — after every event already due; resolves once it is sent. A
   * no-op when bookmarks were not asked for, or before `start` and after the watch stopped.
   */
  bookmark?(): Promise<void>;
  /**
   * For pods/exec and pods/attach: the remote command the adapter runs over the upgraded
   * connection (remoteCommand.ts); `start` then only reports when the connection must drop.
   */
  remote?: RemoteCommand;
}

/**
 * Response headers, with lower-case names. A list is sent as that many header lines of the same
 * name, as kube-apiserver sends several `Warning` headers (`299 - "unknown field \"spec.x\""`).
 */
export type ResponseHeaders = Record<string, string | string[]>;

/** The API server's answer. */
export type ApiResponse =
  | { status: number; headers: ResponseHeaders; body: unknown }
  | { status: 200; headers: ResponseHeaders; stream: WatchStream };

/** Whether a response is a stream. */
export function isStream(r: ApiResponse): r is { status: 200; headers: ResponseHeaders; stream: WatchStream } {
  return 'stream' in r;
}

/** What a request path names (k8s.io/apiserver RequestInfo). */
export interface ResourcePath {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

/**
 * Parses `/api/v1/...` and `/apis/GROUP/VERSION/...` resource paths; undefined for any other
 * path (discovery and unknown paths are handled separately).
 */
export function parseResourcePath(path: string): ResourcePath | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  let group: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    rest = parts.slice(1);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1] as string;
    rest = parts.slice(2);
  } else return undefined;
  const version = rest[0] as string;
  let segs = rest.slice(1);
  let namespace: string | undefined;
  // namespaces/{ns}/{resource}... is a namespaced request; namespaces/{name}[/status|/finalize]
  // is the namespace itself (as in k8s.io/apiserver's RequestInfoFactory).
  if (segs[0] === 'namespaces' && segs.length >= 3 && segs[2] !== 'status' && segs[2] !== 'finalize') {
    namespace = segs[1];
    segs = segs.slice(2);
  }
  if (segs.length === 0 || segs.length > 3) return undefined;
  const out: ResourcePath = { group, version, resource: segs[0] as string };
  if (namespace !== undefined) out.namespace = namespace;
  if (segs[1] !== undefined) out.name = segs[1];
  if (segs[2] !== undefined) out.subresource = segs[2];
  if ([out.namespace, out.name, out.subresource].some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return out;
}

/**
 * The deprecated watch paths (`/api/v1/watch/pods`, `/apis/apps/v1/watch/namespaces/ns/deployments/web`),
 * which kube-apiserver still serves as watches: the path without its `watch` segment, or
 * undefined for any other path.
 */
export function unwatchedPath(path: string): string | undefined {
  const m = /^(\/api\/[^/]+|\/apis\/[^/]+\/[^/]+)\/watch(\/.*)?$/.exec(path);
  if (!m || !m[2]) return undefined;
  return `${m[1]}${m[2]}`;
}

/** The media type a client asked for. */
export type Negotiated = { as: 'object' } | { as: 'table'; include: string } | { as: 'unacceptable' };

/**
 * Content negotiation on `Accept`: a Table when the client asks for
 * `application/json;as=Table;v=v1;g=meta.k8s.io` (or v1beta1), plain JSON for JSON, YAML or
 * wildcards; anything else (protobuf only, say) is not acceptable.
 */
export function negotiate(accept: string | undefined, includeObject: string | undefined): Negotiated {
  if (!accept || accept.trim() === '') return { as: 'object' };
  for (const clause of accept.split(',')) {
    const [type, ...params] = clause.split(';').map((s) => s.trim());
    const p: Record<string, string> = {};
    for (const kv of params) {
      const [k, v] = kv.split('=');
      if (k && v !== undefined) p[k.trim()] = v.trim();
    }
    if (type === 'application/json' || type === 'application/yaml' || type === '*/*' || type === 'application/*') {
      if (p.as === 'Table' && p.g === 'meta.k8s.io' && (p.v === 'v1' || p.v === 'v1beta1')) {
        return { as: 'table', include: includeObject || 'Metadata' };
      }
      if (p.as === undefined) return { as: 'object' };
    }
  }
  return { as: 'unacceptable' };
}
