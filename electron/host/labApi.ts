/**
 * The lab API (`/lab/v1/...`): what the renderer, the shell's lab commands and the `kubelab`
 * command line use besides the Kubernetes API — lessons, the scheduler's explanations, the
 * clock, the components and their faults, the trace stream. Contract: CONTRACT.md.
 */
import { shapeProblems, type ClusterShape } from '../../core/shape';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseGoDuration, rfc3339 } from '../../core/api/duration';
import { badRequest, methodNotAllowed, notFound, pathNotFound, type Status } from '../../core/api/status';
import { MAX_SPEED, MIN_SPEED, type LabClock } from '../../core/clock/clock';
import type { Cluster } from '../../core/cluster';
import type { ActiveCluster } from './activeCluster';
import { ClusterError } from './clusters';
import { SnapshotError } from './snapshots';
import { inspectSnapshot, openSnapshot, saveSnapshot } from './snapshotOps';
import { MAX_SNAPSHOT_BYTES } from './snapshots';
import { readBodyBytes } from './apiAdapter';
import { FaultError, parseFault } from '../../core/faults';
import { decodePath, readBody, sendJson, sendStatus } from './apiAdapter';
import { isLessonsPath, serveLessonsApi } from './lessonsApi';
import { isNodesPath, serveNodesApi } from './nodesApi';

/** What the lab API serves. */
export interface LabApiContext {
  active: ActiveCluster;
  /** The KubeLab version (written into snapshots). */
  version: string;
  info: () => unknown;
}

/** The clock's state as the lab API returns it. */
export function clockState(clock: LabClock): { time: string; virtual: number; speed: number; paused: boolean } {
  const s = clock.state();
  return { time: rfc3339(s.virtual), ...s };
}

class LabApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
}

function bad(message: string): never {
  throw new LabApiError(badRequest(message).status);
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type !== 'application/json') bad('the lab API takes application/json bodies');
  const text = await readBody(req, 64 * 1024);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    bad('the body is not valid JSON');
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) bad('the body must be a JSON object');
  return v as Record<string, unknown>;
}

/** Acts on the clock: `{action: pause|resume|speed|step, speed?: number, duration?: "30s"}`. */
export function clockAction(clock: LabClock, body: Record<string, unknown>): void {
  switch (body.action) {
    case 'pause':
      clock.pause();
      return;
    case 'resume':
      clock.resume();
      return;
    case 'speed': {
      const speed = typeof body.speed === 'number' ? body.speed : typeof body.speed === 'string' ? Number(body.speed.replace(/x$/i, '')) : NaN;
      if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) bad(`speed must be a number from ${MIN_SPEED} to ${MAX_SPEED}`);
      clock.setSpeed(speed);
      return;
    }
    case 'step': {
      const ms = typeof body.duration === 'string' ? parseGoDuration(body.duration) : undefined;
      if (ms === undefined || ms <= 0) bad('duration must be a positive duration such as "30s", "5m" or "1h30m"');
      if (ms > 24 * 3_600_000) bad('a step may be at most 24h');
      clock.step(ms);
      return;
    }
    default:
      bad('action must be one of: pause, resume, speed, step');
  }
}

/** Applies a fault: `{kind: node|component|image|memory, name, action}` (see core/faults.ts FaultRequest). */
export async function faultAction(cluster: Cluster, body: Record<string, unknown>): Promise<void> {
  try {
    await cluster.applyFault(parseFault(body));
  } catch (e) {
    if (!(e instanceof FaultError)) throw e;
    if (e.notFound) throw new LabApiError(notFound({ group: '', resource: 'nodes' }, String(body.name)).status);
    bad(e.message);
  }
}

/** Serves one lab API request (authenticated by the caller). */
export async function serveLabApi(ctx: LabApiContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const { active } = ctx;
  try {
    if (path === '/lab/v1/clusters' || path.startsWith('/lab/v1/clusters/')) return await clustersApi(active, req, res, path, method);
    if (isNodesPath(path)) return await serveNodesApi(active.cluster, req, res, path, method);
    if (path.startsWith('/lab/v1/snapshots/')) return await snapshotsApi(ctx, req, res, url, method);
    if (path === '/lab/v1/info' && method === 'GET') return sendJson(res, 200, ctx.info());
    if (isLessonsPath(path)) return await serveLessonsApi(active, req, res, path, method);
    if (path.startsWith('/lab/v1/scheduler/explain/') && method === 'GET') {
      const key = decodePath(path.slice('/lab/v1/scheduler/explain/'.length));
      if (key === undefined) bad('invalid URL escape in the request path');
      const e = active.cluster.scheduler.explain(key);
      return e ? sendJson(res, 200, e) : sendStatus(res, pathNotFound().status);
    }
    if (path === '/lab/v1/clock') {
      if (method === 'POST') clockAction(active.clock, await jsonBody(req));
      else if (method !== 'GET') throw new LabApiError(methodNotAllowed().status);
      return sendJson(res, 200, clockState(active.clock));
    }
    if (path === '/lab/v1/components' && method === 'GET') return sendJson(res, 200, active.cluster.components());
    if (path === '/lab/v1/faults' && method === 'POST') {
      await faultAction(active.cluster, await jsonBody(req));
      return sendJson(res, 200, active.cluster.components());
    }
    if (path === '/lab/v1/trace' && method === 'GET') {
      const since = Number(url.searchParams.get('since') ?? '0');
      if (!Number.isInteger(since) || since < 0) bad('since must be a sequence number');
      return sendJson(res, 200, { items: active.cluster.trace.since(since) });
    }
    if (['/lab/v1/info', '/lab/v1/lessons', '/lab/v1/components', '/lab/v1/faults', '/lab/v1/trace'].includes(path)) throw new LabApiError(methodNotAllowed().status);
    sendStatus(res, pathNotFound().status);
  } catch (e) {
    if (e instanceof LabApiError) return sendStatus(res, e.status);
    if (e instanceof ClusterError) return sendStatus(res, clusterStatus(e));
    if (e instanceof SnapshotError) return sendStatus(res, badRequest(e.message).status);
    if ((e as { status?: Status }).status) return sendStatus(res, (e as { status: Status }).status);
    throw e;
  }
}

function clusterStatus(e: ClusterError): Status {
  const reason = e.code === 404 ? 'NotFound' : e.code === 409 ? 'Conflict' : 'BadRequest';
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: e.message, reason, code: e.code };
}

/**
 * `/lab/v1/clusters`: GET lists; POST `{name, nodes?, seed?}` creates; `POST .../NAME/use`
 * switches; `POST .../NAME/reset` resets; `POST .../NAME/rename {to}`; `DELETE .../NAME`.
 */
async function clustersApi(active: ActiveCluster, req: IncomingMessage, res: ServerResponse, path: string, method: string): Promise<void> {
  const rest = path.slice('/lab/v1/clusters'.length).split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const [name, verb, ...extra] = rest;
  if (extra.length > 0) return sendStatus(res, pathNotFound().status);
  const list = () => sendJson(res, 200, { items: active.list() });
  if (name === undefined) {
    if (method === 'GET') return list();
    if (method !== 'POST') throw new LabApiError(methodNotAllowed().status);
    const body = await jsonBody(req);
    const nodes = body.nodes ?? 2;
    const seed = body.seed ?? 1;
    if (typeof body.name !== 'string') bad('name is required');
    if (typeof nodes !== 'number' || typeof seed !== 'number') bad('nodes and seed must be numbers');
    const shape = body.shape;
    if (shape !== undefined) {
      const problems = shapeProblems(shape);
      if (problems.length > 0) bad(`invalid cluster shape: ${problems.join('; ')}`);
    }
    if (body.empty !== undefined && typeof body.empty !== 'boolean') bad('empty must be true or false');
    const meta = await active.create({ name: body.name, workers: nodes, seed, ...(shape !== undefined ? { shape: shape as ClusterShape } : {}), ...(body.empty === true ? { empty: true } : {}) });
    return sendJson(res, 201, { ...meta, current: false });
  }
  if (verb === undefined) {
    if (method === 'GET') return sendJson(res, 200, { ...active.dirs.meta(name), current: name === active.name });
    if (method !== 'DELETE') throw new LabApiError(methodNotAllowed().status);
    await active.delete(name);
    return list();
  }
  if (method !== 'POST') throw new LabApiError(methodNotAllowed().status);
  if (verb === 'use') await active.use(name);
  else if (verb === 'reset') await active.reset(name);
  else if (verb === 'rename') {
    const body = await jsonBody(req);
    if (typeof body.to !== 'string') bad('to is required');
    await active.rename(name, body.to);
  } else return sendStatus(res, pathNotFound().status);
  return list();
}

/**
 * `/lab/v1/snapshots/save` (POST `{cluster?, title?, description?, author?, lesson?, step?}` →
 * the `.kubelab` file), `/lab/v1/snapshots/open?as=NAME&use=true` (POST the file → the new
 * cluster), `/lab/v1/snapshots/inspect` (POST the file → what it holds).
 */
async function snapshotsApi(ctx: LabApiContext, req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<void> {
  if (method !== 'POST') throw new LabApiError(methodNotAllowed().status);
  const what = url.pathname.slice('/lab/v1/snapshots/'.length);
  if (what === 'save') {
    const b = await jsonBody(req);
    const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : undefined);
    const { bytes, metadata } = await saveSnapshot(ctx.active, { cluster: str('cluster'), title: str('title'), description: str('description'), author: str('author'), lesson: str('lesson'), step: typeof b.step === 'number' ? b.step : undefined }, ctx.version);
    const file = `${metadata.title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cluster'}.kubelab`;
    res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': bytes.byteLength, 'content-disposition': `attachment; filename="${file}"`, 'cache-control': 'no-store' });
    res.end(bytes);
    return;
  }
  if (what !== 'open' && what !== 'inspect') return sendStatus(res, pathNotFound().status);
  const bytes = await readBodyBytes(req, MAX_SNAPSHOT_BYTES);
  if (what === 'inspect') return sendJson(res, 200, inspectSnapshot(bytes));
  const as = url.searchParams.get('as') ?? undefined;
  const opened = await openSnapshot(ctx.active, bytes, as, url.searchParams.get('use') === 'true');
  return sendJson(res, 201, opened);
}
