/** The control plane's static pods, as kubeadm writes them to /etc/kubernetes/manifests. */
import { KUBERNETES_VERSION, type Pod } from '../api/types';

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

/** The mirror pod of a static pod, as the kubelet creates it in the API. */
export function staticPod(component: ControlPlaneComponent, nodeName: string, nodeIP: string, nodeUid: string): Pod {
  const command = commands[component].map((a) => a.replace('NODE_IP', nodeIP).replace('NODE_NAME', nodeName));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${nodeName}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: {
        'kubernetes.io/config.source': 'file',
        'kubernetes.io/config.mirror': `kubelab-${component}`,
        'kubernetes.io/config.seen': '',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid, controller: true }],
    },
    spec: {
      containers: [{ name: component, image: images[component], command, imagePullPolicy: 'IfNotPresent', resources: { requests: { cpu: component === 'etcd' ? '100m' : component === 'kube-apiserver' ? '250m' : component === 'kube-controller-manager' ? '200m' : '100m' } } }],
      hostNetwork: true,
      nodeName,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  };
}
