/**
 * The kubelet as a student sees it: `kubectl get pods` STATUS, READY and RESTARTS through a
 * pod's life, the kubelet's events in order, `kubectl logs`, restarts with the real back-off,
 * image pull failures, init containers, OOM kills, graceful deletion, the node's Lease.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lease } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';
import { createPod, getPod, logs, pod, podEvents, row, untilStatus } from './kubeletHelpers';

let s: Scenario;
afterEach(() => s?.stop());

describe('the kubelet runs pods', () => {
  it('starts nginx: ContainerCreating, then Running 1/1, with the events of a real kubelet in order', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('web', { containers: [{ name: 'web', image: 'nginx:1.27' }] }));
    await s.advance(300);
    expect(await row(s, 'web')).toEqual({ ready: '0/1', status: 'ContainerCreating', restarts: '0' });
    expect(await untilStatus(s, 'web', 'Running')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    const events = await podEvents(s, 'web');
    expect(events.map((e) => e.split(':')[0])).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(events[1]).toBe('Pulling: Pulling image "nginx:1.27"');
    expect(events[2]).toMatch(/^Pulled: Successfully pulled image "nginx:1\.27" in (\d+\.)?\d+m?s \((\d+\.)?\d+m?s including waiting\)\. Image size: 72099501 bytes\.$/);
    expect(events.slice(3)).toEqual(['Created: Created container: web', 'Started: Started container web']);
    const p = await getPod(s, 'web');
    expect(p.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(p.status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(p.status?.containerStatuses?.[0]).toMatchObject({ name: 'web', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/), containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/) });
    expect((await logs(s, 'web')).text).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up\n');
  });

  it('pulls an image once per node with IfNotPresent: the second pod finds it present', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('a', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    await untilStatus(s, 'a', 'Running');
    await createPod(s, pod('b', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    expect(await untilStatus(s, 'b', 'Running')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    expect(await podEvents(s, 'b')).toContain('Pulled: Container image "busybox:1.36" already present on machine');
  });

  it('runs `echo hi` with restartPolicy Never to Completed, and kubectl logs prints "hi"', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('hi', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['echo', 'hi'] }] }));
    expect(await untilStatus(s, 'hi', 'Completed')).toEqual({ ready: '0/1', status: 'Completed', restarts: '0' });
    expect(await logs(s, 'hi')).toEqual({ status: 200, text: 'hi\n' });
    const p = await getPod(s, 'hi');
    expect(p.status?.phase).toBe('Succeeded');
    expect(p.status?.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('runs a shell loop that logs with timestamps on the cluster clock', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('loop', { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 5; done'] }] }));
    await untilStatus(s, 'loop', 'Running');
    await s.advance(12_000);
    expect((await logs(s, 'loop')).text).toBe('tick 1\ntick 2\ntick 3\n');
    expect((await logs(s, 'loop', { tailLines: '1', timestamps: 'true' })).text).toMatch(/^2026-03-01T09:00:\d\d\.\d+Z tick 3\n$/);
  });

  it('fails mysql without a password: Error, then CrashLoopBackOff with restarts 10 s, 20 s, 40 s apart', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('db', { containers: [{ name: 'mysql', image: 'mysql:8.4' }] }));
    await untilStatus(s, 'db', 'CrashLoopBackOff');
    const restarts: number[] = [];
    let last = '';
    await s.until(async () => {
      const r = await row(s, 'db');
      const n = r?.restarts.split(' ')[0] ?? '';
      if (n !== last) {
        last = n;
        restarts.push(s.clock.now());
      }
      return Number(n) >= 4 ? true : undefined;
    }, 300_000, 500);
    const gaps = restarts.slice(1).map((t, i) => Math.round((t - (restarts[i] as number)) / 1000));
    expect(gaps.map((g) => Math.round(g / 10) * 10)).toEqual([10, 20, 40]);
    const p = await getPod(s, 'db');
    const st = p.status?.containerStatuses?.[0];
    expect(st?.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    if (st?.state.waiting) expect(st.state.waiting.message).toMatch(/^back-off (20s|40s|1m20s) restarting failed container=mysql pod=db_default\(/);
    expect(await podEvents(s, 'db')).toContain(`BackOff: Back-off restarting failed container mysql in pod db_default(${p.metadata.uid})`);
    const previous = await logs(s, 'db', { previous: 'true' });
    expect(previous.text).toContain('[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified');
    expect(previous.text).toContain('    - MYSQL_ROOT_PASSWORD\n');
  });

  it('cannot pull nginx:doesnotexist: ErrImagePull, then ImagePullBackOff', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('bad', { containers: [{ name: 'web', image: 'nginx:doesnotexist' }] }));
    expect(await untilStatus(s, 'bad', 'ErrImagePull')).toEqual({ ready: '0/1', status: 'ErrImagePull', restarts: '0' });
    expect(await untilStatus(s, 'bad', 'ImagePullBackOff')).toEqual({ ready: '0/1', status: 'ImagePullBackOff', restarts: '0' });
    const events = await podEvents(s, 'bad');
    expect(events).toContain('Failed: Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found');
    expect(events).toContain('Failed: Error: ErrImagePull');
    expect(events).toContain('BackOff: Back-off pulling image "nginx:doesnotexist"');
    expect(events).toContain('Failed: Error: ImagePullBackOff');
    expect(await logs(s, 'bad')).toEqual({ status: 400, text: 'container "web" in pod "bad" is waiting to start: trying and failing to pull image' });
  });

  it('kills a container that outgrows its memory limit: OOMKilled (exit 137)', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('hog', { containers: [{ name: 'stress', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'], resources: { limits: { memory: '100Mi' }, requests: { memory: '50Mi' } } }] }));
    expect(await untilStatus(s, 'hog', 'OOMKilled')).toMatchObject({ ready: '0/1', status: 'OOMKilled' });
    await untilStatus(s, 'hog', 'CrashLoopBackOff');
    const p = await getPod(s, 'hog');
    expect(p.status?.containerStatuses?.[0]?.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('runs init containers in order before the app: Init:0/2, Init:1/2, then Running', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('app', { initContainers: [{ name: 'wait', image: 'busybox', command: ['sh', '-c', 'sleep 10'] }, { name: 'setup', image: 'busybox', command: ['sh', '-c', 'echo ready > /shared/flag'], volumeMounts: [{ name: 'work', mountPath: '/shared' }] }], containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'cat /shared/flag; sleep 3600'], volumeMounts: [{ name: 'work', mountPath: '/shared' }] }], volumes: [{ name: 'work', emptyDir: {} }] }));
    await s.advance(500);
    expect(await row(s, 'app')).toEqual({ ready: '0/1', status: 'Init:0/2', restarts: '0' });
    const init = (await getPod(s, 'app')).status?.conditions?.find((c) => c.type === 'Initialized');
    expect(init).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait setup]' });
    await untilStatus(s, 'app', 'Init:1/2');
    expect(await untilStatus(s, 'app', 'Running')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    expect((await logs(s, 'app')).text).toBe('ready\n');
    expect((await logs(s, 'app', { container: 'wait' })).status).toBe(200);
    const bad = await logs(s, 'app', { container: 'nope' });
    expect(bad).toEqual({ status: 400, text: 'container nope is not valid for pod app' });
  });

  it('fails the pod when an init container fails with restartPolicy Never: Init:Error', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('broken', { restartPolicy: 'Never', initContainers: [{ name: 'check', image: 'busybox', command: ['sh', '-c', 'echo no database; exit 2'] }], containers: [{ name: 'app', image: 'busybox', command: ['sleep', '3600'] }] }));
    expect(await untilStatus(s, 'broken', 'Init:Error')).toEqual({ ready: '0/1', status: 'Init:Error', restarts: '0' });
    const p = await getPod(s, 'broken');
    expect(p.status?.phase).toBe('Failed');
    expect(p.status?.initContainerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect((await logs(s, 'broken', { container: 'check' })).text).toBe('no database\n');
  });

  it('restarts nothing while the kubelet is stopped, and catches up when it starts', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('crash', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 1'] }] }));
    await untilStatus(s, 'crash', 'Running');
    const kubelet = s.cluster.kubelets.find((k) => k.nodeName === 'kubelab-worker');
    kubelet?.stop();
    await s.advance(60_000);
    // The API still shows what the kubelet last reported.
    expect(await row(s, 'crash')).toMatchObject({ status: 'Running', restarts: '0' });
    await kubelet?.start();
    const r = await s.until(async () => {
      const x = await row(s, 'crash');
      return x && x.restarts !== '0' ? x : undefined;
    });
    expect(r.restarts).toMatch(/^1 /);
  });

  it('deletes gracefully: nginx stops at once, `sleep` ignores SIGTERM and is killed at the grace period', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('web', { containers: [{ name: 'web', image: 'nginx:1.27' }] }));
    await createPod(s, pod('sleeper', { terminationGracePeriodSeconds: 20, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] }));
    await untilStatus(s, 'web', 'Running');
    await untilStatus(s, 'sleeper', 'Running');
    await s.client.delete(ref('pods', 'default', 'web'));
    await s.client.delete(ref('pods', 'default', 'sleeper'));
    await s.advance(100);
    expect((await row(s, 'sleeper'))?.status).toBe('Terminating');
    await s.advance(3000);
    expect(await row(s, 'web')).toBeUndefined();
    expect(await row(s, 'sleeper')).toMatchObject({ status: 'Terminating' });
    await s.advance(15_000);
    expect(await row(s, 'sleeper')).toMatchObject({ status: 'Terminating' });
    await s.advance(4000);
    expect(await row(s, 'sleeper')).toBeUndefined();
    expect(await podEvents(s, 'sleeper')).toContain('Killing: Stopping container c');
  });

  it('answers pods/log as the API server and kubelet do', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('two', { containers: [{ name: 'a', image: 'busybox', command: ['sleep', '3600'] }, { name: 'b', image: 'redis:7' }] }));
    await s.advance(200);
    expect(await logs(s, 'two')).toEqual({ status: 400, text: 'a container name must be specified for pod two, choose one of: [a b]' });
    expect(await logs(s, 'two', { container: 'b' })).toEqual({ status: 400, text: 'container "b" in pod "two" is waiting to start: ContainerCreating' });
    await untilStatus(s, 'two', 'Running');
    expect((await logs(s, 'two', { container: 'b' })).text).toContain('* Ready to accept connections tcp\n');
    expect(await logs(s, 'two', { container: 'a', previous: 'true' })).toEqual({ status: 400, text: 'previous terminated container "a" in pod "two" not found' });
  });
});

describe('the kubelet heartbeats', () => {
  it('renews its Lease every 10 s; a stopped kubelet stops renewing, a started one resumes', async () => {
    s = await scenario({ workers: 1 });
    const lease = () => s.client.get<Lease>(ref('leases', 'kube-node-lease', 'kubelab-worker', 'coordination.k8s.io', 'v1'));
    const t0 = Date.parse((await lease()).spec?.renewTime ?? '');
    await s.advance(10_000);
    const t1 = Date.parse((await lease()).spec?.renewTime ?? '');
    expect(t1 - t0).toBe(10_000);
    expect((await lease()).spec).toMatchObject({ holderIdentity: 'kubelab-worker', leaseDurationSeconds: 40 });
    const kubelet = s.cluster.kubelets.find((k) => k.nodeName === 'kubelab-worker');
    kubelet?.stop();
    await s.advance(30_000);
    expect(Date.parse((await lease()).spec?.renewTime ?? '')).toBe(t1);
    await kubelet?.start();
    await s.settle();
    expect(Date.parse((await lease()).spec?.renewTime ?? '')).toBeGreaterThan(t1 + 30_000);
    const node = await s.client.get(ref('nodes', '', 'kubelab-worker'));
    const ready = ((node as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? []).find((c) => c.type === 'Ready');
    expect(ready?.status).toBe('True');
  });

  it('lists the node images it pulled in the node status', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('web', { containers: [{ name: 'web', image: 'nginx:1.27' }] }));
    await untilStatus(s, 'web', 'Running');
    await s.advance(11_000);
    const node = (await s.client.get(ref('nodes', '', 'kubelab-worker'))) as { status?: { images?: { names: string[]; sizeBytes: number }[]; nodeInfo?: { kubeletVersion: string; containerRuntimeVersion: string } } };
    expect(node.status?.images).toContainEqual({ names: ['docker.io/library/nginx:1.27', expect.stringMatching(/^docker\.io\/library\/nginx@sha256:/)], sizeBytes: 72099501 });
    expect(node.status?.nodeInfo?.kubeletVersion).toMatch(/^v1\.32\./);
    expect(node.status?.nodeInfo?.containerRuntimeVersion).toMatch(/^containerd:\/\/1\.7\./);
  });
});
