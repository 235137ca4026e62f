/**
 * The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go, v2, 1.32):
 * every 15 s of virtual time (--horizontal-pod-autoscaler-sync-period) each HPA reads its
 * target's `/scale`, the usage of the target's pods from `metrics.k8s.io` (metricsClient.ts),
 * computes the replicas each metric asks for (replicaCalculator.ts; Resource and
 * ContainerResource metrics, Utilization and AverageValue targets — Pods, Object and External
 * metrics need a custom metrics API, which this cluster does not serve), takes the highest,
 * normalizes it (normalize.ts), writes the new scale, records `SuccessfulRescale`, and writes
 * the status with its conditions.
 */
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus, Pod } from '../../api/types';
import { formatQuantity, parseQuantity, quantityValue } from '../../apiserver/resources/quantity';
import { matchesLabels, parseLabelSelector } from '../../api/labels';
import type { TimerHandle } from '../../clock/clock';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';
import { timestamp } from '../util/pods';
import { resourceMetrics } from './metricsClient';
import { normalizeWithBehavior, normalizeWithoutBehavior, setCondition, storeScaleEvent, type HpaMemory } from './normalize';
import { rawResourceReplicas, ReplicaCalcError, resourceReplicas, type PodMetricsInfo } from './replicaCalculator';

/** The controller's name in `--controllers`. */
export const HPA_CONTROLLER = 'horizontalpodautoscaling';
/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;

/** The resources whose `/scale` a target kind is read through (the RESTMapper's answer). */
const SCALE_TARGETS: Record<string, { group: string; resource: string }> = {
  Deployment: { group: 'apps', resource: 'deployments' },
  ReplicaSet: { group: 'apps', resource: 'replicasets' },
  StatefulSet: { group: 'apps', resource: 'statefulsets' },
  ReplicationController: { group: '', resource: 'replicationcontrollers' },
};

interface Scale {
  metadata: { name?: string; namespace?: string; resourceVersion?: string };
  spec?: { replicas?: number };
  status?: { replicas?: number; selector?: string };
  [field: string]: unknown;
}

interface MetricResult {
  replicas: number;
  name: string;
  status: MetricStatus;
}

function milliQuantity(milli: number): string {
  const q = parseQuantity(`${milli}m`);
  return q ? formatQuantity(q) : '0';
}

/** The HPA controller. */
export class HorizontalController implements Controller {
  private readonly hpas: Informer<HorizontalPodAutoscaler>;
  private readonly pods: Informer<Pod>;
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  private readonly memory = new Map<string, HpaMemory>();
  private readonly timers = new Map<string, TimerHandle>();

  constructor(private readonly ctx: ControllerContext) {
    this.hpas = ctx.informers.informer<HorizontalPodAutoscaler>({ group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.recorder = ctx.recorder('horizontal-pod-autoscaler');
    this.queue = new WorkQueue(ctx.clock, (key) => this.reconcileKey(key));
    this.queue.onError = (key, err) => ctx.trace.emit({ component: 'kube-controller-manager', instance: HPA_CONTROLLER, action: 'error', object: `horizontalpodautoscalers/${key}`, message: `HPA ${key}: ${err instanceof Error ? err.message : String(err)}` });
  }

  /** Adds the event handlers. */
  start(): void {
    const enqueue = (hpa: HorizontalPodAutoscaler) => this.enqueue(keyOf(hpa));
    this.hpas.addHandlers({ add: enqueue, update: (_o, cur) => enqueue(cur), delete: (hpa) => this.queue.add(keyOf(hpa)) });
  }

  /** Stops the queue and the periodic syncs. */
  stop(): void {
    this.queue.shutdown();
    for (const t of this.timers.values()) this.ctx.clock.clearTimer(t);
    this.timers.clear();
  }

  /** AddRateLimited with the HPA's fixed interval: the HPA is synced 15 s from now (once). */
  private enqueue(key: string): void {
    if (this.timers.has(key)) return;
    this.timers.set(
      key,
      this.ctx.clock.setTimer(HPA_SYNC_PERIOD_MS, () => {
        this.timers.delete(key);
        this.queue.add(key);
      }),
    );
  }

  private async reconcileKey(key: string): Promise<void> {
    const hpa = this.hpas.get(key);
    if (!hpa) {
      this.memory.delete(key);
      return;
    }
    try {
      await this.reconcile(key, JSON.parse(JSON.stringify(hpa)) as HorizontalPodAutoscaler);
    } finally {
      this.enqueue(key);
    }
  }

  private async writeStatus(hpa: HorizontalPodAutoscaler, before: string): Promise<void> {
    if (JSON.stringify(hpa.status ?? {}) === before) return;
    try {
      await this.ctx.client.update({ group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespace: hpa.metadata.namespace ?? '', name: hpa.metadata.name ?? '', subresource: 'status' }, hpa);
    } catch (e) {
      this.recorder.event(hpa, 'Warning', 'FailedUpdateStatus', e instanceof Error ? e.message : String(e));
      throw e;
    }
  }

  /** reconcileAutoscaler. */
  private async reconcile(key: string, hpa: HorizontalPodAutoscaler): Promise<void> {
    const now = this.ctx.clock.now();
    const before = JSON.stringify(hpa.status ?? {});
    const ns = hpa.metadata.namespace ?? '';
    const target = hpa.spec.scaleTargetRef;
    const group = (target.apiVersion ?? '').includes('/') ? (target.apiVersion ?? '').split('/')[0] : '';
    const mapping = SCALE_TARGETS[target.kind];
    const failScale = async (message: string) => {
      this.recorder.event(hpa, 'Warning', 'FailedGetScale', message);
      setCondition(hpa, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${message}`, now);
      await this.writeStatus(hpa, before);
    };
    if (!mapping || mapping.group !== group) return failScale(`no matches for kind "${target.kind}" in group "${group}"`);
    const scaleRef = { group: mapping.group, version: 'v1', resource: mapping.resource, namespace: ns, name: target.name, subresource: 'scale' };
    let scale: Scale;
    try {
      scale = (await this.ctx.client.get(scaleRef)) as unknown as Scale;
    } catch (e) {
      return failScale(e instanceof Error ? e.message : String(e));
    }
    setCondition(hpa, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now);
    const current = scale.spec?.replicas ?? 0;
    const mem = this.memory.get(key) ?? { recommendations: [{ replicas: current, at: now }], scaleUp: [], scaleDown: [] };
    this.memory.set(key, mem);
    const min = hpa.spec.minReplicas ?? 1;
    const max = hpa.spec.maxReplicas;
    let desired = 0;
    let reason = '';
    let rescale = true;
    let statuses: MetricStatus[] | undefined = hpa.status?.currentMetrics;
    if (current === 0 && min !== 0) {
      rescale = false;
      setCondition(hpa, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
    } else if (current > max) {
      reason = 'Current number of replicas above Spec.MaxReplicas';
      desired = max;
    } else if (current < min) {
      reason = 'Current number of replicas below Spec.MinReplicas';
      desired = min;
    } else {
      const result = await this.computeReplicas(hpa, scale, now);
      statuses = result.statuses;
      if (result.replicas === -1) {
        this.setStatus(hpa, current, hpa.status?.desiredReplicas ?? 0, statuses, false, now);
        await this.writeStatus(hpa, before);
        this.recorder.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', result.error ?? '');
        throw new Error(`failed to compute desired number of replicas based on listed metrics for ${target.kind}/${ns}/${target.name}: ${result.error ?? ''}`);
      }
      desired = result.replicas;
      if (desired > current) reason = `${result.metric} above target`;
      if (desired < current) reason = 'All metrics below target';
      desired = hpa.spec.behavior ? normalizeWithBehavior(hpa, mem, current, desired, min, now) : normalizeWithoutBehavior(hpa, mem, current, desired, min, now);
      rescale = desired !== current;
    }
    if (rescale) {
      try {
        await this.ctx.client.update(scaleRef, { ...scale, spec: { ...(scale.spec ?? {}), replicas: desired } } as never);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        this.recorder.event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${msg}`);
        setCondition(hpa, 'AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${msg}`, now);
        this.setStatus(hpa, current, hpa.status?.desiredReplicas ?? 0, statuses, false, now);
        await this.writeStatus(hpa, before);
        throw e;
      }
      setCondition(hpa, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`, now);
      this.recorder.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
      storeScaleEvent(hpa, mem, current, desired, now);
      this.ctx.trace.emit({ component: 'kube-controller-manager', instance: HPA_CONTROLLER, action: 'scale', object: `horizontalpodautoscalers/${key}`, message: `HPA ${hpa.metadata.name ?? ''} scaled ${target.kind} ${target.name} from ${current} to ${desired}: ${reason}` });
    } else desired = current;
    this.setStatus(hpa, current, desired, statuses, rescale, now);
    await this.writeStatus(hpa, before);
  }

  /** setStatus: the replicas, the metrics and (after a rescale) the last scale time. */
  private setStatus(hpa: HorizontalPodAutoscaler, current: number, desired: number, metrics: MetricStatus[] | undefined, rescale: boolean, now: number): void {
    const st = hpa.status ?? {};
    hpa.status = {
      ...(rescale ? { lastScaleTime: timestamp(now) } : st.lastScaleTime ? { lastScaleTime: st.lastScaleTime } : {}),
      ...(current ? { currentReplicas: current } : {}),
      desiredReplicas: desired,
      ...(metrics && metrics.length > 0 ? { currentMetrics: metrics } : {}),
      ...(st.conditions ? { conditions: st.conditions } : {}),
    };
  }

  /** computeReplicasForMetrics: the highest proposal of the valid metrics (-1 with an error when none is). */
  private async computeReplicas(hpa: HorizontalPodAutoscaler, scale: Scale, now: number): Promise<{ replicas: number; metric: string; statuses: MetricStatus[]; error?: string }> {
    const selector = scale.status?.selector ?? '';
    if (!selector) {
      this.recorder.event(hpa, 'Warning', 'SelectorRequired', 'selector is required');
      setCondition(hpa, 'ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector", now);
      return { replicas: -1, metric: '', statuses: [], error: 'selector is required' };
    }
    const specs = hpa.spec.metrics ?? [];
    const statuses: MetricStatus[] = [];
    let replicas = 0;
    let metric = '';
    let invalid = 0;
    let firstError: { reason: string; message: string; detail: string } | undefined;
    for (const spec of specs) {
      try {
        const r = await this.computeMetric(hpa, spec, scale, selector, now);
        statuses.push(r.status);
        if (replicas === 0 || r.replicas > replicas) {
          replicas = r.replicas;
          metric = r.name;
        }
      } catch (e) {
        const err = e as { reason?: string; message: string; detail?: string };
        statuses.push({ type: '' });
        if (invalid === 0) firstError = { reason: err.reason ?? 'FailedGetResourceMetric', message: err.message, detail: err.detail ?? err.message };
        invalid++;
      }
    }
    if (invalid >= specs.length || (invalid > 0 && replicas < (scale.spec?.replicas ?? 0))) {
      const f = firstError ?? { reason: 'InvalidMetricSourceType', message: 'no metrics', detail: 'no metrics' };
      setCondition(hpa, 'ScalingActive', 'False', f.reason, `the HPA was unable to compute the replica count: ${f.detail}`, now);
      return { replicas: -1, metric: '', statuses, error: `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${f.message}` };
    }
    setCondition(hpa, 'ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${metric}`, now);
    return { replicas, metric, statuses };
  }

  /** The pods' metrics; errors as the replica calculator wraps them. */
  private async fetch(resource: string, ns: string, selector: string, container: string): Promise<{ metrics: PodMetricsInfo }> {
    try {
      return await resourceMetrics(this.ctx.client, resource, ns, selector, container);
    } catch (e) {
      throw new ReplicaCalcError(`unable to get metrics for resource ${resource}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** computeReplicasForMetric for Resource and ContainerResource metrics. */
  private async computeMetric(hpa: HorizontalPodAutoscaler, spec: MetricSpec, scale: Scale, selector: string, now: number): Promise<MetricResult> {
    const specReplicas = scale.spec?.replicas ?? 0;
    const container = spec.type === 'ContainerResource' ? (spec.containerResource?.container ?? '') : '';
    const source = spec.type === 'Resource' ? spec.resource : spec.type === 'ContainerResource' ? spec.containerResource : undefined;
    const failReason = spec.type === 'ContainerResource' ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric';
    if (!source) {
      const message = `unknown metric source type "${spec.type}"`;
      const reason = spec.type === 'Pods' ? 'FailedGetPodsMetric' : spec.type === 'Object' ? 'FailedGetObjectMetric' : spec.type === 'External' ? 'FailedGetExternalMetric' : 'InvalidMetricSourceType';
      this.recorder.event(hpa, 'Warning', reason, message);
      throw Object.assign(new Error(message), { reason, detail: message });
    }
    const resource = source.name;
    const fail = (inner: string, what: string) => {
      const detail = `failed to get ${resource} ${what}: ${inner}`;
      this.recorder.event(hpa, 'Warning', failReason, detail);
      const outer = spec.type === 'ContainerResource' ? `failed to get ${container} container metric value: ${detail}` : `failed to get ${resource} resource metric value: ${detail}`;
      return Object.assign(new Error(outer), { reason: failReason, detail });
    };
    const ns = hpa.metadata.namespace ?? '';
    const sel = parseLabelSelector(selector);
    const pods = this.pods.byIndex('namespace', ns).filter((p) => matchesLabels(sel, p.metadata.labels));
    const target = source.target;
    if (target.averageValue !== undefined) {
      const q = parseQuantity(target.averageValue);
      const targetMilli = q ? Math.round(quantityValue(q) * 1000) : 0;
      try {
        const { metrics } = await this.fetch(resource, ns, selector, container);
        const r = rawResourceReplicas(specReplicas, targetMilli, resource, pods, metrics, now);
        const current = { averageValue: milliQuantity(r.rawAverage) };
        return { replicas: r.replicas, name: `${resource} resource`, status: statusOf(spec, resource, container, current) };
      } catch (e) {
        throw fail(e instanceof Error ? e.message : String(e), 'usage');
      }
    }
    if (target.averageUtilization === undefined) throw fail('invalid resource metric source: neither an average utilization target nor an average value (usage) target was set', 'utilization');
    try {
      const { metrics } = await this.fetch(resource, ns, selector, container);
      const r = resourceReplicas(specReplicas, target.averageUtilization, resource, pods, metrics, now);
      const current = { averageUtilization: r.utilization ?? 0, averageValue: milliQuantity(r.rawAverage) };
      const name = spec.type === 'ContainerResource' ? `${resource} container resource utilization (percentage of request)` : `${resource} resource utilization (percentage of request)`;
      return { replicas: r.replicas, name, status: statusOf(spec, resource, container, current) };
    } catch (e) {
      throw fail(e instanceof Error ? e.message : String(e), 'utilization');
    }
  }
}

function statusOf(spec: MetricSpec, name: string, container: string, current: { averageValue?: string; averageUtilization?: number }): MetricStatus {
  if (spec.type === 'ContainerResource') return { type: 'ContainerResource', containerResource: { name, container, current } };
  return { type: 'Resource', resource: { name, current } };
}
