/**
 * Schemas of core/v1 Node and Namespace.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, bool, def, gvk, int32, int64, map, obj, quantity, ref, str, time, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of core/v1 Node and Namespace.. */
export const coreV1NodeDefinitions: Definition[] = [
  def(
    'io.k8s.api.core.v1.AttachedVolume',
    obj(
      {
        devicePath: str('DevicePath represents the device path where the volume should be available'),
        name: str('Name of the attached volume'),
      },
      { description: 'AttachedVolume describes a volume attached to a node', required: ['name', 'devicePath'], proto: { tags: { devicePath: 2, name: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ConfigMapNodeConfigSource',
    obj(
      {
        kubeletConfigKey: str('KubeletConfigKey declares which key of the referenced ConfigMap corresponds to the KubeletConfiguration structure This field is required in all cases.'),
        name: str('Name is the metadata.name of the referenced ConfigMap. This field is required in all cases.'),
        namespace: str('Namespace is the metadata.namespace of the referenced ConfigMap. This field is required in all cases.'),
        resourceVersion: str('ResourceVersion is the metadata.ResourceVersion of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status.'),
        uid: str('UID is the metadata.UID of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status.'),
      },
      { description: 'ConfigMapNodeConfigSource contains the information to reference a ConfigMap as a config source for the Node. This API is deprecated since 1.22: https://git.k8s.io/enhancements/keps/sig-node/281-dynamic-kubelet-configuration', required: ['namespace', 'name', 'kubeletConfigKey'], proto: { tags: { kubeletConfigKey: 5, name: 2, namespace: 1, resourceVersion: 4, uid: 3 }, omitEmpty: ['resourceVersion', 'uid'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ContainerImage',
    obj(
      {
        names: arr(str(), { description: 'Names by which this image is known. e.g. ["kubernetes.example/hyperkube:v1.0.7", "cloud-vendor.registry.example/cloud-vendor/hyperkube:v1.0.7"]', listType: 'atomic' }),
        sizeBytes: int64('The size of the image in bytes.'),
      },
      { description: 'Describe a container image', proto: { tags: { names: 1, sizeBytes: 2 }, omitEmpty: ['sizeBytes'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.DaemonEndpoint',
    obj(
      {
        Port: int32('Port number of the given endpoint.'),
      },
      { description: 'DaemonEndpoint contains information about a single Daemon endpoint.', required: ['Port'], proto: { tags: { Port: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.Namespace',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.core.v1.NamespaceSpec', 'Spec defines the behavior of the Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
        status: ref('io.k8s.api.core.v1.NamespaceStatus', 'Status describes the current status of a Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'Namespace provides a scope for Names. Use of multiple namespaces is optional.', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('', 'v1', 'Namespace')],
  ),
  def(
    'io.k8s.api.core.v1.NamespaceCondition',
    obj(
      {
        lastTransitionTime: time('Last time the condition transitioned from one status to another.'),
        message: str('Human-readable message indicating details about last transition.'),
        reason: str('Unique, one-word, CamelCase reason for the condition\'s last transition.'),
        status: str('Status of the condition, one of True, False, Unknown.'),
        type: str('Type of namespace controller condition.'),
      },
      { description: 'NamespaceCondition contains details about state of namespace.', required: ['type', 'status'], proto: { tags: { lastTransitionTime: 4, message: 6, reason: 5, status: 2, type: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NamespaceList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.Namespace'), { description: 'Items is the list of Namespace objects in the list. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'NamespaceList is a list of Namespaces.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'NamespaceList')],
  ),
  def(
    'io.k8s.api.core.v1.NamespaceSpec',
    obj(
      {
        finalizers: arr(str(), { description: 'Finalizers is an opaque list of values that must be empty to permanently remove object from storage. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/', listType: 'atomic' }),
      },
      { description: 'NamespaceSpec describes the attributes on a Namespace.', proto: { tags: { finalizers: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NamespaceStatus',
    obj(
      {
        conditions: arr(ref('io.k8s.api.core.v1.NamespaceCondition'), { description: 'Represents the latest available observations of a namespace\'s current state.', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        phase: str('Phase is the current lifecycle phase of the namespace. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/\n\nPossible enum values:\n - `"Active"` means the namespace is available for use in the system\n - `"Terminating"` means the namespace is undergoing graceful termination', { enum: ['Active', 'Terminating'] }),
      },
      { description: 'NamespaceStatus is information about the current status of a Namespace.', proto: { tags: { conditions: 2, phase: 1 }, omitEmpty: ['phase'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.Node',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.core.v1.NodeSpec', 'Spec defines the behavior of a node. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
        status: ref('io.k8s.api.core.v1.NodeStatus', 'Most recently observed status of the node. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('', 'v1', 'Node')],
  ),
  def(
    'io.k8s.api.core.v1.NodeAddress',
    obj(
      {
        address: str('The node address.'),
        type: str('Node address type, one of Hostname, ExternalIP or InternalIP.'),
      },
      { description: 'NodeAddress contains information for the node\'s address.', required: ['type', 'address'], proto: { tags: { address: 2, type: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NodeCondition',
    obj(
      {
        lastHeartbeatTime: time('Last time we got an update on a given condition.'),
        lastTransitionTime: time('Last time the condition transit from one status to another.'),
        message: str('Human readable message indicating details about last transition.'),
        reason: str('(brief) reason for the condition\'s last transition.'),
        status: str('Status of the condition, one of True, False, Unknown.'),
        type: str('Type of node condition.'),
      },
      { description: 'NodeCondition contains condition information for a node.', required: ['type', 'status'], proto: { tags: { lastHeartbeatTime: 3, lastTransitionTime: 4, message: 6, reason: 5, status: 2, type: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NodeConfigSource',
    obj(
      {
        configMap: ref('io.k8s.api.core.v1.ConfigMapNodeConfigSource', 'ConfigMap is a reference to a Node\'s ConfigMap'),
      },
      { description: 'NodeConfigSource specifies a source of node configuration. Exactly one subfield (excluding metadata) must be non-nil. This API is deprecated since 1.22', proto: { tags: { configMap: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NodeConfigStatus',
    obj(
      {
        active: ref('io.k8s.api.core.v1.NodeConfigSource', 'Active reports the checkpointed config the node is actively using. Active will represent either the current version of the Assigned config, or the current LastKnownGood config, depending on whether attempting to use the Assigned config results in an error.'),
        assigned: ref('io.k8s.api.core.v1.NodeConfigSource', 'Assigned reports the checkpointed config the node will try to use. When Node.Spec.ConfigSource is updated, the node checkpoints the associated config payload to local disk, along with a record indicating intended config. The node refers to this record to choose its config checkpoint, and reports this record in Assigned. Assigned only updates in the status after the record has been checkpointed to disk. When the Kubelet is restarted, it tries to make the Assigned config the Active config by loading and validating the checkpointed payload identified by Assigned.'),
        error: str('Error describes any problems reconciling the Spec.ConfigSource to the Active config. Errors may occur, for example, attempting to checkpoint Spec.ConfigSource to the local Assigned record, attempting to checkpoint the payload associated with Spec.ConfigSource, attempting to load or validate the Assigned config, etc. Errors may occur at different points while syncing config. Earlier errors (e.g. download or checkpointing errors) will not result in a rollback to LastKnownGood, and may resolve across Kubelet retries. Later errors (e.g. loading or validating a checkpointed config) will result in a rollback to LastKnownGood. In the latter case, it is usually possible to resolve the error by fixing the config assigned in Spec.ConfigSource. You can find additional information for debugging by searching the error message in the Kubelet log. Error is a human-readable description of the error state; machines can check whether or not Error is empty, but should not rely on the stability of the Error text across Kubelet versions.'),
        lastKnownGood: ref('io.k8s.api.core.v1.NodeConfigSource', 'LastKnownGood reports the checkpointed config the node will fall back to when it encounters an error attempting to use the Assigned config. The Assigned config becomes the LastKnownGood config when the node determines that the Assigned config is stable and correct. This is currently implemented as a 10-minute soak period starting when the local record of Assigned config is updated. If the Assigned config is Active at the end of this period, it becomes the LastKnownGood. Note that if Spec.ConfigSource is reset to nil (use local defaults), the LastKnownGood is also immediately reset to nil, because the local default config is always assumed good. You should not make assumptions about the node\'s method of determining config stability and correctness, as this may change or become configurable in the future.'),
      },
      { description: 'NodeConfigStatus describes the status of the config assigned by Node.Spec.ConfigSource.', proto: { tags: { active: 2, assigned: 1, error: 4, lastKnownGood: 3 }, omitEmpty: ['error'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NodeDaemonEndpoints',
    obj(
      {
        kubeletEndpoint: ref('io.k8s.api.core.v1.DaemonEndpoint', 'Endpoint on which Kubelet is listening.'),
      },
      { description: 'NodeDaemonEndpoints lists ports opened by daemons running on the Node.', proto: { tags: { kubeletEndpoint: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NodeFeatures',
    obj(
      {
        supplementalGroupsPolicy: bool('SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser.'),
      },
      { description: 'NodeFeatures describes the set of features implemented by the CRI implementation. The features contained in the NodeFeatures should depend only on the cri implementation independent of runtime handlers.', proto: { tags: { supplementalGroupsPolicy: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NodeList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.Node'), { description: 'List of nodes' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'NodeList is the whole list of all Nodes which have been registered with master.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'NodeList')],
  ),
  def(
    'io.k8s.api.core.v1.NodeRuntimeHandler',
    obj(
      {
        features: ref('io.k8s.api.core.v1.NodeRuntimeHandlerFeatures', 'Supported features.'),
        name: str('Runtime handler name. Empty for the default runtime handler.'),
      },
      { description: 'NodeRuntimeHandler is a set of runtime handler information.', proto: { tags: { features: 2, name: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NodeRuntimeHandlerFeatures',
    obj(
      {
        recursiveReadOnlyMounts: bool('RecursiveReadOnlyMounts is set to true if the runtime handler supports RecursiveReadOnlyMounts.'),
        userNamespaces: bool('UserNamespaces is set to true if the runtime handler supports UserNamespaces, including for volumes.'),
      },
      { description: 'NodeRuntimeHandlerFeatures is a set of features implemented by the runtime handler.', proto: { tags: { recursiveReadOnlyMounts: 1, userNamespaces: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NodeSpec',
    obj(
      {
        configSource: ref('io.k8s.api.core.v1.NodeConfigSource', 'Deprecated: Previously used to specify the source of the node\'s configuration for the DynamicKubeletConfig feature. This feature is removed.'),
        externalID: str('Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966'),
        podCIDR: str('PodCIDR represents the pod IP range assigned to the node.'),
        podCIDRs: arr(str(), { description: 'podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 0th entry must match the podCIDR field. It may contain at most 1 value for each of IPv4 and IPv6.', strategy: 'merge', listType: 'set' }),
        providerID: str('ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>'),
        taints: arr(ref('io.k8s.api.core.v1.Taint'), { description: 'If specified, the node\'s taints.', listType: 'atomic' }),
        unschedulable: bool('Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration'),
      },
      { description: 'NodeSpec describes the attributes that a node is created with.', proto: { tags: { configSource: 6, externalID: 2, podCIDR: 1, podCIDRs: 7, providerID: 3, taints: 5, unschedulable: 4 }, omitEmpty: ['externalID', 'podCIDR', 'providerID', 'unschedulable'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NodeStatus',
    obj(
      {
        addresses: arr(ref('io.k8s.api.core.v1.NodeAddress'), { description: 'List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node\'s address in its own status or consumers of the downward API (status.hostIP).', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        allocatable: map(quantity(), 'Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity.'),
        capacity: map(quantity(), 'Capacity represents the total resources of a node. More info: https://kubernetes.io/docs/reference/node/node-status/#capacity'),
        conditions: arr(ref('io.k8s.api.core.v1.NodeCondition'), { description: 'Conditions is an array of current observed node conditions. More info: https://kubernetes.io/docs/reference/node/node-status/#condition', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        config: ref('io.k8s.api.core.v1.NodeConfigStatus', 'Status of the config assigned to the node via the dynamic Kubelet config feature.'),
        daemonEndpoints: ref('io.k8s.api.core.v1.NodeDaemonEndpoints', 'Endpoints of daemons running on the Node.'),
        features: ref('io.k8s.api.core.v1.NodeFeatures', 'Features describes the set of features implemented by the CRI implementation.'),
        images: arr(ref('io.k8s.api.core.v1.ContainerImage'), { description: 'List of container images on this node', listType: 'atomic' }),
        nodeInfo: ref('io.k8s.api.core.v1.NodeSystemInfo', 'Set of ids/uuids to uniquely identify the node. More info: https://kubernetes.io/docs/reference/node/node-status/#info'),
        phase: str('NodePhase is the recently observed lifecycle phase of the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#phase The field is never populated, and now is deprecated.\n\nPossible enum values:\n - `"Pending"` means the node has been created/added by the system, but not configured.\n - `"Running"` means the node has been configured and has Kubernetes components running.\n - `"Terminated"` means the node has been removed from the cluster.', { enum: ['Pending', 'Running', 'Terminated'] }),
        runtimeHandlers: arr(ref('io.k8s.api.core.v1.NodeRuntimeHandler'), { description: 'The available runtime handlers.', listType: 'atomic' }),
        volumesAttached: arr(ref('io.k8s.api.core.v1.AttachedVolume'), { description: 'List of volumes that are attached to the node.', listType: 'atomic' }),
        volumesInUse: arr(str(), { description: 'List of attachable volumes in use (mounted) by the node.', listType: 'atomic' }),
      },
      { description: 'NodeStatus is information about the current status of a node.', proto: { tags: { addresses: 5, allocatable: 2, capacity: 1, conditions: 4, config: 11, daemonEndpoints: 6, features: 13, images: 8, nodeInfo: 7, phase: 3, runtimeHandlers: 12, volumesAttached: 10, volumesInUse: 9 }, omitEmpty: ['phase'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.NodeSystemInfo',
    obj(
      {
        architecture: str('The Architecture reported by the node'),
        bootID: str('Boot ID reported by the node.'),
        containerRuntimeVersion: str('ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).'),
        kernelVersion: str('Kernel Version reported by the node from \'uname -r\' (e.g. 3.16.0-0.bpo.4-amd64).'),
        kubeProxyVersion: str('Deprecated: KubeProxy Version reported by the node.'),
        kubeletVersion: str('Kubelet Version reported by the node.'),
        machineID: str('MachineID reported by the node. For unique machine identification in the cluster this field is preferred. Learn more from man(5) machine-id: http://man7.org/linux/man-pages/man5/machine-id.5.html'),
        operatingSystem: str('The Operating System reported by the node'),
        osImage: str('OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
        systemUUID: str('SystemUUID reported by the node. For unique machine identification MachineID is preferred. This field is specific to Red Hat hosts https://access.redhat.com/documentation/en-us/red_hat_subscription_management/1/html/rhsm/uuid'),
      },
      { description: 'NodeSystemInfo is a set of ids/uuids to uniquely identify the node.', required: ['machineID', 'systemUUID', 'bootID', 'kernelVersion', 'osImage', 'containerRuntimeVersion', 'kubeletVersion', 'kubeProxyVersion', 'operatingSystem', 'architecture'], proto: { tags: { architecture: 10, bootID: 3, containerRuntimeVersion: 6, kernelVersion: 4, kubeProxyVersion: 8, kubeletVersion: 7, machineID: 1, operatingSystem: 9, osImage: 5, systemUUID: 2 } } },
    ),
  ),
];
