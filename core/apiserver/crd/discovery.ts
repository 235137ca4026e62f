/**
 * Discovery of custom resources, as apiextensions-apiserver and the aggregator publish it: the
 * versions of a CRD group in Kubernetes-aware order (v2 before v1 before v1beta2 before v1beta1
 * before v1alpha1, then any other name alphabetically — the first is the preferred version), the
 * groups served only by CRDs after the built-in groups (their APIServices have the lowest group
 * priority) in name order, and the verbs of a custom resource (fewer while its CRD terminates).
 */
import type { ResourceDef } from '../registry';
import { CUSTOM_RESOURCE_VERBS } from './resource';

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/** Kubernetes-aware version order (version.CompareKubeAwareVersionStrings): negative when `a` comes first. */
export function compareVersions(a: string, b: string): number {
  const ma = a.match(KUBE_VERSION);
  const mb = b.match(KUBE_VERSION);
  if (!ma || !mb) {
    if (ma) return -1;
    if (mb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const rank = (m: RegExpMatchArray) => (m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0);
  if (rank(ma) !== rank(mb)) return rank(mb) - rank(ma);
  const major = Number(mb[1]) - Number(ma[1]);
  if (major !== 0) return major;
  return Number(mb[3] ?? 0) - Number(ma[3] ?? 0);
}

/** The verbs discovery lists for a resource: a custom resource of a terminating CRD cannot be created or changed. */
export function discoveryVerbs(def: ResourceDef): string[] {
  if (def.custom && def.createRefusal) return CUSTOM_RESOURCE_VERBS.filter((v) => v !== 'create' && v !== 'patch' && v !== 'update');
  return def.verbs;
}

/**
 * The served groups and their versions in discovery order: the built-in groups in registry
 * order, then the groups of custom resources only, by name, each with its versions in
 * Kubernetes-aware order.
 */
export function orderedGroups(defs: readonly ResourceDef[]): Map<string, string[]> {
  const builtin = new Map<string, string[]>();
  const custom = new Map<string, string[]>();
  for (const d of defs) {
    if (!d.group) continue;
    const into = d.custom && !builtin.has(d.group) ? custom : builtin;
    const list = into.get(d.group) ?? [];
    if (!list.includes(d.version)) list.push(d.version);
    into.set(d.group, list);
  }
  for (const [group, versions] of custom) {
    const shared = builtin.get(group);
    if (shared) {
      for (const v of versions) if (!shared.includes(v)) shared.push(v);
      custom.delete(group);
    } else versions.sort(compareVersions);
  }
  const out = new Map(builtin);
  for (const group of [...custom.keys()].sort()) out.set(group, custom.get(group) as string[]);
  return out;
}
