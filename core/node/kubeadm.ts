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
import { isStatusError } from '../api/status';
import { KUBERNETES_VERSION, type KubeObject } from '../api/types';
import { KUBEADM_VERSION, MANIFESTS_DIR } from './files';
import type { CommandOutput } from './journal';
import { init, join } from './kubeadmInit';
import { createOrReplace, DAY_MS, decodeData, fail, joinCommand, newToken, parse, TRAILER, tokenSecret } from './kubeadmUtil';
import type { NodeMachine } from './machine';
import { klogLine } from './time';

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

/** apimachinery's ShortHumanDuration (what `kubeadm token list` prints as the TTL). */
function shortHumanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 0) return '0s';
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h`;
  return h < 24 * 365 ? `${Math.floor(h / 24)}d` : `${Math.floor(h / 24 / 365)}y`;
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
      rows.push([`${decodeData(s.data, 'token-id')}.${decodeData(s.data, 'token-secret')}`, left === undefined ? '<forever>' : shortHumanDuration(left), exp || '<never>', usages, decodeData(s.data, 'description') || '<none>', decodeData(s.data, 'auth-extra-groups')]);
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
