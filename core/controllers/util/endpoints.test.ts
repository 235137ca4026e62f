import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../../api/types';
import { TriggerTimeTracker, findPort, servicesToUpdateOnPodChange } from './endpoints';

function pod(rv: string, labels: Record<string, string>, ready = true, readyAt = '2026-03-01T09:00:10Z'): Pod {
  return { metadata: { name: 'p', namespace: 'default', resourceVersion: rv, labels }, spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] }, status: { podIPs: [{ ip: '10.0.0.1' }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: readyAt }] } };
}
const svc = (name: string, selector?: Record<string, string>): Service => ({ metadata: { name, namespace: 'default', creationTimestamp: '2026-03-01T09:00:00Z' }, spec: selector ? { selector } : {} });

describe('endpoint helpers', () => {
  it('finds a target port by number or by name and protocol', () => {
    const p = pod('1', {});
    expect(findPort(p, { port: 80, targetPort: 9000 })).toBe(9000);
    expect(findPort(p, { port: 80 })).toBe(80);
    expect(findPort(p, { port: 80, targetPort: 'http', protocol: 'TCP' })).toBe(8080);
    expect(findPort(p, { port: 80, targetPort: 'http', protocol: 'UDP' })).toBeUndefined();
  });

  it('syncs the services of the old and new labels when labels change', () => {
    const services = [svc('a', { app: 'a' }), svc('b', { app: 'b' }), svc('nosel')];
    expect([...servicesToUpdateOnPodChange(services, pod('1', { app: 'a' }), pod('2', { app: 'b' }))].sort()).toEqual(['default/a', 'default/b']);
    expect([...servicesToUpdateOnPodChange(services, pod('1', { app: 'a' }), pod('1', { app: 'b' }))]).toEqual([]);
    expect([...servicesToUpdateOnPodChange(services, pod('1', { app: 'a' }), pod('2', { app: 'a', x: 'y' }))]).toEqual([]);
    expect([...servicesToUpdateOnPodChange(services, pod('1', { app: 'a' }, false), pod('2', { app: 'a' }))]).toEqual(['default/a']);
  });

  it('tracks the trigger time: the service creation first, then changed Ready transitions', () => {
    const t = new TriggerTimeTracker();
    const s = svc('a', { app: 'a' });
    expect(t.compute(s, [pod('1', {})])).toBe('2026-03-01T09:00:00Z');
    expect(t.compute(s, [pod('1', {})])).toBeUndefined();
    expect(t.compute(s, [pod('2', {}, false, '2026-03-01T09:01:00Z')])).toBe('2026-03-01T09:01:00Z');
  });
});
