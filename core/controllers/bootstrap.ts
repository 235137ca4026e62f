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
import { corednsAddon } from '../dns/addon';
import { kindnetRbac } from '../network/addon';
import { kubeProxyAddon } from '../proxy/addon';

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

/** The `kubernetes` Service's cluster IP: the first address of the service range (kube-apiserver's bootstrap controller). */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
/** The port kube-apiserver serves on (`--secure-port`), behind the Service's port 443. */
export const APISERVER_PORT = 6443;

/** The `kubernetes` Service in `default`, as kube-apiserver's bootstrap controller creates it. */
export function kubernetesService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: APISERVER_PORT }],
      sessionAffinity: 'None',
    },
  } as KubeObject;
}

/**
 * The endpoints of the `kubernetes` Service — the API server's address — as its endpoint
 * reconciler writes them: the Endpoints (not mirrored into slices) and the EndpointSlice.
 */
export function kubernetesEndpoints(apiserverIP: string): { endpoints: KubeObject; slice: KubeObject } {
  const port = { name: 'https', port: APISERVER_PORT, protocol: 'TCP' };
  return {
    endpoints: {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: apiserverIP }], ports: [port] }],
    } as KubeObject,
    slice: {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [apiserverIP], conditions: { ready: true } }],
      ports: [port],
    } as KubeObject,
  };
}

/**
 * Creates the `kubernetes` Service and its endpoints in `default`, pointing at the API server on
 * the control-plane node (`apiserverIP`), as kube-apiserver does at start.
 */
export async function bootstrapKubernetesService(client: Client, apiserverIP: string): Promise<void> {
  await ensure(client, { resource: 'services', namespace: 'default' }, kubernetesService());
  const { endpoints, slice } = kubernetesEndpoints(apiserverIP);
  await ensure(client, { resource: 'endpoints', namespace: 'default' }, endpoints);
  await ensure(client, { group: 'discovery.k8s.io', resource: 'endpointslices', namespace: 'default' }, slice);
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

/**
 * Creates the kube-system add-ons as kubeadm's `addon` phase (and kind) do: CoreDNS (its
 * account, role, ConfigMap, Deployment and the `kube-dns` Service), kube-proxy (its account,
 * ConfigMap, Role, RoleBinding and DaemonSet), and the CNI's identity (kindnet's account and
 * role). `controlPlaneEndpoint` is `https://<control-plane node>:6443`.
 */
export async function bootstrapAddons(client: Client, controlPlaneEndpoint: string, clusterCIDR: string): Promise<void> {
  for (const a of [...corednsAddon(), ...kubeProxyAddon(controlPlaneEndpoint, clusterCIDR), ...kindnetRbac()]) {
    await ensure(client, { ...(a.group ? { group: a.group } : {}), resource: a.resource, ...(a.object.metadata.namespace ? { namespace: a.object.metadata.namespace } : {}) }, a.object);
  }
}
