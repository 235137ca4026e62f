/**
 * The lesson player's moves through the lab API on a real host: next, previous (the step's
 * progress kept), next again (a visited step resumes) and reset-step (the step starts afresh).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressView } from '../../core/lessons/types';
import { startLabHost, type LabHost } from './labHost';

let lab: LabHost;

beforeAll(async () => {
  lab = await startLabHost({ dataDir: mkdtempSync(join(tmpdir(), 'kubelab-lessons-api-')), port: 0, workers: 2, seed: 1 });
});
afterAll(async () => {
  await lab?.close();
});

async function post(path: string, body?: unknown): Promise<{ status: number; view: ProgressView }> {
  const res = await fetch(`${lab.origin}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${lab.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return { status: res.status, view: (await res.json()) as ProgressView };
}

describe('lab API: moving through a lesson', () => {
  it('goes back with the progress kept, forward to the visited step, and resets a step', async () => {
    expect((await post('/lab/v1/progress/previous')).status).toBe(409);
    let r = await post('/lab/v1/lessons/01-architecture/start');
    expect(r.view.step?.index).toBe(0);
    expect((await post('/lab/v1/progress/previous')).status).toBe(409);

    r = await post('/lab/v1/commands', { line: 'kubectl get nodes' });
    expect(r.view.stepComplete).toBe(true);
    r = await post('/lab/v1/progress/next');
    expect([r.view.step?.index, r.view.stepComplete]).toEqual([1, false]);
    r = await post('/lab/v1/commands', { line: 'kubectl get pods -n kube-system' });
    expect(r.view.stepComplete).toBe(true);

    r = await post('/lab/v1/progress/previous');
    expect([r.view.step?.id, r.view.stepComplete]).toEqual(['01-nodes', true]);
    r = await post('/lab/v1/progress/next');
    expect([r.view.step?.id, r.view.stepComplete, r.view.checks.map((c) => c.passed)]).toEqual(['02-control-plane', true, [true]]);

    r = await post('/lab/v1/progress/reset-step');
    expect(r.status).toBe(200);
    expect([r.view.step?.id, r.view.stepComplete, r.view.checks.map((c) => c.passed), r.view.hints]).toEqual(['02-control-plane', false, [false], []]);
    r = await post('/lab/v1/progress/check');
    expect(r.view.stepComplete).toBe(false);

    r = await post('/lab/v1/progress/previous');
    r = await post('/lab/v1/progress/reset-step');
    expect([r.view.step?.id, r.view.stepComplete]).toEqual(['01-nodes', false]);
    expect((await post('/lab/v1/progress/sideways')).status).toBe(404);
  });
});
