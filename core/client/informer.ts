/**
 * An informer: list, then watch from the list's resourceVersion, keeping a local cache (the
 * lister) and calling handlers. On a 410 Expired or an ended watch it lists again — as
 * client-go's reflector does.
 */
import type { KubeObject, WatchEvent } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Client, ResourceRef } from './client';

/** Handlers of an informer; they only map events to keys (see the controllers). */
export interface InformerHandlers<T extends KubeObject> {
  add?(obj: T): void;
  update?(old: T, obj: T): void;
  delete?(obj: T): void;
}

/** The cache key of an object: `namespace/name` or `name`. */
export function keyOf(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name ?? ''}` : (obj.metadata.name ?? '');
}

/** A shared informer for one resource. */
export class Informer<T extends KubeObject> {
  private readonly cache = new Map<string, T>();
  /** Indexes: name → (index value → keys). `namespace` is always there. */
  private readonly indexers = new Map<string, (obj: T) => string[]>([['namespace', (o) => [o.metadata.namespace ?? '']]]);
  private readonly indices = new Map<string, Map<string, Set<string>>>([['namespace', new Map()]]);
  private readonly handlers: InformerHandlers<T>[] = [];
  private stopWatch: (() => void) | undefined;
  private stopped = false;
  private synced = false;
  private syncWaiters: (() => void)[] = [];

  constructor(
    private readonly client: Client,
    private readonly ref: ResourceRef,
    private readonly clock: Clock,
    private readonly query: Record<string, string> = {},
  ) {}

  /** Adds handlers (call before `start`). */
  addHandlers(h: InformerHandlers<T>): void {
    this.handlers.push(h);
    // As client-go: a handler added to a running informer first sees every cached object.
    for (const obj of this.cache.values()) h.add?.(obj);
  }

  /** Adds an index (as client-go's Indexers): `fn` gives the index values of an object. */
  addIndex(name: string, fn: (obj: T) => string[]): void {
    if (this.indexers.has(name)) return;
    this.indexers.set(name, fn);
    const index = new Map<string, Set<string>>();
    this.indices.set(name, index);
    for (const [key, obj] of this.cache) for (const v of fn(obj)) addTo(index, v, key);
  }

  /** The cached objects whose index `name` has the value `value` (e.g. `byIndex('namespace', 'default')`). */
  byIndex(name: string, value: string): T[] {
    const keys = this.indices.get(name)?.get(value);
    if (!keys) return [];
    const out: T[] = [];
    for (const k of keys) {
      const o = this.cache.get(k);
      if (o) out.push(o);
    }
    return out;
  }

  private put(key: string, obj: T): void {
    const old = this.cache.get(key);
    if (old) this.unindex(key, old);
    this.cache.set(key, obj);
    for (const [name, fn] of this.indexers) {
      const index = this.indices.get(name) as Map<string, Set<string>>;
      for (const v of fn(obj)) addTo(index, v, key);
    }
  }

  private remove(key: string): void {
    const old = this.cache.get(key);
    if (!old) return;
    this.unindex(key, old);
    this.cache.delete(key);
  }

  private unindex(key: string, obj: T): void {
    for (const [name, fn] of this.indexers) {
      const index = this.indices.get(name) as Map<string, Set<string>>;
      for (const v of fn(obj)) {
        const set = index.get(v);
        set?.delete(key);
        if (set && set.size === 0) index.delete(v);
      }
    }
  }

  /** Starts listing and watching. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.relist();
  }

  /** Stops watching. */
  stop(): void {
    this.stopped = true;
    this.stopWatch?.();
    this.stopWatch = undefined;
  }

  /** Whether the first list is in the cache (client-go's HasSynced). */
  hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves once the first list is in the cache. */
  whenSynced(): Promise<void> {
    return this.synced ? Promise.resolve() : new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  /**
   * The cached object with key `namespace/name` (or `name`). Cached objects are shared (in process,
   * deeply frozen objects of the API server): read them; copy one before changing it.
   */
  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  /** Every cached object. */
  list(): T[] {
    return [...this.cache.values()];
  }

  private retry(): void {
    this.relist().catch(() => this.clock.setTimer(1000, () => this.retry()));
  }

  private async relist(): Promise<void> {
    if (this.stopped) return;
    const list = await this.client.listShared<T>(this.ref, this.query);
    const seen = new Set<string>();
    for (const obj of list.items) {
      const key = keyOf(obj);
      seen.add(key);
      const old = this.cache.get(key);
      this.put(key, obj);
      if (!old) this.handlers.forEach((h) => h.add?.(obj));
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) this.handlers.forEach((h) => h.update?.(old, obj));
    }
    for (const [key, old] of [...this.cache]) {
      if (!seen.has(key)) {
        this.remove(key);
        this.handlers.forEach((h) => h.delete?.(old));
      }
    }
    if (!this.synced) {
      this.synced = true;
      this.syncWaiters.splice(0).forEach((r) => r());
    }
    if (this.stopped) return;
    // An ERROR event (410 Expired) is followed by the end of the stream; either way, list again.
    this.stopWatch = await this.client.watch(
      this.ref,
      { ...this.query, resourceVersion: list.metadata.resourceVersion ?? '0', allowWatchBookmarks: 'true' },
      (e) => {
        if (e.type !== 'ERROR') this.apply(e as WatchEvent<T>);
      },
      () => {
        if (!this.stopped) this.retry();
      },
    );
  }

  private apply(e: WatchEvent<T>): void {
    if (e.type === 'BOOKMARK') return;
    const obj = e.object;
    const key = keyOf(obj);
    const old = this.cache.get(key);
    if (e.type === 'DELETED') {
      this.remove(key);
      this.handlers.forEach((h) => h.delete?.(obj));
    } else {
      this.put(key, obj);
      if (old) this.handlers.forEach((h) => h.update?.(old, obj));
      else this.handlers.forEach((h) => h.add?.(obj));
    }
  }
}

function addTo(index: Map<string, Set<string>>, value: string, key: string): void {
  let set = index.get(value);
  if (!set) index.set(value, (set = new Set()));
  set.add(key);
}
