/**
 * The validation the workload controllers share (pkg/apis/apps/validation and the RC part of
 * core validation): a selector that must match the template's labels, a template whose pods
 * restart Always, non-negative counts, the immutable selector of apps/v1, and the strategies'
 * status and generation bookkeeping.
 */
import type { KubeObject, LabelSelector, PodTemplateSpec } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import { bumpGeneration, deepEqual, goStringMap, immutable, initGeneration, invalidRaw, nonNegative } from './fields';
import { validatePodTemplateSpec } from './podspec';
import { goLabelSelector, selectorIsEmpty, selectorIsValid, selectorMatches, validateLabelSelector } from './selector';

/** The `selector` does not match template `labels` error, at `<templatePath>.metadata.labels`. */
export function selectorMismatch(errs: FieldErrors, templatePath: string, labels: Record<string, string> | undefined): void {
  invalidRaw(errs, `${templatePath}.metadata.labels`, goStringMap(labels), '`selector` does not match template `labels`');
}

/**
 * Validates `spec.selector` (required, valid, non-empty) as apps validation does for
 * Deployments, ReplicaSets and StatefulSets; `what` names the kind in the empty-selector message.
 * Returns whether the selector can be used for matching.
 */
export function validateRequiredSelector(errs: FieldErrors, selector: LabelSelector | undefined, what: string): boolean {
  if (!selector || typeof selector !== 'object') {
    errs.required('spec.selector');
    return false;
  }
  validateLabelSelector(selector, 'spec.selector', errs);
  if (selectorIsEmpty(selector)) invalidRaw(errs, 'spec.selector', goLabelSelector(selector), `empty selector is invalid for ${what}`);
  return selectorIsValid(selector);
}

/**
 * ValidatePodTemplateSpecForReplicaSet (and ForRC): the template's labels match the selector,
 * the template is a valid pod template, restartPolicy is Always, no activeDeadlineSeconds.
 * `kind` names the controller in the activeDeadlineSeconds message.
 */
export function validateAlwaysRestartingTemplate(errs: FieldErrors, template: PodTemplateSpec | undefined, matches: ((labels: Record<string, string> | undefined) => boolean) | undefined, kind: string, path = 'spec.template'): void {
  if (!template || typeof template !== 'object') {
    errs.required(path);
    return;
  }
  if (matches && !matches(template.metadata?.labels)) selectorMismatch(errs, path, template.metadata?.labels);
  validatePodTemplateSpec(template, path, errs);
  const rp = template.spec?.restartPolicy;
  if (rp !== 'Always') errs.notSupported(`${path}.spec.restartPolicy`, rp ?? '', ['Always']);
  if (template.spec?.['activeDeadlineSeconds'] !== undefined) errs.forbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${kind} is not Supported`);
}

/** A matcher for validateAlwaysRestartingTemplate from a LabelSelector: none (no check) when it is empty, never matching when absent. */
export function selectorMatcher(selector: LabelSelector | undefined, usable: boolean): ((labels: Record<string, string> | undefined) => boolean) | undefined {
  if (!selector) return () => false;
  if (!usable || selectorIsEmpty(selector)) return undefined;
  return (labels) => selectorMatches(selector, labels);
}

/**
 * The selector-and-template part of ValidateDeploymentSpec / ValidateReplicaSetSpec: an
 * unparsable selector is `invalid label selector`, otherwise the template is validated against it.
 */
export function validateSelectedTemplate(errs: FieldErrors, selector: LabelSelector | undefined, usable: boolean, template: PodTemplateSpec | undefined, kind: string): void {
  if (selector && !selectorIsValid(selector)) invalidRaw(errs, 'spec.selector', goLabelSelector(selector), 'invalid label selector');
  else validateAlwaysRestartingTemplate(errs, template, selectorMatcher(selector, usable || !selector), kind);
}

/** The replicas and minReadySeconds checks of every replicated workload. */
export function validateCounts(errs: FieldErrors, spec: { replicas?: number; minReadySeconds?: number; revisionHistoryLimit?: number }): void {
  nonNegative(errs, 'spec.replicas', spec.replicas ?? 0);
  nonNegative(errs, 'spec.minReadySeconds', spec.minReadySeconds ?? 0);
  if (spec.revisionHistoryLimit !== undefined) nonNegative(errs, 'spec.revisionHistoryLimit', spec.revisionHistoryLimit);
}

/** The apps/v1 rule that a selector never changes: `spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable`. */
export function validateSelectorImmutable(errs: FieldErrors, selector: LabelSelector | undefined, oldSelector: LabelSelector | undefined): void {
  immutable(errs, 'spec.selector', selector, oldSelector, (v) => goLabelSelector(v as LabelSelector | undefined));
}

/** PrepareForCreate of the workload strategies: the given empty status and generation 1. */
export function resetStatus(obj: KubeObject, emptyStatus: Record<string, unknown>): void {
  obj['status'] = { ...emptyStatus };
  initGeneration(obj);
}

/** PrepareForUpdate of the workload strategies: status kept, generation bumped when the spec changed. */
export function keepStatus(obj: KubeObject, old: KubeObject, alsoBumpOn?: (o: KubeObject) => unknown): void {
  obj['status'] = old['status'];
  const changed = !deepEqual(obj['spec'], old['spec']) || (alsoBumpOn !== undefined && !deepEqual(alsoBumpOn(obj), alsoBumpOn(old)));
  bumpGeneration(obj, old, changed);
}
