/**
 * The kube-proxy add-on as kubeadm 1.32 installs it (cmd/kubeadm/app/phases/addons/proxy): the
 * `kube-proxy` ServiceAccount, ConfigMap (kubeconfig.conf and the KubeProxyConfiguration
 * `config.conf`, iptables mode as kind configures it) and DaemonSet (host network, privileged,
 * tolerating every taint), and the Role and RoleBinding that let joining nodes read the
 * ConfigMap. The `kubeadm:node-proxier` ClusterRoleBinding is part of the bootstrap policy.
 */
import { KUBERNETES_VERSION, type KubeObject } from '../api/types';

/** The kube-proxy image matching the cluster's version. */
export const KUBE_PROXY_IMAGE = `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION.gitVersion}`;

/** The KubeProxyConfiguration kubeadm writes (defaults filled in, as it renders them). */
export function kubeProxyConfig(clusterCIDR: string): string {
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${clusterCIDR}
configSyncPeriod: 0s
conntrack:
  maxPerCore: 0
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 1s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: iptables
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`;
}

/** The objects of the kube-proxy add-on; `controlPlaneEndpoint` is `https://<control-plane>:6443`. */
export function kubeProxyAddon(controlPlaneEndpoint: string, clusterCIDR: string): { resource: string; group?: string; object: KubeObject }[] {
  const ns = 'kube-system';
  const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: ${controlPlaneEndpoint}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;
  const rbac = 'rbac.authorization.k8s.io';
  return [
    { resource: 'serviceaccounts', object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: ns } } },
    { resource: 'configmaps', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: ns, labels: { app: 'kube-proxy' } }, data: { 'config.conf': kubeProxyConfig(clusterCIDR), 'kubeconfig.conf': kubeconfig } } },
    {
      resource: 'roles',
      group: rbac,
      object: { apiVersion: `${rbac}/v1`, kind: 'Role', metadata: { name: 'kube-proxy', namespace: ns }, rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['kube-proxy'], verbs: ['get'] }] },
    },
    {
      resource: 'rolebindings',
      group: rbac,
      object: {
        apiVersion: `${rbac}/v1`,
        kind: 'RoleBinding',
        metadata: { name: 'kube-proxy', namespace: ns },
        roleRef: { apiGroup: rbac, kind: 'Role', name: 'kube-proxy' },
        subjects: [{ apiGroup: rbac, kind: 'Group', name: 'system:bootstrappers:kubeadm:default-node-token' }],
      },
    },
    { resource: 'daemonsets', group: 'apps', object: kubeProxyDaemonSet() },
  ];
}

/** The `kube-proxy` DaemonSet. */
export function kubeProxyDaemonSet(): KubeObject {
  const labels = { 'k8s-app': 'kube-proxy' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { ...labels } },
    spec: {
      selector: { matchLabels: { ...labels } },
      updateStrategy: { type: 'RollingUpdate' },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          priorityClassName: 'system-node-critical',
          containers: [
            {
              name: 'kube-proxy',
              image: KUBE_PROXY_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
              securityContext: { privileged: true },
              volumeMounts: [
                { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
                { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
              ],
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            },
          ],
          hostNetwork: true,
          serviceAccountName: 'kube-proxy',
          volumes: [
            { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
            { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
            { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
          ],
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
  };
}
