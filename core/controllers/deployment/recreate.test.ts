import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { ManualClock } from '../../clock/clock';
import { clone } from '../util/pods';
import { reconcileDeployment } from './controller';
import type { PodMap } from './recreate';
import { deployment, FakeApps } from './testing';

const T0 = Date.parse('2026-03-01T09:00:00Z');

function running(n: number): Pod[] {
  return Array.from({ length: n }, (_, i) => ({ metadata: { name: `p${i}` }, spec: { containers: [] }, status: { phase: 'Running' } }) as Pod);
}

describe('the Recreate strategy', () => {
  it('scales the old ReplicaSet to 0 and creates the new one only once its pods are gone', async () => {
    const clock = new ManualClock(T0);
    const fake = new FakeApps(deployment(3, { recreate: true }), () => clock.now());
    const dc = fake.context(clock);
    const step = async (podMap: PodMap) => {
      await reconcileDeployment(dc, clone(fake.deployment), fake.list(), podMap);
      fake.settle();
      clock.advance(1000);
    };
    await step(new Map());
    await step(new Map());
    const [old] = fake.list();
    expect(old?.spec.replicas).toBe(3);
    const d = clone(fake.deployment);
    (d.spec.template.spec.containers[0] as { image: string }).image = 'nginx:1.27';
    d.metadata.generation = 2;
    fake.deployment = d;

    await step(new Map([[old?.metadata.uid ?? '', running(3)]]));
    expect(fake.list().map((rs) => rs.spec.replicas)).toEqual([0]);
    // The ReplicaSet reports 0 replicas, but a pod is still terminating: wait.
    await step(new Map([[old?.metadata.uid ?? '', running(1)]]));
    expect(fake.list()).toHaveLength(1);
    await step(new Map([[old?.metadata.uid ?? '', []]]));
    expect(fake.list().map((rs) => rs.spec.replicas)).toEqual([0, 3]);
    expect(fake.events.slice(1)).toEqual([`Normal ScalingReplicaSet Scaled down replica set ${old?.metadata.name ?? ''} from 3 to 0`, `Normal ScalingReplicaSet Scaled up replica set ${fake.list()[1]?.metadata.name ?? ''} from 0 to 3`]);
  });
});
