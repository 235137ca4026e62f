// The Kubernetes object types the renderer reads, taken from core/ (types only: nothing of
// core/ runs in the browser through this file).
import type { PodStatus } from '../../../core/api/types';

export type { Node, Pod } from '../../../core/api/types';

export type PodPhase = NonNullable<PodStatus['phase']>;
