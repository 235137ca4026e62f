/**
 * RBAC, admission and events through the real kubectl (when on PATH) against a served cluster:
 * `auth can-i` for the admin and for a service account given a Role by kubectl, `--as`
 * impersonation refused with kube's message, `auth whoami`, a ResourceQuota refusing a pod, a
 * LimitRange defaulting requests, and `describe pod` / `get events` showing the pod's events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { eventually, findKubectl, kubectl, tempDir } from '../helpers';

let lab: LabHost;
const kubectlPath = findKubectl();
const run = (...args: string[]) => kubectl(lab.kubeconfig, args);

/** Applies a manifest written to a temporary file. */
async function apply(yaml: string) {
  const file = join(tempDir('kubelab-rbac-'), 'manifest.yaml');
  writeFileSync(file, yaml);
  return run('apply', '-f', file);
}

describe.skipIf(!kubectlPath)('RBAC, admission and events with the real kubectl', () => {
  if (!kubectlPath) console.warn('skipped: there is no kubectl on PATH (the RBAC checks need one)');

  beforeAll(async () => {
    lab = await startLabHost({ dataDir: tempDir(), port: 0, workers: 2, seed: 11 });
  });
  afterAll(async () => {
    await lab?.close();
  });

  it('answers auth can-i for the admin, yes and no', async () => {
    expect((await run('auth', 'can-i', 'list', 'pods')).stdout.trim()).toBe('yes');
    expect((await run('auth', 'can-i', '*', '*', '--all-namespaces')).stdout.trim()).toBe('yes');
    const list = await run('auth', 'can-i', '--list');
    expect(list.stdout).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs/);
    expect(list.stdout).toMatch(/\n\*\.\*\s+\[\]\s+\[\]\s+\[\*\]/);
  });

  it('answers auth can-i for a service account given a Role by kubectl', async () => {
    expect((await run('create', 'namespace', 'dev')).code).toBe(0);
    expect((await run('create', 'serviceaccount', 'robot', '-n', 'dev')).code).toBe(0);
    expect((await run('create', 'role', 'pod-reader', '--verb=get,list,watch', '--resource=pods', '-n', 'dev')).code).toBe(0);
    expect((await run('create', 'rolebinding', 'robot-read', '--role=pod-reader', '--serviceaccount=dev:robot', '-n', 'dev')).code).toBe(0);
    const as = ['--as=system:serviceaccount:dev:robot', '-n', 'dev'];
    expect((await run('auth', 'can-i', 'list', 'pods', ...as)).stdout.trim()).toBe('yes');
    const no = await run('auth', 'can-i', 'create', 'deployments', ...as);
    expect(no.stdout.trim()).toBe('no');
    expect(no.code).toBe(1);
    expect((await run('get', 'pods', ...as)).stderr).toBe('No resources found in dev namespace.\n');
  });

  it("refuses an impersonated user with kube's 403 message", async () => {
    const r = await run('get', 'pods', '--as=jane');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"');
    const sa = await run('get', 'secrets', '-n', 'kube-system', '--as=system:serviceaccount:dev:robot');
    expect(sa.stderr.trim()).toBe('Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:dev:robot" cannot list resource "secrets" in API group "" in the namespace "kube-system"');
  });

  it('tells who the user is (auth whoami)', async () => {
    const me = await run('auth', 'whoami');
    expect(me.stdout).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
    const robot = await run('auth', 'whoami', '--as=system:serviceaccount:dev:robot');
    expect(robot.stdout).toContain('Username    system:serviceaccount:dev:robot');
    expect(robot.stdout).toContain('Groups      [system:serviceaccounts system:serviceaccounts:dev system:authenticated]');
  });

  it('defaults requests from a LimitRange and refuses a pod beyond a ResourceQuota', async () => {
    const applied = await apply(`apiVersion: v1
kind: Namespace
metadata:
  name: team
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: team
spec:
  limits:
  - type: Container
    defaultRequest:
      cpu: 100m
      memory: 64Mi
    default:
      cpu: 200m
      memory: 128Mi
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute-quota
  namespace: team
spec:
  hard:
    pods: "2"
    requests.cpu: "1"
`);
    expect(applied.stderr).toBe('');
    await eventually(async () => ((await run('get', 'quota', 'compute-quota', '-n', 'team', '-o', 'jsonpath={.status.used.pods}')).stdout === '0' ? true : undefined));
    await eventually(async () => ((await run('get', 'serviceaccount', 'default', '-n', 'team')).code === 0 ? true : undefined));
    expect((await run('run', 'a', '--image=nginx', '-n', 'team')).code).toBe(0);
    const resources = await run('get', 'pod', 'a', '-n', 'team', '-o', 'jsonpath={.spec.containers[0].resources.requests.cpu} {.spec.containers[0].resources.limits.memory}');
    expect(resources.stdout).toBe('100m 128Mi');
    expect((await run('run', 'b', '--image=nginx', '-n', 'team')).code).toBe(0);
    const refused = await run('run', 'c', '--image=nginx', '-n', 'team');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe('Error from server (Forbidden): pods "c" is forbidden: exceeded quota: compute-quota, requested: pods=1, used: pods=2, limited: pods=2');
    expect((await run('get', 'quota', '-n', 'team')).stdout).toMatch(/compute-quota\s+pods: 2\/2, requests.cpu: 200m\/1/);
  });

  it('shows the pod events in describe and get events', async () => {
    expect((await run('run', 'web', '--image=nginx')).code).toBe(0);
    await eventually(async () => ((await run('get', 'pod', 'web', '-o', 'jsonpath={.status.phase}')).stdout === 'Running' ? true : undefined), 15_000);
    const described = await eventually(async () => {
      const d = (await run('describe', 'pod', 'web')).stdout;
      return d.includes('Started container web') ? d : undefined;
    });
    const events = described.slice(described.indexOf('Events:'));
    expect(events).toMatch(/Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned default\/web to kubelab-worker2?\n/);
    expect(events).toMatch(/Normal\s+Pulling\s+\S+\s+kubelet\s+Pulling image "nginx"\n/);
    expect(events).toMatch(/Normal\s+Pulled\s+\S+\s+kubelet\s+Successfully pulled image "nginx" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 72099501 bytes\.\n/);
    expect(events).toMatch(/Normal\s+Created\s+\S+\s+kubelet\s+Created container: web\n/);
    expect(events).toMatch(/Normal\s+Started\s+\S+\s+kubelet\s+Started container web\n/);
    const list = await run('get', 'events', '--field-selector', 'involvedObject.name=web');
    expect(list.stdout.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    for (const reason of ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']) expect(list.stdout).toMatch(new RegExp(`Normal\\s+${reason}\\s+pod/web`));
  });
});
