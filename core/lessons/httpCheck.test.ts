import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { HttpOptions, HttpOutcome } from '../network/tools';
import { evaluateHttpCheck, httpCheckProblems, type HttpNetwork } from './httpCheck';
import { checkProblems } from './validate';
import type { Check } from './types';

type HttpCheck = Extract<Check, { type: 'httpFrom' }>;
const MSG = { en: 'm', 'zh-CN': 'm' };

function pod(name: string, phase: string, ip?: string, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, status: { phase, ...(ip ? { podIP: ip } : {}) } };
}

/** A network whose answers come from `answer`, recording every request. */
function fakeNetwork(answer: (from: string, url: string, n: number) => HttpOutcome): HttpNetwork & { calls: { from: string; url: string; opts: HttpOptions | undefined }[] } {
  const calls: { from: string; url: string; opts: HttpOptions | undefined }[] = [];
  return {
    calls,
    httpFrom(from, url, opts) {
      calls.push({ from, url, opts });
      return answer(from, url, calls.length - 1);
    },
  };
}

const ok = (status: number, body: string, pod?: string): HttpOutcome => ({ ok: true, response: { status, headers: {}, body }, ip: '10.96.0.10', port: 80, ...(pod ? { pod } : {}), steps: [] });
const failed = (error: 'dns' | 'refused' | 'timeout' | 'no-route'): HttpOutcome => ({ ok: false, error, message: 'curl: failed', exitCode: 7, elapsedMs: 0, steps: [] });
const check = (c: Partial<HttpCheck>): HttpCheck => ({ id: 'c', message: MSG, type: 'httpFrom', url: 'http://web', ...c }) as HttpCheck;

describe('httpFrom check', () => {
  it('sends from the first running pod the selector picks, and waits (fails) while none runs', () => {
    const net = fakeNetwork(() => ok(200, 'hello'));
    const c = check({ selector: 'app=client' });
    expect(evaluateHttpCheck(net, c, [pod('b', 'Pending')])).toBe(false);
    expect(net.calls).toEqual([]);
    expect(evaluateHttpCheck(net, c, [pod('c', 'Running', '10.244.1.9'), pod('b', 'Running', '10.244.1.8'), pod('a', 'Pending')])).toBe(true);
    expect(net.calls.map((x) => x.from)).toEqual(['default/b']);
  });

  it('sends to the pod itself for localhost (its containers share one network namespace), with the Host header curl sends', () => {
    const net = fakeNetwork(() => ok(200, 'hi'));
    expect(evaluateHttpCheck(net, check({ pod: 'duo', url: 'http://localhost:8080/x' }), [pod('duo', 'Running', '10.244.2.4')])).toBe(true);
    expect(net.calls[0]).toEqual({ from: 'default/duo', url: 'http://10.244.2.4:8080/x', opts: { headers: { host: 'localhost:8080' } } });
  });

  it('sends from a node when asked to', () => {
    const net = fakeNetwork(() => ok(200, 'hi'));
    expect(evaluateHttpCheck(net, check({ node: 'kubelab-worker', url: 'http://172.18.0.4:30080' }), [])).toBe(true);
    expect(net.calls[0]?.from).toBe('node:kubelab-worker');
  });

  it('wants an answer below 400 by default, or the status and body asked for', () => {
    const p = [pod('client', 'Running', '10.244.1.2')];
    expect(evaluateHttpCheck(fakeNetwork(() => ok(404, 'nope')), check({ pod: 'client' }), p)).toBe(false);
    expect(evaluateHttpCheck(fakeNetwork(() => ok(404, 'nope')), check({ pod: 'client', status: 404 }), p)).toBe(true);
    expect(evaluateHttpCheck(fakeNetwork(() => ok(200, 'hello from web-1')), check({ pod: 'client', bodyMatches: '^hello from web-' }), p)).toBe(true);
    expect(evaluateHttpCheck(fakeNetwork(() => ok(200, 'Welcome to nginx!')), check({ pod: 'client', bodyMatches: '^hello' }), p)).toBe(false);
    expect(evaluateHttpCheck(fakeNetwork(() => failed('refused')), check({ pod: 'client' }), p)).toBe(false);
  });

  it('counts the pods that answered: round robin spreads, ClientIP affinity pins', () => {
    const p = [pod('client', 'Running', '10.244.1.2')];
    const spread = fakeNetwork((_f, _u, n) => ok(200, 'x', `default/web-${n % 3}`));
    expect(evaluateHttpCheck(spread, check({ pod: 'client', requests: 6, backends: 3 }), p)).toBe(true);
    expect(spread.calls).toHaveLength(6);
    expect(evaluateHttpCheck(spread, check({ pod: 'client', requests: 6, backends: 1 }), p)).toBe(false);
    const pinned = fakeNetwork(() => ok(200, 'x', 'default/web-2'));
    expect(evaluateHttpCheck(pinned, check({ pod: 'client', requests: 6, backends: 1 }), p)).toBe(true);
  });

  it('expects failure when asked, for any reason or the one named', () => {
    const p = [pod('client', 'Running', '10.244.1.2')];
    expect(evaluateHttpCheck(fakeNetwork(() => failed('dns')), check({ pod: 'client', fails: true }), p)).toBe(true);
    expect(evaluateHttpCheck(fakeNetwork(() => failed('dns')), check({ pod: 'client', fails: 'dns' }), p)).toBe(true);
    expect(evaluateHttpCheck(fakeNetwork(() => failed('timeout')), check({ pod: 'client', fails: 'refused' }), p)).toBe(false);
    expect(evaluateHttpCheck(fakeNetwork(() => failed('no-route')), check({ pod: 'client', fails: 'unreachable' }), p)).toBe(true);
    // An HTTP error is an answer, not a failed request (curl without -f exits 0).
    expect(evaluateHttpCheck(fakeNetwork(() => ok(503, 'down')), check({ pod: 'client', fails: true }), p)).toBe(false);
  });

  it('says so when the host gave the engine no network', () => {
    expect(() => evaluateHttpCheck(undefined, check({ pod: 'client' }), [])).toThrow(/no network was given to the lesson engine/);
  });

  it('validates its fields', () => {
    expect(checkProblems(check({ pod: 'client', url: 'http://web.prod.svc.cluster.local:80/', requests: 6, backends: 3 }), 'c')).toEqual([]);
    expect(httpCheckProblems({ url: 'http://web' }, 'c')).toEqual(['c: needs exactly one source: pod, selector or node']);
    expect(httpCheckProblems({ pod: 'a', node: 'n', url: 'http://web' }, 'c')).toEqual(['c: needs exactly one source: pod, selector or node']);
    expect(httpCheckProblems({ pod: 'a', url: 'https://web' }, 'c')).toEqual(['c: url must be http:// (the simulated servers speak plain HTTP)']);
    expect(httpCheckProblems({ pod: 'a', url: 'http://web', fails: 'nope' }, 'c')).toEqual(['c: fails must be true or one of dns, refused, timeout, empty, unreachable']);
    expect(httpCheckProblems({ pod: 'a', url: 'http://web', fails: true, status: 200 }, 'c')).toEqual(['c: fails excludes status, bodyMatches and backends (a failed request has no answer)']);
    expect(httpCheckProblems({ pod: 'a', url: 'http://web', requests: 2, backends: 3 }, 'c')).toEqual(['c: backends must be a whole number from 1 to requests']);
    expect(httpCheckProblems({ pod: 'a', url: 'http://web', requests: 50 }, 'c')).toEqual(['c: requests must be a whole number from 1 to 20']);
    expect(checkProblems(check({ selector: 'app in (', bodyMatches: '(' }), 'c').join('\n')).toMatch(/c: selector: .*\n.*c\.bodyMatches: /);
  });
});
