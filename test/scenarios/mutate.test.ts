/**
 * kubectl's changing commands as a student meets them in the bundled shell, on a whole cluster:
 * `kubectl edit` through a scripted editor (the change rolls out; an invalid change reopens the
 * buffer with the error on top), `kubectl drain` held back by a PodDisruptionBudget until the
 * budget allows the eviction, `set image` rolling a Deployment, `expose` giving a Service its
 * endpoints, `taint` keeping new pods away, `autoscale` creating the HPA `kubectl get hpa` shows.
 */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Pod } from '../../core/api/types';
import type { ShellDeps, ShellFiles, ShellTransport } from '../../core/shell/engine';
import { COMMANDS } from '../../core/shell/kubectl/commands';
import { Kubectl } from '../../core/shell/kubectl/context';
import { Discovery } from '../../core/shell/kubectl/discovery';
import { CommandError } from '../../core/shell/kubectl/errors';
import { runKubectl } from '../../core/shell/kubectl/root';
import { splitWords } from '../../core/shell/words';
import { ref, scenario, type Scenario } from './harness';

/**
 * kubectl over the scenario's cluster with the capabilities of a terminal: an editor script, a
 * clock that sleeps by advancing the cluster's, workspace files in memory (written too: kubectl
 * edit keeps a copy of failed changes there).
 */
function shell(s: Scenario, editor?: (text: string, pass: number) => string | undefined) {
  const transport: ShellTransport = async (method, path, query, accept, send) => {
    const headers: Record<string, string> = send?.contentType ? { accept, 'content-type': send.contentType } : { accept };
    const res = await s.cluster.handle({ method, path, query, headers, ...(send?.body !== undefined ? { body: send.body } : {}), user: { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
    if ('stream' in res) throw new Error('unexpected stream');
    return { status: res.status, body: res.body };
  };
  const workspace = new Map<string, string>();
  const files: ShellFiles = {
    readFile: async (p) => {
      const t = workspace.get(p);
      if (t === undefined) throw new Error(`the path "${p}" does not exist`);
      return t;
    },
    stat: async (p) => (workspace.has(p) ? 'file' : undefined),
    readDir: async () => [...workspace.keys()].sort(),
    writeFile: async (p, t) => {
      workspace.set(p, t);
    },
  };
  const buffers: string[] = [];
  let out = '';
  let err = '';
  const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
  const discovery = new Discovery(transport);
  const deps: ShellDeps = {
    files,
    parseYaml: (t) =>
      parseAllDocuments(t).map((d) => {
        if (d.errors.length > 0) throw new Error(d.errors[0]?.message ?? 'invalid YAML');
        return d.toJS() as unknown;
      }),
    sleep: (ms) => s.advance(ms),
    now: () => s.clock.now(),
    ...(editor
      ? {
          editor: async (text: string) => {
            buffers.push(text);
            return editor(text, buffers.length - 1);
          },
        }
      : {}),
  };
  return {
    buffers,
    workspace,
    async run(line: string) {
      out = '';
      err = '';
      const k = new Kubectl(transport, state, { out: (t) => (out += t), err: (t) => (err += t) }, deps, discovery);
      let code = 0;
      try {
        await runKubectl(k, splitWords(line).words.slice(1), COMMANDS);
        code = k.exit;
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
        err += `${e.message}\n`;
        code = e.code;
      }
      return { out, err, code };
    },
  };
}

const podsOf = async (s: Scenario, selector: string) => (await s.client.list<Pod>(ref('pods', 'default'), { labelSelector: selector })).items.filter((p) => !p.metadata.deletionTimestamp);

describe('kubectl edit', () => {
  it('sends the edited Deployment, which rolls out, and reopens an invalid edit with the error on top', async () => {
    const s = await scenario({ workers: 2 });
    const sh = shell(s, (text, pass) => {
      if (pass === 0) return text.replace('image: nginx:1.25', 'image: nginx:1.26');
      if (pass === 1) return text.replace(/^ {2}replicas: \d+$/m, '  replicas: -1');
      // The reopened buffer: the student fixes the value.
      return text.replace(/^ {2}replicas: -1$/m, '  replicas: 2');
    });
    expect((await sh.run('kubectl create deployment web --image=nginx:1.25')).out).toBe('deployment.apps/web created\n');
    await s.until(async () => ((await podsOf(s, 'app=web')).some((p) => p.status?.phase === 'Running') ? true : undefined));

    const first = await sh.run('kubectl edit deployment web');
    expect(first).toEqual({ out: 'deployment.apps/web edited\n', err: '', code: 0 });
    expect(sh.buffers[0]).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit\. If an error occurs while saving this file will be\n# reopened with the relevant failures\.\n#\napiVersion: apps\/v1\nkind: Deployment\n/);
    expect(sh.buffers[0]).not.toContain('managedFields');
    await s.until(async () => {
      const pods = await podsOf(s, 'app=web');
      return pods.length === 1 && pods[0]?.spec?.containers[0]?.image === 'nginx:1.26' && pods[0]?.status?.phase === 'Running' ? true : undefined;
    });

    const second = await sh.run('kubectl edit deploy/web');
    expect(second).toEqual({ out: 'deployment.apps/web edited\n', err: 'error: deployments.apps "web" is invalid\n', code: 0 });
    expect(sh.buffers[2]).toContain('#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n');
    await s.until(async () => ((await podsOf(s, 'app=web')).length === 2 ? true : undefined));

    // Nothing changed: nothing is sent.
    const untouched = shell(s, () => undefined);
    expect(await untouched.run('kubectl edit deploy web')).toEqual({ out: '', err: 'Edit cancelled, no changes made.\n', code: 0 });
    s.stop();
  }, 120_000);

  it('gives up on an invalid edit saved again unchanged, keeping a copy in the workspace', async () => {
    const s = await scenario({ workers: 1 });
    const sh = shell(s, (text, pass) => (pass === 0 ? text.replace(/^ {2}mode: slow$/m, '  mode: [') : text));
    await sh.run('kubectl create configmap cfg --from-literal=mode=slow');
    const r = await sh.run('kubectl edit cm cfg');
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: configmaps "cfg" is invalid\nA copy of your changes has been stored to "kubectl-edit-1.yaml"\nerror: Edit cancelled, no valid changes were saved.\n');
    expect(sh.buffers[1]).toContain('# configmaps "cfg" was not valid:\n# * <nil>: Invalid value: "The edited file failed validation": yaml: line 4:');
    expect(sh.workspace.get('kubectl-edit-1.yaml')).toContain('mode: [');
    s.stop();
  }, 60_000);
});

describe('kubectl drain', () => {
  it('cordons the node, retries an eviction the budget refuses, and drains once it allows it', async () => {
    const s = await scenario({ workers: 2 });
    const sh = shell(s);
    await sh.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await s.client.create(ref('poddisruptionbudgets', 'default', undefined, 'policy', 'v1'), { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } } });
    await s.until(async () => ((await podsOf(s, 'app=web')).filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length === 2 ? true : undefined));
    await s.advance(2000);
    const node = (await podsOf(s, 'app=web'))[0]?.spec?.nodeName as string;
    // The budget allows nothing: drain gives up after its timeout, the node stays cordoned.
    const refused = await sh.run(`kubectl drain ${node} --ignore-daemonsets --timeout=12s`);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(new RegExp(`^node/${node} cordoned\nevicting pod default/web-[a-z0-9]+-[a-z0-9]+\n`));
    expect(refused.err).toMatch(/^Warning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-[a-z0-9]+\n/);
    expect(refused.err).toMatch(/error when evicting pods\/"web-[a-z0-9-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.\n/);
    expect(refused.err).toMatch(new RegExp(`There are pending nodes to be drained:\n ${node}\n(error when evicting pods/"web-[a-z0-9-]+" -n "default": global timeout reached: 12s\n)+$`));
    expect((await sh.run(`kubectl get nodes ${node}`)).out).toMatch(new RegExp(`${node} +Ready,SchedulingDisabled`));

    // A budget that allows one disruption: the pod goes, its replacement starts on the other node.
    await sh.run(`kubectl patch pdb web --type=merge -p '{"spec":{"minAvailable":1}}'`);
    await s.advance(2000);
    const drained = await sh.run(`kubectl drain ${node} --ignore-daemonsets --timeout=300s`);
    expect(drained.code).toBe(0);
    expect(drained.out).toMatch(new RegExp(`^node/${node} already cordoned\nevicting pod default/web-\\S+\n`));
    expect(drained.out).toMatch(/pod\/web-\S+ evicted\n/);
    expect(drained.out).toMatch(new RegExp(`node/${node} drained\n$`));
    expect((await podsOf(s, 'app=web')).every((p) => p.spec?.nodeName !== node)).toBe(true);
    expect(await sh.run(`kubectl uncordon ${node}`)).toMatchObject({ out: `node/${node} uncordoned\n` });
    s.stop();
  }, 240_000);
});

describe('set, expose, taint, autoscale', () => {
  it('rolls a new image, exposes the pods, keeps new pods off a tainted node, and autoscales', async () => {
    const s = await scenario({ workers: 1 });
    const sh = shell(s);
    await sh.run('kubectl create deployment web --image=nginx:1.25 --port=80');
    expect(await sh.run('kubectl set image deployment/web nginx=nginx:1.26')).toEqual({ out: 'deployment.apps/web image updated\n', err: '', code: 0 });
    // Setting the same image again changes nothing and prints nothing, as kubectl.
    expect(await sh.run('kubectl set image deployment/web nginx=nginx:1.26')).toEqual({ out: '', err: '', code: 0 });
    await s.until(async () => ((await podsOf(s, 'app=web')).every((p) => p.spec?.containers[0]?.image === 'nginx:1.26' && p.status?.phase === 'Running') ? true : undefined));

    expect((await sh.run('kubectl expose deployment web')).out).toBe('service/web exposed\n');
    await s.until(async () => ((await sh.run('kubectl get endpoints web')).out.match(/web +10\.244\.\d+\.\d+:80 /) ? true : undefined));

    expect((await sh.run('kubectl taint nodes kubelab-worker dedicated=db:NoSchedule')).out).toBe('node/kubelab-worker tainted\n');
    await sh.run('kubectl scale deployment web --replicas=2');
    await s.advance(5000);
    const pending = (await podsOf(s, 'app=web')).filter((p) => p.status?.phase === 'Pending');
    expect(pending).toHaveLength(1);
    expect((await sh.run('kubectl taint nodes kubelab-worker dedicated-')).out).toBe('node/kubelab-worker untainted\n');

    expect((await sh.run('kubectl autoscale deployment web --min=1 --max=4 --cpu-percent=70')).out).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    const hpa = (await sh.run('kubectl get hpa web')).out.split('\n')[1]?.split(/\s{2,}/);
    expect(hpa?.slice(0, 2)).toEqual(['web', 'Deployment/web']);
    expect(hpa?.slice(3, 5)).toEqual(['1', '4']);
    s.stop();
  }, 180_000);
});
