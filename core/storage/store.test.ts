import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { Store, StoreError, type CommitRecord, type StoreEvent } from './store';
import { mutableCopy } from './frozen';

function obj(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { metadata: { name }, ...extra };
}

/** Lets queued microtasks (watch deliveries) run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function storeError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
}

function collect(store: Store, prefix: string, from: number): { events: StoreEvent[]; stop: () => void } {
  const events: StoreEvent[] = [];
  const w = store.watch(prefix, from, (e) => events.push(e));
  return { events, stop: () => w.stop() };
}

const summary = (events: StoreEvent[]) => events.map((e) => `${e.type} ${e.key} ${e.revision}`);

describe('Store writes', () => {
  it('increases the revision by one per write and stamps resourceVersion', () => {
    const s = new Store();
    expect(s.currentRevision()).toBe(0);
    const a = s.create('/r/a', obj('a'));
    expect(a.metadata.resourceVersion).toBe('1');
    const b = s.create('/r/b', obj('b'));
    expect(b.metadata.resourceVersion).toBe('2');
    const a2 = s.update('/r/a', { ...a, spec: { x: 1 } });
    expect(a2.metadata.resourceVersion).toBe('3');
    expect(s.get('/r/a')).toEqual(a2);
    const gone = s.delete('/r/b');
    expect(gone.metadata.name).toBe('b');
    expect(s.currentRevision()).toBe(4);
    expect(s.get('/r/b')).toBeUndefined();
    expect(s.size()).toBe(1);
  });

  it('shares one frozen object per write: a result cannot be changed, and the written object is not kept', () => {
    const s = new Store();
    const input = obj('a', { spec: { n: 1, list: [{ k: 'v' }] } });
    const created = s.create('/r/a', input);
    (input.spec as { n: number }).n = 5;
    expect(s.get('/r/a')?.spec).toEqual({ n: 1, list: [{ k: 'v' }] });
    expect(() => ((created.spec as { n: number }).n = 2)).toThrow(TypeError);
    expect(() => (created.spec as { list: { k: string }[] }).list.push({ k: 'w' })).toThrow(TypeError);
    const read = s.get('/r/a') as KubeObject;
    expect(read).toBe(created);
    expect(s.list('/r/').items[0]).toBe(created);
    const copy = mutableCopy(read);
    (copy.spec as { n: number }).n = 3;
    expect(s.get('/r/a')?.spec).toEqual({ n: 1, list: [{ k: 'v' }] });
  });

  it('gives every watcher the same event object', async () => {
    const s = new Store();
    const seen: KubeObject[] = [];
    s.watch('/r/', 0, (e) => seen.push(e.object));
    s.watch('/r/', 0, (e) => seen.push(e.object));
    const a = s.create('/r/a', obj('a'));
    await flush();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(a);
    expect(seen[1]).toBe(a);
  });

  it('copies a `__proto__` key as a property, never as a prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = mutableCopy(value);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
  });

  it('refuses to create a key twice', () => {
    const s = new Store();
    s.create('/r/a', obj('a'));
    expect(storeError(() => s.create('/r/a', obj('a'))).code).toBe('KeyExists');
    expect(s.currentRevision()).toBe(1);
  });

  it('compares the expected revision on update and delete', () => {
    const s = new Store();
    const a = s.create('/r/a', obj('a'));
    s.update('/r/a', a, a.metadata.resourceVersion);
    expect(storeError(() => s.update('/r/a', a, a.metadata.resourceVersion)).code).toBe('Conflict');
    expect(storeError(() => s.delete('/r/a', '1')).code).toBe('Conflict');
    expect(s.currentRevision()).toBe(2);
    s.delete('/r/a', '2');
    expect(storeError(() => s.update('/r/a', a)).code).toBe('KeyNotFound');
    expect(storeError(() => s.delete('/r/a')).code).toBe('KeyNotFound');
  });

  it('lists a prefix in key order, at the current revision', () => {
    const s = new Store();
    for (const k of ['/r/ns2/b', '/r/ns1/c', '/q/x', '/r/ns1/a', '/r/ns10/z']) s.create(k, obj(k));
    expect(s.list('/r/ns1/').items.map((o) => o.metadata.name)).toEqual(['/r/ns1/a', '/r/ns1/c']);
    expect(s.list('/r/').items.map((o) => o.metadata.name)).toEqual(['/r/ns1/a', '/r/ns1/c', '/r/ns10/z', '/r/ns2/b']);
    expect(s.list('/r/').revision).toBe(5);
    expect(s.list('/none/').items).toEqual([]);
    s.delete('/r/ns1/a');
    expect(s.keysWithPrefix('/r/ns1')).toEqual(['/r/ns1/c', '/r/ns10/z']);
  });
});

describe('Store watch', () => {
  it('from 0 sends the current objects as ADDED, then live events', async () => {
    const s = new Store();
    s.create('/r/b', obj('b'));
    s.create('/r/a', obj('a'));
    s.create('/other/x', obj('x'));
    const w = collect(s, '/r/', 0);
    const a = s.update('/r/a', obj('a', { spec: 1 }));
    s.delete('/r/b');
    s.create('/other/y', obj('y'));
    await flush();
    expect(summary(w.events)).toEqual(['ADDED /r/a 2', 'ADDED /r/b 1', 'MODIFIED /r/a 4', 'DELETED /r/b 5']);
    expect(w.events[2]?.object).toEqual(a);
    expect(w.events[2]?.previous?.metadata.resourceVersion).toBe('2');
    // A DELETED event carries the last state, stamped with the deletion's revision.
    expect(w.events[3]?.object.metadata).toEqual({ name: 'b', resourceVersion: '5' });
    w.stop();
  });

  it('from a revision replays the history after it', async () => {
    const s = new Store();
    s.create('/r/a', obj('a'));
    s.create('/r/b', obj('b'));
    s.update('/r/a', obj('a'));
    s.delete('/r/b');
    const w = collect(s, '/r/', 2);
    await flush();
    expect(summary(w.events)).toEqual(['MODIFIED /r/a 3', 'DELETED /r/b 4']);
    const current = collect(s, '/r/', s.currentRevision());
    s.create('/r/c', obj('c'));
    await flush();
    expect(summary(current.events)).toEqual(['ADDED /r/c 5']);
  });

  it('fails with Expired when the history no longer reaches back', () => {
    const s = new Store({ historySize: 3 });
    for (const k of ['a', 'b', 'c', 'd', 'e']) s.create(`/r/${k}`, obj(k));
    // History holds revisions 3..5: a watch from 2 can resume, one from 1 cannot.
    expect(() => s.watch('/r/', 2, () => undefined)).not.toThrow();
    const err = storeError(() => s.watch('/r/', 1, () => undefined));
    expect(err.code).toBe('Expired');
    expect(err.message).toContain('too old resource version: 1');
  });

  it('delivers asynchronously, never inside the write', async () => {
    const s = new Store();
    const seen: string[] = [];
    s.watch('/r/', 0, (e) => seen.push(e.key));
    s.create('/r/a', obj('a'));
    expect(seen).toEqual([]);
    await flush();
    expect(seen).toEqual(['/r/a']);
  });

  it('does not re-enter a handler that writes: its own write arrives after it returns', async () => {
    const s = new Store();
    const log: string[] = [];
    let depth = 0;
    s.watch('/r/', 0, (e) => {
      depth++;
      log.push(`start ${e.key} depth ${depth}`);
      if (e.key === '/r/a') s.create('/r/b', obj('b'));
      log.push(`end ${e.key}`);
      depth--;
    });
    s.create('/r/a', obj('a'));
    await flush();
    expect(log).toEqual(['start /r/a depth 1', 'end /r/a', 'start /r/b depth 1', 'end /r/b']);
  });

  it('stop() ends delivery, even of events already queued', async () => {
    const s = new Store();
    const w = collect(s, '/r/', 0);
    s.create('/r/a', obj('a'));
    w.stop();
    s.create('/r/b', obj('b'));
    await flush();
    expect(w.events).toEqual([]);
    expect(s.watchCount()).toBe(0);
  });

  it('stop() from inside a handler drops the rest of the batch', async () => {
    const s = new Store();
    const keys: string[] = [];
    const w = s.watch('/r/', 0, (e) => {
      keys.push(e.key);
      w.stop();
    });
    s.create('/r/a', obj('a'));
    s.create('/r/b', obj('b'));
    await flush();
    expect(keys).toEqual(['/r/a']);
  });
});

describe('Store persistence hooks', () => {
  const obj = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

  it('tells onCommit of every change before watchers, and a throwing hook leaves the store unchanged', async () => {
    const s = new Store();
    const records: CommitRecord[] = [];
    s.onCommit = (r) => records.push(r);
    s.create('/a', obj('a'));
    s.update('/a', obj('a'));
    s.delete('/a');
    expect(records.map((r) => [r.revision, r.type, r.key, r.json === undefined])).toEqual([
      [1, 'ADDED', '/a', false],
      [2, 'MODIFIED', '/a', false],
      [3, 'DELETED', '/a', true],
    ]);
    expect(JSON.parse(records[1]?.json ?? '{}').metadata.resourceVersion).toBe('2');
    s.onCommit = () => {
      throw new Error('disk full');
    };
    expect(() => s.create('/b', obj('b'))).toThrow('disk full');
    expect(s.currentRevision()).toBe(3);
    expect(s.get('/b')).toBeUndefined();
  });

  it('exports its state and restores it with journal records replayed after it', () => {
    const a = new Store();
    const journal: CommitRecord[] = [];
    a.create('/x', obj('x'));
    a.create('/y', obj('y'));
    const snap = a.exportState();
    a.onCommit = (r) => journal.push(r);
    a.update('/x', { ...obj('x'), data: { k: 'v' } });
    a.delete('/y');
    a.create('/z', obj('z'));
    const b = new Store();
    b.restore(snap, journal);
    expect(b.currentRevision()).toBe(a.currentRevision());
    expect(b.exportState()).toEqual(a.exportState());
    // Records at or below the snapshot's revision are skipped (a journal not yet truncated).
    const c = new Store();
    c.restore(snap, [{ revision: 1, type: 'DELETED', key: '/x' }, ...journal]);
    expect(c.exportState()).toEqual(a.exportState());
    expect(() => c.restore(snap)).toThrow('restore needs an empty store');
  });
});

describe('Store key order and prefix revisions', () => {
  const obj = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

  it('keeps range reads sorted through creates and deletes', () => {
    const s = new Store();
    const keys = ['/r/m', '/r/a', '/r/z', '/q/b', '/r/c'];
    for (const k of keys) {
      s.create(k, obj(k));
      expect(s.keysWithPrefix('/')).toEqual([...s.keysWithPrefix('/')].sort());
    }
    s.delete('/r/c');
    s.create('/r/b', obj('b'));
    expect(s.keysWithPrefix('/r/')).toEqual(['/r/a', '/r/b', '/r/m', '/r/z']);
    expect(s.keysWithPrefix('/q/')).toEqual(['/q/b']);
  });

  it('moves a prefix revision only when something under the prefix changes', () => {
    const s = new Store();
    s.create('/crd/a', obj('a'));
    const first = s.prefixRevision('/crd/');
    s.create('/pods/x', obj('x'));
    s.update('/pods/x', obj('x'));
    expect(s.prefixRevision('/crd/')).toBe(first);
    s.create('/crd/b', obj('b'));
    expect(s.prefixRevision('/crd/')).toBe(s.currentRevision());
  });
});
