import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { Store, type StoreEvent } from './store';

const pod = (name: string, node?: string): KubeObject => ({ metadata: { name }, spec: node ? { nodeName: node } : {} }) as KubeObject;

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('watches with a trigger', () => {
  it("hear only of the objects whose index value is the trigger's, before or after the change", async () => {
    const s = new Store();
    s.addIndex('node', '/pods/', (o) => ((o as { spec?: { nodeName?: string } }).spec?.nodeName ?? ''));
    s.create('/pods/a', pod('a', 'n1'));
    s.create('/pods/b', pod('b', 'n2'));
    const seen: string[] = [];
    const log = (who: string) => (e: StoreEvent) => seen.push(`${who} ${e.type} ${e.key}`);
    s.watch('/pods/', 0, log('n1'), { index: 'node', value: 'n1' });
    s.watch('/pods/', 0, log('all'));
    await flush();
    expect(seen).toEqual(['n1 ADDED /pods/a', 'all ADDED /pods/a', 'all ADDED /pods/b']);
    seen.length = 0;
    const from = s.currentRevision();
    s.update('/pods/b', pod('b', 'n1'));
    s.update('/pods/b', pod('b', 'n3'));
    s.create('/pods/c', pod('c'));
    s.delete('/pods/a');
    await flush();
    // In the order the watches were opened, each in revision order.
    expect(seen).toEqual(['n1 MODIFIED /pods/b', 'n1 MODIFIED /pods/b', 'n1 DELETED /pods/a', 'all MODIFIED /pods/b', 'all MODIFIED /pods/b', 'all ADDED /pods/c', 'all DELETED /pods/a']);
    // A watch from a revision replays the history through the same filter.
    const replay: string[] = [];
    const w = s.watch('/pods/', from, (e) => replay.push(`${e.type} ${e.key}`), { index: 'node', value: 'n3' });
    await flush();
    expect(replay).toEqual(['MODIFIED /pods/b']);
    w.stop();
    expect(s.watchCount()).toBe(2);
  });

  it('keep the order in which the watches were opened across prefixes and triggers', async () => {
    const s = new Store();
    s.addIndex('node', '/pods/', (o) => ((o as { spec?: { nodeName?: string } }).spec?.nodeName ?? ''));
    const order: string[] = [];
    s.watch('/pods/', s.currentRevision(), () => order.push('first'));
    s.watch('/pods/ns/', s.currentRevision(), () => order.push('second'), { index: 'node', value: 'n1' });
    s.watch('/', s.currentRevision(), () => order.push('third'));
    s.watch('/pods/ns/', s.currentRevision(), () => order.push('fourth'));
    s.create('/pods/ns/x', pod('x', 'n1'));
    await flush();
    expect(order).toEqual(['first', 'second', 'third', 'fourth']);
  });
});
