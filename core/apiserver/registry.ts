/**
 * The resource registry: what each resource is (group, version, kind, scope, names, verbs)
 * and its strategy (defaulting, validation, create/update preparation, field selectors,
 * graceful deletion, printing) — the role of a registry `Strategy` in kube-apiserver.
 */
import type { KubeObject } from '../api/types';
import type { FieldErrors } from '../api/validation';
import type { Random } from '../clock/random';
import type { TablePrinter } from './table';

/** What a strategy may use: the cluster's clock and random source. */
export interface StrategyContext {
  now(): number;
  random: Random;
}

/** A resource served by the API server. */
export interface ResourceDef {
  /** A custom resource, served for a CustomResourceDefinition: no strategic merge patch. */
  custom?: boolean;
  /**
   * Where the objects are stored when that is not this resource's own place: one storage shared
   * by several versions or groups (autoscaling/v1 and v2 HPAs, core/v1 and events.k8s.io/v1
   * events). Used by `Registry.keyPrefix`.
   */
  storage?: { group: string; resource: string };
  /** Converts an object of this version to the storage form (on every write). */
  toStorage?(obj: KubeObject): KubeObject;
  /** Converts a stored object to this version (on every read, watch event and `old` object). */
  fromStorage?(obj: KubeObject): KubeObject;
  /** A computed, read-only resource: the objects listed (nothing is stored). */
  list?(): KubeObject[];
  /** A computed, read-only resource: one object by name (undefined: 404). */
  get?(name: string): KubeObject | undefined;
  /** The `Warning` header value sent with every response of a deprecated resource. */
  warning?: string;
  /** Why creates are refused (a 405 with this message), e.g. while the CRD is terminating. */
  createRefusal?: string;
  /**
   * Prepares and validates a write of the `status` subresource (custom resources: pruning,
   * defaulting and validation of the status against the schema).
   */
  prepareStatus?(obj: KubeObject, old: KubeObject, errs: FieldErrors): void;
  /** Whether a write of `status` also writes the given annotations (the Deployment status strategy resets only spec and labels: its controller writes the revision annotation with the status). */
  statusWritesAnnotations?: boolean;
  group: string;
  version: string;
  /** Plural, lower case: `pods`. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresources served (`status`, `binding`, `finalize`, `scale`, ...). */
  subresources: string[];
  /** The OpenAPI definition of the kind, e.g. `io.k8s.api.core.v1.Pod` (see core/api/schema). */
  schemaName?: string;
  /** Whether `metadata.generation` is kept (bumped when anything but metadata and status changes). */
  hasGeneration?: boolean;
  /** For the `scale` subresource: where replicas and the selector live (JSON paths without `$`). */
  scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
  printer: TablePrinter;
  /** Fills defaults in place (on create and update). */
  defaults?(obj: KubeObject, ctx: StrategyContext): void;
  /** Validates; `old` is set on update. */
  validate?(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void;
  /** Prepares a new object (e.g. resets status). */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** Prepares an update of the main resource (e.g. keeps status). */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /** The values field selectors can match, besides metadata.name and metadata.namespace. */
  selectableFields?(obj: KubeObject): Record<string, string>;
  /** Seconds of graceful deletion, or 0 to delete at once; `requested` from DeleteOptions. */
  gracePeriod?(obj: KubeObject, requested: number | undefined): number;
}

/** The apiVersion string of a resource: `v1`, `apps/v1`. */
export function apiVersionOf(def: Pick<ResourceDef, 'group' | 'version'>): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

/** The set of resources served, looked up by group/version/plural. */
export class Registry {
  private readonly byKey = new Map<string, ResourceDef>();

  /** Adds a resource. */
  add(def: ResourceDef): void {
    this.byKey.set(`${def.group}/${def.version}/${def.resource}`, def);
  }

  /** Finds a resource. */
  get(group: string, version: string, resource: string): ResourceDef | undefined {
    return this.byKey.get(`${group}/${version}/${resource}`);
  }

  /** Removes a resource (when it is this very definition); whether it was there. */
  remove(def: ResourceDef): boolean {
    const key = `${def.group}/${def.version}/${def.resource}`;
    if (this.byKey.get(key) !== def) return false;
    this.byKey.delete(key);
    return true;
  }

  /** Every resource. */
  all(): ResourceDef[] {
    return [...this.byKey.values()];
  }

  /** The distinct group/versions, core first. */
  groupVersions(): { group: string; version: string }[] {
    const seen = new Map<string, { group: string; version: string }>();
    for (const d of this.byKey.values()) seen.set(`${d.group}/${d.version}`, { group: d.group, version: d.version });
    return [...seen.values()];
  }

  /** The storage key prefix of a resource (optionally within a namespace). */
  static keyPrefix(def: ResourceDef, namespace?: string): string {
    const where = def.storage ?? def;
    const base = `/registry/${where.group || 'core'}/${where.resource}/`;
    return def.namespaced && namespace ? `${base}${namespace}/` : base;
  }

  /** The storage key of one object. */
  static key(def: ResourceDef, namespace: string | undefined, name: string): string {
    return def.namespaced ? `${Registry.keyPrefix(def)}${namespace}/${name}` : `${Registry.keyPrefix(def)}${name}`;
  }
}
