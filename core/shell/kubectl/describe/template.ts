/**
 * The pod-spec parts of describe: containers (ports, command, state, resources, environment,
 * mounts), volumes, tolerations, and `Pod Template:` as deployments and replica sets print it.
 */
import { printAnnotations, printLabels, rfc1123z } from './common';
import type { DescribeWriter } from './tabwriter';

/** The container fields describe reads. */
export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { containerPort: number; hostPort?: number; protocol?: string }[];
  env?: { name: string; value?: string; valueFrom?: Record<string, Record<string, unknown>> }[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
}

/** A container status, the fields describe reads. */
export interface ContainerStatus {
  name: string;
  containerID?: string;
  imageID?: string;
  ready?: boolean;
  restartCount?: number;
  state?: Record<string, Record<string, unknown> | undefined>;
  lastState?: Record<string, Record<string, unknown> | undefined>;
}

/** The pod spec fields describe reads. */
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Record<string, unknown>[];
  nodeSelector?: Record<string, string>;
  tolerations?: { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }[];
  serviceAccountName?: string;
  priorityClassName?: string;
  priority?: number;
  nodeName?: string;
}

function ports(list: Container['ports'], host: boolean): string {
  return (list ?? []).map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
}

interface Probe {
  exec?: { command?: string[] };
  httpGet?: { scheme?: string; host?: string; port?: string | number; path?: string };
  tcpSocket?: { host?: string; port?: string | number };
  grpc?: { port?: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

/** A probe as `http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const port = p.httpGet.port === undefined ? '' : String(p.httpGet.port);
    const host = p.httpGet.host ?? '';
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
    return `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${hostPort}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port ?? '')} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: DescribeWriter, title: string, state: Record<string, Record<string, unknown> | undefined> | undefined): void {
  const s = state ?? {};
  if (s['running']) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc(s['running']['startedAt'])}\n`);
  } else if (s['waiting']) {
    w.write(2, `${title}:\tWaiting\n`);
    if (s['waiting']['reason']) w.write(3, `Reason:\t${String(s['waiting']['reason'])}\n`);
  } else if (s['terminated']) {
    const t = s['terminated'];
    w.write(2, `${title}:\tTerminated\n`);
    if (t['reason']) w.write(3, `Reason:\t${String(t['reason'])}\n`);
    if (t['message']) w.write(3, `Message:\t${String(t['message'])}\n`);
    w.write(3, `Exit Code:\t${Number(t['exitCode'] ?? 0)}\n`);
    if (t['signal']) w.write(3, `Signal:\t${Number(t['signal'])}\n`);
    w.write(3, `Started:\t${rfc(t['startedAt'])}\n`);
    w.write(3, `Finished:\t${rfc(t['finishedAt'])}\n`);
  } else w.write(2, `${title}:\tWaiting\n`);
}

function rfc(t: unknown): string {
  return rfc1123z(typeof t === 'string' ? t : undefined);
}

/** `Containers:` (or `Init Containers:`) with each container's details. */
export function describeContainers(w: DescribeWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, space: string): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, containers.length === 0 ? `${space}${label}: <none>\n` : `${space}${label}:\n`);
  for (const c of containers) {
    const st = statuses ? byName.get(c.name) : undefined;
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID ?? ''}\n`);
    const p = ports(c.ports, false);
    w.write(2, p.includes(', ') ? `Ports:\t${p}\n` : `Port:\t${p || '<none>'}\n`);
    const hp = ports(c.ports, true);
    w.write(2, hp.includes(', ') ? `Host Ports:\t${hp}\n` : `Host Port:\t${hp || '<none>'}\n`);
    for (const [title, list] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!list || list.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const s of list) for (const line of s.split('\n')) w.write(3, `${line}\n`);
    }
    if (st) {
      describeState(w, 'State', st.state);
      if (st.lastState && Object.keys(st.lastState).length > 0) describeState(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    for (const [title, m] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
      if (!m || Object.keys(m).length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const name of Object.keys(m).sort()) w.write(3, `${name}:\t${m[name]}\n`);
    }
    for (const [title, probe] of [['Liveness', c.livenessProbe], ['Readiness', c.readinessProbe], ['Startup', c.startupProbe]] as const) if (probe) w.write(2, `${title}:\t${describeProbe(probe)}\n`);
    if (!c.env || c.env.length === 0) w.write(2, 'Environment:\t<none>\n');
    else {
      w.write(2, 'Environment:\n');
      for (const e of c.env) {
        if (e.valueFrom?.['fieldRef']) w.write(3, `${e.name}:\t (${String(e.valueFrom['fieldRef']['apiVersion'] ?? 'v1')}:${String(e.valueFrom['fieldRef']['fieldPath'])})\n`);
        else w.write(3, `${e.name}:\t${e.value ?? ''}\n`);
      }
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    if (mounts.length === 0) w.write(2, 'Mounts:\t<none>\n');
    else {
      w.write(2, 'Mounts:\n');
      for (const m of mounts) w.write(3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'}${m.subPath ? `,path="${m.subPath}"` : ''})\n`);
    }
  }
}

/** `Volumes:` with each volume's source. */
export function describeVolumes(w: DescribeWriter, volumes: Record<string, unknown>[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${String(v['name'])}:\n`);
    const src = (key: string) => v[key] as Record<string, unknown> | undefined;
    if (src('projected')) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of (src('projected')?.['sources'] as Record<string, Record<string, unknown>>[] | undefined) ?? []) {
        if (s['serviceAccountToken']) w.write(2, `TokenExpirationSeconds:\t${Number(s['serviceAccountToken']['expirationSeconds'] ?? 3600)}\n`);
        else if (s['configMap']) {
          w.write(2, `ConfigMapName:\t${String(s['configMap']['name'])}\n`);
          w.write(2, `ConfigMapOptional:\t${s['configMap']['optional'] === undefined ? '<nil>' : String(s['configMap']['optional'])}\n`);
        } else if (s['downwardAPI']) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (s['secret']) {
          w.write(2, `SecretName:\t${String(s['secret']['name'])}\n`);
          w.write(2, `SecretOptionalName:\t${s['secret']['optional'] === undefined ? '<nil>' : String(s['secret']['optional'])}\n`);
        }
      }
    } else if (src('emptyDir')) {
      w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
      w.write(2, `Medium:\t${String(src('emptyDir')?.['medium'] ?? '')}\n`);
      w.write(2, `SizeLimit:\t${String(src('emptyDir')?.['sizeLimit'] ?? '<unset>')}\n`);
    } else if (src('configMap')) {
      w.write(2, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n');
      w.write(2, `Name:\t${String(src('configMap')?.['name'])}\n`);
      w.write(2, `Optional:\t${String(src('configMap')?.['optional'] ?? false)}\n`);
    } else if (src('secret')) {
      w.write(2, 'Type:\tSecret (a volume populated by a Secret)\n');
      w.write(2, `SecretName:\t${String(src('secret')?.['secretName'])}\n`);
      w.write(2, `Optional:\t${String(src('secret')?.['optional'] ?? false)}\n`);
    } else if (src('hostPath')) {
      w.write(2, 'Type:\tHostPath (bare host directory volume)\n');
      w.write(2, `Path:\t${String(src('hostPath')?.['path'])}\n`);
      w.write(2, `HostPathType:\t${String(src('hostPath')?.['type'] ?? '')}\n`);
    } else if (src('persistentVolumeClaim')) {
      w.write(2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n');
      w.write(2, `ClaimName:\t${String(src('persistentVolumeClaim')?.['claimName'])}\n`);
      w.write(2, `ReadOnly:\t${String(src('persistentVolumeClaim')?.['readOnly'] ?? false)}\n`);
    } else w.write(2, 'Type:\t<unknown>\n');
  }
}

/** `Tolerations:` one a line, sorted by key. */
export function printTolerations(w: DescribeWriter, title: string, tolerations: PodSpec['tolerations']): void {
  w.write(0, `${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    let s = i === 0 ? '' : '\t';
    s += t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** `Pod Template:` of a workload. */
export function describePodTemplate(w: DescribeWriter, template: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec }): void {
  w.write(0, 'Pod Template:\n');
  printLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotations(w, '  Annotations', template.metadata?.annotations);
  if (template.spec.serviceAccountName) w.write(1, `Service Account:\t${template.spec.serviceAccountName}\n`);
  if ((template.spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', template.spec.initContainers ?? [], undefined, '  ');
  describeContainers(w, 'Containers', template.spec.containers, undefined, '  ');
  describeVolumes(w, template.spec.volumes, '  ');
  if (template.spec.priorityClassName) w.write(1, `Priority Class Name:\t${template.spec.priorityClassName}\n`);
  printLabels(w, '  Node-Selectors', template.spec.nodeSelector);
  printTolerations(w, '  Tolerations', template.spec.tolerations);
}
