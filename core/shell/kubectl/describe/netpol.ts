/** kubectl describe's prose layout of a NetworkPolicy (describeNetworkPolicy of kubectl 1.32). */
import { formatSelector, goTimeString, printAnnotations, printHeader, printLabels, type Describer } from './common';
import type { PrefixWriter } from './tabwriter';
import { obj, objs, optObj, str, strMap, strs, type J } from './values';

function portLines(w: PrefixWriter, ports: J[], indent: string): void {
  if (ports.length === 0) {
    w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const p of ports) {
    const proto = str(p['protocol']) || 'TCP';
    const port = typeof p['port'] === 'number' ? String(p['port']) : typeof p['port'] === 'string' ? p['port'] : '<nil>';
    if (typeof p['endPort'] === 'number') w.write(0, `${indent}To Port Range: ${port}-${p['endPort']}/${proto}\n`);
    else w.write(0, `${indent}To Port: ${port}/${proto}\n`);
  }
}

function peerLines(w: PrefixWriter, title: string, peers: J[], indent: string): void {
  for (const peer of peers) {
    w.write(0, `${indent}${title}:\n`);
    const pods = optObj(peer['podSelector']);
    const namespaces = optObj(peer['namespaceSelector']);
    const block = optObj(peer['ipBlock']);
    if (pods && namespaces) {
      w.write(1, `${indent}NamespaceSelector: ${formatSelector(namespaces)}\n`);
      w.write(1, `${indent}PodSelector: ${formatSelector(pods)}\n`);
    } else if (pods) w.write(1, `${indent}PodSelector: ${formatSelector(pods)}\n`);
    else if (namespaces) w.write(1, `${indent}NamespaceSelector: ${formatSelector(namespaces)}\n`);
    else if (block) {
      w.write(1, `${indent}IPBlock:\n`);
      w.write(2, `${indent}CIDR: ${str(block['cidr'])}\n`);
      w.write(2, `${indent}Except: ${strs(block['except']).join(', ')}\n`);
    }
  }
}

function rules(w: PrefixWriter, list: J[], ingress: boolean, indent: string): void {
  if (list.length === 0) {
    w.write(0, `${indent}<none> (Selected pods are isolated for ${ingress ? 'ingress' : 'egress'} connectivity)\n`);
    return;
  }
  list.forEach((rule, i) => {
    portLines(w, objs(rule['ports']), indent);
    const peers = objs(rule[ingress ? 'from' : 'to']);
    if (peers.length === 0) w.write(0, ingress ? `${indent}From: <any> (traffic not restricted by source)\n` : `${indent}To: <any> (traffic not restricted by destination)\n`);
    else peerLines(w, ingress ? 'From' : 'To', peers, indent);
    if (i !== list.length - 1) w.write(0, `${indent}----------\n`);
  });
}

/** `kubectl describe networkpolicy`. */
export const describeNetworkPolicy: Describer = async (_c, w, o) => {
  const spec = obj(o['spec']);
  printHeader(w, o);
  w.write(0, `Created on:\t${goTimeString(o.metadata.creationTimestamp)}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, 'Spec:\n');
  w.write(1, 'PodSelector: ');
  const selector = obj(spec['podSelector']);
  if (Object.keys(strMap(selector['matchLabels'])).length === 0 && objs(selector['matchExpressions']).length === 0) w.write(2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  else w.write(2, `${formatSelector(selector)}\n`);
  const types = strs(spec['policyTypes']);
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    rules(w, objs(spec['ingress']), true, '    ');
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    rules(w, objs(spec['egress']), false, '    ');
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.join(', ') || '<none>'}\n`);
  await Promise.resolve();
};
