/** A binary heap keyed by string with in-place update and removal (the scheduler queue's heap). */

/** A heap of items of type T, ordered by `less`. */
export class KeyedHeap<T> {
  private readonly items: T[] = [];
  private readonly keys: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  /** How many items. */
  get size(): number {
    return this.items.length;
  }

  /** Whether an item with the key is in. */
  has(key: string): boolean {
    return this.index.has(key);
  }

  /** The item with the key. */
  get(key: string): T | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.items[i];
  }

  /** The first item, not removed. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds an item, or replaces the one with the same key (and re-sorts it). */
  push(key: string, item: T): void {
    const i = this.index.get(key);
    if (i !== undefined) {
      this.items[i] = item;
      this.fix(i);
      return;
    }
    this.items.push(item);
    this.keys.push(key);
    this.index.set(key, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  /** Removes and returns the first item. */
  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    const top = this.items[0] as T;
    this.removeAt(0);
    return top;
  }

  /** Removes the item with the key. */
  delete(key: string): T | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    const item = this.items[i] as T;
    this.removeAt(i);
    return item;
  }

  /** Every item, in no particular order. */
  values(): T[] {
    return [...this.items];
  }

  private removeAt(i: number): void {
    const last = this.items.length - 1;
    this.index.delete(this.keys[i] as string);
    if (i !== last) {
      this.items[i] = this.items[last] as T;
      this.keys[i] = this.keys[last] as string;
      this.index.set(this.keys[i] as string, i);
    }
    this.items.pop();
    this.keys.pop();
    if (i < this.items.length) this.fix(i);
  }

  private fix(i: number): void {
    if (!this.up(i)) this.down(i);
  }

  private swap(i: number, j: number): void {
    const it = this.items[i] as T;
    this.items[i] = this.items[j] as T;
    this.items[j] = it;
    const k = this.keys[i] as string;
    this.keys[i] = this.keys[j] as string;
    this.keys[j] = k;
    this.index.set(this.keys[i] as string, i);
    this.index.set(this.keys[j] as string, j);
  }

  private up(i: number): boolean {
    let moved = false;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.items[i] as T, this.items[parent] as T)) break;
      this.swap(i, parent);
      i = parent;
      moved = true;
    }
    return moved;
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(this.items[l] as T, this.items[m] as T)) m = l;
      if (r < n && this.less(this.items[r] as T, this.items[m] as T)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
