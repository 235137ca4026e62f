/**
 * Schemas of storage.k8s.io/v1: StorageClass.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, bool, def, gvk, obj, ref, str, stringMap, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of storage.k8s.io/v1. */
export const storageV1Definitions: Definition[] = [
  def(
    'io.k8s.api.storage.v1.StorageClass',
    obj(
      {
        allowVolumeExpansion: bool('allowVolumeExpansion shows whether the storage class allow volume expand.'),
        allowedTopologies: arr(ref('io.k8s.api.core.v1.TopologySelectorTerm'), { description: 'allowedTopologies restrict the node topologies where volumes can be dynamically provisioned. Each volume plugin defines its own supported topology specifications. An empty TopologySelectorTerm list means there is no topology restriction. This field is only honored by servers that enable the VolumeScheduling feature.', listType: 'atomic' }),
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        mountOptions: arr(str(), { description: 'mountOptions controls the mountOptions for dynamically provisioned PersistentVolumes of this storage class. e.g. ["ro", "soft"]. Not validated - mount of the PVs will simply fail if one is invalid.', listType: 'atomic' }),
        parameters: stringMap('parameters holds the parameters for the provisioner that should create volumes of this storage class.'),
        provisioner: str('provisioner indicates the type of the provisioner.'),
        reclaimPolicy: str('reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.\n\nPossible enum values:\n - `"Delete"` means the volume will be deleted from Kubernetes on release from its claim. The volume plugin must support Deletion.\n - `"Recycle"` means the volume will be recycled back into the pool of unbound persistent volumes on release from its claim. The volume plugin must support Recycling.\n - `"Retain"` means the volume will be left in its current phase (Released) for manual reclamation by the administrator. The default policy is Retain.', { enum: ['Delete', 'Recycle', 'Retain'] }),
        volumeBindingMode: str('volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.\n\nPossible enum values:\n - `"Immediate"` indicates that PersistentVolumeClaims should be immediately provisioned and bound. This is the default mode.\n - `"WaitForFirstConsumer"` indicates that PersistentVolumeClaims should not be provisioned and bound until the first Pod is created that references the PeristentVolumeClaim. The volume provisioning and binding will occur during Pod scheduing.', { enum: ['Immediate', 'WaitForFirstConsumer'] }),
      },
      { description: 'StorageClass describes the parameters for a class of storage for which PersistentVolumes can be dynamically provisioned.\n\nStorageClasses are non-namespaced; the name of the storage class according to etcd is in ObjectMeta.Name.', required: ['provisioner'], proto: { tags: { allowVolumeExpansion: 6, allowedTopologies: 8, metadata: 1, mountOptions: 5, parameters: 3, provisioner: 2, reclaimPolicy: 4, volumeBindingMode: 7 } } },
    ),
    [gvk('storage.k8s.io', 'v1', 'StorageClass')],
  ),
  def(
    'io.k8s.api.storage.v1.StorageClassList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.storage.v1.StorageClass'), { description: 'items is the list of StorageClasses' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'StorageClassList is a collection of storage classes.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('storage.k8s.io', 'v1', 'StorageClassList')],
  ),
];
