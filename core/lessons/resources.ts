/**
 * Resource names as lessons write them (kubectl's: `pods`, `po`, `deploy`, `deployments.apps`,
 * `Deployment`) and kinds of manifests (`apps/v1` `Deployment`), resolved against the
 * built-in resources of the API server.
 */
import type { ResourceDef } from '../apiserver/registry';
import { BUILTIN_RESOURCES } from '../apiserver/resources/index';
import type { ResourceRef } from '../client/client';

/** A resolved resource type. */
export interface ResourceType {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
}

function typeOf(d: ResourceDef): ResourceType {
  return { group: d.group, version: d.version, resource: d.resource, kind: d.kind, namespaced: d.namespaced };
}

/** Resolves a kubectl resource name (`deploy`, `deployments.apps`, `rs`); undefined when unknown. */
export function resolveResource(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  const base = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  const def = BUILTIN_RESOURCES.find(
    (d) => (group === undefined || d.group === group || (group === 'core' && d.group === '')) && (d.resource === base || d.singular === base || d.shortNames.includes(base) || d.kind.toLowerCase() === base),
  );
  return def ? typeOf(def) : undefined;
}

/** Resolves a manifest's `apiVersion` and `kind`; undefined when unknown. */
export function resolveKind(apiVersion: string, kind: string): ResourceType | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const def = BUILTIN_RESOURCES.find((d) => d.group === group && d.version === version && d.kind === kind);
  return def ? typeOf(def) : undefined;
}

/** The client reference of a type, in a namespace (ignored when cluster-scoped), optionally one object. */
export function refOf(t: ResourceType, namespace?: string, name?: string): ResourceRef {
  return {
    ...(t.group ? { group: t.group } : {}),
    version: t.version,
    resource: t.resource,
    ...(t.namespaced && namespace ? { namespace } : {}),
    ...(name ? { name } : {}),
  };
}
