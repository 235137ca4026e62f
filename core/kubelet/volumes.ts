/**
 * The pod's volumes as the kubelet's volume manager sets them up before the containers start:
 * emptyDir (shared by the pod's containers), configMap and secret (a file per key), hostPath
 * (the node's own files), persistentVolumeClaim (the claim's data, shared by every pod using
 * it), downwardAPI, and projected ones such as `kube-api-access-xxxxx` (the service account
 * token, ca.crt, namespace).
 */
import type { Container, Pod } from '../api/types';
import { fieldValue, secretValue, type RefReader } from './env';
import { Volume, type Mount } from './runtime/fs';
import type { PodSandbox } from './runtime/sandbox';

/** A volume that could not be set up (the FailedMount event's message). */
export class MountError extends Error {
  constructor(
    readonly volume: string,
    message: string,
  ) {
    super(message);
  }
}

/** The data behind volumes shared beyond one pod. */
export interface VolumeHosts {
  /** The node's filesystem (hostPath). */
  hostFs: Volume;
  /** Claim data by `namespace/claimName` (cluster-wide, as a network disk). */
  claims: Map<string, Volume>;
}

/** A CA bundle for clusters whose kube-root-ca.crt is not published yet. */
const FALLBACK_CA = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubeLabCAAAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNjAxMDEwMDAwMDBaFw0zNjAxMDEwMDAwMDBaMBUx\nEzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\n-----END CERTIFICATE-----\n';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** A projected service account token (a JWT-shaped string; nothing verifies it here). */
function token(pod: Pod, audience: string): string {
  const b64 = (s: string) => {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let out = '';
    const bytes = [...s].map((c) => c.charCodeAt(0) & 255);
    for (let i = 0; i < bytes.length; i += 3) {
      const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      out += chars[(n >> 18) & 63]! + chars[(n >> 12) & 63]! + (i + 1 < bytes.length ? chars[(n >> 6) & 63]! : '') + (i + 2 < bytes.length ? chars[n & 63]! : '');
    }
    return out;
  };
  const sa = String(pod.spec['serviceAccountName'] ?? 'default');
  const ns = pod.metadata.namespace ?? 'default';
  const header = b64('{"alg":"RS256","kid":"kubelab"}');
  const claims = b64(JSON.stringify({ aud: [audience], iss: 'https://kubernetes.default.svc.cluster.local', 'kubernetes.io': { namespace: ns, pod: { name: pod.metadata.name, uid: pod.metadata.uid }, serviceaccount: { name: sa } }, sub: `system:serviceaccount:${ns}:${sa}` }));
  return `${header}.${claims}.${b64(`kubelab-signature-${pod.metadata.uid ?? ''}`)}`;
}

async function keyFiles(kind: 'configMap' | 'secret', src: Obj, pod: Pod, reader: RefReader, vol: Volume, volumeName: string, lenient = false): Promise<void> {
  const ns = pod.metadata.namespace ?? 'default';
  const name = String(src[kind === 'configMap' ? 'name' : 'secretName'] ?? src['name'] ?? '');
  const data: Record<string, string> = {};
  if (kind === 'configMap') {
    const cm = await reader.configMap(ns, name);
    if (!cm) {
      if (src['optional'] === true) return;
      if (lenient) data['ca.crt'] = FALLBACK_CA;
      else throw new MountError(volumeName, `configmap "${name}" not found`);
    }
    Object.assign(data, cm?.data ?? {});
  } else {
    const s = await reader.secret(ns, name);
    if (!s) {
      if (src['optional'] === true) return;
      throw new MountError(volumeName, `secret "${name}" not found`);
    }
    for (const [k, v] of Object.entries(s.data ?? {})) data[k] = secretValue(v);
  }
  const items = list(src['items']);
  if (items.length === 0) for (const [k, v] of Object.entries(data)) vol.write(`/${k}`, { content: v });
  for (const it of items) {
    const key = String(it['key'] ?? '');
    if (data[key] === undefined) {
      if (src['optional'] === true) continue;
      throw new MountError(volumeName, `configmap references non-existent config key: ${key}`);
    }
    vol.write(`/${String(it['path'] ?? key)}`, { content: data[key] as string });
  }
}

/** Sets up every volume of the pod; throws MountError for the first that fails. */
export async function setUpVolumes(pod: Pod, reader: RefReader, sandbox: PodSandbox, hosts: VolumeHosts, hostIP: string): Promise<Map<string, { volume: Volume; source?: string }>> {
  const out = new Map<string, { volume: Volume; source?: string }>();
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of list(pod.spec['volumes'])) {
    const name = String(v['name'] ?? '');
    if (v['emptyDir'] !== undefined) out.set(name, { volume: sandbox.emptyDir(name) });
    else if (v['hostPath'] !== undefined) {
      const path = String(obj(v['hostPath'])['path'] ?? '/');
      if (obj(v['hostPath'])['type'] !== 'File' && obj(v['hostPath'])['type'] !== 'FileOrCreate') hosts.hostFs.mkdir(path);
      out.set(name, { volume: hosts.hostFs, source: path });
    } else if (v['persistentVolumeClaim'] !== undefined) {
      const key = `${ns}/${String(obj(v['persistentVolumeClaim'])['claimName'] ?? '')}`;
      let vol = hosts.claims.get(key);
      if (!vol) {
        vol = new Volume();
        hosts.claims.set(key, vol);
      }
      out.set(name, { volume: vol });
    } else if (v['configMap'] !== undefined || v['secret'] !== undefined) {
      const vol = new Volume();
      await keyFiles(v['configMap'] !== undefined ? 'configMap' : 'secret', obj(v['configMap'] ?? v['secret']), pod, reader, vol, name);
      out.set(name, { volume: vol });
    } else if (v['downwardAPI'] !== undefined || v['projected'] !== undefined) {
      const vol = new Volume();
      const sources = v['projected'] !== undefined ? list(obj(v['projected'])['sources']) : [{ downwardAPI: v['downwardAPI'] }];
      for (const s of sources) {
        if (s['serviceAccountToken'] !== undefined) {
          const t = obj(s['serviceAccountToken']);
          vol.write(`/${String(t['path'] ?? 'token')}`, { content: token(pod, String(t['audience'] ?? 'https://kubernetes.default.svc.cluster.local')) });
        } else if (s['configMap'] !== undefined) await keyFiles('configMap', obj(s['configMap']), pod, reader, vol, name, obj(s['configMap'])['name'] === 'kube-root-ca.crt');
        else if (s['secret'] !== undefined) await keyFiles('secret', { ...obj(s['secret']), secretName: obj(s['secret'])['name'] }, pod, reader, vol, name);
        else if (s['downwardAPI'] !== undefined) {
          for (const it of list(obj(s['downwardAPI'])['items'])) {
            const path = String(obj(it['fieldRef'])['fieldPath'] ?? '');
            vol.write(`/${String(it['path'] ?? '')}`, { content: fieldValue(pod, path, sandbox.ip, hostIP) });
          }
        }
      }
      out.set(name, { volume: vol });
    } else out.set(name, { volume: new Volume() });
  }
  return out;
}

/** The mounts of one container. */
export function containerMounts(c: Container, volumes: Map<string, { volume: Volume; source?: string }>): Mount[] {
  const mounts: Mount[] = [];
  for (const m of list(c['volumeMounts'])) {
    const v = volumes.get(String(m['name'] ?? ''));
    if (!v) continue;
    const sub = m['subPath'] ? `/${String(m['subPath'])}` : '';
    const mount: Mount = { path: String(m['mountPath'] ?? '/'), volume: v.volume, readOnly: m['readOnly'] === true };
    const source = `${v.source ?? ''}${sub}`;
    if (source) mount.source = source;
    if (sub && v.volume.stat(source) === undefined) v.volume.mkdir(source);
    mounts.push(mount);
  }
  return mounts;
}
