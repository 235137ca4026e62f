/**
 * `kubelab snapshot save --from-lesson`: the state a lesson step starts from, built without a lab
 * (the lesson replayed up to the step on a fresh cluster), saved with the lesson progress; opened
 * in a lab, the lesson goes on at that step with the objects of the steps before it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { decodeSnapshot } from '../../electron/host/snapshots';
import type { ProgressView } from '../../core/lessons/types';
import { collect, eventually, tempDir } from '../helpers';
import { kubelabSource as kubelab } from './kubelabSource';

let lab: LabHost;
let dir: string;
let file: string;

async function call(method: string, path: string, body?: unknown, type = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${lab.token}` };
  if (body !== undefined) headers['content-type'] = type;
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body);
  return fetch(`${lab.origin}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
}

beforeAll(async () => {
  dir = tempDir();
  file = join(dir, 'rs-step3.kubelab');
  // No lab runs on this data directory: the command needs none.
  const r = await collect(kubelab(['snapshot', 'save', file, '--from-lesson', '05-replicasets', '--step', '3', '--author', 'Teacher'], { KUBELAB_DATA: join(dir, 'unused') }));
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(`saved ${file} (lesson 05-replicasets, starting at step 3 of 5)\n`);
  expect(r.code).toBe(0);
  lab = await startLabHost({ dataDir: join(dir, 'data'), port: 0, workers: 1, seed: 4 });
}, 120_000);

afterAll(async () => {
  await lab?.close();
});

describe('a snapshot of a lesson step', () => {
  it('names the lesson and the step and carries the progress: steps 1 and 2 done, step 3 begun', () => {
    const snap = decodeSnapshot(readFileSync(file));
    expect(snap.metadata).toMatchObject({ title: '05-replicasets step 3', author: 'Teacher', lesson: '05-replicasets', step: 3, seed: 1, workers: 2 });
    expect(existsSync(join(dir, 'unused'))).toBe(false);
    const p = snap.progress;
    expect(p?.lesson).toBe('05-replicasets');
    expect(p?.step).toBe(2);
    expect(p?.steps['01-create']?.finishedAt).toBeDefined();
    expect(p?.steps['02-self-healing']?.finishedAt).toBeDefined();
    expect(p?.steps['03-scale']?.finishedAt).toBeUndefined();
    expect(snap.workspace.map((f) => f.path)).toEqual(['frontend-rs.yaml']);
  });

  it('opens as a new cluster whose lab says "step 3" and holds the objects of steps 1 and 2', async () => {
    const res = await call('POST', '/lab/v1/snapshots/open?use=true', readFileSync(file), 'application/gzip');
    expect(res.status).toBe(201);
    const { name } = (await res.json()) as { name: string };
    expect(name).toBe('05-replicasets-step-3');
    expect(lab.active.name).toBe(name);

    const view = (await (await call('GET', '/lab/v1/progress')).json()) as ProgressView;
    expect(view.lesson).toBe('05-replicasets');
    expect(view.step).toMatchObject({ index: 2, id: '03-scale', count: 5 });
    expect(view.stepComplete).toBe(false);
    expect(view.checks.map((c) => [c.id, c.passed])).toEqual([
      ['spec', false],
      ['five-running', false],
    ]);

    // Step 1 made the ReplicaSet with three pods; step 2 deleted them and the ReplicaSet made new ones.
    const rs = (await (await call('GET', '/apis/apps/v1/namespaces/default/replicasets/frontend')).json()) as { spec: { replicas: number }; status: { readyReplicas?: number } };
    expect(rs.spec.replicas).toBe(3);
    // Its three pods (the replacements step 2 made, still starting when the step began) run on in the new cluster.
    await eventually(async () => {
      const pods = (await (await call('GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dfrontend')).json()) as { items: { status: { phase: string } }[] };
      return pods.items.length === 3 && pods.items.every((p) => p.status.phase === 'Running') ? true : undefined;
    }, 30_000);
    const events = (await (await call('GET', '/api/v1/namespaces/default/events')).json()) as { items: { reason: string }[] };
    expect(events.items.filter((e) => e.reason === 'SuccessfulCreate').length).toBeGreaterThanOrEqual(6);
    expect(existsSync(join(dir, 'data', 'clusters', name, 'workspace', 'frontend-rs.yaml'))).toBe(true);

    // The lesson goes on: step 3's solution ticks step 3's checks.
    const scaled = await call('PATCH', '/apis/apps/v1/namespaces/default/replicasets/frontend', { spec: { replicas: 5 } }, 'application/merge-patch+json');
    expect(scaled.status).toBe(200);
    const done = await eventually(async () => {
      const v = (await (await call('GET', '/lab/v1/progress')).json()) as ProgressView;
      return v.stepComplete ? v : undefined;
    }, 30_000);
    expect(done.checks.every((c) => c.passed)).toBe(true);
  }, 60_000);

  it('refuses a step the lesson does not have, and --solved with --step', async () => {
    const r = await collect(kubelab(['snapshot', 'save', join(dir, 'x.kubelab'), '--from-lesson', '05-replicasets', '--step', '9']));
    expect(r.stderr).toBe('kubelab snapshot: lesson 05-replicasets has steps 1 to 5, not 9\n');
    expect(r.code).toBe(1);
    const u = await collect(kubelab(['snapshot', 'save', join(dir, 'x.kubelab'), '--from-lesson', '05-replicasets', '--step', '2', '--solved']));
    expect(u.stderr).toMatch(/^kubelab snapshot: --solved and --step exclude each other/);
    expect(u.code).toBe(2);
    const n = await collect(kubelab(['snapshot', 'save', join(dir, 'x.kubelab'), '--from-lesson', '99-nothing']));
    expect(n.stderr).toMatch(/^kubelab snapshot: no lesson "99-nothing" in .*labs\n$/);
    expect(existsSync(join(dir, 'x.kubelab'))).toBe(false);
  }, 60_000);
});
