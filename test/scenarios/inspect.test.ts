/**
 * The bundled shell's reading commands against a running cluster (issue 5): `kubectl wait`
 * following what the cluster does on the virtual clock (a pod becoming Ready, a pod going away,
 * a pod being created) with its --timeout on a separate wall-clock timer and Ctrl-C, `top`,
 * `auth can-i` with impersonation, `explain`, `port-forward` until Ctrl-C, and `-o go-template`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Pod } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';
import { drive, shellFor } from './shellHarness';

const pod = (name: string, labels: Record<string, string> = { app: name }): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] }] } }) as Pod;
const podRef = (name?: string) => ref('pods', 'default', name);

describe('the shell reading the cluster', () => {
  let s: Scenario | undefined;
  afterEach(() => s?.stop());

  it('wait --for=condition=Ready follows a new pod until the kubelet makes it Ready', async () => {
    s = await scenario();
    const sh = shellFor(s);
    await s.client.create(podRef(), pod('fresh'));
    const result = await drive(s, sh.run('kubectl wait --for=condition=Ready pod/fresh'));
    expect(result).toEqual({ out: 'pod/fresh condition met\n', err: '', code: 0 });
    expect((await s.kubectl('kubectl get pod fresh --no-headers')).out).toMatch(/^fresh +1\/1 +Running/);
  });

  it('wait --for=delete returns when the pod is gone, and --for=create when it appears', async () => {
    s = await scenario();
    const sh = shellFor(s);
    await s.client.create(podRef(), pod('doomed'));
    await s.until(async () => ((await s?.client.get<Pod>(podRef('doomed')))?.status?.phase === 'Running' ? true : undefined));
    const deleted = sh.run('kubectl wait --for=delete pod/doomed --timeout=5m');
    await s.client.delete(podRef('doomed'));
    expect(await drive(s, deleted)).toEqual({ out: 'pod/doomed condition met\n', err: '', code: 0 });
    const created = sh.run('kubectl wait --for=create pod/later');
    await s.advance(2000);
    await s.client.create(podRef(), pod('later'));
    expect(await drive(s, created)).toEqual({ out: 'pod/later condition met\n', err: '', code: 0 });
  });

  it('times out on the wall-clock timer, not the lab clock, and Ctrl-C ends a wait', async () => {
    s = await scenario();
    const sh = shellFor(s);
    await s.client.create(podRef(), pod('steady'));
    await s.until(async () => ((await s?.client.get<Pod>(podRef('steady')))?.status?.phase === 'Running' ? true : undefined));
    const waiting = sh.run('kubectl wait --for=jsonpath={.status.phase}=Failed pod/steady --timeout=30s');
    await s.advance(60_000);
    sh.fireTimers();
    expect(await drive(s, waiting)).toEqual({ out: '', err: 'error: timed out waiting for the condition on pods/steady\n', code: 1 });
    const abort = new AbortController();
    const interrupted = sh.run('kubectl wait --for=delete pod/steady', abort.signal);
    await s.advance(1000);
    abort.abort();
    expect(await drive(s, interrupted)).toEqual({ out: '', err: '', code: 1 });
  });

  it('without a clock, one object that times out uses the shared deadline up for the objects after it, as kubectl does', async () => {
    s = await scenario();
    const sh = shellFor(s, { timers: false });
    await s.client.create(podRef(), { ...pod('a-stuck', { app: 'pair' }), spec: { containers: [{ name: 'web', image: 'nginx:no-such-tag' }] } } as Pod);
    await s.client.create(podRef(), pod('b-ready', { app: 'pair' }));
    await s.until(async () => ((await s?.client.get<Pod>(podRef('b-ready')))?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? true : undefined));
    expect(await sh.run('kubectl wait pods -l app=pair --for=condition=Ready --timeout=1s')).toEqual({ out: '', err: 'timed out waiting for the condition on pods/a-stuck\ntimed out waiting for the condition on pods/b-ready\n', code: 1 });
    expect(await sh.run('kubectl wait pod/b-ready pod/a-stuck --for=condition=Ready --timeout=1s')).toEqual({ out: 'pod/b-ready condition met\n', err: 'error: timed out waiting for the condition on pods/a-stuck\n', code: 1 });
  });

  it('top shows what the kubelets report, auth can-i answers for an impersonated user', async () => {
    s = await scenario();
    const sh = shellFor(s);
    await s.advance(30_000);
    const nodes = await sh.run('kubectl top nodes');
    expect(nodes.out.split('\n')[0]).toBe('NAME                    CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ');
    expect(nodes.out).toMatch(/^kubelab-worker +\d+m +\d+% +\d+Mi +\d+% +$/m);
    const pods = await sh.run('kubectl top pods -n kube-system --sort-by=memory');
    expect(pods.out.split('\n')[1]).toMatch(/^kube-apiserver-kubelab-control-plane +\d+m +\d+Mi +$/);
    expect(await sh.run('kubectl auth can-i list secrets --as=system:serviceaccount:default:default')).toEqual({ out: 'no\n', err: '', code: 1 });
    expect(await sh.run('kubectl auth can-i list secrets')).toEqual({ out: 'yes\n', err: '', code: 0 });
    expect((await sh.run('kubectl auth whoami --as=jane')).out).toBe('ATTRIBUTE   VALUE\nUsername    jane\nGroups      [system:authenticated]\n');
    // --as on any command: every request impersonates.
    expect(await sh.run('kubectl get pods --as=jane')).toEqual({ out: '', err: 'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"\n', code: 1 });
    expect((await sh.run('kubectl get pods -n kube-system --as=jane --as-group=system:masters -o name')).out).toMatch(/^pod\/etcd-kubelab-control-plane$/m);
    expect((await sh.run('kubectl delete pod nope --as=system:serviceaccount:default:default')).err).toBe('Error from server (Forbidden): pods "nope" is forbidden: User "system:serviceaccount:default:default" cannot delete resource "pods" in API group "" in the namespace "default"\n');
  });

  it('explains a field from the OpenAPI document, and prints objects through go-template', async () => {
    s = await scenario();
    const sh = shellFor(s);
    const explained = await sh.run('kubectl explain deployment.spec.replicas');
    expect(explained.out).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n\n',
    );
    const nodes = await sh.run('kubectl get nodes -o go-template=\'{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}\'');
    expect(nodes.out).toBe('kubelab-control-plane\nkubelab-worker\nkubelab-worker2\n');
  });

  it('port-forward names the pod and container port the traffic would reach, until Ctrl-C', async () => {
    s = await scenario();
    const sh = shellFor(s);
    await s.client.create(podRef(), pod('fwd'));
    await s.until(async () => ((await s?.client.get<Pod>(podRef('fwd')))?.status?.phase === 'Running' ? true : undefined));
    const abort = new AbortController();
    const forwarding = sh.run('kubectl port-forward pod/fwd 8080:http', abort.signal);
    await s.advance(1000);
    abort.abort();
    const r = await forwarding;
    expect(r.out).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expect(r.err).toContain('the traffic would reach pod default/fwd, container "web", port 80');
    expect(r.code).toBe(0);
  });
});
