import { describe, expect, it } from 'vitest';
import type { Status } from '../api/status';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Client } from '../client/client';
import { bootstrapCluster } from '../controllers/bootstrap';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { isStream, type UserInfo } from './request';

const START = Date.parse('2026-01-01T00:00:00Z');
const ADMIN: UserInfo = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };
const JANE: UserInfo = { name: 'jane', groups: ['system:authenticated'] };
const ROBOT: UserInfo = { name: 'system:serviceaccount:dev:robot', groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'] };

interface Call {
  body?: unknown;
  query?: Record<string, string>;
  user?: UserInfo;
  headers?: Record<string, string>;
}

/** An API server with the bootstrap policy, namespaces default and dev, and `dev/robot` allowed to read pods in dev. */
async function setup() {
  const api = new ApiServer({ store: new Store(), clock: new ManualClock(START), random: new Random(1) });
  const call = async <T = Record<string, unknown>>(method: string, path: string, o: Call = {}) => {
    const req = { method, path, query: o.query ?? {}, headers: o.headers ?? {}, ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }), ...(o.user ? { user: o.user } : {}) };
    const res = await api.handle(req);
    if (isStream(res)) return { status: 200, body: undefined as T };
    return { status: res.status, body: res.body as T };
  };
  for (const name of ['default', 'dev', 'kube-system']) await call('POST', '/api/v1/namespaces', { body: { metadata: { name } } });
  await bootstrapCluster(new Client((r) => api.handle(r), { name: 'system:apiserver', groups: ['system:masters'] }));
  await call('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/dev/roles', { body: { metadata: { name: 'pod-reader' }, rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }] } });
  await call('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/dev/rolebindings', { body: { metadata: { name: 'robot-read' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' }, subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'dev' }] } });
  const ssar = async (user: UserInfo, attrs: Record<string, string>, headers: Record<string, string> = {}) =>
    (await call<{ status: { allowed: boolean; reason?: string } }>('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { user, headers, body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: attrs } } })).body;
  return { api, call, ssar };
}

describe('authorization of every request', () => {
  it('lets the kubeadm admin do anything through kubeadm:cluster-admins', async () => {
    const { call, ssar } = await setup();
    expect((await call('GET', '/api/v1/namespaces/dev/pods', { user: ADMIN })).status).toBe(200);
    const review = await ssar(ADMIN, { verb: 'delete', resource: 'nodes' });
    expect(review.status).toEqual({ allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"' });
  });

  it("refuses with kube's exact 403 messages", async () => {
    const { call } = await setup();
    const list = await call<Status>('GET', '/api/v1/namespaces/default/pods', { user: JANE });
    expect(list.status).toBe(403);
    expect(list.body).toMatchObject({ reason: 'Forbidden', code: 403, details: { kind: 'pods' } });
    expect(list.body.message).toBe('pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"');
    const get = await call<Status>('GET', '/apis/apps/v1/namespaces/dev/deployments/web', { user: JANE });
    expect(get.body.message).toBe('deployments.apps "web" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "dev"');
    expect(get.body.details).toEqual({ name: 'web', group: 'apps', kind: 'deployments' });
    const nodes = await call<Status>('GET', '/api/v1/nodes', { user: JANE, query: { watch: 'true' } });
    expect(nodes.body.message).toBe('nodes is forbidden: User "jane" cannot watch resource "nodes" in API group "" at the cluster scope');
    const ns = await call<Status>('GET', '/api/v1/namespaces/dev', { user: JANE });
    expect(ns.body.message).toBe('namespaces "dev" is forbidden: User "jane" cannot get resource "namespaces" in API group "" in the namespace "dev"');
    const logs = await call<Status>('DELETE', '/api/v1/namespaces/dev/pods', { user: ROBOT });
    expect(logs.body.message).toBe('pods is forbidden: User "system:serviceaccount:dev:robot" cannot deletecollection resource "pods" in API group "" in the namespace "dev"');
    const healthz = await call<Status>('GET', '/metrics', { user: JANE });
    expect(healthz.body.message).toBe('forbidden: User "jane" cannot get path "/metrics"');
  });

  it('lets every authenticated user discover the API and review itself', async () => {
    const { call, ssar } = await setup();
    expect((await call('GET', '/api', { user: JANE })).status).toBe(200);
    expect((await call('GET', '/apis/apps/v1', { user: JANE })).status).toBe(200);
    expect((await call('GET', '/version', { user: JANE })).status).toBe(200);
    expect(await ssar(JANE, { verb: 'list', resource: 'pods', namespace: 'default' })).toMatchObject({ kind: 'SelfSubjectAccessReview', status: { allowed: false } });
  });

  it('authorizes a service account through a RoleBinding of its namespace, subresources included', async () => {
    const { call, ssar } = await setup();
    expect((await call('GET', '/api/v1/namespaces/dev/pods', { user: ROBOT })).status).toBe(200);
    expect((await ssar(ROBOT, { verb: 'get', resource: 'pods', subresource: 'log', namespace: 'dev' })).status.allowed).toBe(true);
    expect((await ssar(ROBOT, { verb: 'get', resource: 'pods', subresource: 'exec', namespace: 'dev' })).status.allowed).toBe(false);
    expect((await ssar(ROBOT, { verb: 'list', resource: 'pods', namespace: 'default' })).status.allowed).toBe(false);
    expect((await ssar(ROBOT, { verb: 'create', resource: 'deployments', group: 'apps', namespace: 'dev' })).status.allowed).toBe(false);
  });

  it('takes a new binding into account at once, and names a missing role in the reason', async () => {
    const { call, ssar } = await setup();
    await call('POST', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', { body: { metadata: { name: 'jane-view' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'User', name: 'jane' }] } });
    expect((await call('GET', '/api/v1/namespaces/dev/pods', { user: JANE })).status).toBe(200);
    expect((await call('GET', '/api/v1/namespaces/dev/secrets', { user: JANE })).status).toBe(403);
    await call('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/dev/rolebindings', { body: { metadata: { name: 'broken' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'gone' }, subjects: [{ kind: 'User', name: 'jane' }] } });
    const denied = await call<Status>('GET', '/api/v1/namespaces/dev/secrets', { user: JANE });
    expect(denied.body.message).toBe('secrets is forbidden: User "jane" cannot list resource "secrets" in API group "" in the namespace "dev": RBAC: role.rbac.authorization.k8s.io "gone" not found');
    expect((await ssar(JANE, { verb: 'list', resource: 'secrets', namespace: 'dev' })).status).toEqual({ allowed: false, reason: 'RBAC: role.rbac.authorization.k8s.io "gone" not found' });
  });

  it('lets kubelets do what the Node authorizer allows, and no more', async () => {
    const { call } = await setup();
    const node: UserInfo = { name: 'system:node:n1', groups: ['system:nodes', 'system:authenticated'] };
    expect((await call('GET', '/api/v1/pods', { user: node, query: { fieldSelector: 'spec.nodeName=n1' } })).status).toBe(200);
    const secrets = await call<Status>('GET', '/api/v1/namespaces/dev/secrets', { user: node });
    expect(secrets.body.message).toBe("secrets is forbidden: User \"system:node:n1\" cannot list resource \"secrets\" in API group \"\" in the namespace \"dev\": no relationship found between node 'n1' and this object");
    expect((await call('DELETE', '/api/v1/namespaces/dev', { user: node })).status).toBe(403);
  });
});

describe('impersonation', () => {
  it('acts as the impersonated user when allowed, with kube 403s when not', async () => {
    const { call, ssar } = await setup();
    const asJane = await call<Status>('GET', '/api/v1/namespaces/default/pods', { user: ADMIN, headers: { 'impersonate-user': 'jane' } });
    expect(asJane.body.message).toBe('pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"');
    const byJane = await call<Status>('GET', '/api/v1/namespaces/default/pods', { user: JANE, headers: { 'impersonate-user': 'kubernetes-admin' } });
    expect(byJane.body.message).toBe('users "kubernetes-admin" is forbidden: User "jane" cannot impersonate resource "users" in API group "" at the cluster scope');
    const saByJane = await call<Status>('GET', '/api/v1/pods', { user: JANE, headers: { 'impersonate-user': 'system:serviceaccount:dev:robot' } });
    expect(saByJane.body.message).toBe('serviceaccounts "robot" is forbidden: User "jane" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "dev"');
    expect((await ssar(ADMIN, { verb: 'list', resource: 'pods', namespace: 'dev' }, { 'impersonate-user': 'system:serviceaccount:dev:robot' })).status.allowed).toBe(true);
    expect((await ssar(ADMIN, { verb: 'list', resource: 'secrets' }, { 'impersonate-user': 'bob', 'impersonate-group': 'system:masters' })).status.allowed).toBe(true);
    const groupOnly = await call<Status>('GET', '/api', { user: ADMIN, headers: { 'impersonate-group': 'devs' } });
    expect(groupOnly.status).toBe(400);
    expect(groupOnly.body.message).toBe('requested [{Group  devs}] without impersonating a user');
  });

  it('tells whoami the impersonated identity, with the fixed groups of a service account', async () => {
    const { call } = await setup();
    const path = '/apis/authentication.k8s.io/v1/selfsubjectreviews';
    const body = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' };
    const me = await call('POST', path, { user: ADMIN, body });
    expect(me.status).toBe(201);
    expect(me.body).toEqual({ kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } } });
    const robot = await call<{ status: unknown }>('POST', path, { user: ADMIN, body, headers: { 'impersonate-user': 'system:serviceaccount:dev:robot' } });
    expect(robot.body.status).toEqual({ userInfo: { username: 'system:serviceaccount:dev:robot', groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'] } });
  });
});

describe('the review resources', () => {
  it('answers a SubjectAccessReview for another user and validates it', async () => {
    const { call } = await setup();
    const path = '/apis/authorization.k8s.io/v1/subjectaccessreviews';
    const ok = await call<{ status: unknown }>('POST', path, { user: ADMIN, body: { spec: { user: 'system:serviceaccount:dev:robot', resourceAttributes: { verb: 'watch', resource: 'pods', namespace: 'dev' } } } });
    expect(ok.status).toBe(201);
    expect(ok.body.status).toEqual({ allowed: true, reason: 'RBAC: allowed by RoleBinding "robot-read/dev" of Role "pod-reader" to ServiceAccount "robot/dev"' });
    const nobody = await call<Status>('POST', path, { user: ADMIN, body: { spec: { resourceAttributes: { verb: 'get', resource: 'pods' } } } });
    expect(nobody.status).toBe(422);
    expect(nobody.body.message).toBe('SubjectAccessReview.authorization.k8s.io "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified');
    const neither = await call<Status>('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { user: ADMIN, body: { spec: {} } });
    expect(neither.body.message).toBe('SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified');
    expect((await call('GET', path, { user: ADMIN })).status).toBe(405);
  });

  it('answers non-resource checks and local reviews in their namespace', async () => {
    const { call } = await setup();
    const healthz = await call<{ status: { allowed: boolean } }>('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { user: JANE, body: { spec: { nonResourceAttributes: { verb: 'get', path: '/healthz' } } } });
    expect(healthz.body.status.allowed).toBe(true);
    const local = await call<{ metadata: { namespace: string }; status: { allowed: boolean } }>('POST', '/apis/authorization.k8s.io/v1/namespaces/dev/localsubjectaccessreviews', { user: ADMIN, body: { spec: { user: 'system:serviceaccount:dev:robot', resourceAttributes: { verb: 'list', resource: 'pods' } } } });
    expect(local.body.status.allowed).toBe(true);
    expect(local.body.metadata.namespace).toBe('dev');
  });

  it('lists what a user may do in a namespace (SelfSubjectRulesReview)', async () => {
    const { call } = await setup();
    const review = await call<{ status: { resourceRules: { verbs: string[]; resources?: string[] }[]; nonResourceRules: unknown[]; incomplete: boolean } }>('POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', { user: ROBOT, body: { spec: { namespace: 'dev' } } });
    expect(review.body.status.incomplete).toBe(false);
    expect(review.body.status.resourceRules).toContainEqual({ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'pods/log'] });
    expect(review.body.status.resourceRules).toContainEqual({ verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] });
    expect(review.body.status.nonResourceRules.length).toBeGreaterThan(0);
  });
});
