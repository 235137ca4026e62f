/**
 * The pod-spec parts of describe: containers (ports, command, state, resources, probes,
 * environment, mounts), tolerations, topology spread constraints, and `Pod Template:` as the
 * workload describers print it (describeContainers, DescribePodTemplate of kubectl 1.32).
 */
import { formatSelector, printAnnotations, printLabels, rfc1123z } from './common';
import { goSorted } from './gosort';
import type { PrefixWriter } from './tabwriter';
import { describeVolumes } from './volumes';
import { num, obj, objs, optObj, quantity, quantityInt, quantityMilli, quantityString, str, strMap, strs, type J } from './values';

/** A pod spec as JSON (the fields are read as kubectl's typed structs read them). */
export interface PodSpec {
  containers: unknown[];
  [field: string]: unknown;
}

/** Resolves a fieldRef environment variable of a pod (EnvValueRetriever); undefined in templates. */
export type FieldResolver = (fieldPath: string) => string;

function ports(list: unknown, host: boolean): string {
  return objs(list)
    .map((p) => `${num(host ? p['hostPort'] : p['containerPort'])}/${str(p['protocol'])}`)
    .join(', ');
}

function intOrString(v: unknown): string {
  return typeof v === 'number' ? String(v) : str(v);
}

/** A probe as `http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3` (DescribeProbe). */
export function describeProbe(p: J): string {
  const attrs = `delay=${num(p['initialDelaySeconds'])}s timeout=${num(p['timeoutSeconds'])}s period=${num(p['periodSeconds'])}s #success=${num(p['successThreshold'])} #failure=${num(p['failureThreshold'])}`;
  let x: J | undefined;
  if ((x = optObj(p['exec']))) return `exec [${strs(x['command']).join(' ')}] ${attrs}`;
  if ((x = optObj(p['httpGet']))) {
    const port = intOrString(x['port']);
    const host = str(x['host']);
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
    const scheme = str(x['scheme']).toLowerCase();
    const path = str(x['path']);
    const url = `${scheme ? `${scheme}:` : ''}${(scheme || hostPort) && (hostPort || path) ? `//${hostPort}` : ''}${path && !path.startsWith('/') && hostPort ? `/${path}` : path}`;
    return `http-get ${url} ${attrs}`;
  }
  if ((x = optObj(p['tcpSocket']))) return `tcp-socket ${str(x['host'])}:${intOrString(x['port'])} ${attrs}`;
  if ((x = optObj(p['grpc']))) return `grpc <pod>:${num(x['port'])} ${str(x['service'])} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: PrefixWriter, title: string, state: unknown): void {
  const s = obj(state);
  let x: J | undefined;
  if ((x = optObj(s['running']))) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(x['startedAt'])}\n`);
  } else if ((x = optObj(s['waiting']))) {
    w.write(2, `${title}:\tWaiting\n`);
    if (str(x['reason'])) w.write(3, `Reason:\t${str(x['reason'])}\n`);
  } else if ((x = optObj(s['terminated']))) {
    w.write(2, `${title}:\tTerminated\n`);
    if (str(x['reason'])) w.write(3, `Reason:\t${str(x['reason'])}\n`);
    if (str(x['message'])) w.write(3, `Message:\t${str(x['message'])}\n`);
    w.write(3, `Exit Code:\t${num(x['exitCode'])}\n`);
    if (num(x['signal']) > 0) w.write(3, `Signal:\t${num(x['signal'])}\n`);
    w.write(3, `Started:\t${rfc1123z(x['startedAt'])}\n`);
    w.write(3, `Finished:\t${rfc1123z(x['finishedAt'])}\n`);
  } else w.write(2, `${title}:\tWaiting\n`);
}

/** `Limits:` and `Requests:` with their resources (describeResources). */
export function describeResources(w: PrefixWriter, resources: unknown, level: number): void {
  const r = obj(resources);
  for (const [title, key] of [['Limits', 'limits'], ['Requests', 'requests']] as const) {
    const m = obj(r[key]);
    const names = Object.keys(m).sort();
    if (names.length === 0) continue;
    w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${quantityString(m[name])}\n`);
  }
}

/** A resourceFieldRef's value from the container's own resources (ExtractContainerResourceValue). */
function resourceFieldValue(ref: J, c: J): string {
  const res = obj(c['resources']);
  const [kind, name] = str(ref['resource']).split('.') as [string, string | undefined];
  if ((kind !== 'limits' && kind !== 'requests') || (name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage')) return '';
  const value = quantity(obj(res[kind])[name]);
  const divisor = ref['divisor'] === undefined || quantityString(ref['divisor']) === '0' ? quantity('1') : quantity(ref['divisor']);
  if (name === 'cpu') return String(Math.ceil(quantityMilli(value) / quantityMilli(divisor)));
  return String(Math.ceil(quantityInt(value) / quantityInt(divisor)));
}

function describeEnv(w: PrefixWriter, c: J, resolve: FieldResolver | undefined): void {
  const env = objs(c['env']);
  w.write(2, env.length === 0 ? 'Environment:\t<none>\n' : 'Environment:\n');
  for (const e of env) {
    const from = optObj(e['valueFrom']);
    if (!from) {
      str(e['value'])
        .split('\n')
        .forEach((s, i) => w.write(3, i === 0 ? `${str(e['name'])}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    let x: J | undefined;
    if ((x = optObj(from['fieldRef']))) w.write(3, `${str(e['name'])}:\t${resolve ? resolve(str(x['fieldPath'])) : ''} (${str(x['apiVersion'])}:${str(x['fieldPath'])})\n`);
    else if ((x = optObj(from['resourceFieldRef']))) {
      let value = resourceFieldValue(x, c);
      const resource = str(x['resource']);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(3, `${str(e['name'])}:\t${value} (${resource})\n`);
    } else if ((x = optObj(from['secretKeyRef']))) w.write(3, `${str(e['name'])}:\t<set to the key '${str(x['key'])}' in secret '${str(x['name'])}'>\tOptional: ${x['optional'] === true}\n`);
    else if ((x = optObj(from['configMapKeyRef']))) w.write(3, `${str(e['name'])}:\t<set to the key '${str(x['key'])}' of config map '${str(x['name'])}'>\tOptional: ${x['optional'] === true}\n`);
  }
}

function describeEnvFrom(w: PrefixWriter, c: J): void {
  w.write(2, 'Environment Variables from:\n');
  for (const e of objs(c['envFrom'])) {
    let from = '';
    let ref: J = {};
    if (e['configMapRef']) {
      from = 'ConfigMap';
      ref = obj(e['configMapRef']);
    } else if (e['secretRef']) {
      from = 'Secret';
      ref = obj(e['secretRef']);
    }
    const prefix = str(e['prefix']);
    w.write(3, `${str(ref['name'])}\t${prefix ? `${from} with prefix '${prefix}'` : from}\tOptional: ${ref['optional'] === true}\n`);
  }
}

/** `Containers:` (or `Init Containers:`) with each container's details. */
export function describeContainers(w: PrefixWriter, label: string, containers: unknown, statuses: unknown, space: string, resolve?: FieldResolver): void {
  const list = objs(containers);
  const byName = new Map(objs(statuses).map((s) => [str(s['name']), s]));
  w.write(0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  for (const c of list) {
    const st = byName.get(str(c['name']));
    w.write(1, `${space ? ' ' : ''}${str(c['name'])}:\n`);
    if (st) w.write(2, `Container ID:\t${str(st['containerID'])}\n`);
    w.write(2, `Image:\t${str(c['image'])}\n`);
    if (st) w.write(2, `Image ID:\t${str(st['imageID'])}\n`);
    const p = ports(c['ports'], false);
    w.write(2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${p || '<none>'}\n`);
    const hp = ports(c['ports'], true);
    w.write(2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${hp || '<none>'}\n`);
    const seccomp = optObj(obj(c['securityContext'])['seccompProfile']);
    if (seccomp) {
      w.write(2, `SeccompProfile:\t${str(seccomp['type'])}\n`);
      if (seccomp['type'] === 'Localhost') w.write(3, `LocalhostProfile:\t${str(seccomp['localhostProfile'])}\n`);
    }
    for (const [title, key] of [['Command', 'command'], ['Args', 'args']] as const) {
      const items = strs(c[key]);
      if (items.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const s of items) for (const line of s.split('\n')) w.write(3, `${line}\n`);
    }
    if (st) {
      describeState(w, 'State', st['state']);
      if (optObj(obj(st['lastState'])['terminated'])) describeState(w, 'Last State', st['lastState']);
      w.write(2, `Ready:\t${st['ready'] === true ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${num(st['restartCount'])}\n`);
    }
    describeResources(w, c['resources'], 2);
    for (const [title, key] of [['Liveness', 'livenessProbe'], ['Readiness', 'readinessProbe'], ['Startup', 'startupProbe']] as const) {
      const probe = optObj(c[key]);
      if (probe) w.write(2, `${title}:\t${describeProbe(probe)}\n`);
    }
    if (objs(c['envFrom']).length > 0) describeEnvFrom(w, c);
    describeEnv(w, c, resolve);
    const mounts = [...objs(c['volumeMounts'])].sort((a, b) => (str(a['mountPath']) < str(b['mountPath']) ? -1 : str(a['mountPath']) > str(b['mountPath']) ? 1 : 0));
    w.write(2, mounts.length === 0 ? 'Mounts:\t<none>\n' : 'Mounts:\n');
    for (const m of mounts) {
      const flags = [m['readOnly'] === true ? 'ro' : 'rw'];
      if (str(m['subPath'])) flags.push(`path=${JSON.stringify(str(m['subPath']))}`);
      w.write(3, `${str(m['mountPath'])} from ${str(m['name'])} (${flags.join(',')})\n`);
    }
    const devices = [...objs(c['volumeDevices'])].sort((a, b) => (str(a['devicePath']) < str(b['devicePath']) ? -1 : 1));
    if (devices.length > 0) {
      w.write(2, `Devices:${mounts.length === 0 ? '\t<none>' : ''}\n`);
      for (const d of devices) w.write(3, `${str(d['devicePath'])} from ${str(d['name'])}\n`);
    }
  }
}

/** `Tolerations:` one a line, sorted by key (printTolerationsMultilineWithIndent). */
export function printTolerations(w: PrefixWriter, title: string, tolerations: unknown): void {
  w.write(0, `${title}:\t`);
  const list = goSorted(objs(tolerations), (a, b) => str(a['key']) < str(b['key']));
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let s = str(t['key']);
    if (str(t['value'])) s += `=${str(t['value'])}`;
    if (str(t['effect'])) s += `:${str(t['effect'])}`;
    if (t['operator'] === 'Exists' && !str(t['value'])) s += str(t['key']) || str(t['effect']) ? ' op=Exists' : 'op=Exists';
    if (typeof t['tolerationSeconds'] === 'number') s += ` for ${t['tolerationSeconds']}s`;
    w.write(0, `${s}\n`);
  });
}

/** `Topology Spread Constraints:` sorted by topology key; nothing without constraints. */
export function describeTopologySpread(w: PrefixWriter, constraints: unknown, space: string): void {
  const list = goSorted(objs(constraints), (a, b) => str(a['topologyKey']) < str(b['topologyKey']));
  if (list.length === 0) return;
  w.write(0, `${space}Topology Spread Constraints:\t`);
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    const sel = t['labelSelector'] ? ` for selector ${formatSelector(t['labelSelector'])}` : '';
    w.write(0, `${str(t['topologyKey'])}:${str(t['whenUnsatisfiable'])} when max skew ${num(t['maxSkew'])} is exceeded${sel}\n`);
  });
}

/** `Pod Template:` of a workload (DescribePodTemplate). */
export function describePodTemplate(w: PrefixWriter, template: unknown): void {
  w.write(0, 'Pod Template:\n');
  const t = obj(template);
  const meta = obj(t['metadata']);
  const spec = obj(t['spec']);
  printLabels(w, '  Labels', meta['labels']);
  if (Object.keys(strMap(meta['annotations'])).length > 0) printAnnotations(w, '  Annotations', meta['annotations']);
  if (str(spec['serviceAccountName'])) w.write(1, `Service Account:\t${str(spec['serviceAccountName'])}\n`);
  if (objs(spec['initContainers']).length > 0) describeContainers(w, 'Init Containers', spec['initContainers'], undefined, '  ');
  describeContainers(w, 'Containers', spec['containers'], undefined, '  ');
  describeVolumes(w, spec['volumes'], '  ');
  describeTopologySpread(w, spec['topologySpreadConstraints'], '  ');
  if (str(spec['priorityClassName'])) w.write(1, `Priority Class Name:\t${str(spec['priorityClassName'])}\n`);
  printLabels(w, '  Node-Selectors', spec['nodeSelector']);
  printTolerations(w, '  Tolerations', spec['tolerations']);
}
