/**
 * `kubeadm` 1.32 on a node: `init` (pre-flight checks, then its phases as it prints them, the
 * control plane started and the join command with a bootstrap token and the CA hash), `join`
 * (discovery with the token and the CA hash, then the kubelet starts and registers), `reset`,
 * `token create [--print-join-command]`, `token list`, `config images list`, `version`.
 *
 * Simplified: nothing is downloaded and nothing waits (the phases take no time); the CA hash
 * is a digest of the lab's CA certificate rather than the SHA-256 of its public key; the
 * control plane can only be the lab's control-plane node; the pod network is built in (as
 * kind's kindnet), so nodes become Ready without a CNI add-on being applied.
 */
import { rfc3339 } from '../api/duration';
import { isStatusError } from '../api/status';
import { KUBERNETES_VERSION, type KubeObject } from '../api/types';
import { encodeString, decodeBase64 } from '../apiserver/resources/base64';
import { MANIFESTS_DIR, KUBEADM_VERSION } from './files';
import type { CommandOutput } from './journal';
import type { NodeMachine } from './machine';
import { klogLine } from './time';

const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const DAY_MS = 24 * 3_600_000;
const TRAILER = 'To see the stack trace of this error execute with --v=5 or higher\n';

interface Parsed {
  flags: Map<string, string>;
  bools: Set<string>;
  operands: string[];
  error?: string;
}

function parse(args: string[], valueFlags: string[], boolFlags: string[]): Parsed {
  const p: Parsed = { flags: new Map(), bools: new Set(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-')) {
      p.operands.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq < 0 ? a : a.slice(0, eq)).replace(/^--?/, '');
    if (boolFlags.includes(name)) p.bools.add(name);
    else if (valueFlags.includes(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) return { ...p, error: `flag needs an argument: ${a}` };
      p.flags.set(name, v);
    } else return { ...p, error: `unknown flag: ${eq < 0 ? a : a.slice(0, eq)}` };
  }
  return p;
}

function fail(stdout: string, message: string): CommandOutput {
  return { stdout, stderr: `${message}\n${TRAILER}`, exitCode: 1 };
}

function newToken(m: NodeMachine): string {
  return `${m.random.string(6, TOKEN_ALPHABET)}.${m.random.string(16, TOKEN_ALPHABET)}`;
}

/** The bootstrap token Secret kubeadm creates. */
function tokenSecret(token: string, now: number, ttlMs: number, description: string): KubeObject {
  const [id = '', secret = ''] = token.split('.');
  const data: Record<string, string> = {
    'auth-extra-groups': 'system:bootstrappers:kubeadm:default-node-token',
    description,
    expiration: rfc3339(now + ttlMs),
    'token-id': id,
    'token-secret': secret,
    'usage-bootstrap-authentication': 'true',
    'usage-bootstrap-signing': 'true',
  };
  if (ttlMs <= 0) delete data['expiration'];
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: `bootstrap-token-${id}`, namespace: 'kube-system' }, type: 'bootstrap.kubernetes.io/token', data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, encodeString(v)])) } as KubeObject;
}

async function createOrReplace(m: NodeMachine, resource: string, namespace: string, obj: KubeObject): Promise<void> {
  const client = m.host.admin();
  try {
    await client.create({ resource, namespace }, obj);
  } catch (e) {
    if (!isStatusError(e, 'AlreadyExists')) throw e;
    await client.update({ resource, namespace, name: obj.metadata.name ?? '' }, obj);
  }
}

function joinCommand(m: NodeMachine, token: string): string {
  return `kubeadm join ${m.identity().controlPlaneIP}:6443 --token ${token} --discovery-token-ca-cert-hash ${m.caHash()} `;
}

function decodeData(data: Record<string, string> | undefined, key: string): string {
  const v = data?.[key];
  return v === undefined ? '' : String.fromCharCode(...decodeBase64(v));
}

/** The kubeadm objects `init` uploads: its configuration, the kubelets', and discovery's cluster-info. */
async function uploadObjects(m: NodeMachine, token: string): Promise<void> {
  const id = m.identity();
  const clusterConfig = `apiServer: {}\napiVersion: kubeadm.k8s.io/v1beta4\ncaCertificateValidityPeriod: 87600h0m0s\ncertificateValidityPeriod: 8760h0m0s\ncertificatesDir: /etc/kubernetes/pki\nclusterName: kubernetes\ncontrollerManager: {}\ndns: {}\nencryptionAlgorithm: RSA-2048\netcd:\n  local:\n    dataDir: /var/lib/etcd\nimageRepository: registry.k8s.io\nkind: ClusterConfiguration\nkubernetesVersion: ${KUBERNETES_VERSION.gitVersion}\nnetworking:\n  dnsDomain: cluster.local\n  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/12\nproxy: {}\nscheduler: {}\n`;
  await createOrReplace(m, 'configmaps', 'kube-system', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubeadm-config', namespace: 'kube-system' }, data: { ClusterConfiguration: clusterConfig } } as KubeObject);
  const kubeletConfig = m.files.files.get('/var/lib/kubelet/config.yaml')?.content ?? '';
  await createOrReplace(m, 'configmaps', 'kube-system', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubelet-config', namespace: 'kube-system' }, data: { kubelet: kubeletConfig } } as KubeObject);
  await createOrReplace(m, 'secrets', 'kube-system', tokenSecret(token, m.now(), DAY_MS, "The default bootstrap token generated by 'kubeadm init'."));
  const info = `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${encodeString(id.ca)}\n    server: https://${id.ip}:6443\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n`;
  await createOrReplace(m, 'configmaps', 'kube-public', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cluster-info', namespace: 'kube-public' }, data: { kubeconfig: info, [`jws-kubeconfig-${token.split('.')[0] ?? ''}`]: `eyJhbGciOiJIUzI1NiIsImtpZCI6I${m.random.string(20, TOKEN_ALPHABET)}..${m.random.string(43, TOKEN_ALPHABET)}` } } as KubeObject);
}

function ports(m: NodeMachine): string[] {
  const errors: string[] = [];
  if (m.host.initialized() && m.host.apiUp()) errors.push('[ERROR Port-6443]: Port 6443 is in use', '[ERROR Port-10259]: Port 10259 is in use', '[ERROR Port-10257]: Port 10257 is in use');
  return errors;
}

function criError(m: NodeMachine): string[] {
  return m.containerdActive() ? [] : ['[ERROR CRI]: container runtime is not running: output: time="' + rfc3339(m.now()) + '" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/containerd/containerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: no such file or directory\\""\n, error: exit status 1'];
}

function preflightFailure(stdout: string, errors: string[], ignore: string | undefined): CommandOutput | undefined {
  const ignored = new Set((ignore ?? '').split(',').map((s) => s.trim().toLowerCase()));
  const left = ignored.has('all') ? [] : errors.filter((e) => !ignored.has((/\[ERROR ([^\]]+)\]/.exec(e)?.[1] ?? '').toLowerCase()));
  if (left.length === 0) return undefined;
  return { stdout, stderr: `error execution phase preflight: [preflight] Some fatal errors occurred:\n${left.map((e) => `\t${e}\n`).join('')}[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\`\n${TRAILER}`, exitCode: 1 };
}

const INIT_FLAGS = ['apiserver-advertise-address', 'apiserver-bind-port', 'apiserver-cert-extra-sans', 'cert-dir', 'certificate-key', 'config', 'control-plane-endpoint', 'cri-socket', 'feature-gates', 'ignore-preflight-errors', 'image-repository', 'kubernetes-version', 'node-name', 'patches', 'pod-network-cidr', 'service-cidr', 'service-dns-domain', 'skip-phases', 'token', 'token-ttl', 'v'];

async function init(m: NodeMachine, args: string[]): Promise<CommandOutput> {
  const p = parse(args, INIT_FLAGS, ['upload-certs', 'skip-certificate-key-print', 'skip-token-print', 'dry-run']);
  if (p.error) return fail('', `${p.error}\n`);
  let out = `[init] Using Kubernetes version: ${KUBERNETES_VERSION.gitVersion}\n[preflight] Running pre-flight checks\n`;
  if (!m.spec.controlPlane) {
    const cp = m.identity().controlPlaneName;
    return fail(out, `error execution phase preflight: this lab's control plane runs on ${cp}: run "kubeadm init" there (ssh ${cp}), and "kubeadm join" here`);
  }
  const errors = [...criError(m), ...ports(m)];
  for (const c of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd']) {
    const f = `${MANIFESTS_DIR}/${c}.yaml`;
    if (m.files.stat(f)) errors.push(`[ERROR FileAvailable-${f.replace(/\//g, '-')}]: ${f} already exists`);
  }
  if (m.kubeletActive() && m.joined) errors.push('[ERROR Port-10250]: Port 10250 is in use');
  if (m.host.initialized()) errors.push('[ERROR Port-2379]: Port 2379 is in use', '[ERROR Port-2380]: Port 2380 is in use');
  if (m.files.stat('/var/lib/etcd') === 'dir' && m.files.list('/var/lib/etcd').length > 0) errors.push('[ERROR DirAvailable--var-lib-etcd]: /var/lib/etcd is not empty');
  const failure = preflightFailure(out, errors, p.flags.get('ignore-preflight-errors'));
  if (failure) return failure;
  const token = p.flags.get('token') ?? newToken(m);
  if (!/^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(token)) return fail(out, `error execution phase preflight: the bootstrap token "${token}" was not of the form "\\\\A([a-z0-9]{6})\\\\.([a-z0-9]{16})\\\\z"`);
  const id = m.identity();
  const ip = id.ip;
  const name = m.name;
  const sorted = (names: string[]) => [...names].sort().join(' ');
  out += `[preflight] Pulling images required for setting up a Kubernetes cluster
[preflight] This might take a minute or two, depending on the speed of your internet connection
[preflight] You can also perform this action beforehand using 'kubeadm config images pull'
[certs] Using certificateDir folder "/etc/kubernetes/pki"
[certs] Generating "ca" certificate and key
[certs] Generating "apiserver" certificate and key
[certs] apiserver serving cert is signed for DNS names [${sorted([name, 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'])}] and IPs [10.96.0.1 ${ip}]
[certs] Generating "apiserver-kubelet-client" certificate and key
[certs] Generating "front-proxy-ca" certificate and key
[certs] Generating "front-proxy-client" certificate and key
[certs] Generating "etcd/ca" certificate and key
[certs] Generating "etcd/server" certificate and key
[certs] etcd/server serving cert is signed for DNS names [${sorted([name, 'localhost'])}] and IPs [${ip} 127.0.0.1 ::1]
[certs] Generating "etcd/peer" certificate and key
[certs] etcd/peer serving cert is signed for DNS names [${sorted([name, 'localhost'])}] and IPs [${ip} 127.0.0.1 ::1]
[certs] Generating "etcd/healthcheck-client" certificate and key
[certs] Generating "apiserver-etcd-client" certificate and key
[certs] Generating "sa" key and public key
[kubeconfig] Using kubeconfig folder "/etc/kubernetes"
[kubeconfig] Writing "admin.conf" kubeconfig file
[kubeconfig] Writing "super-admin.conf" kubeconfig file
[kubeconfig] Writing "kubelet.conf" kubeconfig file
[kubeconfig] Writing "controller-manager.conf" kubeconfig file
[kubeconfig] Writing "scheduler.conf" kubeconfig file
[etcd] Creating static Pod manifest for local etcd in "${MANIFESTS_DIR}"
[control-plane] Using manifest folder "${MANIFESTS_DIR}"
[control-plane] Creating static Pod manifest for "kube-apiserver"
[control-plane] Creating static Pod manifest for "kube-controller-manager"
[control-plane] Creating static Pod manifest for "kube-scheduler"
[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"
[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"
[kubelet-start] Starting the kubelet
[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory "${MANIFESTS_DIR}"
[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s
`;
  try {
    await m.initControlPlane();
  } catch (e) {
    return fail(out, `error execution phase wait-control-plane: ${e instanceof Error ? e.message : String(e)}`);
  }
  const frac = (digits: number) => String(m.random.int(10 ** digits)).padStart(digits, '0').replace(/0+$/, '');
  out += `[kubelet-check] The kubelet is healthy after 50${m.random.int(10)}.${frac(6)}ms
[api-check] Waiting for a healthy API server. This can take up to 4m0s
[api-check] The API server is healthy after ${3 + m.random.int(5)}.${frac(9)}s
[upload-config] Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace
[kubelet] Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster
[upload-certs] Skipping phase. Please see --upload-certs
[mark-control-plane] Marking the node ${name} as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]
[mark-control-plane] Marking the node ${name} as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]
[bootstrap-token] Using token: ${token}
[bootstrap-token] Configuring bootstrap tokens, cluster-info ConfigMap, RBAC Roles
[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to get nodes
[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to post CSRs in order for nodes to get long term certificate credentials
[bootstrap-token] Configured RBAC rules to allow the csrapprover controller automatically approve CSRs from a Node Bootstrap Token
[bootstrap-token] Configured RBAC rules to allow certificate rotation for all node client certificates in the cluster
[bootstrap-token] Creating the "cluster-info" ConfigMap in the "kube-public" namespace
`;
  try {
    await uploadObjects(m, token);
  } catch (e) {
    return fail(out, `error execution phase upload-config: ${e instanceof Error ? e.message : String(e)}`);
  }
  out += `[kubelet-finalize] Updating "/etc/kubernetes/kubelet.conf" to point to a rotatable kubelet client certificate and key
[addons] Applied essential addon: CoreDNS
[addons] Applied essential addon: kube-proxy

Your Kubernetes control-plane has initialized successfully!

To start using your cluster, you need to run the following as a regular user:

  mkdir -p $HOME/.kube
  sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config
  sudo chown $(id -u):$(id -g) $HOME/.kube/config

Alternatively, if you are the root user, you can run:

  export KUBECONFIG=/etc/kubernetes/admin.conf

You should now deploy a pod network to the cluster.
Run "kubectl apply -f [podnetwork].yaml" with one of the options listed at:
  https://kubernetes.io/docs/concepts/cluster-administration/addons/

Then you can join any number of worker nodes by running the following on each as root:

kubeadm join ${ip}:6443 --token ${token} \\
\t--discovery-token-ca-cert-hash ${m.caHash()} 
`;
  return { stdout: out, stderr: '', exitCode: 0 };
}

async function join(m: NodeMachine, args: string[]): Promise<CommandOutput> {
  const p = parse(args, ['token', 'discovery-token', 'discovery-token-ca-cert-hash', 'discovery-file', 'tls-bootstrap-token', 'ignore-preflight-errors', 'node-name', 'cri-socket', 'config', 'apiserver-advertise-address', 'certificate-key', 'v'], ['discovery-token-unsafe-skip-ca-verification', 'control-plane', 'dry-run']);
  if (p.error) return fail('', p.error);
  if (p.bools.has('control-plane')) return fail('', 'this lab has one control-plane node: join this node as a worker (without --control-plane)');
  const token = p.flags.get('discovery-token') ?? p.flags.get('token');
  const endpoint = p.operands[0];
  if (!token || !endpoint) return fail('', 'discovery: Invalid value: "": bootstrapToken or file must be set');
  const hash = p.flags.get('discovery-token-ca-cert-hash');
  if (!hash && !p.bools.has('discovery-token-unsafe-skip-ca-verification')) return fail('', 'discovery.bootstrapToken: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue');
  let out = '[preflight] Running pre-flight checks\n';
  const errors = [...criError(m)];
  if (m.files.stat('/etc/kubernetes/kubelet.conf')) errors.push('[ERROR FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists');
  if (m.kubeletActive() && m.joined) errors.push('[ERROR Port-10250]: Port 10250 is in use');
  if (m.files.stat('/etc/kubernetes/pki/ca.crt')) errors.push('[ERROR FileAvailable--etc-kubernetes-pki-ca.crt]: /etc/kubernetes/pki/ca.crt already exists');
  const failure = preflightFailure(out, errors, p.flags.get('ignore-preflight-errors'));
  if (failure) return failure;
  const id = m.identity();
  const host = endpoint.replace(/:\d+$/, '');
  const validHost = host === id.controlPlaneIP || host === id.controlPlaneName;
  const clusterInfo = `https://${endpoint}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s`;
  if (!validHost || !m.host.apiUp() || !m.host.initialized()) {
    const how = validHost ? `dial tcp ${endpoint}: connect: connection refused` : `dial tcp ${endpoint}: connect: no route to host`;
    return fail(out, `error execution phase preflight: couldn't validate the identity of the API Server: failed to request the cluster-info ConfigMap: Get "${clusterInfo}": ${how}`);
  }
  const [tokenId = '', tokenSecretValue = ''] = token.split('.');
  let valid = false;
  try {
    const secret = await m.host.admin().get<KubeObject & { data?: Record<string, string> }>({ resource: 'secrets', namespace: 'kube-system', name: `bootstrap-token-${tokenId}` });
    const expiration = decodeData(secret.data, 'expiration');
    valid = decodeData(secret.data, 'token-secret') === tokenSecretValue && (expiration === '' || Date.parse(expiration) > m.now());
  } catch (e) {
    if (!isStatusError(e, 'NotFound')) throw e;
  }
  if (!valid) return fail(out, `error execution phase preflight: couldn't validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "${tokenId}"`);
  if (hash && hash !== m.caHash()) return fail(out, `error execution phase preflight: couldn't validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "${m.caHash()}" are pinned`);
  out += `[preflight] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...
[preflight] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.
[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"
[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"
[kubelet-start] Starting the kubelet
[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s
`;
  await m.join();
  out += `[kubelet-check] The kubelet is healthy after 50${m.random.int(10)}.${String(m.random.int(1_000_000)).padStart(6, '0').replace(/0+$/, '')}ms
[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap

This node has joined the cluster:
* Certificate signing request was sent to apiserver and a response was received.
* The Kubelet was informed of the new secure connection details.

Run 'kubectl get nodes' on the control-plane to see this node join the cluster.

`;
  return { stdout: out, stderr: '', exitCode: 0 };
}

async function reset(m: NodeMachine, args: string[], stdin: string, question: { interactive?: boolean; answer?: string }): Promise<CommandOutput> {
  const p = parse(args, ['cert-dir', 'cleanup-tmp-dir', 'cri-socket', 'ignore-preflight-errors', 'kubeconfig', 'skip-phases', 'config', 'v'], ['f', 'force', 'dry-run']);
  if (p.error) return fail('', p.error);
  let out = '';
  let err = '';
  const warn = (source: string, message: string) => (err += `${klogLine('W', m.now(), 4000 + m.random.int(3000), source, message, m.random.int(1000))}\n`);
  const hasConfig = m.files.stat('/etc/kubernetes/admin.conf') === 'file' && m.host.apiUp() && m.host.initialized();
  if (m.files.stat('/etc/kubernetes/admin.conf') === 'file') {
    out += '[reset] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[reset] Use \'kubeadm init phase upload-config --config your-config.yaml\' to re-upload it.\n';
    if (!hasConfig) warn('reset.go:141', `[reset] Unable to fetch the kubeadm-config ConfigMap from cluster: failed to get config map: Get "https://${m.spec.internalIP}:6443/api/v1/namespaces/kube-system/configmaps/kubeadm-config?timeout=10s": dial tcp ${m.spec.internalIP}:6443: connect: connection refused`);
  }
  if (!p.bools.has('f') && !p.bools.has('force')) {
    if (question.answer === undefined) {
      warn('preflight.go:56', "[reset] WARNING: Changes made to this host by 'kubeadm init' or 'kubeadm join' will be reverted.");
      out += '[reset] Are you sure you want to proceed? [y/N]: ';
      // At a terminal the question waits for the user's answer (the shell sends it back).
      if (question.interactive) return { stdout: out, stderr: err, exitCode: 0, ask: true };
    } else {
      // What came before the question was printed already.
      out = '';
      err = '';
    }
    const answer = ((question.answer ?? stdin).split('\n')[0] ?? '').trim().toLowerCase();
    if (question.answer === undefined && answer === '') out += '\n';
    if (answer !== 'y') return { stdout: out, stderr: `${err}error execution phase preflight: aborted reset operation\n${TRAILER}`, exitCode: 1 };
  }
  out += '[preflight] Running pre-flight checks\n';
  if (!hasConfig) warn('removeetcdmember.go:106', '[reset] No kubeadm config, using etcd pod spec to get data directory');
  await m.reset();
  out += `[reset] Deleted contents of the etcd data directory: /var/lib/etcd
[reset] Stopping the kubelet service
[reset] Unmounting mounted directories in "/var/lib/kubelet"
[reset] Deleting contents of directories: [${MANIFESTS_DIR} /var/lib/kubelet /etc/kubernetes/pki]
[reset] Deleting files: [/etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/kubelet.conf /etc/kubernetes/bootstrap-kubelet.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf]

The reset process does not clean CNI configuration. To do so, you must remove /etc/cni/net.d

The reset process does not reset or clean up iptables rules or IPVS tables.
If you wish to reset iptables, you must do so manually by using the "iptables" command.

If your cluster was setup to utilize IPVS, run ipvsadm --clear (or similar)
to reset your system's IPVS tables.

The reset process does not clean your kubeconfig files and you must remove them manually.
Please, check the contents of the $HOME/.kube/config file.
`;
  return { stdout: out, stderr: err, exitCode: 0 };
}

function parseTtl(v: string | undefined): number | undefined {
  if (v === undefined) return DAY_MS;
  let ms = 0;
  const re = /(\d+(?:\.\d+)?)(h|m|s)/g;
  let rest = v;
  for (let match = re.exec(v); match; match = re.exec(v)) {
    ms += Number(match[1]) * (match[2] === 'h' ? 3_600_000 : match[2] === 'm' ? 60_000 : 1000);
    rest = rest.replace(match[0], '');
  }
  return rest === '' || v === '0' ? ms : undefined;
}

async function token(m: NodeMachine, args: string[]): Promise<CommandOutput> {
  const [verb, ...rest] = args;
  if (m.files.stat('/etc/kubernetes/admin.conf') !== 'file') return fail('', 'failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory');
  if (!m.host.apiUp() || !m.host.initialized()) return fail('', `failed to list bootstrap tokens: Get "https://${m.identity().controlPlaneIP}:6443/api/v1/namespaces/kube-system/secrets?fieldSelector=type%3Dbootstrap.kubernetes.io%2Ftoken": dial tcp ${m.identity().controlPlaneIP}:6443: connect: connection refused`);
  if (verb === 'create') {
    const p = parse(rest, ['ttl', 'description', 'usages', 'groups', 'config', 'kubeconfig'], ['print-join-command']);
    if (p.error) return fail('', p.error);
    const value = p.operands[0] ?? newToken(m);
    if (!/^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(value)) return fail('', `the bootstrap token "${value}" was not of the form "\\A([a-z0-9]{6})\\.([a-z0-9]{16})\\z"`);
    const ttl = parseTtl(p.flags.get('ttl'));
    if (ttl === undefined) return fail('', `invalid argument "${p.flags.get('ttl') ?? ''}" for "--ttl" flag: time: invalid duration "${p.flags.get('ttl') ?? ''}"`);
    await createOrReplace(m, 'secrets', 'kube-system', tokenSecret(value, m.now(), ttl, p.flags.get('description') ?? ''));
    return { stdout: `${p.bools.has('print-join-command') ? joinCommand(m, value) : value}\n`, stderr: '', exitCode: 0 };
  }
  if (verb === 'list') {
    const list = await m.host.admin().list<KubeObject & { type?: string; data?: Record<string, string> }>({ resource: 'secrets', namespace: 'kube-system' });
    const rows = [['TOKEN', 'TTL', 'EXPIRES', 'USAGES', 'DESCRIPTION', 'EXTRA GROUPS']];
    for (const s of list.items.filter((i) => i.type === 'bootstrap.kubernetes.io/token')) {
      const exp = decodeData(s.data, 'expiration');
      const left = exp ? Date.parse(exp) - m.now() : undefined;
      if (left !== undefined && left <= 0) continue;
      const usages = ['authentication', 'signing'].filter((u) => decodeData(s.data, `usage-bootstrap-${u}`) === 'true').join(',');
      rows.push([`${decodeData(s.data, 'token-id')}.${decodeData(s.data, 'token-secret')}`, left === undefined ? '<forever>' : `${Math.round(left / 3_600_000)}h`, exp || '<never>', usages, decodeData(s.data, 'description') || '<none>', decodeData(s.data, 'auth-extra-groups')]);
    }
    const widths = rows[0]?.map((_, i) => Math.max(10, ...rows.map((r) => (r[i] ?? '').length + 3))) ?? [];
    return { stdout: rows.map((r) => `${r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i] ?? 0) : c)).join('')}\n`).join(''), stderr: '', exitCode: 0 };
  }
  if (verb === 'delete') {
    for (const t of rest) {
      const tid = t.split('.')[0] ?? '';
      try {
        await m.host.admin().delete({ resource: 'secrets', namespace: 'kube-system', name: `bootstrap-token-${tid}` });
      } catch (e) {
        if (isStatusError(e, 'NotFound')) return fail('', `bootstrap token "${tid}" not found`);
        throw e;
      }
    }
    return { stdout: rest.map((t) => `bootstrap token "${t.split('.')[0] ?? ''}" deleted\n`).join(''), stderr: '', exitCode: 0 };
  }
  return fail('', verb === undefined ? 'missing subcommand; "token" is not meant to be run on its own' : `unknown command "${verb}" for "kubeadm token"`);
}

const USAGE = `
    ┌──────────────────────────────────────────────────────────┐
    │ KUBEADM                                                  │
    │ Easily bootstrap a secure Kubernetes cluster             │
    │                                                          │
    │ Please give us feedback at:                              │
    │ https://github.com/kubernetes/kubeadm/issues             │
    └──────────────────────────────────────────────────────────┘

Example usage:

    Create a two-machine cluster with one control-plane node
    (which controls the cluster), and one worker node
    (where your workloads, like Pods and Deployments run).

    ┌──────────────────────────────────────────────────────────┐
    │ On the first machine:                                    │
    ├──────────────────────────────────────────────────────────┤
    │ control-plane# kubeadm init                              │
    └──────────────────────────────────────────────────────────┘

    ┌──────────────────────────────────────────────────────────┐
    │ On the second machine:                                   │
    ├──────────────────────────────────────────────────────────┤
    │ worker# kubeadm join <arguments-returned-from-init>      │
    └──────────────────────────────────────────────────────────┘

    You can then repeat the second step on as many other machines as you like.

Usage:
  kubeadm [command]

Available Commands (in this lab):
  config      Manage configuration for a kubeadm cluster persisted in a ConfigMap in the cluster
  init        Run this command in order to set up the Kubernetes control plane
  join        Run this on any machine you wish to join an existing cluster
  reset       Performs a best effort revert of changes made to this host by 'kubeadm init' or 'kubeadm join'
  token       Manage bootstrap tokens
  version     Print the version of kubeadm
`;

/** `kubeadm ...` on a node. */
export async function kubeadm(m: NodeMachine, args: string[], stdin: string, question: { interactive?: boolean; answer?: string } = {}): Promise<CommandOutput> {
  const [cmd, ...rest] = args;
  switch (cmd) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { stdout: USAGE, stderr: '', exitCode: 0 };
    case 'version': {
      const o = rest.includes('short') ? 'short' : undefined;
      return { stdout: o ? `${KUBERNETES_VERSION.gitVersion}\n` : KUBEADM_VERSION, stderr: '', exitCode: 0 };
    }
    case 'init':
      return init(m, rest);
    case 'join':
      return join(m, rest);
    case 'reset':
      return reset(m, rest, stdin, question);
    case 'token':
      return token(m, rest);
    case 'config':
      if (rest[0] === 'images' && (rest[1] === 'list' || rest[1] === 'pull')) {
        const images = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'].map((c) => `registry.k8s.io/${c}:${KUBERNETES_VERSION.gitVersion}`).concat(['registry.k8s.io/coredns/coredns:v1.11.3', 'registry.k8s.io/pause:3.10', 'registry.k8s.io/etcd:3.5.16-0']);
        return { stdout: images.map((i) => (rest[1] === 'pull' ? `[config/images] Pulled ${i}\n` : `${i}\n`)).join(''), stderr: '', exitCode: 0 };
      }
      return fail('', `this lab's kubeadm knows "config images list" and "config images pull"`);
    default:
      return fail('', `unknown command "${cmd}" for "kubeadm"`);
  }
}
