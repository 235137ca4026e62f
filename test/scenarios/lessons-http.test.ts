/**
 * The lesson engine's `httpFrom` check on a running cluster: it ticks once a curl from a pod
 * through the simulated network would succeed — kube-proxy applies a new Service a moment after
 * the watch event, so the engine polls for a while after each change, then stops sending
 * requests while nothing changes — and `logContains` reads the pods/log bytes.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../core/api/types';
import type { HttpNetwork } from '../../core/lessons/httpCheck';
import { LessonEngine, POLL_WINDOW_MS } from '../../core/lessons/engine';
import type { Lesson } from '../../core/lessons/types';
import { ref, scenario, type Scenario } from './harness';

const MSG = { en: 'm', 'zh-CN': 'm' };

const LESSON: Lesson = {
  id: '99-http',
  title: MSG,
  summary: MSG,
  notes: ['002 §1.8'],
  minutes: 1,
  steps: [
    {
      id: '01-service',
      title: MSG,
      checks: [
        { id: 'web', type: 'httpFrom', pod: 'client', url: 'http://web', bodyMatches: '^hello from web-', message: MSG },
        { id: 'spread', type: 'httpFrom', pod: 'client', url: 'http://web.default.svc.cluster.local', requests: 2, backends: 2, message: MSG },
        { id: 'log', type: 'logContains', pod: 'client', text: 'client up', message: MSG },
      ],
      solution: [{ command: 'kubectl expose deployment web --port=80' }],
    },
  ],
};

async function webAndClient(s: Scenario): Promise<void> {
  await s.client.create({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', command: ['sh', '-c', 'echo "hello from $(hostname)" > /usr/share/nginx/html/index.html && exec nginx -g "daemon off;"'] }] },
      },
    },
  } as never);
  await s.client.create(ref('pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client' }, spec: { containers: [{ name: 'curl', image: 'curlimages/curl:8.11.1', command: ['sh', '-c', 'echo client up; sleep 86400'] }] } } as Pod);
}

describe('lesson engine: httpFrom', () => {
  it('ticks when a request from the pod through the Service would succeed, polling while kube-proxy catches up, and stops sending requests once nothing changes', async () => {
    const s = await scenario();
    let calls = 0;
    const network: HttpNetwork = {
      httpFrom: (from, url, opts) => {
        calls++;
        return s.cluster.networking.network.httpFrom(from, url, opts);
      },
    };
    const e = new LessonEngine({ client: s.client, clock: s.clock, lessons: [LESSON], network, effects: {} });
    await e.start('99-http');
    await webAndClient(s);
    await s.advance(20_000);
    await e.idle();
    let view = e.view();
    // The pods run and the client logged its line, but there is no Service yet: curl cannot resolve web.
    expect(view.checks.map((c) => [c.id, c.passed])).toEqual([['web', false], ['spread', false], ['log', true]]);
    expect(s.cluster.networking.network.httpFrom('default/client', 'http://web')).toMatchObject({ ok: false, error: 'dns' });

    // Nothing changes for longer than the poll window: the engine stops sending requests.
    await s.advance(POLL_WINDOW_MS + 5_000);
    await e.idle();
    const quiet = calls;
    await s.advance(30_000);
    await e.idle();
    expect(calls).toBe(quiet);

    await s.client.create(ref('services', 'default'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as never);
    await s.advance(5_000);
    await e.idle();
    view = e.view();
    expect(view.checks.every((c) => c.passed)).toBe(true);
    expect(view.stepComplete).toBe(true);
    e.stop();
    s.stop();
  });
});
