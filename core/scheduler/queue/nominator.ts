/**
 * The nominator: pending pods that preemption nominated to a node (`status.nominatedNodeName`),
 * so that the filters count them there and lower-priority pods do not take the room freed.
 */
import type { PodInfo } from '../framework/podInfo';

/** No pods (shared: most nodes have none nominated, and the filters ask for every node). */
const NONE: readonly PodInfo[] = Object.freeze([]);

/** Nominated pods by node. */
export class Nominator {
  private readonly byNode = new Map<string, Map<string, PodInfo>>();
  private readonly nodeOf = new Map<string, string>();

  /** Records (or clears, with '' or undefined) a pod's nomination. */
  set(pi: PodInfo, node: string | undefined): void {
    this.remove(pi.key);
    if (!node) return;
    let m = this.byNode.get(node);
    if (!m) this.byNode.set(node, (m = new Map()));
    m.set(pi.key, pi);
    this.nodeOf.set(pi.key, node);
  }

  /** Forgets a pod. */
  remove(key: string): void {
    const node = this.nodeOf.get(key);
    if (node === undefined) return;
    this.nodeOf.delete(key);
    const m = this.byNode.get(node);
    m?.delete(key);
    if (m && m.size === 0) this.byNode.delete(node);
  }

  /** The pods nominated to a node. */
  pods(node: string): readonly PodInfo[] {
    if (this.byNode.size === 0) return NONE;
    const m = this.byNode.get(node);
    return m ? [...m.values()] : NONE;
  }
}
