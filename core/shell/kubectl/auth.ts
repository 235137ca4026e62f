/**
 * `kubectl auth can-i` and `kubectl auth whoami`, as kubectl 1.32 runs them: can-i asks a
 * SelfSubjectAccessReview (`yes`, or `no` with exit code 1, and kubectl's warnings for an
 * unknown type, a cluster-scoped type asked in a namespace, an unknown verb), or with `--list`
 * a SelfSubjectRulesReview printed as kubectl breaks down, compacts and sorts the rules;
 * whoami asks a SelfSubjectReview and prints its user (a table, or `-o` a format). `--as` and
 * `--as-group` impersonate through the `Impersonate-User`/`Impersonate-Group` headers.
 */
import { toJson } from '../printers/json';
import { layoutColumns } from '../printers/table';
import { parseOutputWith, printObjects } from '../printers/output';
import type { Kubectl } from './context';
import type { ApiType } from './discovery';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags, type FlagSpecs } from './flags';

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
/** Resources the server knows for `impersonate` that discovery does not list. */
const NON_STANDARD = new Set(['users', 'groups']);

/** The impersonation flags kubectl accepts on every command. */
const IMPERSONATION: FlagSpecs = {
  as: { kind: 'string' },
  'as-group': { kind: 'strings' },
  'as-uid': { kind: 'string' },
};

/** The impersonation headers of `--as`, `--as-group`, `--as-uid`. */
function impersonation(flags: Flags): Record<string, string> {
  const h: Record<string, string> = {};
  if (flags.str('as')) h['impersonate-user'] = flags.str('as');
  if (flags.list('as-group').length > 0) h['impersonate-group'] = flags.list('as-group').join(', ');
  if (flags.str('as-uid')) h['impersonate-uid'] = flags.str('as-uid');
  return h;
}

async function post(k: Kubectl, path: string, body: unknown, flags: Flags): Promise<{ status: number; body: unknown }> {
  return k.transport('POST', path, {}, 'application/json', { body: JSON.stringify(body), contentType: 'application/json', headers: impersonation(flags) });
}

function warn(k: Kubectl, message: string): void {
  // kubectl's WarningPrinter adds a newline after a message that already has one.
  k.io.err(`Warning: ${message}\n`);
}

interface Target {
  group: string;
  resource: string;
  type?: ApiType;
}

/** canI's resourceFor: the type a resource argument names, or the argument itself with a warning. */
async function resourceFor(k: Kubectl, arg: string): Promise<Target> {
  if (arg === '*') return { group: '', resource: '*' };
  const lower = arg.toLowerCase();
  if (await k.discovery.find(lower)) {
    const type = await k.discovery.resolve(lower, (w) => k.io.err(w));
    return { group: type.group, resource: type.resource, type };
  }
  const dot = lower.indexOf('.');
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? '' : lower.slice(dot + 1);
  if (!NON_STANDARD.has(dot < 0 ? lower : `${resource}.${group}`)) {
    warn(k, group ? `the server doesn't have a resource type '${resource}' in group '${group}'\n` : `the server doesn't have a resource type '${resource}'\n`);
  }
  return { group: '', resource: arg };
}

/** `%v` of a Go string slice. */
const list = (xs: string[] | undefined) => `[${(xs ?? []).join(' ')}]`;

interface Rule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** rbacutil.BreakdownRule: one verb, one group, one resource, one name a rule. */
function breakdown(r: Rule): Rule[] {
  const out: Rule[] = [];
  for (const g of r.apiGroups ?? [])
    for (const res of r.resources ?? [])
      for (const v of r.verbs ?? []) {
        if ((r.resourceNames ?? []).length > 0) for (const n of r.resourceNames ?? []) out.push({ apiGroups: [g], resources: [res], verbs: [v], resourceNames: [n] });
        else out.push({ apiGroups: [g], resources: [res], verbs: [v] });
      }
  for (const u of r.nonResourceURLs ?? []) for (const v of r.verbs ?? []) out.push({ nonResourceURLs: [u], verbs: [v] });
  return out;
}

/** rbacutil.CompactRules: rules of one group and resource (and name) merged, their verbs in order. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    if ((r.nonResourceURLs ?? []).length > 0) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups?.[0], r.resources?.[0], r.resourceNames?.[0] ?? null]);
    const seen = simple.get(key);
    if (seen) {
      for (const v of r.verbs ?? []) if (!seen.verbs?.includes(v)) seen.verbs?.push(v);
    } else simple.set(key, { ...r, verbs: [...(r.verbs ?? [])] });
  }
  return [...out, ...simple.values()];
}

/** The protobuf String() of a PolicyRule, which kubectl sorts the rules by. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)},}`;
}

/** describe.CombineResourceGroup: `deployments.apps`, `pods/log`. */
function resourceGroup(r: Rule): string {
  const res = r.resources ?? [];
  if (res.length === 0) return '';
  const [name, sub] = (res[0] as string).split(/\/(.*)/s) as [string, string | undefined];
  const group = r.apiGroups?.[0];
  return `${name}${group ? `.${group}` : ''}${sub !== undefined ? `/${sub}` : ''}`;
}

async function canIList(k: Kubectl, flags: Flags): Promise<void> {
  const r = await post(k, '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: k.namespace(flags) } }, flags);
  if (r.status >= 400) throw new CommandError(serverError(r.body));
  const status = (r.body as { status?: { resourceRules?: Rule[]; nonResourceRules?: Rule[]; incomplete?: boolean; evaluationError?: string } }).status ?? {};
  if (status.incomplete) warn(k, `the list may be incomplete: ${status.evaluationError ?? ''}`);
  const rules = [...(status.resourceRules ?? []).map((x) => ({ verbs: x.verbs, apiGroups: x.apiGroups, resources: x.resources, resourceNames: x.resourceNames })), ...(status.nonResourceRules ?? []).map((x) => ({ verbs: x.verbs, nonResourceURLs: x.nonResourceURLs }))];
  const compacted = compact(rules.flatMap(breakdown));
  const keyed = compacted.map((rule, i) => ({ rule, i, key: ruleString(rule) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  const rows: string[][] = flags.bool('no-headers') ? [] : [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']];
  for (const { rule } of keyed) rows.push([resourceGroup(rule), list(rule.nonResourceURLs), list(rule.resourceNames), list(rule.verbs)]);
  k.io.out(layoutColumns(rows));
}

async function canI(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl auth can-i', args, {
      ...IMPERSONATION,
      'all-namespaces': { kind: 'bool', short: 'A' },
      quiet: { kind: 'bool', short: 'q' },
      subresource: { kind: 'string' },
      list: { kind: 'bool' },
      'no-headers': { kind: 'bool' },
    }),
  );
  const pos = flags.positional;
  if (flags.bool('list')) {
    if (pos.length !== 0) throw new CommandError('error: list option must be specified with no arguments');
    if (flags.bool('quiet') || flags.bool('all-namespaces') || flags.str('subresource')) throw new CommandError("error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
    return canIList(k, flags);
  }
  if (pos.length !== 2) throw new CommandError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  const [verb, what] = pos as [string, string];
  let nonResourceURL = '';
  let target: Target | undefined;
  let name = '';
  if (what.startsWith('/')) nonResourceURL = what;
  else {
    const slash = what.indexOf('/');
    target = await resourceFor(k, slash < 0 ? what : what.slice(0, slash));
    if (slash >= 0) name = what.slice(slash + 1);
  }
  const all = flags.bool('all-namespaces');
  const sub = flags.str('subresource');
  if (nonResourceURL) {
    if (sub) throw new CommandError('error: --subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_VERBS.has(verb)) warn(k, `verb '${verb}' is not a known verb\n`);
  } else if (target && !all) {
    if (target.type && !target.type.namespaced) warn(k, target.group ? `resource '${target.resource}' is not namespace scoped in group '${target.group}'\n` : `resource '${target.resource}' is not namespace scoped\n`);
    if (!RESOURCE_VERBS.has(verb)) warn(k, `verb '${verb}' is not a known verb\n`);
  }
  if (flags.bool('no-headers')) throw new CommandError('error: --no-headers cannot be set without --list specified');
  const spec = nonResourceURL
    ? { nonResourceAttributes: { path: nonResourceURL, verb } }
    : { resourceAttributes: { namespace: all ? '' : k.namespace(flags), verb, group: target?.group ?? '', resource: target?.resource ?? '', subresource: sub, name } };
  const r = await post(k, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec }, flags);
  if (r.status >= 400) throw new CommandError(serverError(r.body));
  const status = (r.body as { status?: { allowed?: boolean; reason?: string; evaluationError?: string } }).status ?? {};
  const quiet = flags.bool('quiet');
  if (status.allowed) {
    if (!quiet) k.io.out('yes\n');
    return;
  }
  if (!quiet) k.io.out(`no${status.reason ? ` - ${status.reason}` : ''}${status.evaluationError ? ` - ${status.evaluationError}` : ''}\n`);
  k.exit = 1;
}

async function whoami(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl auth whoami', args, {
      ...IMPERSONATION,
      output: { kind: 'string', short: 'o' },
      'allow-missing-template-keys': { kind: 'bool' },
      'show-managed-fields': { kind: 'bool' },
      template: { kind: 'string' },
    }),
  );
  const format = flags.str('output') || flags.str('template') ? await parseOutputWith(flags.str('output'), false, { template: flags.str('template'), allowMissingKeys: flags.bool('allow-missing-template-keys', true), out: (t) => k.io.out(t) }).catch((e: Error) => Promise.reject(new CommandError(e.message))) : undefined;
  const r = await post(k, '/apis/authentication.k8s.io/v1/selfsubjectreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: { creationTimestamp: null }, status: { userInfo: {} } }, flags);
  if (r.status === 403) throw new CommandError('error: the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it');
  if (r.status === 404) throw new CommandError('error: the selfsubjectreviews API is not enabled in the cluster\nenable APISelfSubjectReview feature gate and authentication.k8s.io/v1alpha1 or authentication.k8s.io/v1beta1 API');
  if (r.status >= 400) throw new CommandError(serverError(r.body));
  const ui = (r.body as { status?: { userInfo?: { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> } } }).status?.userInfo ?? {};
  if (format && format.kind !== 'human') {
    // The typed object kubectl decodes, printed in its fields' order.
    const userInfo: Record<string, unknown> = {};
    if (ui.username) userInfo['username'] = ui.username;
    if (ui.uid) userInfo['uid'] = ui.uid;
    if (ui.groups?.length) userInfo['groups'] = ui.groups;
    if (ui.extra && Object.keys(ui.extra).length > 0) userInfo['extra'] = ui.extra;
    const obj = { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo } };
    k.io.out(format.kind === 'json' ? toJson(obj, false) : printObjects(format, [obj], true, () => 'selfsubjectreview.authentication.k8s.io/<unknown>'));
    return;
  }
  const rows: string[][] = [['ATTRIBUTE', 'VALUE']];
  if (ui.username) rows.push(['Username', ui.username]);
  if (ui.uid) rows.push(['UID', ui.uid]);
  if (ui.groups?.length) rows.push(['Groups', list(ui.groups)]);
  for (const key of Object.keys(ui.extra ?? {}).sort()) rows.push([`Extra: ${key}`, list(ui.extra?.[key])]);
  k.io.out(layoutColumns(rows));
}

const AUTH_HELP = `Inspect authorization.

Available Commands:
  can-i         Check whether an action is allowed
  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects
  whoami        Experimental: Check self subject attributes

Usage:
  kubectl auth [flags] [options]

Use "kubectl auth <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** `kubectl auth can-i|whoami`. */
export async function auth(k: Kubectl, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'can-i') return canI(k, rest);
  if (sub === 'whoami') return whoami(k, rest);
  if (sub === 'reconcile') throw new CommandError('error: the KubeLab shell has no `auth reconcile` (kubectl apply -f the RBAC objects instead)');
  if (sub === undefined || sub.startsWith('-')) {
    if (sub !== undefined) parseFlags('kubectl auth', args, {});
    k.io.err(AUTH_HELP);
    k.exit = 1;
    return;
  }
  throw new CommandError(`error: unknown command "${sub}"\nSee 'kubectl auth -h' for help and examples`);
}
