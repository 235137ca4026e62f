/**
 * `kubectl rollout pause|resume|restart|history|undo|status TYPE/NAME` as kubectl 1.32 does them
 * (polymorphichelpers: objectpauser, objectrestarter, history, rollback): pause and resume patch a
 * Deployment's `spec.paused`; restart stamps the `kubectl.kubernetes.io/restartedAt` template
 * annotation of a Deployment, DaemonSet or StatefulSet; history lists a Deployment's revisions
 * from its ReplicaSets and a DaemonSet's or StatefulSet's from its ControllerRevisions; undo puts
 * a revision's template back (a JSON patch of the template and annotations for a Deployment, the
 * revision's own strategic merge patch for the others); status is in rolloutStatus.ts.
 */
import type { ControllerRevision, KubeObject, PodTemplateSpec } from '../../api/types';
// The revision data format is the controllers' (a pure function of the template): kubectl reads what they wrote.
import { templateOf, templatePatch } from '../../controllers/history/revisions';
import { canonicalJson } from '../../controllers/util/hash';
import type { Kubectl } from './context';
import { kindPrefix, resourcePath, type ApiType } from './discovery';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { selectorString } from './remote';
import { selectResources } from './resources';
import { rolloutStatus } from './rolloutStatus';
import { DescribeWriter, tabwrite } from './describe/tabwriter';
import { describePodTemplate, type PodSpec } from './describe/template';

type Template = { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec };
type Workload = KubeObject & { spec: { paused?: boolean; replicas?: number; template: Template; selector?: Record<string, unknown> } };
type ReplicaSet = KubeObject & { spec: { template: Template } };

const REVISION = 'deployment.kubernetes.io/revision';
/** The Deployment's own annotations a rollback keeps (annotationsToSkip). */
const KEEP_ON_ROLLBACK = ['kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to'];

type Kind = 'Deployment' | 'DaemonSet' | 'StatefulSet' | undefined;
function kindOf(type: ApiType): Kind {
  if (type.group !== 'apps') return undefined;
  return type.kind === 'Deployment' || type.kind === 'DaemonSet' || type.kind === 'StatefulSet' ? type.kind : undefined;
}

/** GroupKind.String(): `ReplicaSet.apps`, `Pod`. */
function groupKind(type: ApiType): string {
  return type.group ? `${type.kind}.${type.group}` : type.kind;
}

async function target(k: Kubectl, positional: string[], sub: string): Promise<{ type: ApiType; name: string }> {
  const sel = await selectResources(k, positional, `kubectl rollout ${sub}`);
  const s = sel[0];
  const name = s?.names[0];
  if (!s || name === undefined) throw new CommandError(`error: required resource not specified`);
  return { type: s.type, name };
}

async function deploymentRevisions(k: Kubectl, d: Workload): Promise<Map<number, ReplicaSet>> {
  const list = await k.ok<{ items?: ReplicaSet[] }>('GET', `/apis/apps/v1/namespaces/${d.metadata.namespace ?? ''}/replicasets`);
  const out = new Map<number, ReplicaSet>();
  for (const rs of list.items ?? []) {
    if (!(rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid)) continue;
    const rev = Number(rs.metadata.annotations?.[REVISION] ?? '0');
    out.set(rev, rs);
  }
  return out;
}

function withoutHash(t: Template): Template {
  const c = JSON.parse(JSON.stringify(t)) as Template;
  if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
  return c;
}

/** The ControllerRevisions the DaemonSet or StatefulSet controls (controlledHistory), by revision number. */
async function controllerRevisions(k: Kubectl, w: Workload): Promise<Map<number, ControllerRevision>> {
  const sel = selectorString(w.spec.selector);
  const list = await k.ok<{ items?: ControllerRevision[] }>('GET', `/apis/apps/v1/namespaces/${w.metadata.namespace ?? ''}/controllerrevisions`, sel ? { labelSelector: sel } : {});
  const out = new Map<number, ControllerRevision>();
  for (const r of list.items ?? []) if ((r.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === w.metadata.uid)) out.set(r.revision, r);
  return out;
}

function printTemplate(t: unknown): string {
  const w = new DescribeWriter();
  describePodTemplate(w, t);
  return w.raw();
}

/** `rollout history` of any of the three kinds. */
async function history(k: Kubectl, kind: Exclude<Kind, undefined>, w: Workload, flags: Flags, id: string): Promise<void> {
  const templates = new Map<number, { template: unknown; cause?: string }>();
  if (kind === 'Deployment') {
    for (const [rev, rs] of await deploymentRevisions(k, w)) templates.set(rev, { template: rs.spec.template, cause: rs.metadata.annotations?.['kubernetes.io/change-cause'] });
  } else {
    for (const [rev, r] of await controllerRevisions(k, w)) templates.set(rev, { template: templateOf(r), cause: r.metadata.annotations?.['kubernetes.io/change-cause'] });
  }
  const revision = flags.int('revision', 0);
  if (templates.size === 0) {
    k.io.out(`${id} ${revision > 0 ? `with revision #${revision}` : ''}\nNo rollout history found.\n`);
    return;
  }
  if (revision > 0) {
    const h = templates.get(revision);
    if (!h) throw new CommandError('error: unable to find the specified revision');
    k.io.out(`${id} with revision #${revision}\n${printTemplate(h.template)}\n`);
    return;
  }
  const revs = [...templates.keys()].sort((a, b) => a - b);
  // A StatefulSet's history has no change-cause column (StatefulSetHistoryViewer).
  const table = kind === 'StatefulSet' ? `REVISION\n${revs.map((r) => `${r}\n`).join('')}` : `REVISION\tCHANGE-CAUSE\n${revs.map((r) => `${r}\t${templates.get(r)?.cause || '<none>'}\n`).join('')}`;
  k.io.out(`${id} \n${tabwrite(table)}\n`);
}

/** `--dry-run`: none, client (print what would be done) or server (the write sent with dryRun=All). */
type DryRun = 'none' | 'client' | 'server';

/** `rollout undo` of a Deployment (DeploymentRollbacker): the operation kubectl prints after the name. */
async function undoDeployment(k: Kubectl, d: Workload, flags: Flags, path: string, name: string, dry: DryRun): Promise<string> {
  const revs = await deploymentRevisions(k, d);
  const to = flags.int('to-revision', 0);
  if (to < 0) throw new CommandError(`error: unable to find specified revision ${to} in history`);
  let rs: ReplicaSet | undefined;
  if (to > 0) {
    rs = revs.get(to);
    if (!rs) throw new CommandError(`error: unable to find specified revision ${to} in history`);
  } else {
    const sorted = [...revs.keys()].filter((r) => r > 0).sort((a, b) => b - a);
    rs = sorted.length > 1 ? revs.get(sorted[1] as number) : undefined;
    if (!rs) throw new CommandError(`error: no rollout history found for deployment "${name}"`);
  }
  // A client dry run describes the revision's template as its ReplicaSet has it (hash label included).
  if (dry === 'client') return printTemplate(rs.spec.template);
  if (d.spec.paused) throw new CommandError(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`);
  const tmpl = withoutHash(rs.spec.template);
  if (canonicalJson(tmpl) === canonicalJson(withoutHash(d.spec.template))) return `skipped rollback (current template already matches revision ${to})`;
  const annotations: Record<string, string> = {};
  for (const key of KEEP_ON_ROLLBACK) {
    const v = d.metadata.annotations?.[key];
    if (v !== undefined) annotations[key] = v;
  }
  for (const [key, v] of Object.entries(rs.metadata.annotations ?? {})) if (!KEEP_ON_ROLLBACK.includes(key)) annotations[key] = v;
  await k.ok('PATCH', path, dry === 'server' ? { dryRun: 'All' } : {}, [
    { op: 'replace', path: '/spec/template', value: tmpl },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ], 'application/json-patch+json');
  return 'rolled back';
}

/** `rollout undo` of a DaemonSet or StatefulSet (DaemonSetRollbacker, StatefulSetRollbacker). */
async function undoFromHistory(k: Kubectl, w: Workload, flags: Flags, path: string, dry: DryRun): Promise<string> {
  const to = flags.int('to-revision', 0);
  if (to < 0) throw new CommandError(`error: unable to find specified revision ${to} in history`);
  const revs = await controllerRevisions(k, w);
  if (to === 0 && revs.size <= 1) throw new CommandError('error: no last revision to roll back to');
  const sorted = [...revs.keys()].sort((a, b) => a - b);
  const target = to === 0 ? revs.get(sorted[sorted.length - 2] as number) : revs.get(to);
  if (!target) throw new CommandError(`error: unable to find specified revision ${to} in history`);
  // The revision's data replaces the whole template ($patch: replace): the template it would give is the revision's.
  if (dry === 'client') return `will roll back to ${printTemplate(templateOf(target))}`;
  if (canonicalJson(templatePatch(w.spec.template as unknown as PodTemplateSpec)) === canonicalJson(target.data)) return `skipped rollback (current template already matches revision ${to})`;
  await k.ok('PATCH', path, dry === 'server' ? { dryRun: 'All' } : {}, target.data, 'application/strategic-merge-patch+json');
  return 'rolled back';
}

/** `kubectl rollout`. */
export async function rollout(k: Kubectl, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const subs = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
  if (sub === undefined || !subs.includes(sub)) throw new CommandError(`error: unknown command "${sub ?? ''}"\nSee 'kubectl rollout -h' for help and examples`);
  const flags = new Flags(parseFlags(`kubectl rollout ${sub}`, rest, { revision: { kind: 'int' }, 'to-revision': { kind: 'int' }, watch: { kind: 'bool', short: 'w' }, timeout: { kind: 'string' }, 'dry-run': { kind: 'string', noOptDefault: 'unchanged' }, output: { kind: 'string', short: 'o' }, selector: { kind: 'string', short: 'l' } }));
  const { type, name } = await target(k, flags.positional, sub);
  const ns = k.namespace(flags);
  const path = resourcePath(type, ns, name);
  const d = await k.ok<Workload>('GET', path);
  const id = `${kindPrefix(type)}/${name}`;
  const kind = kindOf(type);
  const resourceName = type.group ? `${type.resource}.${type.group}` : type.resource;
  const patch = (body: unknown) => k.ok('PATCH', path, {}, body, 'application/strategic-merge-patch+json');
  switch (sub) {
    case 'pause':
    case 'resume': {
      const want = sub === 'pause';
      if (kind !== 'Deployment') throw new CommandError(`error: ${resourceName} "${name}" ${want ? 'pausing' : 'resuming'} is not supported`);
      if ((d.spec.paused ?? false) === want) throw new CommandError(`error: ${resourceName} "${name}" ${want ? 'is already paused' : 'is not paused'}`);
      await patch({ spec: { paused: want ? true : null } });
      k.io.out(`${id} ${want ? 'paused' : 'resumed'}\n`);
      return;
    }
    case 'restart': {
      if (kind === undefined) throw new CommandError(`error: ${resourceName} "${name}" restarting is not supported`);
      if (kind === 'Deployment' && d.spec.paused) throw new CommandError("error: can't restart paused deployment (run rollout resume first)");
      const now = k.deps.now ? k.deps.now() : Math.max(...((d.metadata.managedFields ?? []) as { time?: string }[]).map((f) => Date.parse(f.time ?? '') || 0), Date.parse(d.metadata.creationTimestamp ?? '') || 0);
      const at = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
      await patch({ spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } });
      k.io.out(`${id} restarted\n`);
      return;
    }
    case 'history':
      if (kind === undefined) throw new CommandError(`error: no history viewer has been implemented for "${groupKind(type)}"`);
      return history(k, kind, d, flags, id);
    case 'undo': {
      if (kind === undefined) throw new CommandError(`error: no rollbacker has been implemented for "${groupKind(type)}"`);
      const dry = flags.str('dry-run', 'none');
      if (dry !== 'none' && dry !== 'client' && dry !== 'server') throw new CommandError(`error: Invalid dry-run value (${dry}). Must be "none", "server", or "client".`);
      const result = kind === 'Deployment' ? await undoDeployment(k, d, flags, path, name, dry) : await undoFromHistory(k, d, flags, path, dry);
      // The name printer: the operation, then the dry run's suffix.
      k.io.out(`${id} ${result}${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`);
      return;
    }
    default:
      return rolloutStatus(k, flags, type, ns, name);
  }
}
