import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet } from '../../core/api/types';
import type { Table } from '../../core/apiserver/table';
import { TABLE_ACCEPT } from '../../core/shell/engine';
import { printTable } from '../../core/shell/printer';
import { ref, scenario, type Scenario } from './harness';

const DEPLOYS = ref('deployments', 'default', undefined, 'apps', 'v1');
const RS = ref('replicasets', 'default', undefined, 'apps', 'v1');
const PODS = ref('pods', 'default');
const REVISION = 'deployment.kubernetes.io/revision';
const ADMIN = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

function web(replicas: number, spec: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } },
      ...spec,
    },
  };
}

/** What `kubectl get deploy` / `rs` prints: the API server's Table, printed as kubectl prints it (the bundled shell knows core/v1 types only). */
async function kubectlGet(s: Scenario, resource: 'deployments' | 'replicasets'): Promise<string> {
  const res = await s.cluster.handle({ method: 'GET', path: `/apis/apps/v1/namespaces/default/${resource}`, query: {}, headers: { accept: TABLE_ACCEPT }, user: ADMIN });
  if ('stream' in res) throw new Error('unexpected stream');
  return printTable(res.body as Table);
}

/** The rows of a printed table, as cells (header left out). */
function rows(printed: string): string[][] {
  return printed
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(/\s{2,}|\s(?=\S)/).filter((c) => c !== ''));
}

/** `kubectl get rs`: name → [DESIRED, CURRENT, READY]. */
async function replicaSetColumns(s: Scenario): Promise<Map<string, [number, number, number]>> {
  const out = new Map<string, [number, number, number]>();
  for (const r of rows(await kubectlGet(s, 'replicasets'))) out.set(r[0] as string, [Number(r[1]), Number(r[2]), Number(r[3])]);
  return out;
}

/** `kubectl get deploy web`: [READY, UP-TO-DATE, AVAILABLE]. */
async function deploymentColumns(s: Scenario): Promise<[string, number, number]> {
  const r = rows(await kubectlGet(s, 'deployments')).find((x) => x[0] === 'web');
  if (!r) throw new Error('no deployment web');
  return [r[1] as string, Number(r[2]), Number(r[3])];
}

async function getDeployment(s: Scenario): Promise<Deployment> {
  return s.client.get<Deployment>({ ...DEPLOYS, name: 'web' });
}

async function replicaSets(s: Scenario): Promise<ReplicaSet[]> {
  return (await s.client.list<ReplicaSet>(RS)).items;
}

async function pods(s: Scenario): Promise<Pod[]> {
  return (await s.client.list<Pod>(PODS, { labelSelector: 'app=web' })).items;
}

function ready(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function condition(d: Deployment, type: string) {
  return (d.status?.conditions ?? []).find((c) => c.type === type) as { status: string; reason?: string; message?: string } | undefined;
}

/** Waits until the Deployment's rollout is complete (`kubectl rollout status` would say it has successfully rolled out). */
async function rolledOut(s: Scenario, replicas: number): Promise<Deployment> {
  return s.until(async () => {
    const d = await getDeployment(s);
    const st = d.status ?? {};
    const done = (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) && st.updatedReplicas === replicas && st.replicas === replicas && st.availableReplicas === replicas;
    return done && condition(d, 'Progressing')?.reason === 'NewReplicaSetAvailable' ? d : undefined;
  });
}

async function setImage(s: Scenario, image: string): Promise<void> {
  await s.client.patch({ ...DEPLOYS, name: 'web' }, { spec: { template: { spec: { containers: [{ name: 'nginx', image }] } } } });
}

/** `kubectl get events` lines of the deployment-controller about deployment/web. */
async function deploymentEvents(s: Scenario): Promise<string[]> {
  const { out } = await s.kubectl('kubectl get events');
  return out.split('\n').filter((l) => /deployment\/web\s/.test(l));
}

function newestRS(rss: ReplicaSet[]): ReplicaSet {
  return [...rss].sort((a, b) => Number(b.metadata.annotations?.[REVISION] ?? 0) - Number(a.metadata.annotations?.[REVISION] ?? 0))[0] as ReplicaSet;
}

describe('Deployment controller', () => {
  it('rolls out 4 replicas, updates the image within maxSurge 1 / maxUnavailable 1 at every step, and undoes to revision 1 as revision 3', async () => {
    const s = await scenario({ seed: 11 });
    await s.client.create(DEPLOYS, web(4, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }));
    const d1 = await rolledOut(s, 4);
    expect(await deploymentColumns(s)).toEqual(['4/4', 4, 4]);
    const [rs1] = await replicaSets(s);
    const hash = rs1?.metadata.labels?.['pod-template-hash'] ?? '';
    expect(rs1?.metadata.name).toBe(`web-${hash}`);
    expect(rs1?.spec.selector?.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs1?.metadata.annotations).toEqual({ [REVISION]: '1', 'deployment.kubernetes.io/desired-replicas': '4', 'deployment.kubernetes.io/max-replicas': '5' });
    expect((await replicaSetColumns(s)).get(`web-${hash}`)).toEqual([4, 4, 4]);
    for (const p of await pods(s)) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels?.['pod-template-hash']).toBe(hash);
    }
    expect(d1.metadata.annotations?.[REVISION]).toBe('1');
    expect(condition(d1, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    expect(condition(d1, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "web-${hash}" has successfully progressed.` });
    expect(await deploymentEvents(s)).toEqual([expect.stringMatching(new RegExp(`Normal\\s+ScalingReplicaSet\\s+deployment/web\\s+Scaled up replica set web-${hash} from 0 to 4$`))]);

    // Change the image: observe after every step of virtual time.
    await setImage(s, 'nginx:1.27');
    let done: Deployment | undefined;
    for (let t = 0; t < 300_000 && !done; t += 200) {
      await s.advance(200);
      const live = (await pods(s)).filter((p) => !p.metadata.deletionTimestamp);
      expect(live.length).toBeLessThanOrEqual(5);
      expect(live.filter(ready).length).toBeGreaterThanOrEqual(3);
      const [, , available] = await deploymentColumns(s);
      expect(available).toBeGreaterThanOrEqual(3);
      const d = await getDeployment(s);
      if (d.status?.updatedReplicas === 4 && d.status.availableReplicas === 4 && d.status.replicas === 4 && condition(d, 'Progressing')?.reason === 'NewReplicaSetAvailable') done = d;
    }
    expect(done).toBeDefined();
    const rss = await replicaSets(s);
    expect(rss).toHaveLength(2);
    const rs2 = newestRS(rss);
    expect(rs2.metadata.annotations?.[REVISION]).toBe('2');
    expect(done?.metadata.annotations?.[REVISION]).toBe('2');
    expect(done?.metadata.generation).toBe(2);
    expect(done?.status).toMatchObject({ observedGeneration: 2, replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4 });
    expect(done?.status?.unavailableReplicas).toBeUndefined();
    const columns = await replicaSetColumns(s);
    expect(columns.get(rs2.metadata.name ?? '')).toEqual([4, 4, 4]);
    expect(columns.get(`web-${hash}`)).toEqual([0, 0, 0]);
    expect(condition(done as Deployment, 'Progressing')?.message).toBe(`ReplicaSet "${rs2.metadata.name ?? ''}" has successfully progressed.`);
    const events = await deploymentEvents(s);
    expect(events.some((l) => l.includes(`Scaled up replica set ${rs2.metadata.name ?? ''} from 0 to 1`))).toBe(true);
    expect(events.some((l) => l.includes(`Scaled down replica set web-${hash} from 1 to 0`))).toBe(true);

    // kubectl rollout undo (1.32, client-side): the template of revision 1 copied into the Deployment.
    const template = JSON.parse(JSON.stringify(rs1?.spec.template)) as ReplicaSet['spec']['template'];
    delete template.metadata?.labels?.['pod-template-hash'];
    const annotations = { [REVISION]: done?.metadata.annotations?.[REVISION] ?? '' };
    await s.client.patch({ ...DEPLOYS, name: 'web' }, [{ op: 'replace', path: '/spec/template', value: template }, { op: 'replace', path: '/metadata/annotations', value: annotations }], 'application/json-patch+json');
    const d3 = await rolledOut(s, 4);
    const after = await replicaSets(s);
    expect(after).toHaveLength(2);
    const back = after.find((rs) => rs.metadata.name === `web-${hash}`);
    expect(back?.metadata.annotations).toMatchObject({ [REVISION]: '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(d3.metadata.annotations?.[REVISION]).toBe('3');
    const cols = await replicaSetColumns(s);
    expect(cols.get(`web-${hash}`)).toEqual([4, 4, 4]);
    expect(cols.get(rs2.metadata.name ?? '')).toEqual([0, 0, 0]);
    // More than 10 similar events in 10 minutes: the recorder combines them (client-go's EventAggregator).
    expect((await deploymentEvents(s)).at(-1)).toMatch(new RegExp(`Normal\\s+ScalingReplicaSet\\s+deployment/web\\s+\\(combined from similar events\\): Scaled down replica set ${rs2.metadata.name ?? ''} from 1 to 0$`));
    s.stop();
  });

  it('Recreate: every old pod is gone before the first new pod exists', async () => {
    const s = await scenario({ seed: 5 });
    await s.client.create(DEPLOYS, web(3, { strategy: { type: 'Recreate' } }));
    await rolledOut(s, 3);
    const oldHash = (await replicaSets(s))[0]?.metadata.labels?.['pod-template-hash'];
    await setImage(s, 'nginx:1.27');
    let sawNew = false;
    for (let t = 0; t < 120_000; t += 100) {
      await s.advance(100);
      const all = await pods(s);
      const olds = all.filter((p) => p.metadata.labels?.['pod-template-hash'] === oldHash);
      const news = all.filter((p) => p.metadata.labels?.['pod-template-hash'] !== oldHash);
      if (news.length > 0) {
        expect(olds).toEqual([]);
        sawNew = true;
      }
      if (news.length === 3 && news.every(ready)) break;
    }
    expect(sawNew).toBe(true);
    const d = await rolledOut(s, 3);
    expect(d.metadata.annotations?.[REVISION]).toBe('2');
    const rs2 = newestRS(await replicaSets(s));
    const events = await deploymentEvents(s);
    const down = events.findIndex((l) => l.includes(`Scaled down replica set web-${oldHash ?? ''} from 3 to 0`));
    const up = events.findIndex((l) => l.includes(`Scaled up replica set ${rs2.metadata.name ?? ''} from 0 to 3`));
    expect(down).toBeGreaterThanOrEqual(0);
    expect(up).toBeGreaterThan(down);
    s.stop();
  });

  it('pause: a new template makes no ReplicaSet; resume rolls it out', async () => {
    const s = await scenario({ seed: 6 });
    await s.client.create(DEPLOYS, web(2));
    await rolledOut(s, 2);
    await s.client.patch({ ...DEPLOYS, name: 'web' }, { spec: { paused: true } });
    await setImage(s, 'nginx:1.27');
    await s.advance(30_000, 500);
    expect(await replicaSets(s)).toHaveLength(1);
    const paused = await getDeployment(s);
    expect(condition(paused, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    expect(paused.status?.observedGeneration).toBe(paused.metadata.generation);
    expect(await deploymentColumns(s)).toEqual(['2/2', 0, 2]);

    await s.client.patch({ ...DEPLOYS, name: 'web' }, { spec: { paused: null } });
    const d = await rolledOut(s, 2);
    expect(d.metadata.annotations?.[REVISION]).toBe('2');
    const rss = await replicaSets(s);
    expect(rss).toHaveLength(2);
    const events = await deploymentEvents(s);
    expect(events.some((l) => l.includes(`Scaled up replica set ${newestRS(rss).metadata.name ?? ''} from 0 to 1`))).toBe(true);
    s.stop();
  });

  it('kubectl rollout restart (a restartedAt template annotation) makes a new revision', async () => {
    const s = await scenario({ seed: 8 });
    await s.client.create(DEPLOYS, web(2));
    await rolledOut(s, 2);
    await s.client.patch({ ...DEPLOYS, name: 'web' }, { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-03-01T09:01:00Z' } } } } });
    const d = await rolledOut(s, 2);
    expect(d.metadata.annotations?.[REVISION]).toBe('2');
    const rs2 = newestRS(await replicaSets(s));
    expect(rs2.spec.template.metadata?.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-03-01T09:01:00Z' });
    for (const p of await pods(s)) if (!p.metadata.deletionTimestamp) expect(p.metadata.labels?.['pod-template-hash']).toBe(rs2.metadata.labels?.['pod-template-hash']);
    s.stop();
  });

  it('a rollout whose pods never run: Progressing turns False with ProgressDeadlineExceeded', async () => {
    const s = await scenario({ seed: 9 });
    await s.client.create(DEPLOYS, web(4, { progressDeadlineSeconds: 60 }));
    await rolledOut(s, 4);
    // No node has this label: the new pods stay Pending.
    const patchedAt = s.clock.now();
    await s.client.patch({ ...DEPLOYS, name: 'web' }, { spec: { template: { spec: { nodeSelector: { 'kubelab.io/nowhere': 'true' } } } } });
    const failed = await s.until(async () => {
      const d = await getDeployment(s);
      return condition(d, 'Progressing')?.status === 'False' ? d : undefined;
    }, 180_000, 500);
    const rs2 = newestRS(await replicaSets(s));
    expect(condition(failed, 'Progressing')).toMatchObject({ reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rs2.metadata.name ?? ''}" has timed out progressing.` });
    // maxUnavailable 25% of 4 is 1: three old pods keep the Deployment available.
    expect(condition(failed, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    expect(failed.status).toMatchObject({ replicas: 5, updatedReplicas: 2, availableReplicas: 3, unavailableReplicas: 2 });
    expect(await deploymentColumns(s)).toEqual(['3/4', 2, 3]);
    // Not before progressDeadlineSeconds of virtual time without progress (the condition's times have whole seconds).
    expect(s.clock.now()).toBeGreaterThanOrEqual(patchedAt + 59_000);
    s.stop();
  });

  it('scaled mid-rollout, shares the new replicas among the ReplicaSets in proportion', async () => {
    const s = await scenario({ seed: 10 });
    await s.client.create(DEPLOYS, web(10, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    await rolledOut(s, 10);
    const oldName = (await replicaSets(s))[0]?.metadata.name ?? '';
    // The new pods cannot be scheduled: the rollout stops with 8 old and 5 new replicas.
    await s.client.patch({ ...DEPLOYS, name: 'web' }, { spec: { template: { spec: { nodeSelector: { 'kubelab.io/nowhere': 'true' } } } } });
    const newName = await s.until(async () => {
      const cols = await replicaSetColumns(s);
      const other = [...cols.keys()].find((n) => n !== oldName);
      return other && cols.get(oldName)?.[0] === 8 && cols.get(other)?.[0] === 5 ? other : undefined;
    });
    await s.advance(5000);
    expect((await replicaSetColumns(s)).get(oldName)?.[0]).toBe(8);
    await s.client.patch({ ...DEPLOYS, name: 'web' }, { spec: { replicas: 15 } });
    await s.until(async () => {
      const cols = await replicaSetColumns(s);
      return cols.get(oldName)?.[0] === 11 && cols.get(newName)?.[0] === 7 ? true : undefined;
    });
    const events = await deploymentEvents(s);
    expect(events.some((l) => l.includes(`Scaled up replica set ${oldName} from 8 to 11`))).toBe(true);
    expect(events.some((l) => l.includes(`Scaled up replica set ${newName} from 5 to 7`))).toBe(true);
    const d = await getDeployment(s);
    for (const rs of await replicaSets(s)) expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '15', 'deployment.kubernetes.io/max-replicas': '18' });
    expect(d.spec.replicas).toBe(15);
    s.stop();
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', async () => {
    const s = await scenario({ seed: 12 });
    await s.client.create(DEPLOYS, web(1, { revisionHistoryLimit: 1 }));
    await rolledOut(s, 1);
    for (const image of ['nginx:1.27', 'nginx:1.25']) {
      await setImage(s, image);
      await rolledOut(s, 1);
    }
    await s.until(async () => ((await replicaSets(s)).length === 2 ? true : undefined));
    expect((await replicaSets(s)).map((rs) => rs.metadata.annotations?.[REVISION]).sort()).toEqual(['2', '3']);
    s.stop();
  });

  it('a new Deployment adopts the ReplicaSet an orphaning delete left behind, and makes no new one', async () => {
    const s = await scenario({ seed: 13 });
    await s.client.create(DEPLOYS, web(2));
    await rolledOut(s, 2);
    const [rs] = await replicaSets(s);
    await s.client.delete({ ...DEPLOYS, name: 'web' }, { propagationPolicy: 'Orphan' } as never);
    await s.until(async () => ((await replicaSets(s))[0]?.metadata.ownerReferences ?? []).length === 0 || undefined);
    const podNames = (await pods(s)).map((p) => p.metadata.name).sort();
    await s.client.create(DEPLOYS, web(2));
    const d = await rolledOut(s, 2);
    const after = await replicaSets(s);
    expect(after.map((r) => r.metadata.name)).toEqual([rs?.metadata.name]);
    expect(after[0]?.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(d.metadata.annotations?.[REVISION]).toBe('1');
    expect((await pods(s)).map((p) => p.metadata.name).sort()).toEqual(podNames);
    s.stop();
  });

  it('replays a rollout identically from the same seed', async () => {
    const run = async () => {
      const s = await scenario({ seed: 21 });
      await s.client.create(DEPLOYS, web(3));
      await rolledOut(s, 3);
      await setImage(s, 'nginx:1.27');
      await rolledOut(s, 3);
      await s.advance(5000);
      const dump = JSON.stringify(s.dump());
      s.stop();
      return dump;
    };
    expect(await run()).toBe(await run());
  });

  it('minReadySeconds: pods count as available only after being ready that long', async () => {
    const s = await scenario({ seed: 14 });
    await s.client.create(DEPLOYS, web(2, { minReadySeconds: 10 }));
    const readyAt = await s.until(async () => ((await pods(s)).filter(ready).length === 2 ? s.clock.now() : undefined));
    const [readyCol, , available] = await deploymentColumns(s);
    expect([readyCol, available]).toEqual(['2/2', 0]);
    expect((await replicaSets(s))[0]?.spec.minReadySeconds).toBe(10);
    const d = await rolledOut(s, 2);
    expect(s.clock.now()).toBeGreaterThanOrEqual(readyAt + 9000);
    expect(d.status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
    s.stop();
  });
});
