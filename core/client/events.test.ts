import { describe, expect, it } from 'vitest';
import type { CoreEvent, KubeList, Pod } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { ApiServer } from '../apiserver/handler';
import { EVENT_TTL_MS } from '../apiserver/eventTtl';
import { Store } from '../storage/store';
import { Client } from './client';
import { EventRecorder, eventName, saltOf } from './events';
import { EventsRecorder, microTime } from './eventsV1';

const START = Date.parse('2026-01-01T00:00:00Z');

async function setup() {
  const clock = new ManualClock(START);
  const store = new Store();
  const api = new ApiServer({ store, clock, random: new Random(1) });
  const client = new Client((r) => api.handle(r), { name: 'system:apiserver', groups: ['system:masters'] });
  await client.create({ resource: 'namespaces' }, { metadata: { name: 'default' } });
  const pod = await client.create<Pod>({ resource: 'pods', namespace: 'default' }, { metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
  const events = async () => (await client.list<CoreEvent>({ resource: 'events', namespace: 'default' })).items;
  return { clock, store, api, client, pod, events };
}

/** Lets the store's watch deliveries and the recorder's writes run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

describe('EventRecorder (core/v1, client-go tools/record)', () => {
  it('writes an Event about the object with source, reporting fields, count and timestamps', async () => {
    const { clock, client, pod, events } = await setup();
    const recorder = new EventRecorder(client, clock, { component: 'kubelet', host: 'node-1' });
    recorder.event({ kind: 'Pod', apiVersion: 'v1', namespace: 'default', name: 'web', uid: pod.metadata.uid ?? '', fieldPath: 'spec.containers{nginx}' }, 'Normal', 'Pulling', 'Pulling image "nginx"');
    await recorder.flush();
    const [e] = await events();
    expect(e).toMatchObject({
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: pod.metadata.uid, fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulling',
      message: 'Pulling image "nginx"',
      type: 'Normal',
      count: 1,
      source: { component: 'kubelet', host: 'node-1' },
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:00:00Z',
    });
    expect(e?.metadata.name).toBe(eventName('web', START, 0, saltOf('kubelet/node-1')));
    expect(e?.metadata.name).toMatch(/^web\.[0-9a-f]{16}$/);
  });

  it('turns a repeat into a patch of the same event: count + 1 and a new lastTimestamp', async () => {
    const { clock, client, pod, events } = await setup();
    const recorder = new EventRecorder(client, clock, { component: 'kubelet', host: 'node-1' });
    recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    clock.advance(30_000);
    recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    clock.advance(30_000);
    recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    await recorder.flush();
    const list = await events();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ count: 3, firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:01:00Z' });
  });

  it('folds the 10th similar event of an object into a combined one', async () => {
    const { clock, client, pod, events } = await setup();
    const recorder = new EventRecorder(client, clock, { component: 'default-scheduler' });
    for (let i = 0; i < 12; i++) recorder.event(pod, 'Warning', 'FailedScheduling', `attempt ${i}`);
    await recorder.flush();
    const list = await events();
    const combined = list.filter((e) => e.message?.startsWith('(combined from similar events): '));
    expect(list.length - combined.length).toBe(9);
    expect(combined).toHaveLength(1);
    expect(combined[0]).toMatchObject({ count: 3, message: '(combined from similar events): attempt 11' });
  });

  it('drops events beyond the spam filter burst of 25 per object', async () => {
    const { clock, client, pod, events } = await setup();
    const recorder = new EventRecorder(client, clock, { component: 'kubelet', host: 'n' });
    for (let i = 0; i < 30; i++) recorder.event(pod, 'Normal', `Reason${i}`, 'x');
    await recorder.flush();
    expect(await events()).toHaveLength(25);
  });
});

describe('EventsRecorder (events.k8s.io/v1, client-go tools/events)', () => {
  it('writes eventTime, action and the reporting controller, and a series for repeats', async () => {
    const { clock, client, pod, events } = await setup();
    const recorder = new EventsRecorder(client, clock, 'default-scheduler', 'default-scheduler-cp');
    recorder.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', '0/1 nodes are available');
    await recorder.flush();
    let [e] = await events();
    expect(e).toMatchObject({ action: 'Scheduling', reason: 'FailedScheduling', reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-cp', eventTime: microTime(START), firstTimestamp: null, source: {} });
    expect(microTime(START)).toBe('2026-01-01T00:00:00.000000Z');
    clock.advance(10_000);
    recorder.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', '0/1 nodes are available');
    clock.advance(10_000);
    recorder.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', '0/1 nodes are available');
    await recorder.flush();
    [e] = await events();
    expect(e?.series).toEqual({ count: 2, lastObservedTime: '2026-01-01T00:00:10.000000Z' });
    // A series quiet for 6 minutes is written one last time at the next check.
    recorder.start();
    clock.advance(12 * 60_000);
    await settle();
    await recorder.flush();
    [e] = await events();
    expect(e?.series).toEqual({ count: 3, lastObservedTime: '2026-01-01T00:00:20.000000Z' });
    recorder.stop();
  });
});

describe('event expiry', () => {
  it('deletes an event one hour after its last write, as the etcd lease of --event-ttl', async () => {
    const { clock, client, pod, events, api } = await setup();
    const recorder = new EventRecorder(client, clock, { component: 'kubelet', host: 'n' });
    recorder.event(pod, 'Normal', 'Pulled', 'x');
    await recorder.flush();
    await settle();
    expect(api.eventTtl.pending()).toBe(1);
    clock.advance(EVENT_TTL_MS - 60_000);
    recorder.event(pod, 'Normal', 'Pulled', 'x');
    await recorder.flush();
    await settle();
    clock.advance(120_000);
    expect(await events()).toHaveLength(1);
    clock.advance(EVENT_TTL_MS);
    const left = await client.list<CoreEvent>({ resource: 'events', namespace: 'default' });
    expect((left as KubeList<CoreEvent>).items).toEqual([]);
    await settle();
    expect(api.eventTtl.pending()).toBe(0);
  });
});
