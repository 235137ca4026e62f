/**
 * The store's keys in order, for range reads (an etcd range read returns its keys sorted).
 * Kept per group of keys — a key's first three segments, `/registry/core/pods/`: one group per
 * resource — and sorted lazily: a write only notes its key, the next range read of that group
 * merges what changed. So a write costs no more with 100,000 keys than with 100, and a read of
 * one resource never pays for the writes of another.
 *
 * Groups in the order of their names give the keys in order: two keys of different groups
 * compare as their groups do (a group is a prefix of its keys, ending at the same slash).
 */

interface Group {
  name: string;
  /** The keys in order as of the last read (some may be gone since: `removed`). */
  sorted: string[];
  /** Keys added since the last read (not in `sorted`). */
  added: Set<string>;
  /** Keys of `sorted` removed since the last read. */
  removed: Set<string>;
}

/** The group of a key: up to its fourth `/` (included: three segments), or the whole key. */
export function keyGroup(key: string): string {
  let slashes = 0;
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) === 47 && ++slashes === 4) return key.slice(0, i + 1);
  }
  return key;
}

/** The index of the first key >= `key` in a sorted array. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every key of a store, for sorted range reads. */
export class KeyOrder {
  private readonly groups = new Map<string, Group>();
  /** The group names in order; undefined when a group came or went since. */
  private names: string[] | undefined;

  /** Notes a new key. */
  add(key: string): void {
    const name = keyGroup(key);
    let g = this.groups.get(name);
    if (!g) {
      this.groups.set(name, (g = { name, sorted: [], added: new Set(), removed: new Set() }));
      this.names = undefined;
    }
    if (!g.removed.delete(key)) g.added.add(key);
  }

  /** Notes a key gone. */
  remove(key: string): void {
    const g = this.groups.get(keyGroup(key));
    if (!g || g.added.delete(key)) return;
    g.removed.add(key);
  }

  /** Forgets every key. */
  clear(): void {
    this.groups.clear();
    this.names = undefined;
  }

  /** The keys under a prefix, sorted. */
  keysWithPrefix(prefix: string): string[] {
    this.names ??= [...this.groups.keys()].sort();
    const out: string[] = [];
    for (const name of this.names) {
      const whole = name.startsWith(prefix);
      if (!whole && !prefix.startsWith(name)) continue;
      const keys = this.sortedOf(this.groups.get(name) as Group);
      if (whole) {
        for (const k of keys) out.push(k);
        continue;
      }
      for (let i = lowerBound(keys, prefix); i < keys.length && (keys[i] as string).startsWith(prefix); i++) out.push(keys[i] as string);
    }
    return out;
  }

  /** A group's keys in order, merging what changed since its last read. */
  private sortedOf(g: Group): string[] {
    if (g.added.size === 0 && g.removed.size === 0) return g.sorted;
    const added = [...g.added].sort();
    const merged: string[] = [];
    let j = 0;
    for (const k of g.sorted) {
      if (g.removed.has(k)) continue;
      while (j < added.length && (added[j] as string) < k) merged.push(added[j++] as string);
      merged.push(k);
    }
    while (j < added.length) merged.push(added[j++] as string);
    g.sorted = merged;
    g.added.clear();
    g.removed.clear();
    if (merged.length === 0) {
      this.groups.delete(g.name);
      this.names = undefined;
    }
    return merged;
  }
}
