/**
 * framework.NodeInfo: a node and the pods on it with running totals — requested and non-zero
 * requested resources, used host ports, the pods with affinity — updated as pods come and go,
 * never recomputed per scheduling decision.
 */
import type { Node, Taint } from '../../api/types';
import type { HostPort, PodInfo } from './podInfo';
import { addInto, copyResource, emptyResource, isScalarResource, quantityScaled, type Resource } from './resources';

/** A node's allocatable resources, parsed. */
export interface Allocatable extends Resource {
  allowedPodNumber: number;
}

/** framework.NodeInfo. */
export class NodeInfo {
  node: Node | undefined;
  name: string;
  readonly pods = new Map<string, PodInfo>();
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  requested: Resource = emptyResource();
  nonZeroRequested: Resource = emptyResource();
  allocatable: Allocatable = { ...emptyResource(), allowedPodNumber: 0 };
  labels: Record<string, string> = {};
  taints: readonly Taint[] = [];
  /** `ip/protocol/port` → count. */
  readonly usedPorts = new Map<string, number>();
  /** Images on the node: normalised name → size in bytes. */
  images = new Map<string, number>();
  /** Bumped on every change. */
  generation = 0;

  constructor(name: string) {
    this.name = name;
  }

  /** Sets (or replaces) the node object. */
  setNode(node: Node): void {
    this.node = node;
    this.labels = node.metadata.labels ?? {};
    this.taints = node.spec?.taints ?? [];
    const alloc = node.status?.allocatable ?? {};
    const a: Allocatable = { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0 };
    for (const [name, q] of Object.entries(alloc)) {
      if (name === 'cpu') a.milliCPU = quantityScaled(q, 3);
      else if (name === 'memory') a.memory = quantityScaled(q, 0);
      else if (name === 'ephemeral-storage') a.ephemeralStorage = quantityScaled(q, 0);
      else if (name === 'pods') a.allowedPodNumber = quantityScaled(q, 0);
      else if (isScalarResource(name)) {
        a.scalar ??= new Map();
        a.scalar.set(name, quantityScaled(q, 0));
      }
    }
    this.allocatable = a;
    const images = new Map<string, number>();
    for (const img of node.status?.images ?? []) for (const n of img.names ?? []) images.set(normalizedImageName(n), img.sizeBytes ?? 0);
    this.images = images;
    this.generation++;
  }

  /** Adds a pod (or replaces it when already there). */
  addPod(pi: PodInfo): void {
    if (this.pods.has(pi.key)) this.removePod(pi.key);
    this.pods.set(pi.key, pi);
    this.update(pi, 1);
  }

  /** Removes a pod by key; false when it was not there. */
  removePod(key: string): boolean {
    const pi = this.pods.get(key);
    if (!pi) return false;
    this.pods.delete(key);
    this.update(pi, -1);
    return true;
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    addInto(this.requested, pi.requests, sign);
    addInto(this.nonZeroRequested, pi.nonZeroRequests, sign);
    if (pi.requiredAffinityTerms.length || pi.requiredAntiAffinityTerms.length || pi.preferredAffinityTerms.length || pi.preferredAntiAffinityTerms.length) this.podsWithAffinity += sign;
    if (pi.requiredAntiAffinityTerms.length) this.podsWithRequiredAntiAffinity += sign;
    for (const p of pi.ports) {
      const k = portKey(p);
      const n = (this.usedPorts.get(k) ?? 0) + sign;
      if (n > 0) this.usedPorts.set(k, n);
      else this.usedPorts.delete(k);
    }
    this.generation++;
  }

  /** A copy whose pods can be changed without touching this one (for preemption's dry runs). */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.node = this.node;
    c.labels = this.labels;
    c.taints = this.taints;
    c.allocatable = this.allocatable;
    c.images = this.images;
    for (const [k, v] of this.pods) c.pods.set(k, v);
    c.podsWithAffinity = this.podsWithAffinity;
    c.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity;
    c.requested = copyResource(this.requested);
    c.nonZeroRequested = copyResource(this.nonZeroRequested);
    for (const [k, v] of this.usedPorts) c.usedPorts.set(k, v);
    c.generation = this.generation;
    return c;
  }
}

/** The key of a host port in `usedPorts`. */
export function portKey(p: HostPort): string {
  return `${p.ip}/${p.protocol}/${p.port}`;
}

/** An image name with `:latest` when it has no tag or digest (imagelocality.normalizedImageName). */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/')) return `${name}:latest`;
  return name;
}
