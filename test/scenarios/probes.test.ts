/**
 * Probes as a student meets them: a liveness probe that fails restarts the container (with the
 * kubelet's Unhealthy and Killing events), a readiness probe keeps a running pod out of Ready
 * until it passes, httpGet against nginx (200 on /, 404 elsewhere), tcpSocket, startup probes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { scenario, type Scenario } from './harness';
import { createPod, getPod, logs, pod, podEvents, row, untilStatus } from './kubeletHelpers';

let s: Scenario;
afterEach(() => s?.stop());

const ready = async (name: string) => (await getPod(s, name)).status?.conditions?.find((c) => c.type === 'Ready')?.status;

describe('probes', () => {
  it('restarts a container whose liveness probe (cat of a missing file) fails three times', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('live', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'touch /tmp/healthy; sleep 20; rm -f /tmp/healthy; sleep 600'], livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 } }] }));
    await untilStatus(s, 'live', 'Running');
    await s.advance(20_000);
    expect(await row(s, 'live')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    const restarted = await s.until(async () => {
      const r = await row(s, 'live');
      return r?.restarts.startsWith('1') ? r : undefined;
    }, 120_000);
    expect(restarted.status).toBe('Running');
    const events = await podEvents(s, 'live');
    expect(events).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(events).toContain('Killing: Container c failed liveness probe, will be restarted');
    // sh as PID 1 ignores SIGTERM: killed at the end of the 30 s grace period.
    const last = (await getPod(s, 'live')).status?.containerStatuses?.[0]?.lastState.terminated;
    expect(last).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('keeps a pod out of Ready until its readiness file exists', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('rd', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], readinessProbe: { exec: { command: ['test', '-f', '/tmp/ready'] }, periodSeconds: 2 } }] }));
    await untilStatus(s, 'rd', 'Running');
    await s.advance(10_000);
    expect(await row(s, 'rd')).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    expect(await ready('rd')).toBe('False');
    const kubelet = s.cluster.kubelets.find((k) => k.nodeName === 'kubelab-worker');
    expect(await kubelet?.exec('default', 'rd', 'c', ['touch', '/tmp/ready'])).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    await s.advance(3000);
    expect(await row(s, 'rd')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    expect(await ready('rd')).toBe('True');
    await kubelet?.exec('default', 'rd', 'c', ['rm', '/tmp/ready']);
    await s.advance(8000);
    expect(await row(s, 'rd')).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
  });

  it('probes nginx over HTTP: / answers 200, a missing page 404 fails the liveness probe', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('ok', { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }], readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 }, livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } }] }));
    await createPod(s, pod('broken', { containers: [{ name: 'web', image: 'nginx:1.27', livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5, failureThreshold: 2 } }] }));
    await untilStatus(s, 'ok', 'Running');
    await s.advance(30_000);
    expect(await row(s, 'ok')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    expect((await logs(s, 'ok')).text).toMatch(/^10\.244\.1\.1 - - \[01\/Mar\/2026:09:00:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "kube-probe\/1\.32" "-"$/m);
    expect((await row(s, 'broken'))?.restarts).toMatch(/^[1-9]/);
    const events = await podEvents(s, 'broken');
    expect(events).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404');
    expect(events).toContain('Killing: Container web failed liveness probe, will be restarted');
  });

  it('checks TCP sockets: redis accepts on 6379, nothing listens on 6380', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('redis', { containers: [{ name: 'redis', image: 'redis:7', readinessProbe: { tcpSocket: { port: 6379 }, periodSeconds: 5 } }] }));
    await createPod(s, pod('wrong', { containers: [{ name: 'redis', image: 'redis:7', readinessProbe: { tcpSocket: { port: 6380 }, periodSeconds: 5 } }] }));
    await untilStatus(s, 'redis', 'Running');
    await untilStatus(s, 'wrong', 'Running');
    await s.advance(6000);
    expect((await row(s, 'redis'))?.ready).toBe('1/1');
    expect((await row(s, 'wrong'))?.ready).toBe('0/1');
    const ip = (await getPod(s, 'wrong')).status?.podIP ?? '';
    expect(await podEvents(s, 'wrong')).toContain(`Unhealthy: Readiness probe failed: dial tcp ${ip}:6380: connect: connection refused`);
  });

  it('holds liveness and readiness until the startup probe passes', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('slow', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 12; touch /tmp/started; sleep 3600'], startupProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 5, failureThreshold: 10 }, livenessProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 5, failureThreshold: 1 } }] }));
    await untilStatus(s, 'slow', 'Running');
    await s.advance(5000);
    expect(await row(s, 'slow')).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    expect((await getPod(s, 'slow')).status?.containerStatuses?.[0]?.started).toBe(false);
    await s.advance(15_000);
    expect(await row(s, 'slow')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    expect((await getPod(s, 'slow')).status?.containerStatuses?.[0]?.started).toBe(true);
    expect((await podEvents(s, 'slow')).filter((e) => e.startsWith('Unhealthy: Startup probe failed')).length).toBeGreaterThan(0);
    expect((await podEvents(s, 'slow')).some((e) => e.startsWith('Killing'))).toBe(false);
  });
});
