/**
 * scheduling.k8s.io/v1 priorityclasses: the `system-` names reserved for the two system
 * classes, the user limit of 1000000000, immutable value and preemption policy, and the
 * NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY printer.
 */
import type { KubeObject } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { validateObjectMeta } from './meta';
import { ageOf, int } from './printing';

/** scheduling.k8s.io/v1 PriorityClass. */
export interface PriorityClass extends KubeObject {
  value: number;
  globalDefault?: boolean;
  description?: string;
  preemptionPolicy?: string;
}

/** The priority of pods whose class is not given when no class is the global default. */
export const DEFAULT_PRIORITY = 0;
/** HighestUserDefinablePriority. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
const SYSTEM_PREFIX = 'system-';
const POLICIES = ['Never', 'PreemptLowerPriority'];

/** The system priority classes every API server creates at start. */
export function systemPriorityClasses(): PriorityClass[] {
  const pc = (name: string, value: number, description: string): PriorityClass => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, description });
  return [
    pc('system-node-critical', 2000001000, 'Used for system critical pods that must not be moved from their current node.'),
    pc('system-cluster-critical', 2000000000, 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'),
  ];
}

/** IsKnownSystemPriorityClass: undefined when it is one, else why not. */
function systemClassError(pc: PriorityClass): string | undefined {
  const known = systemPriorityClasses().find((s) => s.metadata.name === pc.metadata.name);
  if (!known) return `${pc.metadata.name ?? ''} is not a known system priority class`;
  if (known.value !== pc.value) return `value of ${pc.metadata.name ?? ''} PriorityClass must be ${known.value}`;
  if ((pc.globalDefault ?? false) !== false) return `globalDefault of ${pc.metadata.name ?? ''} PriorityClass must be false`;
  return undefined;
}

/** ValidatePriorityClass and, on update, ValidatePriorityClassUpdate. */
export function validatePriorityClass(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, false, errs);
  const pc = obj as PriorityClass;
  if (typeof pc.value !== 'number' || !Number.isInteger(pc.value)) errs.required('value');
  if ((pc.metadata.name ?? '').startsWith(SYSTEM_PREFIX)) {
    const e = systemClassError(pc);
    if (e) errs.forbidden('metadata.name', `priority class names with '${SYSTEM_PREFIX}' prefix are reserved for system use only. error: ${e}`);
  } else if (pc.value > HIGHEST_USER_DEFINABLE_PRIORITY) errs.forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`);
  if (pc.preemptionPolicy !== undefined && !POLICIES.includes(pc.preemptionPolicy)) errs.notSupported('preemptionPolicy', pc.preemptionPolicy, POLICIES);
  if (old) {
    const o = old as PriorityClass;
    if (pc.value !== o.value) errs.forbidden('value', 'may not be changed in an update.');
    if (pc.preemptionPolicy !== o.preemptionPolicy) errs.invalid('preemptionPolicy', pc.preemptionPolicy ?? null, 'field is immutable');
  }
}

/** The priority class printer (printPriorityClass). */
export const priorityClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Value', 'integer', 'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.'),
    column('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.'),
    ageColumn,
    column('PreemptionPolicy', 'string', 'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.'),
  ],
  cells(obj, now) {
    const pc = obj as PriorityClass;
    return [pc.metadata.name, int(pc.value), pc.globalDefault ?? false, ageOf(pc, now), pc.preemptionPolicy ?? ''];
  },
};

/** scheduling.k8s.io/v1 priorityclasses. */
export const priorityclasses: ResourceDef = {
  group: 'scheduling.k8s.io',
  version: 'v1',
  resource: 'priorityclasses',
  singular: 'priorityclass',
  kind: 'PriorityClass',
  namespaced: false,
  shortNames: ['pc'],
  categories: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: [],
  schemaName: 'io.k8s.api.scheduling.v1.PriorityClass',
  printer: priorityClassPrinter,
  defaults(obj) {
    (obj as PriorityClass).preemptionPolicy ??= 'PreemptLowerPriority';
  },
  validate: validatePriorityClass,
};
