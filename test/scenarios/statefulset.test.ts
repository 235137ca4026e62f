/**
 * StatefulSets as a student sees them: stable names created in order (each pod Running and Ready
 * before the next), claims per pod that outlive a scale-down, scale-down from the highest
 * ordinal, and a partitioned rolling update.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod, StatefulSet } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';

const STS = ref('statefulsets', 'default', undefined, 'apps', 'v1');

function statefulSet(replicas: number, options: { claims?: boolean; parallel?: boolean } = {}): StatefulSet {
  const claim: KubeObject = { metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      ...(options.parallel ? { podManagementPolicy: 'Parallel' } : {}),
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ...(options.claims ? { volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] } : {}) }] },
      },
      ...(options.claims ? { volumeClaimTemplates: [claim] } : {}),
    },
  };
}

/** What `kubectl get statefulsets` prints. */
async function kubectlGetStatefulSets(s: Scenario): Promise<string> {
  return (await s.kubectl('kubectl get statefulsets')).out;
}

/** `kubectl get pods` as name → STATUS and READY. */
async function podTable(s: Scenario): Promise<Map<string, { ready: string; status: string }>> {
  const out = (await s.kubectl('kubectl get pods')).out.trim().split('\n').slice(1);
  return new Map(out.filter((l) => l.trim()).map((l) => l.trim().split(/\s+/)).map((c) => [c[0] as string, { ready: c[1] as string, status: c[2] as string }]));
}

async function pod(s: Scenario, name: string): Promise<Pod | undefined> {
  return (await s.client.list<Pod>(ref('pods', 'default'))).items.find((p) => p.metadata.name === name);
}

async function liveNames(s: Scenario): Promise<string[]> {
  return (await s.client.list<Pod>(ref('pods', 'default'), { labelSelector: 'app=nginx' })).items.map((p) => p.metadata.name ?? '').sort();
}

describe('StatefulSet', () => {
  it('creates web-0, web-1 and web-2 in order, each only once the one before is Running and Ready, and scales down from the top', async () => {
    const s = await scenario({ workers: 2 });
    await s.client.create(STS, statefulSet(3));
    // Watch what `kubectl get pods` shows step by step.
    const seenBefore = new Map<string, Map<string, { ready: string; status: string }>>();
    await s.until(async () => {
      const table = await podTable(s);
      for (const name of ['web-0', 'web-1', 'web-2']) if (table.has(name) && !seenBefore.has(name)) seenBefore.set(name, table);
      return ['web-0', 'web-1', 'web-2'].every((n) => table.get(n)?.status === 'Running' && table.get(n)?.ready === '1/1') || undefined;
    });
    // When web-1 first appeared, web-0 was Running and 1/1 Ready; likewise web-1 for web-2.
    expect(seenBefore.get('web-1')?.get('web-0')).toEqual({ ready: '1/1', status: 'Running' });
    expect(seenBefore.get('web-2')?.get('web-1')).toEqual({ ready: '1/1', status: 'Running' });
    expect(seenBefore.get('web-0')?.has('web-1')).toBe(false);
    expect(seenBefore.get('web-1')?.has('web-2')).toBe(false);
    expect(await kubectlGetStatefulSets(s)).toMatch(/^NAME\s+READY\s+AGE\s*\nweb\s+3\/3\s+\d+s/);

    const web1 = await pod(s, 'web-1');
    expect(web1?.metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' });
    expect(web1?.spec['hostname']).toBe('web-1');
    expect(web1?.spec['subdomain']).toBe('nginx');
    const events = (await s.kubectl('kubectl get events')).out;
    expect(events).toMatch(/SuccessfulCreate\s+statefulset\/web\s+create Pod web-0 in StatefulSet web successful/);
    expect(events).toMatch(/SuccessfulCreate\s+statefulset\/web\s+create Pod web-2 in StatefulSet web successful/);

    // Scale to 1: web-2 goes first; web-1 only once web-2 is gone.
    await s.client.patch({ ...STS, name: 'web' }, { spec: { replicas: 1 } }, 'application/merge-patch+json');
    let web1GoneFirst = false;
    await s.until(async () => {
      const names = await liveNames(s);
      if (!names.includes('web-1') && names.includes('web-2')) web1GoneFirst = true;
      const web1Now = await pod(s, 'web-1');
      if (web1Now?.metadata.deletionTimestamp && names.includes('web-2')) web1GoneFirst = true;
      return names.join() === 'web-0' || undefined;
    });
    expect(web1GoneFirst).toBe(false);
    const after = (await s.kubectl('kubectl get events')).out;
    expect(after).toMatch(/SuccessfulDelete\s+statefulset\/web\s+delete Pod web-2 in StatefulSet web successful/);
    expect(after).toMatch(/SuccessfulDelete\s+statefulset\/web\s+delete Pod web-1 in StatefulSet web successful/);
    await s.until(async () => (/web\s+1\/1/.test(await kubectlGetStatefulSets(s)) ? true : undefined));
    s.stop();
  });

  it('creates a claim per pod from volumeClaimTemplates before the pod, and keeps the claims when scaled down', async () => {
    const s = await scenario({ workers: 2 });
    // Parallel: the pods do not wait for each other (nor for their claims to be bound).
    await s.client.create(STS, statefulSet(3, { claims: true, parallel: true }));
    // Without advancing the clock, all three pods already exist (OrderedReady would have made web-0 only).
    await s.settle();
    expect(await liveNames(s)).toEqual(['web-0', 'web-1', 'web-2']);
    const pvcs = (await s.kubectl('kubectl get pvc')).out;
    for (const n of [0, 1, 2]) expect(pvcs).toMatch(new RegExp(`^www-web-${n}\\s`, 'm'));
    const web0 = await pod(s, 'web-0');
    expect(web0?.spec['volumes']).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    const events = (await s.kubectl('kubectl get events')).out;
    expect(events).toMatch(/SuccessfulCreate\s+statefulset\/web\s+create Claim www-web-0 Pod web-0 in StatefulSet web success/);

    await s.client.patch({ ...STS, name: 'web' }, { spec: { replicas: 1 } }, 'application/merge-patch+json');
    await s.until(async () => ((await liveNames(s)).join() === 'web-0' ? true : undefined));
    // The default retention policy (Retain): the claims stay, ready for a scale-up.
    const kept = (await s.kubectl('kubectl get pvc')).out;
    for (const n of [0, 1, 2]) expect(kept).toMatch(new RegExp(`^www-web-${n}\\s`, 'm'));
    s.stop();
  });

  it('updates only the pods at or above the partition, from the highest ordinal down', async () => {
    const s = await scenario({ workers: 2 });
    await s.client.create(STS, statefulSet(3));
    await s.until(async () => (/web\s+3\/3/.test(await kubectlGetStatefulSets(s)) ? true : undefined));
    const first = (await s.client.get<StatefulSet>({ ...STS, name: 'web' })).status;
    expect(first?.currentRevision).toMatch(/^web-\w+$/);
    expect(first?.updateRevision).toBe(first?.currentRevision);

    await s.client.patch({ ...STS, name: 'web' }, { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } });
    const order: string[] = [];
    const status = await s.until(async () => {
      const set = await s.client.get<StatefulSet>({ ...STS, name: 'web' });
      for (const n of ['web-2', 'web-1', 'web-0']) {
        const p = await pod(s, n);
        if (p?.metadata.labels?.['controller-revision-hash'] === set.status?.updateRevision && set.status?.updateRevision !== first?.currentRevision && !order.includes(n)) order.push(n);
      }
      const st = set.status;
      return st?.updatedReplicas === 2 && st.readyReplicas === 3 ? st : undefined;
    });
    expect(status.updateRevision).not.toBe(first?.currentRevision);
    expect(status.currentRevision).toBe(first?.currentRevision);
    expect(order).toEqual(['web-2', 'web-1']);
    await s.advance(5000);
    const hash = async (n: string) => (await pod(s, n))?.metadata.labels?.['controller-revision-hash'];
    expect(await hash('web-0')).toBe(first?.currentRevision);
    expect(await hash('web-1')).toBe(status.updateRevision);
    expect(await hash('web-2')).toBe(status.updateRevision);
    expect((await pod(s, 'web-0'))?.spec.containers[0]?.image).toBe('nginx:1.25');
    expect((await pod(s, 'web-2'))?.spec.containers[0]?.image).toBe('nginx:1.26');
    s.stop();
  });

  it('with OnDelete, keeps running pods as they are and recreates a deleted pod from the new template', async () => {
    const s = await scenario({ workers: 2 });
    await s.client.create(STS, { ...statefulSet(2), spec: { ...statefulSet(2).spec, updateStrategy: { type: 'OnDelete' } } });
    await s.until(async () => (/web\s+2\/2/.test(await kubectlGetStatefulSets(s)) ? true : undefined));
    await s.client.patch({ ...STS, name: 'web' }, { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } });
    await s.advance(5000);
    const image = async (n: string) => (await pod(s, n))?.spec.containers[0]?.image;
    expect([await image('web-0'), await image('web-1')]).toEqual(['nginx:1.25', 'nginx:1.25']);
    await s.client.delete(ref('pods', 'default', 'web-1'));
    await s.until(async () => ((await image('web-1')) === 'nginx:1.26' ? true : undefined));
    const status = await s.until(async () => {
      const st = (await s.client.get<StatefulSet>({ ...STS, name: 'web' })).status;
      return st?.updatedReplicas === 1 && st.readyReplicas === 2 ? st : undefined;
    });
    expect(status.currentReplicas).toBe(1);
    expect(await image('web-0')).toBe('nginx:1.25');
    s.stop();
  });
});
