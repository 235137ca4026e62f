/**
 * PID namespaces. Each container has its own, where its program is PID 1, unless the pod sets
 * `shareProcessNamespace: true`: then every container joins the sandbox's, where the pause
 * process is PID 1 and each container sees (and may signal) the others' processes.
 */
import type { Process, ProcessInfo } from './process';

/** One process of a namespace: what `ps` shows, the running process (none for nginx's workers), the container it belongs to. */
export interface PidEntry {
  info: ProcessInfo;
  proc?: Process;
  owner: object;
}

/** A PID namespace: numbers handed out in order, never reused while the namespace lives. */
export class PidNamespace {
  private next = 1;
  /** Every process of the namespace, by PID. */
  readonly entries = new Map<number, PidEntry>();

  /** The next PID (at least `min`: the first ones went to an entrypoint's scripts). */
  allocate(min = 0): number {
    const pid = Math.max(this.next, min);
    this.next = pid + 1;
    return pid;
  }

  /** The processes of one container. */
  owned(owner: object): [number, PidEntry][] {
    return [...this.entries].filter(([, e]) => e.owner === owner);
  }

  /** A process and every process it started, and theirs (a session's process group, loosely). */
  tree(root: number): number[] {
    const out = [root];
    for (let i = 0; i < out.length; i++) for (const [pid, e] of this.entries) if (e.info.ppid === out[i] && !out.includes(pid)) out.push(pid);
    return out.filter((pid) => this.entries.has(pid));
  }
}
