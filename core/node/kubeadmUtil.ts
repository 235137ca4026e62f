/**
 * What kubeadm's commands share: GNU-style flag parsing as cobra does it, kubeadm's error
 * trailer, bootstrap tokens (their Secrets in kube-system), the join command, and the
 * pre-flight checks' report.
 */
import { rfc3339 } from '../api/duration';
import { isStatusError } from '../api/status';
import type { KubeObject } from '../api/types';
import { decodeBase64, encodeString } from '../apiserver/resources/base64';
import type { CommandOutput } from './journal';
import type { NodeMachine } from './machine';

/** kubeadm's shared constant. */
export const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** kubeadm's shared constant. */
export const DAY_MS = 24 * 3_600_000;
/** kubeadm's shared constant. */
export const TRAILER = 'To see the stack trace of this error execute with --v=5 or higher\n';

/** Parsed flags. */
export interface Parsed {
  flags: Map<string, string>;
  bools: Set<string>;
  operands: string[];
  error?: string;
}

/** kubeadm helper. */
export function parse(args: string[], valueFlags: string[], boolFlags: string[]): Parsed {
  const p: Parsed = { flags: new Map(), bools: new Set(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-')) {
      p.operands.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq < 0 ? a : a.slice(0, eq)).replace(/^--?/, '');
    if (boolFlags.includes(name)) p.bools.add(name);
    else if (valueFlags.includes(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) return { ...p, error: `flag needs an argument: ${a}` };
      p.flags.set(name, v);
    } else return { ...p, error: `unknown flag: ${eq < 0 ? a : a.slice(0, eq)}` };
  }
  return p;
}

/** kubeadm helper. */
export function fail(stdout: string, message: string): CommandOutput {
  return { stdout, stderr: `${message}\n${TRAILER}`, exitCode: 1 };
}

/** kubeadm helper. */
export function newToken(m: NodeMachine): string {
  return `${m.random.string(6, TOKEN_ALPHABET)}.${m.random.string(16, TOKEN_ALPHABET)}`;
}

/** The bootstrap token Secret kubeadm creates. */
/** kubeadm helper. */
export function tokenSecret(token: string, now: number, ttlMs: number, description: string): KubeObject {
  const [id = '', secret = ''] = token.split('.');
  const data: Record<string, string> = {
    'auth-extra-groups': 'system:bootstrappers:kubeadm:default-node-token',
    description,
    expiration: rfc3339(now + ttlMs),
    'token-id': id,
    'token-secret': secret,
    'usage-bootstrap-authentication': 'true',
    'usage-bootstrap-signing': 'true',
  };
  if (ttlMs <= 0) delete data['expiration'];
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: `bootstrap-token-${id}`, namespace: 'kube-system' }, type: 'bootstrap.kubernetes.io/token', data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, encodeString(v)])) } as KubeObject;
}

/** kubeadm helper. */
export async function createOrReplace(m: NodeMachine, resource: string, namespace: string, obj: KubeObject): Promise<void> {
  const client = m.host.admin();
  try {
    await client.create({ resource, namespace }, obj);
  } catch (e) {
    if (!isStatusError(e, 'AlreadyExists')) throw e;
    await client.update({ resource, namespace, name: obj.metadata.name ?? '' }, obj);
  }
}

/** kubeadm helper. */
export function joinCommand(m: NodeMachine, token: string): string {
  return `kubeadm join ${m.identity().controlPlaneIP}:6443 --token ${token} --discovery-token-ca-cert-hash ${m.caHash()} `;
}

/** kubeadm helper. */
export function decodeData(data: Record<string, string> | undefined, key: string): string {
  const v = data?.[key];
  return v === undefined ? '' : String.fromCharCode(...decodeBase64(v));
}

/** kubeadm helper. */
export function ports(m: NodeMachine): string[] {
  const errors: string[] = [];
  if (m.host.initialized() && m.host.apiUp()) errors.push('[ERROR Port-6443]: Port 6443 is in use', '[ERROR Port-10259]: Port 10259 is in use', '[ERROR Port-10257]: Port 10257 is in use');
  return errors;
}

/** kubeadm helper. */
export function criError(m: NodeMachine): string[] {
  return m.containerdActive() ? [] : ['[ERROR CRI]: container runtime is not running: output: time="' + rfc3339(m.now()) + '" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/containerd/containerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: no such file or directory\\""\n, error: exit status 1'];
}

/** kubeadm helper. */
export function preflightFailure(stdout: string, errors: string[], ignore: string | undefined): CommandOutput | undefined {
  const ignored = new Set((ignore ?? '').split(',').map((s) => s.trim().toLowerCase()));
  const left = ignored.has('all') ? [] : errors.filter((e) => !ignored.has((/\[ERROR ([^\]]+)\]/.exec(e)?.[1] ?? '').toLowerCase()));
  if (left.length === 0) return undefined;
  return { stdout, stderr: `error execution phase preflight: [preflight] Some fatal errors occurred:\n${left.map((e) => `\t${e}\n`).join('')}[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\`\n${TRAILER}`, exitCode: 1 };
}
