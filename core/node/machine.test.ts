/** The node model: units, journal, the manifest directory, the tools. */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ManualClock } from '../clock/clock';
import { Cluster } from '../cluster';
import { runOnNode } from './commands';
import { nodeFs } from './nodeFiles';

const START = Date.parse('2026-03-01T09:00:00Z');

async function cluster(options: { empty?: boolean; workers?: number } = {}) {
  const clock = new ManualClock(START);
  const c = new Cluster({ clock, seed: 1, workers: options.workers ?? 1, ...(options.empty ? { empty: true } : {}) });
  const settle = async () => {
    for (let i = 0; i < 50; i++) await new Promise<void>((r) => setImmediate(r));
  };
  const advance = async (ms: number) => {
    for (let t = 0; t < ms; t += 500) {
      clock.advance(500);
      await settle();
    }
  };
  await c.start();
  await advance(3000);
  for (const m of c.machines) m.parseYaml = (t) => parseAllDocuments(t).map((d) => d.toJS() as unknown);
  const run = (node: string, line: string, stdin = '') => runOnNode(c.machine(node) as NonNullable<ReturnType<Cluster['machine']>>, { argv: line.split(' '), stdin });
  return { c, clock, settle, advance, run };
}

describe('node machine', () => {
  it('shows the kubelet as systemd does and stops it as the node fault', async () => {
    const { c, run, advance } = await cluster();
    let r = await run('kubelab-worker', 'systemctl status kubelet');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('● kubelet.service - kubelet: The Kubernetes Node Agent\n');
    expect(r.stdout).toContain('     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)\n');
    expect(r.stdout).toMatch(/ {5}Active: active \(running\) since Sun 2026-03-01 09:00:0\d UTC; \ds ago\n/);
    r = await run('kubelab-worker', 'systemctl stop kubelet');
    expect(r.exitCode).toBe(0);
    expect(c.components().nodes['kubelab-worker']).toBe('Stopped');
    await advance(5000);
    r = await run('kubelab-worker', 'systemctl status kubelet');
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toContain('○ kubelet.service - kubelet: The Kubernetes Node Agent\n');
    expect(r.stdout).toMatch(/Active: inactive \(dead\) since .*; 5s ago\n/);
    r = await run('kubelab-worker', 'journalctl -u kubelet -n 5 --no-pager');
    expect(r.stdout.split('\n').slice(0, 5).map((l) => l.replace(/^Mar 01 09:00:0\d kubelab-worker /, ''))).toEqual([
      'systemd[1]: Stopping kubelet.service - kubelet: The Kubernetes Node Agent...',
      expect.stringMatching(/^kubelet\[\d+\]: I0301 09:00:0\d\.\d{6} +\d+ dynamic_cafile_content.go:175\] "Shutting down controller"/),
      'systemd[1]: kubelet.service: Deactivated successfully.',
      'systemd[1]: Stopped kubelet.service - kubelet: The Kubernetes Node Agent.',
      expect.stringMatching(/^systemd\[1\]: kubelet\.service: Consumed \d+ms CPU time\.$/),
    ]);
    r = await run('kubelab-worker', 'systemctl start kubelet');
    expect(c.components().nodes['kubelab-worker']).toBe('Running');
    expect((await run('kubelab-worker', 'systemctl is-active kubelet')).stdout).toBe('active\n');
    c.stop();
  });

  it('logs what the kubelet did in klog format', async () => {
    const { c, run } = await cluster();
    const r = await run('kubelab-control-plane', 'journalctl -u kubelet');
    expect(r.stdout).toMatch(/kubelab-control-plane kubelet\[\d+\]: I0301 09:00:00\.\d{6} +\d+ kubelet_node_status.go:76\] "Attempting to register node" node="kubelab-control-plane"\n/);
    expect(r.stdout).toContain('"Successfully registered node" node="kubelab-control-plane"');
    expect(r.stdout).toContain('"SyncLoop ADD" source="api" pods=["kube-system/etcd-kubelab-control-plane"]');
    c.stop();
  });

  it('runs a static pod from a manifest written to /etc/kubernetes/manifests, and stops it when removed', async () => {
    const { c, advance } = await cluster();
    const m = c.machine('kubelab-worker');
    if (!m) throw new Error('no machine');
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';
    expect(await nodeFs(m, { op: 'write', path: '/etc/kubernetes/manifests/web.yaml', text: manifest })).toEqual({ result: null });
    await advance(20_000);
    const pod = await c.client().get<{ kind: string; status?: { phase?: string } } & { metadata: { name?: string } }>({ resource: 'pods', namespace: 'default', name: 'web-kubelab-worker' });
    expect(pod.status?.phase).toBe('Running');
    const ps = await runOnNode(m, { argv: ['crictl', 'ps', '--name', 'web'] });
    expect(ps.stdout.split('\n')[0]).toBe('CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                  NAMESPACE');
    expect(ps.stdout).toMatch(/\n[0-9a-f]{13} {7}[0-9a-f]{13} {7}\d+ seconds ago +Running +web +0 +[0-9a-f]{13} +web-kubelab-worker +default\n/);
    expect(await nodeFs(m, { op: 'remove', path: '/etc/kubernetes/manifests/web.yaml' })).toEqual({ result: null });
    await advance(40_000);
    await expect(c.client().get({ resource: 'pods', namespace: 'default', name: 'web-kubelab-worker' })).rejects.toThrow(/not found/);
    c.stop();
  });

  it('logs a manifest that is not a pod and runs nothing', async () => {
    const { c, run } = await cluster();
    const m = c.machine('kubelab-worker');
    if (!m) throw new Error('no machine');
    await nodeFs(m, { op: 'write', path: '/etc/kubernetes/manifests/bad.yaml', text: 'kind: Pod\nmetadata: {}\n' });
    const r = await run('kubelab-worker', 'journalctl -u kubelet -n 1');
    expect(r.stdout).toContain('file.go:187] "Could not process manifest file" err="/etc/kubernetes/manifests/bad.yaml: couldn\'t parse as pod(invalid pod: [metadata.name: Required value: name or generateName is required, spec.containers: Required value]), please check config file" path="/etc/kubernetes/manifests/bad.yaml"');
    c.stop();
  });

  it('removing kube-scheduler.yaml stops the scheduler; putting it back starts it', async () => {
    const { c, advance } = await cluster();
    const m = c.machine('kubelab-control-plane');
    if (!m) throw new Error('no machine');
    expect(await nodeFs(m, { op: 'rename', path: '/etc/kubernetes/manifests/kube-scheduler.yaml', to: '/tmp/kube-scheduler.yaml' })).toEqual({ result: null });
    expect(c.components().controlPlane['kube-scheduler']).toBe('Stopped');
    await nodeFs(m, { op: 'rename', path: '/tmp/kube-scheduler.yaml', to: '/etc/kubernetes/manifests/kube-scheduler.yaml' });
    await advance(1000);
    expect(c.components().controlPlane['kube-scheduler']).toBe('Running');
    c.stop();
  });

  it("logs the eviction manager's work when the node's memory runs out", async () => {
    const { c, run, advance } = await cluster();
    await c.client().create({ resource: 'pods', namespace: 'default' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big', namespace: 'default' }, spec: { nodeName: 'kubelab-worker', containers: [{ name: 'big', image: 'nginx:1.27' }] } });
    await advance(10_000);
    await c.applyFault({ kind: 'memory', name: 'kubelab-worker', action: 'fill' });
    await advance(20_000);
    const log = (await run('kubelab-worker', 'journalctl -u kubelet -o cat')).stdout;
    expect(log).toContain('eviction_manager.go:369] "Eviction manager: attempting to reclaim" resourceName="memory"\n');
    expect(log).toMatch(/event\.go:389\] "Event occurred" object="default\/big" fieldPath="" kind="Pod" apiVersion="v1" type="Warning" reason="Evicted" message="The node was low on resource: memory\./);
    expect(log).toContain('"Eviction manager: pod is evicted successfully" pod="default/big"');
    c.stop();
  });

  it('answers ps, df, free, ip and hostname from the machine', async () => {
    const { c, run } = await cluster();
    expect((await run('kubelab-worker', 'hostname')).stdout).toBe('kubelab-worker\n');
    const ps = (await run('kubelab-worker', 'ps aux')).stdout;
    expect(ps.split('\n')[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(ps).toContain(' /usr/bin/containerd\n');
    expect(ps).toContain(' /usr/bin/kubelet --bootstrap-kubeconfig=');
    expect(ps).toContain(' /pause\n');
    const free = (await run('kubelab-worker', 'free -m')).stdout.split('\n');
    expect(free[0]).toBe('               total        used        free      shared  buff/cache   available');
    expect(free[1]).toMatch(/^Mem: +7957 +\d+ +\d+ +\d+ +\d+ +\d+$/);
    expect((await run('kubelab-worker', 'df -h')).stdout.split('\n')[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
    expect((await run('kubelab-worker', 'ip addr')).stdout).toContain('    inet 172.18.0.3/16 brd 172.18.255.255 scope global eth0\n');
    c.stop();
  });
});

describe('kubeadm on an empty cluster', () => {
  it('refuses connections until kubeadm init; the kubelet restarts every 10 s meanwhile', async () => {
    const { c, run, advance } = await cluster({ empty: true });
    await expect(c.client().list({ resource: 'nodes' })).rejects.toThrow(/connection refused/);
    await advance(25_000);
    const s = await run('kubelab-worker', 'systemctl status kubelet');
    expect(s.stdout).toContain('     Active: activating (auto-restart) (Result: exit-code) since ');
    expect(s.stdout).toContain('(code=exited, status=1/FAILURE)');
    const j = (await run('kubelab-worker', 'journalctl -u kubelet')).stdout;
    expect(j).toContain('kubelet.service: Scheduled restart job, restart counter is at 2.');
    expect(j).toContain('open /var/lib/kubelet/config.yaml: no such file or directory');
    c.stop();
  });

  it('kubeadm init starts the control plane; kubeadm join registers the worker; both become Ready', async () => {
    const { c, run, advance } = await cluster({ empty: true });
    const init = await run('kubelab-control-plane', 'kubeadm init');
    expect(init.stderr).toBe('');
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toContain('[certs] apiserver serving cert is signed for DNS names [kubelab-control-plane kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local] and IPs [10.96.0.1 172.18.0.2]\n');
    expect(init.stdout).toContain('Your Kubernetes control-plane has initialized successfully!');
    const joinLine = /kubeadm join 172\.18\.0\.2:6443 --token ([a-z0-9]{6}\.[a-z0-9]{16}) \\\n\t--discovery-token-ca-cert-hash (sha256:[0-9a-f]{64}) \n$/.exec(init.stdout);
    expect(joinLine).not.toBeNull();
    await advance(5000);
    type NodeView = { metadata: { name?: string }; status?: { conditions?: { type: string; status: string }[] } };
    let nodes = await c.client().list<NodeView>({ resource: 'nodes' });
    expect(nodes.items.map((n) => n.metadata.name)).toEqual(['kubelab-control-plane']);
    const bad = await run('kubelab-worker', `kubeadm join 172.18.0.2:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash ${joinLine?.[2] ?? ''}`);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('could not find a JWS signature in the cluster-info ConfigMap for token ID "abcdef"');
    const join = await run('kubelab-worker', `kubeadm join 172.18.0.2:6443 --token ${joinLine?.[1] ?? ''} --discovery-token-ca-cert-hash ${joinLine?.[2] ?? ''}`);
    expect(join.stderr).toBe('');
    expect(join.stdout).toContain('This node has joined the cluster:');
    await advance(10_000);
    nodes = await c.client().list<NodeView>({ resource: 'nodes' });
    expect(nodes.items.map((n) => [n.metadata.name, n.status?.conditions?.find((x) => x.type === 'Ready')?.status])).toEqual([
      ['kubelab-control-plane', 'True'],
      ['kubelab-worker', 'True'],
    ]);
    const again = await run('kubelab-worker', 'kubeadm join 172.18.0.2:6443 --token x --discovery-token-unsafe-skip-ca-verification');
    expect(again.stderr).toContain('\t[ERROR FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists\n');
    const print = await run('kubelab-control-plane', 'kubeadm token create --print-join-command');
    expect(print.stdout).toMatch(/^kubeadm join 172\.18\.0\.2:6443 --token [a-z0-9]{6}\.[a-z0-9]{16} --discovery-token-ca-cert-hash sha256:[0-9a-f]{64} \n$/);
    c.stop();
  });

  it('kubeadm reset on a worker stops its kubelet; it can join again', async () => {
    const { c, run, advance } = await cluster({ empty: true });
    const init = await run('kubelab-control-plane', 'kubeadm init');
    const cmd = (/(kubeadm join [^\\]+)\\\n\t(--discovery[^\n]+)/.exec(init.stdout) ?? []).slice(1).join(' ').replace(/\s+/g, ' ').trim();
    await run('kubelab-worker', cmd);
    await advance(5000);
    const no = await run('kubelab-worker', 'kubeadm reset');
    expect(no.exitCode).toBe(1);
    expect(no.stdout).toBe('[reset] Are you sure you want to proceed? [y/N]: \n');
    const reset = await run('kubelab-worker', 'kubeadm reset -f');
    expect(reset.exitCode).toBe(0);
    expect(reset.stdout).toContain('[reset] Stopping the kubelet service\n');
    expect(c.components().nodes['kubelab-worker']).toBe('Stopped');
    expect((await run('kubelab-worker', 'systemctl is-active kubelet')).stdout).toBe('inactive\n');
    expect((await run('kubelab-worker', cmd)).exitCode).toBe(0);
    expect(c.components().nodes['kubelab-worker']).toBe('Running');
    c.stop();
  });
});
