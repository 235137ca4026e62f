// The Kubernetes object types the renderer reads, taken from core/ (types only: nothing of
// core/ runs in the browser through this file).
import type { PodStatus } from '../../../core/api/types';

export type { Node, Pod } from '../../../core/api/types';

export type PodPhase = NonNullable<PodStatus['phase']>;

/** The scheduler's explanation of a decision (GET /lab/v1/scheduler/explain/NS/NAME). */
export type { Explanation, NodeVerdict, PluginScore } from '../../../core/scheduler/framework/explain';

/** One trace event (GET /lab/v1/trace). */
export type { TraceEvent } from '../../../core/trace/trace';
