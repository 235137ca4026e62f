/** Several clusters in one data directory: through the lab API of a running lab, and `kubelab cluster` on disk. */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { collect, kubelab, tempDir } from '../helpers';

async function call(lab: LabHost, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { authorization: `Bearer ${lab.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${lab.origin}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const names = (r: { body: Record<string, unknown> }) => (r.body.items as { name: string; current: boolean }[]).map((c) => `${c.current ? '*' : ''}${c.name}`);

describe('clusters through the lab API', () => {
  it('creates, switches, resets, renames and deletes clusters; each keeps its own objects', async () => {
    const lab = await startLabHost({ dataDir: tempDir(), port: 0, workers: 1 });
    expect(names(await call(lab, 'GET', '/lab/v1/clusters'))).toEqual(['*default']);
    expect((await call(lab, 'POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'mine' } })).status).toBe(201);
    const created = await call(lab, 'POST', '/lab/v1/clusters', { name: 'exam', nodes: 0, seed: 3 });
    expect(created.status).toBe(201);
    expect((await call(lab, 'POST', '/lab/v1/clusters', { name: 'exam' })).body.message).toBe('cluster "exam" already exists');
    expect((await call(lab, 'POST', '/lab/v1/clusters', { name: 'Bad_Name' })).status).toBe(400);
    expect(names(await call(lab, 'POST', '/lab/v1/clusters/exam/use'))).toEqual(['default', '*exam']);
    expect(((await call(lab, 'GET', '/api/v1/nodes')).body.items as unknown[]).length).toBe(1);
    expect((await call(lab, 'GET', '/api/v1/namespaces/default/configmaps/mine')).status).toBe(404);
    expect(((await call(lab, 'GET', '/lab/v1/info')).body.cluster as { name: string }).name).toBe('exam');
    expect((await call(lab, 'DELETE', '/lab/v1/clusters/exam')).body.message).toBe('cluster "exam" is running: switch to another cluster before deleting it');
    await call(lab, 'POST', '/lab/v1/clusters/default/use');
    expect((await call(lab, 'GET', '/api/v1/namespaces/default/configmaps/mine')).status).toBe(200);
    expect(names(await call(lab, 'POST', '/lab/v1/clusters/exam/rename', { to: 'final' }))).toEqual(['*default', 'final']);
    expect(names(await call(lab, 'DELETE', '/lab/v1/clusters/final'))).toEqual(['*default']);
    expect((await call(lab, 'POST', '/lab/v1/clusters/nope/use')).status).toBe(404);
    // Reset: a new cluster of the same shape; the objects are gone, the nodes are back.
    await call(lab, 'POST', '/lab/v1/clusters/default/reset');
    expect((await call(lab, 'GET', '/api/v1/namespaces/default/configmaps/mine')).status).toBe(404);
    expect(((await call(lab, 'GET', '/api/v1/nodes')).body.items as unknown[]).length).toBe(2);
    await lab.close();
  });
});

describe('kubelab cluster', () => {
  it('works on the files when no lab runs, and through the lab when one does', async () => {
    const data = tempDir();
    let r = await collect(kubelab(['cluster', 'create', 'cka', '--nodes', '0', '--seed', '7', '--data', data]));
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^CURRENT\s+NAME\s+NODES\s+SEED\s+CREATED\s+FROM$/);
    expect(r.stdout).toMatch(/^\s+cka\s+1\s+7\s+\d{4}-/m);
    expect(r.stdout).toMatch(/^\*\s+default\s+3\s+1\s+/m);
    r = await collect(kubelab(['cluster', 'use', 'cka', '--data', data]));
    expect(r.stdout).toMatch(/^\*\s+cka\s+/m);
    r = await collect(kubelab(['cluster', 'delete', 'cka', '--data', data]));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kubelab cluster: cluster "cka" is the current one: use another cluster before deleting it\n');
    r = await collect(kubelab(['cluster', 'use', 'ghost', '--data', data]));
    expect(r.stderr).toBe('kubelab cluster: cluster "ghost" not found\n');
    r = await collect(kubelab(['cluster', 'frobnicate', '--data', data]));
    expect(r.code).toBe(2);
    // A lab started on the directory runs the current cluster; the command then goes through it.
    const lab = await startLabHost({ dataDir: data, port: 0 });
    expect(lab.cluster.options.seed).toBe(7);
    r = await collect(kubelab(['cluster', 'use', 'default', '--data', data]));
    expect(r.code).toBe(0);
    expect(lab.cluster.options.seed).toBe(1);
    await lab.close();
  });
});

describe('a cluster of a chosen shape', () => {
  it('is created with its shape from the command line, keeps it across restarts and refuses a bad one', async () => {
    const data = tempDir();
    const shapeFile = `${data}-shape.yaml`;
    writeFileSync(shapeFile, 'nodes:\n  kubelab-worker2:\n    labels: {disk: ssd}\n    taints: [{key: dedicated, value: db, effect: NoSchedule}]\n');
    let r = await collect(kubelab(['cluster', 'create', 'zoned', '--nodes', '2', '--cpu', '8', '--memory', '16Gi', '--zones', 'zone-a,zone-b', '--shape', shapeFile, '--data', data]));
    expect(r.stderr).toBe('');
    r = await collect(kubelab(['cluster', 'create', 'bad', '--cpu', 'many', '--zones', 'a b', '--data', data]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid cluster shape: workers.cpu: "many" is not a positive quantity (such as 4 or 500m); zones: "a b": ');
    r = await collect(kubelab(['cluster', 'use', 'zoned', '--data', data]));
    expect(r.code).toBe(0);
    for (let run = 0; run < 2; run++) {
      // The second run restores the saved state: the shape comes back with it.
      const lab = await startLabHost({ dataDir: data, port: 0 });
      const nodes = (await call(lab, 'GET', '/api/v1/nodes')).body.items as { metadata: { name: string; labels: Record<string, string> }; spec: { taints?: unknown[] }; status: { capacity: Record<string, string> } }[];
      const worker2 = nodes.find((n) => n.metadata.name === 'kubelab-worker2');
      expect(nodes.map((n) => n.metadata.labels['topology.kubernetes.io/zone'] ?? '-')).toEqual(['-', 'zone-a', 'zone-b']);
      expect(worker2?.status.capacity).toMatchObject({ cpu: '8', memory: '16777216Ki' });
      expect(worker2?.metadata.labels.disk).toBe('ssd');
      expect(worker2?.spec.taints).toEqual([{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
      if (run === 1) {
        // A reset makes the cluster again with the same shape.
        await call(lab, 'POST', '/lab/v1/clusters/zoned/reset');
        const again = (await call(lab, 'GET', '/api/v1/nodes/kubelab-worker')).body as { status: { capacity: Record<string, string> } };
        expect(again.status.capacity.cpu).toBe('8');
        const refused = await call(lab, 'POST', '/lab/v1/clusters', { name: 'bad', shape: { workers: { pods: -1 } } });
        expect(refused.status).toBe(400);
        expect(refused.body.message).toBe('invalid cluster shape: workers.pods: must be a whole number from 1 to 10000');
      }
      await lab.close();
    }
  });
});
