/**
 * The lesson engine on a running cluster, as the lesson panel sees it: checks tick from watch
 * events alone, a mistake reveals its hint, hints come in order, the progress survives an
 * export/import, and a challenge's time runs on the cluster clock.
 */
import { describe, expect, it } from 'vitest';
import { LessonEngine, LessonError } from '../../core/lessons/engine';
import { loadLessons, parseYamlStream } from '../../electron/host/lessons';
import { labsDir } from '../../electron/host/paths';
import { scenario, type Scenario } from './harness';

const { lessons } = loadLessons(labsDir());

function engineFor(s: Scenario, files = new Map<string, string>()): LessonEngine {
  return new LessonEngine({ client: s.client, clock: s.clock, lessons, effects: { writeFile: (p, c) => void files.set(p, c) }, parseYaml: parseYamlStream });
}

async function settled(s: Scenario, e: LessonEngine, ms = 1000) {
  await s.advance(ms);
  await e.idle();
  return e.view();
}

describe('lesson engine', () => {
  it('ticks checks from watch events, reveals a triggered hint on a mistake, and keeps its progress through export/import', async () => {
    const s = await scenario();
    const e = engineFor(s);
    let view = await e.start('04-labels');
    expect(view.step).toMatchObject({ index: 0, id: '01-add-label', count: lessons.find((l) => l.id === '04-labels')?.steps.length });
    expect(view.checks.map((c) => [c.id, c.passed])).toEqual([['tier-label', false], ['show-labels', false]]);
    expect(view.hintsLeft).toBe(1);

    // The mistake: the label goes on web-2. Its hint shows by itself.
    await s.client.patch({ resource: 'pods', namespace: 'default', name: 'web-2' }, { metadata: { labels: { tier: 'frontend' } } }, 'application/merge-patch+json');
    view = await settled(s, e);
    expect(view.hints).toEqual([{ text: expect.objectContaining({ en: expect.stringContaining('The label went on web-2') }), triggered: true }]);
    expect(view.checks[0]?.passed).toBe(false);

    // The right label: the check ticks without anyone asking (a watch event).
    await s.client.patch({ resource: 'pods', namespace: 'default', name: 'web-1' }, { metadata: { labels: { tier: 'frontend' } } }, 'application/merge-patch+json');
    view = await settled(s, e);
    expect(view.checks.map((c) => [c.id, c.passed])).toEqual([['tier-label', true], ['show-labels', false]]);
    expect(view.stepComplete).toBe(false);

    e.recordCommand('kubectl get pods --show-labels');
    await e.idle();
    view = e.view();
    expect(view.stepComplete).toBe(true);

    view = e.hint();
    expect(view.hints.map((h) => h.triggered)).toEqual([false, true]);
    expect(() => e.hint()).toThrow(LessonError);

    // Export, then a new engine (a restarted host) picks up where it was.
    const saved = e.exportProgress();
    e.stop();
    const again = engineFor(s);
    await again.importProgress(JSON.parse(JSON.stringify(saved)));
    expect(again.view()).toEqual(view);
    view = await again.next();
    expect(view.step?.id).toBe('02-selectors');
    expect(view.checks.every((c) => !c.passed)).toBe(true);
    // A command typed in the previous step does not count for this one.
    again.recordCommand('kubectl get pods -l env=prod');
    await again.idle();
    expect(again.view().checks.map((c) => c.passed)).toEqual([true, false]);
    again.stop();
    s.stop();
  });

  it('scores a challenge on the cluster clock: checks stop ticking once the time is up', async () => {
    const s = await scenario();
    const workspace = new Map<string, string>();
    const e = engineFor(s, workspace);
    await e.start('05-replicasets');
    // The lesson's setup wrote frontend-rs.yaml into the workspace; the student applies it.
    const rs = parseYamlStream(workspace.get('frontend-rs.yaml') ?? '')[0];
    await s.client.create({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default' }, rs as never);
    for (let i = 0; i < 4; i++) await e.next();
    let view = await settled(s, e, 5000);
    expect(view.step?.id).toBe('05-challenge');
    expect(view.challenge).toMatchObject({ expired: false, score: 0, total: 3, percent: 0 });
    expect(view.challenge?.remainingMs).toBeLessThanOrEqual(120_000);

    // The time runs out before the student acts: a late fix earns nothing.
    await s.advance(125_000, 1000);
    await e.idle();
    expect(e.view().challenge).toMatchObject({ expired: true, remainingMs: 0, score: 0 });
    await s.client.patch({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default', name: 'frontend' }, { spec: { replicas: 2 } }, 'application/merge-patch+json');
    view = await settled(s, e, 10_000);
    expect(view.checks.map((c) => c.passed)).toEqual([false, false]);
    expect(view.stepComplete).toBe(false);
    expect(view.challenge).toMatchObject({ expired: true, score: 0, total: 3, percent: 0 });
    // Restarted, the same fix in time earns every point and stops the timer.
    await s.client.patch({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default', name: 'frontend' }, { spec: { replicas: 5 } }, 'application/merge-patch+json');
    await s.advance(60_000, 1000);
    await e.start('05-replicasets');
    for (let i = 0; i < 4; i++) await e.next();
    expect((await settled(s, e)).checks.map((c) => c.passed)).toEqual([false, false]);
    await s.client.patch({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default', name: 'frontend' }, { spec: { replicas: 2 } }, 'application/merge-patch+json');
    view = await settled(s, e, 10_000);
    expect(view.stepComplete).toBe(true);
    expect(view.challenge).toMatchObject({ expired: false, score: 3, total: 3, percent: 100 });
    expect(view.challenge?.remainingMs).toBeGreaterThan(90_000);
    e.stop();
    s.stop();
  });
});
