/**
 * Secondary indexes of the store (see `Store.addIndex`): the keys under a prefix by a value of
 * their object — one value (pods by `spec.nodeName`, as the API server's watch cache indexes
 * them) or several (the objects each pod on a node references, for the Node authorizer's graph).
 * An index is built on first use, then kept up to date by every commit.
 */
import type { KubeObject } from '../api/types';

/** One secondary index. */
export class StoreIndex {
  /** Index value → keys; undefined until first asked for. */
  private byValue: Map<string, Set<string>> | undefined;

  /** Exactly one of `valueOf` (one value per object) and `valuesOf` (several) is given. */
  constructor(
    readonly prefix: string,
    readonly valueOf: ((obj: KubeObject) => string | undefined) | undefined,
    private readonly valuesOf: ((obj: KubeObject) => Iterable<string>) | undefined,
  ) {}

  /** Whether the index is built (and so followed by the commits). */
  get built(): boolean {
    return this.byValue !== undefined;
  }

  /** Forgets the content (a restore replaced the store's). */
  reset(): void {
    this.byValue = undefined;
  }

  /** Builds the index from the objects under its prefix, if not built yet. */
  build(entries: Iterable<[string, KubeObject]>): void {
    if (this.byValue) return;
    this.byValue = new Map();
    for (const [key, obj] of entries) this.add(key, obj);
  }

  /** The keys with `value` (the index must be built). */
  keys(value: string): ReadonlySet<string> | undefined {
    return this.byValue?.get(value);
  }

  /** Follows a commit: `previous` leaves, `obj` comes. */
  update(key: string, previous: KubeObject | undefined, obj: KubeObject | undefined): void {
    if (!this.byValue || !key.startsWith(this.prefix)) return;
    if (previous) this.remove(key, previous);
    if (obj) this.add(key, obj);
  }

  private values(obj: KubeObject): Iterable<string> {
    if (this.valuesOf) return this.valuesOf(obj);
    const v = this.valueOf?.(obj);
    return v === undefined ? [] : [v];
  }

  private add(key: string, obj: KubeObject): void {
    const byValue = this.byValue as Map<string, Set<string>>;
    for (const v of this.values(obj)) {
      let keys = byValue.get(v);
      if (!keys) byValue.set(v, (keys = new Set()));
      keys.add(key);
    }
  }

  private remove(key: string, obj: KubeObject): void {
    const byValue = this.byValue as Map<string, Set<string>>;
    for (const v of this.values(obj)) {
      const keys = byValue.get(v);
      keys?.delete(key);
      if (keys?.size === 0) byValue.delete(v);
    }
  }
}
