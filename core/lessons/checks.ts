/**
 * Evaluates one check against the cluster: the objects come from the engine's informer caches
 * (kept current by watches), logs and access reviews from the API server through the client,
 * requests from pods (`httpFrom`) through the cluster's network.
 */
import { matchesLabels, parseLabelSelector } from '../api/labels';
import type { KubeObject } from '../api/types';
import type { Client } from '../client/client';
import { utf8Decode } from '../api/protobuf/text';
import { evaluateHttpCheck, type HttpNetwork } from './httpCheck';
import { evalJsonPath } from './jsonpath';
import { resolveResource, type ResourceType } from './resources';
import type { Check, CountOp, ObjectTarget } from './types';

/** What a check is evaluated against. */
export interface CheckContext {
  /** The cached objects of a type, all namespaces. */
  objects(t: ResourceType): KubeObject[];
  client: Client;
  /** The commands reported since the step began. */
  commands: string[];
  /** Events with a resourceVersion above this one are new to the step. */
  eventsBaseline?: string;
  /** The cluster's network, for `httpFrom` checks. */
  network?: HttpNetwork;
}

/** The resource types a check reads (the engine watches them). */
export function checkResources(c: Check): ResourceType[] {
  const r = (name: string) => resolveResource(name);
  let names: string[] = [];
  switch (c.type) {
    case 'commandRan':
      return [];
    case 'eventSeen':
      names = ['events'];
      break;
    case 'logContains':
      names = ['pods'];
      break;
    case 'canI':
      names = ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'];
      break;
    case 'httpFrom':
      // What decides the route: the source pod, the Services and their endpoints, the policies.
      names = ['pods', 'services', 'endpointslices', 'networkpolicies', ...(c.node !== undefined ? ['nodes'] : [])];
      break;
    default:
      names = [c.resource];
  }
  return names.map(r).filter((t): t is ResourceType => t !== undefined);
}

/** The objects a target names: one by name, or those its selector picks (all when neither), in its namespace. */
export function targetObjects(ctx: CheckContext, target: ObjectTarget): KubeObject[] {
  const t = resolveResource(target.resource);
  if (!t) throw new Error(`unknown resource "${target.resource}"`);
  const ns = t.namespaced ? (target.namespace ?? 'default') : undefined;
  const selector = target.selector ? parseLabelSelector(target.selector) : undefined;
  return ctx
    .objects(t)
    .filter((o) => (ns === undefined || o.metadata.namespace === ns) && (target.name === undefined || o.metadata.name === target.name) && (!selector || matchesLabels(selector, o.metadata.labels)))
    .filter((o) => !o.metadata.deletionTimestamp || t.resource === 'namespaces');
}

function compare(a: number, op: CountOp, b: number): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '<':
      return a < b;
  }
}

function phaseOf(o: KubeObject): string | undefined {
  const s = o.status as { phase?: string } | undefined;
  return s?.phase;
}

/** The text of a pods/log answer (the API server answers bytes, as the kubelet streams them). */
function logText(body: unknown): string {
  return body instanceof Uint8Array ? utf8Decode(body) : String(body);
}

function rvAfter(rv: string | undefined, baseline: string | undefined): boolean {
  if (baseline === undefined) return true;
  // The simulated store's resourceVersions are integers of one global revision.
  return Number(rv ?? '0') > Number(baseline);
}

/** Whether the check holds now; throws when the check itself is malformed. */
export async function evaluateCheck(ctx: CheckContext, c: Check): Promise<boolean> {
  switch (c.type) {
    case 'exists':
      return targetObjects(ctx, c).length > 0;
    case 'absent':
      return targetObjects(ctx, c).length === 0;
    case 'count':
      return compare(targetObjects(ctx, c).filter((o) => c.phase === undefined || phaseOf(o) === c.phase).length, c.op, c.value);
    case 'phase': {
      const objs = targetObjects(ctx, c);
      return objs.length > 0 && objs.every((o) => phaseOf(o) === c.phase);
    }
    case 'field': {
      const objs = targetObjects(ctx, c);
      const re = c.matches !== undefined ? new RegExp(c.matches) : undefined;
      return objs.length > 0 && objs.every((o) => {
        const { found, text } = evalJsonPath(o, c.jsonPath);
        if (c.equals !== undefined) return found && text === c.equals;
        if (re) return found && re.test(text);
        return found;
      });
    }
    case 'condition': {
      const objs = targetObjects(ctx, c);
      return objs.length > 0 && objs.every((o) => {
        const conds = ((o.status as { conditions?: { type: string; status: string; reason?: string }[] } | undefined)?.conditions ?? []);
        const cond = conds.find((x) => x.type === c.condition);
        return cond !== undefined && cond.status === c.status && (c.reason === undefined || cond.reason === c.reason);
      });
    }
    case 'eventSeen': {
      const t = resolveResource('events') as ResourceType;
      const re = c.messageMatches !== undefined ? new RegExp(c.messageMatches) : undefined;
      return ctx.objects(t).some((e) => {
        const inv = (e.involvedObject ?? {}) as { kind?: string; name?: string };
        return (
          e.reason === c.reason &&
          rvAfter(e.metadata.resourceVersion, ctx.eventsBaseline) &&
          (c.namespace === undefined || e.metadata.namespace === c.namespace) &&
          (c.involvedKind === undefined || inv.kind === c.involvedKind) &&
          (c.involvedName === undefined || inv.name === c.involvedName) &&
          (!re || re.test(String(e.message ?? '')))
        );
      });
    }
    case 'logContains': {
      const ns = c.namespace ?? 'default';
      const pods = targetObjects(ctx, { resource: 'pods', namespace: ns, ...(c.pod ? { name: c.pod } : {}), ...(c.selector ? { selector: c.selector } : {}) });
      for (const p of pods) {
        try {
          // listShared: the answer as the API server gives it (bytes), not a JSON copy of them.
          const body = await ctx.client.listShared({ resource: 'pods', namespace: ns, name: p.metadata.name, subresource: 'log' }, c.container ? { container: c.container } : {});
          if (logText(body).includes(c.text)) return true;
        } catch {
          // No log yet (the container has not started): not passed.
        }
      }
      return false;
    }
    case 'canI': {
      const attrs = {
        verb: c.verb,
        resource: c.resource,
        ...(c.group ? { group: c.group } : {}),
        ...(c.namespace ? { namespace: c.namespace } : {}),
        ...(c.name ? { name: c.name } : {}),
        ...(c.subresource ? { subresource: c.subresource } : {}),
      };
      let user = c.user;
      let groups = c.groups;
      if (c.serviceAccount) {
        const [ns, name] = c.serviceAccount.split(':') as [string, string];
        user = `system:serviceaccount:${ns}:${name}`;
        groups = ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'];
      }
      const review = user
        ? { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', metadata: {}, spec: { user, groups: groups ?? ['system:authenticated'], resourceAttributes: attrs } }
        : { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: { resourceAttributes: attrs } };
      const res = await ctx.client.create<KubeObject>({ group: 'authorization.k8s.io', version: 'v1', resource: user ? 'subjectaccessreviews' : 'selfsubjectaccessreviews' }, review);
      return ((res.status as { allowed?: boolean } | undefined)?.allowed === true) === c.expect;
    }
    case 'commandRan': {
      const re = new RegExp(c.pattern);
      return ctx.commands.some((l) => re.test(l));
    }
    case 'httpFrom': {
      const pods = c.node !== undefined ? [] : targetObjects(ctx, { resource: 'pods', namespace: c.namespace ?? 'default', ...(c.pod !== undefined ? { name: c.pod } : {}), ...(c.selector !== undefined ? { selector: c.selector } : {}) });
      return evaluateHttpCheck(ctx.network, c, pods);
    }
  }
}

/** Whether a check reads what no watch reports (logs, the network's rules and servers): the engine polls those on the clock. */
export function checkPolls(c: Check): 'always' | 'after-change' | undefined {
  if (c.type === 'logContains') return 'always';
  // kube-proxy programs a change a moment after the watch event; requests have effects (logs, round robin), so only a while after a change.
  if (c.type === 'httpFrom') return 'after-change';
  return undefined;
}
