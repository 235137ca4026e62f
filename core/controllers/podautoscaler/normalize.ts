/**
 * How the HPA turns the metrics' proposal into the replicas it sets
 * (pkg/controller/podautoscaler/horizontal.go): without `behavior`, the highest recommendation
 * of the last 5 minutes (the downscale stabilization window) bounded by min/max replicas and a
 * scale-up limit of max(2 × current, 4); with `behavior`, the recommendations stabilized over
 * each direction's window, then limited by the scaling policies over their periods (the
 * defaults: up by 100 % or 4 pods per 15 s, no window; down by 100 % per 15 s after a 300 s
 * window). Each step sets the AbleToScale and ScalingLimited conditions with the real reasons.
 */
import type { Condition, HorizontalPodAutoscaler } from '../../api/types';
import { timestamp } from '../util/pods';

/** --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILIZATION_MS = 300_000;

/** One scaling policy. */
export interface ScalingPolicy {
  type: string;
  value: number;
  periodSeconds: number;
}

/** HPAScalingRules. */
export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: string;
  policies?: ScalingPolicy[];
}

/** A past recommendation. */
export interface Recommendation {
  replicas: number;
  at: number;
}

/** A past scale change (replicas added or removed). */
export interface ScaleEvent {
  change: number;
  at: number;
  outdated: boolean;
}

/** What the controller remembers of one HPA between syncs. */
export interface HpaMemory {
  recommendations: Recommendation[];
  scaleUp: ScaleEvent[];
  scaleDown: ScaleEvent[];
}

/** setCondition: sets a condition (the transition time changes only with the status). */
export function setCondition(hpa: HorizontalPodAutoscaler, type: string, status: Condition['status'], reason: string, message: string, now: number): void {
  const st = (hpa.status ??= {});
  const list = (st.conditions ??= []);
  let c = list.find((x) => x.type === type);
  if (!c) {
    c = { type, status };
    list.push(c);
    c.lastTransitionTime = timestamp(now);
  } else if (c.status !== status) c.lastTransitionTime = timestamp(now);
  c.status = status;
  c.reason = reason;
  c.message = message;
}

/** stabilizeRecommendation (no behavior): the highest recommendation of the window; records this one. */
function stabilize(mem: HpaMemory, proposal: number, now: number): number {
  let max = proposal;
  let oldIndex = -1;
  mem.recommendations.forEach((r, i) => {
    if (r.at < now - DOWNSCALE_STABILIZATION_MS) oldIndex = i;
    else if (r.replicas > max) max = r.replicas;
  });
  if (oldIndex >= 0) mem.recommendations[oldIndex] = { replicas: proposal, at: now };
  else mem.recommendations.push({ replicas: proposal, at: now });
  return max;
}

/** normalizeDesiredReplicas (no behavior). */
export function normalizeWithoutBehavior(hpa: HorizontalPodAutoscaler, mem: HpaMemory, current: number, proposal: number, min: number, now: number): number {
  const stabilized = stabilize(mem, proposal, now);
  if (stabilized !== proposal) setCondition(hpa, 'AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation', now);
  else setCondition(hpa, 'AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size', now);
  const max = hpa.spec.maxReplicas;
  const upLimit = Math.max(2 * current, 4);
  let allowedMax: number;
  let reason: string;
  let message: string;
  if (max > upLimit) {
    allowedMax = upLimit;
    reason = 'ScaleUpLimit';
    message = 'the desired replica count is increasing faster than the maximum scale rate';
  } else {
    allowedMax = max;
    reason = 'TooManyReplicas';
    message = 'the desired replica count is more than the maximum replica count';
  }
  let desired = stabilized;
  if (stabilized < min) {
    desired = min;
    reason = 'TooFewReplicas';
    message = 'the desired replica count is less than the minimum replica count';
  } else if (stabilized > allowedMax) desired = allowedMax;
  else {
    reason = 'DesiredWithinRange';
    message = 'the desired count is within the acceptable range';
  }
  setCondition(hpa, 'ScalingLimited', desired === stabilized ? 'False' : 'True', reason, message, now);
  return desired;
}

function changeInPeriod(events: ScaleEvent[], periodSeconds: number, now: number): number {
  return events.filter((e) => e.at > now - periodSeconds * 1000).reduce((n, e) => n + e.change, 0);
}

/** calculateScaleUpLimitWithScalingRules. */
function scaleUpLimit(current: number, mem: HpaMemory, rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(mem.scaleUp, p.periodSeconds, now) + changeInPeriod(mem.scaleDown, p.periodSeconds, now);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = useMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** calculateScaleDownLimitWithBehaviors. */
function scaleDownLimit(current: number, mem: HpaMemory, rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(mem.scaleUp, p.periodSeconds, now) + changeInPeriod(mem.scaleDown, p.periodSeconds, now);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = useMin ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/** normalizeDesiredReplicasWithBehaviors. */
export function normalizeWithBehavior(hpa: HorizontalPodAutoscaler, mem: HpaMemory, current: number, proposal: number, min: number, now: number): number {
  const behavior = (hpa.spec.behavior ?? {}) as { scaleUp?: ScalingRules; scaleDown?: ScalingRules };
  const up: ScalingRules = behavior.scaleUp ?? { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
  const down: ScalingRules = behavior.scaleDown ?? { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
  const upCutoff = now - (up.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (down.stabilizationWindowSeconds ?? DOWNSCALE_STABILIZATION_MS / 1000) * 1000;
  let upRec = proposal;
  let downRec = proposal;
  let oldIndex = -1;
  mem.recommendations.forEach((r, i) => {
    if (r.at > upCutoff) upRec = Math.min(r.replicas, upRec);
    if (r.at > downCutoff) downRec = Math.max(r.replicas, downRec);
    if (r.at < upCutoff && r.at < downCutoff) oldIndex = i;
  });
  const stabilized = Math.min(Math.max(current, upRec), downRec);
  if (oldIndex >= 0) mem.recommendations[oldIndex] = { replicas: proposal, at: now };
  else mem.recommendations.push({ replicas: proposal, at: now });
  if (stabilized !== proposal) {
    if (proposal >= current) setCondition(hpa, 'AbleToScale', 'True', 'ScaleUpStabilized', 'recent recommendations were lower than current one, applying the lowest recent recommendation', now);
    else setCondition(hpa, 'AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation', now);
  } else setCondition(hpa, 'AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size', now);
  let desired = stabilized;
  let reason = 'DesiredWithinRange';
  let message = 'the desired count is within the acceptable range';
  if (stabilized > current) {
    const limit = Math.max(current, scaleUpLimit(current, mem, up, now));
    let allowed = hpa.spec.maxReplicas;
    if (allowed > limit) {
      allowed = limit;
      reason = 'ScaleUpLimit';
      message = 'the desired replica count is increasing faster than the maximum scale rate';
    } else {
      reason = 'TooManyReplicas';
      message = 'the desired replica count is more than the maximum replica count';
    }
    if (stabilized > allowed) desired = allowed;
  } else if (stabilized < current) {
    const limit = Math.min(current, scaleDownLimit(current, mem, down, now));
    let allowed = min;
    if (allowed < limit) {
      allowed = limit;
      reason = 'ScaleDownLimit';
      message = 'the desired replica count is decreasing faster than the maximum scale rate';
    } else {
      reason = 'TooFewReplicas';
      message = 'the desired replica count is less than the minimum replica count';
    }
    if (stabilized < allowed) desired = allowed;
  }
  if (desired === stabilized) {
    reason = 'DesiredWithinRange';
    message = 'the desired count is within the acceptable range';
  }
  setCondition(hpa, 'ScalingLimited', desired === stabilized ? 'False' : 'True', reason, message, now);
  return desired;
}

/** storeScaleEvent (with behavior only): remembers a scale change for the policies' periods. */
export function storeScaleEvent(hpa: HorizontalPodAutoscaler, mem: HpaMemory, prev: number, next: number, now: number): void {
  const behavior = hpa.spec.behavior as { scaleUp?: ScalingRules; scaleDown?: ScalingRules } | undefined;
  if (!behavior) return;
  const upward = next > prev;
  const rules = (upward ? behavior.scaleUp : behavior.scaleDown) ?? {};
  const longest = Math.max(0, ...(rules.policies ?? []).map((p) => p.periodSeconds));
  const events = upward ? mem.scaleUp : mem.scaleDown;
  for (const e of events) if (e.at < now - longest * 1000) e.outdated = true;
  const event: ScaleEvent = { change: Math.abs(next - prev), at: now, outdated: false };
  const old = events.findIndex((e) => e.outdated);
  if (old >= 0) events[old] = event;
  else events.push(event);
}
