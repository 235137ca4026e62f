/**
 * Schemas of core/v1 Container and what it is made of: ports, env, resources, probes, lifecycle, security context, volume mounts.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, bool, def, int32, int64, intOrString, map, obj, quantity, ref, str, type Definition } from './dsl';

/** The definitions of core/v1 Container and what it is made of. */
export const coreV1ContainerDefinitions: Definition[] = [
  def(
    'io.k8s.api.core.v1.AppArmorProfile',
    obj(
      {
        localhostProfile: str('localhostProfile indicates a profile loaded on the node that should be used. The profile must be preconfigured on the node to work. Must match the loaded name of the profile. Must be set if and only if type is "Localhost".'),
        type: str('type indicates which kind of AppArmor profile will be applied. Valid options are:\n  Localhost - a profile pre-loaded on the node.\n  RuntimeDefault - the container runtime\'s default profile.\n  Unconfined - no AppArmor enforcement.\n\nPossible enum values:\n - `"Localhost"` indicates that a profile pre-loaded on the node should be used.\n - `"RuntimeDefault"` indicates that the container runtime\'s default AppArmor profile should be used.\n - `"Unconfined"` indicates that no AppArmor profile should be enforced.', { enum: ['Localhost', 'RuntimeDefault', 'Unconfined'] }),
      },
      { description: 'AppArmorProfile defines a pod or container\'s AppArmor settings.', required: ['type'], proto: { tags: { localhostProfile: 2, type: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.Capabilities',
    obj(
      {
        add: arr(str(), { description: 'Added capabilities', listType: 'atomic' }),
        drop: arr(str(), { description: 'Removed capabilities', listType: 'atomic' }),
      },
      { description: 'Adds and removes POSIX capabilities from running containers.', proto: { tags: { add: 1, drop: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ConfigMapEnvSource',
    obj(
      {
        name: str('Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
        optional: bool('Specify whether the ConfigMap must be defined'),
      },
      { description: 'ConfigMapEnvSource selects a ConfigMap to populate the environment variables with.\n\nThe contents of the target ConfigMap\'s Data field will represent the key-value pairs as environment variables.', proto: { tags: { name: [1, 1], optional: 2 }, omitEmpty: ['name'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ConfigMapKeySelector',
    obj(
      {
        key: str('The key to select.'),
        name: str('Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
        optional: bool('Specify whether the ConfigMap or its key must be defined'),
      },
      { description: 'Selects a key from a ConfigMap.', required: ['key'], mapType: 'atomic', proto: { tags: { key: 2, name: [1, 1], optional: 3 }, omitEmpty: ['name'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.Container',
    obj(
      {
        args: arr(str(), { description: 'Arguments to the entrypoint. The container image\'s CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container\'s environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell', listType: 'atomic' }),
        command: arr(str(), { description: 'Entrypoint array. Not executed within a shell. The container image\'s ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container\'s environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell', listType: 'atomic' }),
        env: arr(ref('io.k8s.api.core.v1.EnvVar'), { description: 'List of environment variables to set in the container. Cannot be updated.', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] }),
        envFrom: arr(ref('io.k8s.api.core.v1.EnvFromSource'), { description: 'List of sources to populate environment variables in the container. The keys defined within a source must be a C_IDENTIFIER. All invalid keys will be reported as an event when the container is starting. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated.', listType: 'atomic' }),
        image: str('Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.'),
        imagePullPolicy: str('Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n - `"Always"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on disk. Container will fail if the image isn\'t present and the pull fails.\n - `"Never"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn\'t present', { enum: ['Always', 'IfNotPresent', 'Never'] }),
        lifecycle: ref('io.k8s.api.core.v1.Lifecycle', 'Actions that the management system should take in response to container lifecycle events. Cannot be updated.'),
        livenessProbe: ref('io.k8s.api.core.v1.Probe', 'Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes'),
        name: str('Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.'),
        ports: arr(ref('io.k8s.api.core.v1.ContainerPort'), { description: 'List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default "0.0.0.0" address inside a container will be accessible from the network. Modifying this array with strategic merge patch may corrupt the data. For more information See https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.', mergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] }),
        readinessProbe: ref('io.k8s.api.core.v1.Probe', 'Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes'),
        resizePolicy: arr(ref('io.k8s.api.core.v1.ContainerResizePolicy'), { description: 'Resources resize policy for the container.', listType: 'atomic' }),
        resources: ref('io.k8s.api.core.v1.ResourceRequirements', 'Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'),
        restartPolicy: str('RestartPolicy defines the restart behavior of individual containers in a pod. This field may only be set for init containers, and the only allowed value is "Always". For non-init containers or when this field is not specified, the restart behavior is defined by the Pod\'s restart policy and the container type. Setting the RestartPolicy as "Always" for the init container will have the following effect: this init container will be continually restarted on exit until all regular containers have terminated. Once all regular containers have completed, all init containers with restartPolicy "Always" will be shut down. This lifecycle differs from normal init containers and is often referred to as a "sidecar" container. Although this init container still starts in the init container sequence, it does not wait for the container to complete before proceeding to the next init container. Instead, the next init container starts immediately after this init container is started, or after any startupProbe has successfully completed.'),
        securityContext: ref('io.k8s.api.core.v1.SecurityContext', 'SecurityContext defines the security options the container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext. More info: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'),
        startupProbe: ref('io.k8s.api.core.v1.Probe', 'StartupProbe indicates that the Pod has successfully initialized. If specified, no other probes are executed until this completes successfully. If this probe fails, the Pod will be restarted, just as if the livenessProbe failed. This can be used to provide different probe parameters at the beginning of a Pod\'s lifecycle, when it might take a long time to load data or warm a cache, than during steady-state operation. This cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes'),
        stdin: bool('Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.'),
        stdinOnce: bool('Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false'),
        terminationMessagePath: str('Optional: Path at which the file to which the container\'s termination message will be written is mounted into the container\'s filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated.'),
        terminationMessagePolicy: str('Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.\n\nPossible enum values:\n - `"FallbackToLogsOnError"` will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.\n - `"File"` is the default behavior and will set the container status message to the contents of the container\'s terminationMessagePath when the container exits.', { enum: ['FallbackToLogsOnError', 'File'] }),
        tty: bool('Whether this container should allocate a TTY for itself, also requires \'stdin\' to be true. Default is false.'),
        volumeDevices: arr(ref('io.k8s.api.core.v1.VolumeDevice'), { description: 'volumeDevices is the list of block devices to be used by the container.', mergeKey: 'devicePath', listType: 'map', listMapKeys: ['devicePath'] }),
        volumeMounts: arr(ref('io.k8s.api.core.v1.VolumeMount'), { description: 'Pod volumes to mount into the container\'s filesystem. Cannot be updated.', mergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] }),
        workingDir: str('Container\'s working directory. If not specified, the container runtime\'s default will be used, which might be configured in the container image. Cannot be updated.'),
      },
      { description: 'A single application container that you want to run within a pod.', required: ['name'], proto: { tags: { args: 4, command: 3, env: 7, envFrom: 19, image: 2, imagePullPolicy: 14, lifecycle: 12, livenessProbe: 10, name: 1, ports: 6, readinessProbe: 11, resizePolicy: 23, resources: 8, restartPolicy: 24, securityContext: 15, startupProbe: 22, stdin: 16, stdinOnce: 17, terminationMessagePath: 13, terminationMessagePolicy: 20, tty: 18, volumeDevices: 21, volumeMounts: 9, workingDir: 5 }, omitEmpty: ['image', 'imagePullPolicy', 'stdin', 'stdinOnce', 'terminationMessagePath', 'terminationMessagePolicy', 'tty', 'workingDir'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ContainerPort',
    obj(
      {
        containerPort: int32('Number of port to expose on the pod\'s IP address. This must be a valid port number, 0 < x < 65536.'),
        hostIP: str('What host IP to bind the external port to.'),
        hostPort: int32('Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this.'),
        name: str('If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.'),
        protocol: str('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".\n\nPossible enum values:\n - `"SCTP"` is the SCTP protocol.\n - `"TCP"` is the TCP protocol.\n - `"UDP"` is the UDP protocol.', { enum: ['SCTP', 'TCP', 'UDP'] }),
      },
      { description: 'ContainerPort represents a network port in a single container.', required: ['containerPort'], proto: { tags: { containerPort: 3, hostIP: 5, hostPort: 2, name: 1, protocol: 4 }, omitEmpty: ['hostIP', 'hostPort', 'name', 'protocol'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ContainerResizePolicy',
    obj(
      {
        resourceName: str('Name of the resource to which this resource resize policy applies. Supported values: cpu, memory.'),
        restartPolicy: str('Restart policy to apply when specified resource is resized. If not specified, it defaults to NotRequired.'),
      },
      { description: 'ContainerResizePolicy represents resource resize policy for the container.', required: ['resourceName', 'restartPolicy'], proto: { tags: { resourceName: 1, restartPolicy: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.EnvFromSource',
    obj(
      {
        configMapRef: ref('io.k8s.api.core.v1.ConfigMapEnvSource', 'The ConfigMap to select from'),
        prefix: str('An optional identifier to prepend to each key in the ConfigMap. Must be a C_IDENTIFIER.'),
        secretRef: ref('io.k8s.api.core.v1.SecretEnvSource', 'The Secret to select from'),
      },
      { description: 'EnvFromSource represents the source of a set of ConfigMaps', proto: { tags: { configMapRef: 2, prefix: 1, secretRef: 3 }, omitEmpty: ['prefix'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.EnvVar',
    obj(
      {
        name: str('Name of the environment variable. Must be a C_IDENTIFIER.'),
        value: str('Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Defaults to "".'),
        valueFrom: ref('io.k8s.api.core.v1.EnvVarSource', 'Source for the environment variable\'s value. Cannot be used if value is not empty.'),
      },
      { description: 'EnvVar represents an environment variable present in a Container.', required: ['name'], proto: { tags: { name: 1, value: 2, valueFrom: 3 }, omitEmpty: ['value'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.EnvVarSource',
    obj(
      {
        configMapKeyRef: ref('io.k8s.api.core.v1.ConfigMapKeySelector', 'Selects a key of a ConfigMap.'),
        fieldRef: ref('io.k8s.api.core.v1.ObjectFieldSelector', 'Selects a field of the pod: supports metadata.name, metadata.namespace, `metadata.labels[\'<KEY>\']`, `metadata.annotations[\'<KEY>\']`, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs.'),
        resourceFieldRef: ref('io.k8s.api.core.v1.ResourceFieldSelector', 'Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory and requests.ephemeral-storage) are currently supported.'),
        secretKeyRef: ref('io.k8s.api.core.v1.SecretKeySelector', 'Selects a key of a secret in the pod\'s namespace'),
      },
      { description: 'EnvVarSource represents a source for the value of an EnvVar.', proto: { tags: { configMapKeyRef: 3, fieldRef: 1, resourceFieldRef: 2, secretKeyRef: 4 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.EphemeralContainer',
    obj(
      {
        args: arr(str(), { description: 'Arguments to the entrypoint. The image\'s CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container\'s environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell', listType: 'atomic' }),
        command: arr(str(), { description: 'Entrypoint array. Not executed within a shell. The image\'s ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container\'s environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell', listType: 'atomic' }),
        env: arr(ref('io.k8s.api.core.v1.EnvVar'), { description: 'List of environment variables to set in the container. Cannot be updated.', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] }),
        envFrom: arr(ref('io.k8s.api.core.v1.EnvFromSource'), { description: 'List of sources to populate environment variables in the container. The keys defined within a source must be a C_IDENTIFIER. All invalid keys will be reported as an event when the container is starting. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated.', listType: 'atomic' }),
        image: str('Container image name. More info: https://kubernetes.io/docs/concepts/containers/images'),
        imagePullPolicy: str('Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images'),
        lifecycle: ref('io.k8s.api.core.v1.Lifecycle', 'Lifecycle is not allowed for ephemeral containers.'),
        livenessProbe: ref('io.k8s.api.core.v1.Probe', 'Probes are not allowed for ephemeral containers.'),
        name: str('Name of the ephemeral container specified as a DNS_LABEL. This name must be unique among all containers, init containers and ephemeral containers.'),
        ports: arr(ref('io.k8s.api.core.v1.ContainerPort'), { description: 'Ports are not allowed for ephemeral containers.', mergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] }),
        readinessProbe: ref('io.k8s.api.core.v1.Probe', 'Probes are not allowed for ephemeral containers.'),
        resizePolicy: arr(ref('io.k8s.api.core.v1.ContainerResizePolicy'), { description: 'Resources resize policy for the container.', listType: 'atomic' }),
        resources: ref('io.k8s.api.core.v1.ResourceRequirements', 'Resources are not allowed for ephemeral containers. Ephemeral containers use spare resources already allocated to the pod.'),
        restartPolicy: str('Restart policy for the container to manage the restart behavior of each container within a pod. This may only be set for init containers. You cannot set this field on ephemeral containers.'),
        securityContext: ref('io.k8s.api.core.v1.SecurityContext', 'Optional: SecurityContext defines the security options the ephemeral container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext.'),
        startupProbe: ref('io.k8s.api.core.v1.Probe', 'Probes are not allowed for ephemeral containers.'),
        stdin: bool('Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.'),
        stdinOnce: bool('Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false'),
        targetContainerName: str('If set, the name of the container from PodSpec that this ephemeral container targets. The ephemeral container will be run in the namespaces (IPC, PID, etc) of this container. If not set then the ephemeral container uses the namespaces configured in the Pod spec.\n\nThe container runtime must implement support for this feature. If the runtime does not support namespace targeting then the result of setting this field is undefined.'),
        terminationMessagePath: str('Optional: Path at which the file to which the container\'s termination message will be written is mounted into the container\'s filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated.'),
        terminationMessagePolicy: str('Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.'),
        tty: bool('Whether this container should allocate a TTY for itself, also requires \'stdin\' to be true. Default is false.'),
        volumeDevices: arr(ref('io.k8s.api.core.v1.VolumeDevice'), { description: 'volumeDevices is the list of block devices to be used by the container.', mergeKey: 'devicePath', listType: 'map', listMapKeys: ['devicePath'] }),
        volumeMounts: arr(ref('io.k8s.api.core.v1.VolumeMount'), { description: 'Pod volumes to mount into the container\'s filesystem. Subpath mounts are not allowed for ephemeral containers. Cannot be updated.', mergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] }),
        workingDir: str('Container\'s working directory. If not specified, the container runtime\'s default will be used, which might be configured in the container image. Cannot be updated.'),
      },
      { description: 'An EphemeralContainer is a temporary container that you may add to an existing Pod for user-initiated activities such as debugging. Ephemeral containers have no resource or scheduling guarantees, and they will not be restarted when they exit or when a Pod is removed or restarted. The kubelet may evict a Pod if an ephemeral container causes the Pod to exceed its resource allocation.\n\nTo add an ephemeral container, use the ephemeralcontainers subresource of an existing Pod. Ephemeral containers may not be removed or restarted.', required: ['name'], proto: { tags: { args: [1, 4], command: [1, 3], env: [1, 7], envFrom: [1, 19], image: [1, 2], imagePullPolicy: [1, 14], lifecycle: [1, 12], livenessProbe: [1, 10], name: [1, 1], ports: [1, 6], readinessProbe: [1, 11], resizePolicy: [1, 23], resources: [1, 8], restartPolicy: [1, 24], securityContext: [1, 15], startupProbe: [1, 22], stdin: [1, 16], stdinOnce: [1, 17], targetContainerName: 2, terminationMessagePath: [1, 13], terminationMessagePolicy: [1, 20], tty: [1, 18], volumeDevices: [1, 21], volumeMounts: [1, 9], workingDir: [1, 5] }, omitEmpty: ['image', 'imagePullPolicy', 'stdin', 'stdinOnce', 'targetContainerName', 'terminationMessagePath', 'terminationMessagePolicy', 'tty', 'workingDir'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ExecAction',
    obj(
      {
        command: arr(str(), { description: 'Command is the command line to execute inside the container, the working directory for the command  is root (\'/\') in the container\'s filesystem. The command is simply exec\'d, it is not run inside a shell, so traditional shell instructions (\'|\', etc) won\'t work. To use a shell, you need to explicitly call out to that shell. Exit status of 0 is treated as live/healthy and non-zero is unhealthy.', listType: 'atomic' }),
      },
      { description: 'ExecAction describes a "run in container" action.', proto: { tags: { command: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.GRPCAction',
    obj(
      {
        port: int32('Port number of the gRPC service. Number must be in the range 1 to 65535.'),
        service: str('Service is the name of the service to place in the gRPC HealthCheckRequest (see https://github.com/grpc/grpc/blob/master/doc/health-checking.md).\n\nIf this is not specified, the default behavior is defined by gRPC.'),
      },
      { description: 'GRPCAction specifies an action involving a GRPC service.', required: ['port'], proto: { tags: { port: 1, service: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.HTTPGetAction',
    obj(
      {
        host: str('Host name to connect to, defaults to the pod IP. You probably want to set "Host" in httpHeaders instead.'),
        httpHeaders: arr(ref('io.k8s.api.core.v1.HTTPHeader'), { description: 'Custom headers to set in the request. HTTP allows repeated headers.', listType: 'atomic' }),
        path: str('Path to access on the HTTP server.'),
        port: intOrString('Name or number of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.'),
        scheme: str('Scheme to use for connecting to the host. Defaults to HTTP.\n\nPossible enum values:\n - `"HTTP"` means that the scheme used will be http://\n - `"HTTPS"` means that the scheme used will be https://', { enum: ['HTTP', 'HTTPS'] }),
      },
      { description: 'HTTPGetAction describes an action based on HTTP Get requests.', required: ['port'], proto: { tags: { host: 3, httpHeaders: 5, path: 1, port: 2, scheme: 4 }, omitEmpty: ['host', 'path', 'scheme'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.HTTPHeader',
    obj(
      {
        name: str('The header field name. This will be canonicalized upon output, so case-variant names will be understood as the same header.'),
        value: str('The header field value'),
      },
      { description: 'HTTPHeader describes a custom header to be used in HTTP probes', required: ['name', 'value'], proto: { tags: { name: 1, value: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.Lifecycle',
    obj(
      {
        postStart: ref('io.k8s.api.core.v1.LifecycleHandler', 'PostStart is called immediately after a container is created. If the handler fails, the container is terminated and restarted according to its restart policy. Other management of the container blocks until the hook completes. More info: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks'),
        preStop: ref('io.k8s.api.core.v1.LifecycleHandler', 'PreStop is called immediately before a container is terminated due to an API request or management event such as liveness/startup probe failure, preemption, resource contention, etc. The handler is not called if the container crashes or exits. The Pod\'s termination grace period countdown begins before the PreStop hook is executed. Regardless of the outcome of the handler, the container will eventually terminate within the Pod\'s termination grace period (unless delayed by finalizers). Other management of the container blocks until the hook completes or until the termination grace period is reached. More info: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks'),
      },
      { description: 'Lifecycle describes actions that the management system should take in response to container lifecycle events. For the PostStart and PreStop lifecycle handlers, management of the container blocks until the action is complete, unless the container process fails, in which case the handler is aborted.', proto: { tags: { postStart: 1, preStop: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.LifecycleHandler',
    obj(
      {
        exec: ref('io.k8s.api.core.v1.ExecAction', 'Exec specifies a command to execute in the container.'),
        httpGet: ref('io.k8s.api.core.v1.HTTPGetAction', 'HTTPGet specifies an HTTP GET request to perform.'),
        sleep: ref('io.k8s.api.core.v1.SleepAction', 'Sleep represents a duration that the container should sleep.'),
        tcpSocket: ref('io.k8s.api.core.v1.TCPSocketAction', 'Deprecated. TCPSocket is NOT supported as a LifecycleHandler and kept for backward compatibility. There is no validation of this field and lifecycle hooks will fail at runtime when it is specified.'),
      },
      { description: 'LifecycleHandler defines a specific action that should be taken in a lifecycle hook. One and only one of the fields, except TCPSocket must be specified.', proto: { tags: { exec: 1, httpGet: 2, sleep: 4, tcpSocket: 3 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ObjectFieldSelector',
    obj(
      {
        apiVersion: str('Version of the schema the FieldPath is written in terms of, defaults to "v1".'),
        fieldPath: str('Path of the field to select in the specified API version.'),
      },
      { description: 'ObjectFieldSelector selects an APIVersioned field of an object.', required: ['fieldPath'], mapType: 'atomic', proto: { tags: { apiVersion: 1, fieldPath: 2 }, omitEmpty: ['apiVersion'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.Probe',
    obj(
      {
        exec: ref('io.k8s.api.core.v1.ExecAction', 'Exec specifies a command to execute in the container.'),
        failureThreshold: int32('Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1.'),
        grpc: ref('io.k8s.api.core.v1.GRPCAction', 'GRPC specifies a GRPC HealthCheckRequest.'),
        httpGet: ref('io.k8s.api.core.v1.HTTPGetAction', 'HTTPGet specifies an HTTP GET request to perform.'),
        initialDelaySeconds: int32('Number of seconds after the container has started before liveness probes are initiated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes'),
        periodSeconds: int32('How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1.'),
        successThreshold: int32('Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1. Must be 1 for liveness and startup. Minimum value is 1.'),
        tcpSocket: ref('io.k8s.api.core.v1.TCPSocketAction', 'TCPSocket specifies a connection to a TCP port.'),
        terminationGracePeriodSeconds: int64('Optional duration in seconds the pod needs to terminate gracefully upon probe failure. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. If this value is nil, the pod\'s terminationGracePeriodSeconds will be used. Otherwise, this value overrides the value provided by the pod spec. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). This is a beta field and requires enabling ProbeTerminationGracePeriod feature gate. Minimum value is 1. spec.terminationGracePeriodSeconds is used if unset.'),
        timeoutSeconds: int32('Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes'),
      },
      { description: 'Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.', proto: { tags: { exec: [1, 1], failureThreshold: 6, grpc: [1, 4], httpGet: [1, 2], initialDelaySeconds: 2, periodSeconds: 4, successThreshold: 5, tcpSocket: [1, 3], terminationGracePeriodSeconds: 7, timeoutSeconds: 3 }, omitEmpty: ['failureThreshold', 'initialDelaySeconds', 'periodSeconds', 'successThreshold', 'timeoutSeconds'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ResourceClaim',
    obj(
      {
        name: str('Name must match the name of one entry in pod.spec.resourceClaims of the Pod where this field is used. It makes that resource available inside a container.'),
        request: str('Request is the name chosen for a request in the referenced claim. If empty, everything from the claim is made available, otherwise only the result of this request.'),
      },
      { description: 'ResourceClaim references one entry in PodSpec.ResourceClaims.', required: ['name'], proto: { tags: { name: 1, request: 2 }, omitEmpty: ['request'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ResourceFieldSelector',
    obj(
      {
        containerName: str('Container name: required for volumes, optional for env vars'),
        divisor: quantity('Specifies the output format of the exposed resources, defaults to "1"'),
        resource: str('Required: resource to select'),
      },
      { description: 'ResourceFieldSelector represents container resources (cpu, memory) and their output format', required: ['resource'], mapType: 'atomic', proto: { tags: { containerName: 1, divisor: 3, resource: 2 }, omitEmpty: ['containerName'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ResourceRequirements',
    obj(
      {
        claims: arr(ref('io.k8s.api.core.v1.ResourceClaim'), { description: 'Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.\n\nThis is an alpha field and requires enabling the DynamicResourceAllocation feature gate.\n\nThis field is immutable. It can only be set for containers.', listType: 'map', listMapKeys: ['name'] }),
        limits: map(quantity(), 'Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'),
        requests: map(quantity(), 'Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'),
      },
      { description: 'ResourceRequirements describes the compute resource requirements.', proto: { tags: { claims: 3, limits: 1, requests: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.SELinuxOptions',
    obj(
      {
        level: str('Level is SELinux level label that applies to the container.'),
        role: str('Role is a SELinux role label that applies to the container.'),
        type: str('Type is a SELinux type label that applies to the container.'),
        user: str('User is a SELinux user label that applies to the container.'),
      },
      { description: 'SELinuxOptions are the labels to be applied to the container', proto: { tags: { level: 4, role: 2, type: 3, user: 1 }, omitEmpty: ['level', 'role', 'type', 'user'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.SeccompProfile',
    obj(
      {
        localhostProfile: str('localhostProfile indicates a profile defined in a file on the node should be used. The profile must be preconfigured on the node to work. Must be a descending path, relative to the kubelet\'s configured seccomp profile location. Must be set if type is "Localhost". Must NOT be set for any other type.'),
        type: str('type indicates which kind of seccomp profile will be applied. Valid options are:\n\nLocalhost - a profile defined in a file on the node should be used. RuntimeDefault - the container runtime default profile should be used. Unconfined - no profile should be applied.\n\nPossible enum values:\n - `"Localhost"` indicates a profile defined in a file on the node should be used. The file\'s location relative to <kubelet-root-dir>/seccomp.\n - `"RuntimeDefault"` represents the default container runtime seccomp profile.\n - `"Unconfined"` indicates no seccomp profile is applied (A.K.A. unconfined).', { enum: ['Localhost', 'RuntimeDefault', 'Unconfined'] }),
      },
      { description: 'SeccompProfile defines a pod/container\'s seccomp profile settings. Only one profile source may be set.', required: ['type'], proto: { tags: { localhostProfile: 2, type: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.SecretEnvSource',
    obj(
      {
        name: str('Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
        optional: bool('Specify whether the Secret must be defined'),
      },
      { description: 'SecretEnvSource selects a Secret to populate the environment variables with.\n\nThe contents of the target Secret\'s Data field will represent the key-value pairs as environment variables.', proto: { tags: { name: [1, 1], optional: 2 }, omitEmpty: ['name'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.SecretKeySelector',
    obj(
      {
        key: str('The key of the secret to select from.  Must be a valid secret key.'),
        name: str('Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
        optional: bool('Specify whether the Secret or its key must be defined'),
      },
      { description: 'SecretKeySelector selects a key of a Secret.', required: ['key'], mapType: 'atomic', proto: { tags: { key: 2, name: [1, 1], optional: 3 }, omitEmpty: ['name'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.SecurityContext',
    obj(
      {
        allowPrivilegeEscalation: bool('AllowPrivilegeEscalation controls whether a process can gain more privileges than its parent process. This bool directly controls if the no_new_privs flag will be set on the container process. AllowPrivilegeEscalation is true always when the container is: 1) run as Privileged 2) has CAP_SYS_ADMIN Note that this field cannot be set when spec.os.name is windows.'),
        appArmorProfile: ref('io.k8s.api.core.v1.AppArmorProfile', 'appArmorProfile is the AppArmor options to use by this container. If set, this profile overrides the pod\'s appArmorProfile. Note that this field cannot be set when spec.os.name is windows.'),
        capabilities: ref('io.k8s.api.core.v1.Capabilities', 'The capabilities to add/drop when running containers. Defaults to the default set of capabilities granted by the container runtime. Note that this field cannot be set when spec.os.name is windows.'),
        privileged: bool('Run container in privileged mode. Processes in privileged containers are essentially equivalent to root on the host. Defaults to false. Note that this field cannot be set when spec.os.name is windows.'),
        procMount: str('procMount denotes the type of proc mount to use for the containers. The default value is Default which uses the container runtime defaults for readonly paths and masked paths. This requires the ProcMountType feature flag to be enabled. Note that this field cannot be set when spec.os.name is windows.\n\nPossible enum values:\n - `"Default"` uses the container runtime defaults for readonly and masked paths for /proc. Most container runtimes mask certain paths in /proc to avoid accidental security exposure of special devices or information.\n - `"Unmasked"` bypasses the default masking behavior of the container runtime and ensures the newly created /proc the container stays in tact with no modifications.', { enum: ['Default', 'Unmasked'] }),
        readOnlyRootFilesystem: bool('Whether this container has a read-only root filesystem. Default is false. Note that this field cannot be set when spec.os.name is windows.'),
        runAsGroup: int64('The GID to run the entrypoint of the container process. Uses runtime default if unset. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows.'),
        runAsNonRoot: bool('Indicates that the container must run as a non-root user. If true, the Kubelet will validate the image at runtime to ensure that it does not run as UID 0 (root) and fail to start the container if it does. If unset or false, no such validation will be performed. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence.'),
        runAsUser: int64('The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows.'),
        seLinuxOptions: ref('io.k8s.api.core.v1.SELinuxOptions', 'The SELinux context to be applied to the container. If unspecified, the container runtime will allocate a random SELinux context for each container.  May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows.'),
        seccompProfile: ref('io.k8s.api.core.v1.SeccompProfile', 'The seccomp options to use by this container. If seccomp options are provided at both the pod & container level, the container options override the pod options. Note that this field cannot be set when spec.os.name is windows.'),
        windowsOptions: ref('io.k8s.api.core.v1.WindowsSecurityContextOptions', 'The Windows specific settings applied to all containers. If unspecified, the options from the PodSecurityContext will be used. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is linux.'),
      },
      { description: 'SecurityContext holds security configuration that will be applied to a container. Some fields are present in both SecurityContext and PodSecurityContext.  When both are set, the values in SecurityContext take precedence.', proto: { tags: { allowPrivilegeEscalation: 7, appArmorProfile: 12, capabilities: 1, privileged: 2, procMount: 9, readOnlyRootFilesystem: 6, runAsGroup: 8, runAsNonRoot: 5, runAsUser: 4, seLinuxOptions: 3, seccompProfile: 11, windowsOptions: 10 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.SleepAction',
    obj(
      {
        seconds: int64('Seconds is the number of seconds to sleep.'),
      },
      { description: 'SleepAction describes a "sleep" action.', required: ['seconds'], proto: { tags: { seconds: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.TCPSocketAction',
    obj(
      {
        host: str('Optional: Host name to connect to, defaults to the pod IP.'),
        port: intOrString('Number or name of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.'),
      },
      { description: 'TCPSocketAction describes an action based on opening a socket', required: ['port'], proto: { tags: { host: 2, port: 1 }, omitEmpty: ['host'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.VolumeDevice',
    obj(
      {
        devicePath: str('devicePath is the path inside of the container that the device will be mapped to.'),
        name: str('name must match the name of a persistentVolumeClaim in the pod'),
      },
      { description: 'volumeDevice describes a mapping of a raw block device within a container.', required: ['name', 'devicePath'], proto: { tags: { devicePath: 2, name: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.VolumeMount',
    obj(
      {
        mountPath: str('Path within the container at which the volume should be mounted.  Must not contain \':\'.'),
        mountPropagation: str('mountPropagation determines how mounts are propagated from the host to container and the other way around. When not set, MountPropagationNone is used. This field is beta in 1.10. When RecursiveReadOnly is set to IfPossible or to Enabled, MountPropagation must be None or unspecified (which defaults to None).\n\nPossible enum values:\n - `"Bidirectional"` means that the volume in a container will receive new mounts from the host or other containers, and its own mounts will be propagated from the container to the host or other containers. Note that this mode is recursively applied to all mounts in the volume ("rshared" in Linux terminology).\n - `"HostToContainer"` means that the volume in a container will receive new mounts from the host or other containers, but filesystems mounted inside the container won\'t be propagated to the host or other containers. Note that this mode is recursively applied to all mounts in the volume ("rslave" in Linux terminology).\n - `"None"` means that the volume in a container will not receive new mounts from the host or other containers, and filesystems mounted inside the container won\'t be propagated to the host or other containers. Note that this mode corresponds to "private" in Linux terminology.', { enum: ['Bidirectional', 'HostToContainer', 'None'] }),
        name: str('This must match the Name of a Volume.'),
        readOnly: bool('Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false.'),
        recursiveReadOnly: str('RecursiveReadOnly specifies whether read-only mounts should be handled recursively.\n\nIf ReadOnly is false, this field has no meaning and must be unspecified.\n\nIf ReadOnly is true, and this field is set to Disabled, the mount is not made recursively read-only.  If this field is set to IfPossible, the mount is made recursively read-only, if it is supported by the container runtime.  If this field is set to Enabled, the mount is made recursively read-only if it is supported by the container runtime, otherwise the pod will not be started and an error will be generated to indicate the reason.\n\nIf this field is set to IfPossible or Enabled, MountPropagation must be set to None (or be unspecified, which defaults to None).\n\nIf this field is not specified, it is treated as an equivalent of Disabled.'),
        subPath: str('Path within the volume from which the container\'s volume should be mounted. Defaults to "" (volume\'s root).'),
        subPathExpr: str('Expanded path within the volume from which the container\'s volume should be mounted. Behaves similarly to SubPath but environment variable references $(VAR_NAME) are expanded using the container\'s environment. Defaults to "" (volume\'s root). SubPathExpr and SubPath are mutually exclusive.'),
      },
      { description: 'VolumeMount describes a mounting of a Volume within a container.', required: ['name', 'mountPath'], proto: { tags: { mountPath: 3, mountPropagation: 5, name: 1, readOnly: 2, recursiveReadOnly: 7, subPath: 4, subPathExpr: 6 }, omitEmpty: ['readOnly', 'subPath', 'subPathExpr'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.WindowsSecurityContextOptions',
    obj(
      {
        gmsaCredentialSpec: str('GMSACredentialSpec is where the GMSA admission webhook (https://github.com/kubernetes-sigs/windows-gmsa) inlines the contents of the GMSA credential spec named by the GMSACredentialSpecName field.'),
        gmsaCredentialSpecName: str('GMSACredentialSpecName is the name of the GMSA credential spec to use.'),
        hostProcess: bool('HostProcess determines if a container should be run as a \'Host Process\' container. All of a Pod\'s containers must have the same effective HostProcess value (it is not allowed to have a mix of HostProcess containers and non-HostProcess containers). In addition, if HostProcess is true then HostNetwork must also be set to true.'),
        runAsUserName: str('The UserName in Windows to run the entrypoint of the container process. Defaults to the user specified in image metadata if unspecified. May also be set in PodSecurityContext. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence.'),
      },
      { description: 'WindowsSecurityContextOptions contain Windows-specific options and credentials.', proto: { tags: { gmsaCredentialSpec: 2, gmsaCredentialSpecName: 1, hostProcess: 4, runAsUserName: 3 } } },
    ),
  ),
];
