/**
 * Schemas of discovery.k8s.io/v1: EndpointSlice.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, bool, def, gvk, int32, obj, ref, str, stringMap, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of discovery.k8s.io/v1. */
export const discoveryV1Definitions: Definition[] = [
  def(
    'io.k8s.api.discovery.v1.Endpoint',
    obj(
      {
        addresses: arr(str(), { description: 'addresses of this endpoint. The contents of this field are interpreted according to the corresponding EndpointSlice addressType field. Consumers must handle different types of addresses in the context of their own capabilities. This must contain at least one address but no more than 100. These are all assumed to be fungible and clients may choose to only use the first element. Refer to: https://issue.k8s.io/106267', listType: 'set' }),
        conditions: ref('io.k8s.api.discovery.v1.EndpointConditions', 'conditions contains information about the current status of the endpoint.'),
        deprecatedTopology: stringMap('deprecatedTopology contains topology information part of the v1beta1 API. This field is deprecated, and will be removed when the v1beta1 API is removed (no sooner than kubernetes v1.24).  While this field can hold values, it is not writable through the v1 API, and any attempts to write to it will be silently ignored. Topology information can be found in the zone and nodeName fields instead.'),
        hints: ref('io.k8s.api.discovery.v1.EndpointHints', 'hints contains information associated with how an endpoint should be consumed.'),
        hostname: str('hostname of this endpoint. This field may be used by consumers of endpoints to distinguish endpoints from each other (e.g. in DNS names). Multiple endpoints which use the same hostname should be considered fungible (e.g. multiple A values in DNS). Must be lowercase and pass DNS Label (RFC 1123) validation.'),
        nodeName: str('nodeName represents the name of the Node hosting this endpoint. This can be used to determine endpoints local to a Node.'),
        targetRef: ref('io.k8s.api.core.v1.ObjectReference', 'targetRef is a reference to a Kubernetes object that represents this endpoint.'),
        zone: str('zone is the name of the Zone this endpoint exists in.'),
      },
      { description: 'Endpoint represents a single logical "backend" implementing a service.', required: ['addresses'], proto: { tags: { addresses: 1, conditions: 2, deprecatedTopology: 5, hints: 8, hostname: 3, nodeName: 6, targetRef: 4, zone: 7 } } },
    ),
  ),
  def(
    'io.k8s.api.discovery.v1.EndpointConditions',
    obj(
      {
        ready: bool('ready indicates that this endpoint is prepared to receive traffic, according to whatever system is managing the endpoint. A nil value indicates an unknown state. In most cases consumers should interpret this unknown state as ready. For compatibility reasons, ready should never be "true" for terminating endpoints, except when the normal readiness behavior is being explicitly overridden, for example when the associated Service has set the publishNotReadyAddresses flag.'),
        serving: bool('serving is identical to ready except that it is set regardless of the terminating state of endpoints. This condition should be set to true for a ready endpoint that is terminating. If nil, consumers should defer to the ready condition.'),
        terminating: bool('terminating indicates that this endpoint is terminating. A nil value indicates an unknown state. Consumers should interpret this unknown state to mean that the endpoint is not terminating.'),
      },
      { description: 'EndpointConditions represents the current condition of an endpoint.', proto: { tags: { ready: 1, serving: 2, terminating: 3 } } },
    ),
  ),
  def(
    'io.k8s.api.discovery.v1.EndpointHints',
    obj(
      {
        forZones: arr(ref('io.k8s.api.discovery.v1.ForZone'), { description: 'forZones indicates the zone(s) this endpoint should be consumed by to enable topology aware routing.', listType: 'atomic' }),
      },
      { description: 'EndpointHints provides hints describing how an endpoint should be consumed.', proto: { tags: { forZones: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.discovery.v1.EndpointPort',
    obj(
      {
        appProtocol: str('The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax. Valid values are either:\n\n* Un-prefixed protocol names - reserved for IANA standard service names (as per RFC-6335 and https://www.iana.org/assignments/service-names).\n\n* Kubernetes-defined prefixed names:\n  * \'kubernetes.io/h2c\' - HTTP/2 prior knowledge over cleartext as described in https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-\n  * \'kubernetes.io/ws\'  - WebSocket over cleartext as described in https://www.rfc-editor.org/rfc/rfc6455\n  * \'kubernetes.io/wss\' - WebSocket over TLS as described in https://www.rfc-editor.org/rfc/rfc6455\n\n* Other protocols should use implementation-defined prefixed names such as mycompany.com/my-custom-protocol.'),
        name: str('name represents the name of this port. All ports in an EndpointSlice must have a unique name. If the EndpointSlice is derived from a Kubernetes service, this corresponds to the Service.ports[].name. Name must either be an empty string or pass DNS_LABEL validation: * must be no more than 63 characters long. * must consist of lower case alphanumeric characters or \'-\'. * must start and end with an alphanumeric character. Default is empty string.'),
        port: int32('port represents the port number of the endpoint. If this is not specified, ports are not restricted and must be interpreted in the context of the specific consumer.'),
        protocol: str('protocol represents the IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.\n\nPossible enum values:\n - `"SCTP"` is the SCTP protocol.\n - `"TCP"` is the TCP protocol.\n - `"UDP"` is the UDP protocol.', { enum: ['SCTP', 'TCP', 'UDP'] }),
      },
      { description: 'EndpointPort represents a Port used by an EndpointSlice', mapType: 'atomic', proto: { tags: { appProtocol: 4, name: 1, port: 3, protocol: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.discovery.v1.EndpointSlice',
    obj(
      {
        addressType: str('addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.\n\nPossible enum values:\n - `"FQDN"` represents a FQDN.\n - `"IPv4"` represents an IPv4 Address.\n - `"IPv6"` represents an IPv6 Address.', { enum: ['FQDN', 'IPv4', 'IPv6'] }),
        apiVersion: API_VERSION,
        endpoints: arr(ref('io.k8s.api.discovery.v1.Endpoint'), { description: 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.', listType: 'atomic' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata.'),
        ports: arr(ref('io.k8s.api.discovery.v1.EndpointPort'), { description: 'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.', listType: 'atomic' }),
      },
      { description: 'EndpointSlice represents a subset of the endpoints that implement a service. For a given service there may be multiple EndpointSlice objects, selected by labels, which must be joined to produce the full set of endpoints.', required: ['addressType', 'endpoints'], proto: { tags: { addressType: 4, endpoints: 2, metadata: 1, ports: 3 } } },
    ),
    [gvk('discovery.k8s.io', 'v1', 'EndpointSlice')],
  ),
  def(
    'io.k8s.api.discovery.v1.EndpointSliceList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.discovery.v1.EndpointSlice'), { description: 'items is the list of endpoint slices' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata.'),
      },
      { description: 'EndpointSliceList represents a list of endpoint slices', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('discovery.k8s.io', 'v1', 'EndpointSliceList')],
  ),
  def(
    'io.k8s.api.discovery.v1.ForZone',
    obj(
      {
        name: str('name represents the name of the zone.'),
      },
      { description: 'ForZone provides information about which zones should consume this endpoint.', required: ['name'], proto: { tags: { name: 1 } } },
    ),
  ),
];
