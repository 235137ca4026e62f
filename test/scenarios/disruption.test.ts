/**
 * PodDisruptionBudgets as a student sees them: the disruption controller computes ALLOWED
 * DISRUPTIONS from the healthy pods and the budget (integers, percentages of the controller's
 * scale, maxUnavailable), and the API server's eviction refuses what the budget does not allow.
 */
import { describe, expect, it } from 'vitest';
import { isStatusError, type StatusError } from '../../core/api/status';
import type { Pod, PodDisruptionBudget, StatefulSet } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';

const PDB = ref('poddisruptionbudgets', 'default', undefined, 'policy', 'v1');

async function startWeb(s: Scenario, replicas = 3): Promise<void> {
  const set: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, serviceName: 'web', podManagementPolicy: 'Parallel', selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
  };
  await s.client.create(ref('statefulsets', 'default', undefined, 'apps', 'v1'), set);
  await s.until(async () => ((await readyPods(s)) === replicas ? true : undefined));
}

async function readyPods(s: Scenario): Promise<number> {
  const pods = (await s.client.list<Pod>(ref('pods', 'default'), { labelSelector: 'app=web' })).items;
  return pods.filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
}

function budget(name: string, spec: Partial<PodDisruptionBudget['spec']>): PodDisruptionBudget {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } };
}

/** What `kubectl get pdb` prints. */
async function kubectlGetPdb(s: Scenario): Promise<string> {
  return (await s.kubectl('kubectl get pdb')).out;
}

async function evict(s: Scenario, pod: string): Promise<unknown> {
  return s.client.post({ ...ref('pods', 'default', pod), subresource: 'eviction' }, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pod, namespace: 'default' } }).catch((e: unknown) => e);
}

async function pdbStatus(s: Scenario, name: string): Promise<PodDisruptionBudget['status']> {
  return (await s.client.get<PodDisruptionBudget>({ ...PDB, name })).status;
}

describe('PodDisruptionBudget', () => {
  it('allows one disruption for minAvailable 2 over 3 pods, and refuses an eviction beyond it with 429', async () => {
    const s = await scenario({ workers: 2 });
    await startWeb(s);
    await s.client.create(PDB, budget('web-pdb', { minAvailable: 2 }));
    await s.until(async () => ((await pdbStatus(s, 'web-pdb'))?.currentHealthy === 3 ? true : undefined));
    const table = (await kubectlGetPdb(s)).trim().split('\n');
    expect(table[0]?.split(/\s{2,}/)).toEqual(['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE']);
    expect(table[1]?.split(/\s{2,}/).slice(0, 4)).toEqual(['web-pdb', '2', 'N/A', '1']);
    const status = await pdbStatus(s, 'web-pdb');
    expect(status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1, observedGeneration: 1 });
    expect(status?.conditions).toEqual([expect.objectContaining({ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 1 })]);

    // The first eviction spends the one allowed disruption; the second is refused.
    expect(isStatusError(await evict(s, 'web-0'))).toBe(false);
    const refused = (await evict(s, 'web-1')) as StatusError;
    expect(refused.status.code).toBe(429);
    expect(refused.status.reason).toBe('TooManyRequests');
    expect(refused.status.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.");
    expect(refused.status.details?.causes).toEqual([{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently' }]);
    await s.settle();
    expect((await kubectlGetPdb(s)).split('\n')[1]).toMatch(/^web-pdb\s+2\s+N\/A\s+0\s/);
    const spent = await pdbStatus(s, 'web-pdb');
    expect(spent?.conditions?.[0]).toMatchObject({ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods' });

    // The StatefulSet brings web-0 back: the disruption is allowed again.
    await s.until(async () => ((await pdbStatus(s, 'web-pdb'))?.disruptionsAllowed === 1 ? true : undefined));
    expect(isStatusError(await evict(s, 'web-1'))).toBe(false);
    s.stop();
  });

  it('takes percentages and maxUnavailable from the scale of the pods’ controller', async () => {
    const s = await scenario({ workers: 2 });
    await startWeb(s, 4);
    await s.client.create(PDB, budget('half', { minAvailable: '50%' }));
    await s.client.create(PDB, { ...budget('one-down', { maxUnavailable: 1 }), spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'web', 'apps.kubernetes.io/pod-index': '0' } } } });
    await s.until(async () => ((await pdbStatus(s, 'half'))?.expectedPods === 4 ? true : undefined));
    // 50% of the StatefulSet's 4 replicas must stay: 2 of the 4 healthy pods may go.
    expect(await pdbStatus(s, 'half')).toMatchObject({ expectedPods: 4, desiredHealthy: 2, currentHealthy: 4, disruptionsAllowed: 2 });
    // maxUnavailable counts against the controller's scale (4), although the budget selects one pod.
    await s.until(async () => ((await pdbStatus(s, 'one-down'))?.expectedPods === 4 ? true : undefined));
    expect(await pdbStatus(s, 'one-down')).toMatchObject({ expectedPods: 4, desiredHealthy: 3, currentHealthy: 1, disruptionsAllowed: 0 });

    // Scaling the StatefulSet to 2 changes the denominator.
    await s.client.patch(ref('statefulsets', 'default', 'web', 'apps', 'v1'), { spec: { replicas: 2 } }, 'application/merge-patch+json');
    await s.until(async () => ((await pdbStatus(s, 'half'))?.expectedPods === 2 && (await pdbStatus(s, 'half'))?.currentHealthy === 2 ? true : undefined));
    expect(await pdbStatus(s, 'half')).toMatchObject({ expectedPods: 2, desiredHealthy: 1, disruptionsAllowed: 1 });
    s.stop();
  });

  it('allows no disruption for pods without a controller when the budget needs a scale, and says why', async () => {
    const s = await scenario({ workers: 2 });
    const bare: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };
    await s.client.create(ref('pods', 'default'), bare);
    await s.until(async () => ((await readyPods(s)) === 1 ? true : undefined));
    await s.client.create(PDB, budget('solo-pdb', { maxUnavailable: '50%' }));
    await s.until(async () => ((await pdbStatus(s, 'solo-pdb'))?.observedGeneration === 1 ? true : undefined));
    expect(await pdbStatus(s, 'solo-pdb')).toMatchObject({ expectedPods: 0, currentHealthy: 1, disruptionsAllowed: 0 });
    const events = (await s.kubectl('kubectl get events')).out;
    expect(events).toMatch(/Warning\s+UnmanagedPods\s+poddisruptionbudget\/solo-pdb\s+Pods selected by this PodDisruptionBudget \(selector: &LabelSelector\{MatchLabels:map\[string\]string\{app: web,\},MatchExpressions:\[\]LabelSelectorRequirement\{\},\}\) were found to be unmanaged/);
    s.stop();
  });
});
