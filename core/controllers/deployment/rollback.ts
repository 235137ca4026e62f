/**
 * The deprecated server-side rollback (pkg/controller/deployment/rollback.go): the apps/v1
 * annotation `deprecated.deployment.rollback.to` that `spec.rollbackTo` of extensions/v1beta1
 * became. The controller copies the template (and annotations) of the ReplicaSet of that
 * revision (0: the previous one) into the Deployment and clears the request; the next sync then
 * finds that ReplicaSet as the new one and raises its revision. (`kubectl rollout undo` of 1.32
 * does the copy itself, client-side: the controller then only sees a template change.)
 */
import type { Deployment, ReplicaSet } from '../../api/types';
import { clone } from '../util/pods';
import { traceName, updateDeployment, type DeploymentSyncContext } from './context';
import { getAllReplicaSetsAndSyncRevision, rollbackTo } from './sync';
import { DEPRECATED_ROLLBACK_TO, lastRevision, POD_TEMPLATE_HASH_LABEL, revisionOf, setDeploymentAnnotationsTo } from './util/annotations';
import { equalIgnoreHash } from './util/replicasets';

/** The reasons of the rollback events. */
export const RollbackReason = {
  RevisionNotFound: 'DeploymentRollbackRevisionNotFound',
  TemplateUnchanged: 'DeploymentRollbackTemplateUnchanged',
  Done: 'DeploymentRollback',
} as const;

/** rollback: rolls the Deployment back to the requested revision, or gives up with a Warning event. */
export async function rollback(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): Promise<void> {
  const { newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  const allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
  let revision = rollbackTo(d)?.revision ?? 0;
  if (revision === 0) {
    revision = lastRevision(allRSs);
    if (revision === 0) {
      dc.recorder.event(d, 'Warning', RollbackReason.RevisionNotFound, 'Unable to find last revision.');
      return clearRollbackTo(dc, d);
    }
  }
  for (const rs of allRSs) {
    const v = revisionOf(rs);
    if (Number.isNaN(v) || v !== revision) continue;
    const performed = await rollbackToTemplate(dc, d, rs);
    if (performed) {
      dc.recorder.event(d, 'Normal', RollbackReason.Done, `Rolled back deployment "${d.metadata.name ?? ''}" to revision ${revision}`);
      dc.trace('rollback', traceName('deployments', d), `rolled deployment ${d.metadata.name ?? ''} back to revision ${revision} (ReplicaSet ${rs.metadata.name ?? ''})`);
    }
    return;
  }
  dc.recorder.event(d, 'Warning', RollbackReason.RevisionNotFound, 'Unable to find the revision to rollback to.');
  return clearRollbackTo(dc, d);
}

async function rollbackToTemplate(dc: DeploymentSyncContext, d: Deployment, rs: ReplicaSet): Promise<boolean> {
  let performed = false;
  if (!equalIgnoreHash(d.spec.template, rs.spec.template)) {
    const template = clone(rs.spec.template);
    if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    d.spec.template = template;
    setDeploymentAnnotationsTo(d, rs);
    performed = true;
  } else {
    dc.recorder.event(d, 'Warning', RollbackReason.TemplateUnchanged, `The rollback revision contains the same template as current deployment "${d.metadata.name ?? ''}"`);
  }
  await clearRollbackTo(dc, d);
  return performed;
}

/** updateDeploymentAndClearRollbackTo. */
async function clearRollbackTo(dc: DeploymentSyncContext, d: Deployment): Promise<void> {
  if (d.metadata.annotations) delete d.metadata.annotations[DEPRECATED_ROLLBACK_TO];
  await updateDeployment(dc, d);
}
