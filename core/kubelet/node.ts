/** The Node object a kubelet registers: labels, taints, capacity, addresses, system info. */
import { rfc3339 } from '../api/duration';
import { KUBERNETES_VERSION, type Condition, type Node, type Taint } from '../api/types';

/** The shape of a simulated machine. */
export interface MachineSpec {
  name: string;
  controlPlane: boolean;
  /** The node's address on the cluster network. */
  internalIP: string;
  /** The node's pod CIDR (`10.244.1.0/24`). */
  podCIDR: string;
  cpu: string;
  memory: string;
  pods: number;
  /** Labels besides the kubelet's own (a cluster shape's labels and zone). */
  labels?: Record<string, string>;
  /** Taints to register with (besides the control plane's own). */
  taints?: Taint[];
  /** Stable per-node identifiers (seeded). */
  ids: { machineID: string; systemUUID: string; bootID: string };
}

/** The conditions of a healthy node at `now`. */
export function healthyConditions(now: number): Condition[] {
  const t = rfc3339(now);
  const c = (type: string, status: Condition['status'], reason: string, message: string): Condition => ({ type, status, lastHeartbeatTime: t, lastTransitionTime: t, reason, message });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/** The Node a kubelet registers for `m` (kubeadm-style labels and the control-plane taint). */
export function nodeObject(m: MachineSpec, now: number): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': m.name,
    'kubernetes.io/os': 'linux',
  };
  if (m.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  Object.assign(labels, m.labels ?? {});
  const taints: Taint[] = [...(m.controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] : []), ...(m.taints ?? [])];
  const capacity = { cpu: m.cpu, 'ephemeral-storage': '102400Mi', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: m.memory, pods: String(m.pods) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: m.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: m.podCIDR,
      podCIDRs: [m.podCIDR],
      providerID: `kubelab://${m.name}`,
      ...(taints.length > 0 ? { taints } : {}),
    },
    status: {
      capacity,
      allocatable: { ...capacity },
      conditions: healthyConditions(now),
      addresses: [
        { type: 'InternalIP', address: m.internalIP },
        { type: 'Hostname', address: m.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: m.ids.machineID,
        systemUUID: m.ids.systemUUID,
        bootID: m.ids.bootID,
        kernelVersion: '6.1.0-kubelab-amd64',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: KUBERNETES_VERSION.gitVersion,
        kubeProxyVersion: KUBERNETES_VERSION.gitVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
