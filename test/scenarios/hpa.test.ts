/**
 * The HorizontalPodAutoscaler against a Deployment, with the CPU its pods use controlled by the
 * test: the cluster's usage source is injected here (the kubelets will report usage later). A
 * fixed total load is spread over the running pods of the Deployment, as a Service spreads
 * requests; every other container idles.
 */
import { describe, expect, it } from 'vitest';
import type { Deployment, HorizontalPodAutoscaler, Pod } from '../../core/api/types';
import type { UsageSource } from '../../core/metrics/types';
import { ref, scenario, type Scenario } from './harness';
import { eventsOf, kubectlGet } from './batchHelpers';

const MiB = 1024 * 1024;
const hpaRef = (name?: string) => ref('horizontalpodautoscalers', 'default', name, 'autoscaling', 'v2');

/** A usage source in which the `app=web` pods share `load.totalMilli` of CPU. */
function loadSource(box: { s?: Scenario }, load: { totalMilli: number }): UsageSource {
  const pods = () => (box.s ? (box.s.cluster.store.list('/registry/core/pods/').items as Pod[]) : []);
  const running = (p: Pod) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp && (p.status.containerStatuses ?? []).some((c) => c.state.running);
  return {
    podUsage(namespace, name) {
      const pod = pods().find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
      if (!pod || !running(pod)) return undefined;
      if (pod.metadata.labels?.['app'] !== 'web') return pod.spec.containers.map((c) => ({ name: c.name, cpuMilli: 2.5, memoryBytes: 16 * MiB }));
      const web = pods().filter((p) => p.metadata.labels?.['app'] === 'web' && running(p)).length;
      return [{ name: 'web', cpuMilli: load.totalMilli / web, memoryBytes: 24 * MiB }];
    },
    nodeUsage: () => ({ cpuMilli: 100, memoryBytes: 512 * MiB }),
  };
}

function deployment(): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '200m' } } }] } },
    },
  } as Deployment;
}

function hpa(): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    },
  };
}

async function replicas(s: Scenario): Promise<number> {
  const d = await s.client.get<Deployment>(ref('deployments', 'default', 'web', 'apps', 'v1'));
  return (d.spec as { replicas?: number }).replicas ?? 0;
}

function cond(h: HorizontalPodAutoscaler, type: string) {
  return h.status?.conditions?.find((c) => c.type === type);
}

describe('HorizontalPodAutoscaler', () => {
  it('scales a Deployment up under load, keeps the replicas for the 5-minute stabilization window once the load is gone, then scales down', async () => {
    const box: { s?: Scenario } = {};
    const load = { totalMilli: 20 };
    const s = await scenario({ usage: loadSource(box, load) });
    box.s = s;
    await s.client.create(ref('deployments', 'default', undefined, 'apps', 'v1'), deployment());
    await s.client.create(hpaRef(), hpa());
    // Idle: 10 % of the request, one replica is enough.
    const idle = await s.until(async () => {
      const h = await s.client.get<HorizontalPodAutoscaler>(hpaRef('web'));
      return cond(h, 'ScalingActive')?.status === 'True' ? h : undefined;
    });
    expect(idle.status?.currentMetrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 10, averageValue: '20m' } } }]);
    expect(cond(idle, 'AbleToScale')).toMatchObject({ status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' });
    expect(cond(idle, 'ScalingActive')).toMatchObject({ reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' });
    expect(cond(idle, 'ScalingLimited')).toMatchObject({ status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' });
    expect(await kubectlGet(s, 'hpa')).toMatch(/^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE\nweb\s+Deployment\/web\s+cpu: 10%\/50%\s+1\s+10\s+1\s+\d+s\n$/);

    // Load: 190 % of one pod's request → 4 replicas.
    load.totalMilli = 380;
    const up = await s.until(async () => ((await replicas(s)) > 1 ? s.clock.now() : undefined));
    expect(await replicas(s)).toBe(4);
    expect(await eventsOf(s, 'HorizontalPodAutoscaler', 'web')).toContain('SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target');
    const scaled = await s.client.get<HorizontalPodAutoscaler>(hpaRef('web'));
    expect(cond(scaled, 'AbleToScale')).toMatchObject({ reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 4' });
    expect(scaled.status?.lastScaleTime).toBeTruthy();
    // Spread over 4 pods the load is 47 % of their requests: within the tolerance, 4 stay.
    await s.until(async () => {
      const h = await s.client.get<HorizontalPodAutoscaler>(hpaRef('web'));
      return h.status?.currentMetrics?.[0]?.resource?.current.averageUtilization === 47 ? h : undefined;
    });
    expect(await kubectlGet(s, 'hpa')).toMatch(/\nweb\s+Deployment\/web\s+cpu: 47%\/50%\s+1\s+10\s+4\s+/);
    expect(s.clock.now() - up).toBeLessThan(120_000);

    // The load goes: the recommendation drops to 1, but the highest of the last 5 minutes holds.
    load.totalMilli = 8;
    const gone = s.clock.now();
    const stabilized = await s.until(async () => {
      const h = await s.client.get<HorizontalPodAutoscaler>(hpaRef('web'));
      return cond(h, 'AbleToScale')?.reason === 'ScaleDownStabilized' ? h : undefined;
    });
    expect(cond(stabilized, 'AbleToScale')?.message).toBe('recent recommendations were higher than current one, applying the highest recent recommendation');
    expect(await replicas(s)).toBe(4);
    const down = await s.until(async () => ((await replicas(s)) < 4 ? s.clock.now() : undefined), 600_000, 1000);
    expect(await replicas(s)).toBe(1);
    // The last high recommendation was at most one sync (15 s) before the load went.
    expect(down - gone).toBeGreaterThanOrEqual(285_000);
    expect(down - gone).toBeLessThan(320_000);
    expect(await eventsOf(s, 'HorizontalPodAutoscaler', 'web')).toContain('SuccessfulRescale: New size: 1; reason: All metrics below target');
    s.stop();
  });

  it('reports that it cannot compute the replicas while the target has no metrics yet', async () => {
    const s = await scenario({ usage: { podUsage: () => undefined, nodeUsage: () => undefined } });
    await s.client.create(ref('deployments', 'default', undefined, 'apps', 'v1'), deployment());
    await s.client.create(hpaRef(), hpa());
    const h = await s.until(async () => {
      const x = await s.client.get<HorizontalPodAutoscaler>(hpaRef('web'));
      return cond(x, 'ScalingActive') ? x : undefined;
    });
    expect(cond(h, 'ScalingActive')).toMatchObject({
      status: 'False',
      reason: 'FailedGetResourceMetric',
      message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    });
    expect(await kubectlGet(s, 'hpa')).toMatch(/\nweb\s+Deployment\/web\s+cpu: <unknown>\/50%\s+1\s+10\s+1\s+/);
    const events = await eventsOf(s, 'HorizontalPodAutoscaler', 'web');
    expect(events).toContain('FailedGetResourceMetric: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API');
    expect(events).toContain('FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API');
    s.stop();
  });
});
