/**
 * The lab host's HTTP edge against requests kubectl never sends: bad escapes in the path, request
 * targets that look like URLs, methods node:http cannot parse, CONNECT, watch timeouts a timer
 * cannot hold — each answered (with a Status) rather than crashing, hanging up or answering 500
 * — and the health endpoints behind the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { decodePath } from '../../electron/host/apiAdapter';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { tempDir } from '../helpers';

let lab: LabHost;
let auth: Record<string, string>;

beforeAll(async () => {
  lab = await startLabHost({ dataDir: tempDir('kubelab-requests-'), port: 0, workers: 1, seed: 5 });
  auth = { authorization: `Bearer ${lab.token}` };
});
afterAll(async () => {
  await lab?.close();
});

/** Sends raw bytes on a new connection; answers everything the server writes before it closes. */
function rawRequest(text: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(lab.port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d: Buffer) => (out += d.toString('utf8')));
    socket.on('close', () => done(out));
    socket.on('error', fail);
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(text.split('\r\n')[0])}; got ${JSON.stringify(out)}`)));
  });
}

function statusOf(answer: string): { code: number; body: Record<string, unknown> } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { code: Number(head.split(' ')[1]), body: JSON.parse(body) as Record<string, unknown> };
}

describe('the HTTP edge of the lab host', () => {
  it('answers a malformed escape in the path with 400, and escapes that are no UTF-8 as a path that names nothing', async () => {
    expect(decodePath('/api/v1/namespaces/%E0%A4%A/pods')).toBeUndefined();
    expect(decodePath('/a%2Fb/%C3%A9')).toBe('/a/b/é');
    expect(decodePath('/openapi/v3/%ff')).toBe('/openapi/v3/\ufffd');
    const bad = await fetch(`${lab.origin}/api/v1/namespaces/%E0%A4%A/pods`, { headers: auth });
    expect([bad.status, ((await bad.json()) as { kind: string; reason: string }).reason]).toEqual([400, 'BadRequest']);
    for (const path of ['/openapi/v3/%ff', '/lab/v1/scheduler/explain/%E0%A4%A']) {
      const r = await fetch(`${lab.origin}${path}`, { headers: auth });
      expect([r.status >= 400 && r.status < 500, ((await r.json()) as { kind: string }).kind], path).toEqual([true, 'Status']);
    }
    // A namespace of U+FFFD exists no more than any other: its pods are an empty list, as in kube.
    const list = await fetch(`${lab.origin}/api/v1/namespaces/%C0%AF/pods`, { headers: auth });
    expect([list.status, ((await list.json()) as { items: unknown[] }).items]).toEqual([200, []]);
  });

  it('reads a request target as a path, even one that starts with //', async () => {
    const answer = await rawRequest(`GET ///api//v1//namespaces HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${lab.token}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer).code).toBe(404);
    const slash = await rawRequest('GET // HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(statusOf(slash).code).toBe(404);
  });

  it('answers a method node:http cannot parse with a 400 Status instead of hanging up', async () => {
    const answer = await rawRequest('FOO /api/v1/namespaces HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 400 Bad Request\r\n')).toBe(true);
    expect(statusOf(answer).body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
  });

  it('answers CONNECT with a 405 Status', async () => {
    const answer = await rawRequest('CONNECT /api/v1/namespaces/default/pods HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 405 Method Not Allowed\r\n')).toBe(true);
    expect(statusOf(answer).body).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed', code: 405 });
  });

  it('ends a watch with a negative timeout at once, and holds one beyond what a timer can without a warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      // The stream ends (text() resolves) without waiting for anything.
      const ended = await fetch(`${lab.origin}/api/v1/namespaces?watch=1&timeoutSeconds=-1`, { headers: auth });
      expect(ended.status).toBe(200);
      expect(typeof (await ended.text())).toBe('string');
      const controller = new AbortController();
      const long = await fetch(`${lab.origin}/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=99999999999`, { headers: auth, signal: controller.signal });
      expect(long.status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
      controller.abort();
      const bad = await fetch(`${lab.origin}/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1e99`, { headers: auth });
      expect([bad.status, ((await bad.json()) as { message: string }).message]).toEqual([400, 'strconv.ParseInt: parsing "1e99": invalid syntax']);
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('serves /healthz, /livez and /readyz behind the token', async () => {
    expect((await fetch(`${lab.origin}/healthz`)).status).toBe(401);
    for (const path of ['/healthz', '/livez', '/readyz']) {
      const r = await fetch(`${lab.origin}${path}`, { headers: auth });
      expect([r.status, await r.text(), r.headers.get('content-type')]).toEqual([200, 'ok', 'text/plain; charset=utf-8']);
    }
    const verbose = await (await fetch(`${lab.origin}/healthz?verbose`, { headers: auth })).text();
    expect(verbose.startsWith('[+]ping ok\n[+]log ok\n[+]etcd ok\n')).toBe(true);
    expect(verbose.endsWith('healthz check passed\n')).toBe(true);
  });
});
