/**
 * The node endpoints of the lab API as data in, data out (no sockets): `GET /lab/v1/nodes`
 * (the machines), `POST /lab/v1/nodes/NAME/exec` (a command run there) and `POST
 * /lab/v1/nodes/NAME/fs` (a filesystem operation). The host serves them over HTTP
 * (electron/host/nodesApi.ts); a lesson replay or a test calls them in process.
 */
import { badRequest, methodNotAllowed, notFound, pathNotFound, type Status, type StatusError } from '../api/status';
import { runOnNode, type NodeCommand } from './commands';
import type { NodeMachine } from './machine';
import { nodeFs, type FsRequest } from './nodeFiles';

/** What the endpoints need of a cluster. */
export interface NodesHost {
  readonly machines: NodeMachine[];
  machine(name: string): NodeMachine | undefined;
}

/** An answer of the node endpoints. */
export interface NodeApiAnswer {
  status: number;
  body: unknown;
}

/** Whether a path is one of the node endpoints. */
export function isNodesPath(path: string): boolean {
  return path === '/lab/v1/nodes' || path.startsWith('/lab/v1/nodes/');
}

function fail(e: StatusError): never {
  throw e;
}

function command(body: Record<string, unknown>): NodeCommand {
  const { argv, stdin, cursor, interactive, answer } = body;
  if (!Array.isArray(argv) || argv.length === 0 || argv.some((a) => typeof a !== 'string')) fail(badRequest('argv must be a non-empty list of strings'));
  if (stdin !== undefined && typeof stdin !== 'string') fail(badRequest('stdin must be a string'));
  if (cursor !== undefined && (!Number.isInteger(cursor) || (cursor as number) < 0)) fail(badRequest('cursor must be a whole number'));
  if (answer !== undefined && typeof answer !== 'string') fail(badRequest('answer must be a string'));
  return { argv: argv as string[], ...(stdin !== undefined ? { stdin } : {}), ...(cursor !== undefined ? { cursor: cursor as number } : {}), ...(interactive === true ? { interactive: true } : {}), ...(answer !== undefined ? { answer } : {}) };
}

const OPS = ['stat', 'read', 'list', 'details', 'write', 'append', 'mkdir', 'remove', 'rename'];

function fsRequest(body: Record<string, unknown>): FsRequest {
  const { op, path } = body;
  if (typeof op !== 'string' || !OPS.includes(op)) fail(badRequest(`op must be one of ${OPS.join(', ')}`));
  if (typeof path !== 'string' || !path.startsWith('/')) fail(badRequest('path must be an absolute path'));
  if ((op === 'write' || op === 'append') && typeof body['text'] !== 'string') fail(badRequest('text is required'));
  if (op === 'rename' && (typeof body['to'] !== 'string' || !(body['to'] as string).startsWith('/'))) fail(badRequest('to must be an absolute path'));
  return { ...body, op, path } as FsRequest;
}

/**
 * Answers one request of the node endpoints (`body`: the decoded JSON object of a POST);
 * `parseYaml` lets the kubelet read YAML manifests (without it, JSON only).
 */
export async function nodeApi(host: NodesHost, method: string, path: string, body: unknown, parseYaml?: (text: string) => unknown[]): Promise<NodeApiAnswer> {
  try {
    const [name, verb, ...extra] = path.slice('/lab/v1/nodes'.length).split('/').filter(Boolean).map((p) => decodeURIComponent(p));
    if (name === undefined) {
      if (method !== 'GET') fail(methodNotAllowed());
      return { status: 200, body: { items: host.machines.map((m) => ({ name: m.name, internalIP: m.spec.internalIP, controlPlane: m.spec.controlPlane, kernel: m.kernel, joined: m.joined, kubelet: m.units.get('kubelet.service')?.active ?? 'inactive' })) } };
    }
    const machine = host.machine(name);
    if (!machine) fail(notFound({ group: '', resource: 'nodes' }, name));
    if (extra.length > 0 || (verb !== 'exec' && verb !== 'fs')) fail(pathNotFound());
    if (method !== 'POST') fail(methodNotAllowed());
    if (body === null || typeof body !== 'object' || Array.isArray(body)) fail(badRequest('the body must be a JSON object'));
    if (parseYaml) machine.parseYaml ??= parseYaml;
    const b = body as Record<string, unknown>;
    return { status: 200, body: verb === 'exec' ? await runOnNode(machine, command(b)) : await nodeFs(machine, fsRequest(b)) };
  } catch (e) {
    const status = (e as { status?: Status }).status;
    if (status && typeof status.code === 'number') return { status: status.code, body: status };
    throw e;
  }
}
