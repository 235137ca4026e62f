/**
 * The lab API's node endpoints as the bundled shell reaches them, over its transport (the
 * kubeconfig's server and token: the lab API takes the same bearer token as the Kubernetes
 * API): the machines (`GET /lab/v1/nodes`), a command run on one (`POST .../NAME/exec`) and its
 * files (`POST .../NAME/fs`). Contract: electron/host/CONTRACT.md.
 */
import type { ShellFiles, ShellTransport } from '../types';

/** A machine of the lab. */
export interface NodeInfo {
  name: string;
  internalIP: string;
  controlPlane: boolean;
  kernel: string;
}

/** What a command run on a node answered. */
export interface NodeOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Present while the command follows its output: ask again with it. */
  cursor?: number;
  /** The command asks a question (kubeadm reset's): send the answer with the same command. */
  ask?: boolean;
}

/** Why the lab's node API could not be reached (a message for the user). */
export class NodeApiError extends Error {}

const JSON_TYPE = 'application/json';
const NOT_A_LAB = 'this server is not a KubeLab lab: it has no nodes to log in to';

function message(body: unknown): string {
  const m = (body as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : JSON.stringify(body);
}

/** A client of the node endpoints. */
export class NodeClient {
  constructor(private readonly transport: ShellTransport) {}

  private async post(path: string, body: unknown): Promise<unknown> {
    const r = await this.transport('POST', path, {}, JSON_TYPE, { body: JSON.stringify(body), contentType: JSON_TYPE });
    if (r.status >= 300) throw new NodeApiError(r.status === 404 && typeof (r.body as { message?: unknown } | null)?.message !== 'string' ? NOT_A_LAB : message(r.body));
    return r.body;
  }

  /** The lab's machines. */
  async nodes(): Promise<NodeInfo[]> {
    const r = await this.transport('GET', '/lab/v1/nodes', {}, JSON_TYPE);
    if (r.status >= 300) throw new NodeApiError(r.status === 404 ? NOT_A_LAB : message(r.body));
    return ((r.body as { items?: NodeInfo[] }).items ?? []).filter((n) => typeof n.name === 'string');
  }

  /** Runs a command on a node (`interactive`: the user can answer its question; `answer`: the answer). */
  async exec(node: string, argv: string[], stdin: string, cursor?: number, interactive = false, answer?: string): Promise<NodeOutput> {
    return (await this.post(`/lab/v1/nodes/${encodeURIComponent(node)}/exec`, { argv, stdin, ...(cursor !== undefined ? { cursor } : {}), ...(interactive ? { interactive } : {}), ...(answer !== undefined ? { answer } : {}) })) as NodeOutput;
  }

  /** One filesystem operation on a node (absolute paths); rejects with an Error carrying the errno name. */
  async fs(node: string, req: Record<string, unknown>): Promise<unknown> {
    const body = (await this.post(`/lab/v1/nodes/${encodeURIComponent(node)}/fs`, req)) as { result?: unknown; error?: string };
    if (body.error !== undefined) {
      const e = new Error(body.error === 'ENOENT' ? `the path "${String(req.path)}" does not exist` : body.error) as Error & { code: string };
      e.code = body.error;
      throw e;
    }
    return body.result;
  }
}

/** A workspace path (`.`, `a/b`) as a path on the node (`/`, `/a/b`). */
function nodePath(p: string): string {
  return p === '.' || p === '' ? '/' : `/${p.replace(/^\/+/, '')}`;
}

/** A node's filesystem as the shell's workspace: `/` is the node's root. */
export function nodeFiles(client: NodeClient, node: string, stdin?: () => Promise<string>): ShellFiles {
  const fs = (req: Record<string, unknown>) => client.fs(node, req);
  return {
    readFile: async (p) => (await fs({ op: 'read', path: nodePath(p) })) as string,
    stat: async (p) => ((await fs({ op: 'stat', path: nodePath(p) })) as 'file' | 'dir' | null) ?? undefined,
    readDir: async (p) => (await fs({ op: 'list', path: nodePath(p) })) as string[],
    details: async (p) => ((await fs({ op: 'details', path: nodePath(p) })) as { type: 'file' | 'dir'; size: number; mtime: number } | null) ?? undefined,
    writeFile: async (p, text) => void (await fs({ op: 'write', path: nodePath(p), text })),
    appendFile: async (p, text) => void (await fs({ op: 'append', path: nodePath(p), text })),
    mkdir: async (p, parents) => void (await fs({ op: 'mkdir', path: nodePath(p), parents })),
    remove: async (p, recursive) => void (await fs({ op: 'remove', path: nodePath(p), recursive })),
    rename: async (from, to) => void (await fs({ op: 'rename', path: nodePath(from), to: nodePath(to) })),
    ...(stdin ? { stdin } : {}),
  };
}
