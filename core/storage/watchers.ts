/**
 * The store's open watches, grouped by key prefix, so that a write looks only at the watches of
 * the prefixes its key is under — and, for a watch with a trigger (pods on one node: each
 * kubelet's `spec.nodeName=<node>`, as the API server's cacher keeps "indexed triggers"), only
 * at those whose index value the object has, before or after the change. A write reaches its
 * watches in the order they were opened, whatever their group, and each watch gets its events
 * asynchronously, in revision order.
 */
import type { KubeObject } from '../api/types';
import type { StoreEvent } from './store';

/** Only the events whose object, or previous object, has `value` in the store index `index`. */
export interface WatchTrigger {
  index: string;
  value: string;
}

/** One open watch. */
export interface Watcher {
  prefix: string;
  handler: (event: StoreEvent) => void;
  queue: StoreEvent[];
  scheduled: boolean;
  stopped: boolean;
  /** The order watches were opened in. */
  seq: number;
  trigger: WatchTrigger | undefined;
}

/** The watches of one prefix. */
interface Group {
  prefix: string;
  /** Those that take every event under the prefix. */
  all: Set<Watcher>;
  /** Those with a trigger: index name → value → watches. */
  triggered: Map<string, Map<string, Set<Watcher>>>;
}

/** Every open watch. */
export class WatcherRegistry {
  private readonly groups = new Map<string, Group>();
  private seq = 0;
  private count = 0;

  /** `valueOf(index, obj)`: an object's value in a store index. */
  constructor(private readonly valueOf: (index: string, obj: KubeObject) => string | undefined) {}

  /** A new watch (not yet registered: `add` it once its first events are queued). */
  create(prefix: string, handler: (event: StoreEvent) => void, trigger?: WatchTrigger): Watcher {
    return { prefix, handler, queue: [], scheduled: false, stopped: false, seq: this.seq++, trigger };
  }

  /** Whether a watch with `trigger` is to hear of `event`. */
  triggers(w: Watcher, event: StoreEvent): boolean {
    const t = w.trigger;
    if (!t) return true;
    return this.valueOf(t.index, event.object) === t.value || (event.previous !== undefined && this.valueOf(t.index, event.previous) === t.value);
  }

  /** Registers a watch. */
  add(w: Watcher): void {
    let g = this.groups.get(w.prefix);
    if (!g) this.groups.set(w.prefix, (g = { prefix: w.prefix, all: new Set(), triggered: new Map() }));
    if (w.trigger) {
      let byValue = g.triggered.get(w.trigger.index);
      if (!byValue) g.triggered.set(w.trigger.index, (byValue = new Map()));
      let set = byValue.get(w.trigger.value);
      if (!set) byValue.set(w.trigger.value, (set = new Set()));
      set.add(w);
    } else g.all.add(w);
    this.count++;
  }

  /** Stops a watch: no more events, even those already queued. */
  remove(w: Watcher): void {
    w.stopped = true;
    w.queue.length = 0;
    const g = this.groups.get(w.prefix);
    if (!g) return;
    let removed: boolean;
    if (w.trigger) {
      const byValue = g.triggered.get(w.trigger.index);
      const set = byValue?.get(w.trigger.value);
      removed = set?.delete(w) ?? false;
      if (set && set.size === 0) byValue?.delete(w.trigger.value);
      if (byValue && byValue.size === 0) g.triggered.delete(w.trigger.index);
    } else removed = g.all.delete(w);
    if (removed) this.count--;
    if (g.all.size === 0 && g.triggered.size === 0) this.groups.delete(w.prefix);
  }

  /** The number of open watches. */
  size(): number {
    return this.count;
  }

  /** Queues an event for every watch that is to hear of it, in the order the watches were opened. */
  dispatch(event: StoreEvent): void {
    let first: Iterable<Watcher> | undefined;
    let more: Watcher[] | undefined;
    const take = (ws: Iterable<Watcher>) => {
      if (!first) first = ws;
      else {
        more ??= [...first];
        for (const w of ws) more.push(w);
      }
    };
    for (const g of this.groups.values()) {
      if (!event.key.startsWith(g.prefix)) continue;
      if (g.all.size > 0) take(g.all);
      for (const [index, byValue] of g.triggered) {
        const now = this.valueOf(index, event.object);
        const was = event.previous ? this.valueOf(index, event.previous) : undefined;
        const a = now === undefined ? undefined : byValue.get(now);
        if (a) take(a);
        const b = was === undefined || was === now ? undefined : byValue.get(was);
        if (b) take(b);
      }
    }
    if (more) {
      more.sort((a, b) => a.seq - b.seq);
      for (const w of more) enqueue(w, event);
    } else if (first) for (const w of first) enqueue(w, event);
  }
}

/** Queues an event for a watch; delivered after the current write returns, never inside it (no re-entrant handlers). */
export function enqueue(w: Watcher, event: StoreEvent): void {
  w.queue.push(event);
  if (w.scheduled) return;
  w.scheduled = true;
  void Promise.resolve().then(() => {
    w.scheduled = false;
    const batch = w.queue.splice(0, w.queue.length);
    for (const e of batch) {
      if (w.stopped) return;
      w.handler(e);
    }
  });
}
