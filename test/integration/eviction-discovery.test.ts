/**
 * The real kubectl (when on PATH) against a served lab: `kubectl drain` through the pods/eviction
 * subresource, stopped by a PodDisruptionBudget, and kubectl's discovery through aggregated
 * discovery (`apidiscovery.k8s.io/v2`: one request for `/api`, one for `/apis`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { eventually, findKubectl, kubectl, tempDir } from '../helpers';

let lab: LabHost;
const kubectlPath = findKubectl();

beforeAll(async () => {
  if (kubectlPath) lab = await startLabHost({ dataDir: tempDir(), port: 0, workers: 2, seed: 5 });
});
afterAll(async () => {
  await lab?.close();
});

/** GET of an API path with the lab's token (plain JSON: the legacy discovery documents). */
async function getJson(path: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${lab.origin}${path}`, { headers: { authorization: `Bearer ${lab.token}`, accept: 'application/json' } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe.skipIf(!kubectlPath)('the real kubectl', () => {
  if (!kubectlPath) console.warn('skipped: there is no kubectl on PATH (the eviction and aggregated discovery checks need one)');

  it('drains a worker: evicts one pod, then reports the disruption budget for the next', async () => {
    const dir = tempDir();
    const manifest = join(dir, 'drain.yaml');
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {app: web}}\nspec: {nodeName: kubelab-worker, containers: [{name: web, image: nginx}]}\n`;
    writeFileSync(manifest, [pod('web-1'), pod('web-2'), 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {minAvailable: 1, selector: {matchLabels: {app: web}}}\n'].join('---\n'));
    expect((await kubectl(lab.kubeconfig, ['apply', '-f', manifest])).code).toBe(0);
    await eventually(async () => {
      const r = await kubectl(lab.kubeconfig, ['get', 'pods', '-l', 'app=web', '--no-headers']);
      const running = r.stdout.split('\n').filter((l) => /\s1\/1\s+Running\s/.test(l));
      return running.length === 2 ? true : undefined;
    }, 15_000, 250);
    // The disruption controller computes the budget: one pod may go.
    await eventually(async () => ((await kubectl(lab.kubeconfig, ['get', 'pdb', 'web', '-o', 'jsonpath={.status.disruptionsAllowed}'])).stdout === '1' ? true : undefined), 15_000, 250);

    const drain = await kubectl(lab.kubeconfig, ['drain', 'kubelab-worker', '--force', '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=3s'], 30_000);
    expect(drain.code).toBe(1);
    expect(drain.stdout).toContain('node/kubelab-worker cordoned');
    const evicted = drain.stdout.match(/^pod\/(web-[12]) evicted$/m)?.[1];
    expect(evicted).toBeDefined();
    const kept = evicted === 'web-1' ? 'web-2' : 'web-1';
    expect(drain.stderr).toContain(`error when evicting pods/"${kept}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`);
    expect(drain.stderr).toContain(`error: unable to drain node "kubelab-worker"`);

    const pdb = JSON.parse((await kubectl(lab.kubeconfig, ['get', 'pdb', 'web', '-o', 'json'])).stdout) as { status: { disruptionsAllowed: number; disruptedPods?: Record<string, string> } };
    expect(pdb.status.disruptionsAllowed).toBe(0);
    // The evicted pod is listed as disrupted until it is gone (the disruption controller then drops it).
    expect(Object.keys(pdb.status.disruptedPods ?? {}).filter((p) => p !== evicted)).toEqual([]);
    const left = await kubectl(lab.kubeconfig, ['get', 'pods', '-l', 'app=web', '-o', 'name']);
    expect(left.stdout.trim()).toBe(`pod/${kept}`);
    expect((await kubectl(lab.kubeconfig, ['uncordon', 'kubelab-worker'])).code).toBe(0);
  }, 60_000);

  it('discovers through two aggregated requests and prints the resources of the legacy documents', async () => {
    const cache = tempDir();
    const r = await kubectl(lab.kubeconfig, ['--cache-dir', cache, 'api-resources', '-v=6']);
    expect(r.code).toBe(0);
    const requests = r.stderr.split('\n').flatMap((l) => l.match(/round_trippers\.go:\d+\] (\w+ \S+) (\d+)/)?.slice(1, 3).join(' ') ?? []);
    const origin = new URL(lab.apiServer).origin;
    expect(requests).toEqual([`GET ${origin}/api?timeout=32s 200`, `GET ${origin}/apis?timeout=32s 200`]);

    // The table kubectl printed, against the legacy per-group-version documents.
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    const starts = ['SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'].map((h) => lines[0]?.indexOf(h) ?? -1);
    const printed = lines.slice(1).map((l) => {
      const [s, a, n, k] = starts as [number, number, number, number];
      return [l.slice(0, s), l.slice(s, a), l.slice(a, n), l.slice(n, k), l.slice(k)].map((c) => c.trim()).join(' ');
    });
    const expected: string[] = [];
    // kubectl api-resources lists the preferred version of each group.
    const gvs: string[] = ['v1'];
    for (const g of (await getJson('/apis')).groups as { preferredVersion: { groupVersion: string } }[]) gvs.push(g.preferredVersion.groupVersion);
    for (const gv of gvs) {
      const list = (await getJson(gv === 'v1' ? '/api/v1' : `/apis/${gv}`)).resources as { name: string; shortNames?: string[]; namespaced: boolean; kind: string }[];
      for (const res of list) if (!res.name.includes('/')) expected.push([res.name, (res.shortNames ?? []).join(','), gv, String(res.namespaced), res.kind].join(' '));
    }
    expect([...printed].sort()).toEqual([...expected].sort());
  });

  it('publishes pods/eviction as a policy/v1 Eviction in the aggregated document', async () => {
    const res = await fetch(`${lab.origin}/api`, { headers: { authorization: `Bearer ${lab.token}`, accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' } });
    expect(res.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const doc = (await res.json()) as { items: { versions: { resources: { resource: string; subresources?: { subresource: string; responseKind: unknown; verbs: string[] }[] }[] }[] }[] };
    const pods = doc.items[0]?.versions[0]?.resources.find((x) => x.resource === 'pods');
    expect(pods?.subresources?.find((s) => s.subresource === 'eviction')).toEqual({ subresource: 'eviction', responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] });
  });
});
