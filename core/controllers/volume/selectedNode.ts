/**
 * The node of a WaitForFirstConsumer claim. In Kubernetes the scheduler's VolumeBinding plugin
 * chooses it: before binding the pod it annotates the claim `volume.kubernetes.io/selected-node`,
 * and the provisioner creates the volume there. Until the simulated scheduler does so, this stands
 * in for it: a claim of such a class, unbound and without the annotation, used by a pod that is
 * already bound to a node, is annotated with that pod's node. With a scheduler that annotates
 * first, that state never occurs and this does nothing.
 */
import type { PersistentVolumeClaim } from '../../api/types';
import { clone } from '../util/pods';
import type { BinderContext } from './context';
import { ANN_BIND_COMPLETED, ANN_SELECTED_NODE, claimClass, claimKey, hasAnnotation, isDelayBinding, isPodTerminated } from './helpers';

/** Annotates the claim with its first bound consumer's node when the scheduler has not. */
export async function selectNodesForBoundPods(b: BinderContext, claim: PersistentVolumeClaim): Promise<void> {
  if (claim.metadata.deletionTimestamp || claim.spec?.volumeName || hasAnnotation(claim, ANN_SELECTED_NODE) || hasAnnotation(claim, ANN_BIND_COMPLETED)) return;
  const cls = claimClass(claim);
  if (cls === '' || !isDelayBinding(b.storageClass(cls))) return;
  const pod = b
    .podsUsing(claimKey(claim))
    .filter((p) => p.spec?.nodeName && !isPodTerminated(p) && !p.metadata.deletionTimestamp)
    .sort((a, x) => (a.metadata.creationTimestamp ?? '').localeCompare(x.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(x.metadata.name ?? ''))[0];
  const node = pod?.spec?.nodeName;
  if (!node) return;
  const next = clone(claim);
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: node };
  const saved = await b.client.update<PersistentVolumeClaim>({ resource: 'persistentvolumeclaims', namespace: claim.metadata.namespace ?? '', name: claim.metadata.name ?? '' }, next);
  b.remember(saved);
  b.trace('SelectNode', `persistentvolumeclaims/${claimKey(claim)}`, `${claimKey(claim)}: first consumer ${pod.metadata.name ?? ''} runs on ${node}`);
}
