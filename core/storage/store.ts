/**
 * The etcd-like store: one global revision, compare-and-swap writes, ordered range reads and
 * watches that can resume from any revision still in a bounded history window. It knows keys
 * and JSON objects, nothing about resources; the API server maps its errors to Statuses.
 *
 * Each object is parsed once, at its write, and kept deeply frozen: every read, list and watch
 * event shares it (a reader that needs to change it takes `mutableCopy` from `frozen.ts`).
 */
import type { KubeObject } from '../api/types';
import { deepFreeze, frozenJson } from './frozen';
import { StoreIndex } from './indexes';
import { KeyOrder } from './keys';
import { WatcherRegistry, enqueue, type WatchTrigger } from './watchers';

export type { WatchTrigger } from './watchers';

/** Why a store operation failed. */
export type StoreErrorCode = 'KeyExists' | 'KeyNotFound' | 'Conflict' | 'Expired';

/** A failed store operation. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A change, as kept in the history and sent to watchers. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  key: string;
  revision: number;
  object: KubeObject;
  /** The object before the change (for MODIFIED and DELETED). */
  previous?: KubeObject;
}

/** A running watch. */
export interface StoreWatch {
  stop(): void;
}

/** A stored object, deeply frozen, and the revision of its last change. */
class Entry {
  constructor(
    readonly obj: KubeObject,
    readonly modRevision: number,
  ) {}

  /** Its JSON text (made on demand: snapshots and state checks compare it). */
  get json(): string {
    return JSON.stringify(this.obj);
  }
}


/** One committed change, as persistence journals it: the object's JSON text, none for a delete. */
export interface CommitRecord {
  revision: number;
  type: StoreEvent['type'];
  key: string;
  json?: string;
}

/** The whole content of a store, as a snapshot holds it: `[key, modRevision, json]` in key order. */
export interface StoreState {
  revision: number;
  entries: [string, number, string][];
}

/** Options of a Store. */
export interface StoreOptions {
  /** How many events the watch history keeps (older watches get Expired). */
  historySize?: number;
}

/** The object of a JSON text, deeply frozen. */
function frozen(json: string): KubeObject {
  return deepFreeze(JSON.parse(json) as KubeObject);
}

/** The revisioned key-value store. */
export class Store {
  private readonly indexes = new Map<string, StoreIndex>();
  private readonly entries = new Map<string, Entry>();
  private readonly keys = new KeyOrder();
  private revision = 0;
  /** The watch history: `history[historyStart..]` (a window moving forward, compacted now and then). */
  private history: StoreEvent[] = [];
  private historyStart = 0;
  private readonly historySize: number;
  private readonly watchers = new WatcherRegistry((index, obj) => this.indexes.get(index)?.valueOf?.(obj));
  private readonly prefixRevisions = new Map<string, number>();
  /**
   * Called synchronously with every commit, before any watcher hears of it (persistence
   * appends it to its journal). A throw fails the write: the change is undone and the error
   * reaches the writer.
   */
  onCommit: ((record: CommitRecord) => void) | undefined;

  constructor(options: StoreOptions = {}) {
    this.historySize = options.historySize ?? 10_000;
  }

  /** The whole content (for a snapshot): a consistent copy at the current revision. */
  exportState(): StoreState {
    const entries: [string, number, string][] = [];
    for (const key of this.keysWithPrefix('')) {
      const e = this.entries.get(key) as Entry;
      entries.push([key, e.modRevision, e.json]);
    }
    return { revision: this.revision, entries };
  }

  /**
   * Loads a state into an empty store, then applies journal records after it (replay); the
   * watch history starts empty, so a watch from an older revision gets Expired and relists.
   */
  restore(state: StoreState, records: Iterable<CommitRecord> = []): void {
    if (this.revision !== 0 || this.entries.size > 0) throw new Error('restore needs an empty store');
    for (const [key, modRevision, json] of state.entries) this.entries.set(key, new Entry(frozen(json), modRevision));
    this.revision = state.revision;
    for (const r of records) {
      if (r.revision <= this.revision) continue;
      if (r.type === 'DELETED') this.entries.delete(r.key);
      else this.entries.set(r.key, new Entry(frozen(r.json ?? '{}'), r.revision));
      this.revision = r.revision;
    }
    this.keys.clear();
    for (const key of this.entries.keys()) this.keys.add(key);
    this.prefixRevisions.clear();
    for (const index of this.indexes.values()) index.reset();
  }

  /**
   * Adds a secondary index over the keys under `prefix`, by a value of their object (as the
   * API server's watch cache indexes pods by `spec.nodeName`), so that a selective read need
   * not look at every object. Built on first use, then kept up to date by every commit.
   */
  addIndex(name: string, prefix: string, valueOf: (obj: KubeObject) => string | undefined): void {
    this.indexes.set(name, new StoreIndex(prefix, valueOf, undefined));
  }

  /** Adds an index by several values of each object (`addIndex` with a set of values per object). */
  addMultiIndex(name: string, prefix: string, valuesOf: (obj: KubeObject) => Iterable<string>): void {
    this.indexes.set(name, new StoreIndex(prefix, undefined, valuesOf));
  }

  /** Whether there is an index `name`. */
  hasIndex(name: string): boolean {
    return this.indexes.has(name);
  }

  private builtIndex(name: string): StoreIndex | undefined {
    const index = this.indexes.get(name);
    if (index && !index.built) index.build(this.keysWithPrefix(index.prefix).map((key) => [key, (this.entries.get(key) as Entry).obj]));
    return index;
  }

  /** The keys whose object has `value` in index `name`, sorted; undefined when there is no such index. */
  keysByIndex(name: string, value: string): string[] | undefined {
    const index = this.builtIndex(name);
    if (!index) return undefined;
    return [...(index.keys(value) ?? [])].sort();
  }

  /** Whether some object has `value` in index `name` (false when there is no such index). */
  hasIndexed(name: string, value: string): boolean {
    return (this.builtIndex(name)?.keys(value)?.size ?? 0) > 0;
  }

  /** The current global revision. */
  currentRevision(): number {
    return this.revision;
  }

  /** The number of keys. */
  size(): number {
    return this.entries.size;
  }

  /** Reads one object, or undefined: the stored object itself, deeply frozen (never to be changed). */
  get(key: string): KubeObject | undefined {
    return this.entries.get(key)?.obj;
  }

  /** Reads every object whose key starts with `prefix`, in key order, with the revision read at (frozen objects, as `get`). */
  list(prefix: string): { items: KubeObject[]; revision: number } {
    const items: KubeObject[] = [];
    for (const key of this.keysWithPrefix(prefix)) items.push((this.entries.get(key) as Entry).obj);
    return { items, revision: this.revision };
  }

  /**
   * The revision of the last change under `prefix` (0: none since it was first asked for; a
   * cheap "did anything change there?" for the API server's caches).
   */
  prefixRevision(prefix: string): number {
    let rev = this.prefixRevisions.get(prefix);
    if (rev === undefined) {
      rev = this.revision;
      this.prefixRevisions.set(prefix, rev);
    }
    return rev;
  }

  /** Keys under a prefix, sorted (as an etcd range read returns them). */
  keysWithPrefix(prefix: string): string[] {
    return this.keys.keysWithPrefix(prefix);
  }

  /** Creates `key`; fails with KeyExists. Sets `metadata.resourceVersion`. */
  create(key: string, object: KubeObject): KubeObject {
    if (this.entries.has(key)) throw new StoreError('KeyExists', `key ${key} exists`);
    return this.commit('ADDED', key, object, undefined);
  }

  /**
   * Replaces `key` if its current resourceVersion equals `expectedRevision` (when given);
   * fails with KeyNotFound or Conflict.
   */
  update(key: string, object: KubeObject, expectedRevision?: string): KubeObject {
    const current = this.entries.get(key);
    if (!current) throw new StoreError('KeyNotFound', `key ${key} not found`);
    if (expectedRevision !== undefined && expectedRevision !== String(current.modRevision)) {
      throw new StoreError('Conflict', `key ${key} is at revision ${current.modRevision}, not ${expectedRevision}`);
    }
    return this.commit('MODIFIED', key, object, current.obj);
  }

  /** Deletes `key` (if at `expectedRevision`, when given); returns the deleted object. */
  delete(key: string, expectedRevision?: string): KubeObject {
    const current = this.entries.get(key);
    if (!current) throw new StoreError('KeyNotFound', `key ${key} not found`);
    if (expectedRevision !== undefined && expectedRevision !== String(current.modRevision)) {
      throw new StoreError('Conflict', `key ${key} is at revision ${current.modRevision}, not ${expectedRevision}`);
    }
    return this.commit('DELETED', key, current.obj, current.obj);
  }

  private commit(type: StoreEvent['type'], key: string, object: KubeObject, previous: KubeObject | undefined): KubeObject {
    const revision = this.revision + 1;
    const stored: KubeObject = { ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } };
    // The stored form is the JSON form (what a reader of etcd would get back), deeply frozen and
    // sharing with the previous version every part the write did not change.
    const obj = frozenJson(stored, previous);
    // Write-ahead: the journal hears of the change first; if it cannot take it, nothing changes.
    if (this.onCommit) this.onCommit(type === 'DELETED' ? { revision, type, key } : { revision, type, key, json: JSON.stringify(obj) });
    this.revision = revision;
    if (type === 'DELETED') {
      this.entries.delete(key);
      this.keys.remove(key);
    } else {
      if (!this.entries.has(key)) this.keys.add(key);
      this.entries.set(key, new Entry(obj, this.revision));
    }
    for (const [prefix, rev] of this.prefixRevisions) if (rev !== this.revision && key.startsWith(prefix)) this.prefixRevisions.set(prefix, this.revision);
    for (const index of this.indexes.values()) index.update(key, previous, type === 'DELETED' ? undefined : obj);
    // One event object for every watcher (and the history): watchers never change it.
    const event: StoreEvent = { type, key, revision: this.revision, object: obj };
    if (previous) event.previous = previous;
    this.history.push(event);
    if (this.history.length - this.historyStart > this.historySize) {
      this.historyStart = this.history.length - this.historySize;
      if (this.historyStart >= this.historySize) {
        this.history = this.history.slice(this.historyStart);
        this.historyStart = 0;
      }
    }
    this.watchers.dispatch(event);
    return event.object;
  }

  /**
   * Watches keys under `prefix`. With `fromRevision` 0 the watch starts with an ADDED event per
   * existing object; otherwise it replays every change after `fromRevision` from the history
   * (Expired when the history no longer reaches back that far). Events are delivered
   * asynchronously, in revision order. With a `trigger` (an index added by `addIndex`), only the
   * events whose object or previous object has the trigger's value in that index are delivered.
   */
  watch(prefix: string, fromRevision: number, handler: (event: StoreEvent) => void, trigger?: WatchTrigger): StoreWatch {
    const t = trigger && this.indexes.has(trigger.index) ? trigger : undefined;
    const watcher = this.watchers.create(prefix, handler, t);
    if (fromRevision <= 0) {
      const keys = t ? this.keysByIndex(t.index, t.value)?.filter((k) => k.startsWith(prefix)) : undefined;
      for (const key of keys ?? this.keysWithPrefix(prefix)) {
        const e = this.entries.get(key) as Entry;
        enqueue(watcher, { type: 'ADDED', key, revision: e.modRevision, object: e.obj });
      }
    } else if (fromRevision < this.revision) {
      const oldest = this.history[this.historyStart];
      if (!oldest || oldest.revision > fromRevision + 1) {
        throw new StoreError('Expired', `too old resource version: ${fromRevision} (${oldest ? oldest.revision - 1 : this.revision})`);
      }
      for (let i = this.historyStart; i < this.history.length; i++) {
        const event = this.history[i] as StoreEvent;
        if (event.revision > fromRevision && event.key.startsWith(prefix) && this.watchers.triggers(watcher, event)) enqueue(watcher, event);
      }
    }
    this.watchers.add(watcher);
    return { stop: () => this.watchers.remove(watcher) };
  }

  /** The number of open watches. */
  watchCount(): number {
    return this.watchers.size();
  }
}
