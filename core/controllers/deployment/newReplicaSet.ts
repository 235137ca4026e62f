/**
 * The new ReplicaSet of a Deployment (getNewReplicaSet of pkg/controller/deployment/sync.go):
 * the existing one whose template is the Deployment's gets its annotations and revision brought
 * up to date (a rollback raises an old ReplicaSet's revision to the newest), or, when asked, one
 * is created: `<deployment>-<pod-template-hash>`, with the hash in its selector, labels and
 * template, the Deployment's annotations, its revision, and as many replicas as the strategy
 * allows now. A name taken by a ReplicaSet with another template is a hash collision: the
 * Deployment's `status.collisionCount` goes up and the next sync tries another name.
 */
import { isStatusError } from '../../api/status';
import type { Deployment, ReplicaSet } from '../../api/types';
import { controllerOf, controllerRef } from '../util/controllerRef';
import { computeHash } from '../util/hash';
import { clone } from '../util/pods';
import { replicaSetRef, traceName, updateDeploymentStatus, updateReplicaSet, type DeploymentSyncContext } from './context';
import { maxRevision, POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, setDeploymentRevision, setNewReplicaSetAnnotations } from './util/annotations';
import { DeploymentConditionType, getCondition, newCondition, Reason, setCondition, statusOf } from './util/conditions';
import { equalIgnoreHash, findNewReplicaSet } from './util/replicasets';
import { hasProgressDeadline, maxSurge, newRSNewReplicas } from './util/replicas';

/** The ReplicaSet a Deployment's template calls for, before it is created (no replicas yet). */
export function newReplicaSetFor(d: Deployment): ReplicaSet {
  const template = clone(d.spec.template);
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  template.metadata = { ...(template.metadata ?? {}), labels };
  const selector = clone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name ?? ''}-${hash}`,
      namespace: d.metadata.namespace ?? '',
      labels: { ...labels },
      ownerReferences: [controllerRef(d, 'apps/v1', 'Deployment')],
    },
    spec: { replicas: 0, ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}), selector, template },
  };
}

/**
 * getNewReplicaSet: the Deployment's new ReplicaSet, brought up to date, or created when
 * `create` (undefined when there is none and `create` is false). `d` is the working copy: its
 * revision annotation and conditions are written with its status.
 */
export async function getNewReplicaSet(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], create: boolean): Promise<ReplicaSet | undefined> {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  const now = dc.clock.now();

  if (existing) {
    const rsCopy = clone(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true, maxSurge(d));
    const minReadySeconds = d.spec.minReadySeconds ?? 0;
    if (annotationsUpdated || (rsCopy.spec.minReadySeconds ?? 0) !== minReadySeconds) {
      if (minReadySeconds) rsCopy.spec.minReadySeconds = minReadySeconds;
      else delete rsCopy.spec.minReadySeconds;
      const out = await updateReplicaSet(dc, rsCopy);
      if (rsCopy.metadata.annotations?.[REVISION_ANNOTATION] !== existing.metadata.annotations?.[REVISION_ANNOTATION]) {
        dc.trace('revision', traceName('replicasets', out), `ReplicaSet ${out.metadata.name ?? ''} is now revision ${rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? ''} of deployment ${d.metadata.name ?? ''}`);
      }
      return out;
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
    if (hasProgressDeadline(d) && !getCondition(statusOf(d), DeploymentConditionType.Progressing)) {
      setCondition(statusOf(d), newCondition(DeploymentConditionType.Progressing, 'True', Reason.FoundNewRS, `Found new replica set "${rsCopy.metadata.name ?? ''}"`, now));
      needsUpdate = true;
    }
    if (needsUpdate) await updateDeploymentStatus(dc, d);
    return rsCopy;
  }

  if (!create) return undefined;

  const newRS = newReplicaSetFor(d);
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = replicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, maxSurge(d));
  const name = newRS.metadata.name ?? '';
  let created: ReplicaSet;
  let alreadyExists = false;
  try {
    created = await dc.client.create<ReplicaSet>(replicaSetRef(newRS.metadata.namespace ?? ''), newRS);
  } catch (e) {
    if (isStatusError(e, 'AlreadyExists')) {
      alreadyExists = true;
      const rs = dc.replicaSets.get(`${newRS.metadata.namespace ?? ''}/${name}`);
      if (!rs) throw e;
      const ref = controllerOf(rs);
      if (ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, rs.spec.template)) {
        created = rs;
      } else {
        // A hash collision: another template has this name. Try another name next time.
        const status = (d.status ??= {});
        status.collisionCount = (status.collisionCount ?? 0) + 1;
        try {
          await updateDeploymentStatus(dc, d);
          dc.trace('collision', traceName('deployments', d), `hash collision with ReplicaSet ${name}: collisionCount is now ${status.collisionCount}`);
        } catch {
          // The next sync retries.
        }
        throw e;
      }
    } else if (isStatusError(e, 'Forbidden') && e.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) {
      throw e;
    } else {
      const msg = `Failed to create new replica set "${name}": ${e instanceof Error ? e.message : String(e)}`;
      if (hasProgressDeadline(d)) {
        setCondition(statusOf(d), newCondition(DeploymentConditionType.Progressing, 'False', Reason.FailedRSCreate, msg, now));
        await updateDeploymentStatus(dc, d).catch(() => undefined);
      }
      dc.recorder.event(d, 'Warning', Reason.FailedRSCreate, msg);
      throw e;
    }
  }
  if (!alreadyExists) {
    dc.trace('create', traceName('replicasets', created), `created ReplicaSet ${name} (revision ${newRevision}) with ${replicas} replicas for deployment ${d.metadata.name ?? ''}`);
    if (replicas > 0) dc.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name ?? ''} from 0 to ${replicas}`);
  }
  let needsUpdate = setDeploymentRevision(d, String(newRevision));
  if (!alreadyExists && hasProgressDeadline(d)) {
    setCondition(statusOf(d), newCondition(DeploymentConditionType.Progressing, 'True', Reason.NewReplicaSet, `Created new replica set "${created.metadata.name ?? ''}"`, now));
    needsUpdate = true;
  }
  if (needsUpdate) await updateDeploymentStatus(dc, d);
  return created;
}
