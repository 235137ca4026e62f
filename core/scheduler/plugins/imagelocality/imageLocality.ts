/**
 * ImageLocality: prefers nodes that already have the pod's images, by their size scaled by how
 * many nodes have them (an image everywhere is worth less), between 23 MB and 1000 MB per
 * container.
 */
import type { NodeInfo } from '../../framework/nodeInfo';
import { normalizedImageName } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, type CycleState, type Handle, type ScorePlugin } from '../../framework/types';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** The normalised image of each container (init containers first) of a pod, made once per pod. */
const podImages = new WeakMap<PodInfo, readonly string[]>();

function imagesOf(pod: PodInfo): readonly string[] {
  let images = podImages.get(pod);
  if (!images) {
    const spec = pod.pod.spec;
    images = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c) => normalizedImageName(c.image ?? ''));
    podImages.set(pod, images);
  }
  return images;
}

/** The ImageLocality plugin. */
export class ImageLocality implements ScorePlugin {
  readonly name = 'ImageLocality';

  constructor(private readonly handle: Handle) {}

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const images = imagesOf(pod);
    let sum = 0;
    if (node.images.size > 0) {
      const total = this.handle.nodes().length;
      for (const name of images) {
        const size = node.images.get(name);
        if (size !== undefined && total > 0) sum += Math.trunc(size * (this.handle.imageNodes(name) / total));
      }
    }
    const max = MAX_CONTAINER_THRESHOLD * images.length;
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max);
    return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
  }
}
