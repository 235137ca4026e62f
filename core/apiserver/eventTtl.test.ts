import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Store } from '../storage/store';
import { EVENT_TTL_MS, EventTtl } from './eventTtl';
import { builtinRegistry } from './handler';

const START = Date.parse('2026-01-01T00:00:00Z');
const event = (name: string, at: number): KubeObject => ({ metadata: { name, namespace: 'default' }, lastTimestamp: new Date(at).toISOString().replace(/\.000Z$/, 'Z') }) as KubeObject;
const key = (name: string) => `/registry/core/events/default/${name}`;

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('EventTtl', () => {
  it('deletes each event one TTL after its last write, in write order, with one clock timer at a time', async () => {
    const store = new Store();
    const clock = new ManualClock(START);
    // An event stored before the API server started expires one TTL after it last happened.
    store.create(key('old'), event('old', START - 10 * 60_000));
    const ttl = new EventTtl(store, clock, builtinRegistry().all());
    const deleted: string[] = [];
    const origDelete = store.delete.bind(store);
    store.delete = (k, expected) => {
      deleted.push(`${k.split('/').pop() ?? ''}@${(clock.now() - START) / 1000}`);
      return origDelete(k, expected);
    };
    for (const name of ['a', 'b', 'c']) store.create(key(name), event(name, START));
    await settle();
    clock.advance(30_000);
    store.update(key('b'), event('b', clock.now()));
    await settle();
    expect(ttl.pending()).toBe(4);
    expect(clock.pending()).toBe(1);
    clock.advance(EVENT_TTL_MS - 30_000);
    expect(deleted).toEqual(['old@3000', 'a@3600', 'c@3600']);
    clock.advance(30_000);
    await settle();
    expect(deleted).toEqual(['old@3000', 'a@3600', 'c@3600', 'b@3630']);
    expect(ttl.pending()).toBe(0);
    expect(clock.pending()).toBe(0);
    // An event deleted through the API is forgotten.
    store.create(key('d'), event('d', clock.now()));
    await settle();
    origDelete(key('d'));
    await settle();
    expect(ttl.pending()).toBe(0);
    expect(clock.pending()).toBe(0);
    ttl.stop();
  });
});
