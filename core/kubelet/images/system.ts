/** The images of the cluster itself: the pause sandbox, the control plane, kube-proxy, CoreDNS, kind's CNI. */
import { KUBERNETES_VERSION } from '../../api/types';
import { text, type ImageDef } from './types';

const V = KUBERNETES_VERSION.gitVersion;

/** A distroless control-plane image whose entrypoint is the component's binary. */
function component(name: string, size: number, cpuMilli: number, memoryBytes: number): ImageDef {
  return {
    repository: `registry.k8s.io/${name}`,
    tags: { [V]: size },
    entrypoint: [],
    cmd: [],
    env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    version: V,
    files: { [`/usr/local/bin/${name}`]: { content: '', program: 'daemon' }, '/etc/os-release': text('PRETTY_NAME="Distroless"\n') },
    usage: { cpuMilli, memoryBytes },
  };
}

/** The pause image: the pod sandbox's infra container (holds the pod's namespaces). */
export const PAUSE: ImageDef = {
  repository: 'registry.k8s.io/pause',
  tags: { '3.10': 320368, '3.9': 321520, '3.8': 311286 },
  entrypoint: ['/pause'],
  cmd: [],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  version: '3.10',
  files: { '/pause': { content: '', program: 'pause' } },
  usage: { cpuMilli: 0, memoryBytes: 245_760 },
};

/** The sandbox image containerd 1.7 uses (sandbox_image). */
export const SANDBOX_IMAGE = 'registry.k8s.io/pause:3.10';

/** etcd as kubeadm 1.32 runs it. */
export const ETCD: ImageDef = { ...component('etcd', 57680541, 20, 48_000_000), tags: { '3.5.16-0': 57680541, '3.5.15-0': 56909194 }, version: '3.5.16', files: { '/usr/local/bin/etcd': { content: '', program: 'daemon' }, '/usr/local/bin/etcdctl': { content: '', program: 'daemon' } } };

/** The control plane's own images and kube-proxy. */
export const CONTROL_PLANE_IMAGES: ImageDef[] = [
  component('kube-apiserver', 28671624, 40, 260_000_000),
  component('kube-controller-manager', 26259392, 15, 52_000_000),
  component('kube-scheduler', 20658969, 4, 22_000_000),
  component('kube-proxy', 30907858, 1, 18_000_000),
];

/** CoreDNS, the cluster DNS (listens on 53; health on 8080, ready on 8181). */
export const COREDNS: ImageDef = {
  repository: 'registry.k8s.io/coredns/coredns',
  tags: { 'v1.11.3': 18562039, 'v1.11.1': 18182961 },
  entrypoint: ['/coredns'],
  cmd: [],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  version: '1.11.3',
  versions: { 'v1.11.1': '1.11.1' },
  files: { '/coredns': { content: '', program: 'coredns' }, '/etc/coredns/Corefile': text('') },
  usage: { cpuMilli: 3, memoryBytes: 14_000_000 },
};

/** kind's CNI daemon and its local-path provisioner. */
export const KIND_IMAGES: ImageDef[] = [
  { ...component('kindnetd', 38601118, 1, 11_000_000), repository: 'docker.io/kindest/kindnetd', tags: { 'v20241108-5c6d2daf': 38601118 }, version: 'v20241108', files: { '/bin/kindnetd': { content: '', program: 'daemon' } } },
  { ...component('local-path-provisioner', 22541737, 1, 8_000_000), repository: 'docker.io/kindest/local-path-provisioner', tags: { 'v20241108-5c6d2daf': 22541737 }, version: 'v0.0.30', files: { '/usr/local/bin/local-path-provisioner': { content: '', program: 'daemon' } } },
];
