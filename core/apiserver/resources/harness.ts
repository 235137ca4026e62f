/**
 * Runs a resource's strategy the way the REST layer does, without a store: create (identity,
 * defaults, PrepareForCreate, validation) and update (defaults, PrepareForUpdate, validation).
 * For unit tests of the strategies and for previews (what would the server make of this?).
 */
import { rfc3339 } from '../../api/duration';
import type { StatusCause } from '../../api/status';
import type { KubeObject } from '../../api/types';
import { FieldErrors } from '../../api/validation';
import type { ResourceDef, StrategyContext } from '../registry';
import { clone } from './fields';

/** The outcome of a strategy run: the object as it would be stored and the validation causes. */
export interface StrategyResult<T extends KubeObject = KubeObject> {
  obj: T;
  causes: StatusCause[];
}

/** `field: message` lines of causes, as kubectl prints them inside an Invalid error. */
export function causeLines(causes: StatusCause[]): string[] {
  return causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
}

/** Creates `body` in `namespace` (for namespaced resources) as the REST create does. */
export function simulateCreate<T extends KubeObject = KubeObject>(def: ResourceDef, body: KubeObject, ctx: StrategyContext, namespace = 'default'): StrategyResult<T> {
  const obj = clone(body);
  delete obj.apiVersion;
  delete obj.kind;
  obj.metadata ??= {};
  if (def.namespaced) obj.metadata.namespace ??= namespace;
  if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = `${obj.metadata.generateName}${ctx.random.nameSuffix()}`;
  obj.metadata.uid = ctx.random.uuid();
  obj.metadata.creationTimestamp = rfc3339(ctx.now());
  // As kube-apiserver: defaults when decoding, then PrepareForCreate, then validation.
  def.defaults?.(obj, ctx);
  def.prepareForCreate?.(obj, ctx);
  const errs = new FieldErrors();
  def.validate?.(obj, errs);
  return { obj: obj as T, causes: errs.causes };
}

/** Updates `old` to `body` as the REST update does (identity fields kept from `old`). */
export function simulateUpdate<T extends KubeObject = KubeObject>(def: ResourceDef, body: KubeObject, old: KubeObject, ctx: StrategyContext): StrategyResult<T> {
  const obj = clone(body);
  delete obj.apiVersion;
  delete obj.kind;
  obj.metadata ??= {};
  for (const f of ['uid', 'creationTimestamp', 'generation', 'namespace'] as const) {
    if (old.metadata[f] === undefined) delete obj.metadata[f];
    else (obj.metadata as Record<string, unknown>)[f] = old.metadata[f];
  }
  def.defaults?.(obj, ctx);
  def.prepareForUpdate?.(obj, clone(old), ctx);
  const errs = new FieldErrors();
  def.validate?.(obj, errs, old);
  return { obj: obj as T, causes: errs.causes };
}
