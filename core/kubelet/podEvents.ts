/**
 * The events a kubelet records about the containers it runs, with the kubelet's own reasons and
 * messages (pkg/kubelet/events, kuberuntime, images): `Pulling image "nginx"`, `Successfully
 * pulled image "nginx" in 1.234s (1.234s including waiting). Image size: 72099501 bytes.` or
 * `Container image "nginx:1.27" already present on machine`, `Created container: nginx`,
 * `Started container nginx`, and `Stopping container nginx` (Killing) on deletion. The node
 * remembers the images it pulled, so `IfNotPresent` pulls once per node.
 */
import type { Container, ObjectReference, Pod } from '../api/types';
import type { Random } from '../clock/random';
import type { EventRecorder } from '../client/events';

/** Sizes of well-known images (bytes, as containerd reports them); others get a stable made-up size. */
const IMAGE_SIZES: Record<string, number> = {
  'docker.io/library/nginx:latest': 72099501,
  'docker.io/library/busybox:latest': 2166802,
  'docker.io/library/busybox:1.36': 2156012,
  'docker.io/library/redis:latest': 45009421,
  'docker.io/library/httpd:latest': 58224156,
};

/** Go's time.Duration.String() of a whole number of milliseconds (`850ms`, `1.234s`, `1m2.5s`). */
export function goDuration(ms: number): string {
  if (ms <= 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

/** The size of an image (by its fully qualified name). */
export function imageSize(qualified: string): number {
  const known = IMAGE_SIZES[qualified];
  if (known !== undefined) return known;
  let h = 2166136261;
  for (const ch of qualified) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return 5_000_000 + (h % 95_000_000);
}

/** The kubelet's container events for one node. */
export class PodEvents {
  private readonly images = new Set<string>();

  constructor(
    private readonly recorder: EventRecorder,
    private readonly random: Random,
    private readonly qualify: (image: string) => string,
  ) {}

  private ref(pod: Pod, c: Container, init: boolean): ObjectReference {
    const ref: ObjectReference = { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '', apiVersion: 'v1' };
    if (pod.metadata.resourceVersion) ref.resourceVersion = pod.metadata.resourceVersion;
    ref.fieldPath = init ? `spec.initContainers{${c.name}}` : `spec.containers{${c.name}}`;
    return ref;
  }

  private containers(pod: Pod): { c: Container; init: boolean }[] {
    return [...(pod.spec.initContainers ?? []).map((c) => ({ c, init: true })), ...(pod.spec.containers ?? []).map((c) => ({ c, init: false }))];
  }

  /** Whether the container's image is pulled (by its pull policy and the node's images). */
  private needsPull(c: Container): boolean {
    if (c.imagePullPolicy === 'Never') return false;
    return c.imagePullPolicy === 'Always' || !this.images.has(this.qualify(c.image ?? ''));
  }

  /** The pod's first container starts: the image pull begins (when one is needed). */
  starting(pod: Pod): void {
    const first = this.containers(pod)[0];
    if (first && this.needsPull(first.c)) this.recorder.event(this.ref(pod, first.c, first.init), 'Normal', 'Pulling', `Pulling image ${JSON.stringify(first.c.image ?? '')}`);
  }

  /** The pod's containers run, `elapsedMs` after it started: pulled, created and started, in order. */
  started(pod: Pod, elapsedMs: number): void {
    this.containers(pod).forEach(({ c, init }, i) => {
      const ref = this.ref(pod, c, init);
      const image = c.image ?? '';
      if (this.needsPull(c)) {
        if (i > 0) this.recorder.event(ref, 'Normal', 'Pulling', `Pulling image ${JSON.stringify(image)}`);
        const took = i === 0 ? elapsedMs : this.random.between(200, 1500);
        const qualified = this.qualify(image);
        this.images.add(qualified);
        this.recorder.event(ref, 'Normal', 'Pulled', `Successfully pulled image ${JSON.stringify(image)} in ${goDuration(took)} (${goDuration(took)} including waiting). Image size: ${imageSize(qualified)} bytes.`);
      } else this.recorder.event(ref, 'Normal', 'Pulled', `Container image ${JSON.stringify(image)} already present on machine`);
      this.recorder.event(ref, 'Normal', 'Created', `Created container: ${c.name}`);
      this.recorder.event(ref, 'Normal', 'Started', `Started container ${c.name}`);
    });
  }

  /** The pod is being deleted: its running containers are stopped. */
  killing(pod: Pod): void {
    for (const s of pod.status?.containerStatuses ?? []) {
      if (!s.state?.running) continue;
      const c = pod.spec.containers.find((x) => x.name === s.name);
      if (c) this.recorder.event(this.ref(pod, c, false), 'Normal', 'Killing', `Stopping container ${c.name}`);
    }
  }
}
