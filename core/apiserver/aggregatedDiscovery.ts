/**
 * Aggregated discovery (`apidiscovery.k8s.io/v2`, and `v2beta1` which a 1.32 server still
 * serves): `/api` and `/apis` answer one APIGroupDiscoveryList — every group, version and
 * resource with its subresources — to a client whose `Accept` asks for it first, as
 * kube-apiserver's WrappedHandler does (kubectl 1.32 sends
 * `application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`, then v2beta1, then
 * plain JSON), so that it makes one request instead of one per group/version. Plain JSON still
 * gets the legacy documents.
 *
 * The lists are the legacy ones (discovery.ts `apiResources`, the groups in crd/discovery.ts
 * order), converted as ConvertGroupVersionIntoToDiscovery converts them: a main resource answers
 * its own kind (`responseKind` without group and version), a subresource names its kind in full
 * when it is another group's; custom resources carry their group and version in every
 * `responseKind`, as the apiextensions discovery controller publishes them.
 */
import { orderedGroups } from './crd/discovery';
import { apiResources, type APIResource } from './discovery';
import type { Registry } from './registry';
import type { ApiResponse } from './request';

/** The group of the aggregated discovery types. */
export const AGGREGATED_DISCOVERY_GROUP = 'apidiscovery.k8s.io';

/** The aggregated discovery versions served, preferred first. */
export const AGGREGATED_DISCOVERY_VERSIONS = ['v2', 'v2beta1'] as const;

/** A version of the aggregated discovery types. */
export type AggregatedVersion = (typeof AGGREGATED_DISCOVERY_VERSIONS)[number];

/** metav1.GroupVersionKind as a `responseKind`. */
interface ResponseKind {
  group: string;
  version: string;
  kind: string;
}

/** apidiscovery APISubresourceDiscovery. */
interface SubresourceDiscovery {
  subresource: string;
  responseKind: ResponseKind | Record<string, never>;
  verbs: string[];
}

/** apidiscovery APIResourceDiscovery. */
export interface ResourceDiscovery {
  resource: string;
  responseKind: ResponseKind | Record<string, never>;
  scope: 'Cluster' | 'Namespaced';
  singularResource?: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: SubresourceDiscovery[];
}

/** apidiscovery APIVersionDiscovery. */
export interface VersionDiscovery {
  version: string;
  resources: ResourceDiscovery[];
  freshness: 'Current' | 'Stale';
}

/** apidiscovery APIGroupDiscovery. */
export interface GroupDiscovery {
  metadata: { name?: string; creationTimestamp: null };
  versions: VersionDiscovery[];
}

/** apidiscovery APIGroupDiscoveryList. */
export interface GroupDiscoveryList {
  kind: 'APIGroupDiscoveryList';
  apiVersion: string;
  metadata: Record<string, never>;
  items: GroupDiscovery[];
}

/** The media type of the aggregated document of a version, as sent in `Content-Type`. */
export function aggregatedMediaType(version: AggregatedVersion): string {
  return `application/json;g=${AGGREGATED_DISCOVERY_GROUP};v=${version};as=APIGroupDiscoveryList`;
}

interface AcceptClause {
  type: string;
  params: Record<string, string>;
  q: number;
}

function parseAccept(accept: string): AcceptClause[] {
  const clauses: AcceptClause[] = [];
  for (const raw of accept.split(',')) {
    const [type, ...rest] = raw.split(';').map((s) => s.trim());
    if (!type) continue;
    const params: Record<string, string> = {};
    for (const kv of rest) {
      const i = kv.indexOf('=');
      if (i > 0) params[kv.slice(0, i).trim().toLowerCase()] = kv.slice(i + 1).trim();
    }
    const q = params['q'] === undefined ? 1 : Number(params['q']);
    delete params['q'];
    if (Number.isFinite(q) && q > 0) clauses.push({ type: type.toLowerCase(), params, q });
  }
  // Highest quality first; equal ones keep the client's order (goautoneg's sort).
  return clauses.map((c, i) => ({ c, i })).sort((a, b) => b.c.q - a.c.q || a.i - b.i).map(({ c }) => c);
}

/**
 * The aggregated discovery version an `Accept` header asks for before anything else the
 * discovery endpoints serve, or undefined for the legacy documents.
 */
export function negotiateAggregated(accept: string | undefined): AggregatedVersion | undefined {
  if (!accept) return undefined;
  for (const { type, params } of parseAccept(accept)) {
    const json = type === 'application/json' || type === 'application/*' || type === '*/*';
    if (params['as'] === undefined && params['g'] === undefined && params['v'] === undefined) {
      // Plain JSON (or YAML, or protobuf, or anything) gets the legacy document.
      if (json || type === 'application/yaml' || type === 'application/vnd.kubernetes.protobuf') return undefined;
      continue;
    }
    if (!json || params['g'] !== AGGREGATED_DISCOVERY_GROUP || params['as'] !== 'APIGroupDiscoveryList') continue;
    const version = AGGREGATED_DISCOVERY_VERSIONS.find((v) => v === params['v']);
    if (version) return version;
  }
  return undefined;
}

/** One group/version's resources, converted from its APIResourceList (ConvertGroupVersionIntoToDiscovery). */
function versionDiscovery(registry: Registry, group: string, version: string): VersionDiscovery | undefined {
  const list = apiResources(registry, group, version);
  if (!list) return undefined;
  const resources: ResourceDiscovery[] = [];
  const byName = new Map<string, ResourceDiscovery>();
  const scopeOf = (r: APIResource) => (r.namespaced ? 'Namespaced' : 'Cluster');
  for (const r of list) {
    if (r.name.includes('/')) continue;
    const custom = registry.get(group, version, r.name)?.custom === true;
    const entry: ResourceDiscovery = {
      resource: r.name,
      responseKind: { group: custom ? group : (r.group ?? ''), version: custom ? version : (r.version ?? ''), kind: r.kind },
      scope: scopeOf(r),
      singularResource: r.singularName,
      verbs: r.verbs,
    };
    if (r.shortNames?.length) entry.shortNames = r.shortNames;
    if (r.categories?.length) entry.categories = r.categories;
    resources.push(entry);
    byName.set(r.name, entry);
  }
  for (const r of list) {
    const slash = r.name.indexOf('/');
    if (slash < 0) continue;
    const parentName = r.name.slice(0, slash);
    let parent = byName.get(parentName);
    if (!parent) {
      parent = { resource: parentName, responseKind: {}, scope: scopeOf(r) };
      resources.push(parent);
      byName.set(parentName, parent);
    }
    const custom = registry.get(group, version, parentName)?.custom === true;
    const own = r.group === undefined;
    const responseKind: ResponseKind | Record<string, never> = r.kind ? { group: own && custom ? group : (r.group ?? ''), version: own && custom ? version : (r.version ?? ''), kind: r.kind } : {};
    (parent.subresources ??= []).push({ subresource: r.name.slice(slash + 1), responseKind, verbs: r.verbs });
  }
  return { version, resources, freshness: 'Current' };
}

function groupDiscovery(registry: Registry, group: string, versions: readonly string[]): GroupDiscovery | undefined {
  const vs = versions.map((v) => versionDiscovery(registry, group, v)).filter((v): v is VersionDiscovery => v !== undefined);
  if (vs.length === 0) return undefined;
  return { metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null }, versions: vs };
}

/** The APIGroupDiscoveryList of `/api` (the core group) or `/apis` (every other group, in discovery order). */
export function aggregatedDiscoveryList(registry: Registry, root: '/api' | '/apis', version: AggregatedVersion = 'v2'): GroupDiscoveryList {
  const groups = root === '/api' ? new Map([['', ['v1']]]) : orderedGroups(registry.all());
  const items = [...groups].map(([group, versions]) => groupDiscovery(registry, group, versions)).filter((g): g is GroupDiscovery => g !== undefined);
  return { kind: 'APIGroupDiscoveryList', apiVersion: `${AGGREGATED_DISCOVERY_GROUP}/${version}`, metadata: {}, items };
}

/** An ETag of a document (FNV-1a, 64 bits as two 32-bit halves: a change detector, not a digest). */
function etagOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
  return `"${hex(a)}${hex(b)}"`;
}

/**
 * The aggregated answer to a GET of `/api` or `/apis` whose `Accept` asks for it, with the
 * headers kube sends (the media type with its group, version and kind; `ETag`, `Vary: Accept`,
 * `Cache-Control: public`); undefined for any other request (the legacy document then answers).
 */
export function aggregatedDiscovery(path: string, accept: string | undefined, registry: Registry): ApiResponse | undefined {
  if (path !== '/api' && path !== '/apis') return undefined;
  const version = negotiateAggregated(accept);
  if (!version) return undefined;
  const body = aggregatedDiscoveryList(registry, path, version);
  return { status: 200, headers: { 'content-type': aggregatedMediaType(version), etag: etagOf(JSON.stringify(body)), vary: 'Accept', 'cache-control': 'public' }, body };
}
