/**
 * kubectl describe's layout of a node (describeNode of kubectl 1.32): roles, taints, lease,
 * conditions, addresses, capacity, system info, and the non-terminated pods with their requests
 * and limits as a share of what the node can allocate.
 */
import type { Quantity } from '../../../apiserver/resources/quantity';
import type { KubeObject } from '../../../api/types';
import { DescribeError, printAnnotations, printEvents, printLabels, rfc1123z, searchEvents, since, type Describer, nowOf } from './common';
import { goSorted } from './gosort';
import type { PrefixWriter } from './tabwriter';
import { listAll } from './fetch';
import { addQuantities, maxQuantity, obj, objs, quantity, quantityInt, quantityMilli, showQuantity, str, zeroQuantity, type J } from './values';

type ResourceList = Map<string, Quantity>;

function addList(into: ResourceList, list: unknown): void {
  for (const [name, v] of Object.entries(obj(list))) {
    const q = quantity(v);
    const prev = into.get(name);
    into.set(name, prev ? addQuantities(prev, q) : q);
  }
}

function maxList(into: ResourceList, list: ResourceList): void {
  for (const [name, q] of list) {
    const prev = into.get(name);
    into.set(name, prev ? maxQuantity(prev, q) : q);
  }
}

/** The sum of a pod's container values of `key`, with init containers and overhead (PodRequestsAndLimits). */
function podResources(pod: KubeObject, key: 'requests' | 'limits'): ResourceList {
  const spec = obj(pod['spec']);
  const out: ResourceList = new Map();
  const statuses = new Map(objs(obj(pod['status'])['containerStatuses']).map((s) => [str(s['name']), s]));
  for (const c of objs(spec['containers'])) {
    const own = obj(obj(c['resources'])[key]);
    const st = statuses.get(str(c['name']));
    const allocated = key === 'requests' && st && st['resources'] ? obj(obj(st['resources'])['requests']) : undefined;
    if (allocated) {
      const merged: ResourceList = new Map();
      addList(merged, own);
      maxList(merged, new Map(Object.entries(allocated).map(([n, v]) => [n, quantity(v)])));
      for (const [n, q] of merged) out.set(n, out.has(n) ? addQuantities(out.get(n) as Quantity, q) : q);
    } else addList(out, own);
  }
  const restartable: ResourceList = new Map();
  const init: ResourceList = new Map();
  for (const c of objs(spec['initContainers'])) {
    const own = obj(obj(c['resources'])[key]);
    let values: ResourceList;
    if (c['restartPolicy'] === 'Always') {
      addList(out, own);
      addList(restartable, own);
      values = restartable;
    } else {
      values = new Map();
      addList(values, own);
      for (const [n, q] of restartable) values.set(n, values.has(n) ? addQuantities(values.get(n) as Quantity, q) : q);
    }
    maxList(init, values);
  }
  maxList(out, init);
  const overhead = obj(spec['overhead']);
  for (const [name, v] of Object.entries(overhead)) {
    const prev = out.get(name);
    if (key === 'requests') out.set(name, prev ? addQuantities(prev, quantity(v)) : quantity(v));
    else if (prev && prev.mantissa !== 0n) out.set(name, addQuantities(prev, quantity(v)));
  }
  return out;
}

function percent(part: Quantity | undefined, whole: Quantity | undefined, milli: boolean): number {
  const p = part ?? zeroQuantity();
  const w = whole ?? zeroQuantity();
  const a = milli ? quantityMilli(p) : quantityInt(p);
  const b = milli ? quantityMilli(w) : quantityInt(w);
  // Go divides floats: x/0 is +Inf or NaN, and int64() of those is the minimum int64.
  if (b === 0) return a === 0 ? -9223372036854775808 : -9223372036854775808;
  return Math.trunc((a / b) * 100);
}

function show(q: Quantity | undefined): string {
  return showQuantity(q ?? zeroQuantity());
}

function describeNodeResource(w: PrefixWriter, pods: KubeObject[], node: KubeObject, now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const status = obj(node['status']);
  const allocList = Object.keys(obj(status['allocatable'])).length > 0 ? obj(status['allocatable']) : obj(status['capacity']);
  const alloc = new Map(Object.entries(allocList).map(([n, v]) => [n, quantity(v)]));
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const req = podResources(pod, 'requests');
    const lim = podResources(pod, 'limits');
    const cell = (list: ResourceList, name: string, milli: boolean) => `${show(list.get(name))} (${percent(list.get(name), alloc.get(name), milli)}%)`;
    w.write(1, `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t${cell(req, 'cpu', true)}\t${cell(lim, 'cpu', true)}\t${cell(req, 'memory', false)}\t${cell(lim, 'memory', false)}\t${since(pod.metadata.creationTimestamp, now)}\n`);
    for (const [n, q] of req) reqs.set(n, reqs.has(n) ? addQuantities(reqs.get(n) as Quantity, q) : q);
    for (const [n, q] of lim) limits.set(n, limits.has(n) ? addQuantities(limits.get(n) as Quantity, q) : q);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const total = (name: string, milli: boolean) => {
    const whole = alloc.get(name);
    const zero = !whole || (milli ? quantityMilli(whole) : quantityInt(whole)) === 0;
    const pct = (list: ResourceList) => (zero ? 0 : percent(list.get(name), whole, milli));
    w.write(1, `${name}\t${show(reqs.get(name))} (${pct(reqs)}%)\t${show(limits.get(name))} (${pct(limits)}%)\n`);
  };
  total('cpu', true);
  total('memory', false);
  total('ephemeral-storage', false);
  const names = [...alloc.keys()];
  for (const name of names.filter((n) => n.startsWith('hugepages-')).sort()) total(name, false);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n)).sort()) w.write(1, `${name}\t${show(reqs.get(name))}\t${show(limits.get(name))}\n`);
}

/** The roles of a node from its `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels. */
function nodeRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

function taintString(t: J): string {
  const key = str(t['key']);
  const value = str(t['value']);
  const effect = str(t['effect']);
  if (!effect) return value ? `${key}=${value}:` : key;
  return value ? `${key}=${value}:${effect}` : `${key}:${effect}`;
}

function printTaints(w: PrefixWriter, taints: unknown): void {
  w.write(0, 'Taints:\t');
  const list = goSorted(objs(taints), (a, b) => `${str(a['effect'])},${str(a['key'])}` < `${str(b['effect'])},${str(b['key'])}`);
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${taintString(t)}\n`);
  });
}

/** `kubectl describe node`. */
export const describeNode: Describer = async (c, w, o) => {
  const name = o.metadata.name ?? '';
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const listed = await listAll(c.k, '/api/v1/pods', { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  if (listed.error && listed.error.status !== 403) throw new DescribeError(listed.error.body);
  const pods = listed.items;
  let events: KubeObject[] | undefined;
  if (c.showEvents) {
    // Controllers name a node by its uid, kubelets by its name: both are searched.
    events = [...(await searchEvents(c.k, { name, namespace: '', kind: 'Node', uid: o.metadata.uid })), ...(await searchEvents(c.k, { name, namespace: '', kind: 'Node', uid: name }))];
  }
  w.write(0, `Name:\t${name}\n`);
  const roles = nodeRoles(o.metadata.labels ?? {});
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  printTaints(w, spec['taints']);
  w.write(0, `Unschedulable:\t${spec['unschedulable'] === true}\n`);
  const lease = await c.k.send('GET', `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${name}`);
  if (lease.status < 400) {
    const ls = obj(obj(lease.body)['spec']);
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${ls['holderIdentity'] === undefined ? '<unset>' : str(ls['holderIdentity'])}\n`);
    w.write(1, `AcquireTime:\t${ls['acquireTime'] ? rfc1123z(ls['acquireTime']) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${ls['renewTime'] ? rfc1123z(ls['renewTime']) : '<unset>'}\n`);
  } else w.write(0, `Lease:\tFailed to get lease: ${str(obj(lease.body)['message'])}\n`);
  const conditions = objs(status['conditions']);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const x of conditions) w.write(1, `${str(x['type'])} \t${str(x['status'])} \t${rfc1123z(x['lastHeartbeatTime'])} \t${rfc1123z(x['lastTransitionTime'])} \t${str(x['reason'])} \t${str(x['message'])}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of objs(status['addresses'])) w.write(1, `${str(a['type'])}:\t${str(a['address'])}\n`);
  const resourceList = (title: string, list: unknown) => {
    const m = obj(list);
    const keys = Object.keys(m).sort();
    if (keys.length === 0) return;
    w.write(0, `${title}:\n`);
    for (const k of keys) w.write(0, `  ${k}:\t${show(quantity(m[k]))}\n`);
  };
  resourceList('Capacity', status['capacity']);
  resourceList('Allocatable', status['allocatable']);
  const info = obj(status['nodeInfo']);
  w.write(0, 'System Info:\n');
  for (const [title, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ] as const)
    w.write(0, `  ${title}:\t${str(info[key])}\n`);
  if (str(spec['podCIDR'])) w.write(0, `PodCIDR:\t${str(spec['podCIDR'])}\n`);
  const cidrs = Array.isArray(spec['podCIDRs']) ? (spec['podCIDRs'] as unknown[]).map(str) : [];
  if (cidrs.length > 0) w.write(0, `PodCIDRs:\t${cidrs.join(',')}\n`);
  if (str(spec['providerID'])) w.write(0, `ProviderID:\t${str(spec['providerID'])}\n`);
  if (pods) describeNodeResource(w, pods, o, nowOf(c, o, events));
  else w.write(0, 'Pods:\tnot authorized\n');
  printEvents(w, events, nowOf(c, o, events));
};
