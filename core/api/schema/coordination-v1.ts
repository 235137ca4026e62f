/**
 * Schemas of coordination.k8s.io/v1: Lease.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, def, gvk, int32, obj, ref, str, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of coordination.k8s.io/v1. */
export const coordinationV1Definitions: Definition[] = [
  def(
    'io.k8s.api.coordination.v1.Lease',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.coordination.v1.LeaseSpec', 'spec contains the specification of the Lease. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'Lease defines a lease concept.', proto: { tags: { metadata: 1, spec: 2 } } },
    ),
    [gvk('coordination.k8s.io', 'v1', 'Lease')],
  ),
  def(
    'io.k8s.api.coordination.v1.LeaseList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.coordination.v1.Lease'), { description: 'items is a list of schema objects.' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'LeaseList is a list of Lease objects.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('coordination.k8s.io', 'v1', 'LeaseList')],
  ),
  def(
    'io.k8s.api.coordination.v1.LeaseSpec',
    obj(
      {
        acquireTime: ref('io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', 'acquireTime is a time when the current lease was acquired.'),
        holderIdentity: str('holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.'),
        leaseDurationSeconds: int32('leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it. This is measured against the time of last observed renewTime.'),
        leaseTransitions: int32('leaseTransitions is the number of transitions of a lease between holders.'),
        preferredHolder: str('PreferredHolder signals to a lease holder that the lease has a more optimal holder and should be given up. This field can only be set if Strategy is also set.'),
        renewTime: ref('io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', 'renewTime is a time when the current holder of a lease has last updated the lease.'),
        strategy: str('Strategy indicates the strategy for picking the leader for coordinated leader election. If the field is not specified, there is no active coordination for this lease. (Alpha) Using this field requires the CoordinatedLeaderElection feature gate to be enabled.'),
      },
      { description: 'LeaseSpec is a specification of a Lease.', proto: { tags: { acquireTime: 3, holderIdentity: 1, leaseDurationSeconds: 2, leaseTransitions: 5, preferredHolder: 7, renewTime: 4, strategy: 6 } } },
    ),
  ),
];
