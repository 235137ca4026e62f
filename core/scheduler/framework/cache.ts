/**
 * The scheduler's cache (pkg/scheduler/backend/cache): a NodeInfo per node kept up to date
 * from the node and pod informers, with "assumed" pods — placed by a decision whose binding is
 * still in flight — counted at once so that the next decision sees them; the informer's bound
 * pod later confirms the assumption, a failed binding forgets it. Nodes are listed zone by
 * zone in turn, as the scheduler's node tree does.
 */
import type { Node } from '../../api/types';
import { LABEL_REGION, LABEL_REGION_BETA, LABEL_ZONE, LABEL_ZONE_BETA } from './api';
import { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';

function zoneKey(node: Node): string {
  const l = node.metadata.labels ?? {};
  const region = l[LABEL_REGION] ?? l[LABEL_REGION_BETA] ?? '';
  const zone = l[LABEL_ZONE] ?? l[LABEL_ZONE_BETA] ?? '';
  return region || zone ? `${region}:\u0000:${zone}` : '';
}

/** The cache. */
export class SchedulerCache {
  private readonly infos = new Map<string, NodeInfo>();
  /** Zone key → node names, in the order the nodes came. */
  private readonly zones = new Map<string, string[]>();
  private ordered: NodeInfo[] | undefined;
  /** Pod key → the node it is on (bound or assumed). */
  private readonly podNodes = new Map<string, string>();
  private readonly assumed = new Set<string>();
  private readonly imageCounts = new Map<string, number>();

  /** Every node, zone by zone in turn (the array is replaced, never changed, when nodes change). */
  list(): readonly NodeInfo[] {
    if (!this.ordered) {
      const out: NodeInfo[] = [];
      const lists = [...this.zones.values()];
      const longest = Math.max(0, ...lists.map((l) => l.length));
      for (let i = 0; i < longest; i++) {
        for (const names of lists) {
          const name = names[i];
          const info = name !== undefined ? this.infos.get(name) : undefined;
          if (info?.node) out.push(info);
        }
      }
      this.ordered = out;
    }
    return this.ordered;
  }

  /** The NodeInfo of a node (undefined for unknown nodes). */
  get(name: string): NodeInfo | undefined {
    const info = this.infos.get(name);
    return info?.node ? info : undefined;
  }

  /** How many nodes have an image. */
  imageNodes(image: string): number {
    return this.imageCounts.get(image) ?? 0;
  }

  private info(name: string): NodeInfo {
    let info = this.infos.get(name);
    if (!info) this.infos.set(name, (info = new NodeInfo(name)));
    return info;
  }

  private countImages(info: NodeInfo, sign: 1 | -1): void {
    for (const image of info.images.keys()) {
      const n = (this.imageCounts.get(image) ?? 0) + sign;
      if (n > 0) this.imageCounts.set(image, n);
      else this.imageCounts.delete(image);
    }
  }

  /** A node was added or changed. */
  setNode(node: Node): void {
    const name = node.metadata.name ?? '';
    const info = this.info(name);
    const oldZone = info.node ? zoneKey(info.node) : undefined;
    const zone = zoneKey(node);
    if (oldZone !== zone) {
      if (oldZone !== undefined) this.removeFromZone(oldZone, name);
      const names = this.zones.get(zone) ?? [];
      names.push(name);
      this.zones.set(zone, names);
      this.ordered = undefined;
    }
    if (info.node) this.countImages(info, -1);
    info.setNode(node);
    this.countImages(info, 1);
  }

  private removeFromZone(zone: string, name: string): void {
    const names = (this.zones.get(zone) ?? []).filter((n) => n !== name);
    if (names.length) this.zones.set(zone, names);
    else this.zones.delete(zone);
  }

  /** A node was deleted (its pods, if any, stay counted until they go). */
  removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info?.node) return;
    this.removeFromZone(zoneKey(info.node), name);
    this.countImages(info, -1);
    info.node = undefined;
    this.ordered = undefined;
    if (info.pods.size === 0) this.infos.delete(name);
  }

  /** A bound pod was seen (added or updated); confirms an assumed pod. */
  addPod(pi: PodInfo, nodeName: string): void {
    const was = this.podNodes.get(pi.key);
    if (was !== undefined && was !== nodeName) this.removePod(pi.key);
    this.assumed.delete(pi.key);
    this.podNodes.set(pi.key, nodeName);
    this.info(nodeName).addPod(pi);
  }

  /** A pod left its node (deleted, finished, or its assumption forgotten). */
  removePod(key: string): void {
    const nodeName = this.podNodes.get(key);
    if (nodeName === undefined) return;
    this.podNodes.delete(key);
    this.assumed.delete(key);
    const info = this.infos.get(nodeName);
    if (!info) return;
    info.removePod(key);
    if (!info.node && info.pods.size === 0) this.infos.delete(nodeName);
  }

  /** Counts a pod on a node before its binding is confirmed. */
  assume(pi: PodInfo, nodeName: string): void {
    this.addPod(pi, nodeName);
    this.assumed.add(pi.key);
  }

  /** Whether a pod is assumed (its binding in flight). */
  isAssumed(key: string): boolean {
    return this.assumed.has(key);
  }

  /** Forgets an assumed pod whose binding failed. */
  forget(key: string): void {
    if (this.assumed.has(key)) this.removePod(key);
  }

  /** The node a pod is counted on. */
  nodeOf(key: string): string | undefined {
    return this.podNodes.get(key);
  }
}
