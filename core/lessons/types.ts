/**
 * The lesson format as data: what `labs/NN-name/lesson.json` holds once the host has read it
 * (step texts attached, inline YAML parsed into objects). The engine never reads files: the
 * host hands it these objects. The format is documented in `labs/README.md` and
 * `labs/lesson.schema.json`.
 */
import type { KubeObject } from '../api/types';
import type { ClusterShape } from '../shape';
import type { FaultRequest } from '../faults';

/** A text in both languages. */
export interface Localized {
  en: string;
  'zh-CN': string;
}

/** The languages every lesson text is written in. */
export const LANGUAGES = ['en', 'zh-CN'] as const;

/** An object reference in a check or action: kubectl's resource name (`pods`, `deploy`, `deployments.apps`), namespace, name or label selector. */
export interface ObjectTarget {
  resource: string;
  /** Default `default` for namespaced resources; ignored for cluster-scoped ones. */
  namespace?: string;
  name?: string;
  /** A label selector (`app=web,tier in (a,b)`); with `name` absent, the objects it selects. */
  selector?: string;
}

/** Comparison operators of `count` checks. */
export type CountOp = '==' | '!=' | '>=' | '<=' | '>' | '<';

/** The fields every check has. */
export interface CheckBase {
  /** Unique within its step (the progress records passed checks by id). */
  id: string;
  /** What the student sees while the check fails. */
  message: Localized;
  /** Points of a challenge (default 1). */
  weight?: number;
}

/** A typed objective on the cluster state or on the commands typed. */
export type Check = CheckBase &
  (
    | ({ type: 'exists' | 'absent' } & ObjectTarget)
    | ({ type: 'count'; op: CountOp; value: number; phase?: string } & ObjectTarget)
    | ({ type: 'field'; jsonPath: string; equals?: string; matches?: string } & ObjectTarget)
    | ({ type: 'condition'; condition: string; status: 'True' | 'False' | 'Unknown'; reason?: string } & ObjectTarget)
    | ({ type: 'phase'; phase: string } & ObjectTarget)
    | { type: 'eventSeen'; reason: string; namespace?: string; involvedKind?: string; involvedName?: string; messageMatches?: string }
    | { type: 'logContains'; namespace?: string; pod?: string; selector?: string; container?: string; text: string }
    | { type: 'canI'; verb: string; resource: string; namespace?: string; name?: string; subresource?: string; group?: string; user?: string; groups?: string[]; serviceAccount?: string; expect: boolean }
    | { type: 'commandRan'; pattern: string }
    | {
        type: 'httpFrom';
        /** The pods' namespace (default `default`). */
        namespace?: string;
        /** The pod the request comes from; or `selector` (the first running pod it picks, by name); or `node` (the node's own network). */
        pod?: string;
        selector?: string;
        node?: string;
        /** As curl takes it: `http://web`, `http://web.prod.svc.cluster.local:80/`, `http://localhost:8080` (the pod itself). */
        url: string;
        /** How many requests to send (default 1, at most 20). */
        requests?: number;
        /** Every answer has this HTTP status (default: any below 400). */
        status?: number;
        /** Every answer's body matches this regular expression. */
        bodyMatches?: string;
        /** Exactly this many different pods answered the requests (kube-proxy's spread, or ClientIP affinity). */
        backends?: number;
        /** Every request fails instead (`true`), or fails for this reason: dns (curl 6), refused (7), timeout (28), empty (52), unreachable. */
        fails?: true | 'dns' | 'refused' | 'timeout' | 'empty' | 'unreachable';
      }
  );

/** The type names of checks. */
export const CHECK_TYPES = ['exists', 'absent', 'count', 'field', 'condition', 'phase', 'eventSeen', 'logContains', 'canI', 'commandRan', 'httpFrom'] as const;

/**
 * A setup action (or a solution's equivalent of a command line): `apply` creates or
 * merge-patches the objects (inline YAML, parsed by the host), `patch` merge-patches one object,
 * `delete` deletes by name or selector, `clock` acts on the lab clock, `fault` stops or starts a
 * node or component, `file` writes a file into the student's workspace.
 */
export type Action =
  | { apply: string; objects?: KubeObject[] }
  | { patch: ObjectTarget & { name: string }; body: Record<string, unknown> }
  | { delete: ObjectTarget }
  | { clock: { action: 'pause' | 'resume' | 'speed' | 'step'; speed?: number; duration?: string } }
  | { fault: FaultRequest }
  | { file: { path: string; content: string } }
  /** Only in a solution: let virtual time pass (Go duration) before the next line. */
  | { wait: string };

/** A hint; one with a `trigger` is revealed by itself when the trigger check passes (a mistake seen in the cluster). */
export interface Hint {
  text: Localized;
  trigger?: Check;
}

/** One line of a solution: the command the student would type and, while the bundled shell cannot run it yet, an equivalent the test runner performs through the API. */
export interface SolutionLine {
  command: string;
  equivalent?: Action[];
  /** The exit code the command answers with (default 0): `kubectl auth can-i` says "no" with 1. */
  exitCode?: number;
}

/** One step of a lesson. */
export interface Step {
  id: string;
  title: Localized;
  /** The sections of the lesson's `notes` this step teaches (none: the table credits every step of the lesson). */
  notes?: string[];
  /** The step's Markdown text (read from `steps/ID.en.md` and `steps/ID.zh-CN.md`). */
  text?: Localized;
  setup?: Action[];
  checks: Check[];
  hints?: Hint[];
  solution: SolutionLine[];
  /** A challenge: seconds of cluster time to pass the checks; the score is the weight of the checks passed in time. */
  timeLimitSeconds?: number;
}

/** A lesson. */
export interface Lesson {
  id: string;
  title: Localized;
  summary: Localized;
  /** Sections of ../shared/notes it follows: `"002 §1.5"`, or `"003"` for a whole note without numbered headings. */
  notes: string[];
  minutes: number;
  prerequisites?: string[];
  /** The cluster shape and seed the lesson expects (and `lab test` uses); `empty`: machines only, built with kubeadm (core/node). */
  cluster?: { workers?: number; seed?: number; shape?: ClusterShape; empty?: boolean };
  setup?: Action[];
  steps: Step[];
}

/** How one step is going (plain data, persisted by the host). */
export interface StepProgress {
  /** Check id → cluster time (ms) it passed. */
  passed: Record<string, number>;
  hintsRevealed: number;
  /** Indices of triggered hints revealed out of order. */
  triggered: number[];
  startedAt: number;
  finishedAt?: number;
  skipped?: boolean;
  /** Challenges: the cluster time the step's time runs out. */
  deadline?: number;
  /** The events' resourceVersion when the step began: `eventSeen` counts only events written after it. */
  eventsBaseline?: string;
  /** The sequence number of the first command reported during the step. */
  commandsFrom: number;
}

/** Everything the engine remembers (plain data: `exportProgress` / `importProgress`). */
export interface Progress {
  lesson?: string;
  step: number;
  startedAt?: number;
  finishedAt?: number;
  steps: Record<string, StepProgress>;
  /** Lessons finished (ids). */
  completed: string[];
  /** The newest commands the shell reported (at most 100). */
  commands: { line: string; at: number; seq: number }[];
  /** The sequence number of the next command. */
  commandSeq: number;
}

/** A check as the progress view shows it. */
export interface CheckView {
  id: string;
  type: Check['type'];
  passed: boolean;
  passedAt?: number;
  message: Localized;
  weight: number;
  /** Why the check could not be evaluated (a malformed check). */
  error?: string;
}

/** What `GET /lab/v1/progress` answers. */
export interface ProgressView {
  lesson?: string;
  step?: { index: number; id: string; title: Localized; count: number };
  startedAt?: number;
  finishedAt?: number;
  stepComplete: boolean;
  checks: CheckView[];
  hints: { text: Localized; triggered: boolean }[];
  hintsLeft: number;
  challenge?: { deadline: number; remainingMs: number; expired: boolean; score: number; total: number; percent: number };
  completed: string[];
}
