/**
 * kubectl describe's layouts of services and what routes to them: services, endpoints,
 * endpoint slices, ingresses and ingress classes (kubectl 1.32).
 */
import type { KubeObject } from '../../../api/types';
import type { Kubectl } from '../context';
import { eventsOf, formatLabels, printAnnotations, printEvents, printHeader, printLabels, type Describer, nowOf } from './common';
import { listAll } from './fetch';
import { num, obj, objs, str, strs, type J } from './values';

/** formatEndpointSlices: up to three ready `ip:port` of the named port, then `+ N more...`. */
export function formatEndpointSlices(slices: KubeObject[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices) {
    const eps = objs(s['endpoints']);
    const ready = (e: J) => obj(e['conditions'])['ready'] !== false;
    const ports = objs(s['ports']);
    if (ports.length === 0) {
      for (const e of eps) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(strs(e['addresses'])[0] ?? '');
        count++;
      }
      continue;
    }
    for (const p of ports) {
      if (portName !== undefined && str(p['name']) !== portName) continue;
      for (const e of eps) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        const ip = strs(e['addresses'])[0] ?? '';
        if (!more) list.push(`${ip.includes(':') ? `[${ip}]` : ip}:${num(p['port'])}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

async function slicesOf(k: Kubectl, namespace: string, service: string): Promise<KubeObject[] | string> {
  const r = await listAll(k, `/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices`, { labelSelector: `kubernetes.io/service-name=${service}` });
  return r.items ?? str(obj(r.error.body)['message']);
}

/** `kubectl describe service`. */
export const describeService: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const found = await slicesOf(c.k, o.metadata.namespace ?? '', o.metadata.name ?? '');
  const slices = typeof found === 'string' ? [] : found;
  const events = await eventsOf(c, o, 'Service');
  printHeader(w, o);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec['selector'])}\n`);
  w.write(0, `Type:\t${str(spec['type'])}\n`);
  if (spec['ipFamilyPolicy'] !== undefined) w.write(0, `IP Family Policy:\t${str(spec['ipFamilyPolicy'])}\n`);
  const families = strs(spec['ipFamilies']);
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${str(spec['clusterIP'])}\n`);
  const ips = strs(spec['clusterIPs']);
  w.write(0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  const external = strs(spec['externalIPs']);
  if (external.length > 0) w.write(0, `External IPs:\t${external.join(',')}\n`);
  if (str(spec['loadBalancerIP'])) w.write(0, `Desired LoadBalancer IP:\t${str(spec['loadBalancerIP'])}\n`);
  if (str(spec['externalName'])) w.write(0, `External Name:\t${str(spec['externalName'])}\n`);
  const ingress = objs(obj(obj(o['status'])['loadBalancer'])['ingress']);
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (str(i['ip']) ? `${str(i['ip'])}${i['ipMode'] !== undefined ? ` (${str(i['ipMode'])})` : ''}` : str(i['hostname']))).join(', ')}\n`);
  for (const p of objs(spec['ports'])) {
    const name = str(p['name']) || '<unset>';
    const proto = str(p['protocol']);
    w.write(0, `Port:\t${name}\t${num(p['port'])}/${proto}\n`);
    const target = p['targetPort'];
    w.write(0, `TargetPort:\t${typeof target === 'number' ? target : typeof target === 'string' ? target : 0}/${proto}\n`);
    if (num(p['nodePort']) !== 0) w.write(0, `NodePort:\t${name}\t${num(p['nodePort'])}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, str(p['name']))}\n`);
  }
  w.write(0, `Session Affinity:\t${str(spec['sessionAffinity'])}\n`);
  if (str(spec['externalTrafficPolicy'])) w.write(0, `External Traffic Policy:\t${str(spec['externalTrafficPolicy'])}\n`);
  if (spec['internalTrafficPolicy'] !== undefined) w.write(0, `Internal Traffic Policy:\t${str(spec['internalTrafficPolicy'])}\n`);
  if (num(spec['healthCheckNodePort']) !== 0) w.write(0, `HealthCheck NodePort:\t${num(spec['healthCheckNodePort'])}\n`);
  const ranges = strs(spec['loadBalancerSourceRanges']);
  if (ranges.length > 0) w.write(0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
  printEvents(w, events, nowOf(c, o, events));
};

/** `kubectl describe endpoints`. */
export const describeEndpoints: Describer = async (c, w, o) => {
  const events = await eventsOf(c, o, 'Endpoints');
  printHeader(w, o);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const s of objs(o['subsets'])) {
    const addresses = objs(s['addresses'])
      .map((a) => str(a['ip']))
      .join(',');
    w.write(1, `Addresses:\t${addresses || '<none>'}\n`);
    const notReady = objs(s['notReadyAddresses'])
      .map((a) => str(a['ip']))
      .join(',');
    w.write(1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
    const ports = objs(s['ports']);
    if (ports.length > 0) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ports) w.write(2, `${str(p['name']) || '<unset>'}\t${num(p['port'])}\t${str(p['protocol'])}\n`);
    }
    w.write(0, '\n');
  }
  printEvents(w, events, nowOf(c, o, events));
};

/** `kubectl describe endpointslice`. */
export const describeEndpointSlice: Describer = async (c, w, o) => {
  const events = await eventsOf(c, o, 'EndpointSlice');
  printHeader(w, o);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `AddressType:\t${str(o['addressType'])}\n`);
  const ports = objs(o['ports']);
  if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of ports) w.write(1, `${str(p['name']) || '<unset>'}\t${typeof p['port'] === 'number' ? p['port'] : '<unset>'}\t${str(p['protocol'])}\n`);
  }
  const endpoints = objs(o['endpoints']);
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${strs(e['addresses']).join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      const ready = obj(e['conditions'])['ready'];
      w.write(3, `Ready:\t${typeof ready === 'boolean' ? String(ready) : '<unset>'}\n`);
      w.write(2, `Hostname:\t${e['hostname'] === undefined ? '<unset>' : str(e['hostname'])}\n`);
      if (e['targetRef']) w.write(2, `TargetRef:\t${str(obj(e['targetRef'])['kind'])}/${str(obj(e['targetRef'])['name'])}\n`);
      w.write(2, `NodeName:\t${e['nodeName'] === undefined ? '<unset>' : str(e['nodeName'])}\n`);
      w.write(2, `Zone:\t${e['zone'] === undefined ? '<unset>' : str(e['zone'])}\n`);
    }
  }
  printEvents(w, events, nowOf(c, o, events));
};

/** An ingress backend: `svc:port (endpoints)`, a resource, or ''. */
async function describeBackend(k: Kubectl, namespace: string, backend: J): Promise<string> {
  const svc = obj(backend['service']);
  if (backend['service']) {
    const port = obj(svc['port']);
    const sb = `${str(svc['name'])}:${num(port['number']) !== 0 ? num(port['number']) : str(port['name'])}`;
    const found = await slicesOf(k, namespace, str(svc['name']));
    if (typeof found === 'string') return `${sb} (<error: ${found}>)`;
    const r = await k.send('GET', `/api/v1/namespaces/${namespace}/services/${str(svc['name'])}`);
    if (r.status >= 400) return `${sb} (<error: ${str(obj(r.body)['message'])}>)`;
    let spName = '';
    for (const sp of objs(obj(obj(r.body)['spec'])['ports'])) {
      if (num(port['number']) !== 0 && num(port['number']) === num(sp['port'])) spName = str(sp['name']);
      else if (str(port['name']) && str(port['name']) === str(sp['name'])) spName = str(sp['name']);
    }
    return `${sb} (${formatEndpointSlices(found, spName)})`;
  }
  if (backend['resource']) {
    const res = obj(backend['resource']);
    return `APIGroup: ${res['apiGroup'] === undefined ? '<none>' : str(res['apiGroup'])}, Kind: ${str(res['kind'])}, Name: ${str(res['name'])}`;
  }
  return '';
}

/** `kubectl describe ingress`. */
export const describeIngress: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const ns = o.metadata.namespace ?? '';
  const events = await eventsOf(c, o, 'Ingress');
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  w.write(0, `Namespace:\t${ns}\n`);
  const addresses = new Set<string>();
  for (const i of objs(obj(obj(o['status'])['loadBalancer'])['ingress'])) {
    if (str(i['ip'])) addresses.add(str(i['ip']));
    else if (str(i['hostname'])) addresses.add(str(i['hostname']));
  }
  w.write(0, `Address:\t${[...addresses].sort().join(',')}\n`);
  w.write(0, `Ingress Class:\t${spec['ingressClassName'] === undefined ? '<none>' : str(spec['ingressClassName'])}\n`);
  const def = spec['defaultBackend'] ? await describeBackend(c.k, ns, obj(spec['defaultBackend'])) : '<default>';
  w.write(0, `Default backend:\t${def}\n`);
  const tls = objs(spec['tls']);
  if (tls.length > 0) {
    w.write(0, 'TLS:\n');
    for (const t of tls) w.write(1, str(t['secretName']) ? `${str(t['secretName'])} terminates ${strs(t['hosts']).join(',')}\n` : `SNI routes ${strs(t['hosts']).join(',')}\n`);
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of objs(spec['rules'])) {
    if (!rule['http']) continue;
    count++;
    w.write(1, `${str(rule['host']) || '*'}\t\n`);
    for (const path of objs(obj(rule['http'])['paths'])) w.write(2, `\t${str(path['path'])} \t${await describeBackend(c.k, ns, obj(path['backend']))}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${def}\n`);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  printEvents(w, events, nowOf(c, o, events));
};

/** `kubectl describe ingressclass`. */
export const describeIngressClass: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const events = await eventsOf(c, o, 'IngressClass');
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Controller:\t${str(spec['controller'])}\n`);
  if (spec['parameters']) {
    const p = obj(spec['parameters']);
    w.write(0, 'Parameters:\n');
    if (p['apiGroup'] !== undefined) w.write(1, `APIGroup:\t${str(p['apiGroup'])}\n`);
    w.write(1, `Kind:\t${str(p['kind'])}\n`);
    w.write(1, `Name:\t${str(p['name'])}\n`);
  }
  printEvents(w, events, nowOf(c, o, events));
};
