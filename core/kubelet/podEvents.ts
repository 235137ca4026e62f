/**
 * The events a kubelet records about the containers it runs, with the kubelet's own reasons
 * and messages (pkg/kubelet/events, kuberuntime, images, prober): `Pulling image "nginx"`,
 * `Successfully pulled image "nginx" in 1.234s (1.234s including waiting). Image size: 72099501
 * bytes.` or `Container image "nginx:1.27" already present on machine`, `Created container:
 * nginx`, `Started container nginx`, `Stopping container nginx` (Killing), `Back-off restarting
 * failed container ...`, `Failed to pull image ...`, `Liveness probe failed: ...`.
 */
import type { Container, ObjectReference, Pod } from '../api/types';
import type { EventRecorder } from '../client/events';
import { resolveImage } from './images/catalogue';

/** Go's time.Duration.String() of a whole number of milliseconds (`850ms`, `1.234s`, `1m2.5s`). */
export function goDuration(ms: number): string {
  if (ms <= 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

/** The size of an image (by reference): the catalogue's, or a stable made-up one for others. */
export function imageSize(image: string): number {
  const known = resolveImage(image)?.size;
  if (known !== undefined) return known;
  let h = 2166136261;
  for (const ch of image) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return 5_000_000 + (h % 95_000_000);
}

/** format.Pod: `web_default(uid)`. */
export function formatPod(pod: Pod): string {
  return `${pod.metadata.name ?? ''}_${pod.metadata.namespace ?? ''}(${pod.metadata.uid ?? ''})`;
}

/** The gRPC status a containerd pull error comes back with. */
export function pullRpcError(message: string): string {
  return `rpc error: code = ${message.endsWith(': not found') ? 'NotFound' : 'Unknown'} desc = ${message}`;
}

/** The kubelet's events about one node's pods. */
export class PodEvents {
  /** Events go to `recorder`; none: the events are not recorded (static pods started at boot). */
  constructor(private readonly recorder: EventRecorder | undefined) {}

  /** The reference of a container (`spec.containers{web}`), or of the pod. */
  ref(pod: Pod, c?: Container, init = false): ObjectReference {
    const ref: ObjectReference = { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '', apiVersion: 'v1' };
    if (pod.metadata.resourceVersion) ref.resourceVersion = pod.metadata.resourceVersion;
    if (c) ref.fieldPath = init ? `spec.initContainers{${c.name}}` : `spec.containers{${c.name}}`;
    return ref;
  }

  private emit(pod: Pod, c: Container | undefined, init: boolean, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.recorder?.event(this.ref(pod, c, init), type, reason, message);
  }

  /** Pulling. */
  pulling(pod: Pod, c: Container, init: boolean): void {
    this.emit(pod, c, init, 'Normal', 'Pulling', `Pulling image ${JSON.stringify(c.image ?? '')}`);
  }

  /** Pulled after a pull that took `ms` of an image of `size` bytes. */
  pulled(pod: Pod, c: Container, init: boolean, ms: number, size: number): void {
    this.emit(pod, c, init, 'Normal', 'Pulled', `Successfully pulled image ${JSON.stringify(c.image ?? '')} in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${size} bytes.`);
  }

  /** Pulled: the image was there. */
  present(pod: Pod, c: Container, init: boolean): void {
    this.emit(pod, c, init, 'Normal', 'Pulled', `Container image ${JSON.stringify(c.image ?? '')} already present on machine`);
  }

  /** A pull failed: Failed with the registry's error, then `Error: ErrImagePull`. */
  pullFailed(pod: Pod, c: Container, init: boolean, message: string): void {
    this.emit(pod, c, init, 'Warning', 'Failed', `Failed to pull image ${JSON.stringify(c.image ?? '')}: ${pullRpcError(message)}`);
    this.emit(pod, c, init, 'Warning', 'Failed', 'Error: ErrImagePull');
  }

  /** A pull waits for its back-off. */
  pullBackOff(pod: Pod, c: Container, init: boolean): void {
    this.emit(pod, c, init, 'Normal', 'BackOff', `Back-off pulling image ${JSON.stringify(c.image ?? '')}`);
    this.emit(pod, c, init, 'Warning', 'Failed', 'Error: ImagePullBackOff');
  }

  /** imagePullPolicy Never and the image is missing. */
  neverPull(pod: Pod, c: Container, init: boolean): void {
    this.emit(pod, c, init, 'Warning', 'ErrImageNeverPull', `Container image ${JSON.stringify(c.image ?? '')} is not present with pull policy of Never`);
    this.emit(pod, c, init, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
  }

  /** An invalid image reference. */
  invalidImage(pod: Pod, c: Container, init: boolean, message: string): void {
    this.emit(pod, c, init, 'Warning', 'InspectFailed', message);
    this.emit(pod, c, init, 'Warning', 'Failed', 'Error: InvalidImageName');
  }

  /** A container failed before it ran (CreateContainerConfigError, StartError...): `Error: <message>`. */
  failed(pod: Pod, c: Container, init: boolean, message: string): void {
    this.emit(pod, c, init, 'Warning', 'Failed', `Error: ${message}`);
  }

  /** Created. */
  created(pod: Pod, c: Container, init: boolean): void {
    this.emit(pod, c, init, 'Normal', 'Created', `Created container: ${c.name}`);
  }

  /** Started. */
  started(pod: Pod, c: Container, init: boolean): void {
    this.emit(pod, c, init, 'Normal', 'Started', `Started container ${c.name}`);
  }

  /** Killing (`Stopping container web`, or the probe's reason). */
  killing(pod: Pod, c: Container, init: boolean, message = `Stopping container ${c.name}`): void {
    this.emit(pod, c, init, 'Normal', 'Killing', message);
  }

  /** A restart waits for its back-off (CrashLoopBackOff). */
  backOff(pod: Pod, c: Container, init: boolean): void {
    this.emit(pod, c, init, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${formatPod(pod)}`);
  }

  /** A probe failed (`Liveness probe failed: ...`). */
  unhealthy(pod: Pod, c: Container, init: boolean, message: string): void {
    this.emit(pod, c, init, 'Warning', 'Unhealthy', message);
  }

  /** A volume could not be set up. */
  failedMount(pod: Pod, volume: string, message: string): void {
    this.emit(pod, undefined, false, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume ${JSON.stringify(volume)} : ${message}`);
  }
}
