/** The state one sync of a Job works on (syncJobCtx of job_controller.go). */
import type { Condition, Job, Pod } from '../../api/types';
import type { BackoffRecord } from './backoff';
import type { Interval } from './indexes';

/** `status.uncountedTerminatedPods`. */
export interface UncountedTerminatedPods {
  succeeded?: string[];
  failed?: string[];
}

/** The Job status fields the controller writes. */
export interface JobStatus {
  conditions?: Condition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  ready?: number;
  terminating?: number;
  completedIndexes?: string;
  uncountedTerminatedPods?: UncountedTerminatedPods;
  [field: string]: unknown;
}

/** One sync's working state. */
export interface SyncJobCtx {
  job: Job & { status: JobStatus };
  pods: Pod[];
  activePods: Pod[];
  /** The condition the Job is finishing with (interim or terminal), if any. */
  finished?: Condition;
  succeeded: number;
  failed: number;
  prevSucceededIndexes: Interval[];
  succeededIndexes: Interval[];
  newBackoff: BackoffRecord;
  expectedRmFinalizers: Set<string>;
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  terminating: number;
  ready: number;
}
