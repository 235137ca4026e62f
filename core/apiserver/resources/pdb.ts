/** policy/v1 poddisruptionbudgets: validation, generation, status, the MIN AVAILABLE printer. */
import type { IntOrString, KubeObject, PodDisruptionBudget } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { invalidRaw, notMoreThan100Percent, validateIntOrPercent } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf, int } from './printing';
import { validateLabelSelector } from './selector';
import { keepStatus, resetStatus } from './workload';

/** ValidatePodDisruptionBudget. */
export function validatePodDisruptionBudget(obj: KubeObject, errs: FieldErrors): void {
  validateObjectMeta(obj, true, errs);
  const spec = (obj as PodDisruptionBudget).spec ?? {};
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) invalidRaw(errs, 'spec', 'policy.PodDisruptionBudgetSpec{...}', 'minAvailable and maxUnavailable cannot be both set');
  for (const f of ['minAvailable', 'maxUnavailable'] as const) {
    if (spec[f] === undefined) continue;
    validateIntOrPercent(errs, `spec.${f}`, spec[f]);
    notMoreThan100Percent(errs, `spec.${f}`, spec[f]);
  }
  validateLabelSelector(spec.selector, 'spec.selector', errs);
  const p = spec.unhealthyPodEvictionPolicy;
  if (p !== undefined && p !== 'AlwaysAllow' && p !== 'IfHealthyBudget') errs.notSupported('spec.unhealthyPodEvictionPolicy', p, ['AlwaysAllow', 'IfHealthyBudget']);
}

function intOrString(v: IntOrString | undefined): string {
  return v === undefined ? 'N/A' : String(v);
}

/** The PDB printer (printPodDisruptionBudget). */
export const pdbPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageColumn,
  ],
  cells(obj, now) {
    const pdb = obj as PodDisruptionBudget;
    return [pdb.metadata.name, intOrString(pdb.spec?.minAvailable), intOrString(pdb.spec?.maxUnavailable), int(pdb.status?.disruptionsAllowed), ageOf(pdb, now)];
  },
};

/** policy/v1 poddisruptionbudgets. */
export const poddisruptionbudgets: ResourceDef = {
  group: 'policy',
  version: 'v1',
  resource: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  kind: 'PodDisruptionBudget',
  namespaced: true,
  shortNames: ['pdb'],
  categories: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['status'],
  schemaName: 'io.k8s.api.policy.v1.PodDisruptionBudget',
  hasGeneration: true,
  printer: pdbPrinter,
  validate: validatePodDisruptionBudget,
  prepareForCreate: (obj) => resetStatus(obj, { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }),
  prepareForUpdate: (obj, old) => keepStatus(obj, old),
};
