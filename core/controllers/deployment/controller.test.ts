import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock/clock';
import { clone } from '../util/pods';
import { reconcileDeployment } from './controller';
import { deployment, FakeApps } from './testing';

const T0 = Date.parse('2026-03-01T09:00:00Z');

describe('pause and resume', () => {
  it('records DeploymentPaused, makes no new ReplicaSet while paused, and records DeploymentResumed before the rollout', async () => {
    const clock = new ManualClock(T0);
    const fake = new FakeApps(deployment(2, { maxSurge: 1, maxUnavailable: 0 }), () => clock.now());
    const dc = fake.context(clock);
    const step = async () => {
      await reconcileDeployment(dc, clone(fake.deployment), fake.list(), new Map());
      fake.settle();
      clock.advance(1000);
    };
    for (let i = 0; i < 3; i++) await step();
    const d = clone(fake.deployment);
    d.spec.paused = true;
    (d.spec.template.spec.containers[0] as { image: string }).image = 'nginx:1.27';
    d.metadata.generation = 2;
    fake.deployment = d;
    await step();
    await step();
    expect(fake.list()).toHaveLength(1);
    expect(fake.deployment.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    expect(fake.deployment.status?.observedGeneration).toBe(2);
    fake.deployment = { ...fake.deployment, spec: { ...fake.deployment.spec, paused: false } };
    const before = fake.progressing.length;
    for (let i = 0; i < 10; i++) await step();
    expect(fake.progressing.slice(before, before + 2)).toEqual(['DeploymentResumed', 'NewReplicaSetCreated']);
    expect(fake.list()).toHaveLength(2);
    expect(fake.deployment.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
  });
});
