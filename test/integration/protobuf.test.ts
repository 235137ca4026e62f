/**
 * kubectl's typed commands send their bodies as Kubernetes protobuf
 * (`Content-Type: application/vnd.kubernetes.protobuf`): `kubectl create deployment|configmap|
 * secret|service|namespace|job|cronjob|serviceaccount|role|rolebinding|quota|...`,
 * `kubectl autoscale` and the pod deletions of `kubectl drain`. The real kubectl (when on PATH)
 * runs them against the lab host, and the objects are then read back as JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { eventually, findKubectl, kubectl, tempDir } from '../helpers';

let lab: LabHost;
const kubectlPath = findKubectl();

beforeAll(async () => {
  lab = await startLabHost({ dataDir: tempDir(), port: 0, workers: 2, seed: 5 });
});
afterAll(async () => {
  await lab?.close();
});

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** GETs an object as JSON; undefined when it is not there. */
async function get(path: string): Promise<Obj | undefined> {
  const res = await fetch(`${lab.origin}${path}`, { headers: { authorization: `Bearer ${lab.token}` } });
  return res.status === 200 ? ((await res.json()) as Obj) : undefined;
}

/** Runs kubectl and expects it to succeed. */
async function ok(...args: string[]): Promise<string> {
  const r = await kubectl(lab.kubeconfig, args);
  expect(r.stderr, `kubectl ${args.join(' ')}`).not.toMatch(/error/i);
  expect(r.code, `kubectl ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

const NS = '/api/v1/namespaces/default';

describe.skipIf(!kubectlPath)('kubectl commands that send protobuf', () => {
  if (!kubectlPath) console.warn('skipped: there is no kubectl on PATH (the protobuf request checks need one)');

  it('create deployment (really in protobuf), keeping replicas, image and port', async () => {
    const r = await kubectl(lab.kubeconfig, ['create', 'deployment', 'api', '--image=nginx:1.27', '--replicas=2', '--port=80', '-v=8']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Content-Type: application\/vnd\.kubernetes\.protobuf/);
    const d = await get('/apis/apps/v1/namespaces/default/deployments/api');
    expect(d?.spec).toMatchObject({ replicas: 2, selector: { matchLabels: { app: 'api' } }, strategy: { type: 'RollingUpdate' } });
    expect(d?.spec.template.spec.containers).toMatchObject([{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }]);
    // The deployment controller writes too (its status): kubectl's entry is one of the managers.
    expect(d?.metadata.managedFields?.map((m: { manager: string }) => m.manager)).toContain('kubectl-create');
  });

  it('create deployment --replicas=0 keeps the zero (a pointer field)', async () => {
    await ok('create', 'deployment', 'idle', '--image=nginx', '--replicas=0');
    expect((await get('/apis/apps/v1/namespaces/default/deployments/idle'))?.spec.replicas).toBe(0);
  });

  it('create configmap --from-literal and create secret generic', async () => {
    await ok('create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=two words');
    expect((await get(`${NS}/configmaps/cfg`))?.data).toEqual({ a: '1', b: 'two words' });
    await ok('create', 'secret', 'generic', 'sec', '--from-literal=password=s3cr3t');
    const s = await get(`${NS}/secrets/sec`);
    expect(s?.type).toBe('Opaque');
    expect(Buffer.from(s?.data.password as string, 'base64').toString()).toBe('s3cr3t');
  });

  it('create service clusterip', async () => {
    await ok('create', 'service', 'clusterip', 'web', '--tcp=80:8080');
    const svc = await get(`${NS}/services/web`);
    expect(svc?.spec).toMatchObject({ type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: '80-8080', port: 80, targetPort: 8080, protocol: 'TCP' }] });
    expect(svc?.spec.clusterIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('create namespace', async () => {
    await ok('create', 'namespace', 'team-a');
    expect((await get('/api/v1/namespaces/team-a'))?.status.phase).toBe('Active');
  });

  it('create job and create cronjob, with their commands', async () => {
    await ok('create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi');
    const job = await get('/apis/batch/v1/namespaces/default/jobs/once');
    expect(job?.spec.template.spec).toMatchObject({ restartPolicy: 'Never', containers: [{ name: 'once', image: 'busybox', command: ['echo', 'hi'] }] });
    await ok('create', 'cronjob', 'nightly', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date');
    const cj = await get('/apis/batch/v1/namespaces/default/cronjobs/nightly');
    expect(cj?.spec).toMatchObject({ schedule: '*/5 * * * *', jobTemplate: { metadata: { name: 'nightly' }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ command: ['date'] }] } } } } });
  });

  it('create serviceaccount, role and rolebinding', async () => {
    await ok('create', 'serviceaccount', 'robot');
    expect(await get(`${NS}/serviceaccounts/robot`)).toBeDefined();
    await ok('create', 'role', 'reader', '--verb=get,list', '--resource=pods');
    expect((await get('/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/reader'))?.rules).toEqual([{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }]);
    await ok('create', 'rolebinding', 'rb', '--role=reader', '--serviceaccount=default:robot');
    const rb = await get('/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/rb');
    expect(rb).toMatchObject({ roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' }, subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'default' }] });
  });

  it('create quota, with its quantities', async () => {
    // In its own namespace: in default it would refuse the pods without requests made below.
    await ok('create', 'quota', 'q', '--hard=cpu=2,memory=1Gi,pods=10', '-n', 'team-a');
    expect((await get('/api/v1/namespaces/team-a/resourcequotas/q'))?.spec.hard).toEqual({ cpu: '2', memory: '1Gi', pods: '10' });
  });

  it('expose deployment', async () => {
    await ok('expose', 'deployment', 'api', '--port=80', '--target-port=8080');
    expect((await get(`${NS}/services/api`))?.spec).toMatchObject({ selector: { app: 'api' }, ports: [{ port: 80, targetPort: 8080 }] });
  });

  it('autoscale, create pdb, ingress, clusterrole and clusterrolebinding, and a docker-registry secret', async () => {
    await ok('autoscale', 'deployment', 'api', '--min=1', '--max=3', '--cpu-percent=50');
    expect((await get('/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/api'))?.spec).toMatchObject({ minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50, scaleTargetRef: { kind: 'Deployment', name: 'api' } });
    await ok('create', 'pdb', 'pdb1', '--selector=app=api', '--min-available=50%');
    expect((await get('/apis/policy/v1/namespaces/default/poddisruptionbudgets/pdb1'))?.spec).toMatchObject({ minAvailable: '50%' });
    await ok('create', 'ingress', 'ing', '--rule=foo.com/bar=svc1:8080');
    const ing = await get('/apis/networking.k8s.io/v1/namespaces/default/ingresses/ing');
    expect(ing?.spec.rules).toEqual([{ host: 'foo.com', http: { paths: [{ path: '/bar', pathType: 'Exact', backend: { service: { name: 'svc1', port: { number: 8080 } } } }] } }]);
    await ok('create', 'clusterrole', 'node-reader', '--verb=get', '--resource=nodes');
    await ok('create', 'clusterrolebinding', 'alice-nodes', '--clusterrole=node-reader', '--user=alice');
    expect((await get('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/alice-nodes'))?.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' }]);
    await ok('create', 'secret', 'docker-registry', 'reg', '--docker-username=u', '--docker-password=p', '--docker-server=r.example');
    expect((await get(`${NS}/secrets/reg`))?.type).toBe('kubernetes.io/dockerconfigjson');
  });

  it('drain deletes the pods with protobuf DeleteOptions (gracePeriodSeconds 0)', async () => {
    await ok('run', 'doomed', '--image=nginx', '--overrides={"spec":{"nodeName":"kubelab-worker2"}}');
    await eventually(async () => ((await get(`${NS}/pods/doomed`))?.status?.phase === 'Running' ? true : undefined));
    const r = await kubectl(lab.kubeconfig, ['drain', 'kubelab-worker2', '--disable-eviction', '--force', '--ignore-daemonsets', '--grace-period=0', '--timeout=20s', '-v=8'], 30_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/DELETE https:\/\/[^\s]+\/pods\/doomed/);
    // Its only protobuf body is that DELETE's (the cordon is a strategic merge patch).
    expect(r.stderr).toMatch(/Content-Type: application\/vnd\.kubernetes\.protobuf/);
    await eventually(async () => ((await get(`${NS}/pods/doomed`)) === undefined ? true : undefined));
    await ok('uncordon', 'kubelab-worker2');
  });
});
