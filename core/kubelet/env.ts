/**
 * A container's environment as the kubelet makes it (kubelet_pods.go makeEnvironmentVariables):
 * the Service variables of the pod's namespace (`WEB_SERVICE_HOST`, `WEB_PORT_80_TCP`...),
 * `envFrom` (config maps, secrets, with a prefix), then `env` with `$(VAR)` references,
 * `valueFrom` config map and secret keys, the downward API's fields and resources. The
 * runtime puts the image's ENV first and `HOSTNAME`.
 */
import type { ConfigMap, Container, Pod, Secret, Service } from '../api/types';
import { decodeBase64 } from '../apiserver/resources/base64';
import { parseQuantity, quantityValue } from '../apiserver/resources/quantity';

/** Reads the objects a container refers to (through the API, as the node). */
export interface RefReader {
  configMap(namespace: string, name: string): Promise<ConfigMap | undefined>;
  secret(namespace: string, name: string): Promise<Secret | undefined>;
  /** The Services whose variables the pod gets (its namespace's, and `kubernetes` of default). */
  services(namespace: string): Service[];
}

/** A configuration error: the container waits with CreateContainerConfigError and this message. */
export class ConfigError extends Error {}

/** UTF-8 bytes to text. */
export function utf8(bytes: number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) s += String.fromCharCode(b);
    else if (b >= 0xf0) s += String.fromCodePoint(((b & 7) << 18) | (((bytes[++i] ?? 0) & 63) << 12) | (((bytes[++i] ?? 0) & 63) << 6) | ((bytes[++i] ?? 0) & 63));
    else if (b >= 0xe0) s += String.fromCharCode(((b & 15) << 12) | (((bytes[++i] ?? 0) & 63) << 6) | ((bytes[++i] ?? 0) & 63));
    else s += String.fromCharCode(((b & 31) << 6) | ((bytes[++i] ?? 0) & 63));
  }
  return s;
}

/** A secret's value as text. */
export function secretValue(b64: string): string {
  return utf8(decodeBase64(b64));
}

/** The Service environment variables of `services` (docker links style). */
export function serviceEnv(services: Service[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of [...services].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))) {
    const ip = s.spec.clusterIP;
    if (!ip || ip === 'None' || s.spec.type === 'ExternalName') continue;
    const name = (s.metadata.name ?? '').toUpperCase().replace(/-/g, '_');
    const ports = s.spec.ports ?? [];
    const first = ports[0];
    if (!first) continue;
    out[`${name}_SERVICE_HOST`] = ip;
    out[`${name}_SERVICE_PORT`] = String(first.port);
    for (const p of ports) if (p.name) out[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
    const proto = (first.protocol ?? 'TCP').toLowerCase();
    out[`${name}_PORT`] = `${proto}://${ip}:${first.port}`;
    for (const p of ports) {
      const pr = (p.protocol ?? 'TCP').toLowerCase();
      const prefix = `${name}_PORT_${p.port}_${pr.toUpperCase()}`;
      out[prefix] = `${pr}://${ip}:${p.port}`;
      out[`${prefix}_PROTO`] = pr;
      out[`${prefix}_PORT`] = String(p.port);
      out[`${prefix}_ADDR`] = ip;
    }
  }
  return out;
}

/** Expands `$(VAR)` references as the kubelet does (`$$(VAR)` escapes; unknown references stay). */
export function expandRefs(s: string, vars: Record<string, string>): string {
  return s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => (m === '$$' ? '$' : name !== undefined && vars[name] !== undefined ? vars[name] : m));
}

/** The value of a downward API field (`metadata.name`, `status.podIP`, `metadata.labels['app']`...). */
export function fieldValue(pod: Pod, path: string, podIP: string, hostIP: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2] as string] ?? '';
  switch (path) {
    case 'metadata.name': return pod.metadata.name ?? '';
    case 'metadata.namespace': return pod.metadata.namespace ?? '';
    case 'metadata.uid': return pod.metadata.uid ?? '';
    case 'metadata.labels': return Object.entries(pod.metadata.labels ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
    case 'metadata.annotations': return Object.entries(pod.metadata.annotations ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
    case 'spec.nodeName': return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName': return String(pod.spec['serviceAccountName'] ?? 'default');
    case 'status.hostIP':
    case 'status.hostIPs': return hostIP;
    case 'status.podIP':
    case 'status.podIPs': return podIP;
    default: return '';
  }
}

/** The value of a resourceFieldRef (`limits.memory`, `requests.cpu`) in units of its divisor. */
export function resourceValue(c: Container | undefined, resource: string, divisor: string | undefined, node: { cpu: string; memory: string }): string {
  const [kind, name] = resource.split('.') as [string, string];
  const res = c?.resources?.[kind === 'limits' ? 'limits' : 'requests']?.[name] ?? (kind === 'limits' ? (name === 'cpu' ? node.cpu : name === 'memory' ? node.memory : undefined) : name === 'cpu' || name === 'memory' ? '0' : undefined);
  const q = parseQuantity(res ?? '0');
  const d = parseQuantity(divisor ?? '1');
  if (!q || !d) return '0';
  return String(Math.ceil(quantityValue(q) / (quantityValue(d) || 1)));
}

interface EnvSource {
  name?: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { fieldPath?: string };
    resourceFieldRef?: { containerName?: string; resource?: string; divisor?: string };
    configMapKeyRef?: { name?: string; key?: string; optional?: boolean };
    secretKeyRef?: { name?: string; key?: string; optional?: boolean };
  };
}

interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
}

/** The environment the kubelet gives a container (without the image's ENV). */
export async function containerEnv(pod: Pod, c: Container, reader: RefReader, ips: { podIP: string; hostIP: string }, node: { cpu: string; memory: string }): Promise<Record<string, string>> {
  const ns = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = {};
  if (pod.spec['enableServiceLinks'] !== false) Object.assign(env, serviceEnv(reader.services(ns)));
  else Object.assign(env, serviceEnv(reader.services(ns).filter((s) => s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes')));
  for (const from of (Array.isArray(c['envFrom']) ? c['envFrom'] : []) as EnvFromSource[]) {
    const prefix = from.prefix ?? '';
    if (from.configMapRef?.name) {
      const cm = await reader.configMap(ns, from.configMapRef.name);
      if (!cm) {
        if (from.configMapRef.optional) continue;
        throw new ConfigError(`configmap "${from.configMapRef.name}" not found`);
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) env[prefix + k] = v;
    } else if (from.secretRef?.name) {
      const s = await reader.secret(ns, from.secretRef.name);
      if (!s) {
        if (from.secretRef.optional) continue;
        throw new ConfigError(`secret "${from.secretRef.name}" not found`);
      }
      for (const [k, v] of Object.entries(s.data ?? {})) env[prefix + k] = secretValue(v);
    }
  }
  for (const e of (c.env ?? []) as EnvSource[]) {
    if (!e.name) continue;
    const vf = e.valueFrom;
    if (!vf) {
      env[e.name] = expandRefs(e.value ?? '', env);
      continue;
    }
    if (vf.fieldRef?.fieldPath) env[e.name] = fieldValue(pod, vf.fieldRef.fieldPath, ips.podIP, ips.hostIP);
    else if (vf.resourceFieldRef?.resource) {
      const target = vf.resourceFieldRef.containerName ? [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((x) => x.name === vf.resourceFieldRef?.containerName) : c;
      env[e.name] = resourceValue(target, vf.resourceFieldRef.resource, vf.resourceFieldRef.divisor, node);
    } else if (vf.configMapKeyRef?.name) {
      const ref = vf.configMapKeyRef;
      const cm = await reader.configMap(ns, ref.name as string);
      const v = cm?.data?.[ref.key ?? ''];
      if (v === undefined) {
        if (ref.optional) continue;
        throw new ConfigError(cm ? `couldn't find key ${ref.key ?? ''} in ConfigMap ${ns}/${ref.name}` : `configmap "${ref.name}" not found`);
      }
      env[e.name] = v;
    } else if (vf.secretKeyRef?.name) {
      const ref = vf.secretKeyRef;
      const s = await reader.secret(ns, ref.name as string);
      const v = s?.data?.[ref.key ?? ''];
      if (v === undefined) {
        if (ref.optional) continue;
        throw new ConfigError(s ? `couldn't find key ${ref.key ?? ''} in Secret ${ns}/${ref.name}` : `secret "${ref.name}" not found`);
      }
      env[e.name] = secretValue(v);
    }
  }
  return env;
}
