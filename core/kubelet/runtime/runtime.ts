/**
 * The container runtime of one node (containerd as the kubelet sees it through the CRI): the
 * node's image store, its pod sandboxes and their IPs from the node's pod CIDR (host-local
 * IPAM: the next free address after the last one given, never one in use), and the node's own
 * filesystem that hostPath volumes share.
 */
import type { Clock } from '../../clock/clock';
import type { Random } from '../../clock/random';
import type { PodNetwork } from '../../network/types';
import { resolveImage, type ResolvedImage } from '../images/catalogue';
import { PAUSE, SANDBOX_IMAGE } from '../images/system';
import { SimContainer } from './container';
import { Volume } from './fs';
import { PodSandbox, type Resolver } from './sandbox';

/** An image present on the node. */
export interface StoredImage {
  image: ResolvedImage;
  /** The names it is known by (`docker.io/library/nginx:1.27`, `docker.io/library/nginx@sha256:...`). */
  names: string[];
}

/** What the runtime needs from its node. */
export interface RuntimeOptions {
  clock: Clock;
  random: Random;
  podCIDR: string;
  cpus: number;
  network?: PodNetwork;
  resolver?: Resolver;
}

/** The runtime of one node. */
export class NodeRuntime {
  /** Images present, by qualified reference. */
  readonly images = new Map<string, StoredImage>();
  /** Sandboxes by pod uid. */
  readonly sandboxes = new Map<string, PodSandbox>();
  /** The node's own filesystem (hostPath volumes). */
  readonly hostFs = new Volume();
  private readonly usedIPs = new Set<string>();
  private lastIP = 1;

  constructor(private readonly options: RuntimeOptions) {
    this.store(resolveImage(SANDBOX_IMAGE) ?? fail(PAUSE.repository));
    for (const d of ['/tmp', '/var/log', '/var/lib/kubelet', '/etc/kubernetes/manifests', '/data']) this.hostFs.mkdir(d);
  }

  /** A container or sandbox id: 64 hex digits. */
  newId(): string {
    return this.options.random.string(64, '0123456789abcdef');
  }

  /** Whether an image is present. */
  hasImage(image: ResolvedImage): boolean {
    return this.images.has(image.ref.qualified) || this.images.has(`${image.def.repository}:${image.tag}`);
  }

  /** Records a pulled image. */
  store(image: ResolvedImage): void {
    const tagged = `${image.def.repository}:${image.tag}`;
    const names = [tagged, `${image.def.repository}@${image.digest}`];
    this.images.set(tagged, { image, names });
    if (image.ref.qualified !== tagged) this.images.set(image.ref.qualified, { image, names });
  }

  /** The node's images as node.status.images lists them (by size, largest first, de-duplicated). */
  imageList(): { names: string[]; sizeBytes: number }[] {
    const byId = new Map<string, { names: string[]; sizeBytes: number }>();
    for (const s of this.images.values()) {
      const e = byId.get(s.image.id) ?? { names: [], sizeBytes: s.image.size };
      for (const n of s.names) if (!e.names.includes(n)) e.names.push(n);
      byId.set(s.image.id, e);
    }
    return [...byId.values()].map((e) => ({ names: [...e.names].sort((a, b) => Number(a.includes('@')) - Number(b.includes('@')) || a.localeCompare(b)), sizeBytes: e.sizeBytes })).sort((a, b) => b.sizeBytes - a.sizeBytes);
  }

  /** The next free pod IP of the node's CIDR (a /24 here). */
  private allocateIP(): string {
    const base = this.options.podCIDR.split('/')[0]?.split('.').slice(0, 3).join('.') ?? '10.244.0';
    for (let i = 0; i < 253; i++) {
      this.lastIP = this.lastIP >= 254 ? 2 : this.lastIP + 1;
      const ip = `${base}.${this.lastIP}`;
      if (!this.usedIPs.has(ip)) {
        this.usedIPs.add(ip);
        return ip;
      }
    }
    throw new Error(`failed to allocate for range 0: no IP addresses available in range set: ${base}.1-${base}.254`);
  }

  /** RunPodSandbox: the pause container and the pod's IP (the node's own for hostNetwork pods). */
  runSandbox(uid: string, pod: string, hostname: string, hostNetwork: boolean, nodeIP: string): PodSandbox {
    const existing = this.sandboxes.get(uid);
    if (existing) return existing;
    const ip = hostNetwork ? nodeIP : this.allocateIP();
    const sandbox = new PodSandbox(this.newId(), uid, pod, hostname, ip, this.options.clock, this.options.cpus, hostNetwork ? undefined : this.options.network, this.options.resolver, hostNetwork);
    const pause = resolveImage(SANDBOX_IMAGE) ?? fail(SANDBOX_IMAGE);
    sandbox.pause = new SimContainer(sandbox.id, { name: 'POD', image: pause, argv: ['/pause'], env: { ...pause.def.env }, workingDir: '/', mounts: [], memoryLimit: 0, cpuLimit: 0 }, sandbox);
    sandbox.pause.start();
    this.sandboxes.set(uid, sandbox);
    return sandbox;
  }

  /** StopPodSandbox + RemovePodSandbox: the pause container ends and the IP is released. */
  removeSandbox(uid: string): void {
    const s = this.sandboxes.get(uid);
    if (!s) return;
    s.pause?.kill();
    s.close();
    if (!s.hostNetwork) this.usedIPs.delete(s.ip);
    this.sandboxes.delete(uid);
  }
}

function fail(what: string): never {
  throw new Error(`image ${what} missing from the catalogue`);
}
