/**
 * Static pods: manifests the kubelet reads from its manifest directory (/etc/kubernetes/manifests,
 * an in-memory map here) and runs itself, publishing a mirror pod `<name>-<node>` in the API —
 * the control plane's components as kubeadm writes them, and whatever a student adds.
 */
import { KUBERNETES_VERSION, type Pod } from '../api/types';
import { hexDigest } from './images/catalogue';

/** The control-plane components that run as static pods. */
export const CONTROL_PLANE_COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;

/** One control-plane component. */
export type ControlPlaneComponent = (typeof CONTROL_PLANE_COMPONENTS)[number];

const images: Record<ControlPlaneComponent, string> = {
  etcd: 'registry.k8s.io/etcd:3.5.16-0',
  'kube-apiserver': `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION.gitVersion}`,
  'kube-controller-manager': `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION.gitVersion}`,
  'kube-scheduler': `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION.gitVersion}`,
};

const commands: Record<ControlPlaneComponent, string[]> = {
  etcd: ['etcd', '--advertise-client-urls=https://NODE_IP:2379', '--data-dir=/var/lib/etcd', '--listen-client-urls=https://127.0.0.1:2379,https://NODE_IP:2379', '--name=NODE_NAME'],
  'kube-apiserver': ['kube-apiserver', '--advertise-address=NODE_IP', '--authorization-mode=Node,RBAC', '--enable-admission-plugins=NodeRestriction', '--etcd-servers=https://127.0.0.1:2379', '--secure-port=6443', '--service-cluster-ip-range=10.96.0.0/16'],
  'kube-controller-manager': ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--controllers=*,bootstrapsigner,tokencleaner', '--leader-elect=true', '--service-cluster-ip-range=10.96.0.0/16'],
  'kube-scheduler': ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
};

const requests: Record<ControlPlaneComponent, string> = { etcd: '100m', 'kube-apiserver': '250m', 'kube-controller-manager': '200m', 'kube-scheduler': '100m' };

/** The manifest kubeadm writes for a control-plane component. */
export function controlPlaneManifest(component: ControlPlaneComponent, nodeName: string, nodeIP: string): Pod {
  const command = commands[component].map((a) => a.replace('NODE_IP', nodeIP).replace('NODE_NAME', nodeName));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: component, namespace: 'kube-system', labels: { component, tier: 'control-plane' } },
    spec: {
      containers: [{ name: component, image: images[component], command, imagePullPolicy: 'IfNotPresent', resources: { requests: { cpu: requests[component] } } }],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  };
}

/** The mirror pod of a static pod, as the kubelet creates it in the API. */
export function mirrorPod(manifest: Pod, nodeName: string, nodeUid: string): Pod {
  const name = `${manifest.metadata.name ?? ''}-${nodeName}`;
  const hash = hexDigest(JSON.stringify(manifest)).slice(0, 32);
  return {
    ...manifest,
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...manifest.metadata,
      name,
      namespace: manifest.metadata.namespace ?? 'default',
      annotations: { ...manifest.metadata.annotations, 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.seen': '', 'kubernetes.io/config.source': 'file' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid, controller: true }],
    },
    spec: { ...manifest.spec, nodeName },
  };
}

/** Whether a pod is a mirror pod. */
export function isMirrorPod(pod: Pod): boolean {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}
