/**
 * The generators of `kubectl create` beyond namespace/configmap/deployment/serviceaccount, as
 * kubectl 1.32 builds their objects (k8s.io/kubectl/pkg/cmd/create): `secret generic`, `job`
 * (also `--from=cronjob/NAME`), `cronjob`, `role`, `clusterrole`, `rolebinding`,
 * `clusterrolebinding`, `quota`, `service clusterip|nodeport|loadbalancer`. Each object is what
 * kubectl sends: fields in its Go structs' order, the namespace only when `-n` names it.
 */
import { base64Encode, utf8Encode } from '../../api/protobuf/text';
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { CommandError, klogFatal } from './errors';
import type { Flags, FlagSpecs } from './flags';

/** A generator: the resource it creates and how it builds the object. */
export interface Generator {
  type: string;
  make: () => Promise<KubeObject>;
}

const RBAC = 'rbac.authorization.k8s.io';

/** The flags of each generator (the sub-subcommand's for `secret` and `service`). */
export const GENERATOR_FLAGS: Record<string, FlagSpecs> = {
  'secret docker-registry': { 'docker-server': { kind: 'string' }, 'docker-username': { kind: 'string' }, 'docker-password': { kind: 'string' }, 'docker-email': { kind: 'string' }, 'from-file': { kind: 'strings' }, 'append-hash': { kind: 'bool' } },
  'secret tls': { cert: { kind: 'string' }, key: { kind: 'string' }, 'append-hash': { kind: 'bool' } },
  'secret generic': { 'from-literal': { kind: 'strings' }, 'from-file': { kind: 'strings' }, type: { kind: 'string' }, 'append-hash': { kind: 'bool' } },
  job: { image: { kind: 'string' }, from: { kind: 'string' } },
  cronjob: { image: { kind: 'string' }, schedule: { kind: 'string' }, restart: { kind: 'string' } },
  role: { verb: { kind: 'strings' }, resource: { kind: 'strings' }, 'resource-name': { kind: 'strings' } },
  clusterrole: { verb: { kind: 'strings' }, resource: { kind: 'strings' }, 'resource-name': { kind: 'strings' }, 'non-resource-url': { kind: 'strings' } },
  rolebinding: { role: { kind: 'string' }, clusterrole: { kind: 'string' }, user: { kind: 'strings' }, group: { kind: 'strings' }, serviceaccount: { kind: 'strings' } },
  clusterrolebinding: { clusterrole: { kind: 'string' }, user: { kind: 'strings' }, group: { kind: 'strings' }, serviceaccount: { kind: 'strings' } },
  quota: { hard: { kind: 'string' }, scopes: { kind: 'string' } },
  'service clusterip': { tcp: { kind: 'strings' }, clusterip: { kind: 'string' } },
  'service nodeport': { tcp: { kind: 'strings' }, 'node-port': { kind: 'int' } },
  'service loadbalancer': { tcp: { kind: 'strings' } },
};

/** pflag's StringSlice: every occurrence, each split at commas. */
function slice(flags: Flags, name: string): string[] {
  return flags.list(name).flatMap((v) => v.split(',')).filter((v) => v !== '');
}

const base64 = (text: string): string => base64Encode(utf8Encode(text));

const meta = (name: string, ns: string | undefined, extra: Record<string, unknown> = {}) => ({ name, ...(ns ? { namespace: ns } : {}), creationTimestamp: null, ...extra });

/** create secret generic: --from-literal, --from-file=[key=]path, --type. */
async function secret(k: Kubectl, flags: Flags, name: string, ns: string | undefined): Promise<KubeObject> {
  const data: Record<string, string> = {};
  const add = (key: string, value: string) => {
    if (!/^[-._a-zA-Z0-9]+$/.test(key)) throw new CommandError(`error: "${key}" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`);
    if (key in data) throw new CommandError(`error: cannot add key ${key}, another key by that name already exists`);
    data[key] = base64(value);
  };
  for (const l of flags.list('from-literal')) {
    const eq = l.indexOf('=');
    if (eq <= 0) throw new CommandError(`error: invalid literal source ${l}, expected key=value`);
    add(l.slice(0, eq), l.slice(eq + 1));
  }
  for (const [key, text] of await fromFiles(k, slice(flags, 'from-file'))) add(key, text);
  const type = flags.str('type');
  return { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, ns), ...(Object.keys(data).length ? { data } : {}), ...(type ? { type } : {}) } as unknown as KubeObject;
}

/**
 * `--from-file=[key=]path` sources: each file's key (its name unless given) and its text. A
 * folder is not read here: the shell's workspace files are read one by one.
 */
export async function fromFiles(k: Kubectl, sources: string[]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const f of sources) {
    const eq = f.indexOf('=');
    const [key, path] = eq > 0 ? [f.slice(0, eq), f.slice(eq + 1)] : [f.split('/').pop() ?? f, f];
    out.push([key, await readText(k, path)]);
  }
  return out;
}

async function readText(k: Kubectl, path: string): Promise<string> {
  try {
    if (!k.deps.files) throw new Error('no files');
    return await k.deps.files.readFile(path);
  } catch {
    throw new CommandError(`error: error reading ${path}: no such file or directory`);
  }
}

/** create secret tls: the certificate and key files as kubernetes.io/tls data (not checked to form a pair here). */
async function secretTls(k: Kubectl, flags: Flags, name: string, ns: string | undefined): Promise<KubeObject> {
  const cert = flags.str('cert');
  const key = flags.str('key');
  if (!cert || !key) throw new CommandError('error: key and cert must be specified');
  const data = { 'tls.crt': base64(await readText(k, cert)), 'tls.key': base64(await readText(k, key)) };
  return { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, ns), data, type: 'kubernetes.io/tls' } as unknown as KubeObject;
}

/** create secret docker-registry: a .dockerconfigjson with the registry's credentials. */
async function secretDocker(k: Kubectl, flags: Flags, name: string, ns: string | undefined): Promise<KubeObject> {
  const files = slice(flags, 'from-file');
  let data: Record<string, string>;
  if (files.length > 0) {
    data = {};
    for (const [key, text] of await fromFiles(k, files)) data[key] = base64(text);
  } else {
    if (flags.str('docker-username') === '' || flags.str('docker-password') === '') throw new CommandError('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    const server = flags.str('docker-server') || 'https://index.docker.io/v1/';
    const username = flags.str('docker-username');
    const password = flags.str('docker-password');
    const email = flags.str('docker-email');
    const entry = { username, password, ...(email ? { email } : {}), auth: base64(`${username}:${password}`) };
    data = { '.dockerconfigjson': base64(JSON.stringify({ auths: { [server]: entry } })) };
  }
  return { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, ns), data, type: 'kubernetes.io/dockerconfigjson' } as unknown as KubeObject;
}

/** create job: a one-container Job, or the job template of a CronJob (--from=cronjob/NAME). */
async function job(k: Kubectl, flags: Flags, name: string, ns: string | undefined, namespace: string): Promise<KubeObject> {
  const image = flags.str('image');
  const from = flags.str('from');
  const command = flags.parsed.dash;
  if ((image === '') === (from === '')) throw new CommandError('error: either --image or --from must be specified');
  if (from && command.length > 0) throw new CommandError('error: cannot specify --from and command');
  if (image) {
    const container = { name, image, ...(command.length ? { command } : {}), resources: {} };
    return { kind: 'Job', apiVersion: 'batch/v1', metadata: meta(name, ns), spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'Never' } } }, status: {} } as unknown as KubeObject;
  }
  const [kind, cronName] = from.split('/');
  if (!cronName || !['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(kind?.toLowerCase() ?? '')) throw new CommandError(`error: from must be an existing cronjob: ${from}`);
  const cj = await k.ok<KubeObject & { spec: { jobTemplate: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: unknown } } }>('GET', `/apis/batch/v1/namespaces/${namespace}/cronjobs/${cronName}`);
  const tmpl = cj.spec.jobTemplate;
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl.metadata?.annotations ?? {}) };
  const owner = { apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true };
  return { kind: 'Job', apiVersion: 'batch/v1', metadata: meta(name, ns, { ...(tmpl.metadata?.labels ? { labels: tmpl.metadata.labels } : {}), annotations, ownerReferences: [owner] }), spec: tmpl.spec, status: {} } as unknown as KubeObject;
}

function cronjob(flags: Flags, name: string, ns: string | undefined): KubeObject {
  const missing = ['image', 'schedule'].filter((f) => !flags.has(f));
  if (missing.length) throw new CommandError(klogFatal(`required flag(s) ${missing.map((m) => `\\"${m}\\"`).join(', ')} not set`));
  const restart = flags.str('restart') || 'OnFailure';
  const command = flags.parsed.dash;
  const container = { name, image: flags.str('image'), ...(command.length ? { command } : {}), resources: {} };
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: meta(name, ns),
    spec: { schedule: flags.str('schedule'), jobTemplate: { metadata: { name, creationTimestamp: null }, spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: restart } } } } },
    status: {},
  } as unknown as KubeObject;
}

const RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
const SPECIAL_VERBS: Record<string, [string, string][]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [[RBAC, 'roles'], [RBAC, 'clusterroles']],
  escalate: [[RBAC, 'roles'], [RBAC, 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras'], ['authentication.k8s.io', 'uids']],
};

/** create role / clusterrole: one rule per API group of the resources (generateResourcePolicyRules). */
async function role(k: Kubectl, flags: Flags, name: string, ns: string | undefined, cluster: boolean): Promise<KubeObject> {
  let verbs: string[] = [];
  for (const v of slice(flags, 'verb')) {
    if (v === '*') {
      verbs = ['*'];
      break;
    }
    if (!verbs.includes(v)) verbs.push(v);
  }
  const urls = cluster ? slice(flags, 'non-resource-url') : [];
  if (verbs.length === 0) throw new CommandError('error: at least one verb must be specified');
  if (urls.length > 0) {
    for (const v of verbs) if (!NON_RESOURCE_VERBS.includes(v)) throw new CommandError(`error: invalid verb: '${v}' for nonResourceURL`);
    for (const u of urls) {
      if (u === '*') continue;
      if (!u.startsWith('/')) throw new CommandError('error: nonResourceURL should start with /');
      if (u.slice(0, -1).includes('*')) throw new CommandError("error: nonResourceURL only supports wildcard matches when '*' is at the end");
    }
  }
  for (const v of verbs) if (!RESOURCE_VERBS.includes(v)) k.io.err(`Warning: '${v}' is not a standard resource verb\n`);
  const resources: { resource: string; group: string; sub: string }[] = [];
  for (const r of slice(flags, 'resource')) {
    const [main = '', sub = ''] = r.split(/\/(.*)/s);
    const dot = main.indexOf('.');
    const res = { resource: dot < 0 ? main : main.slice(0, dot), group: dot < 0 ? '' : main.slice(dot + 1), sub };
    if (res.resource === '*' && dot < 0 && !r.includes('/')) {
      resources.splice(0, resources.length, res);
      break;
    }
    resources.push(res);
  }
  if (resources.length === 0 && urls.length === 0) throw new CommandError('error: at least one resource must be specified');
  const groups = new Map<string, string[]>();
  for (const r of resources) {
    if (r.resource === '') throw new CommandError('error: resource must be specified if apiGroup/subresource specified');
    let { resource, group } = r;
    if (resource !== '*') {
      const found = await k.discovery.find(r.group ? `${r.resource}.${r.group}` : r.resource);
      if (found) ({ resource, group } = found);
      else if (!cluster) throw new CommandError(`error: the server doesn't have a resource type "${r.resource}"`);
      for (const v of verbs) {
        const allowed = SPECIAL_VERBS[v];
        if (allowed && !allowed.some(([g, res]) => g === group && res === resource)) throw new CommandError(`error: can not perform '${v}' on '${resource}' in group '${group}'`);
      }
    }
    const full = r.sub ? `${resource}/${r.sub}` : resource;
    const list = groups.get(group) ?? [];
    if (!list.includes(full)) list.push(full);
    groups.set(group, list);
  }
  const names: string[] = [];
  for (const n of flags.list('resource-name')) if (!names.includes(n)) names.push(n);
  const rules: Record<string, unknown>[] = [...groups.keys()].sort().map((g) => ({ verbs, apiGroups: [g], resources: groups.get(g), ...(names.length ? { resourceNames: names } : {}) }));
  if (urls.length) rules.push({ verbs, nonResourceURLs: urls });
  return { kind: cluster ? 'ClusterRole' : 'Role', apiVersion: `${RBAC}/v1`, metadata: meta(name, cluster ? undefined : ns), rules } as unknown as KubeObject;
}

/** create rolebinding / clusterrolebinding: users, then groups, then service accounts. */
function binding(flags: Flags, name: string, ns: string | undefined, cluster: boolean): KubeObject {
  const roleName = cluster ? '' : flags.str('role');
  const clusterRole = flags.str('clusterrole');
  if (cluster && !flags.has('clusterrole')) throw new CommandError(klogFatal('required flag(s) \\"clusterrole\\" not set'));
  if (!cluster && (roleName === '') === (clusterRole === '')) throw new CommandError('error: exactly one of clusterrole or role must be specified');
  const subjects: Record<string, string>[] = [
    ...flags.list('user').map((u) => ({ kind: 'User', apiGroup: RBAC, name: u })),
    ...flags.list('group').map((g) => ({ kind: 'Group', apiGroup: RBAC, name: g })),
  ];
  for (const sa of flags.list('serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2) throw new CommandError(`error: serviceaccount must be <namespace>:<name>`);
    subjects.push({ kind: 'ServiceAccount', name: parts[1] as string, namespace: parts[0] as string });
  }
  const roleRef = { apiGroup: RBAC, kind: clusterRole ? 'ClusterRole' : 'Role', name: clusterRole || roleName };
  return { kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding', apiVersion: `${RBAC}/v1`, metadata: meta(name, cluster ? undefined : ns), ...(subjects.length ? { subjects } : {}), roleRef } as unknown as KubeObject;
}

function quota(flags: Flags, name: string, ns: string | undefined): KubeObject {
  const hard: Record<string, string> = {};
  for (const pair of flags.str('hard').split(',').filter((p) => p !== '')) {
    const [key, value] = pair.split('=');
    if (!key || value === undefined) throw new CommandError(`error: invalid argument "${pair}": must be of the form key=value`);
    hard[key] = value;
  }
  const scopes = flags.str('scopes').split(',').filter((s) => s !== '');
  return { kind: 'ResourceQuota', apiVersion: 'v1', metadata: meta(name, ns), spec: { ...(Object.keys(hard).length ? { hard } : {}), ...(scopes.length ? { scopes } : {}) }, status: {} } as unknown as KubeObject;
}

function service(flags: Flags, type: string, name: string, ns: string | undefined): KubeObject {
  const tcp = slice(flags, 'tcp');
  const clusterIP = flags.str('clusterip');
  if (tcp.length === 0 && clusterIP !== 'None') throw new CommandError('error: at least one tcp port specifier must be provided');
  const ports = tcp.map((spec) => {
    const [p = '', target] = spec.split(':');
    if (!/^\d+$/.test(p)) throw new CommandError(`error: strconv.Atoi: parsing "${p}": invalid syntax`);
    const targetPort = target === undefined ? Number(p) : /^\d+$/.test(target) ? Number(target) : target;
    const nodePort = flags.int('node-port', 0);
    return { name: spec.replace(/:/g, '-'), protocol: 'TCP', port: Number(p), targetPort, ...(nodePort ? { nodePort } : {}) };
  });
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: meta(name, ns, { labels: { app: name } }),
    spec: { ...(ports.length ? { ports } : {}), selector: { app: name }, ...(clusterIP ? { clusterIP } : {}), type },
    status: { loadBalancer: {} },
  } as unknown as KubeObject;
}

/** The generator for `create SUB` (`secret generic`, `service nodeport`: two words), if kubectl has it here. */
export function generatorFor(k: Kubectl, sub: string, flags: Flags, name: string, ns: string | undefined, namespace: string): Generator | undefined {
  switch (sub) {
    case 'secret generic':
      return { type: 'secrets', make: () => secret(k, flags, name, ns) };
    case 'secret docker-registry':
      return { type: 'secrets', make: () => secretDocker(k, flags, name, ns) };
    case 'secret tls':
      return { type: 'secrets', make: () => secretTls(k, flags, name, ns) };
    case 'job':
      return { type: 'jobs', make: () => job(k, flags, name, ns, namespace) };
    case 'cronjob':
      return { type: 'cronjobs', make: async () => cronjob(flags, name, ns) };
    case 'role':
    case 'clusterrole':
      return { type: `${sub}s`, make: () => role(k, flags, name, ns, sub === 'clusterrole') };
    case 'rolebinding':
    case 'clusterrolebinding':
      return { type: `${sub}s`, make: async () => binding(flags, name, ns, sub === 'clusterrolebinding') };
    case 'quota':
      return { type: 'resourcequotas', make: async () => quota(flags, name, ns) };
    case 'service clusterip':
      return { type: 'services', make: async () => service(flags, 'ClusterIP', name, ns) };
    case 'service nodeport':
      return { type: 'services', make: async () => service(flags, 'NodePort', name, ns) };
    case 'service loadbalancer':
      return { type: 'services', make: async () => service(flags, 'LoadBalancer', name, ns) };
    default:
      return undefined;
  }
}
