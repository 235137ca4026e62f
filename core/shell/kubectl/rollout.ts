/**
 * `kubectl rollout pause|resume|restart|history|undo|status deployment/NAME`: pause and resume
 * patch `spec.paused`; restart stamps the `kubectl.kubernetes.io/restartedAt` template
 * annotation; history lists the revisions of the deployment's replica sets; undo copies a
 * revision's template back; status reports the rollout's progress once (no watch).
 */
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { kindPrefix, resourcePath, type ApiType } from './discovery';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { selectResources } from './resources';
import { DescribeWriter, tabwrite } from './describe/tabwriter';
import { describePodTemplate, type PodSpec } from './describe/template';

type Template = { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec };
type Deployment = KubeObject & { spec: { paused?: boolean; replicas?: number; template: Template }; status?: { observedGeneration?: number; updatedReplicas?: number; replicas?: number; availableReplicas?: number; conditions?: { type: string; reason?: string }[] } };
type ReplicaSet = KubeObject & { spec: { template: Template } };

const REVISION = 'deployment.kubernetes.io/revision';

async function target(k: Kubectl, positional: string[], sub: string): Promise<{ type: ApiType; name: string }> {
  const sel = await selectResources(k, positional, `kubectl rollout ${sub}`);
  const s = sel[0];
  const name = s?.names[0];
  if (!s || name === undefined) throw new CommandError(`error: required resource not specified`);
  if (s.type.resource !== 'deployments') throw new CommandError(`error: the bundled shell rolls out deployments only`);
  return { type: s.type, name };
}

async function revisions(k: Kubectl, d: Deployment): Promise<Map<number, ReplicaSet>> {
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

/** `kubectl rollout`. */
export async function rollout(k: Kubectl, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const subs = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
  if (sub === undefined || !subs.includes(sub)) throw new CommandError(`error: unknown command "${sub ?? ''}"\nSee 'kubectl rollout -h' for help and examples`);
  const flags = new Flags(parseFlags(`kubectl rollout ${sub}`, rest, { revision: { kind: 'int' }, 'to-revision': { kind: 'int' }, watch: { kind: 'bool', short: 'w' }, timeout: { kind: 'string' }, 'dry-run': { kind: 'string', noOptDefault: 'unchanged' }, output: { kind: 'string', short: 'o' }, selector: { kind: 'string', short: 'l' } }));
  const { type, name } = await target(k, flags.positional, sub);
  const ns = k.namespace(flags);
  const path = resourcePath(type, ns, name);
  const d = await k.ok<Deployment>('GET', path);
  const id = `${kindPrefix(type)}/${name}`;
  const patch = (body: unknown) => k.ok('PATCH', path, {}, body, 'application/strategic-merge-patch+json');
  switch (sub) {
    case 'pause':
    case 'resume': {
      const want = sub === 'pause';
      if ((d.spec.paused ?? false) === want) throw new CommandError(`error: ${type.resource}.${type.group} "${name}" ${want ? 'is already paused' : 'is not paused'}`);
      await patch({ spec: { paused: want ? true : null } });
      k.io.out(`${id} ${want ? 'paused' : 'resumed'}\n`);
      return;
    }
    case 'restart': {
      if (d.spec.paused) throw new CommandError("error: can't restart paused deployment (run rollout resume first)");
      const now = k.deps.now ? k.deps.now() : Math.max(...((d.metadata.managedFields ?? []) as { time?: string }[]).map((f) => Date.parse(f.time ?? '') || 0), Date.parse(d.metadata.creationTimestamp ?? '') || 0);
      const at = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
      await patch({ spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } });
      k.io.out(`${id} restarted\n`);
      return;
    }
    case 'history': {
      const revs = await revisions(k, d);
      if (flags.has('revision')) {
        const rev = flags.int('revision', 0);
        const rs = revs.get(rev);
        if (!rs) throw new CommandError(`error: unable to find the specified revision`);
        const w = new DescribeWriter();
        describePodTemplate(w, rs.spec.template);
        k.io.out(`${id} with revision #${rev}\n${w.raw()}\n`);
        return;
      }
      const rows = [...revs.entries()].filter(([rev]) => rev > 0).sort((a, b) => a[0] - b[0]);
      const lines = rows.map(([rev, rs]) => `${rev}\t${rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>'}\n`).join('');
      k.io.out(`${id} \n${tabwrite(`REVISION\tCHANGE-CAUSE\n${lines}`)}\n`);
      return;
    }
    case 'undo': {
      const revs = await revisions(k, d);
      const current = Number(d.metadata.annotations?.[REVISION] ?? '0');
      let to = flags.int('to-revision', 0);
      if (to === 0) to = Math.max(0, ...[...revs.keys()].filter((r) => r !== current));
      const rs = revs.get(to);
      if (!rs || to === 0) throw new CommandError(to === 0 || !flags.has('to-revision') ? `error: no rollout history found for deployment "${name}"` : `error: unable to find specified revision ${to} in history`);
      const tmpl = withoutHash(rs.spec.template);
      if (JSON.stringify(tmpl) === JSON.stringify(d.spec.template)) {
        k.io.out(`${id} skipped rollback (current template already matches revision ${to})\n`);
        return;
      }
      await k.ok('PATCH', path, {}, [{ op: 'replace', path: '/spec/template', value: tmpl }], 'application/json-patch+json');
      k.io.out(`${id} rolled back\n`);
      return;
    }
    default: {
      const st = d.status ?? {};
      const want = d.spec.replicas ?? 1;
      if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) k.io.out('Waiting for deployment spec update to be observed...\n');
      else if ((st.conditions ?? []).some((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')) throw new CommandError(`error: deployment "${name}" exceeded its progress deadline`);
      else if ((st.updatedReplicas ?? 0) < want) k.io.out(`Waiting for deployment "${name}" rollout to finish: ${st.updatedReplicas ?? 0} out of ${want} new replicas have been updated...\n`);
      else if ((st.replicas ?? 0) > (st.updatedReplicas ?? 0)) k.io.out(`Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - (st.updatedReplicas ?? 0)} old replicas are pending termination...\n`);
      else if ((st.availableReplicas ?? 0) < (st.updatedReplicas ?? 0)) k.io.out(`Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${st.updatedReplicas ?? 0} updated replicas are available...\n`);
      else k.io.out(`deployment "${name}" successfully rolled out\n`);
    }
  }
}
