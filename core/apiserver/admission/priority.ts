/**
 * The Priority admission plugin (plugin/pkg/admission/priority): a new pod's
 * `priorityClassName` resolves to its `priority` and `preemptionPolicy` (the global default
 * class, else priority 0, when it names none; `no PriorityClass with name x was found` when the
 * class is missing); a pod may not state a priority of its own that differs; updates keep the
 * stored values. Only one PriorityClass may be the global default.
 */
import type { Pod } from '../../api/types';
import { DEFAULT_PRIORITY, priorityclasses, type PriorityClass } from '../resources/priorityclasses';
import { admissionForbidden, getStored, listStored, type AdmissionAttributes, type AdmissionContext, type AdmissionPlugin } from './types';

/** getDefaultPriorityClass: the global default class with the lowest value, if any. */
function defaultClass(ctx: AdmissionContext): PriorityClass | undefined {
  let best: PriorityClass | undefined;
  for (const pc of listStored<PriorityClass>(ctx, priorityclasses)) if (pc.globalDefault && (!best || pc.value < best.value)) best = pc;
  return best;
}

function admitPod(a: AdmissionAttributes, ctx: AdmissionContext): void {
  const pod = a.object as Pod;
  pod.spec ??= { containers: [] };
  if (a.operation === 'UPDATE') {
    const old = (a.oldObject as Pod | undefined)?.spec;
    if (pod.spec.priority === undefined && old?.priority !== undefined) pod.spec.priority = old.priority;
    if (pod.spec['preemptionPolicy'] === undefined && old?.['preemptionPolicy'] !== undefined) pod.spec['preemptionPolicy'] = old['preemptionPolicy'];
    return;
  }
  let priority = DEFAULT_PRIORITY;
  let policy: string | undefined = 'PreemptLowerPriority';
  const className = pod.spec['priorityClassName'];
  if (!className) {
    const def = defaultClass(ctx);
    if (def) {
      pod.spec['priorityClassName'] = def.metadata.name;
      priority = def.value;
      policy = def.preemptionPolicy;
    }
  } else {
    const pc = getStored<PriorityClass>(ctx, priorityclasses, undefined, String(className));
    if (!pc) throw admissionForbidden(a, `no PriorityClass with name ${String(className)} was found`);
    priority = pc.value;
    policy = pc.preemptionPolicy;
  }
  if (typeof pod.spec.priority === 'number' && pod.spec.priority !== priority) {
    throw admissionForbidden(a, `the integer value of priority (${pod.spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  pod.spec.priority = priority;
  if (policy !== undefined) {
    const given = pod.spec['preemptionPolicy'];
    if (given !== undefined && given !== policy) {
      throw admissionForbidden(a, `the string value of PreemptionPolicy (${String(given)}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
    }
    pod.spec['preemptionPolicy'] = policy;
  }
}

function validateClass(a: AdmissionAttributes, ctx: AdmissionContext): void {
  const pc = a.object as PriorityClass;
  if (!pc.globalDefault) return;
  const def = defaultClass(ctx);
  if (def && (a.operation === 'CREATE' || def.metadata.name !== pc.metadata.name)) {
    throw admissionForbidden(a, `PriorityClass ${def.metadata.name ?? ''} is already marked as default. Only one default can exist`);
  }
}

/** The Priority plugin. */
export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(a, ctx) {
    if (a.subresource === '' && a.def.group === '' && a.def.resource === 'pods') admitPod(a, ctx);
  },
  validate(a, ctx) {
    if (a.subresource === '' && a.def === priorityclasses) validateClass(a, ctx);
  },
};
