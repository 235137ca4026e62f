import { describe, expect, it } from 'vitest';
import { encodeQuery, klogHeader, loggingTransport, logServerResponse, logStart, typedClient, verbosity, type VerboseLog } from './verbose';

describe('kubectl -v', () => {
  it('reads the level as pflag does (-v=6, --v=6, -v 6, -v6), not after --', () => {
    expect(verbosity(['get', 'pods', '-v=6'])).toBe(6);
    expect(verbosity(['--v=7', 'get'])).toBe(7);
    expect(verbosity(['get', '-v', '6'])).toBe(6);
    expect(verbosity(['get', '-v6'])).toBe(6);
    expect(verbosity(['exec', 'p', '--', 'ls', '-v=6'])).toBe(0);
    expect(verbosity(['get', 'pods'])).toBe(0);
  });

  it("prints klog's header, the kubeconfig, and each request as round_trippers.go does at level 6", async () => {
    let err = '';
    let t = Date.UTC(2026, 10, 22, 11, 6, 50, 240) + 0.935;
    const log: VerboseLog = { level: 6, server: 'https://127.0.0.1:6443', kubeconfig: '/lab/kubeconfig', now: () => (t += 2), pid: 23774, err: (x) => (err += x) };
    expect(klogHeader(Date.UTC(2026, 0, 2, 3, 4, 5, 6), 42, 'x.go:1')).toMatch(/^I0102 \d\d:04:05\.006000 {6}42 x\.go:1\] $/);
    logStart(log);
    const transport = loggingTransport(async () => ({ status: 404, body: { kind: 'Status', code: 404, status: 'Failure', apiVersion: 'v1', metadata: {}, reason: 'NotFound', message: 'pods "x" not found', details: { kind: 'pods', name: 'x' } } }), log);
    await transport('GET', '/api/v1/nodes', { limit: '500', labelSelector: 'a=b c' }, 'application/json');
    const lines = err.split('\n');
    expect(lines[0]).toMatch(/^I1122 \d\d:06:50\.\d{6} {3}23774 loader\.go:402\] Config loaded from file: {2}\/lab\/kubeconfig$/);
    expect(lines[1]).toMatch(/^I1122 \d\d:06:50\.\d{6} {3}23774 round_trippers\.go:560\] GET https:\/\/127\.0\.0\.1:6443\/api\/v1\/nodes\?labelSelector=a%3Db\+c&limit=500 404 Not Found in 2 milliseconds$/);
    err = '';
    logServerResponse(log, { kind: 'Status', code: 404, status: 'Failure', apiVersion: 'v1', metadata: {}, reason: 'NotFound', message: 'm', details: { kind: 'pods', name: 'x' } }, true);
    expect(err.replace(/^I.*?\] /, '')).toBe('server response object: %s[{\n  "metadata": {},\n  "status": "Failure",\n  "message": "m",\n  "reason": "NotFound",\n  "details": {\n    "name": "x",\n    "kind": "pods"\n  },\n  "code": 404\n}]\n');
  });

  it('logs nothing below level 6 and encodes queries as url.Values does', async () => {
    let err = '';
    const log: VerboseLog = { level: 5, server: 's', now: () => 0, pid: 1, err: (x) => (err += x) };
    logStart(log);
    await loggingTransport(async () => ({ status: 200, body: {} }), log)('GET', '/api', {}, '*/*');
    expect(err).toBe('');
    expect(encodeQuery({ b: "it's (x)*", a: '~ok_-.' })).toBe('a=~ok_-.&b=it%27s+%28x%29%2A');
    expect(typedClient(['get', 'pods', 'x'])).toBe(false);
    expect(typedClient(['get', '--raw', '/api'])).toBe(true);
    expect(typedClient(['exec', 'p', '--', 'ls'])).toBe(true);
  });
});
