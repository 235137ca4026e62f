/**
 * The typed client every component uses: requests go through the API server's handler — the
 * same code path as HTTP requests — never to the store directly.
 */
import { StatusError, internalError, type Status } from '../api/status';
import type { KubeList, KubeObject, WatchEvent } from '../api/types';
import { isStream, type ApiRequest, type ApiResponse, type UserInfo } from '../apiserver/request';
import { mutableCopy } from '../storage/frozen';

/** Sends one request to an API server. */
export type Send = (req: ApiRequest) => Promise<ApiResponse>;

/** Identifies a resource (and optionally one object, one subresource). */
export interface ResourceRef {
  group?: string;
  version?: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** The REST path of a resource reference. */
export function resourcePath(ref: ResourceRef): string {
  const version = ref.version ?? 'v1';
  let p = ref.group ? `/apis/${ref.group}/${version}` : `/api/${version}`;
  if (ref.namespace) p += `/namespaces/${ref.namespace}`;
  p += `/${ref.resource}`;
  if (ref.name) p += `/${ref.name}`;
  if (ref.subresource) p += `/${ref.subresource}`;
  return p;
}

/** A client for one API server, acting as one user. */
export class Client {
  private readonly headers: Record<string, string>;

  /** `userAgent` names the component, as `kube-scheduler/v1.32.4 (linux/amd64) kubernetes/...`: the API server derives the default field manager from it. */
  constructor(
    private readonly send: Send,
    private readonly user: UserInfo,
    userAgent?: string,
  ) {
    this.headers = userAgent ? { accept: 'application/json', 'user-agent': userAgent } : { accept: 'application/json' };
  }

  /**
   * Sends a request; the answer as the API server built it. In process, its objects may be the
   * store's own frozen objects: `call` gives the caller a copy it owns, as a decoded HTTP body
   * would be; `shared` (the informers' lists) skips the copy.
   */
  private async call(method: string, ref: ResourceRef, query: Record<string, string> = {}, body?: unknown, contentType = 'application/json', shared = false, text?: string): Promise<unknown> {
    const req: ApiRequest = { method, path: resourcePath(ref), query, headers: { ...this.headers }, user: this.user };
    if (body !== undefined || text !== undefined) {
      req.body = text ?? JSON.stringify(body);
      req.headers['content-type'] = contentType;
    }
    const res = await this.send(req);
    if (isStream(res)) throw new StatusError(internalError('unexpected stream').status);
    if (res.status >= 400) throw new StatusError(res.body as Status);
    return shared ? res.body : mutableCopy(res.body);
  }

  /** GET one object. */
  async get<T extends KubeObject>(ref: ResourceRef): Promise<T> {
    return (await this.call('GET', ref)) as T;
  }

  /** LIST objects. */
  async list<T extends KubeObject>(ref: ResourceRef, query: Record<string, string> = {}): Promise<KubeList<T>> {
    return (await this.call('GET', ref, query)) as KubeList<T>;
  }

  /**
   * LIST for a cache (the informers): the items may be shared, deeply frozen objects of the API
   * server — read them, never change them (as client-go's informer caches).
   */
  async listShared<T extends KubeObject>(ref: ResourceRef, query: Record<string, string> = {}): Promise<KubeList<T>> {
    return (await this.call('GET', ref, query, undefined, 'application/json', true)) as KubeList<T>;
  }

  /** CREATE. */
  async create<T extends KubeObject>(ref: ResourceRef, obj: T): Promise<T> {
    return (await this.call('POST', ref, {}, obj)) as T;
  }

  /**
   * CREATE whose answer the caller only reads (or ignores): it may share the API server's
   * deeply frozen objects, as `listShared` — never change it.
   */
  async createShared<T extends KubeObject>(ref: ResourceRef, obj: T): Promise<Readonly<T>> {
    return (await this.call('POST', ref, {}, obj, 'application/json', true)) as T;
  }

  /** UPDATE (PUT), optimistic on the object's resourceVersion. */
  async update<T extends KubeObject>(ref: ResourceRef, obj: T): Promise<T> {
    return (await this.call('PUT', ref, {}, obj)) as T;
  }

  /** PATCH: a strategic merge patch unless another patch type is given (`application/merge-patch+json`, ...). */
  async patch<T extends KubeObject>(ref: ResourceRef, patch: unknown, type = 'application/strategic-merge-patch+json'): Promise<T> {
    return (await this.call('PATCH', ref, {}, patch, type)) as T;
  }

  /** PATCH whose answer the caller only reads (or ignores): shared as `createShared`'s. */
  async patchShared<T extends KubeObject>(ref: ResourceRef, patch: unknown, type = 'application/strategic-merge-patch+json'): Promise<Readonly<T>> {
    return (await this.call('PATCH', ref, {}, patch, type, true)) as T;
  }

  /**
   * PATCH with a body the caller already has as JSON text (the kubelet's status, serialized once
   * for its own comparison), its answer shared as `patchShared`'s.
   */
  async patchTextShared<T extends KubeObject>(ref: ResourceRef, text: string, type: string): Promise<Readonly<T>> {
    return (await this.call('PATCH', ref, {}, undefined, type, true, text)) as T;
  }

  /** POST to a subresource (e.g. pods/binding). */
  async post(ref: ResourceRef, body: unknown): Promise<unknown> {
    return this.call('POST', ref, {}, body);
  }

  /** DELETE with DeleteOptions (`propagationPolicy` for the garbage collector). */
  async delete(ref: ResourceRef, options: { gracePeriodSeconds?: number; preconditions?: { uid?: string }; propagationPolicy?: 'Foreground' | 'Background' | 'Orphan' } = {}): Promise<unknown> {
    return this.call('DELETE', ref, {}, { kind: 'DeleteOptions', apiVersion: 'v1', ...options });
  }

  /**
   * WATCH from a resourceVersion; `onEvent` gets each event, `onEnd` when the stream ends.
   * Returns a function that stops it.
   */
  async watch(ref: ResourceRef, query: Record<string, string>, onEvent: (e: WatchEvent) => void, onEnd: () => void): Promise<() => void> {
    const res = await this.send({ method: 'GET', path: resourcePath(ref), query: { ...query, watch: 'true' }, headers: { ...this.headers }, user: this.user });
    if (!isStream(res)) throw new StatusError(res.body as Status);
    return res.stream.start({ send: (e) => onEvent(e as WatchEvent), end: onEnd });
  }
}
