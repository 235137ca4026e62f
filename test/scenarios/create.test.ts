/**
 * `kubectl create`'s generators against a running cluster (issue 5): the objects they make and
 * what they print — secrets, jobs (also from a CronJob), cron jobs, roles and bindings (checked
 * with `auth can-i`), quotas and services.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';
import { shellFor } from './shellHarness';

const ok = (out: string) => ({ out, err: '', code: 0 });

describe('kubectl create generators', () => {
  let s: Scenario | undefined;
  afterEach(() => s?.stop());

  it('secret generic, quota and services: the objects kubectl would send', async () => {
    s = await scenario({ workers: 1 });
    const sh = shellFor(s);
    expect(await sh.run('kubectl create secret generic db-pass --from-literal=password=s3cr3t --from-literal=user=admin')).toEqual(ok('secret/db-pass created\n'));
    const secret = await s.client.get<KubeObject & { data?: Record<string, string>; type?: string }>(ref('secrets', 'default', 'db-pass'));
    expect(secret?.data).toEqual({ password: 'czNjcjN0', user: 'YWRtaW4=' });
    expect(secret?.type).toBe('Opaque');
    expect((await sh.run('kubectl create secret generic db-pass --from-literal=a=b')).err).toBe('error: failed to create secret secrets "db-pass" already exists\n');
    expect((await sh.run('kubectl create secret generic x --from-literal=a=1 --from-literal=a=2')).err).toBe('error: cannot add key a, another key by that name already exists\n');
    expect((await sh.run('kubectl create secret generic x --from-literal=a=1 --dry-run=client -o yaml')).out).toBe('apiVersion: v1\ndata:\n  a: MQ==\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: x\n');

    expect(await sh.run('kubectl create secret docker-registry reg --docker-server=registry.example.com --docker-username=ci --docker-password=pw')).toEqual(ok('secret/reg created\n'));
    const reg = await s.client.get<KubeObject & { data: Record<string, string>; type: string }>(ref('secrets', 'default', 'reg'));
    expect(reg?.type).toBe('kubernetes.io/dockerconfigjson');
    expect(JSON.parse(Buffer.from(reg?.data['.dockerconfigjson'] ?? '', 'base64').toString('utf8'))).toEqual({ auths: { 'registry.example.com': { username: 'ci', password: 'pw', auth: Buffer.from('ci:pw').toString('base64') } } });
    expect(await sh.run('kubectl create quota team -n default --hard=pods=3,requests.cpu=1')).toEqual(ok('resourcequota/team created\n'));
    const quota = await s.client.get<KubeObject & { spec: { hard: Record<string, string> } }>(ref('resourcequotas', 'default', 'team'));
    expect(quota?.spec.hard).toEqual({ pods: '3', 'requests.cpu': '1' });

    expect(await sh.run('kubectl create service nodeport web --tcp=80:8080 --node-port=30080')).toEqual(ok('service/web created\n'));
    const svc = await s.client.get<KubeObject & { spec: { type: string; selector: Record<string, string>; ports: Record<string, unknown>[] } }>(ref('services', 'default', 'web'));
    expect(svc?.spec).toMatchObject({ type: 'NodePort', selector: { app: 'web' }, ports: [{ name: '80-8080', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }] });
    expect((await sh.run('kubectl create service clusterip api')).err).toBe('error: at least one tcp port specifier must be provided\n');
    expect(await sh.run('kubectl create service clusterip headless --clusterip=None')).toEqual(ok('service/headless created\n'));
  });

  it('role, rolebinding, clusterrole and clusterrolebinding grant what auth can-i then answers', async () => {
    s = await scenario({ workers: 1 });
    const sh = shellFor(s);
    await sh.run('kubectl create namespace dev');
    expect(await sh.run('kubectl create role pod-reader --verb=get,list,watch --resource=pods,pods/log,deployments.apps -n dev')).toEqual(ok('role.rbac.authorization.k8s.io/pod-reader created\n'));
    const role = await s.client.get<KubeObject & { rules: unknown[] }>(ref('roles', 'dev', 'pod-reader', 'rbac.authorization.k8s.io', 'v1'));
    expect(role?.rules).toEqual([
      { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'pods/log'] },
      { verbs: ['get', 'list', 'watch'], apiGroups: ['apps'], resources: ['deployments'] },
    ]);
    expect(await sh.run('kubectl auth can-i list pods -n dev --as=system:serviceaccount:dev:ci')).toEqual({ out: 'no\n', err: '', code: 1 });
    expect(await sh.run('kubectl create rolebinding ci-read --role=pod-reader --serviceaccount=dev:ci --user=jane -n dev')).toEqual(ok('rolebinding.rbac.authorization.k8s.io/ci-read created\n'));
    expect(await sh.run('kubectl auth can-i list pods -n dev --as=system:serviceaccount:dev:ci')).toEqual(ok('yes\n'));
    expect(await sh.run('kubectl auth can-i get pods/log -n dev --as=jane')).toEqual(ok('yes\n'));
    expect((await sh.run('kubectl create rolebinding x --serviceaccount=dev:ci -n dev')).err).toBe('error: exactly one of clusterrole or role must be specified\n');
    expect((await sh.run('kubectl create role r --resource=pods')).err).toBe('error: at least one verb must be specified\n');
    expect((await sh.run('kubectl create role r --verb=use --resource=pods')).err).toBe("error: can not perform 'use' on 'pods' in group ''\n");

    expect(await sh.run('kubectl create clusterrole node-reader --verb=get --resource=nodes --non-resource-url=/healthz')).toEqual(ok('clusterrole.rbac.authorization.k8s.io/node-reader created\n'));
    expect(await sh.run('kubectl create clusterrolebinding jane-nodes --clusterrole=node-reader --user=jane')).toEqual(ok('clusterrolebinding.rbac.authorization.k8s.io/jane-nodes created\n'));
    expect((await sh.run('kubectl auth can-i get nodes --as=jane')).out).toBe('yes\n');
    expect((await sh.run('kubectl auth can-i list nodes --as=jane')).out).toBe('no\n');
    expect((await sh.run('kubectl create clusterrole x --verb=list --non-resource-url=/healthz')).err).toBe("error: invalid verb: 'list' for nonResourceURL\n");
  });

  it('job and cronjob, and a job made by hand from a cron job', async () => {
    s = await scenario({ workers: 1 });
    const sh = shellFor(s);
    expect(await sh.run("kubectl create job pi --image=busybox:1.36 -- sh -c 'echo 3.14'")).toEqual(ok('job.batch/pi created\n'));
    const job = await s.client.get<KubeObject & { spec: { template: { spec: { containers: Record<string, unknown>[]; restartPolicy: string } } } }>(ref('jobs', 'default', 'pi', 'batch', 'v1'));
    expect(job?.spec.template.spec.restartPolicy).toBe('Never');
    expect(job?.spec.template.spec.containers[0]).toMatchObject({ name: 'pi', image: 'busybox:1.36', command: ['sh', '-c', 'echo 3.14'] });
    expect((await sh.run('kubectl create job x')).err).toBe('error: either --image or --from must be specified\n');

    expect(await sh.run("kubectl create cronjob tick --image=busybox:1.36 --schedule='*/1 * * * *' -- date")).toEqual(ok('cronjob.batch/tick created\n'));
    expect(await sh.run('kubectl create job tick-now --from=cronjob/tick')).toEqual(ok('job.batch/tick-now created\n'));
    const manual = await s.client.get<KubeObject>(ref('jobs', 'default', 'tick-now', 'batch', 'v1'));
    expect(manual?.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(manual?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
    expect((await sh.run('kubectl create job y --from=cronjob/nope')).err).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n');
  });
});
