/**
 * The files of a node that kubeadm, the packages and the OS put there: the kubelet's and
 * containerd's systemd units, the kubeconfigs kubeadm writes in /etc/kubernetes (admin.conf
 * and the control plane's on the control-plane node, kubelet.conf on every node), the PKI
 * directory, the kubelet's /var/lib/kubelet/config.yaml and kubeadm-flags.env, the static pod
 * manifests of the control plane, and /etc/hostname, /etc/hosts, /etc/os-release.
 *
 * Simplified: certificates other than the cluster CA and every private key are placeholders
 * (the lab's API is reached with a token, not with client certificates).
 */
import { encodeString } from '../apiserver/resources/base64';
import { KUBERNETES_VERSION } from '../api/types';
import { KUBE_DNS_IP } from '../dns/dns';
import { CONTROL_PLANE_COMPONENTS, controlPlaneManifest } from '../kubelet/staticPods';
import { toYaml } from '../shell/printers/yaml';

/** The static pod manifest directory (the kubelet's staticPodPath). */
export const MANIFESTS_DIR = '/etc/kubernetes/manifests';

/** The kubelet's unit file and kubeadm's drop-in (from the Kubernetes packages). */
export const KUBELET_UNIT = `[Unit]
Description=kubelet: The Kubernetes Node Agent
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target
`;

/** kubeadm's drop-in of the kubelet unit. */
export const KUBEADM_DROPIN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

/** containerd's unit file. */
export const CONTAINERD_UNIT = `[Unit]
Description=containerd container runtime
Documentation=https://containerd.io
After=network.target local-fs.target dbus.service

[Service]
ExecStartPre=-/sbin/modprobe overlay
ExecStart=/usr/bin/containerd

Type=notify
Delegate=yes
KillMode=process
Restart=always
RestartSec=5

LimitNPROC=infinity
LimitCORE=infinity

TasksMax=infinity
OOMScoreAdjust=-999

[Install]
WantedBy=multi-user.target
`;

/** kubeadm-flags.env. */
export const KUBEADM_FLAGS = `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10"\n`;

/** The kubelet's command line as `ps` and `systemctl status` show it. */
export const KUBELET_COMMAND = '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10';

/** The KubeletConfiguration kubeadm writes to /var/lib/kubelet/config.yaml. */
export function kubeletConfig(): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- ${KUBE_DNS_IP}
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: ${MANIFESTS_DIR}
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}

const PLACEHOLDER_CERT = '-----BEGIN CERTIFICATE-----\nKubeLab simulated certificate: this lab authenticates with a token.\n-----END CERTIFICATE-----\n';
const PLACEHOLDER_KEY = '-----BEGIN PRIVATE KEY-----\nKubeLab simulated key.\n-----END PRIVATE KEY-----\n';

/** A kubeconfig as kubeadm writes one (sorted keys, the CA inline). */
export function kubeconfig(server: string, ca: string, user: string, credentials: Record<string, string>): string {
  return toYaml({
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': encodeString(ca), server }, name: 'kubernetes' }],
    contexts: [{ context: { cluster: 'kubernetes', user }, name: `${user}@kubernetes` }],
    'current-context': `${user}@kubernetes`,
    kind: 'Config',
    preferences: {},
    users: [{ name: user, user: credentials }],
  });
}

const certData = () => ({ 'client-certificate-data': encodeString(PLACEHOLDER_CERT), 'client-key-data': encodeString(PLACEHOLDER_KEY) });

/** What a machine is, for its files. */
export interface NodeIdentity {
  name: string;
  ip: string;
  controlPlaneName: string;
  controlPlaneIP: string;
  ca: string;
}

/** The files every machine has, joined or not. */
export function baseFiles(n: NodeIdentity, hosts: { name: string; ip: string }[]): Record<string, string> {
  return {
    '/etc/hostname': `${n.name}\n`,
    '/etc/hosts': `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${hosts.map((h) => `${h.ip}\t${h.name}\n`).join('')}`,
    '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
    '/usr/lib/systemd/system/kubelet.service': KUBELET_UNIT,
    '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf': KUBEADM_DROPIN,
    '/usr/lib/systemd/system/containerd.service': CONTAINERD_UNIT,
    '/etc/containerd/config.toml': 'version = 2\n\n[plugins."io.containerd.grpc.v1.cri"]\n  sandbox_image = "registry.k8s.io/pause:3.10"\n\n[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]\n  runtime_type = "io.containerd.runc.v2"\n\n[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n',
    '/etc/crictl.yaml': 'runtime-endpoint: unix:///run/containerd/containerd.sock\nimage-endpoint: unix:///run/containerd/containerd.sock\n',
    '/root/.bashrc': '# ~/.bashrc: executed by bash(1) for non-login shells.\nalias k=kubectl\n',
  };
}

/** The files `kubeadm join` (or init) leaves for the kubelet. */
export function kubeletFiles(n: NodeIdentity): Record<string, string> {
  return {
    '/etc/kubernetes/kubelet.conf': kubeconfig(`https://${n.controlPlaneIP}:6443`, n.ca, `system:node:${n.name}`, { 'client-certificate': '/var/lib/kubelet/pki/kubelet-client-current.pem', 'client-key': '/var/lib/kubelet/pki/kubelet-client-current.pem' }),
    '/etc/kubernetes/pki/ca.crt': n.ca,
    '/var/lib/kubelet/config.yaml': kubeletConfig(),
    '/var/lib/kubelet/kubeadm-flags.env': KUBEADM_FLAGS,
    '/var/lib/kubelet/pki/kubelet-client-current.pem': PLACEHOLDER_CERT + PLACEHOLDER_KEY,
    '/var/lib/kubelet/pki/kubelet.crt': PLACEHOLDER_CERT,
    '/var/lib/kubelet/pki/kubelet.key': PLACEHOLDER_KEY,
  };
}

/** The certificates kubeadm init generates (their paths under /etc/kubernetes/pki). */
export const PKI_FILES = ['apiserver.crt', 'apiserver.key', 'apiserver-etcd-client.crt', 'apiserver-etcd-client.key', 'apiserver-kubelet-client.crt', 'apiserver-kubelet-client.key', 'ca.key', 'front-proxy-ca.crt', 'front-proxy-ca.key', 'front-proxy-client.crt', 'front-proxy-client.key', 'sa.key', 'sa.pub', 'etcd/ca.crt', 'etcd/ca.key', 'etcd/healthcheck-client.crt', 'etcd/healthcheck-client.key', 'etcd/peer.crt', 'etcd/peer.key', 'etcd/server.crt', 'etcd/server.key'];

/** The files `kubeadm init` writes on the control-plane node (besides the kubelet's and the manifests). */
export function controlPlaneFiles(n: NodeIdentity): Record<string, string> {
  const server = `https://${n.ip}:6443`;
  const files: Record<string, string> = {
    '/etc/kubernetes/admin.conf': kubeconfig(server, n.ca, 'kubernetes-admin', certData()),
    '/etc/kubernetes/super-admin.conf': kubeconfig(server, n.ca, 'kubernetes-super-admin', certData()),
    '/etc/kubernetes/controller-manager.conf': kubeconfig(server, n.ca, 'system:kube-controller-manager', certData()),
    '/etc/kubernetes/scheduler.conf': kubeconfig(server, n.ca, 'system:kube-scheduler', certData()),
  };
  for (const f of PKI_FILES) files[`/etc/kubernetes/pki/${f}`] = f.endsWith('.key') ? PLACEHOLDER_KEY : f.endsWith('.pub') ? '-----BEGIN PUBLIC KEY-----\nKubeLab simulated key.\n-----END PUBLIC KEY-----\n' : PLACEHOLDER_CERT;
  return files;
}

/** The manifest files of the control plane (`etcd.yaml`, `kube-apiserver.yaml`, ...), as the kubelet runs them. */
export function controlPlaneManifestFiles(nodeName: string, ip: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const c of CONTROL_PLANE_COMPONENTS) files[`${MANIFESTS_DIR}/${c}.yaml`] = toYaml(controlPlaneManifest(c, nodeName, ip));
  return files;
}

/** The kubeadm version line. */
export const KUBEADM_VERSION = `kubeadm version: &version.Info{Major:"1", Minor:"32", GitVersion:"${KUBERNETES_VERSION.gitVersion}", GitCommit:"${KUBERNETES_VERSION.gitCommit}", GitTreeState:"clean", BuildDate:"${KUBERNETES_VERSION.buildDate}", GoVersion:"${KUBERNETES_VERSION.goVersion}", Compiler:"gc", Platform:"linux/amd64"}\n`;
