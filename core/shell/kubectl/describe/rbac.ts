/**
 * kubectl describe's layouts of RBAC objects: roles and cluster roles (their rules broken down
 * to one verb each, then compacted per resource and sorted as kubectl's rbac util does) and
 * role and cluster role bindings (kubectl 1.32).
 */
import { printAnnotations, printLabels, type Describer } from './common';
import { obj, objs, str, strs, type J } from './values';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** BreakdownRule: one rule per group, resource, verb and resource name; one per URL and verb. */
function breakdown(rule: J): Rule[] {
  const out: Rule[] = [];
  const names = strs(rule['resourceNames']);
  for (const group of strs(rule['apiGroups'])) {
    for (const resource of strs(rule['resources'])) {
      for (const verb of strs(rule['verbs'])) {
        if (names.length > 0) for (const name of names) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name], nonResourceURLs: [] });
        else out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [], nonResourceURLs: [] });
      }
    }
  }
  for (const url of strs(rule['nonResourceURLs'])) for (const verb of strs(rule['verbs'])) out.push({ verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  return out;
}

/** CompactRules: rules of one group, resource and (at most one) name merge their verbs. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? '']);
    const existing = simple.get(key);
    if (existing) {
      for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
    } else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

const slice = (l: string[]) => `[${l.join(' ')}]`;

/** PolicyRule.String() of the generated protobuf code, which kubectl sorts the rules by. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${slice(r.verbs)},APIGroups:${slice(r.apiGroups)},Resources:${slice(r.resources)},ResourceNames:${slice(r.resourceNames)},NonResourceURLs:${slice(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `resource.group/subresource`. */
function combineResourceGroup(resources: string[], groups: string[]): string {
  const first = resources[0];
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  let out = slash < 0 ? first : first.slice(0, slash);
  if (groups[0]) out += `.${groups[0]}`;
  if (slash >= 0) out += `/${first.slice(slash + 1)}`;
  return out;
}

/** `kubectl describe role` and `kubectl describe clusterrole`. */
export const describeRole: Describer = async (_c, w, o) => {
  const rules = compact(objs(o['rules']).flatMap(breakdown))
    .map((r, i) => ({ r, i, s: ruleString(r) }))
    .sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : a.i - b.i))
    .map((x) => x.r);
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  for (const r of rules) w.write(1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${slice(r.nonResourceURLs)}\t${slice(r.resourceNames)}\t${slice(r.verbs)}\n`);
  await Promise.resolve();
};

/** `kubectl describe rolebinding` and `kubectl describe clusterrolebinding`. */
export const describeRoleBinding: Describer = async (_c, w, o) => {
  const ref = obj(o['roleRef']);
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, 'Role:\n');
  w.write(1, `Kind:\t${str(ref['kind'])}\n`);
  w.write(1, `Name:\t${str(ref['name'])}\n`);
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const s of objs(o['subjects'])) w.write(1, `${str(s['kind'])}\t${str(s['name'])}\t${str(s['namespace'])}\n`);
  await Promise.resolve();
};
