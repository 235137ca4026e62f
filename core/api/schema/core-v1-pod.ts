/**
 * Schemas of core/v1 Pod: the pod, its spec and status, and the pod template.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, bool, def, gvk, int32, int64, map, obj, quantity, ref, str, stringMap, time, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of core/v1 Pod. */
export const coreV1PodDefinitions: Definition[] = [
  def(
    'io.k8s.api.core.v1.ContainerState',
    obj(
      {
        running: ref('io.k8s.api.core.v1.ContainerStateRunning', 'Details about a running container'),
        terminated: ref('io.k8s.api.core.v1.ContainerStateTerminated', 'Details about a terminated container'),
        waiting: ref('io.k8s.api.core.v1.ContainerStateWaiting', 'Details about a waiting container'),
      },
      { description: 'ContainerState holds a possible state of container. Only one of its members may be specified. If none of them is specified, the default one is ContainerStateWaiting.', proto: { tags: { running: 2, terminated: 3, waiting: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ContainerStateRunning',
    obj(
      {
        startedAt: time('Time at which the container was last (re-)started'),
      },
      { description: 'ContainerStateRunning is a running state of a container.', proto: { tags: { startedAt: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ContainerStateTerminated',
    obj(
      {
        containerID: str('Container\'s ID in the format \'<type>://<container_id>\''),
        exitCode: int32('Exit status from the last termination of the container'),
        finishedAt: time('Time at which the container last terminated'),
        message: str('Message regarding the last termination of the container'),
        reason: str('(brief) reason from the last termination of the container'),
        signal: int32('Signal from the last termination of the container'),
        startedAt: time('Time at which previous execution of the container started'),
      },
      { description: 'ContainerStateTerminated is a terminated state of a container.', required: ['exitCode'], proto: { tags: { containerID: 7, exitCode: 1, finishedAt: 6, message: 4, reason: 3, signal: 2, startedAt: 5 }, omitEmpty: ['containerID', 'message', 'reason', 'signal'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ContainerStateWaiting',
    obj(
      {
        message: str('Message regarding why the container is not yet running.'),
        reason: str('(brief) reason the container is not yet running.'),
      },
      { description: 'ContainerStateWaiting is a waiting state of a container.', proto: { tags: { message: 2, reason: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ContainerStatus',
    obj(
      {
        allocatedResources: map(quantity(), 'AllocatedResources represents the compute resources allocated for this container by the node. Kubelet sets this value to Container.Resources.Requests upon successful pod admission and after successfully admitting desired pod resize.'),
        allocatedResourcesStatus: arr(ref('io.k8s.api.core.v1.ResourceStatus'), { description: 'AllocatedResourcesStatus represents the status of various resources allocated for this Pod.', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] }),
        containerID: str('ContainerID is the ID of the container in the format \'<type>://<container_id>\'. Where type is a container runtime identifier, returned from Version call of CRI API (for example "containerd").'),
        image: str('Image is the name of container image that the container is running. The container image may not match the image used in the PodSpec, as it may have been resolved by the runtime. More info: https://kubernetes.io/docs/concepts/containers/images.'),
        imageID: str('ImageID is the image ID of the container\'s image. The image ID may not match the image ID of the image used in the PodSpec, as it may have been resolved by the runtime.'),
        lastState: ref('io.k8s.api.core.v1.ContainerState', 'LastTerminationState holds the last termination state of the container to help debug container crashes and restarts. This field is not populated if the container is still running and RestartCount is 0.'),
        name: str('Name is a DNS_LABEL representing the unique name of the container. Each container in a pod must have a unique name across all container types. Cannot be updated.'),
        ready: bool('Ready specifies whether the container is currently passing its readiness check. The value will change as readiness probes keep executing. If no readiness probes are specified, this field defaults to true once the container is fully started (see Started field).\n\nThe value is typically used to determine whether a container is ready to accept traffic.'),
        resources: ref('io.k8s.api.core.v1.ResourceRequirements', 'Resources represents the compute resource requests and limits that have been successfully enacted on the running container after it has been started or has been successfully resized.'),
        restartCount: int32('RestartCount holds the number of times the container has been restarted. Kubelet makes an effort to always increment the value, but there are cases when the state may be lost due to node restarts and then the value may be reset to 0. The value is never negative.'),
        started: bool('Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe. Initialized as false, becomes true after startupProbe is considered successful. Resets to false when the container is restarted, or if kubelet loses state temporarily. In both cases, startup probes will run again. Is always true when no startupProbe is defined and container is running and has passed the postStart lifecycle hook. The null value must be treated the same as false.'),
        state: ref('io.k8s.api.core.v1.ContainerState', 'State holds details about the container\'s current condition.'),
        user: ref('io.k8s.api.core.v1.ContainerUser', 'User represents user identity information initially attached to the first process of the container'),
        volumeMounts: arr(ref('io.k8s.api.core.v1.VolumeMountStatus'), { description: 'Status of volume mounts.', mergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] }),
      },
      { description: 'ContainerStatus contains details for the current status of this container.', required: ['name', 'ready', 'restartCount', 'image', 'imageID'], proto: { tags: { allocatedResources: 10, allocatedResourcesStatus: 14, containerID: 8, image: 6, imageID: 7, lastState: 3, name: 1, ready: 4, resources: 11, restartCount: 5, started: 9, state: 2, user: 13, volumeMounts: 12 }, omitEmpty: ['containerID'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ContainerUser',
    obj(
      {
        linux: ref('io.k8s.api.core.v1.LinuxContainerUser', 'Linux holds user identity information initially attached to the first process of the containers in Linux. Note that the actual running identity can be changed if the process has enough privilege to do so.'),
      },
      { description: 'ContainerUser represents user identity information', proto: { tags: { linux: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.HostAlias',
    obj(
      {
        hostnames: arr(str(), { description: 'Hostnames for the above IP address.', listType: 'atomic' }),
        ip: str('IP address of the host file entry.'),
      },
      { description: 'HostAlias holds the mapping between IP and hostnames that will be injected as an entry in the pod\'s hosts file.', required: ['ip'], proto: { tags: { hostnames: 2, ip: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.HostIP',
    obj(
      {
        ip: str('IP is the IP address assigned to the host'),
      },
      { description: 'HostIP represents a single IP address allocated to the host.', required: ['ip'], proto: { tags: { ip: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.LinuxContainerUser',
    obj(
      {
        gid: int64('GID is the primary gid initially attached to the first process in the container'),
        supplementalGroups: arr(int64(), { description: 'SupplementalGroups are the supplemental groups initially attached to the first process in the container', listType: 'atomic' }),
        uid: int64('UID is the primary uid initially attached to the first process in the container'),
      },
      { description: 'LinuxContainerUser represents user identity information in Linux containers', required: ['uid', 'gid'], proto: { tags: { gid: 2, supplementalGroups: 3, uid: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.Pod',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.core.v1.PodSpec', 'Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
        status: ref('io.k8s.api.core.v1.PodStatus', 'Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('', 'v1', 'Pod')],
  ),
  def(
    'io.k8s.api.core.v1.PodCondition',
    obj(
      {
        lastProbeTime: time('Last time we probed the condition.'),
        lastTransitionTime: time('Last time the condition transitioned from one status to another.'),
        message: str('Human-readable message indicating details about last transition.'),
        reason: str('Unique, one-word, CamelCase reason for the condition\'s last transition.'),
        status: str('Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions'),
        type: str('Type is the type of the condition. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions'),
      },
      { description: 'PodCondition contains details for the current condition of this pod.', required: ['type', 'status'], proto: { tags: { lastProbeTime: 3, lastTransitionTime: 4, message: 6, reason: 5, status: 2, type: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodDNSConfig',
    obj(
      {
        nameservers: arr(str(), { description: 'A list of DNS name server IP addresses. This will be appended to the base nameservers generated from DNSPolicy. Duplicated nameservers will be removed.', listType: 'atomic' }),
        options: arr(ref('io.k8s.api.core.v1.PodDNSConfigOption'), { description: 'A list of DNS resolver options. This will be merged with the base options generated from DNSPolicy. Duplicated entries will be removed. Resolution options given in Options will override those that appear in the base DNSPolicy.', listType: 'atomic' }),
        searches: arr(str(), { description: 'A list of DNS search domains for host-name lookup. This will be appended to the base search paths generated from DNSPolicy. Duplicated search paths will be removed.', listType: 'atomic' }),
      },
      { description: 'PodDNSConfig defines the DNS parameters of a pod in addition to those generated from DNSPolicy.', proto: { tags: { nameservers: 1, options: 3, searches: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodDNSConfigOption',
    obj(
      {
        name: str('Name is this DNS resolver option\'s name. Required.'),
        value: str('Value is this DNS resolver option\'s value.'),
      },
      { description: 'PodDNSConfigOption defines DNS resolver options of a pod.', proto: { tags: { name: 1, value: 2 }, omitEmpty: ['name'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodIP',
    obj(
      {
        ip: str('IP is the IP address assigned to the pod'),
      },
      { description: 'PodIP represents a single IP address allocated to the pod.', required: ['ip'], proto: { tags: { ip: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.Pod'), { description: 'List of pods. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'PodList is a list of Pods.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'PodList')],
  ),
  def(
    'io.k8s.api.core.v1.PodOS',
    obj(
      {
        name: str('Name is the name of the operating system. The currently supported values are linux and windows. Additional value may be defined in future and can be one of: https://github.com/opencontainers/runtime-spec/blob/master/config.md#platform-specific-configuration Clients should expect to handle additional values and treat unrecognized values in this field as os: null'),
      },
      { description: 'PodOS defines the OS parameters of a pod.', required: ['name'], proto: { tags: { name: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodReadinessGate',
    obj(
      {
        conditionType: str('ConditionType refers to a condition in the pod\'s condition list with matching type.'),
      },
      { description: 'PodReadinessGate contains the reference to a pod condition', required: ['conditionType'], proto: { tags: { conditionType: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodResourceClaim',
    obj(
      {
        name: str('Name uniquely identifies this resource claim inside the pod. This must be a DNS_LABEL.'),
        resourceClaimName: str('ResourceClaimName is the name of a ResourceClaim object in the same namespace as this pod.\n\nExactly one of ResourceClaimName and ResourceClaimTemplateName must be set.'),
        resourceClaimTemplateName: str('ResourceClaimTemplateName is the name of a ResourceClaimTemplate object in the same namespace as this pod.\n\nThe template will be used to create a new ResourceClaim, which will be bound to this pod. When this pod is deleted, the ResourceClaim will also be deleted. The pod name and resource name, along with a generated component, will be used to form a unique name for the ResourceClaim, which will be recorded in pod.status.resourceClaimStatuses.\n\nThis field is immutable and no changes will be made to the corresponding ResourceClaim by the control plane after creating the ResourceClaim.\n\nExactly one of ResourceClaimName and ResourceClaimTemplateName must be set.'),
      },
      { description: 'PodResourceClaim references exactly one ResourceClaim, either directly or by naming a ResourceClaimTemplate which is then turned into a ResourceClaim for the pod.\n\nIt adds a name to it that uniquely identifies the ResourceClaim inside the Pod. Containers that need access to the ResourceClaim reference it with this name.', required: ['name'], proto: { tags: { name: 1, resourceClaimName: 3, resourceClaimTemplateName: 4 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodResourceClaimStatus',
    obj(
      {
        name: str('Name uniquely identifies this resource claim inside the pod. This must match the name of an entry in pod.spec.resourceClaims, which implies that the string must be a DNS_LABEL.'),
        resourceClaimName: str('ResourceClaimName is the name of the ResourceClaim that was generated for the Pod in the namespace of the Pod. If this is unset, then generating a ResourceClaim was not necessary. The pod.spec.resourceClaims entry can be ignored in this case.'),
      },
      { description: 'PodResourceClaimStatus is stored in the PodStatus for each PodResourceClaim which references a ResourceClaimTemplate. It stores the generated name for the corresponding ResourceClaim.', required: ['name'], proto: { tags: { name: 1, resourceClaimName: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodSchedulingGate',
    obj(
      {
        name: str('Name of the scheduling gate. Each scheduling gate must have a unique name field.'),
      },
      { description: 'PodSchedulingGate is associated to a Pod to guard its scheduling.', required: ['name'], proto: { tags: { name: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodSecurityContext',
    obj(
      {
        appArmorProfile: ref('io.k8s.api.core.v1.AppArmorProfile', 'appArmorProfile is the AppArmor options to use by the containers in this pod. Note that this field cannot be set when spec.os.name is windows.'),
        fsGroup: int64('A special supplemental group that applies to all containers in a pod. Some volume types allow the Kubelet to change the ownership of that volume to be owned by the pod:\n\n1. The owning GID will be the FSGroup 2. The setgid bit is set (new files created in the volume will be owned by FSGroup) 3. The permission bits are OR\'d with rw-rw----\n\nIf unset, the Kubelet will not modify the ownership and permissions of any volume. Note that this field cannot be set when spec.os.name is windows.'),
        fsGroupChangePolicy: str('fsGroupChangePolicy defines behavior of changing ownership and permission of the volume before being exposed inside Pod. This field will only apply to volume types which support fsGroup based ownership(and permissions). It will have no effect on ephemeral volume types such as: secret, configmaps and emptydir. Valid values are "OnRootMismatch" and "Always". If not specified, "Always" is used. Note that this field cannot be set when spec.os.name is windows.\n\nPossible enum values:\n - `"Always"` indicates that volume\'s ownership and permissions should always be changed whenever volume is mounted inside a Pod. This the default behavior.\n - `"OnRootMismatch"` indicates that volume\'s ownership and permissions will be changed only when permission and ownership of root directory does not match with expected permissions on the volume. This can help shorten the time it takes to change ownership and permissions of a volume.', { enum: ['Always', 'OnRootMismatch'] }),
        runAsGroup: int64('The GID to run the entrypoint of the container process. Uses runtime default if unset. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows.'),
        runAsNonRoot: bool('Indicates that the container must run as a non-root user. If true, the Kubelet will validate the image at runtime to ensure that it does not run as UID 0 (root) and fail to start the container if it does. If unset or false, no such validation will be performed. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence.'),
        runAsUser: int64('The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows.'),
        seLinuxChangePolicy: str('seLinuxChangePolicy defines how the container\'s SELinux label is applied to all volumes used by the Pod. It has no effect on nodes that do not support SELinux or to volumes does not support SELinux. Valid values are "MountOption" and "Recursive".\n\n"Recursive" means relabeling of all files on all Pod volumes by the container runtime. This may be slow for large volumes, but allows mixing privileged and unprivileged Pods sharing the same volume on the same node.\n\n"MountOption" mounts all eligible Pod volumes with `-o context` mount option. This requires all Pods that share the same volume to use the same SELinux label. It is not possible to share the same volume among privileged and unprivileged Pods. Eligible volumes are in-tree FibreChannel and iSCSI volumes, and all CSI volumes whose CSI driver announces SELinux support by setting spec.seLinuxMount: true in their CSIDriver instance. Other volumes are always re-labelled recursively. "MountOption" value is allowed only when SELinuxMount feature gate is enabled.\n\nIf not specified and SELinuxMount feature gate is enabled, "MountOption" is used. If not specified and SELinuxMount feature gate is disabled, "MountOption" is used for ReadWriteOncePod volumes and "Recursive" for all other volumes.\n\nThis field affects only Pods that have SELinux label set, either in PodSecurityContext or in SecurityContext of all containers.\n\nAll Pods that use the same volume should use the same seLinuxChangePolicy, otherwise some pods can get stuck in ContainerCreating state. Note that this field cannot be set when spec.os.name is windows.'),
        seLinuxOptions: ref('io.k8s.api.core.v1.SELinuxOptions', 'The SELinux context to be applied to all containers. If unspecified, the container runtime will allocate a random SELinux context for each container.  May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows.'),
        seccompProfile: ref('io.k8s.api.core.v1.SeccompProfile', 'The seccomp options to use by the containers in this pod. Note that this field cannot be set when spec.os.name is windows.'),
        supplementalGroups: arr(int64(), { description: 'A list of groups applied to the first process run in each container, in addition to the container\'s primary GID and fsGroup (if specified).  If the SupplementalGroupsPolicy feature is enabled, the supplementalGroupsPolicy field determines whether these are in addition to or instead of any group memberships defined in the container image. If unspecified, no additional groups are added, though group memberships defined in the container image may still be used, depending on the supplementalGroupsPolicy field. Note that this field cannot be set when spec.os.name is windows.', listType: 'atomic' }),
        supplementalGroupsPolicy: str('Defines how supplemental groups of the first container processes are calculated. Valid values are "Merge" and "Strict". If not specified, "Merge" is used. (Alpha) Using the field requires the SupplementalGroupsPolicy feature gate to be enabled and the container runtime must implement support for this feature. Note that this field cannot be set when spec.os.name is windows.\n\nPossible enum values:\n - `"Merge"` means that the container\'s provided SupplementalGroups and FsGroup (specified in SecurityContext) will be merged with the primary user\'s groups as defined in the container image (in /etc/group).\n - `"Strict"` means that the container\'s provided SupplementalGroups and FsGroup (specified in SecurityContext) will be used instead of any groups defined in the container image.', { enum: ['Merge', 'Strict'] }),
        sysctls: arr(ref('io.k8s.api.core.v1.Sysctl'), { description: 'Sysctls hold a list of namespaced sysctls used for the pod. Pods with unsupported sysctls (by the container runtime) might fail to launch. Note that this field cannot be set when spec.os.name is windows.', listType: 'atomic' }),
        windowsOptions: ref('io.k8s.api.core.v1.WindowsSecurityContextOptions', 'The Windows specific settings applied to all containers. If unspecified, the options within a container\'s SecurityContext will be used. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is linux.'),
      },
      { description: 'PodSecurityContext holds pod-level security attributes and common container settings. Some fields are also present in container.securityContext.  Field values of container.securityContext take precedence over field values of PodSecurityContext.', proto: { tags: { appArmorProfile: 11, fsGroup: 5, fsGroupChangePolicy: 9, runAsGroup: 6, runAsNonRoot: 3, runAsUser: 2, seLinuxChangePolicy: 13, seLinuxOptions: 1, seccompProfile: 10, supplementalGroups: 4, supplementalGroupsPolicy: 12, sysctls: 7, windowsOptions: 8 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodSpec',
    obj(
      {
        activeDeadlineSeconds: int64('Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers. Value must be a positive integer.'),
        affinity: ref('io.k8s.api.core.v1.Affinity', 'If specified, the pod\'s scheduling constraints'),
        automountServiceAccountToken: bool('AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.'),
        containers: arr(ref('io.k8s.api.core.v1.Container'), { description: 'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] }),
        dnsConfig: ref('io.k8s.api.core.v1.PodDNSConfig', 'Specifies the DNS parameters of a pod. Parameters specified here will be merged to the generated DNS configuration based on DNSPolicy.'),
        dnsPolicy: str('Set DNS policy for the pod. Defaults to "ClusterFirst". Valid values are \'ClusterFirstWithHostNet\', \'ClusterFirst\', \'Default\' or \'None\'. DNS parameters given in DNSConfig will be merged with the policy selected with DNSPolicy. To have DNS options set along with hostNetwork, you have to specify DNS policy explicitly to \'ClusterFirstWithHostNet\'.\n\nPossible enum values:\n - `"ClusterFirst"` indicates that the pod should use cluster DNS first unless hostNetwork is true, if it is available, then fall back on the default (as determined by kubelet) DNS settings.\n - `"ClusterFirstWithHostNet"` indicates that the pod should use cluster DNS first, if it is available, then fall back on the default (as determined by kubelet) DNS settings.\n - `"Default"` indicates that the pod should use the default (as determined by kubelet) DNS settings.\n - `"None"` indicates that the pod should use empty DNS settings. DNS parameters such as nameservers and search paths should be defined via DNSConfig.', { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }),
        enableServiceLinks: bool('EnableServiceLinks indicates whether information about services should be injected into pod\'s environment variables, matching the syntax of Docker links. Optional: Defaults to true.'),
        ephemeralContainers: arr(ref('io.k8s.api.core.v1.EphemeralContainer'), { description: 'List of ephemeral containers run in this pod. Ephemeral containers may be run in an existing pod to perform user-initiated actions such as debugging. This list cannot be specified when creating a pod, and it cannot be modified by updating the pod spec. In order to add an ephemeral container to an existing pod, use the pod\'s ephemeralcontainers subresource.', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] }),
        hostAliases: arr(ref('io.k8s.api.core.v1.HostAlias'), { description: 'HostAliases is an optional list of hosts and IPs that will be injected into the pod\'s hosts file if specified.', mergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] }),
        hostIPC: bool('Use the host\'s ipc namespace. Optional: Default to false.'),
        hostNetwork: bool('Host networking requested for this pod. Use the host\'s network namespace. If this option is set, the ports that will be used must be specified. Default to false.'),
        hostPID: bool('Use the host\'s pid namespace. Optional: Default to false.'),
        hostUsers: bool('Use the host\'s user namespace. Optional: Default to true. If set to true or not present, the pod will be run in the host user namespace, useful for when the pod needs a feature only available to the host user namespace, such as loading a kernel module with CAP_SYS_MODULE. When set to false, a new userns is created for the pod. Setting false is useful for mitigating container breakout vulnerabilities even allowing users to run their containers as root without actually having root privileges on the host. This field is alpha-level and is only honored by servers that enable the UserNamespacesSupport feature.'),
        hostname: str('Specifies the hostname of the Pod If not specified, the pod\'s hostname will be set to a system-defined value.'),
        imagePullSecrets: arr(ref('io.k8s.api.core.v1.LocalObjectReference'), { description: 'ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec. If specified, these secrets will be passed to individual puller implementations for them to use. More info: https://kubernetes.io/docs/concepts/containers/images#specifying-imagepullsecrets-on-a-pod', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] }),
        initContainers: arr(ref('io.k8s.api.core.v1.Container'), { description: 'List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started. If any init container fails, the pod is considered to have failed and is handled according to its restartPolicy. The name for an init container or normal container must be unique among all containers. Init containers may not have Lifecycle actions, Readiness probes, Liveness probes, or Startup probes. The resourceRequirements of an init container are taken into account during scheduling by finding the highest request/limit for each resource type, and then using the max of of that value or the sum of the normal containers. Limits are applied to init containers in a similar fashion. Init containers cannot currently be added or removed. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/init-containers/', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] }),
        nodeName: str('NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename'),
        nodeSelector: stringMap('NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node\'s labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/', { mapType: 'atomic' }),
        os: ref('io.k8s.api.core.v1.PodOS', 'Specifies the OS of the containers in the pod. Some pod and container fields are restricted if this is set.\n\nIf the OS field is set to linux, the following fields must be unset: -securityContext.windowsOptions\n\nIf the OS field is set to windows, following fields must be unset: - spec.hostPID - spec.hostIPC - spec.hostUsers - spec.securityContext.appArmorProfile - spec.securityContext.seLinuxOptions - spec.securityContext.seccompProfile - spec.securityContext.fsGroup - spec.securityContext.fsGroupChangePolicy - spec.securityContext.sysctls - spec.shareProcessNamespace - spec.securityContext.runAsUser - spec.securityContext.runAsGroup - spec.securityContext.supplementalGroups - spec.securityContext.supplementalGroupsPolicy - spec.containers[*].securityContext.appArmorProfile - spec.containers[*].securityContext.seLinuxOptions - spec.containers[*].securityContext.seccompProfile - spec.containers[*].securityContext.capabilities - spec.containers[*].securityContext.readOnlyRootFilesystem - spec.containers[*].securityContext.privileged - spec.containers[*].securityContext.allowPrivilegeEscalation - spec.containers[*].securityContext.procMount - spec.containers[*].securityContext.runAsUser - spec.containers[*].securityContext.runAsGroup'),
        overhead: map(quantity(), 'Overhead represents the resource overhead associated with running a pod for a given RuntimeClass. This field will be autopopulated at admission time by the RuntimeClass admission controller. If the RuntimeClass admission controller is enabled, overhead must not be set in Pod create requests. The RuntimeClass admission controller will reject Pod create requests which have the overhead already set. If RuntimeClass is configured and selected in the PodSpec, Overhead will be set to the value defined in the corresponding RuntimeClass, otherwise it will remain unset and treated as zero. More info: https://git.k8s.io/enhancements/keps/sig-node/688-pod-overhead/README.md'),
        preemptionPolicy: str('PreemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.\n\nPossible enum values:\n - `"Never"` means that pod never preempts other pods with lower priority.\n - `"PreemptLowerPriority"` means that pod can preempt other pods with lower priority.', { enum: ['Never', 'PreemptLowerPriority'] }),
        priority: int32('The priority value. Various system components use this field to find the priority of the pod. When Priority Admission Controller is enabled, it prevents users from setting this field. The admission controller populates this field from PriorityClassName. The higher the value, the higher the priority.'),
        priorityClassName: str('If specified, indicates the pod\'s priority. "system-node-critical" and "system-cluster-critical" are two special keywords which indicate the highest priorities with the former being the highest priority. Any other name must be defined by creating a PriorityClass object with that name. If not specified, the pod priority will be default or zero if there is no default.'),
        readinessGates: arr(ref('io.k8s.api.core.v1.PodReadinessGate'), { description: 'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates', listType: 'atomic' }),
        resourceClaims: arr(ref('io.k8s.api.core.v1.PodResourceClaim'), { description: 'ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start. The resources will be made available to those containers which consume them by name.\n\nThis is an alpha field and requires enabling the DynamicResourceAllocation feature gate.\n\nThis field is immutable.', mergeKey: 'name', strategy: 'merge,retainKeys', listType: 'map', listMapKeys: ['name'] }),
        resources: ref('io.k8s.api.core.v1.ResourceRequirements', 'Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for "cpu" and "memory" resource names only. ResourceClaims are not supported.\n\nThis field enables fine-grained control over resource allocation for the entire pod, allowing resource sharing among containers in a pod.\n\nThis is an alpha field and requires enabling the PodLevelResources feature gate.'),
        restartPolicy: str('Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n\nPossible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`', { enum: ['Always', 'Never', 'OnFailure'] }),
        runtimeClassName: str('RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod.  If no RuntimeClass resource matches the named class, the pod will not be run. If unset or empty, the "legacy" RuntimeClass will be used, which is an implicit class with an empty definition that uses the default runtime handler. More info: https://git.k8s.io/enhancements/keps/sig-node/585-runtime-class'),
        schedulerName: str('If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler.'),
        schedulingGates: arr(ref('io.k8s.api.core.v1.PodSchedulingGate'), { description: 'SchedulingGates is an opaque list of values that if specified will block scheduling the pod. If schedulingGates is not empty, the pod will stay in the SchedulingGated state and the scheduler will not attempt to schedule the pod.\n\nSchedulingGates can only be set at pod creation time, and be removed only afterwards.', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] }),
        securityContext: ref('io.k8s.api.core.v1.PodSecurityContext', 'SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.  See type description for default values of each field.'),
        serviceAccount: str('DeprecatedServiceAccount is a deprecated alias for ServiceAccountName. Deprecated: Use serviceAccountName instead.'),
        serviceAccountName: str('ServiceAccountName is the name of the ServiceAccount to use to run this pod. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/'),
        setHostnameAsFQDN: bool('If true the pod\'s hostname will be configured as the pod\'s FQDN, rather than the leaf name (the default). In Linux containers, this means setting the FQDN in the hostname field of the kernel (the nodename field of struct utsname). In Windows containers, this means setting the registry value of hostname for the registry key HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Services\\\\Tcpip\\\\Parameters to FQDN. If a pod does not have FQDN, this has no effect. Default to false.'),
        shareProcessNamespace: bool('Share a single process namespace between all of the containers in a pod. When this is set containers will be able to view and signal processes from other containers in the same pod, and the first process in each container will not be assigned PID 1. HostPID and ShareProcessNamespace cannot both be set. Optional: Default to false.'),
        subdomain: str('If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>". If not specified, the pod will not have a domainname at all.'),
        terminationGracePeriodSeconds: int64('Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). If this value is nil, the default grace period will be used instead. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. Defaults to 30 seconds.'),
        tolerations: arr(ref('io.k8s.api.core.v1.Toleration'), { description: 'If specified, the pod\'s tolerations.', listType: 'atomic' }),
        topologySpreadConstraints: arr(ref('io.k8s.api.core.v1.TopologySpreadConstraint'), { description: 'TopologySpreadConstraints describes how a group of pods ought to spread across topology domains. Scheduler will schedule pods in a way which abides by the constraints. All topologySpreadConstraints are ANDed.', mergeKey: 'topologyKey', listType: 'map', listMapKeys: ['topologyKey', 'whenUnsatisfiable'] }),
        volumes: arr(ref('io.k8s.api.core.v1.Volume'), { description: 'List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes', mergeKey: 'name', strategy: 'merge,retainKeys', listType: 'map', listMapKeys: ['name'] }),
      },
      { description: 'PodSpec is a description of a pod.', required: ['containers'], proto: { tags: { activeDeadlineSeconds: 5, affinity: 18, automountServiceAccountToken: 21, containers: 2, dnsConfig: 26, dnsPolicy: 6, enableServiceLinks: 30, ephemeralContainers: 34, hostAliases: 23, hostIPC: 13, hostNetwork: 11, hostPID: 12, hostUsers: 37, hostname: 16, imagePullSecrets: 15, initContainers: 20, nodeName: 10, nodeSelector: 7, os: 36, overhead: 32, preemptionPolicy: 31, priority: 25, priorityClassName: 24, readinessGates: 28, resourceClaims: 39, resources: 40, restartPolicy: 3, runtimeClassName: 29, schedulerName: 19, schedulingGates: 38, securityContext: 14, serviceAccount: 9, serviceAccountName: 8, setHostnameAsFQDN: 35, shareProcessNamespace: 27, subdomain: 17, terminationGracePeriodSeconds: 4, tolerations: 22, topologySpreadConstraints: 33, volumes: 1 }, omitEmpty: ['dnsPolicy', 'hostIPC', 'hostNetwork', 'hostPID', 'hostname', 'nodeName', 'priorityClassName', 'restartPolicy', 'schedulerName', 'serviceAccount', 'serviceAccountName', 'subdomain'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodStatus',
    obj(
      {
        conditions: arr(ref('io.k8s.api.core.v1.PodCondition'), { description: 'Current service state of pod. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        containerStatuses: arr(ref('io.k8s.api.core.v1.ContainerStatus'), { description: 'Statuses of containers in this pod. Each container in the pod should have at most one status in this list, and all statuses should be for containers in the pod. However this is not enforced. If a status for a non-existent container is present in the list, or the list has duplicate names, the behavior of various Kubernetes components is not defined and those statuses might be ignored. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-and-container-status', listType: 'atomic' }),
        ephemeralContainerStatuses: arr(ref('io.k8s.api.core.v1.ContainerStatus'), { description: 'Statuses for any ephemeral containers that have run in this pod. Each ephemeral container in the pod should have at most one status in this list, and all statuses should be for containers in the pod. However this is not enforced. If a status for a non-existent container is present in the list, or the list has duplicate names, the behavior of various Kubernetes components is not defined and those statuses might be ignored. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-and-container-status', listType: 'atomic' }),
        hostIP: str('hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet. A pod can be assigned to a node that has a problem in kubelet which in turns mean that HostIP will not be updated even if there is a node is assigned to pod'),
        hostIPs: arr(ref('io.k8s.api.core.v1.HostIP'), { description: 'hostIPs holds the IP addresses allocated to the host. If this field is specified, the first entry must match the hostIP field. This list is empty if the pod has not started yet. A pod can be assigned to a node that has a problem in kubelet which in turns means that HostIPs will not be updated even if there is a node is assigned to this pod.', mergeKey: 'ip', listType: 'atomic' }),
        initContainerStatuses: arr(ref('io.k8s.api.core.v1.ContainerStatus'), { description: 'Statuses of init containers in this pod. The most recent successful non-restartable init container will have ready = true, the most recently started container will have startTime set. Each init container in the pod should have at most one status in this list, and all statuses should be for containers in the pod. However this is not enforced. If a status for a non-existent container is present in the list, or the list has duplicate names, the behavior of various Kubernetes components is not defined and those statuses might be ignored. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-and-container-status', listType: 'atomic' }),
        message: str('A human readable message indicating details about why the pod is in this condition.'),
        nominatedNodeName: str('nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.'),
        phase: str('The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle. The conditions array, the reason and message fields, and the individual container status arrays contain more detail about the pod\'s status. There are five possible phase values:\n\nPending: The pod has been accepted by the Kubernetes system, but one or more of the container images has not been created. This includes time before being scheduled as well as time spent downloading images over the network, which could take a while. Running: The pod has been bound to a node, and all of the containers have been created. At least one container is still running, or is in the process of starting or restarting. Succeeded: All containers in the pod have terminated in success, and will not be restarted. Failed: All containers in the pod have terminated, and at least one container has terminated in failure. The container either exited with non-zero status or was terminated by the system. Unknown: For some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod.\n\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-phase\n\nPossible enum values:\n - `"Failed"` means that all containers in the pod have terminated, and at least one container has terminated in a failure (exited with a non-zero exit code or was stopped by the system).\n - `"Pending"` means the pod has been accepted by the system, but one or more of the containers has not been started. This includes time before being bound to a node, as well as time spent pulling images onto the host.\n - `"Running"` means the pod has been bound to a node and all of the containers have been started. At least one container is still running or is in the process of being restarted.\n - `"Succeeded"` means that all containers in the pod have voluntarily terminated with a container exit code of 0, and the system is not going to restart any of these containers.\n - `"Unknown"` means that for some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod. Deprecated: It isn\'t being set since 2015 (74da3b14b0c0f658b3bb8d2def5094686d0e9095)', { enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'] }),
        podIP: str('podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
        podIPs: arr(ref('io.k8s.api.core.v1.PodIP'), { description: 'podIPs holds the IP addresses allocated to the pod. If this field is specified, the 0th entry must match the podIP field. Pods may be allocated at most 1 value for each of IPv4 and IPv6. This list is empty if no IPs have been allocated yet.', mergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] }),
        qosClass: str('The Quality of Service (QOS) classification assigned to the pod based on resource requirements See PodQOSClass type for available QOS classes More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#quality-of-service-classes\n\nPossible enum values:\n - `"BestEffort"` is the BestEffort qos class.\n - `"Burstable"` is the Burstable qos class.\n - `"Guaranteed"` is the Guaranteed qos class.', { enum: ['BestEffort', 'Burstable', 'Guaranteed'] }),
        reason: str('A brief CamelCase message indicating details about why the pod is in this state. e.g. \'Evicted\''),
        resize: str('Status of resources resize desired for pod\'s containers. It is empty if no resources resize is pending. Any changes to container resources will automatically set this to "Proposed"'),
        resourceClaimStatuses: arr(ref('io.k8s.api.core.v1.PodResourceClaimStatus'), { description: 'Status of resource claims.', mergeKey: 'name', strategy: 'merge,retainKeys', listType: 'map', listMapKeys: ['name'] }),
        startTime: time('RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod.'),
      },
      { description: 'PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.', proto: { tags: { conditions: 2, containerStatuses: 8, ephemeralContainerStatuses: 13, hostIP: 5, hostIPs: 16, initContainerStatuses: 10, message: 3, nominatedNodeName: 11, phase: 1, podIP: 6, podIPs: 12, qosClass: 9, reason: 4, resize: 14, resourceClaimStatuses: 15, startTime: 7 }, omitEmpty: ['hostIP', 'message', 'nominatedNodeName', 'phase', 'podIP', 'qosClass', 'reason', 'resize'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.PodTemplateSpec',
    obj(
      {
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.core.v1.PodSpec', 'Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'PodTemplateSpec describes the data a pod should have when created from a template', proto: { tags: { metadata: 1, spec: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ResourceHealth',
    obj(
      {
        health: str('Health of the resource. can be one of:\n - Healthy: operates as normal\n - Unhealthy: reported unhealthy. We consider this a temporary health issue\n              since we do not have a mechanism today to distinguish\n              temporary and permanent issues.\n - Unknown: The status cannot be determined.\n            For example, Device Plugin got unregistered and hasn\'t been re-registered since.\n\nIn future we may want to introduce the PermanentlyUnhealthy Status.'),
        resourceID: str('ResourceID is the unique identifier of the resource. See the ResourceID type for more information.'),
      },
      { description: 'ResourceHealth represents the health of a resource. It has the latest device health information. This is a part of KEP https://kep.k8s.io/4680.', required: ['resourceID'], proto: { tags: { health: 2, resourceID: 1 }, omitEmpty: ['health'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ResourceStatus',
    obj(
      {
        name: str('Name of the resource. Must be unique within the pod and in case of non-DRA resource, match one of the resources from the pod spec. For DRA resources, the value must be "claim:<claim_name>/<request>". When this status is reported about a container, the "claim_name" and "request" must match one of the claims of this container.'),
        resources: arr(ref('io.k8s.api.core.v1.ResourceHealth'), { description: 'List of unique resources health. Each element in the list contains an unique resource ID and its health. At a minimum, for the lifetime of a Pod, resource ID must uniquely identify the resource allocated to the Pod on the Node. If other Pod on the same Node reports the status with the same resource ID, it must be the same resource they share. See ResourceID type definition for a specific format it has in various use cases.', listType: 'map', listMapKeys: ['resourceID'] }),
      },
      { description: 'ResourceStatus represents the status of a single resource allocated to a Pod.', required: ['name'], proto: { tags: { name: 1, resources: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.Sysctl',
    obj(
      {
        name: str('Name of a property to set'),
        value: str('Value of a property to set'),
      },
      { description: 'Sysctl defines a kernel parameter to be set', required: ['name', 'value'], proto: { tags: { name: 1, value: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.VolumeMountStatus',
    obj(
      {
        mountPath: str('MountPath corresponds to the original VolumeMount.'),
        name: str('Name corresponds to the name of the original VolumeMount.'),
        readOnly: bool('ReadOnly corresponds to the original VolumeMount.'),
        recursiveReadOnly: str('RecursiveReadOnly must be set to Disabled, Enabled, or unspecified (for non-readonly mounts). An IfPossible value in the original VolumeMount must be translated to Disabled or Enabled, depending on the mount result.'),
      },
      { description: 'VolumeMountStatus shows status of volume mounts.', required: ['name', 'mountPath'], proto: { tags: { mountPath: 2, name: 1, readOnly: 3, recursiveReadOnly: 4 }, omitEmpty: ['readOnly'] } },
    ),
  ),
];
