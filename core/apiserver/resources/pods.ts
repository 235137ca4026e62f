/** core/v1 pods: defaulting, validation, status preservation, graceful deletion, printing. */
import type { ContainerStatus, KubeObject, Pod } from '../../api/types';
import { age, rfc3339 } from '../../api/duration';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef, StrategyContext } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { validateObjectMeta } from './meta';
import { defaultPodSpec, validatePodSpec } from './podspec';

/** The default grace period of a pod (terminationGracePeriodSeconds). */
export const DEFAULT_GRACE_SECONDS = 30;

export { imageTag } from './podspec';

function podDefaults(obj: KubeObject, _ctx: StrategyContext): void {
  const pod = obj as Pod;
  const spec = (pod.spec ??= { containers: [] });
  defaultPodSpec(spec);
  // SetDefaults_Pod (pods only, not templates): requests default to limits, service links on.
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    if (!c || typeof c !== 'object' || !c.resources?.limits) continue;
    const requests = (c.resources.requests ??= {});
    for (const [k, v] of Object.entries(c.resources.limits)) requests[k] ??= v;
  }
  spec.enableServiceLinks ??= true;
  // priority and preemptionPolicy come from the Priority admission plugin (admission/priority.ts).
  // DefaultTolerationSeconds admission: evict from a NotReady/unreachable node after 5 minutes.
  const tolerations = (spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key && (t.effect === 'NoExecute' || !t.effect))) {
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
  }
}

function validatePod(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs);
  const pod = obj as Pod;
  const spec = pod.spec as Pod['spec'] | undefined;
  validatePodSpec(spec, 'spec', errs);
  if (old) {
    const o = old as Pod;
    // Only images, activeDeadlineSeconds and added tolerations may change (pod updates are mostly forbidden).
    const strip = (p: Pod) => JSON.stringify({ ...p.spec, containers: p.spec.containers?.map((c) => ({ ...c, image: '' })), tolerations: undefined, activeDeadlineSeconds: undefined });
    if (o.spec && spec && strip(o) !== strip(pod)) {
      errs.forbidden('spec', 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)');
    }
  }
}

function qosClass(pod: Pod): string {
  const cs = pod.spec.containers ?? [];
  const any = cs.some((c) => Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length > 0);
  if (!any) return 'BestEffort';
  const guaranteed = cs.every((c) => {
    const l = c.resources?.limits ?? {};
    const r = c.resources?.requests ?? {};
    return l.cpu && l.memory && (!r.cpu || r.cpu === l.cpu) && (!r.memory || r.memory === l.memory);
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function terminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function podCells(obj: KubeObject, now: number): unknown[] {
  const pod = obj as Pod;
  const status = pod.status ?? {};
  let reason: string = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  let restarts = 0;
  let ready = 0;
  let lastRestart = 0;
  let sidecarRestarts = 0;
  let lastSidecarRestart = 0;
  const finishedAt = (s: ContainerStatus) => {
    const finished = s.lastState?.terminated?.finishedAt;
    return finished ? Date.parse(finished) : 0;
  };
  const initSpecs = pod.spec.initContainers ?? [];
  // Sidecars (init containers with restartPolicy Always) count among the pod's containers.
  const isSidecar = (name: string) => initSpecs.find((c) => c.name === name)?.restartPolicy === 'Always';
  const total = (pod.spec.containers?.length ?? 0) + initSpecs.filter((c) => c.restartPolicy === 'Always').length;
  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const s = inits[i] as ContainerStatus;
    restarts += s.restartCount;
    lastRestart = Math.max(lastRestart, finishedAt(s));
    if (isSidecar(s.name)) {
      sidecarRestarts += s.restartCount;
      lastSidecarRestart = Math.max(lastSidecarRestart, finishedAt(s));
    }
    const t = s.state?.terminated;
    if (t && t.exitCode === 0) continue;
    if (isSidecar(s.name) && s.started) {
      if (s.ready) ready++;
      continue;
    }
    if (t) reason = t.reason ? `Init:${t.reason}` : `Init:ExitCode:${t.exitCode}`;
    else if (s.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') reason = `Init:${s.state.waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }
  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    // Once initialized, only the sidecars' restarts still count, with the main containers'.
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const cs = status.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const s = cs[i] as ContainerStatus;
      restarts += s.restartCount;
      lastRestart = Math.max(lastRestart, finishedAt(s));
      if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
      else if (s.state?.terminated?.reason) reason = s.state.terminated.reason;
      else if (s.state?.terminated) reason = `ExitCode:${s.state.terminated.exitCode}`;
      else if (s.ready && s.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal(pod)) reason = 'Terminating';
  const restartText = restarts !== 0 && lastRestart > 0 ? `${restarts} (${age(rfc3339(lastRestart), now)} ago)` : String(restarts);
  const gates = pod.spec.readinessGates ?? [];
  let gatesText = '<none>';
  if (gates.length > 0) {
    const trueConds = new Set((status.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type));
    gatesText = `${gates.filter((g) => trueConds.has(g.conditionType)).length}/${gates.length}`;
  }
  return [
    pod.metadata.name,
    `${ready}/${total}`,
    reason,
    restartText,
    age(pod.metadata.creationTimestamp, now),
    status.podIPs?.[0]?.ip || status.podIP || '<none>',
    pod.spec.nodeName || '<none>',
    status.nominatedNodeName || '<none>',
    gatesText,
  ];
}

/** The pod printer (pkg/printers/internalversion printPod). */
export const podPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    ageColumn,
    column('IP', 'string', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', 1),
    column('Node', 'string', 'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename', 1),
    column('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.', 1),
    column('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates', 1),
  ],
  cells: podCells,
  conditions: (obj) => {
    const phase = (obj as Pod).status?.phase;
    if (phase === 'Succeeded') return [{ type: 'Completed', status: 'True' }];
    if (phase === 'Failed') return [{ type: 'Completed', status: 'True' }];
    return undefined;
  },
};

/** core/v1 pods. */
export const pods: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'pods',
  singular: 'pod',
  kind: 'Pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['status', 'binding', 'eviction', 'log', 'exec', 'attach'],
  schemaName: 'io.k8s.api.core.v1.Pod',
  printer: podPrinter,
  defaults: podDefaults,
  validate: validatePod,
  prepareForCreate(obj) {
    const pod = obj as Pod;
    pod.status = { phase: 'Pending', qosClass: qosClass(pod) };
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
  },
  prepareStatus(obj) {
    // PodCondition.lastProbeTime is a metav1.Time without omitempty effect (a struct): Go
    // always writes it, `null` when zero — whatever the writer sent (a patch's null deletes it).
    // Rebuilt in the Go struct's field order, as the API server writes it.
    const status = (obj as Pod).status;
    if (status?.conditions) {
      status.conditions = status.conditions.map((c) => {
        const { type, status: st, lastProbeTime, lastTransitionTime, reason, message, ...rest } = c as typeof c & { lastProbeTime?: string | null };
        return { type, status: st, lastProbeTime: lastProbeTime ?? null, lastTransitionTime, ...(reason !== undefined ? { reason } : {}), ...(message !== undefined ? { message } : {}), ...rest };
      });
    }
  },
  selectableFields(obj) {
    const pod = obj as Pod;
    return {
      'spec.nodeName': pod.spec?.nodeName ?? '',
      'spec.restartPolicy': pod.spec?.restartPolicy ?? '',
      'spec.schedulerName': pod.spec?.schedulerName ?? '',
      'spec.serviceAccountName': String(pod.spec?.serviceAccountName ?? ''),
      'status.phase': pod.status?.phase ?? '',
      'status.podIP': pod.status?.podIP ?? '',
      'status.nominatedNodeName': pod.status?.nominatedNodeName ?? '',
    };
  },
  gracePeriod(obj, requested) {
    const pod = obj as Pod;
    // An unscheduled or finished pod is deleted at once: no kubelet has to stop anything.
    if (!pod.spec?.nodeName || terminal(pod)) return 0;
    return requested ?? pod.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  },
};
