/**
 * What a container sees, built by the kubelet from the pod and the API: environment (env,
 * envFrom, config map and secret keys, the downward API, Service variables), volumes (config
 * maps and secrets as files, emptyDir shared by the pod's containers, the service account
 * token), CreateContainerConfigError for a missing config map; static pods and their mirrors;
 * `kubectl logs -f` as a stream.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';
import { createPod, getPod, logs, pod, podEvents, row, untilStatus } from './kubeletHelpers';

let s: Scenario;
afterEach(() => s?.stop());

const worker = () => {
  const k = s.cluster.kubelets.find((x) => x.nodeName === 'kubelab-worker');
  if (!k) throw new Error('no worker kubelet');
  return k;
};

describe('container configuration', () => {
  it('builds the environment from env, envFrom, config maps, secrets, the downward API and the Services', async () => {
    s = await scenario({ workers: 1 });
    await s.client.create(ref('configmaps', 'default'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { MODE: 'prod', LEVEL: 'debug' } } as KubeObject);
    await s.client.create(ref('secrets', 'default'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: 'czNjcjN0' } } as KubeObject);
    await s.client.create(ref('services', 'default'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } } as KubeObject);
    await createPod(
      s,
      pod('env', {
        containers: [
          {
            name: 'c',
            image: 'busybox:1.36',
            command: ['sleep', '3600'],
            envFrom: [{ configMapRef: { name: 'app' }, prefix: 'APP_' }],
            env: [
              { name: 'GREETING', value: 'hello' },
              { name: 'MESSAGE', value: '$(GREETING) world' },
              { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
              { name: 'MY_POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'MY_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
              { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
            ],
            resources: { limits: { memory: '64Mi' } },
          },
        ],
      }),
    );
    await untilStatus(s, 'env', 'Running');
    const out = (await worker().exec('default', 'env', 'c', ['env'])).stdout;
    const env = Object.fromEntries(out.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const ip = (await getPod(s, 'env')).status?.podIP;
    expect(env).toMatchObject({ PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'env', APP_MODE: 'prod', APP_LEVEL: 'debug', GREETING: 'hello', MESSAGE: 'hello world', DB_PASSWORD: 's3cr3t', MY_POD: 'env', MY_IP: ip, MEM: '64', KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' });
    expect(env['WEB_SERVICE_HOST']).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(env['WEB_PORT_80_TCP']).toBe(`tcp://${env['WEB_SERVICE_HOST']}:80`);
  });

  it('waits with CreateContainerConfigError while a config map is missing, and starts once it exists', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('cfg', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'later', key: 'x' } } }] }] }));
    expect(await untilStatus(s, 'cfg', 'CreateContainerConfigError')).toEqual({ ready: '0/1', status: 'CreateContainerConfigError', restarts: '0' });
    expect(await podEvents(s, 'cfg')).toContain('Failed: Error: configmap "later" not found');
    await s.client.create(ref('configmaps', 'default'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'later' }, data: { x: '1' } } as KubeObject);
    expect(await untilStatus(s, 'cfg', 'Running')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
  });

  it('mounts config maps and secrets as files, shares an emptyDir between containers, and projects the token', async () => {
    s = await scenario({ workers: 1 });
    await s.client.create(ref('configmaps', 'default'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'site' }, data: { 'index.html': '<h1>KubeLab</h1>\n' } } as KubeObject);
    await createPod(
      s,
      pod('site', {
        containers: [
          { name: 'web', image: 'nginx:1.27', volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html', readOnly: true }, { name: 'shared', mountPath: '/data' }] },
          { name: 'writer', image: 'busybox:1.36', command: ['sh', '-c', 'echo from-writer > /shared/note; sleep 3600'], volumeMounts: [{ name: 'shared', mountPath: '/shared' }] },
        ],
        volumes: [
          { name: 'html', configMap: { name: 'site' } },
          { name: 'shared', emptyDir: {} },
        ],
      }),
    );
    await untilStatus(s, 'site', 'Running');
    const k = worker();
    expect((await k.exec('default', 'site', 'web', ['cat', '/usr/share/nginx/html/index.html'])).stdout).toBe('<h1>KubeLab</h1>\n');
    expect((await k.exec('default', 'site', 'web', ['cat', '/data/note'])).stdout).toBe('from-writer\n');
    expect((await k.exec('default', 'site', 'web', ['cat', '/var/run/secrets/kubernetes.io/serviceaccount/namespace'])).stdout).toBe('default');
    expect((await k.exec('default', 'site', 'web', ['ls', '/var/run/secrets/kubernetes.io/serviceaccount'])).stdout).toBe('ca.crt\nnamespace\ntoken\n');
    expect((await k.exec('default', 'site', 'writer', ['wget', '-qO-', 'http://localhost/'])).stdout).toBe('<h1>KubeLab</h1>\n');
  });
});

describe('static pods', () => {
  it('runs the control plane as mirror pods, and a manifest added to a node as <name>-<node>', async () => {
    s = await scenario({ workers: 1 });
    const sys = await s.client.list<Pod>(ref('pods', 'kube-system'));
    const etcd = sys.items.find((p) => p.metadata.name === 'etcd-kubelab-control-plane');
    expect(etcd?.status?.phase).toBe('Running');
    expect(etcd?.metadata.annotations?.['kubernetes.io/config.source']).toBe('file');
    const k = worker();
    await k.addStaticPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'static-web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } });
    expect(await untilStatus(s, 'static-web-kubelab-worker', 'Running')).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    // Deleting the mirror pod does not stop the static pod: the kubelet publishes it again.
    await s.client.delete(ref('pods', 'default', 'static-web-kubelab-worker'));
    await s.advance(2000);
    expect((await row(s, 'static-web-kubelab-worker'))?.status).toBe('Running');
    await k.removeStaticPod('static-web');
    await s.until(async () => ((await row(s, 'static-web-kubelab-worker')) === undefined ? true : undefined));
  });
});

describe('kubectl logs -f', () => {
  it('streams new lines as the container writes them', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('ticker', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'for i in 1 2 3; do echo line $i; sleep 2; done'] }] }));
    await untilStatus(s, 'ticker', 'Running');
    const res = await s.cluster.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/ticker/log', query: { follow: 'true' }, headers: {}, user: { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
    if (!('stream' in res)) throw new Error('expected a stream');
    expect(res.stream.text).toBe(true);
    let text = '';
    let ended = false;
    res.stream.start({ send: (e) => (text += String(e.object)), end: () => (ended = true) });
    expect(text).toBe('line 1\n');
    await s.advance(7000);
    expect(text).toBe('line 1\nline 2\nline 3\n');
    expect(ended).toBe(true);
    expect((await logs(s, 'ticker', { tailLines: '1' })).text).toBe('line 3\n');
  });
});
