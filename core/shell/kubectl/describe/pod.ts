/** kubectl describe's layout of a pod (describePod of kubectl 1.32). */
import type { KubeObject } from '../../../api/types';
import { controllerOf, printAnnotations, printEvents, printLabels, rfc1123z, searchEvents, since, type Describer, nowOf } from './common';
import type { PrefixWriter } from './tabwriter';
import { describeContainers, describeResources, describeTopologySpread, printTolerations, type FieldResolver } from './template';
import { describeVolumes } from './volumes';
import { addQuantities, obj, objs, optObj, quantity, str, type J } from './values';
import { compareQuantities } from '../../../apiserver/resources/quantity';

/** The fieldRef values kubectl resolves itself: only metadata.name and metadata.namespace convert. */
function fieldResolver(o: KubeObject): FieldResolver {
  return (path) => (path === 'metadata.name' ? (o.metadata.name ?? '') : path === 'metadata.namespace' ? (o.metadata.namespace ?? '') : '');
}

/** qos.ComputePodQOS, for a pod whose status has no QoS class. */
function computeQOS(spec: J): string {
  const requests = new Map<string, ReturnType<typeof quantity>>();
  const limits = new Map<string, ReturnType<typeof quantity>>();
  let guaranteed = true;
  const add = (into: typeof requests, list: unknown) => {
    for (const [name, v] of Object.entries(obj(list))) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = quantity(v);
      if (q.mantissa <= 0n) continue;
      const prev = into.get(name);
      into.set(name, prev ? addQuantities(q, prev) : q);
    }
  };
  const covers = (list: unknown) => ['cpu', 'memory'].every((n) => quantity(obj(list)[n]).mantissa > 0n);
  const podRes = optObj(spec['resources']);
  const sources = podRes ? [podRes] : [...objs(spec['containers']), ...objs(spec['initContainers'])].map((c) => obj(c['resources']));
  for (const r of sources) {
    add(requests, r['requests']);
    if (podRes && r['limits'] === undefined) continue;
    add(limits, r['limits']);
    if (!covers(r['limits'])) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantities(lim, req) !== 0) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

function conditionsTable(w: PrefixWriter, title: string, rows: [string, string][]): void {
  w.write(0, `${title}:\n  Type\tStatus\n`);
  for (const [type, status] of rows) w.write(1, `${type} \t${status} \n`);
}

/** `kubectl describe pod`. */
export const describePod: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  let events: KubeObject[] | undefined;
  if (c.showEvents) {
    // The reference has no kind; a mirror pod's events are about the static pod's uid.
    const mirror = o.metadata.annotations?.['kubernetes.io/config.mirror'];
    events = await searchEvents(c.k, { name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? '', uid: mirror ?? o.metadata.uid });
  }
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  if (typeof spec['priority'] === 'number') w.write(0, `Priority:\t${spec['priority']}\n`);
  if (str(spec['priorityClassName'])) w.write(0, `Priority Class Name:\t${str(spec['priorityClassName'])}\n`);
  if (str(spec['runtimeClassName'])) w.write(0, `Runtime Class Name:\t${str(spec['runtimeClassName'])}\n`);
  if (str(spec['serviceAccountName'])) w.write(0, `Service Account:\t${str(spec['serviceAccountName'])}\n`);
  w.write(0, str(spec['nodeName']) ? `Node:\t${str(spec['nodeName'])}/${str(status['hostIP'])}\n` : 'Node:\t<none>\n');
  if (status['startTime']) w.write(0, `Start Time:\t${rfc1123z(status['startTime'])}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  const phase = str(status['phase']);
  if (o.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(o.metadata.deletionTimestamp, nowOf(c, o))})\n`);
    w.write(0, `Termination Grace Period:\t${o.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${phase}\n`);
  if (str(status['reason'])) w.write(0, `Reason:\t${str(status['reason'])}\n`);
  if (str(status['message'])) w.write(0, `Message:\t${str(status['message'])}\n`);
  const seccomp = optObj(obj(spec['securityContext'])['seccompProfile']);
  if (seccomp) {
    w.write(0, `SeccompProfile:\t${str(seccomp['type'])}\n`);
    if (seccomp['type'] === 'Localhost') w.write(0, `LocalhostProfile:\t${str(seccomp['localhostProfile'])}\n`);
  }
  w.write(0, `IP:\t${str(status['podIP'])}\n`);
  const ips = objs(status['podIPs']);
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${str(ip['ip'])}\n`);
  }
  const ctl = controllerOf(o);
  if (ctl) w.write(0, `Controlled By:\t${ctl}\n`);
  if (str(status['nominatedNodeName'])) w.write(0, `NominatedNodeName:\t${str(status['nominatedNodeName'])}\n`);
  if (spec['resources']) {
    w.write(0, 'Resources:\n');
    describeResources(w, spec['resources'], 1);
  }
  const resolve = fieldResolver(o);
  if (objs(spec['initContainers']).length > 0) describeContainers(w, 'Init Containers', spec['initContainers'], status['initContainerStatuses'], '', resolve);
  describeContainers(w, 'Containers', spec['containers'], status['containerStatuses'], '', resolve);
  if (objs(spec['ephemeralContainers']).length > 0) describeContainers(w, 'Ephemeral Containers', spec['ephemeralContainers'], status['ephemeralContainerStatuses'], '', resolve);
  const conditions = objs(status['conditions']);
  const gates = objs(spec['readinessGates']);
  if (gates.length > 0) {
    conditionsTable(
      w,
      'Readiness Gates',
      gates.map((g) => [str(g['conditionType']), str(conditions.find((x) => x['type'] === g['conditionType'])?.['status']) || '<none>']),
    );
  }
  if (conditions.length > 0) conditionsTable(w, 'Conditions', conditions.map((x) => [str(x['type']), str(x['status'])]));
  describeVolumes(w, spec['volumes'], '');
  w.write(0, `QoS Class:\t${str(status['qosClass']) || computeQOS(spec)}\n`);
  printLabels(w, 'Node-Selectors', spec['nodeSelector']);
  printTolerations(w, 'Tolerations', spec['tolerations']);
  describeTopologySpread(w, spec['topologySpreadConstraints'], '');
  printEvents(w, events, nowOf(c, o, events));
};
