/**
 * Lesson packs in snapshots: `kubelab snapshot save --lessons DIR` carries a validated labs/-format
 * folder; opening the snapshot installs it in the new cluster's folder, where the lab lists its
 * lessons beside the built-in ones (its own win on an id clash). Bad packs are refused whole.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import type { LessonSummary } from '../../electron/host/lessons';
import type { PackFile } from '../../electron/host/lessonPacks';
import { labsDir } from '../../electron/host/paths';
import { decodeSnapshot, encodeSnapshot } from '../../electron/host/snapshots';
import type { ProgressView } from '../../core/lessons/types';
import { collect, tempDir } from '../helpers';
import { kubelabSource as kubelab } from './kubelabSource';

let lab: LabHost;
let dir: string;
let pack: string;
let file: string;

async function call(method: string, path: string, body?: unknown, type = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${lab.token}` };
  if (body !== undefined) headers['content-type'] = type;
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body);
  return fetch(`${lab.origin}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
}

/** A lesson folder copied from labs/ under another id (and title). */
function copyLesson(from: string, to: string, title: string): void {
  cpSync(join(labsDir(), from), join(pack, to), { recursive: true });
  const f = join(pack, to, 'lesson.json');
  const l = JSON.parse(readFileSync(f, 'utf8')) as { id: string; title: { en: string } };
  l.id = to;
  l.title.en = title;
  writeFileSync(f, JSON.stringify(l, null, 2));
}

/** The same snapshot with another lesson pack (checksum recomputed: only the pack's own checks can refuse it). */
function withPackFiles(bytes: Buffer, files: PackFile[]): Buffer {
  const s = decodeSnapshot(bytes);
  return encodeSnapshot(s.kubelab, { ...s.metadata, title: 'tampered' }, s.state, s.workspace, { pack: files });
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** The pack's copy of 04-labels, as the tests below count its steps and checks. */
function packLesson(): { steps: { id: string; checks: { id: string; weight?: number }[] }[] } {
  return JSON.parse(readFileSync(join(pack, '90-my-labels', 'lesson.json'), 'utf8')) as ReturnType<typeof packLesson>;
}

beforeAll(async () => {
  dir = tempDir();
  pack = join(dir, 'pack');
  mkdirSync(pack);
  copyLesson('04-labels', '90-my-labels', 'Labels, class edition');
  copyLesson('05-replicasets', '05-replicasets', 'ReplicaSets, class edition');
  // A step text that shows a picture: the picture goes into the pack, the stray script does not.
  mkdirSync(join(pack, '90-my-labels', 'images'));
  writeFileSync(join(pack, '90-my-labels', 'images', 'labels.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(pack, '90-my-labels', 'notes.sh'), 'rm -rf /\n');
  const md = join(pack, '90-my-labels', 'steps', '01-add-label.en.md');
  writeFileSync(md, `${readFileSync(md, 'utf8')}\n![Labels on a pod](../images/labels.png)\n`);
  file = join(dir, 'class.kubelab');
  const r = await collect(kubelab(['snapshot', 'save', file, '--from-lesson', '90-my-labels', '--lessons', pack, '--title', 'Week 3']));
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(`saved ${file} (lesson 90-my-labels, starting at step 1 of ${packLesson().steps.length}, with a lesson pack of 2 lesson(s))\n`);
  lab = await startLabHost({ dataDir: join(dir, 'data'), port: 0, workers: 1, seed: 4 });
}, 120_000);

afterAll(async () => {
  await lab?.close();
});

describe('lesson packs', () => {
  it('carries only lesson.json, step texts and the files they link to; inspect lists the lessons', async () => {
    const snap = decodeSnapshot(readFileSync(file));
    const paths = snap.pack.map((f) => f.path);
    expect(paths).toContain('90-my-labels/lesson.json');
    expect(paths).toContain('90-my-labels/steps/01-add-label.zh-CN.md');
    expect(paths).toContain('90-my-labels/images/labels.png');
    expect(paths).toContain('05-replicasets/lesson.json');
    expect(paths.filter((p) => p.endsWith('notes.sh'))).toEqual([]);
    const r = await collect(kubelab(['snapshot', 'inspect', file]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lesson:      90-my-labels step 1\n');
    expect(r.stdout).toContain('Lessons:     2 in its lesson pack\n');
    expect(r.stdout).toMatch(/\n {2}05-replicasets +5 step\(s\) {2}ReplicaSets, class edition\n/);
    expect(r.stdout).toMatch(new RegExp(`\\n {2}90-my-labels +${packLesson().steps.length} step\\(s\\) {2}Labels, class edition\\n`));
  }, 60_000);

  it('installs the pack in the new cluster: its lessons listed beside the built-in ones, its own winning a clash', async () => {
    const res = await call('POST', '/lab/v1/snapshots/open?use=true', readFileSync(file), 'application/gzip');
    expect(res.status).toBe(201);
    const { name } = (await res.json()) as { name: string };
    expect(name).toBe('week-3');
    const installed = join(dir, 'data', 'clusters', name, 'lessons');
    expect(readdirSync(installed).sort()).toEqual(['05-replicasets', '90-my-labels']);
    expect(existsSync(join(installed, '90-my-labels', 'images', 'labels.png'))).toBe(true);

    const items = ((await (await call('GET', '/lab/v1/lessons')).json()) as { items: LessonSummary[] }).items;
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get('90-my-labels')).toMatchObject({ source: 'cluster', title: { en: 'Labels, class edition' } });
    expect(byId.get('90-my-labels')?.replacesBuiltIn).toBeUndefined();
    expect(byId.get('05-replicasets')).toMatchObject({ source: 'cluster', replacesBuiltIn: true, title: { en: 'ReplicaSets, class edition' } });
    expect(byId.get('04-labels')).toMatchObject({ source: 'built-in' });
    expect(items.filter((i) => i.id === '05-replicasets')).toHaveLength(1);
    const one = (await (await call('GET', '/lab/v1/lessons/05-replicasets')).json()) as { title: { en: string } };
    expect(one.title.en).toBe('ReplicaSets, class edition');

    const view = (await (await call('GET', '/lab/v1/progress')).json()) as ProgressView;
    expect(view.lesson).toBe('90-my-labels');
    expect(view.step).toMatchObject({ index: 0, id: '01-add-label' });

    // A student's snapshot of this cluster carries the pack and the progress, and names the lesson.
    const saved = await call('POST', '/lab/v1/snapshots/save', { title: 'alice' });
    expect(saved.status).toBe(200);
    const studentFile = Buffer.from(await saved.arrayBuffer());
    const student = { ...decodeSnapshot(studentFile), raw: studentFile };
    expect(student.metadata).toMatchObject({ lesson: '90-my-labels', step: 1 });
    expect(student.progress?.lesson).toBe('90-my-labels');
    expect(student.pack.map((f) => f.path).sort()).toEqual(decodeSnapshot(readFileSync(file)).pack.map((f) => f.path).sort());
    await call('POST', '/lab/v1/clusters/default/use');
    // Graded against the lesson of its own pack (it is in no labs/ folder).
    const alice = join(dir, 'alice.kubelab');
    writeFileSync(alice, student.raw);
    const g = await collect(kubelab(['lab', 'grade', alice]));
    expect(g.stderr).toBe('');
    expect(g.stdout.startsWith(`${alice}: lesson 90-my-labels (alice)\nSTEP               CHECK`)).toBe(true);
    const lesson = packLesson();
    const last = lesson.steps.at(-1);
    const total = lesson.steps.flatMap((st) => st.checks).reduce((n, c) => n + (c.weight ?? 1), 0);
    expect(g.stdout).toMatch(new RegExp(`\\n${last?.id ?? ''} +${last?.checks.at(-1)?.id ?? ''} +fail +${last?.checks.at(-1)?.weight ?? 1}\\nscore: 0/${total} \\(0%\\)\\n$`));
  }, 60_000);

  it('refuses a pack path that escapes, a prototype key, a file no step links to, and a lesson that fails validation; nothing is installed', async () => {
    const good = readFileSync(file);
    const lesson = decodeSnapshot(good).pack.find((f) => f.path === '90-my-labels/lesson.json') as PackFile;
    const broken = JSON.parse(Buffer.from(lesson.data, 'base64').toString('utf8')) as { steps: { checks: { type: string }[] }[] };
    (broken.steps[0] as { checks: { type: string }[] }).checks[0] = { ...(broken.steps[0]?.checks[0] as { type: string }), type: 'telepathy' };
    const cases: [PackFile[], RegExp][] = [
      [[lesson, { path: '90-my-labels/../../escape/lesson.json', data: lesson.data }], /leads outside the workspace/],
      [[lesson, { path: '/etc/90-x/lesson.json', data: lesson.data }], /is not a relative path/],
      [[lesson, { path: '90-my-labels/__proto__/x.md', data: b64('x') }], /has a forbidden part/],
      [[{ path: '90-my-labels/lesson.json', data: b64('{"id":"90-my-labels","__proto__":{"polluted":true}}') }], /forbidden key "__proto__"/],
      [[lesson, { path: '90-my-labels/run.sh', data: b64('echo hi') }], /is neither a lesson\.json, a step text, nor a file a step text links to/],
      [[{ path: '90-my-labels/lesson.json', data: b64(JSON.stringify(broken)) }], /the snapshot's lesson pack is invalid: 90-my-labels: .*telepathy/],
    ];
    const before = readdirSync(join(dir, 'data', 'clusters')).sort();
    for (const [files, message] of cases) {
      const res = await call('POST', '/lab/v1/snapshots/open', withPackFiles(good, files), 'application/gzip');
      const body = (await res.json()) as { message: string };
      expect(res.status, body.message).toBe(400);
      expect(body.message).toMatch(message);
    }
    expect(readdirSync(join(dir, 'data', 'clusters')).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);

  it('will not save a pack that fails `kubelab lab validate`', async () => {
    const f = join(pack, '90-my-labels', 'lesson.json');
    const l = JSON.parse(readFileSync(f, 'utf8')) as { prerequisites: string[] };
    l.prerequisites = ['77-nowhere'];
    writeFileSync(f, JSON.stringify(l));
    const r = await collect(kubelab(['snapshot', 'save', join(dir, 'bad.kubelab'), '--from-lesson', '90-my-labels', '--lessons', pack]));
    expect(r.stderr).toMatch(/^kubelab snapshot: the lessons in .* do not pass "kubelab lab validate":\n {2}90-my-labels: prerequisite 77-nowhere is not a lesson here\n$/);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'bad.kubelab'))).toBe(false);
  }, 60_000);
});
