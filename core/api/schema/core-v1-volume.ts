/**
 * Schemas of core/v1 Volume and its common sources (emptyDir, hostPath, configMap, secret, projected, persistentVolumeClaim, CSI, ...).
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, bool, def, int32, int64, map, obj, quantity, ref, str, stringMap, type Definition } from './dsl';

/** The definitions of core/v1 Volume and its common sources (emptyDir, hostPath, configMap, secret, projected, persistentVolumeClaim, CSI, ...).. */
export const coreV1VolumeDefinitions: Definition[] = [
  def(
    'io.k8s.api.core.v1.CSIVolumeSource',
    obj(
      {
        driver: str('driver is the name of the CSI driver that handles this volume. Consult with your admin for the correct name as registered in the cluster.'),
        fsType: str('fsType to mount. Ex. "ext4", "xfs", "ntfs". If not provided, the empty value is passed to the associated CSI driver which will determine the default filesystem to apply.'),
        nodePublishSecretRef: ref('io.k8s.api.core.v1.LocalObjectReference', 'nodePublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodePublishVolume and NodeUnpublishVolume calls. This field is optional, and  may be empty if no secret is required. If the secret object contains more than one secret, all secret references are passed.'),
        readOnly: bool('readOnly specifies a read-only configuration for the volume. Defaults to false (read/write).'),
        volumeAttributes: stringMap('volumeAttributes stores driver-specific properties that are passed to the CSI driver. Consult your driver\'s documentation for supported values.'),
      },
      { description: 'Represents a source location of a volume to mount, managed by an external CSI driver', required: ['driver'], proto: { tags: { driver: 1, fsType: 3, nodePublishSecretRef: 5, readOnly: 2, volumeAttributes: 4 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ClusterTrustBundleProjection',
    obj(
      {
        labelSelector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', 'Select all ClusterTrustBundles that match this label selector.  Only has effect if signerName is set.  Mutually-exclusive with name.  If unset, interpreted as "match nothing".  If set but empty, interpreted as "match everything".'),
        name: str('Select a single ClusterTrustBundle by object name.  Mutually-exclusive with signerName and labelSelector.'),
        optional: bool('If true, don\'t block pod startup if the referenced ClusterTrustBundle(s) aren\'t available.  If using name, then the named ClusterTrustBundle is allowed not to exist.  If using signerName, then the combination of signerName and labelSelector is allowed to match zero ClusterTrustBundles.'),
        path: str('Relative path from the volume root to write the bundle.'),
        signerName: str('Select all ClusterTrustBundles that match this signer name. Mutually-exclusive with name.  The contents of all selected ClusterTrustBundles will be unified and deduplicated.'),
      },
      { description: 'ClusterTrustBundleProjection describes how to select a set of ClusterTrustBundle objects and project their contents into the pod filesystem.', required: ['path'], proto: { tags: { labelSelector: 3, name: 1, optional: 5, path: 4, signerName: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ConfigMapProjection',
    obj(
      {
        items: arr(ref('io.k8s.api.core.v1.KeyToPath'), { description: 'items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the ConfigMap, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the \'..\' path or start with \'..\'.', listType: 'atomic' }),
        name: str('Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
        optional: bool('optional specify whether the ConfigMap or its keys must be defined'),
      },
      { description: 'Adapts a ConfigMap into a projected volume.\n\nThe contents of the target ConfigMap\'s Data field will be presented in a projected volume as files using the keys in the Data field as the file names, unless the items element is populated with specific mappings of keys to paths. Note that this is identical to a configmap volume source without the default mode.', proto: { tags: { items: 2, name: [1, 1], optional: 4 }, omitEmpty: ['name'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ConfigMapVolumeSource',
    obj(
      {
        defaultMode: int32('defaultMode is optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.'),
        items: arr(ref('io.k8s.api.core.v1.KeyToPath'), { description: 'items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the ConfigMap, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the \'..\' path or start with \'..\'.', listType: 'atomic' }),
        name: str('Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
        optional: bool('optional specify whether the ConfigMap or its keys must be defined'),
      },
      { description: 'Adapts a ConfigMap into a volume.\n\nThe contents of the target ConfigMap\'s Data field will be presented in a volume as files using the keys in the Data field as the file names, unless the items element is populated with specific mappings of keys to paths. ConfigMap volumes support ownership management and SELinux relabeling.', proto: { tags: { defaultMode: 3, items: 2, name: [1, 1], optional: 4 }, omitEmpty: ['name'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.DownwardAPIProjection',
    obj(
      {
        items: arr(ref('io.k8s.api.core.v1.DownwardAPIVolumeFile'), { description: 'Items is a list of DownwardAPIVolume file', listType: 'atomic' }),
      },
      { description: 'Represents downward API info for projecting into a projected volume. Note that this is identical to a downwardAPI volume source without the default mode.', proto: { tags: { items: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.DownwardAPIVolumeFile',
    obj(
      {
        fieldRef: ref('io.k8s.api.core.v1.ObjectFieldSelector', 'Required: Selects a field of the pod: only annotations, labels, name, namespace and uid are supported.'),
        mode: int32('Optional: mode bits used to set permissions on this file, must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.'),
        path: str('Required: Path is  the relative path name of the file to be created. Must not be absolute or contain the \'..\' path. Must be utf-8 encoded. The first item of the relative path must not start with \'..\''),
        resourceFieldRef: ref('io.k8s.api.core.v1.ResourceFieldSelector', 'Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, requests.cpu and requests.memory) are currently supported.'),
      },
      { description: 'DownwardAPIVolumeFile represents information to create the file containing the pod field', required: ['path'], proto: { tags: { fieldRef: 2, mode: 4, path: 1, resourceFieldRef: 3 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.DownwardAPIVolumeSource',
    obj(
      {
        defaultMode: int32('Optional: mode bits to use on created files by default. Must be a Optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.'),
        items: arr(ref('io.k8s.api.core.v1.DownwardAPIVolumeFile'), { description: 'Items is a list of downward API volume file', listType: 'atomic' }),
      },
      { description: 'DownwardAPIVolumeSource represents a volume containing downward API info. Downward API volumes support ownership management and SELinux relabeling.', proto: { tags: { defaultMode: 2, items: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.EmptyDirVolumeSource',
    obj(
      {
        medium: str('medium represents what type of storage medium should back this directory. The default is "" which means to use the node\'s default medium. Must be an empty string (default) or Memory. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir'),
        sizeLimit: quantity('sizeLimit is the total amount of local storage required for this EmptyDir volume. The size limit is also applicable for memory medium. The maximum usage on memory medium EmptyDir would be the minimum value between the SizeLimit specified here and the sum of memory limits of all containers in a pod. The default is nil which means that the limit is undefined. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir'),
      },
      { description: 'Represents an empty directory for a pod. Empty directory volumes support ownership management and SELinux relabeling.', proto: { tags: { medium: 1, sizeLimit: 2 }, omitEmpty: ['medium'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.EphemeralVolumeSource',
    obj(
      {
        volumeClaimTemplate: ref('io.k8s.api.core.v1.PersistentVolumeClaimTemplate', 'Will be used to create a stand-alone PVC to provision the volume. The pod in which this EphemeralVolumeSource is embedded will be the owner of the PVC, i.e. the PVC will be deleted together with the pod.  The name of the PVC will be `<pod name>-<volume name>` where `<volume name>` is the name from the `PodSpec.Volumes` array entry. Pod validation will reject the pod if the concatenated name is not valid for a PVC (for example, too long).\n\nAn existing PVC with that name that is not owned by the pod will *not* be used for the pod to avoid using an unrelated volume by mistake. Starting the pod is then blocked until the unrelated PVC is removed. If such a pre-created PVC is meant to be used by the pod, the PVC has to updated with an owner reference to the pod once the pod exists. Normally this should not be necessary, but it may be useful when manually reconstructing a broken cluster.\n\nThis field is read-only and no changes will be made by Kubernetes to the PVC after it has been created.\n\nRequired, must not be nil.'),
      },
      { description: 'Represents an ephemeral volume that is handled by a normal storage driver.', proto: { tags: { volumeClaimTemplate: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.HostPathVolumeSource',
    obj(
      {
        path: str('path of the directory on the host. If the path is a symlink, it will follow the link to the real path. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath'),
        type: str('type for HostPath Volume Defaults to "" More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath\n\nPossible enum values:\n - `""` For backwards compatible, leave it empty if unset\n - `"BlockDevice"` A block device must exist at the given path\n - `"CharDevice"` A character device must exist at the given path\n - `"Directory"` A directory must exist at the given path\n - `"DirectoryOrCreate"` If nothing exists at the given path, an empty directory will be created there as needed with file mode 0755, having the same group and ownership with Kubelet.\n - `"File"` A file must exist at the given path\n - `"FileOrCreate"` If nothing exists at the given path, an empty file will be created there as needed with file mode 0644, having the same group and ownership with Kubelet.\n - `"Socket"` A UNIX socket must exist at the given path', { enum: ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'] }),
      },
      { description: 'Represents a host path mapped into a pod. Host path volumes do not support ownership management or SELinux relabeling.', required: ['path'], proto: { tags: { path: 1, type: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ImageVolumeSource',
    obj(
      {
        pullPolicy: str('Policy for pulling OCI objects. Possible values are: Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn\'t present. IfNotPresent: the kubelet pulls if the reference isn\'t already present on disk. Container creation will fail if the reference isn\'t present and the pull fails. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.\n\nPossible enum values:\n - `"Always"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on disk. Container will fail if the image isn\'t present and the pull fails.\n - `"Never"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn\'t present', { enum: ['Always', 'IfNotPresent', 'Never'] }),
        reference: str('Required: Image or artifact reference to be used. Behaves in the same way as pod.spec.containers[*].image. Pull secrets will be assembled in the same way as for the container image by looking up node credentials, SA image pull secrets, and pod spec image pull secrets. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.'),
      },
      { description: 'ImageVolumeSource represents a image volume resource.', proto: { tags: { pullPolicy: 2, reference: 1 }, omitEmpty: ['pullPolicy', 'reference'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.KeyToPath',
    obj(
      {
        key: str('key is the key to project.'),
        mode: int32('mode is Optional: mode bits used to set permissions on this file. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.'),
        path: str('path is the relative path of the file to map the key to. May not be an absolute path. May not contain the path element \'..\'. May not start with the string \'..\'.'),
      },
      { description: 'Maps a string key to a path within a volume.', required: ['key', 'path'], proto: { tags: { key: 1, mode: 3, path: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.LocalObjectReference',
    obj(
      {
        name: str('Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
      },
      { description: 'LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.', mapType: 'atomic', proto: { tags: { name: 1 }, omitEmpty: ['name'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NFSVolumeSource',
    obj(
      {
        path: str('path that is exported by the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs'),
        readOnly: bool('readOnly here will force the NFS export to be mounted with read-only permissions. Defaults to false. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs'),
        server: str('server is the hostname or IP address of the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs'),
      },
      { description: 'Represents an NFS mount that lasts the lifetime of a pod. NFS volumes do not support ownership management or SELinux relabeling.', required: ['server', 'path'], proto: { tags: { path: 2, readOnly: 3, server: 1 }, omitEmpty: ['readOnly'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolumeClaimSpec',
    obj(
      {
        accessModes: arr(str(), { description: 'accessModes contains the desired access modes the volume should have. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1', listType: 'atomic' }),
        dataSource: ref('io.k8s.api.core.v1.TypedLocalObjectReference', 'dataSource field can be used to specify either: * An existing VolumeSnapshot object (snapshot.storage.k8s.io/VolumeSnapshot) * An existing PVC (PersistentVolumeClaim) If the provisioner or an external controller can support the specified data source, it will create a new volume based on the contents of the specified data source. When the AnyVolumeDataSource feature gate is enabled, dataSource contents will be copied to dataSourceRef, and dataSourceRef contents will be copied to dataSource when dataSourceRef.namespace is not specified. If the namespace is specified, then dataSourceRef will not be copied to dataSource.'),
        dataSourceRef: ref('io.k8s.api.core.v1.TypedObjectReference', 'dataSourceRef specifies the object from which to populate the volume with data, if a non-empty volume is desired. This may be any object from a non-empty API group (non core object) or a PersistentVolumeClaim object. When this field is specified, volume binding will only succeed if the type of the specified object matches some installed volume populator or dynamic provisioner. This field will replace the functionality of the dataSource field and as such if both fields are non-empty, they must have the same value. For backwards compatibility, when namespace isn\'t specified in dataSourceRef, both fields (dataSource and dataSourceRef) will be set to the same value automatically if one of them is empty and the other is non-empty. When namespace is specified in dataSourceRef, dataSource isn\'t set to the same value and must be empty. There are three important differences between dataSource and dataSourceRef: * While dataSource only allows two specific types of objects, dataSourceRef\n  allows any non-core object, as well as PersistentVolumeClaim objects.\n* While dataSource ignores disallowed values (dropping them), dataSourceRef\n  preserves all values, and generates an error if a disallowed value is\n  specified.\n* While dataSource only allows local objects, dataSourceRef allows objects\n  in any namespaces.\n(Beta) Using this field requires the AnyVolumeDataSource feature gate to be enabled. (Alpha) Using the namespace field of dataSourceRef requires the CrossNamespaceVolumeDataSource feature gate to be enabled.'),
        resources: ref('io.k8s.api.core.v1.VolumeResourceRequirements', 'resources represents the minimum resources the volume should have. If RecoverVolumeExpansionFailure feature is enabled users are allowed to specify resource requirements that are lower than previous value but must still be higher than capacity recorded in the status field of the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#resources'),
        selector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', 'selector is a label query over volumes to consider for binding.'),
        storageClassName: str('storageClassName is the name of the StorageClass required by the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#class-1'),
        volumeAttributesClassName: str('volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim. If specified, the CSI driver will create or update the volume with the attributes defined in the corresponding VolumeAttributesClass. This has a different purpose than storageClassName, it can be changed after the claim is created. An empty string value means that no VolumeAttributesClass will be applied to the claim but it\'s not allowed to reset this field to empty string once it is set. If unspecified and the PersistentVolumeClaim is unbound, the default VolumeAttributesClass will be set by the persistentvolume controller if it exists. If the resource referred to by volumeAttributesClass does not exist, this PersistentVolumeClaim will be set to a Pending state, as reflected by the modifyVolumeStatus field, until such as a resource exists. More info: https://kubernetes.io/docs/concepts/storage/volume-attributes-classes/ (Beta) Using this field requires the VolumeAttributesClass feature gate to be enabled (off by default).'),
        volumeMode: str('volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.\n\nPossible enum values:\n - `"Block"` means the volume will not be formatted with a filesystem and will remain a raw block device.\n - `"Filesystem"` means the volume will be or is formatted with a filesystem.', { enum: ['Block', 'Filesystem'] }),
        volumeName: str('volumeName is the binding reference to the PersistentVolume backing this claim.'),
      },
      { description: 'PersistentVolumeClaimSpec describes the common attributes of storage devices and allows a Source for provider-specific attributes', proto: { tags: { accessModes: 1, dataSource: 7, dataSourceRef: 8, resources: 2, selector: 4, storageClassName: 5, volumeAttributesClassName: 9, volumeMode: 6, volumeName: 3 }, omitEmpty: ['volumeName'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolumeClaimTemplate',
    obj(
      {
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'May contain labels and annotations that will be copied into the PVC when creating it. No other fields are allowed and will be rejected during validation.'),
        spec: ref('io.k8s.api.core.v1.PersistentVolumeClaimSpec', 'The specification for the PersistentVolumeClaim. The entire content is copied unchanged into the PVC that gets created from this template. The same fields as in a PersistentVolumeClaim are also valid here.'),
      },
      { description: 'PersistentVolumeClaimTemplate is used to produce PersistentVolumeClaim objects as part of an EphemeralVolumeSource.', required: ['spec'], proto: { tags: { metadata: 1, spec: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource',
    obj(
      {
        claimName: str('claimName is the name of a PersistentVolumeClaim in the same namespace as the pod using this volume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims'),
        readOnly: bool('readOnly Will force the ReadOnly setting in VolumeMounts. Default false.'),
      },
      { description: 'PersistentVolumeClaimVolumeSource references the user\'s PVC in the same namespace. This volume finds the bound PV and mounts that volume for the pod. A PersistentVolumeClaimVolumeSource is, essentially, a wrapper around another type of volume that is owned by someone else (the system).', required: ['claimName'], proto: { tags: { claimName: 1, readOnly: 2 }, omitEmpty: ['readOnly'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ProjectedVolumeSource',
    obj(
      {
        defaultMode: int32('defaultMode are the mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.'),
        sources: arr(ref('io.k8s.api.core.v1.VolumeProjection'), { description: 'sources is the list of volume projections. Each entry in this list handles one source.', listType: 'atomic' }),
      },
      { description: 'Represents a projected volume source', proto: { tags: { defaultMode: 2, sources: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.SecretProjection',
    obj(
      {
        items: arr(ref('io.k8s.api.core.v1.KeyToPath'), { description: 'items if unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the Secret, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the \'..\' path or start with \'..\'.', listType: 'atomic' }),
        name: str('Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
        optional: bool('optional field specify whether the Secret or its key must be defined'),
      },
      { description: 'Adapts a secret into a projected volume.\n\nThe contents of the target Secret\'s Data field will be presented in a projected volume as files using the keys in the Data field as the file names. Note that this is identical to a secret volume source without the default mode.', proto: { tags: { items: 2, name: [1, 1], optional: 4 }, omitEmpty: ['name'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.SecretVolumeSource',
    obj(
      {
        defaultMode: int32('defaultMode is Optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.'),
        items: arr(ref('io.k8s.api.core.v1.KeyToPath'), { description: 'items If unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the Secret, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the \'..\' path or start with \'..\'.', listType: 'atomic' }),
        optional: bool('optional field specify whether the Secret or its keys must be defined'),
        secretName: str('secretName is the name of the secret in the pod\'s namespace to use. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret'),
      },
      { description: 'Adapts a Secret into a volume.\n\nThe contents of the target Secret\'s Data field will be presented in a volume as files using the keys in the Data field as the file names. Secret volumes support ownership management and SELinux relabeling.', proto: { tags: { defaultMode: 3, items: 2, optional: 4, secretName: 1 }, omitEmpty: ['secretName'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ServiceAccountTokenProjection',
    obj(
      {
        audience: str('audience is the intended audience of the token. A recipient of a token must identify itself with an identifier specified in the audience of the token, and otherwise should reject the token. The audience defaults to the identifier of the apiserver.'),
        expirationSeconds: int64('expirationSeconds is the requested duration of validity of the service account token. As the token approaches expiration, the kubelet volume plugin will proactively rotate the service account token. The kubelet will start trying to rotate the token if the token is older than 80 percent of its time to live or if the token is older than 24 hours.Defaults to 1 hour and must be at least 10 minutes.'),
        path: str('path is the path relative to the mount point of the file to project the token into.'),
      },
      { description: 'ServiceAccountTokenProjection represents a projected service account token volume. This projection can be used to insert a service account token into the pods runtime filesystem for use against APIs (Kubernetes API Server or otherwise).', required: ['path'], proto: { tags: { audience: 1, expirationSeconds: 2, path: 3 }, omitEmpty: ['audience'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.TypedLocalObjectReference',
    obj(
      {
        apiGroup: str('APIGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group. For any other third-party types, APIGroup is required.'),
        kind: str('Kind is the type of resource being referenced'),
        name: str('Name is the name of resource being referenced'),
      },
      { description: 'TypedLocalObjectReference contains enough information to let you locate the typed referenced object inside the same namespace.', required: ['kind', 'name'], mapType: 'atomic', proto: { tags: { apiGroup: 1, kind: 2, name: 3 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.TypedObjectReference',
    obj(
      {
        apiGroup: str('APIGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group. For any other third-party types, APIGroup is required.'),
        kind: str('Kind is the type of resource being referenced'),
        name: str('Name is the name of resource being referenced'),
        namespace: str('Namespace is the namespace of resource being referenced Note that when a namespace is specified, a gateway.networking.k8s.io/ReferenceGrant object is required in the referent namespace to allow that namespace\'s owner to accept the reference. See the ReferenceGrant documentation for details. (Alpha) This field requires the CrossNamespaceVolumeDataSource feature gate to be enabled.'),
      },
      { description: 'TypedObjectReference contains enough information to let you locate the typed referenced object', required: ['kind', 'name'], proto: { tags: { apiGroup: 1, kind: 2, name: 3, namespace: 4 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.Volume',
    obj(
      {
        awsElasticBlockStore: ref('io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource', 'awsElasticBlockStore represents an AWS Disk resource that is attached to a kubelet\'s host machine and then exposed to the pod. Deprecated: AWSElasticBlockStore is deprecated. All operations for the in-tree awsElasticBlockStore type are redirected to the ebs.csi.aws.com CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore'),
        azureDisk: ref('io.k8s.api.core.v1.AzureDiskVolumeSource', 'azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod. Deprecated: AzureDisk is deprecated. All operations for the in-tree azureDisk type are redirected to the disk.csi.azure.com CSI driver.'),
        azureFile: ref('io.k8s.api.core.v1.AzureFileVolumeSource', 'azureFile represents an Azure File Service mount on the host and bind mount to the pod. Deprecated: AzureFile is deprecated. All operations for the in-tree azureFile type are redirected to the file.csi.azure.com CSI driver.'),
        cephfs: ref('io.k8s.api.core.v1.CephFSVolumeSource', 'cephFS represents a Ceph FS mount on the host that shares a pod\'s lifetime. Deprecated: CephFS is deprecated and the in-tree cephfs type is no longer supported.'),
        cinder: ref('io.k8s.api.core.v1.CinderVolumeSource', 'cinder represents a cinder volume attached and mounted on kubelets host machine. Deprecated: Cinder is deprecated. All operations for the in-tree cinder type are redirected to the cinder.csi.openstack.org CSI driver. More info: https://examples.k8s.io/mysql-cinder-pd/README.md'),
        configMap: ref('io.k8s.api.core.v1.ConfigMapVolumeSource', 'configMap represents a configMap that should populate this volume'),
        csi: ref('io.k8s.api.core.v1.CSIVolumeSource', 'csi (Container Storage Interface) represents ephemeral storage that is handled by certain external CSI drivers.'),
        downwardAPI: ref('io.k8s.api.core.v1.DownwardAPIVolumeSource', 'downwardAPI represents downward API about the pod that should populate this volume'),
        emptyDir: ref('io.k8s.api.core.v1.EmptyDirVolumeSource', 'emptyDir represents a temporary directory that shares a pod\'s lifetime. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir'),
        ephemeral: ref('io.k8s.api.core.v1.EphemeralVolumeSource', 'ephemeral represents a volume that is handled by a cluster storage driver. The volume\'s lifecycle is tied to the pod that defines it - it will be created before the pod starts, and deleted when the pod is removed.\n\nUse this if: a) the volume is only needed while the pod runs, b) features of normal volumes like restoring from snapshot or capacity\n   tracking are needed,\nc) the storage driver is specified through a storage class, and d) the storage driver supports dynamic volume provisioning through\n   a PersistentVolumeClaim (see EphemeralVolumeSource for more\n   information on the connection between this volume type\n   and PersistentVolumeClaim).\n\nUse PersistentVolumeClaim or one of the vendor-specific APIs for volumes that persist for longer than the lifecycle of an individual pod.\n\nUse CSI for light-weight local ephemeral volumes if the CSI driver is meant to be used that way - see the documentation of the driver for more information.\n\nA pod can use both types of ephemeral volumes and persistent volumes at the same time.'),
        fc: ref('io.k8s.api.core.v1.FCVolumeSource', 'fc represents a Fibre Channel resource that is attached to a kubelet\'s host machine and then exposed to the pod.'),
        flexVolume: ref('io.k8s.api.core.v1.FlexVolumeSource', 'flexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin. Deprecated: FlexVolume is deprecated. Consider using a CSIDriver instead.'),
        flocker: ref('io.k8s.api.core.v1.FlockerVolumeSource', 'flocker represents a Flocker volume attached to a kubelet\'s host machine. This depends on the Flocker control service being running. Deprecated: Flocker is deprecated and the in-tree flocker type is no longer supported.'),
        gcePersistentDisk: ref('io.k8s.api.core.v1.GCEPersistentDiskVolumeSource', 'gcePersistentDisk represents a GCE Disk resource that is attached to a kubelet\'s host machine and then exposed to the pod. Deprecated: GCEPersistentDisk is deprecated. All operations for the in-tree gcePersistentDisk type are redirected to the pd.csi.storage.gke.io CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk'),
        gitRepo: ref('io.k8s.api.core.v1.GitRepoVolumeSource', 'gitRepo represents a git repository at a particular revision. Deprecated: GitRepo is deprecated. To provision a container with a git repo, mount an EmptyDir into an InitContainer that clones the repo using git, then mount the EmptyDir into the Pod\'s container.'),
        glusterfs: ref('io.k8s.api.core.v1.GlusterfsVolumeSource', 'glusterfs represents a Glusterfs mount on the host that shares a pod\'s lifetime. Deprecated: Glusterfs is deprecated and the in-tree glusterfs type is no longer supported. More info: https://examples.k8s.io/volumes/glusterfs/README.md'),
        hostPath: ref('io.k8s.api.core.v1.HostPathVolumeSource', 'hostPath represents a pre-existing file or directory on the host machine that is directly exposed to the container. This is generally used for system agents or other privileged things that are allowed to see the host machine. Most containers will NOT need this. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath'),
        image: ref('io.k8s.api.core.v1.ImageVolumeSource', 'image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet\'s host machine. The volume is resolved at pod startup depending on which PullPolicy value is provided:\n\n- Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. - Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn\'t present. - IfNotPresent: the kubelet pulls if the reference isn\'t already present on disk. Container creation will fail if the reference isn\'t present and the pull fails.\n\nThe volume gets re-resolved if the pod gets deleted and recreated, which means that new remote content will become available on pod recreation. A failure to resolve or pull the image during pod startup will block containers from starting and may add significant latency. Failures will be retried using normal volume backoff and will be reported on the pod reason and message. The types of objects that may be mounted by this volume are defined by the container runtime implementation on a host machine and at minimum must include all valid types supported by the container image field. The OCI object gets mounted in a single directory (spec.containers[*].volumeMounts.mountPath) by merging the manifest layers in the same way as for container images. The volume will be mounted read-only (ro) and non-executable files (noexec). Sub path mounts for containers are not supported (spec.containers[*].volumeMounts.subpath). The field spec.securityContext.fsGroupChangePolicy has no effect on this volume type.'),
        iscsi: ref('io.k8s.api.core.v1.ISCSIVolumeSource', 'iscsi represents an ISCSI Disk resource that is attached to a kubelet\'s host machine and then exposed to the pod. More info: https://examples.k8s.io/volumes/iscsi/README.md'),
        name: str('name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
        nfs: ref('io.k8s.api.core.v1.NFSVolumeSource', 'nfs represents an NFS mount on the host that shares a pod\'s lifetime More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs'),
        persistentVolumeClaim: ref('io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource', 'persistentVolumeClaimVolumeSource represents a reference to a PersistentVolumeClaim in the same namespace. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims'),
        photonPersistentDisk: ref('io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource', 'photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine. Deprecated: PhotonPersistentDisk is deprecated and the in-tree photonPersistentDisk type is no longer supported.'),
        portworxVolume: ref('io.k8s.api.core.v1.PortworxVolumeSource', 'portworxVolume represents a portworx volume attached and mounted on kubelets host machine. Deprecated: PortworxVolume is deprecated. All operations for the in-tree portworxVolume type are redirected to the pxd.portworx.com CSI driver when the CSIMigrationPortworx feature-gate is on.'),
        projected: ref('io.k8s.api.core.v1.ProjectedVolumeSource', 'projected items for all in one resources secrets, configmaps, and downward API'),
        quobyte: ref('io.k8s.api.core.v1.QuobyteVolumeSource', 'quobyte represents a Quobyte mount on the host that shares a pod\'s lifetime. Deprecated: Quobyte is deprecated and the in-tree quobyte type is no longer supported.'),
        rbd: ref('io.k8s.api.core.v1.RBDVolumeSource', 'rbd represents a Rados Block Device mount on the host that shares a pod\'s lifetime. Deprecated: RBD is deprecated and the in-tree rbd type is no longer supported. More info: https://examples.k8s.io/volumes/rbd/README.md'),
        scaleIO: ref('io.k8s.api.core.v1.ScaleIOVolumeSource', 'scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes. Deprecated: ScaleIO is deprecated and the in-tree scaleIO type is no longer supported.'),
        secret: ref('io.k8s.api.core.v1.SecretVolumeSource', 'secret represents a secret that should populate this volume. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret'),
        storageos: ref('io.k8s.api.core.v1.StorageOSVolumeSource', 'storageOS represents a StorageOS volume attached and mounted on Kubernetes nodes. Deprecated: StorageOS is deprecated and the in-tree storageos type is no longer supported.'),
        vsphereVolume: ref('io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource', 'vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine. Deprecated: VsphereVolume is deprecated. All operations for the in-tree vsphereVolume type are redirected to the csi.vsphere.vmware.com CSI driver.'),
      },
      { description: 'Volume represents a named volume in a pod that may be accessed by any container in the pod.', required: ['name'], proto: { tags: { awsElasticBlockStore: [2, 4], azureDisk: [2, 22], azureFile: [2, 18], cephfs: [2, 14], cinder: [2, 13], configMap: [2, 19], csi: [2, 28], downwardAPI: [2, 16], emptyDir: [2, 2], ephemeral: [2, 29], fc: [2, 17], flexVolume: [2, 12], flocker: [2, 15], gcePersistentDisk: [2, 3], gitRepo: [2, 5], glusterfs: [2, 9], hostPath: [2, 1], image: [2, 30], iscsi: [2, 8], name: 1, nfs: [2, 7], persistentVolumeClaim: [2, 10], photonPersistentDisk: [2, 23], portworxVolume: [2, 24], projected: [2, 26], quobyte: [2, 21], rbd: [2, 11], scaleIO: [2, 25], secret: [2, 6], storageos: [2, 27], vsphereVolume: [2, 20] } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.VolumeProjection',
    obj(
      {
        clusterTrustBundle: ref('io.k8s.api.core.v1.ClusterTrustBundleProjection', 'ClusterTrustBundle allows a pod to access the `.spec.trustBundle` field of ClusterTrustBundle objects in an auto-updating file.\n\nAlpha, gated by the ClusterTrustBundleProjection feature gate.\n\nClusterTrustBundle objects can either be selected by name, or by the combination of signer name and a label selector.\n\nKubelet performs aggressive normalization of the PEM contents written into the pod filesystem.  Esoteric PEM features such as inter-block comments and block headers are stripped.  Certificates are deduplicated. The ordering of certificates within the file is arbitrary, and Kubelet may change the order over time.'),
        configMap: ref('io.k8s.api.core.v1.ConfigMapProjection', 'configMap information about the configMap data to project'),
        downwardAPI: ref('io.k8s.api.core.v1.DownwardAPIProjection', 'downwardAPI information about the downwardAPI data to project'),
        secret: ref('io.k8s.api.core.v1.SecretProjection', 'secret information about the secret data to project'),
        serviceAccountToken: ref('io.k8s.api.core.v1.ServiceAccountTokenProjection', 'serviceAccountToken is information about the serviceAccountToken data to project'),
      },
      { description: 'Projection that may be projected along with other supported volume types. Exactly one of these fields must be set.', proto: { tags: { clusterTrustBundle: 5, configMap: 3, downwardAPI: 2, secret: 1, serviceAccountToken: 4 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.VolumeResourceRequirements',
    obj(
      {
        limits: map(quantity(), 'Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'),
        requests: map(quantity(), 'Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'),
      },
      { description: 'VolumeResourceRequirements describes the storage resource requirements for a volume.', proto: { tags: { limits: 1, requests: 2 } } },
    ),
  ),
];
