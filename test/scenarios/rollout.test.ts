/**
 * `kubectl rollout` against a running cluster (issue 5): `status` following a Deployment's rolling
 * update line by line until it is done, as kubectl 1.32 watches it (`--watch=false`, `--revision`,
 * `--timeout`, Ctrl-C), and `history`/`undo`/`restart`/`pause` for DaemonSets and StatefulSets,
 * whose history lives in ControllerRevisions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DaemonSet, StatefulSet } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';
import { drive, shellFor, type Shell } from './shellHarness';

const DS = ref('daemonsets', 'default', 'agent', 'apps', 'v1');
const STS = ref('statefulsets', 'default', 'db', 'apps', 'v1');

const ok = (out: string) => ({ out, err: '', code: 0 });
const failed = (err: string) => ({ out: '', err, code: 1 });

/** Runs a command that returns at once (no clock needed). */
async function now(sh: Shell, line: string): Promise<{ out: string; err: string; code: number }> {
  return sh.run(line);
}

async function settled(s: Scenario, sh: Shell, kind: string, name: string): Promise<void> {
  const r = await drive(s, sh.run(`kubectl rollout status ${kind}/${name}`));
  expect(r.code, r.err).toBe(0);
}

describe('kubectl rollout status', () => {
  let s: Scenario | undefined;
  afterEach(() => s?.stop());

  it('follows a rolling update line by line until the deployment has rolled out', async () => {
    s = await scenario({ workers: 2 });
    const sh = shellFor(s);
    expect(await now(sh, 'kubectl create deployment web --image=nginx:1.25 --replicas=3')).toEqual(ok('deployment.apps/web created\n'));
    await settled(s, sh, 'deployment', 'web');
    expect((await now(sh, 'kubectl set image deployment/web nginx=nginx:1.27')).out).toBe('deployment.apps/web image updated\n');
    const r = await drive(s, sh.run('kubectl rollout status deployment/web'));
    const lines = r.out.trimEnd().split('\n');
    expect(r.code).toBe(0);
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    // Every line before the last is a waiting line of DeploymentStatusViewer, in the order the rollout goes through them.
    const waiting = /^(Waiting for deployment spec update to be observed\.\.\.|Waiting for deployment "web" rollout to finish: (\d) (out of 3 new replicas have been updated|old replicas are pending termination|of 3 updated replicas are available)\.\.\.)$/;
    for (const line of lines.slice(0, -1)) expect(line).toMatch(waiting);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines).toContain('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
    const updatedCounts = lines.map((l) => /(\d) out of 3 new/.exec(l)?.[1]).filter((n) => n !== undefined).map(Number);
    expect(updatedCounts).toEqual([...updatedCounts].sort());
    // Once done, a second call answers at once.
    expect(await now(sh, 'kubectl rollout status deploy/web')).toEqual(ok('deployment "web" successfully rolled out\n'));
  });

  it('--watch=false prints where the rollout is and returns; --revision pins the revision; --timeout gives up', async () => {
    s = await scenario({ workers: 2 });
    const sh = shellFor(s);
    await now(sh, 'kubectl create deployment web --image=nginx:1.25 --replicas=2');
    await settled(s, sh, 'deployment', 'web');
    // An image no registry has: the rollout never finishes.
    await now(sh, 'kubectl set image deployment/web nginx=nginx:no-such-tag');
    await s.advance(5000);
    const once = await now(sh, 'kubectl rollout status deployment/web --watch=false');
    expect(once.code).toBe(0);
    expect(once.out).toMatch(/^Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated\.\.\.\n$/);
    expect(await now(sh, 'kubectl rollout status deployment/web --revision=1')).toEqual(failed('error: desired revision (1) is different from the running revision (2)\n'));
    const waiting = sh.run('kubectl rollout status deployment/web --timeout=30s');
    await s.advance(2000);
    sh.fireTimers();
    const timedOut = await drive(s, waiting);
    expect(timedOut.err).toBe('error: timed out waiting for the condition\n');
    expect(timedOut.code).toBe(1);
    expect(timedOut.out).toMatch(/^(Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated\.\.\.\n)+$/);
    const ctrl = new AbortController();
    const interrupted = sh.run('kubectl rollout status deployment/web', ctrl.signal);
    await s.advance(1000);
    ctrl.abort();
    expect((await drive(s, interrupted)).code).toBe(1);
  });

  it('undo refuses a paused deployment, and brings the previous template and its change-cause back once resumed', async () => {
    s = await scenario({ workers: 2 });
    const sh = shellFor(s);
    await now(sh, 'kubectl create deployment web --image=nginx:1.25 --replicas=2');
    await settled(s, sh, 'deployment', 'web');
    await now(sh, 'kubectl set image deployment/web nginx=nginx:1.27');
    await now(sh, 'kubectl annotate deployment/web kubernetes.io/change-cause="image 1.27"');
    await settled(s, sh, 'deployment', 'web');
    expect(await now(sh, 'kubectl rollout history deployment/web')).toEqual(ok('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image 1.27\n\n'));
    expect(await now(sh, 'kubectl rollout pause deployment/web')).toEqual(ok('deployment.apps/web paused\n'));
    expect(await now(sh, 'kubectl rollout undo deployment/web')).toEqual(failed("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n"));
    expect(await now(sh, 'kubectl rollout resume deployment/web')).toEqual(ok('deployment.apps/web resumed\n'));
    // Dry runs change nothing: the client's describes revision 1's template, the server's goes through admission only.
    const client = await now(sh, 'kubectl rollout undo deployment/web --dry-run=client');
    expect(client.out).toMatch(/^deployment\.apps\/web Pod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=[a-z0-9]+\n/);
    expect(client.out).toMatch(/Image:\tnginx:1\.25\n[^]* \(dry run\)\n$/);
    expect(await now(sh, 'kubectl rollout undo deployment/web --dry-run=server')).toEqual(ok('deployment.apps/web rolled back (server dry run)\n'));
    expect(await now(sh, 'kubectl rollout undo deployment/web --dry-run=maybe')).toEqual(failed('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'));
    expect((await now(sh, 'kubectl get deployment web -o jsonpath={.spec.template.spec.containers[0].image}')).out).toBe('nginx:1.27');
    expect(await now(sh, 'kubectl rollout undo deployment/web')).toEqual(ok('deployment.apps/web rolled back\n'));
    await settled(s, sh, 'deployment', 'web');
    // Revision 1 came back as revision 3; the deployment no longer carries revision 2's change-cause.
    expect(await now(sh, 'kubectl rollout history deployment/web')).toEqual(ok('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         image 1.27\n3         <none>\n\n'));
    expect((await now(sh, "kubectl get deployment web -o jsonpath={.metadata.annotations.kubernetes\\.io/change-cause}")).out).toBe('');
    expect((await now(sh, 'kubectl get deployment web -o jsonpath={.spec.template.spec.containers[0].image}')).out).toBe('nginx:1.25');
  });

  it('answers as kubectl does for kinds without a status viewer and for a rollout that is deleted', async () => {
    s = await scenario({ workers: 1 });
    const sh = shellFor(s);
    await now(sh, 'kubectl create configmap settings');
    expect(await now(sh, 'kubectl rollout status configmap/settings')).toEqual(failed('error: no status viewer has been implemented for ConfigMap\n'));
    await now(sh, 'kubectl create deployment gone --image=nginx:no-such-tag');
    const following = sh.run('kubectl rollout status deployment/gone');
    await s.advance(1000);
    await s.client.delete(ref('deployments', 'default', 'gone', 'apps', 'v1'));
    const r = await drive(s, following);
    expect(r.err).toBe('error: object has been deleted\n');
    expect(r.code).toBe(1);
  });
});

describe('kubectl rollout for DaemonSets and StatefulSets', () => {
  let s: Scenario | undefined;
  afterEach(() => s?.stop());

  const daemonSet = (image: string): DaemonSet =>
    ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image, command: ['sleep', '3600'] }] } } } }) as DaemonSet;

  it('history lists the ControllerRevisions, undo brings the previous template back as a new revision', async () => {
    s = await scenario({ workers: 2 });
    const sh = shellFor(s);
    await s.client.create(ref('daemonsets', 'default', undefined, 'apps', 'v1'), daemonSet('busybox:1.36'));
    await settled(s, sh, 'daemonset', 'agent');
    expect((await now(sh, 'kubectl set image ds/agent agent=busybox:1.37')).code).toBe(0);
    const status = await drive(s, sh.run('kubectl rollout status ds/agent'));
    expect(status.out.trimEnd().split('\n').at(-1)).toBe('daemon set "agent" successfully rolled out');
    expect(status.out).toMatch(/Waiting for daemon set "agent" rollout to finish: \d (out of 2 new pods have been updated|of 2 updated pods are available)\.\.\./);
    expect(await now(sh, 'kubectl rollout history daemonset/agent')).toEqual(ok('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n'));
    const rev1 = await now(sh, 'kubectl rollout history daemonset/agent --revision=1');
    expect(rev1.out).toMatch(/^daemonset\.apps\/agent with revision #1\nPod Template:\n/);
    expect(rev1.out).toMatch(/Image:\s+busybox:1\.36\n/);
    const dry = await now(sh, 'kubectl rollout undo daemonset/agent --dry-run=client');
    expect(dry.out).toMatch(/^daemonset\.apps\/agent will roll back to Pod Template:\n[^]*Image:\tbusybox:1\.36\n[^]* \(dry run\)\n$/);
    expect((await s.client.get<DaemonSet>(DS))?.spec.template.spec.containers[0]?.image).toBe('busybox:1.37');
    expect(await now(sh, 'kubectl rollout undo daemonset/agent')).toEqual(ok('daemonset.apps/agent rolled back\n'));
    expect((await s.client.get<DaemonSet>(DS))?.spec.template.spec.containers[0]?.image).toBe('busybox:1.36');
    await settled(s, sh, 'daemonset', 'agent');
    // Revision 1's template is now revision 3: the history renumbers it, as the controller does.
    expect(await now(sh, 'kubectl rollout history daemonset/agent')).toEqual(ok('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n'));
    expect(await now(sh, 'kubectl rollout undo daemonset/agent --to-revision=3')).toEqual(ok('daemonset.apps/agent skipped rollback (current template already matches revision 3)\n'));
    expect(await now(sh, 'kubectl rollout undo daemonset/agent --to-revision=9')).toEqual(failed('error: unable to find specified revision 9 in history\n'));
    expect(await now(sh, 'kubectl rollout pause daemonset/agent')).toEqual(failed('error: daemonsets.apps "agent" pausing is not supported\n'));
    expect((await now(sh, 'kubectl rollout restart daemonset/agent')).out).toBe('daemonset.apps/agent restarted\n');
    expect((await s.client.get<DaemonSet>(DS))?.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeDefined();
  });

  it("a StatefulSet's history has only a REVISION column, and undo rolls its pods back", async () => {
    s = await scenario({ workers: 2 });
    const sh = shellFor(s);
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'redis:7.2' }] } } } } as StatefulSet;
    await s.client.create(ref('statefulsets', 'default', undefined, 'apps', 'v1'), sts);
    expect(await now(sh, 'kubectl rollout history sts/db')).toEqual(ok('statefulset.apps/db \nREVISION\n1\n\n'));
    expect(await now(sh, 'kubectl rollout undo sts/db')).toEqual(failed('error: no last revision to roll back to\n'));
    const first = await drive(s, sh.run('kubectl rollout status statefulset/db'));
    // The API defaults rollingUpdate.partition to 0, so kubectl takes every StatefulSet for a partitioned one.
    expect(first.out.trimEnd().split('\n').at(-1)).toBe('partitioned roll out complete: 2 new pods have been updated...');
    expect(first.out).toContain('Waiting for 2 pods to be ready...\n');
    await now(sh, 'kubectl set image statefulset/db db=redis:7.4');
    await settled(s, sh, 'statefulset', 'db');
    expect(await now(sh, 'kubectl rollout history sts/db')).toEqual(ok('statefulset.apps/db \nREVISION\n1\n2\n\n'));
    expect(await now(sh, 'kubectl rollout undo sts/db --to-revision=1')).toEqual(ok('statefulset.apps/db rolled back\n'));
    await settled(s, sh, 'statefulset', 'db');
    expect((await s.client.get<StatefulSet>(STS))?.spec.template.spec.containers[0]?.image).toBe('redis:7.2');
    const images = (await now(sh, 'kubectl get pods -l app=db -o jsonpath={.items[*].spec.containers[0].image}')).out;
    expect(images).toBe('redis:7.2 redis:7.2');
  });
});
