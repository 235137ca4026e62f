/**
 * The lab API's node endpoints over HTTP (`/lab/v1/nodes...`): the machines of the running
 * cluster, a command run on one (what the bundled shell's `ssh NODE` session sends: systemctl,
 * journalctl, crictl, kubeadm, ps...), and one's files. The endpoints themselves are
 * core/node/api.ts; this file reads the JSON body and brings the YAML library the kubelet's
 * manifest reader uses. Contract: CONTRACT.md ("Nodes").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseAllDocuments } from 'yaml';
import { badRequest, type Status } from '../../core/api/status';
import type { Cluster } from '../../core/cluster';
import { nodeApi } from '../../core/node/api';
import { readBody, sendJson, sendStatus } from './apiAdapter';

export { isNodesPath } from '../../core/node/api';

/** The largest body (a file written to a node: a manifest, a config file). */
const MAX_BODY = 4 * 1024 * 1024;

/** Every document of a YAML stream (the kubelet reads static pod manifests as YAML or JSON). */
function parseYaml(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length > 0) throw new Error(d.errors[0]?.message ?? 'invalid YAML');
    return d.toJS() as unknown;
  });
}

/** Serves `GET /lab/v1/nodes`, `POST /lab/v1/nodes/NAME/exec` and `POST /lab/v1/nodes/NAME/fs`. */
export async function serveNodesApi(cluster: Cluster, req: IncomingMessage, res: ServerResponse, path: string, method: string): Promise<void> {
  let body: unknown;
  if (method === 'POST') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
    if (type !== 'application/json') return sendStatus(res, badRequest('the lab API takes application/json bodies').status);
    let text: string;
    try {
      text = await readBody(req, MAX_BODY);
    } catch (e) {
      return sendStatus(res, (e as { status?: Status }).status ?? badRequest((e as Error).message).status);
    }
    try {
      body = JSON.parse(text);
    } catch {
      return sendStatus(res, badRequest('the body is not valid JSON').status);
    }
  }
  const answer = await nodeApi(cluster, method, path, body, parseYaml);
  sendJson(res, answer.status, answer.body);
}
