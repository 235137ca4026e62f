/**
 * POST pods/NAME/eviction: the policy/v1 Eviction subresource, as kube-apiserver's EvictionREST
 * (pkg/registry/core/pod/storage/eviction.go) serves it. A pod that is already disrupted
 * (Succeeded, Failed, Pending, or being deleted) is deleted at once. Otherwise the one
 * PodDisruptionBudget whose selector matches the pod must allow a disruption: its
 * `status.disruptionsAllowed` is decremented and the pod recorded in `status.disruptedPods`
 * (a status update guarded by the budget's resourceVersion) before the pod is deleted through
 * the normal DELETE path with the Eviction's `deleteOptions` (grace period, preconditions,
 * dryRun). An unready pod of a healthy application (or of a budget with
 * `unhealthyPodEvictionPolicy: AlwaysAllow`) is deleted without spending the budget, on the
 * condition that it has not changed since it was read. A budget that allows no disruption answers
 * 429 TooManyRequests with kube's message and its `DisruptionBudget` cause.
 *
 * Two deliberate differences, both to keep every refusal a 4xx with nothing written:
 * - several budgets matching the pod: kube answers a Failure Status with code 500 (in an HTTP
 *   201); here it is a 403 Forbidden with kube's message, as kube refuses the other budgets it
 *   cannot use (negative `disruptionsAllowed`, too many `disruptedPods`);
 * - `dryRun` that differs between the query and the `deleteOptions`: kube's plain error is a
 *   500; here it is a 400 BadRequest with kube's message;
 * and the pod's delete is checked (options, preconditions) before the budget is spent, so a
 * refused delete leaves the budget as it was.
 */
import { rfc3339 } from '../api/duration';
import { badRequest, forbidden, success, tooManyRequests, type Status, type StatusError } from '../api/status';
import type { Condition, KubeObject, Pod, PodDisruptionBudget } from '../api/types';
import { parseDeleteOptions } from './delete';
import { Registry, type ResourceDef } from './registry';
import type { ApiRequest } from './request';
import type { RestHandler, WriteResult } from './rest';
import { poddisruptionbudgets } from './resources/pdb';
import { selectorIsEmpty, selectorIsValid, selectorMatches } from './resources/selector';
import { writeOptions } from './writeOptions';

/** kube's message when an eviction would violate the pod's disruption budget. */
export const EVICTION_REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

/** kube's message when several budgets match the pod. */
export const MULTIPLE_BUDGETS = 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';

/** The most pods `status.disruptedPods` may hold before evictions are refused (MaxDisruptedPodSize). */
export const MAX_DISRUPTED_PODS = 2000;

/** The field manager of the budget's status update: kube-apiserver's loopback client. */
const LOOPBACK_MANAGER = 'kube-apiserver';

/** The API versions an Eviction may be sent in (EvictionREST.AcceptsGroupVersion). */
const ACCEPTED_VERSIONS = ['policy/v1', 'policy/v1beta1'];

type Body = Record<string, unknown>;

function isObject(v: unknown): v is Body {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The Eviction in the body, checked as kube's decoder and EvictionREST.Create check it. */
function readEviction(namespace: string | undefined, name: string, body: Body): { deleteOptions: Body | undefined } {
  const av = body['apiVersion'];
  if (av !== undefined && !ACCEPTED_VERSIONS.includes(String(av))) throw badRequest(`the API version in the data (${String(av)}) does not match the expected API version (policy/v1)`);
  const kind = body['kind'];
  if (kind !== undefined && kind !== 'Eviction') throw badRequest(`the kind in the data (${String(kind)}) does not match the expected kind (Eviction)`);
  const md = body['metadata'];
  if (md !== undefined && !isObject(md)) throw badRequest('metadata must be an object');
  const meta = (md ?? {}) as Body;
  if (meta['namespace'] && namespace && meta['namespace'] !== namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  if (meta['name'] !== name) throw badRequest('name in URL does not match name in Eviction object');
  const opts = body['deleteOptions'];
  if (opts !== undefined && opts !== null && !isObject(opts)) throw badRequest('deleteOptions must be an object');
  return { deleteOptions: opts ?? undefined };
}

function dryRunList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

/** The DeleteOptions to delete with: the Eviction's, with the request's `dryRun` (propagateDryRun). */
function propagateDryRun(deleteOptions: Body | undefined, queryDryRun: string | undefined): Body {
  const fromQuery = queryDryRun === undefined ? [] : [queryDryRun];
  const opts: Body = { ...(deleteOptions ?? {}) };
  const fromBody = dryRunList(opts['dryRun']);
  if (fromBody.length === 0) {
    if (fromQuery.length > 0) opts['dryRun'] = fromQuery;
    else delete opts['dryRun'];
  } else if (fromQuery.length > 0 && fromQuery.join('\u0000') !== fromBody.join('\u0000')) {
    const go = (l: string[]) => `[${l.join(' ')}]`;
    throw badRequest(`Non-matching dry-run options in request and content: ${go(fromQuery)} and ${go(fromBody)}`);
  }
  return opts;
}

function withResourceVersionPrecondition(opts: Body, resourceVersion: string | undefined): Body {
  const pre = isObject(opts['preconditions']) ? opts['preconditions'] : {};
  return { ...opts, preconditions: { ...pre, resourceVersion: resourceVersion ?? '' } };
}

function resourceVersionUnset(opts: Body): boolean {
  const pre = opts['preconditions'];
  return !isObject(pre) || typeof pre['resourceVersion'] !== 'string';
}

/** A pod whose eviction needs no budget: it is finished, not started, or already going (canIgnorePDB). */
function canIgnoreBudget(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

/** Whether the delete must be on the pod as read (shouldEnforceResourceVersion): not for finished or deleting pods. */
function enforceResourceVersion(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !(phase === 'Succeeded' || phase === 'Failed' || pod.metadata.deletionTimestamp);
}

/** podutil.IsPodReady. */
function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The budgets of the pod's namespace whose (valid, non-empty) selector matches its labels. */
function budgetsOf(rest: RestHandler, pod: Pod): PodDisruptionBudget[] {
  const items = rest.storeOf(poddisruptionbudgets).list(Registry.keyPrefix(poddisruptionbudgets, pod.metadata.namespace)).items as PodDisruptionBudget[];
  return items.filter((pdb) => {
    const sel = pdb.spec?.selector;
    return selectorIsValid(sel) && !selectorIsEmpty(sel) && selectorMatches(sel, pod.metadata.labels);
  });
}

function stillProcessing(pdbName: string): StatusError {
  return tooManyRequests(EVICTION_REFUSED, 10, [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdbName} is still being processed by the server.` }]);
}

/** The refusals of checkAndDecrement: a budget not yet observed, unusable, or with no disruption left. */
function checkBudget(pdb: PodDisruptionBudget): void {
  const name = pdb.metadata.name ?? '';
  const status = pdb.status ?? {};
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw stillProcessing(name);
  const refused = (why: string) => forbidden(`poddisruptionbudget.policy "${name}" is forbidden: ${why}`, { name, group: 'policy', kind: 'poddisruptionbudget' });
  if ((status.disruptionsAllowed ?? 0) < 0) throw refused('pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_PODS) throw refused('DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  if ((status.disruptionsAllowed ?? 0) === 0) {
    throw tooManyRequests(EVICTION_REFUSED, 0, [{ reason: 'DisruptionBudget', message: `The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently` }]);
  }
}

type MetaCondition = Condition & { observedGeneration?: number };

/** The budget's status with one disruption spent (UpdateDisruptionAllowedCondition once none is left) and the pod recorded. */
function spentStatus(pdb: PodDisruptionBudget, podName: string, now: string): NonNullable<PodDisruptionBudget['status']> {
  const status = { ...(pdb.status ?? {}) };
  status.disruptionsAllowed = (status.disruptionsAllowed ?? 0) - 1;
  if (status.disruptionsAllowed === 0) {
    const conditions = [...((status.conditions ?? []) as MetaCondition[])];
    const next: MetaCondition = { type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: status.observedGeneration ?? 0 };
    const i = conditions.findIndex((c) => c.type === next.type);
    const old = conditions[i];
    if (old === undefined) conditions.push({ ...next, lastTransitionTime: now });
    else conditions[i] = { ...old, ...next, lastTransitionTime: old.status === next.status ? old.lastTransitionTime : now };
    status.conditions = conditions;
  }
  status.disruptedPods = { ...(status.disruptedPods ?? {}), [podName]: now };
  return status;
}

/** The answer of an eviction: a Success Status with the create's code. */
function evicted(): WriteResult {
  const body: Status = { ...success(), code: 201 };
  return { code: 201, body, warnings: [] };
}

/** Handles POST pods/NAME/eviction (`podsDef` is core/v1 pods) with the request's Eviction `body`. */
export function evictPod(rest: RestHandler, podsDef: ResourceDef, namespace: string | undefined, name: string, body: Body, req: ApiRequest): WriteResult {
  const { deleteOptions } = readEviction(namespace, name, body);
  // The request's CreateOptions are validated first (422 for an unknown dryRun value).
  writeOptions('CreateOptions', req.query, req.headers);
  const original = propagateDryRun(deleteOptions, req.query['dryRun']);
  const del = (opts: Body) => rest.delete(podsDef, namespace, name, opts, {});
  // Checks the delete without making it, so that a refused delete spends no budget.
  const check = (opts: Body) => del({ ...opts, dryRun: ['All'] });

  const pod = rest.read(podsDef, namespace, name) as Pod;
  // The DeleteOptions are validated (422) before anything is written.
  const dryRun = parseDeleteOptions(original, {}).dryRun;
  if (canIgnoreBudget(pod)) {
    del(enforceResourceVersion(pod) && resourceVersionUnset(original) ? withResourceVersionPrecondition(original, pod.metadata.resourceVersion) : original);
    return evicted();
  }

  const budgets = budgetsOf(rest, pod);
  if (budgets.length > 1) throw forbidden(MULTIPLE_BUDGETS);
  const pdb = budgets[0];
  let opts = original;
  if (pdb) {
    const s = pdb.status ?? {};
    const unhealthyMayGo = !isPodReady(pod) && (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow' || ((s.currentHealthy ?? 0) >= (s.desiredHealthy ?? 0) && (s.desiredHealthy ?? 0) > 0));
    if (unhealthyMayGo) {
      // An unready pod does not count towards the budget: delete it only as it was read.
      opts = withResourceVersionPrecondition(original, pod.metadata.resourceVersion);
    } else {
      checkBudget(pdb);
      check(opts);
      if (!dryRun) {
        const given: KubeObject = { ...pdb, metadata: { ...pdb.metadata }, status: spentStatus(pdb, name, rfc3339(rest.ctx.now())) };
        rest.commitSubresource(poddisruptionbudgets, pdb, given, 'status', { dryRun: false, manager: LOOPBACK_MANAGER, fieldValidation: 'Ignore' }, LOOPBACK_MANAGER, pdb.metadata.resourceVersion);
      }
    }
  }
  try {
    del(opts);
  } catch (e) {
    // The unready pod changed since it was read: the client should retry.
    const status = (e as Partial<StatusError>).status;
    if (pdb && opts !== original && status?.reason === 'Conflict' && resourceVersionUnset(original)) throw stillProcessing(pdb.metadata.name ?? '');
    throw e;
  }
  return evicted();
}
