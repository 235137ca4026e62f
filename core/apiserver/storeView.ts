/**
 * One resource's view of the store: objects converted from the storage form on every read,
 * watch event and `previous` object, and to it on every write (`ResourceDef.toStorage` and
 * `fromStorage`) — so that several versions share one storage, as kube-apiserver stores
 * autoscaling/v1 and v2 HorizontalPodAutoscalers (or core/v1 and events.k8s.io/v1 Events) once
 * and converts them per request.
 */
import type { KubeObject } from '../api/types';
import type { Store, StoreEvent } from '../storage/store';
import { mutableCopy } from '../storage/frozen';
import { deepEqual } from './patch/value';
import type { ResourceDef } from './registry';

/** What the REST verbs use of the store. */
export type ObjectStore = Pick<Store, 'get' | 'list' | 'keysWithPrefix' | 'create' | 'update' | 'delete' | 'watch' | 'currentRevision'>;

function sansVersion(o: KubeObject): KubeObject {
  return { ...o, metadata: { ...o.metadata, resourceVersion: undefined } };
}

/**
 * The store as a resource sees it. Without conversions it is the store itself. An update that
 * changes nothing in the storage form is not written (GuaranteedUpdate's no-op), even when the
 * forms of the version differ (a field the version fills but the storage form lacks).
 */
export function storeFor(store: Store, def: Pick<ResourceDef, 'toStorage' | 'fromStorage'>): ObjectStore {
  const toStorage = def.toStorage?.bind(def);
  const fromStorage = def.fromStorage?.bind(def);
  if (!toStorage && !fromStorage) return store;
  // The stored objects are frozen and shared: a conversion works on its own copy.
  const out = (o: KubeObject): KubeObject => (fromStorage ? fromStorage(mutableCopy(o)) : o);
  const into = (o: KubeObject): KubeObject => (toStorage ? toStorage(o) : o);
  const event = (e: StoreEvent): StoreEvent => {
    const converted: StoreEvent = { ...e, object: out(e.object) };
    if (e.previous) converted.previous = out(e.previous);
    return converted;
  };
  return {
    get: (key) => {
      const o = store.get(key);
      return o ? out(o) : undefined;
    },
    list: (prefix) => {
      const r = store.list(prefix);
      return { items: r.items.map(out), revision: r.revision };
    },
    keysWithPrefix: (prefix) => store.keysWithPrefix(prefix),
    currentRevision: () => store.currentRevision(),
    create: (key, obj) => out(store.create(key, into(obj))),
    update: (key, obj, expected) => {
      const stored = into(obj);
      const current = store.get(key);
      if (current && (expected === undefined || expected === current.metadata.resourceVersion) && deepEqual(sansVersion(stored), sansVersion(current))) return out(current);
      return out(store.update(key, stored, expected));
    },
    delete: (key, expected) => out(store.delete(key, expected)),
    watch: (prefix, from, handler, trigger) => store.watch(prefix, from, (e) => handler(event(e)), trigger),
  };
}
