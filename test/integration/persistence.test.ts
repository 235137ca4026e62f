/** The lab's state survives a restart; damaged state is moved aside, never silently replaced. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { DataDirLockedError } from '../../electron/host/persistence/lock';
import { tempDir } from '../helpers';

async function api(lab: LabHost, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { authorization: `Bearer ${lab.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${lab.origin}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { k: name } });

describe('persistence', () => {
  it('keeps every object, the revision, the clock and the seed across a restart', async () => {
    const dir = tempDir();
    let lab = await startLabHost({ dataDir: dir, port: 0, workers: 1, seed: 9 });
    for (let i = 0; i < 20; i++) expect((await api(lab, 'POST', '/api/v1/namespaces/default/configmaps', cm(`c${i}`))).status).toBe(201);
    await api(lab, 'DELETE', '/api/v1/namespaces/default/configmaps/c3');
    const before = lab.cluster.store.exportState();
    const clockBefore = lab.cluster.options.clock.now();
    await lab.close();
    expect(existsSync(join(dir, 'clusters', 'default', 'state.json'))).toBe(true);
    // A different --nodes/--seed does not reshape an existing cluster.
    lab = await startLabHost({ dataDir: dir, port: 0, workers: 3, seed: 1 });
    expect(lab.warnings).toEqual([]);
    expect(lab.cluster.options.seed).toBe(9);
    expect(lab.cluster.kubelets).toHaveLength(2);
    const list = await api(lab, 'GET', '/api/v1/namespaces/default/configmaps');
    const names = (list.body.items as { metadata: { name: string } }[]).map((i) => i.metadata.name);
    expect(names).toContain('c19');
    expect(names).not.toContain('c3');
    expect(Number((list.body.metadata as { resourceVersion: string }).resourceVersion)).toBeGreaterThanOrEqual(before.revision);
    expect(lab.cluster.options.clock.now()).toBeGreaterThanOrEqual(clockBefore);
    const c5 = before.entries.find(([k]) => k.endsWith('/configmaps/default/c5'));
    expect(lab.cluster.store.exportState().entries.find(([k]) => k === c5?.[0])).toEqual(c5);
    await lab.close();
  });

  it('refuses a second lab on the same data directory', async () => {
    const dir = tempDir();
    const lab = await startLabHost({ dataDir: dir, port: 0, workers: 0 });
    await expect(startLabHost({ dataDir: dir, port: 0, workers: 0 })).rejects.toBeInstanceOf(DataDirLockedError);
    await lab.close();
    const again = await startLabHost({ dataDir: dir, port: 0, workers: 0 });
    await again.close();
  });

  it('moves a corrupt state file aside, says so, and rebuilds from the journal', async () => {
    const dir = tempDir();
    let lab = await startLabHost({ dataDir: dir, port: 0, workers: 0 });
    await lab.close();
    const clusterDir = join(dir, 'clusters', 'default');
    writeFileSync(join(clusterDir, 'state.json'), '{"schemaVersion": 1, "cluster": {');
    lab = await startLabHost({ dataDir: dir, port: 0, workers: 0 });
    expect(lab.warnings).toHaveLength(1);
    expect(lab.warnings[0]).toMatch(/^The saved state .*state\.json could not be read \(.*\); it was moved to .*state\.json\.damaged-.* and KubeLab rebuilt what it could from the journal\.$/);
    const aside = readdirSync(clusterDir).find((f) => f.startsWith('state.json.damaged-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(clusterDir, aside as string), 'utf8')).toBe('{"schemaVersion": 1, "cluster": {');
    // The cluster is usable: nodes and namespaces are there again.
    expect((await api(lab, 'GET', '/api/v1/namespaces/kube-system')).status).toBe(200);
    await lab.close();
  });

  it('refuses a state written by a newer KubeLab, naming the versions, and changes nothing', async () => {
    const dir = tempDir();
    const doc = JSON.stringify({ schemaVersion: 99, kubelab: '9.0.0', cluster: {}, store: {} });
    // A data directory of the first layout (the state at its top) is moved into clusters/default first.
    writeFileSync(join(dir, 'state.json'), doc);
    await expect(startLabHost({ dataDir: dir, port: 0, workers: 0 })).rejects.toThrow('the state was written by a newer KubeLab (schema version 99, 9.0.0); this KubeLab reads up to version 1');
    expect(readFileSync(join(dir, 'clusters', 'default', 'state.json'), 'utf8')).toBe(doc);
    expect(existsSync(join(dir, 'kubelab.lock'))).toBe(false);
  });
});
