/**
 * The Job controller's names and numbers, as pkg/controller/job and k8s.io/api/batch/v1 define
 * them: the tracking finalizer, the completion-index annotation and label, the back-off of pod
 * recreation after failures, the condition reasons and messages.
 */

/** The controller's name in kube-controller-manager's `--controllers`. */
export const JOB_CONTROLLER = 'job';
/** The component that records the Job controller's events. */
export const JOB_COMPONENT = 'job-controller';

/** batch.JobTrackingFinalizer: on every pod of a Job until the controller has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** batch.JobCompletionIndexAnnotation (also the label, with PodIndexLabel). */
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
/** The environment variable of an Indexed Job's pods. */
export const JOB_COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** syncJobBatchPeriod: pod events are batched for a second before the Job is synced. */
export const SYNC_BATCH_MS = 1000;
/** DefaultJobPodFailureBackOff: the first delay before a failed pod is replaced. */
export const POD_FAILURE_BACKOFF_MS = 10_000;
/**
 * MaxJobPodFailureBackOff: the cap of that delay. The documentation says "capped at six
 * minutes"; the 1.32 controller's constant is ten minutes, which is what a cluster does.
 */
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;
/** MaxUncountedPods: how many finished pods one status write may list as uncounted. */
export const MAX_UNCOUNTED_PODS = 500;
/** MaxPodCreateDeletePerSync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

/** Condition reasons and messages (batch/v1 and job_controller.go). */
export const REASONS = {
  backoffLimitExceeded: 'BackoffLimitExceeded',
  backoffLimitExceededMessage: 'Job has reached the specified backoff limit',
  deadlineExceeded: 'DeadlineExceeded',
  deadlineExceededMessage: 'Job was active longer than specified deadline',
  completionsReached: 'CompletionsReached',
  completionsReachedMessage: 'Reached expected number of succeeded pods',
} as const;
