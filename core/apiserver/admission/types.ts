/**
 * Admission as k8s.io/apiserver/pkg/admission defines it: each plugin may mutate the object of a
 * create or update (`admit`, the mutating phase, before validation) and may refuse it
 * (`validate`, the validating phase, after validation, just before storage). Plugins read the
 * cluster state as the API server's own informers would: straight from the store.
 */
import type { StatusError } from '../../api/status';
import type { KubeObject } from '../../api/types';
import type { Random } from '../../clock/random';
import type { Store } from '../../storage/store';
import { forbiddenError } from '../auth/authorizer';
import { Registry, type ResourceDef } from '../registry';

/** The operation being admitted. */
export type Operation = 'CREATE' | 'UPDATE';

/** admission.Attributes. */
export interface AdmissionAttributes {
  operation: Operation;
  def: ResourceDef;
  subresource: string;
  /** The request's namespace ('' for cluster-scoped resources). */
  namespace: string;
  /** The object's name as requested: '' for a create with generateName before the name is generated. */
  name: string;
  /** The object being admitted; mutating plugins change it in place. */
  object: KubeObject;
  /** The stored object, on update. */
  oldObject?: KubeObject;
  dryRun: boolean;
}

/** What plugins may use: the store (read, and for quota usage, write), the clock, the random source. */
export interface AdmissionContext {
  store: Store;
  now(): number;
  random: Random;
}

/** One admission plugin. */
export interface AdmissionPlugin {
  readonly name: string;
  /** The mutating phase. */
  admit?(a: AdmissionAttributes, ctx: AdmissionContext): void;
  /** The validating phase. */
  validate?(a: AdmissionAttributes, ctx: AdmissionContext): void;
}

/**
 * admission.NewForbidden: `pods "web" is forbidden: <message>`, named after the object (its
 * generateName while the name is not generated yet, as in the mutating phase).
 */
export function admissionForbidden(a: AdmissionAttributes, message: string): StatusError {
  const name = a.name || a.object.metadata.generateName || 'Unknown';
  return forbiddenError(a.def.group, a.def.resource, name, message);
}

/** The stored objects of a resource in a namespace (all namespaces when `namespace` is undefined). */
export function listStored<T extends KubeObject>(ctx: AdmissionContext, def: ResourceDef, namespace?: string): T[] {
  return ctx.store.list(Registry.keyPrefix(def, namespace)).items as T[];
}

/** One stored object, if any. */
export function getStored<T extends KubeObject>(ctx: AdmissionContext, def: ResourceDef, namespace: string | undefined, name: string): T | undefined {
  return ctx.store.get(Registry.key(def, namespace, name)) as T | undefined;
}
