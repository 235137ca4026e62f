/**
 * The kubelet's file source of static pods: the manifests in /etc/kubernetes/manifests. Each
 * change of the directory (a file written, edited, moved or removed) is read as the kubelet's
 * watch on it reads it: a new or changed manifest starts its pod (a changed one replaces the
 * old pod once it has stopped), a removed one stops it, one that does not decode into a pod
 * is logged and ignored (and stops the pod it gave before). A control-plane component's
 * manifest also stands for that component: removing `kube-scheduler.yaml` stops the scheduler.
 */
import type { Pod } from '../api/types';
import type { Client } from '../client/client';
import { toYaml } from '../shell/printers/yaml';
import type { Clock } from '../clock/clock';
import { keyOf } from '../client/informer';
import type { Kubelet } from '../kubelet/kubelet';
import { CONTROL_PLANE_COMPONENTS, type ControlPlaneComponent } from '../kubelet/staticPods';
import type { Volume } from '../kubelet/runtime/fs';
import { MANIFESTS_DIR } from './files';

/** What the source needs besides the kubelet. */
export interface ManifestHost {
  clock: Clock;
  files: Volume;
  /** Decodes a YAML (or JSON) stream; undefined: JSON only. */
  parse(): ((text: string) => unknown[]) | undefined;
  /** Logs as the kubelet (`E`, `file.go:..`, message). */
  log(severity: 'I' | 'E', source: string, message: string): void;
  /** A control-plane component's manifest came or went. */
  component(c: ControlPlaneComponent, present: boolean): Promise<void>;
  /** Whether the control plane was set up (before, component manifests start nothing). */
  initialized(): boolean;
}

/**
 * After a restart of the lab: the manifests a student wrote are written again from their mirror
 * pods (the node's files live in memory; the mirror pods were kept with the cluster's state),
 * so that the static pods keep running and `rm` of the file still stops them.
 */
export async function restoreFromMirrors(source: StaticPodSource, kubelet: Kubelet, client: Client, write: (path: string, text: string) => void): Promise<void> {
  const node = kubelet.nodeName;
  const pods = await client.list<Pod>({ resource: 'pods' }, { fieldSelector: `spec.nodeName=${node}` });
  const known = new Set(kubelet.staticPodManifests().map((m) => m.metadata.name));
  for (const p of pods.items) {
    const annotations = p.metadata.annotations ?? {};
    const name = p.metadata.name ?? '';
    if (annotations['kubernetes.io/config.source'] !== 'file' || !name.endsWith(`-${node}`)) continue;
    const base = name.slice(0, -(node.length + 1));
    if (known.has(base)) continue;
    const kept = Object.fromEntries(Object.entries(annotations).filter(([k]) => !k.startsWith('kubernetes.io/config.')));
    const { nodeName: _node, ...spec } = p.spec;
    const manifest: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: base, namespace: p.metadata.namespace ?? 'default', ...(p.metadata.labels ? { labels: p.metadata.labels } : {}), ...(Object.keys(kept).length > 0 ? { annotations: kept } : {}) }, spec };
    const path = `${MANIFESTS_DIR}/${base}.yaml`;
    const text = toYaml(manifest);
    write(path, text);
    source.adopt(path, text, base);
    await kubelet.addStaticPod(manifest);
  }
}

/** Why a manifest is not a pod; undefined when it is one. */
function podProblem(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'the manifest is not an object';
  const o = v as Record<string, unknown>;
  if (o['kind'] !== 'Pod') return `the manifest's kind is ${JSON.stringify(o['kind'] ?? '')}, not Pod`;
  const meta = o['metadata'] as Record<string, unknown> | undefined;
  const problems: string[] = [];
  if (typeof meta?.['name'] !== 'string' || meta['name'] === '') problems.push('metadata.name: Required value: name or generateName is required');
  const spec = o['spec'] as Record<string, unknown> | undefined;
  const containers = spec?.['containers'];
  if (!Array.isArray(containers) || containers.length === 0) problems.push('spec.containers: Required value');
  else
    containers.forEach((c: unknown, i) => {
      const cc = (c ?? {}) as Record<string, unknown>;
      if (typeof cc['name'] !== 'string' || cc['name'] === '') problems.push(`spec.containers[${i}].name: Required value`);
      if (typeof cc['image'] !== 'string' || cc['image'] === '') problems.push(`spec.containers[${i}].image: Required value`);
    });
  return problems.length > 0 ? `invalid pod: [${problems.join(', ')}]` : undefined;
}

interface Synced {
  text: string;
  /** The static pod the file gives (its metadata.name). */
  pod?: string;
}

/** The static pod source of one node. */
export class StaticPodSource {
  private readonly synced = new Map<string, Synced>();
  /** Manifests waiting for the pod they replace to stop. */
  private readonly pending = new Map<string, Pod>();
  private timer: { id: number } | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly kubelet: Kubelet,
    private readonly host: ManifestHost,
  ) {}

  /** Records a manifest the kubelet already runs (as written by kubeadm) without reading it again. */
  adopt(path: string, text: string, pod: string): void {
    this.synced.set(path, { text, pod });
  }

  /** Forgets every manifest (the directory was emptied behind the kubelet's back, kubeadm reset). */
  clear(): void {
    this.synced.clear();
    this.pending.clear();
  }

  /** Reads the directory again (after every change under it). */
  sync(): Promise<void> {
    this.running = this.running.then(() => this.syncNow()).catch(() => undefined);
    return this.running;
  }

  private manifestPaths(): string[] {
    const files = this.host.files;
    if (files.stat(MANIFESTS_DIR) !== 'dir') return [];
    return files
      .list(MANIFESTS_DIR)
      .filter((n) => !n.startsWith('.'))
      .map((n) => `${MANIFESTS_DIR}/${n}`)
      .filter((p) => files.stat(p) === 'file');
  }

  private decode(path: string, text: string): Pod | string {
    const parse = this.host.parse();
    let docs: unknown[];
    try {
      docs = parse ? parse(text) : [JSON.parse(text)];
    } catch (e) {
      return `${path}: couldn't parse as pod(${e instanceof Error ? e.message.split('\n')[0] : String(e)}), please check config file`;
    }
    const doc = docs.find((d) => d !== null && d !== undefined);
    const problem = podProblem(doc);
    return problem ? `${path}: couldn't parse as pod(${problem}), please check config file` : (doc as Pod);
  }

  private async syncNow(): Promise<void> {
    const present = new Set(this.manifestPaths());
    for (const [path, rec] of [...this.synced]) {
      if (present.has(path)) continue;
      this.synced.delete(path);
      if (rec.pod) await this.stop(rec.pod);
    }
    for (const path of present) {
      const text = this.host.files.files.get(path)?.content ?? '';
      const before = this.synced.get(path);
      if (before?.text === text) continue;
      // A file being written (`>` truncates first): the kubelet skips an empty manifest.
      if (text.trim() === '') {
        this.synced.set(path, { text, ...(before?.pod ? { pod: before.pod } : {}) });
        continue;
      }
      const pod = this.decode(path, text);
      if (typeof pod === 'string') {
        this.host.log('E', 'file.go:187', `"Could not process manifest file" err=${JSON.stringify(pod)} path=${JSON.stringify(path)}`);
        this.synced.set(path, { text });
        if (before?.pod) await this.stop(before.pod);
        continue;
      }
      const name = pod.metadata.name ?? '';
      this.synced.set(path, { text, pod: name });
      if (before?.pod && before.pod !== name) await this.stop(before.pod);
      await this.start(pod, before?.pod === name);
    }
  }

  private component(name: string): ControlPlaneComponent | undefined {
    return (CONTROL_PLANE_COMPONENTS as readonly string[]).includes(name) ? (name as ControlPlaneComponent) : undefined;
  }

  private async stop(name: string): Promise<void> {
    if ([...this.synced.values()].some((s) => s.pod === name)) return;
    this.pending.delete(name);
    await this.kubelet.removeStaticPod(name).catch(() => undefined);
    const c = this.component(name);
    if (c && this.host.initialized()) await this.host.component(c, false);
  }

  private async start(pod: Pod, replaces: boolean): Promise<void> {
    const name = pod.metadata.name ?? '';
    const c = this.component(name);
    if (replaces) {
      // The old pod stops first; the new one starts once its mirror pod is gone.
      await this.kubelet.removeStaticPod(name).catch(() => undefined);
      this.pending.set(name, pod);
      this.schedule();
      return;
    }
    if (c && this.host.initialized()) await this.host.component(c, true);
    await this.kubelet.addStaticPod(pod).catch(() => undefined);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = this.host.clock.setTimer(1000, () => {
      this.timer = undefined;
      void this.flushPending();
    });
  }

  private async flushPending(): Promise<void> {
    const node = this.kubelet.nodeName;
    const running = new Set(this.kubelet.podStates().map((p) => keyOf(p.pod)));
    for (const [name, pod] of [...this.pending]) {
      // A stopped kubelet stops nothing: the new manifest waits for it in its map.
      if (this.kubelet.isRunning && running.has(`${pod.metadata.namespace ?? 'default'}/${name}-${node}`)) continue;
      this.pending.delete(name);
      const c = this.component(name);
      if (c && this.host.initialized()) await this.host.component(c, true);
      await this.kubelet.addStaticPod(pod).catch(() => undefined);
    }
    if (this.pending.size > 0) this.schedule();
  }
}
