/**
 * The answer to a command the bundled shell does not have: `kubelab: X: command not found`,
 * then a hint — the builtin the student probably meant, or where the tool they reached for
 * lives in this lab.
 */
import type { Sink } from './streams';

const IN_CONTAINERS = ['curl', 'wget', 'ping', 'nslookup', 'dig', 'nc', 'telnet', 'ps', 'top', 'env', 'hostname', 'ip', 'ifconfig', 'netstat', 'ss'];
const NO_ENGINE = ['docker', 'ctr', 'podman', 'nerdctl'];
const ON_NODES = ['crictl', 'kubeadm', 'kubelet', 'containerd', 'systemctl', 'journalctl'];
const NO_HOST = ['minikube', 'kind', 'service', 'sudo', 'su', 'apt', 'apt-get', 'yum', 'brew'];
const PAGERS = ['less', 'more', 'view'];

/** The optimal-string-alignment distance: Levenshtein's, with a swap of two neighbours as one edit. */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The hint for `name`. */
export function hintFor(name: string, known: string[]): string {
  if (IN_CONTAINERS.includes(name)) return `this lab's shell has no ${name}; run it in a container instead: kubectl exec -it POD -- ${name} ...`;
  if (ON_NODES.includes(name)) return `${name} runs on the nodes: log in to one first (ssh kubelab-worker), then ${name} ...`;
  if (NO_ENGINE.includes(name)) return `this lab has no container engine: its containers are simulated; look at them with kubectl get pods, kubectl describe pod and kubectl logs`;
  if (NO_HOST.includes(name)) return `this lab's shell has no ${name}; use kubectl (see "help"), or log in to a node with ssh NODE`;
  if (PAGERS.includes(name)) return `this lab's shell has no pager; use head, tail or grep (kubectl ... | head -n 20), or scroll the terminal`;
  // Close enough to be a typo: one edit in a short name, two in a long one (a swap counts one).
  const max = Math.max(1, Math.floor(name.length / 4));
  let best: { word: string; d: number } | undefined;
  for (const word of known) {
    const d = distance(name, word);
    if (d <= max && (!best || d < best.d)) best = { word, d };
  }
  if (best) return `did you mean "${best.word}"?`;
  return `this lab's shell runs kubectl and its own builtins, not this computer's programs; type "help" for the list`;
}

/**
 * Prints bash's not-found message (`kubelab: NAME: command not found`) and a one-line hint;
 * resolves with the status 127. A program of that name on the computer is never run: the lab
 * is offline and sandboxed to its workspace.
 */
export async function commandNotFound(name: string, known: string[], err: Sink): Promise<number> {
  err.write(`kubelab: ${name}: command not found\nhint: ${hintFor(name, known)}\n`);
  return 127;
}
