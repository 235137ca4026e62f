/**
 * The pod lifecycle's timing as data, after KWOK's Stages (kustomize/stage/pod/general): each
 * step the kubelet and the runtime take has a delay with jitter, on the cluster's clock and the
 * seeded random, so that a replay takes the same steps at the same times. The transitions
 * themselves (which step follows which, and what status and events each one produces) are in
 * `podWorker.ts`; the status each state maps to is in `podStatus.ts`.
 */
import type { Random } from '../clock/random';

/** A delay: `delayMs` plus up to `jitterMs` more. */
export interface StageDelay {
  delayMs: number;
  jitterMs: number;
}

/** The stages of a pod's life on a node. */
export const STAGES = {
  /** The pod is seen: the first status (Pending, ContainerCreating / PodInitializing). */
  podCreate: { delayMs: 30, jitterMs: 120 },
  /** RunPodSandbox: the pause container, the CNI's IP (PodReadyToStartContainers). */
  sandbox: { delayMs: 300, jitterMs: 500 },
  /** The registry round trip before a pull succeeds or fails. */
  pullResolve: { delayMs: 200, jitterMs: 300 },
  /** CreateContainer (after the image is there). */
  create: { delayMs: 20, jitterMs: 60 },
  /** StartContainer. */
  start: { delayMs: 30, jitterMs: 100 },
  /** PLEG's relist (every second) notices that a container exited. */
  exitNotice: { delayMs: 100, jitterMs: 900 },
  /** The pod worker's retry after a failed sync (ErrImagePull → ImagePullBackOff, CreateContainerConfigError). */
  syncRetry: { delayMs: 1000, jitterMs: 1000 },
  /** After the containers stopped: the sandbox is removed and the pod deleted from the API. */
  podDelete: { delayMs: 100, jitterMs: 300 },
} satisfies Record<string, StageDelay>;

/** A stage's name. */
export type StageName = keyof typeof STAGES;

/** Image pull throughput (bytes per ms): 60 MB/s, a good connection to Docker Hub (nginx in about 1.5 s). */
export const PULL_BYTES_PER_MS = 60_000;

/** The delay of one stage, drawn from the seeded random. */
export function stageDelay(stage: StageName, random: Random): number {
  const s: StageDelay = STAGES[stage];
  return s.delayMs + (s.jitterMs > 0 ? random.int(s.jitterMs + 1) : 0);
}

/** How long pulling an image of `size` bytes takes (ms), with a little jitter. */
export function pullDuration(size: number, random: Random): number {
  return Math.round(size / PULL_BYTES_PER_MS) + stageDelay('pullResolve', random);
}
