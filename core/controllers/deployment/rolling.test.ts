import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock/clock';
import { clone } from '../util/pods';
import { reconcileDeployment } from './controller';
import { deployment, FakeApps } from './testing';

const T0 = Date.parse('2026-03-01T09:00:00Z');

/** Runs the controller and the fake ReplicaSet controller step by step; returns what each step left. */
async function rollout(fake: FakeApps, clock: ManualClock, steps: number): Promise<{ pods: number; available: number }[]> {
  const dc = fake.context(clock);
  const seen: { pods: number; available: number }[] = [];
  for (let i = 0; i < steps; i++) {
    try {
      await reconcileDeployment(dc, clone(fake.deployment), fake.list(), new Map());
    } catch {
      // A conflict: the work queue would retry; the next step does.
    }
    fake.settle();
    const rss = fake.list();
    seen.push({ pods: rss.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0), available: rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0) });
    clock.advance(1000);
  }
  return seen;
}

function setImage(fake: FakeApps, image: string): void {
  const d = clone(fake.deployment);
  (d.spec.template.spec.containers[0] as { image: string }).image = image;
  d.metadata.generation = (d.metadata.generation ?? 1) + 1;
  fake.deployment = d;
}

describe('a rolling update', () => {
  it('keeps 4 replicas within maxSurge 1 and maxUnavailable 1 at every step, and ends on revision 2', async () => {
    const clock = new ManualClock(T0);
    const fake = new FakeApps(deployment(4, { maxSurge: 1, maxUnavailable: 1 }), () => clock.now());
    await rollout(fake, clock, 6);
    expect(fake.list().map((rs) => [rs.spec.replicas, rs.status?.availableReplicas])).toEqual([[4, 4]]);
    expect(fake.events).toEqual([expect.stringMatching(/^Normal ScalingReplicaSet Scaled up replica set web-\w+ from 0 to 4$/)]);
    const first = fake.list()[0]?.metadata.name ?? '';

    setImage(fake, 'nginx:1.27');
    const steps = await rollout(fake, clock, 15);
    for (const s of steps) {
      expect(s.pods).toBeLessThanOrEqual(5);
      expect(s.available).toBeGreaterThanOrEqual(3);
    }
    const byName = new Map(fake.list().map((rs) => [rs.metadata.name, rs]));
    const old = byName.get(first);
    const fresh = fake.list().find((rs) => rs.metadata.name !== first);
    expect(old?.spec.replicas).toBe(0);
    expect(fresh?.spec.replicas).toBe(4);
    expect(fresh?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(old?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(fake.deployment.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(fake.deployment.status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4, observedGeneration: 2 });
    const progressing = fake.deployment.status?.conditions?.find((c) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${fresh?.metadata.name ?? ''}" has successfully progressed.` });
    // The first steps, as `kubectl describe deployment` lists them.
    expect(fake.events.slice(1, 4)).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set ${fresh?.metadata.name ?? ''} from 0 to 1`,
      `Normal ScalingReplicaSet Scaled down replica set ${first} from 4 to 3`,
      `Normal ScalingReplicaSet Scaled up replica set ${fresh?.metadata.name ?? ''} from 1 to 2`,
    ]);
  });

  it('re-uses the old ReplicaSet when the template goes back (kubectl rollout undo), as revision 3', async () => {
    const clock = new ManualClock(T0);
    const fake = new FakeApps(deployment(2, { maxSurge: 1, maxUnavailable: 0 }), () => clock.now());
    await rollout(fake, clock, 4);
    const first = fake.list()[0]?.metadata.name ?? '';
    setImage(fake, 'nginx:1.27');
    await rollout(fake, clock, 10);
    setImage(fake, 'nginx:1.26');
    await rollout(fake, clock, 10);
    expect(fake.list()).toHaveLength(2);
    const back = fake.list().find((rs) => rs.metadata.name === first);
    expect(back?.spec.replicas).toBe(2);
    expect(back?.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(fake.deployment.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('cleans up old ReplicaSets beyond revisionHistoryLimit once the rollout is complete', async () => {
    const clock = new ManualClock(T0);
    const d = deployment(1, { maxSurge: 1, maxUnavailable: 0 });
    d.spec.revisionHistoryLimit = 1;
    const fake = new FakeApps(d, () => clock.now());
    await rollout(fake, clock, 3);
    for (const image of ['nginx:1.27', 'nginx:1.25', 'httpd:2.4']) {
      setImage(fake, image);
      await rollout(fake, clock, 8);
    }
    const revisions = fake.list().map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']);
    expect(revisions.sort()).toEqual(['3', '4']);
  });

  it('rolls back through the deprecated rollback annotation', async () => {
    const clock = new ManualClock(T0);
    const fake = new FakeApps(deployment(1, { maxSurge: 1, maxUnavailable: 0 }), () => clock.now());
    await rollout(fake, clock, 3);
    setImage(fake, 'nginx:1.27');
    await rollout(fake, clock, 6);
    fake.deployment = { ...fake.deployment, metadata: { ...fake.deployment.metadata, annotations: { ...fake.deployment.metadata.annotations, 'deprecated.deployment.rollback.to': '0' } } };
    await rollout(fake, clock, 8);
    expect(fake.deployment.spec.template.spec.containers[0]?.image).toBe('nginx:1.26');
    expect(fake.deployment.metadata.annotations?.['deprecated.deployment.rollback.to']).toBeUndefined();
    expect(fake.events).toContain('Normal DeploymentRollback Rolled back deployment "web" to revision 1');
    expect(fake.deployment.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });
});
