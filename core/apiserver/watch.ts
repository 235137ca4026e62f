/**
 * WATCH: store events filtered by the request's selectors and converted for the client
 * (objects, or Tables when a Table was asked for — column definitions in the first event only,
 * as the API server's watch encoder does). An object that stops matching the selector is sent as
 * DELETED, one that starts matching as ADDED — as the API server's cacher does. With
 * `allowWatchBookmarks=true` the stream sends BOOKMARK events when the adapter asks for them.
 */
import { StoreError, type StoreEvent, type WatchTrigger } from '../storage/store';
import type { ObjectStore } from './storeView';
import { expired } from '../api/status';
import { parseGoUint64, type ListOptions } from './listOptions';
import { unknownError } from './patch/errors';
import type { KubeObject } from '../api/types';
import { apiVersionOf, type ResourceDef } from './registry';
import type { WatchSink, WatchStream } from './request';
import { toTable } from './table';
import { selects, type Selection } from './rest';

/**
 * The longest watch timeout, in seconds: what a timer can hold (2^31-1 ms, about 24.8 days). kube
 * has no cap (its int64 of nanoseconds overflows beyond 292 years); longer timeouts are clamped.
 */
export const MAX_WATCH_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/**
 * The BOOKMARK object: the watched kind with only `metadata.resourceVersion` (or an empty Table);
 * `initialEventsEnd` marks the end of the initial events (`k8s.io/initial-events-end: "true"`).
 */
export function bookmarkObject(def: ResourceDef, resourceVersion: string, table: boolean, initialEventsEnd = false): unknown {
  const metadata: Record<string, unknown> = { resourceVersion };
  if (initialEventsEnd) metadata['annotations'] = { 'k8s.io/initial-events-end': 'true' };
  if (table) return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata, columnDefinitions: [], rows: [] };
  return { kind: def.kind, apiVersion: apiVersionOf(def), metadata };
}

/**
 * The revision a watch starts after: 0 (the current state first, as ADDED events) for none or
 * `0`; an unparsable one fails as kube's watch cache fails it (`strconv.ParseUint`, a 500 without
 * a reason there, a 400 here).
 */
export function watchRevision(resourceVersion: string): number {
  if (resourceVersion === '' || resourceVersion === '0') return 0;
  const r = parseGoUint64(resourceVersion);
  if ('value' in r) return r.value;
  throw unknownError(`metadata.resourceVersion: Invalid value: ${JSON.stringify(resourceVersion)}: ${r.error}`);
}

/** Builds the watch stream of a request. */
export function watchStream(
  store: ObjectStore,
  def: ResourceDef,
  prefix: string,
  sel: Selection,
  opts: ListOptions,
  table: { include: string } | undefined,
  now: () => number,
  typed: (o: KubeObject) => KubeObject,
  trigger?: WatchTrigger,
): WatchStream {
  const from = watchRevision(opts.resourceVersion);
  const bookmarks = opts.allowWatchBookmarks;
  // sendInitialEvents=true: the current state as ADDED events, then (with bookmarks) a BOOKMARK
  // saying so; false: only what changes from now (or after the resourceVersion).
  const initial = opts.sendInitialEvents;
  let out: WatchSink | undefined;
  let running = false;
  const stream: WatchStream = {
    start(sink: WatchSink) {
      out = sink;
      running = true;
      let headers = true;
      const convert = (o: KubeObject): unknown => {
        if (!table) return typed(o);
        const t = toTable(def.printer, [typed(o)], now(), table.include, { resourceVersion: o.metadata.resourceVersion ?? '' }, !headers);
        headers = false;
        return t;
      };
      const onEvent = (e: StoreEvent) => {
        const isNow = selects(def, sel, e.object);
        const was = e.previous ? selects(def, sel, e.previous) : false;
        let type: string = e.type;
        if (e.type === 'MODIFIED') {
          if (isNow && !was) type = 'ADDED';
          else if (!isNow && was) type = 'DELETED';
          else if (!isNow) return;
        } else if (!isNow) return;
        // An object leaving the selection is sent as it was last seen, at the new revision (as the cacher does).
        const object = type === 'DELETED' && e.type === 'MODIFIED' && e.previous ? { ...e.previous, metadata: { ...e.previous.metadata, resourceVersion: e.object.metadata.resourceVersion } } : e.object;
        sink.send({ type, object: convert(object) });
      };
      let pendingInitial = initial === true ? store.keysWithPrefix(prefix).length : 0;
      // The initial events are the state at this revision; later changes follow them.
      const snapshot = String(store.currentRevision());
      const initialDone = () => {
        if (bookmarks) sink.send({ type: 'BOOKMARK', object: bookmarkObject(def, snapshot, table !== undefined, true) });
      };
      const deliver =
        initial === true
          ? (e: StoreEvent) => {
              onEvent(e);
              if (pendingInitial > 0 && --pendingInitial === 0 && running) initialDone();
            }
          : onEvent;
      const start = initial === true ? 0 : initial === false && from === 0 ? store.currentRevision() : from;
      try {
        const w = store.watch(prefix, start, deliver, trigger);
        if (initial === true && pendingInitial === 0) initialDone();
        return () => {
          running = false;
          w.stop();
        };
      } catch (e) {
        if (e instanceof StoreError && e.code === 'Expired') {
          // As the API server does: the watch opens, then says 410 Gone and ends.
          running = false;
          sink.send({ type: 'ERROR', object: expired(e.message).status });
          sink.end();
          return () => undefined;
        }
        throw e;
      }
    },
  };
  if (bookmarks) {
    stream.bookmarks = true;
    stream.bookmark = () => {
      // The revision now: every event up to it is already queued for delivery before this.
      const rv = String(store.currentRevision());
      return Promise.resolve().then(() => {
        if (running && out) out.send({ type: 'BOOKMARK', object: bookmarkObject(def, rv, table !== undefined) });
      });
    };
  }
  // kube ends a watch at its timeout (at once when it is negative); 0 or none: the server's own.
  if (opts.timeoutSeconds !== undefined && opts.timeoutSeconds !== 0) stream.timeoutSeconds = Math.min(Math.max(opts.timeoutSeconds, 0), MAX_WATCH_TIMEOUT_SECONDS);
  return stream;
}
