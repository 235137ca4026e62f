/**
 * What a fresh kubeadm (kind) cluster holds before anyone uses it, created through the API at
 * start as kube-apiserver's post-start hooks, kubeadm and kind create it: the bootstrap RBAC
 * policy (with kubeadm's bindings), the system PriorityClasses, the service accounts of the
 * controllers in kube-system, and kind's default `standard` StorageClass (rancher.io/local-path).
 * Objects that already exist are left as they are.
 */
import { isStatusError } from '../api/status';
import type { KubeObject, StorageClass } from '../api/types';
import type { Client, ResourceRef } from '../client/client';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from '../apiserver/auth/bootstrap';
import { CONTROLLER_NAMES } from '../apiserver/auth/controllerRoles';
import { systemPriorityClasses } from '../apiserver/resources/priorityclasses';

/** kind's default StorageClass. */
export function standardStorageClass(): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}

async function ensure(client: Client, ref: ResourceRef, obj: KubeObject): Promise<void> {
  try {
    await client.create(ref, obj);
  } catch (e) {
    if (!isStatusError(e, 'AlreadyExists')) throw e;
  }
}

/** Creates the cluster's bootstrap objects (as a `system:masters` client). */
export async function bootstrapCluster(client: Client): Promise<void> {
  const rbac = { group: 'rbac.authorization.k8s.io' };
  for (const r of bootstrapClusterRoles()) await ensure(client, { ...rbac, resource: 'clusterroles' }, r);
  for (const b of bootstrapClusterRoleBindings()) await ensure(client, { ...rbac, resource: 'clusterrolebindings' }, b);
  for (const pc of systemPriorityClasses()) await ensure(client, { group: 'scheduling.k8s.io', resource: 'priorityclasses' }, pc);
  for (const name of CONTROLLER_NAMES) await ensure(client, { resource: 'serviceaccounts', namespace: 'kube-system' }, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } });
  await ensure(client, { group: 'storage.k8s.io', resource: 'storageclasses' }, standardStorageClass());
}
