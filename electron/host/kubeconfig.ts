/** The kubeconfig a running lab writes for kubectl and the bundled shell. */
import { writeFileSync, renameSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** The context name KubeLab writes. */
export const CONTEXT = 'kubelab';

/** Writes `DIR/kubeconfig` (mode 0600, atomically) and returns its path. */
export function writeKubeconfig(dataDir: string, server: string, token: string, caPem: string): string {
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: CONTEXT, cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    contexts: [{ name: CONTEXT, context: { cluster: CONTEXT, namespace: 'default', user: 'kubelab-admin' } }],
    'current-context': CONTEXT,
    preferences: {},
    users: [{ name: 'kubelab-admin', user: { token } }],
  };
  const path = join(dataDir, 'kubeconfig');
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, stringify(doc), { mode: 0o600 });
  renameSync(tmp, path);
  return path;
}

/** What a client needs from a kubeconfig. */
export interface KubeconfigTarget {
  server: string;
  token?: string;
  /** PEM of the CA to trust (from certificate-authority-data). */
  ca?: string;
  insecure?: boolean;
  context: string;
  namespace: string;
}

interface KubeconfigDoc {
  clusters?: { name: string; cluster?: { server?: string; 'certificate-authority-data'?: string; 'insecure-skip-tls-verify'?: boolean } }[];
  contexts?: { name: string; context?: { cluster?: string; namespace?: string; user?: string } }[];
  users?: { name: string; user?: { token?: string } }[];
  'current-context'?: string;
}

/** Reads the current context of a kubeconfig; throws an Error with a one-line message. */
export function readKubeconfig(path: string): KubeconfigTarget {
  let doc: KubeconfigDoc;
  try {
    doc = parse(readFileSync(path, 'utf8')) as KubeconfigDoc;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `kubeconfig ${path} does not exist (is "kubelab serve" running?)` : `cannot read kubeconfig ${path}: ${(e as Error).message}`, { cause: e });
  }
  const ctxName = doc?.['current-context'];
  const ctx = doc?.contexts?.find((c) => c.name === ctxName)?.context;
  if (!ctx) throw new Error(`error: current-context "${ctxName ?? ''}" is not set in ${path}`);
  const cluster = doc.clusters?.find((c) => c.name === ctx.cluster)?.cluster;
  if (!cluster?.server) throw new Error(`error: cluster "${ctx.cluster ?? ''}" has no server in ${path}`);
  const token = doc.users?.find((u) => u.name === ctx.user)?.user?.token;
  const target: KubeconfigTarget = { server: cluster.server, context: ctxName as string, namespace: ctx.namespace || 'default' };
  if (token) target.token = token;
  if (cluster['certificate-authority-data']) target.ca = Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8');
  if (cluster['insecure-skip-tls-verify']) target.insecure = true;
  return target;
}
