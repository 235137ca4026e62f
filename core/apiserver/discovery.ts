/**
 * Discovery documents: `/version`, `/api`, `/apis`, `/api/v1`, `/apis/GROUP[/VERSION]` — the
 * built-in groups and the groups of the custom resources served for CRDs (crd/discovery.ts).
 * The resource lists here are also the source of the aggregated documents
 * (aggregatedDiscovery.ts).
 */
import { KUBERNETES_VERSION } from '../api/types';
import { discoveryVerbs, orderedGroups } from './crd/discovery';
import { apiVersionOf, type Registry, type ResourceDef } from './registry';

/** The `/api` document. */
export function apiVersions(): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] };
}

/** The `/version` document. */
export function versionInfo(): unknown {
  return { ...KUBERNETES_VERSION };
}

function groupDoc(name: string, versions: string[]): unknown {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

/** The `/apis` document (legacy APIGroupList: the core group is served under `/api`). */
export function apiGroupList(registry: Registry): unknown {
  const groups = orderedGroups(registry.all());
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: [...groups].map(([name, versions]) => groupDoc(name, versions)) };
}

/** The `/apis/GROUP` document, or undefined when the group is not served. */
export function apiGroup(registry: Registry, group: string): unknown {
  const versions = orderedGroups(registry.all()).get(group) ?? [];
  if (versions.length === 0) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...(groupDoc(group, versions) as object) };
}

/** metav1.APIResource: one resource or subresource of a group/version's APIResourceList. */
export interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  /** Set when the kind is of another group/version than the list's (`pods/eviction`, `deployments/scale`). */
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

/** What each subresource answers (kind, when not the resource's own, with its group/version) and its verbs. */
const SUBRESOURCES: Record<string, { group?: string; version?: string; kind?: string; verbs: string[] }> = {
  status: { verbs: ['get', 'patch', 'update'] },
  binding: { kind: 'Binding', verbs: ['create'] },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
  finalize: { verbs: ['update'] },
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
};

function resourceEntries(def: ResourceDef): APIResource[] {
  const main: APIResource = { name: def.resource, singularName: def.singular, namespaced: def.namespaced, kind: def.kind, verbs: discoveryVerbs(def) };
  if (def.shortNames.length) main.shortNames = def.shortNames;
  if (def.categories.length) main.categories = def.categories;
  // Built-in subresources by name, as kube-apiserver's installer sorts its paths; those of a
  // custom resource in the apiextensions order (status, then scale).
  const subs = (def.custom ? def.subresources : [...def.subresources].sort()).map((s) => {
    const info = SUBRESOURCES[s] ?? { verbs: ['get'] };
    const entry: APIResource = { name: `${def.resource}/${s}`, singularName: '', namespaced: def.namespaced, kind: info.kind ?? def.kind, verbs: info.verbs };
    if (info.group !== undefined && info.version !== undefined) {
      entry.group = info.group;
      entry.version = info.version;
    }
    return entry;
  });
  return [main, ...subs];
}

/** The resources of a group/version, by name (undefined when it is not served). */
export function apiResources(registry: Registry, group: string, version: string): APIResource[] | undefined {
  const defs = registry.all().filter((d) => d.group === group && d.version === version);
  if (defs.length === 0) return undefined;
  defs.sort((a, b) => a.resource.localeCompare(b.resource));
  return defs.flatMap(resourceEntries);
}

/** The APIResourceList of a group/version, or undefined when it is not served. */
export function apiResourceList(registry: Registry, group: string, version: string): unknown {
  const resources = apiResources(registry, group, version);
  if (!resources) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}
