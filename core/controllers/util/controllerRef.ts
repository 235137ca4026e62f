/**
 * Owner references as controllers use them (k8s.io/apimachinery metav1.NewControllerRef,
 * GetControllerOf), and the adoption and release of dependents (pkg/controller
 * controller_ref_manager.go) reduced to what the simulated controllers need.
 */
import type { KubeObject, OwnerReference } from '../../api/types';

/** The controller reference of `owner` (controller and blockOwnerDeletion set, as NewControllerRef). */
export function controllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** The owner reference with `controller: true`, if any (metav1.GetControllerOf). */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** Whether `obj` is controlled by the object with `uid`. */
export function isControlledBy(obj: KubeObject, uid: string | undefined): boolean {
  return uid !== undefined && controllerOf(obj)?.uid === uid;
}

/** The informer index of dependents by their controller's uid: `addIndex(CONTROLLER_UID_INDEX, controllerUidIndex)`. */
export const CONTROLLER_UID_INDEX = 'controllerUID';

/** Index function: the uid of an object's controller (none when it has no controller). */
export function controllerUidIndex(obj: KubeObject): string[] {
  const uid = controllerOf(obj)?.uid;
  return uid ? [uid] : [];
}
