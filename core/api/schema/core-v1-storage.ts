/**
 * Schemas of core/v1 PersistentVolume and PersistentVolumeClaim.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, bool, def, gvk, int32, map, obj, quantity, ref, str, stringMap, time, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of core/v1 PersistentVolume and PersistentVolumeClaim.. */
export const coreV1StorageDefinitions: Definition[] = [
  def(
    'io.k8s.api.core.v1.AzureFilePersistentVolumeSource',
    obj(
      {
        readOnly: bool('readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.'),
        secretName: str('secretName is the name of secret that contains Azure Storage Account Name and Key'),
        secretNamespace: str('secretNamespace is the namespace of the secret that contains Azure Storage Account Name and Key default is the same as the Pod'),
        shareName: str('shareName is the azure Share Name'),
      },
      { description: 'AzureFile represents an Azure File Service mount on the host and bind mount to the pod.', required: ['secretName', 'shareName'], proto: { tags: { readOnly: 3, secretName: 1, secretNamespace: 4, shareName: 2 }, omitEmpty: ['readOnly'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.CSIPersistentVolumeSource',
    obj(
      {
        controllerExpandSecretRef: ref('io.k8s.api.core.v1.SecretReference', 'controllerExpandSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI ControllerExpandVolume call. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.'),
        controllerPublishSecretRef: ref('io.k8s.api.core.v1.SecretReference', 'controllerPublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI ControllerPublishVolume and ControllerUnpublishVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.'),
        driver: str('driver is the name of the driver to use for this volume. Required.'),
        fsType: str('fsType to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs".'),
        nodeExpandSecretRef: ref('io.k8s.api.core.v1.SecretReference', 'nodeExpandSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodeExpandVolume call. This field is optional, may be omitted if no secret is required. If the secret object contains more than one secret, all secrets are passed.'),
        nodePublishSecretRef: ref('io.k8s.api.core.v1.SecretReference', 'nodePublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodePublishVolume and NodeUnpublishVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.'),
        nodeStageSecretRef: ref('io.k8s.api.core.v1.SecretReference', 'nodeStageSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodeStageVolume and NodeStageVolume and NodeUnstageVolume calls. This field is optional, and may be empty if no secret is required. If the secret object contains more than one secret, all secrets are passed.'),
        readOnly: bool('readOnly value to pass to ControllerPublishVolumeRequest. Defaults to false (read/write).'),
        volumeAttributes: stringMap('volumeAttributes of the volume to publish.'),
        volumeHandle: str('volumeHandle is the unique volume name returned by the CSI volume plugin’s CreateVolume to refer to the volume on all subsequent calls. Required.'),
      },
      { description: 'Represents storage that is managed by an external CSI volume driver', required: ['driver', 'volumeHandle'], proto: { tags: { controllerExpandSecretRef: 9, controllerPublishSecretRef: 6, driver: 1, fsType: 4, nodeExpandSecretRef: 10, nodePublishSecretRef: 8, nodeStageSecretRef: 7, readOnly: 3, volumeAttributes: 5, volumeHandle: 2 }, omitEmpty: ['fsType', 'readOnly'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.CephFSPersistentVolumeSource',
    obj(
      {
        monitors: arr(str(), { description: 'monitors is Required: Monitors is a collection of Ceph monitors More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it', listType: 'atomic' }),
        path: str('path is Optional: Used as the mounted root, rather than the full Ceph tree, default is /'),
        readOnly: bool('readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it'),
        secretFile: str('secretFile is Optional: SecretFile is the path to key ring for User, default is /etc/ceph/user.secret More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it'),
        secretRef: ref('io.k8s.api.core.v1.SecretReference', 'secretRef is Optional: SecretRef is reference to the authentication secret for User, default is empty. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it'),
        user: str('user is Optional: User is the rados user name, default is admin More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it'),
      },
      { description: 'Represents a Ceph Filesystem mount that lasts the lifetime of a pod Cephfs volumes do not support ownership management or SELinux relabeling.', required: ['monitors'], proto: { tags: { monitors: 1, path: 2, readOnly: 6, secretFile: 4, secretRef: 5, user: 3 }, omitEmpty: ['path', 'readOnly', 'secretFile', 'user'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.CinderPersistentVolumeSource',
    obj(
      {
        fsType: str('fsType Filesystem type to mount. Must be a filesystem type supported by the host operating system. Examples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified. More info: https://examples.k8s.io/mysql-cinder-pd/README.md'),
        readOnly: bool('readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/mysql-cinder-pd/README.md'),
        secretRef: ref('io.k8s.api.core.v1.SecretReference', 'secretRef is Optional: points to a secret object containing parameters used to connect to OpenStack.'),
        volumeID: str('volumeID used to identify the volume in cinder. More info: https://examples.k8s.io/mysql-cinder-pd/README.md'),
      },
      { description: 'Represents a cinder volume resource in Openstack. A Cinder volume must exist before mounting to a container. The volume must also be in the same region as the kubelet. Cinder volumes support ownership management and SELinux relabeling.', required: ['volumeID'], proto: { tags: { fsType: 2, readOnly: 3, secretRef: 4, volumeID: 1 }, omitEmpty: ['fsType', 'readOnly'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.FlexPersistentVolumeSource',
    obj(
      {
        driver: str('driver is the name of the driver to use for this volume.'),
        fsType: str('fsType is the Filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". The default filesystem depends on FlexVolume script.'),
        options: stringMap('options is Optional: this field holds extra command options if any.'),
        readOnly: bool('readOnly is Optional: defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.'),
        secretRef: ref('io.k8s.api.core.v1.SecretReference', 'secretRef is Optional: SecretRef is reference to the secret object containing sensitive information to pass to the plugin scripts. This may be empty if no secret object is specified. If the secret object contains more than one secret, all secrets are passed to the plugin scripts.'),
      },
      { description: 'FlexPersistentVolumeSource represents a generic persistent volume resource that is provisioned/attached using an exec based plugin.', required: ['driver'], proto: { tags: { driver: 1, fsType: 2, options: 5, readOnly: 4, secretRef: 3 }, omitEmpty: ['fsType', 'readOnly'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.GlusterfsPersistentVolumeSource',
    obj(
      {
        endpoints: str('endpoints is the endpoint name that details Glusterfs topology. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod'),
        endpointsNamespace: str('endpointsNamespace is the namespace that contains Glusterfs endpoint. If this field is empty, the EndpointNamespace defaults to the same namespace as the bound PVC. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod'),
        path: str('path is the Glusterfs volume path. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod'),
        readOnly: bool('readOnly here will force the Glusterfs volume to be mounted with read-only permissions. Defaults to false. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod'),
      },
      { description: 'Represents a Glusterfs mount that lasts the lifetime of a pod. Glusterfs volumes do not support ownership management or SELinux relabeling.', required: ['endpoints', 'path'], proto: { tags: { endpoints: 1, endpointsNamespace: 4, path: 2, readOnly: 3 }, omitEmpty: ['readOnly'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ISCSIPersistentVolumeSource',
    obj(
      {
        chapAuthDiscovery: bool('chapAuthDiscovery defines whether support iSCSI Discovery CHAP authentication'),
        chapAuthSession: bool('chapAuthSession defines whether support iSCSI Session CHAP authentication'),
        fsType: str('fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#iscsi'),
        initiatorName: str('initiatorName is the custom iSCSI Initiator Name. If initiatorName is specified with iscsiInterface simultaneously, new iSCSI interface <target portal>:<volume name> will be created for the connection.'),
        iqn: str('iqn is Target iSCSI Qualified Name.'),
        iscsiInterface: str('iscsiInterface is the interface Name that uses an iSCSI transport. Defaults to \'default\' (tcp).'),
        lun: int32('lun is iSCSI Target Lun number.'),
        portals: arr(str(), { description: 'portals is the iSCSI Target Portal List. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).', listType: 'atomic' }),
        readOnly: bool('readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false.'),
        secretRef: ref('io.k8s.api.core.v1.SecretReference', 'secretRef is the CHAP Secret for iSCSI target and initiator authentication'),
        targetPortal: str('targetPortal is iSCSI Target Portal. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).'),
      },
      { description: 'ISCSIPersistentVolumeSource represents an ISCSI disk. ISCSI volumes can only be mounted as read/write once. ISCSI volumes support ownership management and SELinux relabeling.', required: ['targetPortal', 'iqn', 'lun'], proto: { tags: { chapAuthDiscovery: 8, chapAuthSession: 11, fsType: 5, initiatorName: 12, iqn: 2, iscsiInterface: 4, lun: 3, portals: 7, readOnly: 6, secretRef: 10, targetPortal: 1 }, omitEmpty: ['chapAuthDiscovery', 'chapAuthSession', 'fsType', 'iscsiInterface', 'readOnly'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.LocalVolumeSource',
    obj(
      {
        fsType: str('fsType is the filesystem type to mount. It applies only when the Path is a block device. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". The default value is to auto-select a filesystem if unspecified.'),
        path: str('path of the full path to the volume on the node. It can be either a directory or block device (disk, partition, ...).'),
      },
      { description: 'Local represents directly-attached storage with node affinity', required: ['path'], proto: { tags: { fsType: 2, path: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ModifyVolumeStatus',
    obj(
      {
        status: str('status is the status of the ControllerModifyVolume operation. It can be in any of following states:\n - Pending\n   Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as\n   the specified VolumeAttributesClass not existing.\n - InProgress\n   InProgress indicates that the volume is being modified.\n - Infeasible\n  Infeasible indicates that the request has been rejected as invalid by the CSI driver. To\n\t  resolve the error, a valid VolumeAttributesClass needs to be specified.\nNote: New statuses can be added in the future. Consumers should check for unknown statuses and fail appropriately.\n\nPossible enum values:\n - `"InProgress"` InProgress indicates that the volume is being modified\n - `"Infeasible"` Infeasible indicates that the request has been rejected as invalid by the CSI driver. To resolve the error, a valid VolumeAttributesClass needs to be specified\n - `"Pending"` Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as the specified VolumeAttributesClass not existing', { enum: ['InProgress', 'Infeasible', 'Pending'] }),
        targetVolumeAttributesClassName: str('targetVolumeAttributesClassName is the name of the VolumeAttributesClass the PVC currently being reconciled'),
      },
      { description: 'ModifyVolumeStatus represents the status object of ControllerModifyVolume operation', required: ['status'], proto: { tags: { status: 2, targetVolumeAttributesClassName: 1 }, omitEmpty: ['targetVolumeAttributesClassName'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ObjectReference',
    obj(
      {
        apiVersion: str('API version of the referent.'),
        fieldPath: str('If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.'),
        kind: str('Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
        name: str('Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
        namespace: str('Namespace of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'),
        resourceVersion: str('Specific resourceVersion to which this reference is made, if any. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency'),
        uid: str('UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#uids'),
      },
      { description: 'ObjectReference contains enough information to let you inspect or modify the referred object.', mapType: 'atomic', proto: { tags: { apiVersion: 5, fieldPath: 7, kind: 1, name: 3, namespace: 2, resourceVersion: 6, uid: 4 }, omitEmpty: ['apiVersion', 'fieldPath', 'kind', 'name', 'namespace', 'resourceVersion', 'uid'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolume',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.core.v1.PersistentVolumeSpec', 'spec defines a specification of a persistent volume owned by the cluster. Provisioned by an administrator. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistent-volumes'),
        status: ref('io.k8s.api.core.v1.PersistentVolumeStatus', 'status represents the current information/status for the persistent volume. Populated by the system. Read-only. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistent-volumes'),
      },
      { description: 'PersistentVolume (PV) is a storage resource provisioned by an administrator. It is analogous to a node. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('', 'v1', 'PersistentVolume')],
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolumeClaim',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.core.v1.PersistentVolumeClaimSpec', 'spec defines the desired characteristics of a volume requested by a pod author. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims'),
        status: ref('io.k8s.api.core.v1.PersistentVolumeClaimStatus', 'status represents the current information/status of a persistent volume claim. Read-only. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims'),
      },
      { description: 'PersistentVolumeClaim is a user\'s request for and claim to a persistent volume', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('', 'v1', 'PersistentVolumeClaim')],
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolumeClaimCondition',
    obj(
      {
        lastProbeTime: time('lastProbeTime is the time we probed the condition.'),
        lastTransitionTime: time('lastTransitionTime is the time the condition transitioned from one status to another.'),
        message: str('message is the human-readable message indicating details about last transition.'),
        reason: str('reason is a unique, this should be a short, machine understandable string that gives the reason for condition\'s last transition. If it reports "Resizing" that means the underlying persistent volume is being resized.'),
        status: str('Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=state%20of%20pvc-,conditions.status,-(string)%2C%20required'),
        type: str('Type is the type of the condition. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=set%20to%20%27ResizeStarted%27.-,PersistentVolumeClaimCondition,-contains%20details%20about'),
      },
      { description: 'PersistentVolumeClaimCondition contains details about state of pvc', required: ['type', 'status'], proto: { tags: { lastProbeTime: 3, lastTransitionTime: 4, message: 6, reason: 5, status: 2, type: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolumeClaimList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.PersistentVolumeClaim'), { description: 'items is a list of persistent volume claims. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'PersistentVolumeClaimList is a list of PersistentVolumeClaim items.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'PersistentVolumeClaimList')],
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolumeClaimStatus',
    obj(
      {
        accessModes: arr(str(), { description: 'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1', listType: 'atomic' }),
        allocatedResourceStatuses: stringMap('allocatedResourceStatuses stores status of resource being resized for the given PVC. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as "example.com/my-custom-resource"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nClaimResourceStatus can be in any of following states:\n\t- ControllerResizeInProgress:\n\t\tState set when resize controller starts resizing the volume in control-plane.\n\t- ControllerResizeFailed:\n\t\tState set when resize has failed in resize controller with a terminal error.\n\t- NodeResizePending:\n\t\tState set when resize controller has finished resizing the volume but further resizing of\n\t\tvolume is needed on the node.\n\t- NodeResizeInProgress:\n\t\tState set when kubelet starts resizing the volume.\n\t- NodeResizeFailed:\n\t\tState set when resizing has failed in kubelet with a terminal error. Transient errors don\'t set\n\t\tNodeResizeFailed.\nFor example: if expanding a PVC for more capacity - this field can be one of the following states:\n\t- pvc.status.allocatedResourceStatus[\'storage\'] = "ControllerResizeInProgress"\n     - pvc.status.allocatedResourceStatus[\'storage\'] = "ControllerResizeFailed"\n     - pvc.status.allocatedResourceStatus[\'storage\'] = "NodeResizePending"\n     - pvc.status.allocatedResourceStatus[\'storage\'] = "NodeResizeInProgress"\n     - pvc.status.allocatedResourceStatus[\'storage\'] = "NodeResizeFailed"\nWhen this field is not set, it means that no resize operation is in progress for the given PVC.\n\nA controller that receives PVC update with previously unknown resourceName or ClaimResourceStatus should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature.', { mapType: 'granular' }),
        allocatedResources: map(quantity(), 'allocatedResources tracks the resources allocated to a PVC including its capacity. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as "example.com/my-custom-resource"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nCapacity reported here may be larger than the actual capacity when a volume expansion operation is requested. For storage quota, the larger value from allocatedResources and PVC.spec.resources is used. If allocatedResources is not set, PVC.spec.resources alone is used for quota calculation. If a volume expansion capacity request is lowered, allocatedResources is only lowered if there are no expansion operations in progress and if the actual volume capacity is equal or lower than the requested capacity.\n\nA controller that receives PVC update with previously unknown resourceName should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature.'),
        capacity: map(quantity(), 'capacity represents the actual resources of the underlying volume.'),
        conditions: arr(ref('io.k8s.api.core.v1.PersistentVolumeClaimCondition'), { description: 'conditions is the current Condition of persistent volume claim. If underlying persistent volume is being resized then the Condition will be set to \'Resizing\'.', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        currentVolumeAttributesClassName: str('currentVolumeAttributesClassName is the current name of the VolumeAttributesClass the PVC is using. When unset, there is no VolumeAttributeClass applied to this PersistentVolumeClaim This is a beta field and requires enabling VolumeAttributesClass feature (off by default).'),
        modifyVolumeStatus: ref('io.k8s.api.core.v1.ModifyVolumeStatus', 'ModifyVolumeStatus represents the status object of ControllerModifyVolume operation. When this is unset, there is no ModifyVolume operation being attempted. This is a beta field and requires enabling VolumeAttributesClass feature (off by default).'),
        phase: str('phase represents the current phase of PersistentVolumeClaim.\n\nPossible enum values:\n - `"Bound"` used for PersistentVolumeClaims that are bound\n - `"Lost"` used for PersistentVolumeClaims that lost their underlying PersistentVolume. The claim was bound to a PersistentVolume and this volume does not exist any longer and all data on it was lost.\n - `"Pending"` used for PersistentVolumeClaims that are not yet bound', { enum: ['Bound', 'Lost', 'Pending'] }),
      },
      { description: 'PersistentVolumeClaimStatus is the current status of a persistent volume claim.', proto: { tags: { accessModes: 2, allocatedResourceStatuses: 7, allocatedResources: 5, capacity: 3, conditions: 4, currentVolumeAttributesClassName: 8, modifyVolumeStatus: 9, phase: 1 }, omitEmpty: ['phase'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolumeList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.PersistentVolume'), { description: 'items is a list of persistent volumes. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'PersistentVolumeList is a list of PersistentVolume items.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'PersistentVolumeList')],
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolumeSpec',
    obj(
      {
        accessModes: arr(str(), { description: 'accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes', listType: 'atomic' }),
        awsElasticBlockStore: ref('io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource', 'awsElasticBlockStore represents an AWS Disk resource that is attached to a kubelet\'s host machine and then exposed to the pod. Deprecated: AWSElasticBlockStore is deprecated. All operations for the in-tree awsElasticBlockStore type are redirected to the ebs.csi.aws.com CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore'),
        azureDisk: ref('io.k8s.api.core.v1.AzureDiskVolumeSource', 'azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod. Deprecated: AzureDisk is deprecated. All operations for the in-tree azureDisk type are redirected to the disk.csi.azure.com CSI driver.'),
        azureFile: ref('io.k8s.api.core.v1.AzureFilePersistentVolumeSource', 'azureFile represents an Azure File Service mount on the host and bind mount to the pod. Deprecated: AzureFile is deprecated. All operations for the in-tree azureFile type are redirected to the file.csi.azure.com CSI driver.'),
        capacity: map(quantity(), 'capacity is the description of the persistent volume\'s resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity'),
        cephfs: ref('io.k8s.api.core.v1.CephFSPersistentVolumeSource', 'cephFS represents a Ceph FS mount on the host that shares a pod\'s lifetime. Deprecated: CephFS is deprecated and the in-tree cephfs type is no longer supported.'),
        cinder: ref('io.k8s.api.core.v1.CinderPersistentVolumeSource', 'cinder represents a cinder volume attached and mounted on kubelets host machine. Deprecated: Cinder is deprecated. All operations for the in-tree cinder type are redirected to the cinder.csi.openstack.org CSI driver. More info: https://examples.k8s.io/mysql-cinder-pd/README.md'),
        claimRef: ref('io.k8s.api.core.v1.ObjectReference', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding', { mapType: 'granular' }),
        csi: ref('io.k8s.api.core.v1.CSIPersistentVolumeSource', 'csi represents storage that is handled by an external CSI driver.'),
        fc: ref('io.k8s.api.core.v1.FCVolumeSource', 'fc represents a Fibre Channel resource that is attached to a kubelet\'s host machine and then exposed to the pod.'),
        flexVolume: ref('io.k8s.api.core.v1.FlexPersistentVolumeSource', 'flexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin. Deprecated: FlexVolume is deprecated. Consider using a CSIDriver instead.'),
        flocker: ref('io.k8s.api.core.v1.FlockerVolumeSource', 'flocker represents a Flocker volume attached to a kubelet\'s host machine and exposed to the pod for its usage. This depends on the Flocker control service being running. Deprecated: Flocker is deprecated and the in-tree flocker type is no longer supported.'),
        gcePersistentDisk: ref('io.k8s.api.core.v1.GCEPersistentDiskVolumeSource', 'gcePersistentDisk represents a GCE Disk resource that is attached to a kubelet\'s host machine and then exposed to the pod. Provisioned by an admin. Deprecated: GCEPersistentDisk is deprecated. All operations for the in-tree gcePersistentDisk type are redirected to the pd.csi.storage.gke.io CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk'),
        glusterfs: ref('io.k8s.api.core.v1.GlusterfsPersistentVolumeSource', 'glusterfs represents a Glusterfs volume that is attached to a host and exposed to the pod. Provisioned by an admin. Deprecated: Glusterfs is deprecated and the in-tree glusterfs type is no longer supported. More info: https://examples.k8s.io/volumes/glusterfs/README.md'),
        hostPath: ref('io.k8s.api.core.v1.HostPathVolumeSource', 'hostPath represents a directory on the host. Provisioned by a developer or tester. This is useful for single-node development and testing only! On-host storage is not supported in any way and WILL NOT WORK in a multi-node cluster. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath'),
        iscsi: ref('io.k8s.api.core.v1.ISCSIPersistentVolumeSource', 'iscsi represents an ISCSI Disk resource that is attached to a kubelet\'s host machine and then exposed to the pod. Provisioned by an admin.'),
        local: ref('io.k8s.api.core.v1.LocalVolumeSource', 'local represents directly-attached storage with node affinity'),
        mountOptions: arr(str(), { description: 'mountOptions is the list of mount options, e.g. ["ro", "soft"]. Not validated - mount will simply fail if one is invalid. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes/#mount-options', listType: 'atomic' }),
        nfs: ref('io.k8s.api.core.v1.NFSVolumeSource', 'nfs represents an NFS mount on the host. Provisioned by an admin. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs'),
        nodeAffinity: ref('io.k8s.api.core.v1.VolumeNodeAffinity', 'nodeAffinity defines constraints that limit what nodes this volume can be accessed from. This field influences the scheduling of pods that use this volume.'),
        persistentVolumeReclaimPolicy: str('persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming\n\nPossible enum values:\n - `"Delete"` means the volume will be deleted from Kubernetes on release from its claim. The volume plugin must support Deletion.\n - `"Recycle"` means the volume will be recycled back into the pool of unbound persistent volumes on release from its claim. The volume plugin must support Recycling.\n - `"Retain"` means the volume will be left in its current phase (Released) for manual reclamation by the administrator. The default policy is Retain.', { enum: ['Delete', 'Recycle', 'Retain'] }),
        photonPersistentDisk: ref('io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource', 'photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine. Deprecated: PhotonPersistentDisk is deprecated and the in-tree photonPersistentDisk type is no longer supported.'),
        portworxVolume: ref('io.k8s.api.core.v1.PortworxVolumeSource', 'portworxVolume represents a portworx volume attached and mounted on kubelets host machine. Deprecated: PortworxVolume is deprecated. All operations for the in-tree portworxVolume type are redirected to the pxd.portworx.com CSI driver when the CSIMigrationPortworx feature-gate is on.'),
        quobyte: ref('io.k8s.api.core.v1.QuobyteVolumeSource', 'quobyte represents a Quobyte mount on the host that shares a pod\'s lifetime. Deprecated: Quobyte is deprecated and the in-tree quobyte type is no longer supported.'),
        rbd: ref('io.k8s.api.core.v1.RBDPersistentVolumeSource', 'rbd represents a Rados Block Device mount on the host that shares a pod\'s lifetime. Deprecated: RBD is deprecated and the in-tree rbd type is no longer supported. More info: https://examples.k8s.io/volumes/rbd/README.md'),
        scaleIO: ref('io.k8s.api.core.v1.ScaleIOPersistentVolumeSource', 'scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes. Deprecated: ScaleIO is deprecated and the in-tree scaleIO type is no longer supported.'),
        storageClassName: str('storageClassName is the name of StorageClass to which this persistent volume belongs. Empty value means that this volume does not belong to any StorageClass.'),
        storageos: ref('io.k8s.api.core.v1.StorageOSPersistentVolumeSource', 'storageOS represents a StorageOS volume that is attached to the kubelet\'s host machine and mounted into the pod. Deprecated: StorageOS is deprecated and the in-tree storageos type is no longer supported. More info: https://examples.k8s.io/volumes/storageos/README.md'),
        volumeAttributesClassName: str('Name of VolumeAttributesClass to which this persistent volume belongs. Empty value is not allowed. When this field is not set, it indicates that this volume does not belong to any VolumeAttributesClass. This field is mutable and can be changed by the CSI driver after a volume has been updated successfully to a new class. For an unbound PersistentVolume, the volumeAttributesClassName will be matched with unbound PersistentVolumeClaims during the binding process. This is a beta field and requires enabling VolumeAttributesClass feature (off by default).'),
        volumeMode: str('volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.\n\nPossible enum values:\n - `"Block"` means the volume will not be formatted with a filesystem and will remain a raw block device.\n - `"Filesystem"` means the volume will be or is formatted with a filesystem.', { enum: ['Block', 'Filesystem'] }),
        vsphereVolume: ref('io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource', 'vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine. Deprecated: VsphereVolume is deprecated. All operations for the in-tree vsphereVolume type are redirected to the csi.vsphere.vmware.com CSI driver.'),
      },
      { description: 'PersistentVolumeSpec is the specification of a persistent volume.', proto: { tags: { accessModes: 3, awsElasticBlockStore: [2, 2], azureDisk: [2, 16], azureFile: [2, 13], capacity: 1, cephfs: [2, 9], cinder: [2, 8], claimRef: 4, csi: [2, 22], fc: [2, 10], flexVolume: [2, 12], flocker: [2, 11], gcePersistentDisk: [2, 1], glusterfs: [2, 4], hostPath: [2, 3], iscsi: [2, 7], local: [2, 20], mountOptions: 7, nfs: [2, 5], nodeAffinity: 9, persistentVolumeReclaimPolicy: 5, photonPersistentDisk: [2, 17], portworxVolume: [2, 18], quobyte: [2, 15], rbd: [2, 6], scaleIO: [2, 19], storageClassName: 6, storageos: [2, 21], volumeAttributesClassName: 10, volumeMode: 8, vsphereVolume: [2, 14] }, omitEmpty: ['persistentVolumeReclaimPolicy', 'storageClassName'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolumeStatus',
    obj(
      {
        lastPhaseTransitionTime: time('lastPhaseTransitionTime is the time the phase transitioned from one to another and automatically resets to current time everytime a volume phase transitions.'),
        message: str('message is a human-readable message indicating details about why the volume is in this state.'),
        phase: str('phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase\n\nPossible enum values:\n - `"Available"` used for PersistentVolumes that are not yet bound Available volumes are held by the binder and matched to PersistentVolumeClaims\n - `"Bound"` used for PersistentVolumes that are bound\n - `"Failed"` used for PersistentVolumes that failed to be correctly recycled or deleted after being released from a claim\n - `"Pending"` used for PersistentVolumes that are not available\n - `"Released"` used for PersistentVolumes where the bound PersistentVolumeClaim was deleted released volumes must be recycled before becoming available again this phase is used by the persistent volume claim binder to signal to another process to reclaim the resource', { enum: ['Available', 'Bound', 'Failed', 'Pending', 'Released'] }),
        reason: str('reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
      },
      { description: 'PersistentVolumeStatus is the current status of a persistent volume.', proto: { tags: { lastPhaseTransitionTime: 4, message: 2, phase: 1, reason: 3 }, omitEmpty: ['message', 'phase', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.RBDPersistentVolumeSource',
    obj(
      {
        fsType: str('fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#rbd'),
        image: str('image is the rados image name. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it'),
        keyring: str('keyring is the path to key ring for RBDUser. Default is /etc/ceph/keyring. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it'),
        monitors: arr(str(), { description: 'monitors is a collection of Ceph monitors. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it', listType: 'atomic' }),
        pool: str('pool is the rados pool name. Default is rbd. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it'),
        readOnly: bool('readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it'),
        secretRef: ref('io.k8s.api.core.v1.SecretReference', 'secretRef is name of the authentication secret for RBDUser. If provided overrides keyring. Default is nil. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it'),
        user: str('user is the rados user name. Default is admin. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it'),
      },
      { description: 'Represents a Rados Block Device mount that lasts the lifetime of a pod. RBD volumes support ownership management and SELinux relabeling.', required: ['monitors', 'image'], proto: { tags: { fsType: 3, image: 2, keyring: 6, monitors: 1, pool: 4, readOnly: 8, secretRef: 7, user: 5 }, omitEmpty: ['fsType', 'keyring', 'pool', 'readOnly', 'user'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ScaleIOPersistentVolumeSource',
    obj(
      {
        fsType: str('fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". Default is "xfs"'),
        gateway: str('gateway is the host address of the ScaleIO API Gateway.'),
        protectionDomain: str('protectionDomain is the name of the ScaleIO Protection Domain for the configured storage.'),
        readOnly: bool('readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.'),
        secretRef: ref('io.k8s.api.core.v1.SecretReference', 'secretRef references to the secret for ScaleIO user and other sensitive information. If this is not provided, Login operation will fail.'),
        sslEnabled: bool('sslEnabled is the flag to enable/disable SSL communication with Gateway, default false'),
        storageMode: str('storageMode indicates whether the storage for a volume should be ThickProvisioned or ThinProvisioned. Default is ThinProvisioned.'),
        storagePool: str('storagePool is the ScaleIO Storage Pool associated with the protection domain.'),
        system: str('system is the name of the storage system as configured in ScaleIO.'),
        volumeName: str('volumeName is the name of a volume already created in the ScaleIO system that is associated with this volume source.'),
      },
      { description: 'ScaleIOPersistentVolumeSource represents a persistent ScaleIO volume', required: ['gateway', 'system', 'secretRef'], proto: { tags: { fsType: 9, gateway: 1, protectionDomain: 5, readOnly: 10, secretRef: 3, sslEnabled: 4, storageMode: 7, storagePool: 6, system: 2, volumeName: 8 }, omitEmpty: ['fsType', 'protectionDomain', 'readOnly', 'sslEnabled', 'storageMode', 'storagePool', 'volumeName'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.SecretReference',
    obj(
      {
        name: str('name is unique within a namespace to reference a secret resource.'),
        namespace: str('namespace defines the space within which the secret name must be unique.'),
      },
      { description: 'SecretReference represents a Secret Reference. It has enough information to retrieve secret in any namespace', mapType: 'atomic', proto: { tags: { name: 1, namespace: 2 }, omitEmpty: ['name', 'namespace'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.StorageOSPersistentVolumeSource',
    obj(
      {
        fsType: str('fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. "ext4", "xfs", "ntfs". Implicitly inferred to be "ext4" if unspecified.'),
        readOnly: bool('readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.'),
        secretRef: ref('io.k8s.api.core.v1.ObjectReference', 'secretRef specifies the secret to use for obtaining the StorageOS API credentials.  If not specified, default values will be attempted.'),
        volumeName: str('volumeName is the human-readable name of the StorageOS volume.  Volume names are only unique within a namespace.'),
        volumeNamespace: str('volumeNamespace specifies the scope of the volume within StorageOS.  If no namespace is specified then the Pod\'s namespace will be used.  This allows the Kubernetes name scoping to be mirrored within StorageOS for tighter integration. Set VolumeName to any name to override the default behaviour. Set to "default" if you are not using namespaces within StorageOS. Namespaces that do not pre-exist within StorageOS will be created.'),
      },
      { description: 'Represents a StorageOS persistent volume resource.', proto: { tags: { fsType: 3, readOnly: 4, secretRef: 5, volumeName: 1, volumeNamespace: 2 }, omitEmpty: ['fsType', 'readOnly', 'volumeName', 'volumeNamespace'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.VolumeNodeAffinity',
    obj(
      {
        required: ref('io.k8s.api.core.v1.NodeSelector', 'required specifies hard node constraints that must be met.'),
      },
      { description: 'VolumeNodeAffinity defines constraints that limit what nodes this volume can be accessed from.', proto: { tags: { required: 1 } } },
    ),
  ),
];
