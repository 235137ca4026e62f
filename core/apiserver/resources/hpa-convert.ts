/**
 * HorizontalPodAutoscaler between autoscaling/v1 and autoscaling/v2 (the storage version), as
 * kube-apiserver converts it: v1's targetCPUUtilizationPercentage is v2's CPU utilization
 * metric, and what v1 cannot express travels in the `autoscaling.alpha.kubernetes.io/*`
 * annotations.
 */
import type { HorizontalPodAutoscaler, KubeObject, MetricSpec, MetricStatus, MetricTarget } from '../../api/types';

/** The annotations autoscaling/v1 carries the v2-only fields in. */
export const HPA_ANNOTATIONS = {
  metrics: 'autoscaling.alpha.kubernetes.io/metrics',
  currentMetrics: 'autoscaling.alpha.kubernetes.io/current-metrics',
  conditions: 'autoscaling.alpha.kubernetes.io/conditions',
  behavior: 'autoscaling.alpha.kubernetes.io/behavior',
};

/** autoscaling/v1 HorizontalPodAutoscaler. */
export interface HorizontalPodAutoscalerV1 extends KubeObject {
  spec: { scaleTargetRef: { apiVersion?: string; kind: string; name: string }; minReplicas?: number; maxReplicas: number; targetCPUUtilizationPercentage?: number };
  status?: { observedGeneration?: number; lastScaleTime?: string; currentReplicas?: number; desiredReplicas?: number; currentCPUUtilizationPercentage?: number };
}

type Json = Record<string, unknown>;

function isCpuUtilization(m: MetricSpec): boolean {
  return m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target?.type === 'Utilization';
}

/** A v2 metric in the v1 annotation's form (v2beta1-style field names). */
function metricToV1(m: MetricSpec): Json {
  switch (m.type) {
    case 'Resource':
      return { type: 'Resource', resource: { name: m.resource?.name, targetAverageUtilization: m.resource?.target.averageUtilization, targetAverageValue: m.resource?.target.averageValue } };
    case 'ContainerResource':
      return { type: 'ContainerResource', containerResource: { name: m.containerResource?.name, container: m.containerResource?.container, targetAverageUtilization: m.containerResource?.target.averageUtilization, targetAverageValue: m.containerResource?.target.averageValue } };
    case 'Pods':
      return { type: 'Pods', pods: { metricName: m.pods?.metric.name, targetAverageValue: m.pods?.target.averageValue } };
    case 'Object':
      return { type: 'Object', object: { target: m.object?.describedObject, metricName: m.object?.metric.name, targetValue: m.object?.target.value, averageValue: m.object?.target.averageValue } };
    case 'External':
      return { type: 'External', external: { metricName: m.external?.metric.name, targetValue: m.external?.target.value, targetAverageValue: m.external?.target.averageValue } };
    default:
      return { type: m.type };
  }
}

function strip<T extends Json>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

/** A v1 annotation metric back in v2 form. */
function metricFromV1(m: Json): MetricSpec {
  const r = (m['resource'] ?? m['containerResource']) as Json | undefined;
  const target = (util: unknown, avg: unknown, value?: unknown): MetricTarget =>
    strip({ type: util !== undefined ? 'Utilization' : avg !== undefined ? 'AverageValue' : 'Value', averageUtilization: util, averageValue: avg, value }) as unknown as MetricTarget;
  switch (m['type']) {
    case 'Resource':
      return { type: 'Resource', resource: { name: String(r?.['name'] ?? ''), target: target(r?.['targetAverageUtilization'], r?.['targetAverageValue']) } };
    case 'ContainerResource':
      return { type: 'ContainerResource', containerResource: { name: String(r?.['name'] ?? ''), container: String(r?.['container'] ?? ''), target: target(r?.['targetAverageUtilization'], r?.['targetAverageValue']) } };
    case 'Pods': {
      const p = (m['pods'] ?? {}) as Json;
      return { type: 'Pods', pods: { metric: { name: String(p['metricName'] ?? '') }, target: target(undefined, p['targetAverageValue']) } };
    }
    case 'Object': {
      const o = (m['object'] ?? {}) as Json;
      return { type: 'Object', object: { metric: { name: String(o['metricName'] ?? '') }, describedObject: (o['target'] ?? {}) as Json, target: target(undefined, o['averageValue'], o['targetValue']) } };
    }
    default: {
      const e = (m['external'] ?? {}) as Json;
      return { type: String(m['type'] ?? ''), external: { metric: { name: String(e['metricName'] ?? '') }, target: target(undefined, e['targetAverageValue'], e['targetValue']) } };
    }
  }
}

function parseAnnotation<T>(annotations: Record<string, string>, key: string): T | undefined {
  const text = annotations[key];
  delete annotations[key];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** autoscaling/v1 → autoscaling/v2 (the storage form). */
export function hpaV1ToV2(obj: HorizontalPodAutoscalerV1): HorizontalPodAutoscaler {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  const metrics: MetricSpec[] = [];
  if (obj.spec?.targetCPUUtilizationPercentage !== undefined) {
    metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: obj.spec.targetCPUUtilizationPercentage } } });
  }
  for (const m of parseAnnotation<Json[]>(annotations, HPA_ANNOTATIONS.metrics) ?? []) metrics.push(metricFromV1(m));
  const behavior = parseAnnotation<Json>(annotations, HPA_ANNOTATIONS.behavior);
  const currentMetrics = (parseAnnotation<MetricStatus[]>(annotations, HPA_ANNOTATIONS.currentMetrics) ?? []) as MetricStatus[];
  const conditions = parseAnnotation<NonNullable<HorizontalPodAutoscaler['status']>['conditions']>(annotations, HPA_ANNOTATIONS.conditions);
  const { targetCPUUtilizationPercentage: _t, ...spec } = obj.spec ?? ({} as HorizontalPodAutoscalerV1['spec']);
  const out: HorizontalPodAutoscaler = { ...obj, metadata: { ...obj.metadata, annotations }, spec: { ...spec } };
  if (Object.keys(annotations).length === 0) delete out.metadata.annotations;
  if (metrics.length > 0) out.spec.metrics = metrics;
  if (behavior) out.spec.behavior = behavior;
  if (obj.status) {
    const { currentCPUUtilizationPercentage, ...status } = obj.status;
    const current = [...currentMetrics];
    if (currentCPUUtilizationPercentage !== undefined) current.unshift({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: currentCPUUtilizationPercentage } } });
    out.status = { ...status, ...(current.length > 0 ? { currentMetrics: current } : {}), ...(conditions ? { conditions } : {}) };
  }
  if (out.apiVersion) out.apiVersion = 'autoscaling/v2';
  return out;
}

/** autoscaling/v2 → autoscaling/v1. */
export function hpaV2ToV1(obj: HorizontalPodAutoscaler): HorizontalPodAutoscalerV1 {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  const { metrics = [], behavior, ...spec } = obj.spec ?? ({} as HorizontalPodAutoscaler['spec']);
  const out: HorizontalPodAutoscalerV1 = { ...obj, metadata: obj.metadata, spec: { ...spec } };
  const cpu = metrics.find(isCpuUtilization);
  if (cpu) out.spec.targetCPUUtilizationPercentage = cpu.resource?.target.averageUtilization;
  const others = metrics.filter((m) => m !== cpu);
  if (others.length > 0) annotations[HPA_ANNOTATIONS.metrics] = JSON.stringify(others.map((m) => strip(metricToV1(m))));
  if (behavior) annotations[HPA_ANNOTATIONS.behavior] = JSON.stringify(behavior);
  if (obj.status) {
    const { currentMetrics = [], conditions, ...status } = obj.status;
    out.status = { currentReplicas: 0, desiredReplicas: 0, ...status };
    const cpuNow = currentMetrics.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.current.averageUtilization !== undefined);
    if (cpuNow) out.status.currentCPUUtilizationPercentage = cpuNow.resource?.current.averageUtilization;
    const rest = currentMetrics.filter((m) => m !== cpuNow);
    if (rest.length > 0) annotations[HPA_ANNOTATIONS.currentMetrics] = JSON.stringify(rest);
    if (conditions && conditions.length > 0) annotations[HPA_ANNOTATIONS.conditions] = JSON.stringify(conditions);
  }
  if (Object.keys(annotations).length > 0) out.metadata = { ...obj.metadata, annotations };
  if (out.apiVersion) out.apiVersion = 'autoscaling/v1';
  return out;
}

/** Whether an object is in the autoscaling/v1 shape (rather than v2). */
export function isV1Shaped(obj: KubeObject): boolean {
  const spec = obj['spec'] as Json | undefined;
  return obj.apiVersion === 'autoscaling/v1' || (spec !== undefined && 'targetCPUUtilizationPercentage' in spec);
}
