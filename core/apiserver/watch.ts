/**
 * WATCH: store events filtered by the request's selectors and converted for the client
 * (objects, or Tables when a Table was asked for — column definitions in the first event only,
 * as the API server's watch encoder does). An object that stops matching the selector is sent as
 * DELETED, one that starts matching as ADDED — as the API server's cacher does. With
 * `allowWatchBookmarks=true` the stream sends BOOKMARK events when the adapter asks for them.
 */
import { StoreError, type StoreEvent } from '../storage/store';
import type { ObjectStore } from './storeView';
import { badRequest, expired } from '../api/status';
import type { KubeObject } from '../api/types';
import { apiVersionOf, type ResourceDef } from './registry';
import type { WatchSink, WatchStream } from './request';
import { toTable } from './table';
import { selects, type Selection } from './rest';

/** The BOOKMARK object: the watched kind with only `metadata.resourceVersion` (or an empty Table). */
export function bookmarkObject(def: ResourceDef, resourceVersion: string, table: boolean): unknown {
  if (table) return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion }, columnDefinitions: [], rows: [] };
  return { kind: def.kind, apiVersion: apiVersionOf(def), metadata: { resourceVersion } };
}

/** Builds the watch stream of a request. */
export function watchStream(
  store: ObjectStore,
  def: ResourceDef,
  prefix: string,
  sel: Selection,
  query: Record<string, string>,
  table: { include: string } | undefined,
  now: () => number,
  typed: (o: KubeObject) => KubeObject,
): WatchStream {
  const rvText = query['resourceVersion'] ?? '';
  if (rvText !== '' && !/^\d+$/.test(rvText)) throw badRequest(`resourceVersion: Invalid value: "${rvText}": must be a non-negative integer`);
  const from = rvText === '' ? 0 : Number(rvText);
  const timeout = query['timeoutSeconds'] ? Number(query['timeoutSeconds']) : undefined;
  const bookmarks = query['allowWatchBookmarks'] === 'true' || query['allowWatchBookmarks'] === '1';
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
      try {
        const w = store.watch(prefix, from, onEvent);
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
  if (timeout !== undefined && Number.isFinite(timeout) && timeout > 0) stream.timeoutSeconds = timeout;
  return stream;
}
