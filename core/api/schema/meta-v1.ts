/**
 * Schemas of meta/v1 and the apimachinery types every API group uses (io.k8s.apimachinery):
 * ObjectMeta, ListMeta, OwnerReference, ManagedFieldsEntry, Status, DeleteOptions, LabelSelector,
 * Time, Quantity, IntOrString, RawExtension.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { any, arr, bool, def, gvk, int32, int64, intOrString, obj, quantity, ref, str, stringMap, time, type Definition, type Schema } from './dsl';

/** The `apiVersion` field of every kind. */
export const API_VERSION: Schema = str('APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources');
/** The `kind` field of every kind. */
export const KIND: Schema = str('Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds');

/** The definitions of meta/v1 and the apimachinery types every API group uses. */
export const metaV1Definitions: Definition[] = [
  def(
    'io.k8s.apimachinery.pkg.api.resource.Quantity',
    quantity('Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.\n\nThe serialization format is:\n\n``` <quantity>        ::= <signedNumber><suffix>\n\n\t(Note that <suffix> may be empty, from the "" case in <decimalSI>.)\n\n<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= "+" | "-" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei\n\n\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)\n\n<decimalSI>       ::= m | "" | k | M | G | T | P | E\n\n\t(Note that 1024 = 1Ki but 1000 = 1k; I didn\'t choose the capitalization.)\n\n<decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber> ```\n\nNo matter which of the three exponent forms is used, no quantity may represent a number greater than 2^63-1 in magnitude, nor may it have more than 3 decimal places. Numbers larger or more precise will be capped or rounded up. (E.g.: 0.1m will rounded up to 1m.) This may be extended in the future if we require larger or smaller quantities.\n\nWhen a Quantity is parsed from a string, it will remember the type of suffix it had, and will use the same type again when it is serialized.\n\nBefore serializing, Quantity will be put in "canonical form". This means that Exponent/suffix will be adjusted up or down (with a corresponding increase or decrease in Mantissa) such that:\n\n- No precision is lost - No fractional digits will be emitted - The exponent (or suffix) is as large as possible.\n\nThe sign will be omitted unless the number is negative.\n\nExamples:\n\n- 1.5 will be serialized as "1500m" - 1.5Gi will be serialized as "1536Mi"\n\nNote that the quantity will NEVER be internally represented by a floating point number. That is the whole point of this exercise.\n\nNon-canonical values will still parse as long as they are well formed, but will be re-emitted in their canonical form. (So always use canonical form, or don\'t diff.)\n\nThis format is intended to make it difficult to use these numbers without writing some sort of special handling code in the hopes that that will cause implementors to also use a fixed point implementation.'),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        name: str('name is the name of the group.'),
        preferredVersion: ref('io.k8s.apimachinery.pkg.apis.meta.v1.GroupVersionForDiscovery', 'preferredVersion is the version preferred by the API server, which probably is the storage version.'),
        serverAddressByClientCIDRs: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.ServerAddressByClientCIDR'), { description: 'a map of client CIDR to server address that is serving this group. This is to help clients reach servers in the most network-efficient way possible. Clients can use the appropriate server address as per the CIDR that they match. In case of multiple matches, clients should use the longest matching CIDR. The server returns only those CIDRs that it thinks that the client can match. For example: the master will return an internal IP CIDR only, if the client reaches the server using an internal IP. Server looks at X-Forwarded-For header or X-Real-Ip header or request.RemoteAddr (in that order) to get the client IP.', listType: 'atomic' }),
        versions: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.GroupVersionForDiscovery'), { description: 'versions are the versions supported in this group.', listType: 'atomic' }),
      },
      { description: 'APIGroup contains the name, the supported versions, and the preferred version of a group.', required: ['name', 'versions'], proto: { tags: { name: 1, preferredVersion: 3, serverAddressByClientCIDRs: 4, versions: 2 } } },
    ),
    [gvk('', 'v1', 'APIGroup')],
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroupList',
    obj(
      {
        apiVersion: API_VERSION,
        groups: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup'), { description: 'groups is a list of APIGroup.', listType: 'atomic' }),
        kind: KIND,
      },
      { description: 'APIGroupList is a list of APIGroup, to allow clients to discover the API at /apis.', required: ['groups'], proto: { tags: { groups: 1 } } },
    ),
    [gvk('', 'v1', 'APIGroupList')],
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.APIResource',
    obj(
      {
        categories: arr(str(), { description: 'categories is a list of the grouped resources this resource belongs to (e.g. \'all\')', listType: 'atomic' }),
        group: str('group is the preferred group of the resource.  Empty implies the group of the containing resource list. For subresources, this may have a different value, for example: Scale".'),
        kind: str('kind is the kind for the resource (e.g. \'Foo\' is the kind for a resource \'foo\')'),
        name: str('name is the plural name of the resource.'),
        namespaced: bool('namespaced indicates if a resource is namespaced or not.'),
        shortNames: arr(str(), { description: 'shortNames is a list of suggested short names of the resource.', listType: 'atomic' }),
        singularName: str('singularName is the singular name of the resource.  This allows clients to handle plural and singular opaquely. The singularName is more correct for reporting status on a single item and both singular and plural are allowed from the kubectl CLI interface.'),
        storageVersionHash: str('The hash value of the storage version, the version this resource is converted to when written to the data store. Value must be treated as opaque by clients. Only equality comparison on the value is valid. This is an alpha feature and may change or be removed in the future. The field is populated by the apiserver only if the StorageVersionHash feature gate is enabled. This field will remain optional even if it graduates.'),
        verbs: arr(str(), { description: 'verbs is a list of supported kube verbs (this includes get, list, watch, create, update, patch, delete, deletecollection, and proxy)' }),
        version: str('version is the preferred version of the resource.  Empty implies the version of the containing resource list For subresources, this may have a different value, for example: v1 (while inside a v1beta1 version of the core resource\'s group)".'),
      },
      { description: 'APIResource specifies the name of a resource and whether it is namespaced.', required: ['name', 'singularName', 'namespaced', 'kind', 'verbs'], proto: { tags: { categories: 7, group: 8, kind: 3, name: 1, namespaced: 2, shortNames: 5, singularName: 6, storageVersionHash: 10, verbs: 4, version: 9 }, omitEmpty: ['group', 'storageVersionHash', 'version'] } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList',
    obj(
      {
        apiVersion: API_VERSION,
        groupVersion: str('groupVersion is the group and version this APIResourceList is for.'),
        kind: KIND,
        resources: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.APIResource'), { description: 'resources contains the name of the resources and if they are namespaced.', listType: 'atomic' }),
      },
      { description: 'APIResourceList is a list of APIResource, it is used to expose the name of the resources supported in a specific group and version, and if the resource is namespaced.', required: ['groupVersion', 'resources'], proto: { tags: { groupVersion: 1, resources: 2 } } },
    ),
    [gvk('', 'v1', 'APIResourceList')],
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        serverAddressByClientCIDRs: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.ServerAddressByClientCIDR'), { description: 'a map of client CIDR to server address that is serving this group. This is to help clients reach servers in the most network-efficient way possible. Clients can use the appropriate server address as per the CIDR that they match. In case of multiple matches, clients should use the longest matching CIDR. The server returns only those CIDRs that it thinks that the client can match. For example: the master will return an internal IP CIDR only, if the client reaches the server using an internal IP. Server looks at X-Forwarded-For header or X-Real-Ip header or request.RemoteAddr (in that order) to get the client IP.', listType: 'atomic' }),
        versions: arr(str(), { description: 'versions are the api versions that are available.', listType: 'atomic' }),
      },
      { description: 'APIVersions lists the versions that are available, to allow clients to discover the API at /api, which is the root path of the legacy v1 API.', required: ['versions', 'serverAddressByClientCIDRs'], proto: { tags: { serverAddressByClientCIDRs: 2, versions: 1 } } },
    ),
    [gvk('', 'v1', 'APIVersions')],
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.Condition',
    obj(
      {
        lastTransitionTime: time('lastTransitionTime is the last time the condition transitioned from one status to another. This should be when the underlying condition changed.  If that is not known, then using the time when the API field changed is acceptable.'),
        message: str('message is a human readable message indicating details about the transition. This may be an empty string.'),
        observedGeneration: int64('observedGeneration represents the .metadata.generation that the condition was set based upon. For instance, if .metadata.generation is currently 12, but the .status.conditions[x].observedGeneration is 9, the condition is out of date with respect to the current state of the instance.'),
        reason: str('reason contains a programmatic identifier indicating the reason for the condition\'s last transition. Producers of specific condition types may define expected values and meanings for this field, and whether the values are considered a guaranteed API. The value should be a CamelCase string. This field may not be empty.'),
        status: str('status of the condition, one of True, False, Unknown.'),
        type: str('type of condition in CamelCase or in foo.example.com/CamelCase.'),
      },
      { description: 'Condition contains details for one aspect of the current state of this API Resource.', required: ['type', 'status', 'lastTransitionTime', 'reason', 'message'], proto: { tags: { lastTransitionTime: 4, message: 6, observedGeneration: 3, reason: 5, status: 2, type: 1 }, omitEmpty: ['observedGeneration'] } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
    obj(
      {
        apiVersion: API_VERSION,
        dryRun: arr(str(), { description: 'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed', listType: 'atomic' }),
        gracePeriodSeconds: int64('The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately. If this value is nil, the default grace period for the specified type will be used. Defaults to a per object value if not specified. zero means delete immediately.'),
        ignoreStoreReadErrorWithClusterBreakingPotential: bool('if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error. A resource is considered corrupt if it can not be retrieved from the underlying storage successfully because of a) its data can not be transformed e.g. decryption failure, or b) it fails to decode into an object. NOTE: unsafe deletion ignores finalizer constraints, skips precondition checks, and removes the object from the storage. WARNING: This may potentially break the cluster if the workload associated with the resource being unsafe-deleted relies on normal deletion flow. Use only if you REALLY know what you are doing. The default value is false, and the user must opt in to enable it'),
        kind: KIND,
        orphanDependents: bool('Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7. Should the dependent objects be orphaned. If true/false, the "orphan" finalizer will be added to/removed from the object\'s finalizers list. Either this field or PropagationPolicy may be set, but not both.'),
        preconditions: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Preconditions', 'Must be fulfilled before a deletion is carried out. If not possible, a 409 Conflict status will be returned.'),
        propagationPolicy: str('Whether and how garbage collection will be performed. Either this field or OrphanDependents may be set, but not both. The default policy is decided by the existing finalizer set in the metadata.finalizers and the resource-specific default policy. Acceptable values are: \'Orphan\' - orphan the dependents; \'Background\' - allow the garbage collector to delete the dependents in the background; \'Foreground\' - a cascading policy that deletes all dependents in the foreground.'),
      },
      { description: 'DeleteOptions may be provided when deleting an API object.', proto: { tags: { dryRun: 5, gracePeriodSeconds: 1, ignoreStoreReadErrorWithClusterBreakingPotential: 6, orphanDependents: 3, preconditions: 2, propagationPolicy: 4 } } },
    ),
    [gvk('', 'v1', 'DeleteOptions'), gvk('apiextensions.k8s.io', 'v1', 'DeleteOptions'), gvk('apps', 'v1', 'DeleteOptions'), gvk('autoscaling', 'v1', 'DeleteOptions'), gvk('autoscaling', 'v2', 'DeleteOptions'), gvk('batch', 'v1', 'DeleteOptions'), gvk('coordination.k8s.io', 'v1', 'DeleteOptions'), gvk('discovery.k8s.io', 'v1', 'DeleteOptions'), gvk('events.k8s.io', 'v1', 'DeleteOptions'), gvk('networking.k8s.io', 'v1', 'DeleteOptions'), gvk('policy', 'v1', 'DeleteOptions'), gvk('rbac.authorization.k8s.io', 'v1', 'DeleteOptions'), gvk('storage.k8s.io', 'v1', 'DeleteOptions')],
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
    any('FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.\n\nEach key is either a \'.\' representing the field itself, and will always map to an empty set, or a string representing a sub-field or item. The string will follow one of these four formats: \'f:<name>\', where <name> is the name of a field in a struct, or key in a map \'v:<value>\', where <value> is the exact json formatted value of a list item \'i:<index>\', where <index> is position of a item in a list \'k:<keys>\', where <keys> is a map of  a list item\'s key fields to their unique values If a key maps to an empty Fields value, the field that key represents is part of the set.\n\nThe exact format is defined in sigs.k8s.io/structured-merge-diff', { object: true, goType: 'metav1.FieldsV1' }),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.GroupVersionForDiscovery',
    obj(
      {
        groupVersion: str('groupVersion specifies the API group and version in the form "group/version"'),
        version: str('version specifies the version in the form of "version". This is to save the clients the trouble of splitting the GroupVersion.'),
      },
      { description: 'GroupVersion contains the "group/version" and "version" string of a version. It is made a struct to keep extensibility.', required: ['groupVersion', 'version'], proto: { tags: { groupVersion: 1, version: 2 } } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
    obj(
      {
        matchExpressions: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement'), { description: 'matchExpressions is a list of label selector requirements. The requirements are ANDed.', listType: 'atomic' }),
        matchLabels: stringMap('matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is "key", the operator is "In", and the values array contains only "value". The requirements are ANDed.'),
      },
      { description: 'A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all objects. A null label selector matches no objects.', mapType: 'atomic', proto: { tags: { matchExpressions: 2, matchLabels: 1 } } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement',
    obj(
      {
        key: str('key is the label key that the selector applies to.'),
        operator: str('operator represents a key\'s relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.'),
        values: arr(str(), { description: 'values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch.', listType: 'atomic' }),
      },
      { description: 'A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.', required: ['key', 'operator'], proto: { tags: { key: 1, operator: 2, values: 3 } } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta',
    obj(
      {
        continue: str('continue may be set if the user set a limit on the number of items returned, and indicates that the server has more data available. The value is opaque and may be used to issue another request to the endpoint that served this list to retrieve the next set of available objects. Continuing a consistent list may not be possible if the server configuration has changed or more than a few minutes have passed. The resourceVersion field returned when using this continue value will be identical to the value in the first response, unless you have received this token from an error message.'),
        remainingItemCount: int64('remainingItemCount is the number of subsequent items in the list which are not included in this list response. If the list request contained label or field selectors, then the number of remaining items is unknown and the field will be left unset and omitted during serialization. If the list is complete (either because it is not chunking or because this is the last chunk), then there are no more remaining items and this field will be left unset and omitted during serialization. Servers older than v1.15 do not set this field. The intended use of the remainingItemCount is *estimating* the size of a collection. Clients should not rely on the remainingItemCount to be set or to be exact.'),
        resourceVersion: str('String that identifies the server\'s internal version of this object that can be used by clients to determine when objects have changed. Value must be treated as opaque by clients and passed unmodified back to the server. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency'),
        selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
      },
      { description: 'ListMeta describes metadata that synthetic resources must have, including lists and various status objects. A resource may have only one of {ObjectMeta, ListMeta}.', proto: { tags: { continue: 3, remainingItemCount: 4, resourceVersion: 2, selfLink: 1 }, omitEmpty: ['continue', 'resourceVersion', 'selfLink'] } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry',
    obj(
      {
        apiVersion: str('APIVersion defines the version of this resource that this field set applies to. The format is "group/version" just like the top-level APIVersion field. It is necessary to track the version of a field set because it cannot be automatically converted.'),
        fieldsType: str('FieldsType is the discriminator for the different fields format and version. There is currently only one possible value: "FieldsV1"'),
        fieldsV1: ref('io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1', 'FieldsV1 holds the first JSON version format as described in the "FieldsV1" type.'),
        manager: str('Manager is an identifier of the workflow managing these fields.'),
        operation: str('Operation is the type of operation which lead to this ManagedFieldsEntry being created. The only valid values for this field are \'Apply\' and \'Update\'.'),
        subresource: str('Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource. The value of this field is used to distinguish between managers, even if they share the same name. For example, a status update will be distinct from a regular update using the same manager name. Note that the APIVersion field is not related to the Subresource field and it always corresponds to the version of the main resource.'),
        time: time('Time is the timestamp of when the ManagedFields entry was added. The timestamp will also be updated if a field is added, the manager changes any of the owned fields value or removes a field. The timestamp does not update when a field is removed from the entry because another manager took it over.'),
      },
      { description: 'ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.', proto: { tags: { apiVersion: 3, fieldsType: 6, fieldsV1: 7, manager: 1, operation: 2, subresource: 8, time: 4 }, omitEmpty: ['apiVersion', 'fieldsType', 'manager', 'operation', 'subresource'] } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
    str('MicroTime is version of Time with microsecond level precision.', { format: 'date-time', goType: 'metav1.MicroTime' }),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    obj(
      {
        annotations: stringMap('Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations'),
        creationTimestamp: time('CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        deletionGracePeriodSeconds: int64('Number of seconds allowed for this object to gracefully terminate before it will be removed from the system. Only set when deletionTimestamp is also set. May only be shortened. Read-only.'),
        deletionTimestamp: time('DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. This field is set by the server when a graceful deletion is requested by the user, and is not directly settable by a client. The resource is expected to be deleted (no longer visible from resource lists, and not reachable by name) after the time in this field, once the finalizers list is empty. As long as the finalizers list contains items, deletion is blocked. Once the deletionTimestamp is set, this value may not be unset or be set further into the future, although it may be shortened or the resource may be deleted prior to this time. For example, a user may request that a pod is deleted in 30 seconds. The Kubelet will react by sending a graceful termination signal to the containers in the pod. After that 30 seconds, the Kubelet will send a hard termination signal (SIGKILL) to the container and after cleanup, remove the pod from the API. In the presence of network partitions, this object may still exist after this timestamp, until an administrator or automated process can determine the resource is fully terminated. If not set, graceful deletion of the object has not been requested.\n\nPopulated by the system when a graceful deletion is requested. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        finalizers: arr(str(), { description: 'Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list. If the deletionTimestamp of the object is non-nil, entries in this list can only be removed. Finalizers may be processed and removed in any order.  Order is NOT enforced because it introduces significant risk of stuck finalizers. finalizers is a shared field, any actor with permission can reorder it. If the finalizer list is processed in order, then this can lead to a situation in which the component responsible for the first finalizer in the list is waiting for a signal (field value, external system, or other) produced by a component responsible for a finalizer later in the list, resulting in a deadlock. Without enforced ordering finalizers are free to order amongst themselves and are not vulnerable to ordering changes in the list.', strategy: 'merge', listType: 'set' }),
        generateName: str('GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided. If this field is used, the name returned to the client will be different than the name passed. This value will also be combined with a unique suffix. The provided value has the same validation rules as the Name field, and may be truncated by the length of the suffix required to make the value unique on the server.\n\nIf this field is specified and the generated name exists, the server will return a 409.\n\nApplied only if Name is not specified. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#idempotency'),
        generation: int64('A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.'),
        labels: stringMap('Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels'),
        managedFields: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry'), { description: 'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow. This is mostly for internal housekeeping, and users typically shouldn\'t need to set or understand this field. A workflow can be the user\'s name, a controller\'s name, or the name of a specific apply path like "ci-cd". The set of fields is always in the version that the workflow used when modifying the object.', listType: 'atomic' }),
        name: str('Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names'),
        namespace: str('Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace, but "default" is the canonical representation. Not all objects are required to be scoped to a namespace - the value of this field for those objects will be empty.\n\nMust be a DNS_LABEL. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces'),
        ownerReferences: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference'), { description: 'List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected. If this object is managed by a controller, then an entry in this list will point to this controller, with the controller field set to true. There cannot be more than one managing controller.', mergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] }),
        resourceVersion: str('An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed. May be used for optimistic concurrency, change detection, and the watch operation on a resource or set of resources. Clients must treat these values as opaque and passed unmodified back to the server. They may only be valid for a particular resource or set of resources.\n\nPopulated by the system. Read-only. Value must be treated as opaque by clients and . More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency'),
        selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
        uid: str('UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations.\n\nPopulated by the system. Read-only. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids'),
      },
      { description: 'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.', proto: { tags: { annotations: 12, creationTimestamp: 8, deletionGracePeriodSeconds: 10, deletionTimestamp: 9, finalizers: 14, generateName: 2, generation: 7, labels: 11, managedFields: 17, name: 1, namespace: 3, ownerReferences: 13, resourceVersion: 6, selfLink: 4, uid: 5 }, omitEmpty: ['generateName', 'generation', 'name', 'namespace', 'resourceVersion', 'selfLink', 'uid'] } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference',
    obj(
      {
        apiVersion: str('API version of the referent.'),
        blockOwnerDeletion: bool('If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed. See https://kubernetes.io/docs/concepts/architecture/garbage-collection/#foreground-deletion for how the garbage collector interacts with this field and enforces the foreground deletion. Defaults to false. To set this field, a user needs "delete" permission of the owner, otherwise 422 (Unprocessable Entity) will be returned.'),
        controller: bool('If true, this reference points to the managing controller.'),
        kind: str('Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
        name: str('Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names'),
        uid: str('UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids'),
      },
      { description: 'OwnerReference contains enough information to let you identify an owning object. An owning object must be in the same namespace as the dependent, or be cluster-scoped, so there is no namespace field.', required: ['apiVersion', 'kind', 'name', 'uid'], mapType: 'atomic', proto: { tags: { apiVersion: 5, blockOwnerDeletion: 7, controller: 6, kind: 1, name: 3, uid: 4 } } },
    ),
  ),
  def('io.k8s.apimachinery.pkg.apis.meta.v1.Patch', any('Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.', { object: true })),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.Preconditions',
    obj(
      {
        resourceVersion: str('Specifies the target ResourceVersion'),
        uid: str('Specifies the target UID.'),
      },
      { description: 'Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.', proto: { tags: { resourceVersion: 2, uid: 1 } } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.ServerAddressByClientCIDR',
    obj(
      {
        clientCIDR: str('The CIDR with which clients can match their IP to figure out the server address that they should use.'),
        serverAddress: str('Address of this server, suitable for a client that matches the above CIDR. This can be a hostname, hostname:port, IP or IP:port.'),
      },
      { description: 'ServerAddressByClientCIDR helps the client to determine the server address that they should use, depending on the clientCIDR that they match.', required: ['clientCIDR', 'serverAddress'], proto: { tags: { clientCIDR: 1, serverAddress: 2 } } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
    obj(
      {
        apiVersion: API_VERSION,
        code: int32('Suggested HTTP return code for this status, 0 if not set.'),
        details: ref('io.k8s.apimachinery.pkg.apis.meta.v1.StatusDetails', 'Extended data associated with the reason.  Each reason may define its own extended details. This field is optional and the data returned is not guaranteed to conform to any schema except that defined by the reason type.'),
        kind: KIND,
        message: str('A human-readable description of the status of this operation.'),
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
        reason: str('A machine-readable description of why this operation is in the "Failure" status. If this value is empty there is no information available. A Reason clarifies an HTTP status code but does not override it.'),
        status: str('Status of the operation. One of: "Success" or "Failure". More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'Status is a return value for calls that don\'t return other objects.', proto: { tags: { code: 6, details: 5, message: 3, metadata: 1, reason: 4, status: 2 }, omitEmpty: ['code', 'message', 'reason', 'status'] } },
    ),
    [gvk('', 'v1', 'Status')],
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.StatusCause',
    obj(
      {
        field: str('The field of the resource that has caused this error, as named by its JSON serialization. May include dot and postfix notation for nested attributes. Arrays are zero-indexed.  Fields may appear more than once in an array of causes due to fields having multiple errors. Optional.\n\nExamples:\n  "name" - the field "name" on the current resource\n  "items[0].name" - the field "name" on the first array entry in "items"'),
        message: str('A human-readable description of the cause of the error.  This field may be presented as-is to a reader.'),
        reason: str('A machine-readable description of the cause of the error. If this value is empty there is no information available.'),
      },
      { description: 'StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered.', proto: { tags: { field: 3, message: 2, reason: 1 }, omitEmpty: ['field', 'message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.StatusDetails',
    obj(
      {
        causes: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.StatusCause'), { description: 'The Causes array includes more details associated with the StatusReason failure. Not all StatusReasons may provide detailed causes.', listType: 'atomic' }),
        group: str('The group attribute of the resource associated with the status StatusReason.'),
        kind: str('The kind attribute of the resource associated with the status StatusReason. On some operations may differ from the requested resource Kind. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
        name: str('The name attribute of the resource associated with the status StatusReason (when there is a single name which can be described).'),
        retryAfterSeconds: int32('If specified, the time in seconds before the operation should be retried. Some errors may indicate the client must take an alternate action - for those errors this field may indicate how long to wait before taking the alternate action.'),
        uid: str('UID of the resource. (when there is a single resource which can be described). More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids'),
      },
      { description: 'StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response. The Reason field of a Status object defines what attributes will be set. Clients must ignore fields that do not match the defined type of each attribute, and should assume that any attribute may be empty, invalid, or under defined.', proto: { tags: { causes: 4, group: 2, kind: 3, name: 1, retryAfterSeconds: 5, uid: 6 }, omitEmpty: ['group', 'kind', 'name', 'retryAfterSeconds', 'uid'] } },
    ),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
    time('Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.  Wrappers are provided for many of the factory methods that the time package offers.'),
  ),
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent',
    obj(
      {
        object: ref('io.k8s.apimachinery.pkg.runtime.RawExtension', 'Object is:\n * If Type is Added or Modified: the new state of the object.\n * If Type is Deleted: the state of the object immediately before deletion.\n * If Type is Error: *Status is recommended; other types may make sense\n   depending on context.'),
        type: str(),
      },
      { description: 'Event represents a single event to a watched resource.', required: ['type', 'object'], proto: { tags: { object: 2, type: 1 } } },
    ),
    [gvk('', 'v1', 'WatchEvent'), gvk('apiextensions.k8s.io', 'v1', 'WatchEvent'), gvk('apps', 'v1', 'WatchEvent'), gvk('autoscaling', 'v1', 'WatchEvent'), gvk('autoscaling', 'v2', 'WatchEvent'), gvk('batch', 'v1', 'WatchEvent'), gvk('coordination.k8s.io', 'v1', 'WatchEvent'), gvk('discovery.k8s.io', 'v1', 'WatchEvent'), gvk('events.k8s.io', 'v1', 'WatchEvent'), gvk('networking.k8s.io', 'v1', 'WatchEvent'), gvk('policy', 'v1', 'WatchEvent'), gvk('rbac.authorization.k8s.io', 'v1', 'WatchEvent'), gvk('storage.k8s.io', 'v1', 'WatchEvent')],
  ),
  def(
    'io.k8s.apimachinery.pkg.runtime.RawExtension',
    any('RawExtension is used to hold extensions in external versions.\n\nTo use this, make a field which has RawExtension as its type in your external, versioned struct, and Object in your internal struct. You also need to register your various plugin types.\n\n// Internal package:\n\n\ttype MyAPIObject struct {\n\t\truntime.TypeMeta `json:",inline"`\n\t\tMyPlugin runtime.Object `json:"myPlugin"`\n\t}\n\n\ttype PluginA struct {\n\t\tAOption string `json:"aOption"`\n\t}\n\n// External package:\n\n\ttype MyAPIObject struct {\n\t\truntime.TypeMeta `json:",inline"`\n\t\tMyPlugin runtime.RawExtension `json:"myPlugin"`\n\t}\n\n\ttype PluginA struct {\n\t\tAOption string `json:"aOption"`\n\t}\n\n// On the wire, the JSON will look something like this:\n\n\t{\n\t\t"kind":"MyAPIObject",\n\t\t"apiVersion":"v1",\n\t\t"myPlugin": {\n\t\t\t"kind":"PluginA",\n\t\t\t"aOption":"foo",\n\t\t},\n\t}\n\nSo what happens? Decode first uses json or yaml to unmarshal the serialized data into your external MyAPIObject. That causes the raw JSON to be stored, but not unpacked. The next step is to copy (using pkg/conversion) into the internal struct. The runtime package\'s DefaultScheme has conversion functions installed which will unpack the JSON stored in RawExtension, turning it into the correct object type, and storing it in the Object. (TODO: In the case where the object is of an unknown type, a runtime.Unknown object will be created and stored.)', { object: true, goType: 'runtime.RawExtension' }),
  ),
  def(
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    intOrString('IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.'),
  ),
];
