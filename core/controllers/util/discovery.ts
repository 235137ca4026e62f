/**
 * Discovery as controllers use it (client-go discovery.ServerPreferredResources): every served
 * resource of every group, in the group's preferred version when it serves the resource, with
 * its kind, scope and verbs; the groups whose discovery failed are reported, not fatal.
 *
 * The typed client reaches `/api/v1` and `/apis/GROUP/VERSION` but not the `/apis` group list,
 * so the groups asked for are the API groups a 1.32 cluster can serve (in `/apis` order, each
 * with its versions in preference order) plus the groups of the CustomResourceDefinitions; a
 * group the server does not serve answers 404 and is skipped.
 */
import { isStatusError } from '../../api/status';
import type { KubeObject } from '../../api/types';
import type { Client } from '../../client/client';
import { compareVersions } from '../../apiserver/crd/discovery';

/** One discovered resource. */
export interface DiscoveredResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

/** What discovery found, and the group versions it could not read (`group/version` → error). */
export interface DiscoveryResult {
  resources: DiscoveredResource[];
  failed: Map<string, string>;
}

/** The built-in API groups of Kubernetes 1.32 (and metrics.k8s.io), versions preferred first. */
export const BUILTIN_GROUP_VERSIONS: readonly (readonly [string, readonly string[]])[] = [
  ['', ['v1']],
  ['apiregistration.k8s.io', ['v1']],
  ['apps', ['v1']],
  ['events.k8s.io', ['v1']],
  ['authentication.k8s.io', ['v1']],
  ['authorization.k8s.io', ['v1']],
  ['autoscaling', ['v2', 'v1']],
  ['batch', ['v1']],
  ['certificates.k8s.io', ['v1']],
  ['networking.k8s.io', ['v1']],
  ['policy', ['v1']],
  ['rbac.authorization.k8s.io', ['v1']],
  ['storage.k8s.io', ['v1']],
  ['admissionregistration.k8s.io', ['v1']],
  ['apiextensions.k8s.io', ['v1']],
  ['scheduling.k8s.io', ['v1']],
  ['coordination.k8s.io', ['v1']],
  ['node.k8s.io', ['v1']],
  ['discovery.k8s.io', ['v1']],
  ['flowcontrol.apiserver.k8s.io', ['v1', 'v1beta3']],
  ['metrics.k8s.io', ['v1beta1']],
];

interface APIResourceList {
  resources?: { name: string; kind: string; namespaced: boolean; verbs?: string[] }[];
}

interface CRD extends KubeObject {
  spec?: { group?: string; versions?: { name: string; served?: boolean }[] };
}

/** The group versions to ask for: the built-in ones, then those of the custom resources. */
async function groupVersions(client: Client, failed: Map<string, string>): Promise<[string, string[]][]> {
  const out = new Map<string, string[]>(BUILTIN_GROUP_VERSIONS.map(([g, vs]) => [g, [...vs]]));
  try {
    const crds = await client.list<CRD>({ group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' });
    const custom = new Map<string, string[]>();
    for (const crd of crds.items) {
      const group = crd.spec?.group;
      if (!group || out.has(group)) continue;
      const versions = custom.get(group) ?? [];
      for (const v of crd.spec?.versions ?? []) if (v.served !== false && !versions.includes(v.name)) versions.push(v.name);
      custom.set(group, versions);
    }
    for (const group of [...custom.keys()].sort()) out.set(group, (custom.get(group) as string[]).sort(compareVersions));
  } catch (e) {
    failed.set('apiextensions.k8s.io/v1', e instanceof Error ? e.message : String(e));
  }
  return [...out];
}

/** ServerPreferredResources: every resource (no subresources), in its group's preferred version when served there. */
export async function discoverPreferredResources(client: Client): Promise<DiscoveryResult> {
  const failed = new Map<string, string>();
  const resources: DiscoveredResource[] = [];
  for (const [group, versions] of await groupVersions(client, failed)) {
    const seen = new Map<string, DiscoveredResource>();
    let preferred: string | undefined;
    for (const version of versions) {
      let list: APIResourceList;
      try {
        list = await client.get<KubeObject & APIResourceList>({ group: group || undefined, version, resource: '' });
      } catch (e) {
        if (isStatusError(e, 'NotFound')) continue;
        failed.set(group ? `${group}/${version}` : version, e instanceof Error ? e.message : String(e));
        continue;
      }
      preferred ??= version;
      for (const r of list.resources ?? []) {
        if (r.name.includes('/')) continue;
        const prev = seen.get(r.name);
        if (prev && version !== preferred) continue;
        seen.set(r.name, { group, version, resource: r.name, kind: r.kind, namespaced: r.namespaced, verbs: [...(r.verbs ?? [])] });
      }
    }
    resources.push(...seen.values());
  }
  return { resources, failed };
}

/** The message of a discovery failure (discovery.ErrGroupDiscoveryFailed). */
export function discoveryFailureMessage(failed: Map<string, string>): string {
  const groups = [...failed].map(([gv, err]) => `${gv}: ${err}`).sort();
  return `unable to retrieve the complete list of server APIs: ${groups.join(', ')}`;
}

/** Whether a resource supports every verb in `verbs` (discovery.SupportsAllVerbs). */
export function supportsAll(r: DiscoveredResource, verbs: string[]): boolean {
  return verbs.every((v) => r.verbs.includes(v));
}
