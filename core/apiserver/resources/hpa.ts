/**
 * autoscaling/v2 and autoscaling/v1 horizontalpodautoscalers: one resource at two versions,
 * v2 the storage form (see hpa-convert.ts). Defaults of each version, ValidateHorizontalPodAutoscaler
 * (run on the v2 form, as kube-apiserver validates the internal type), the TARGETS printer.
 */
import type { HorizontalPodAutoscaler, KubeObject, MetricSpec, MetricStatus, MetricTarget } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { pathSegmentNameErrors } from './fields';
import { type HorizontalPodAutoscalerV1, hpaV1ToV2, hpaV2ToV1, isV1Shaped } from './hpa-convert';
import { validateObjectMeta } from './meta';
import { ageOf, int } from './printing';
import { canonicalQuantity, parseQuantity } from './quantity';
import { validateLabelSelector } from './selector';

type Rules = { stabilizationWindowSeconds?: number; selectPolicy?: string; policies?: { type: string; value: number; periodSeconds: number }[] };

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: fill what a given behavior leaves out. */
function fillRules(rules: Rules | undefined, up: boolean): Rules {
  const defaults: Rules = up
    ? { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] }
    : { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
  if (!rules) return defaults;
  return { ...rules, stabilizationWindowSeconds: rules.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds, selectPolicy: rules.selectPolicy ?? defaults.selectPolicy, policies: rules.policies ?? defaults.policies };
}

/** SetDefaults_HorizontalPodAutoscaler (autoscaling/v2): minReplicas 1, CPU at 80%, behavior filled. */
export function hpaV2Defaults(obj: KubeObject): void {
  const hpa = obj as HorizontalPodAutoscaler;
  const spec = (hpa.spec ??= { scaleTargetRef: { kind: '', name: '' }, maxReplicas: 0 });
  spec.minReplicas ??= 1;
  if (!spec.metrics || spec.metrics.length === 0) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  if (spec.behavior) {
    const b = spec.behavior as { scaleUp?: Rules; scaleDown?: Rules };
    b.scaleUp = fillRules(b.scaleUp, true);
    b.scaleDown = fillRules(b.scaleDown, false);
  }
}

function validateTarget(errs: FieldErrors, path: string, t: MetricTarget | undefined): void {
  if (!t) return errs.required(path, 'must specify a metric target');
  if (!t.type) errs.required(`${path}.type`, 'must specify a metric target type');
  else if (!['Utilization', 'Value', 'AverageValue'].includes(t.type)) errs.notSupported(`${path}.type`, t.type, ['Utilization', 'Value', 'AverageValue']);
  const setCount = [t.value, t.averageValue, t.averageUtilization].filter((v) => v !== undefined).length;
  if (setCount !== 1) errs.causes.push({ reason: 'FieldValueRequired', message: 'Required value: must set exactly one of value, averageValue or averageUtilization', field: path });
  for (const f of ['value', 'averageValue'] as const) {
    const q = t[f] === undefined ? undefined : parseQuantity(t[f]);
    if (q && q.mantissa <= 0n) errs.invalid(`${path}.${f}`, canonicalQuantity(t[f]), 'must be positive');
  }
  if (t.averageUtilization !== undefined && t.averageUtilization <= 0) errs.invalid(`${path}.averageUtilization`, t.averageUtilization, 'must be greater than 0');
}

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];

function validateMetric(errs: FieldErrors, path: string, m: MetricSpec): void {
  const key: Record<string, keyof MetricSpec> = { Resource: 'resource', ContainerResource: 'containerResource', Pods: 'pods', Object: 'object', External: 'external' };
  if (!m.type) return errs.required(`${path}.type`, 'must specify a metric source type');
  if (!METRIC_TYPES.includes(m.type)) return errs.notSupported(`${path}.type`, m.type, METRIC_TYPES);
  const field = key[m.type] as keyof MetricSpec;
  const source = m[field] as { name?: string; metric?: { name?: string; selector?: unknown }; target?: MetricTarget } | undefined;
  if (!source) return errs.required(`${path}.${field}`, `must populate information for the given metric source (${m.type})`);
  if (m.type === 'Resource' || m.type === 'ContainerResource') {
    if (!source.name) errs.required(`${path}.${field}.name`, 'must specify a resource name');
  } else if (!source.metric?.name) errs.required(`${path}.${field}.metric.name`, 'must specify a metric name');
  if (source.metric?.selector) validateLabelSelector(source.metric.selector as never, `${path}.${field}.metric.selector`, errs);
  validateTarget(errs, `${path}.${field}.target`, source.target);
}

/** ValidateHorizontalPodAutoscaler on the v2 form. */
export function validateHPA(hpa: HorizontalPodAutoscaler, errs: FieldErrors): void {
  validateObjectMeta(hpa, true, errs);
  const spec = hpa.spec;
  if (!spec || typeof spec !== 'object') return errs.required('spec.scaleTargetRef.kind');
  const ref = spec.scaleTargetRef ?? { kind: '', name: '' };
  if (!ref.kind) errs.required('spec.scaleTargetRef.kind');
  else for (const m of pathSegmentNameErrors(ref.kind)) errs.invalid('spec.scaleTargetRef.kind', ref.kind, m);
  if (!ref.name) errs.required('spec.scaleTargetRef.name');
  else for (const m of pathSegmentNameErrors(ref.name)) errs.invalid('spec.scaleTargetRef.name', ref.name, m);
  const min = spec.minReplicas ?? 1;
  if (spec.minReplicas !== undefined && min < 1) errs.invalid('spec.minReplicas', min, 'must be greater than or equal to 1');
  if ((spec.maxReplicas ?? 0) < 1) errs.invalid('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than 0');
  if (spec.minReplicas !== undefined && (spec.maxReplicas ?? 0) < min) errs.invalid('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than or equal to `minReplicas`');
  (spec.metrics ?? []).forEach((m, i) => validateMetric(errs, `spec.metrics[${i}]`, m));
}

function q(v: string | undefined): string {
  return v === undefined ? '<unknown>' : canonicalQuantity(v);
}

/** formatHPAMetrics: the TARGETS cell, two metrics at most then `+ N more...`. */
export function formatHPAMetrics(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const st = statuses ?? [];
  const list = specs.map((spec, i) => {
    const s = st[i];
    switch (spec.type) {
      case 'External':
        return spec.external?.target.averageValue !== undefined
          ? `${s?.external?.current.averageValue !== undefined ? q(s.external.current.averageValue) : '<unknown>'}/${q(spec.external.target.averageValue)} (avg)`
          : `${s?.external ? q(s.external.current.value) : '<unknown>'}/${q(spec.external?.target.value)}`;
      case 'Pods':
        return `${s?.pods ? q(s.pods.current.averageValue) : '<unknown>'}/${q(spec.pods?.target.averageValue)}`;
      case 'Object':
        return spec.object?.target.averageValue !== undefined
          ? `${s?.object?.current.averageValue !== undefined ? q(s.object.current.averageValue) : '<unknown>'}/${q(spec.object.target.averageValue)} (avg)`
          : `${s?.object ? q(s.object.current.value) : '<unknown>'}/${q(spec.object?.target.value)}`;
      case 'Resource':
      case 'ContainerResource': {
        const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
        const cur = spec.type === 'Resource' ? s?.resource : s?.containerResource;
        if (src?.target.averageValue !== undefined) return `${src.name}: ${cur ? q(cur.current.averageValue) : '<unknown>'}/${q(src.target.averageValue)}`;
        const current = cur?.current.averageUtilization !== undefined ? `${cur.current.averageUtilization}%` : '<unknown>';
        const target = src?.target.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : '<auto>';
        return `${src?.name ?? ''}: ${current}/${target}`;
      }
      default:
        return '<unknown type>';
    }
  });
  const shown = list.slice(0, 2).join(', ');
  return list.length > 2 ? `${shown} + ${list.length - 2} more...` : shown;
}

function hpaCells(hpa: HorizontalPodAutoscaler, now: number): unknown[] {
  const ref = hpa.spec?.scaleTargetRef;
  const min = hpa.spec?.minReplicas === undefined ? '<unset>' : String(hpa.spec.minReplicas);
  return [hpa.metadata.name, `${ref?.kind ?? ''}/${ref?.name ?? ''}`, formatHPAMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics), min, int(hpa.spec?.maxReplicas), int(hpa.status?.currentReplicas), ageOf(hpa, now)];
}

/** The HPA printer (printHorizontalPodAutoscaler); v1-shaped objects are converted first. */
export const hpaPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Reference', 'string', 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'),
    column('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond.'),
    column('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.'),
    column('MaxPods', 'string', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.'),
    column('Replicas', 'string', 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
    ageColumn,
  ],
  cells: (obj, now) => hpaCells(isV1Shaped(obj) ? hpaV1ToV2(obj as HorizontalPodAutoscalerV1) : (obj as HorizontalPodAutoscaler), now),
};

const base = {
  resource: 'horizontalpodautoscalers',
  singular: 'horizontalpodautoscaler',
  kind: 'HorizontalPodAutoscaler',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['status'],
  printer: hpaPrinter,
  prepareForUpdate(obj: KubeObject, old: KubeObject) {
    obj['status'] = old['status'];
  },
  storage: { group: 'autoscaling', resource: 'horizontalpodautoscalers' },
};

/** A stored (autoscaling/v2) HPA as read: decoded with the v2 defaults, as from etcd. */
function readV2(obj: KubeObject): HorizontalPodAutoscaler {
  hpaV2Defaults(obj);
  return obj as HorizontalPodAutoscaler;
}

/** autoscaling/v2 horizontalpodautoscalers (the preferred and storage version). */
export const horizontalpodautoscalersV2: ResourceDef = {
  ...base,
  group: 'autoscaling',
  version: 'v2',
  schemaName: 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
  fromStorage: readV2,
  defaults: hpaV2Defaults,
  validate: (obj, errs) => validateHPA(obj as HorizontalPodAutoscaler, errs),
  prepareForCreate(obj) {
    obj['status'] = { desiredReplicas: 0 };
  },
};

/** autoscaling/v1 horizontalpodautoscalers: stored as autoscaling/v2, converted on every write and read (hpa-convert.ts). */
export const horizontalpodautoscalersV1: ResourceDef = {
  ...base,
  group: 'autoscaling',
  version: 'v1',
  toStorage: (obj) => hpaV1ToV2(obj as HorizontalPodAutoscalerV1),
  fromStorage: (obj) => hpaV2ToV1(readV2(obj)),
  schemaName: 'io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler',
  defaults(obj) {
    const hpa = obj as HorizontalPodAutoscalerV1;
    hpa.spec ??= { scaleTargetRef: { kind: '', name: '' }, maxReplicas: 0 };
    hpa.spec.minReplicas ??= 1;
  },
  validate: (obj, errs) => validateHPA(hpaV1ToV2(obj as HorizontalPodAutoscalerV1), errs),
  prepareForCreate(obj) {
    obj['status'] = { currentReplicas: 0, desiredReplicas: 0 };
  },
};
