/**
 * The API server: authenticated requests in, responses or watch streams out. Routing and
 * content negotiation live here; the verbs live in `rest.ts` and `watch.ts`.
 */
import { StatusError, badRequest, internalError, methodNotAllowed, notAcceptable, pathNotFound } from '../api/status';
import { SchemaRegistry } from '../api/schema/dsl';
import { apiSchemas } from '../api/schema/index';
import { decodeProtobufBody, isProtobufMediaType } from '../api/protobuf/envelope';
import type { Clock } from '../clock/clock';
import type { Random } from '../clock/random';
import type { Store } from '../storage/store';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery';
import { Registry, type ResourceDef } from './registry';
import { patchResource } from './patchVerb';
import { openapiResponse } from './openapi';
import { negotiate, parseResourcePath, unwatchedPath, type ApiRequest, type ApiResponse, type ResourcePath } from './request';
import { healthResponse } from './health';
import { parseListOptions } from './listOptions';
import { RestHandler, indexField, type RestOptions, type UnknownFieldsFn, type WriteResult } from './rest';
import { AdmissionChain, STANDALONE_ADMISSION } from './admission/chain';
import { Auth } from './auth/auth';
import { EventTtl } from './eventTtl';
import { getScale, updateScale } from './scale';
import { BUILTIN_RESOURCES } from './resources/index';
import { componentStatusesResource, type ComponentHealth } from './resources/componentstatuses';
import { ApiExtensions, createRefused } from './crd/apiextensions';
import { writeOptions } from './writeOptions';
import { evictPod } from './eviction';
import { aggregatedDiscovery } from './aggregatedDiscovery';
import { podLogResponse, type NodeKubelets } from './podLogs';
import { remoteCommandResponse } from './remoteCommand';
import type { UsageSource } from '../metrics/types';
import type { Node, Pod } from '../api/types';
import { MetricsApi } from './metrics/metricsApi';
import { nodeMetricsResource, podMetricsResource } from './metrics/resources';

/** What the API server is built from. */
export interface ApiServerOptions {
  store: Store;
  clock: Clock;
  random: Random;
  /** The API types (strategic merge metadata, server-side apply); default: every built-in type (`apiSchemas()`). */
  schemas?: SchemaRegistry;
  /** Unknown-field detection for `fieldValidation` (core/api/schema/fields.ts `unknownFields`). */
  unknownFields?: UnknownFieldsFn;
  /** The health of the control plane's components, for componentstatuses (default: all healthy). */
  componentHealth?: () => ComponentHealth;
  /** The admission plugins enabled (admission/chain.ts); default `STANDALONE_ADMISSION`. */
  admission?: readonly string[];
  /**
   * What the kubelets report of their containers' usage, for `metrics.k8s.io` (in a real
   * cluster metrics-server serves it as an aggregated API; here the API server answers it in
   * process: metrics/metricsApi.ts). Absent: that API answers 503, as an unavailable APIService.
   */
  usage?: UsageSource;
  /** The kubelet of a node, for pods/log (as kube-apiserver reaches each node's kubelet); none: logs are refused. */
  nodes?: NodeKubelets;
}

/** The registry of the built-in resources. */
export function builtinRegistry(): Registry {
  const registry = new Registry();
  for (const def of BUILTIN_RESOURCES) registry.add(def);
  return registry;
}

function json(status: number, body: unknown): ApiResponse {
  return { status, headers: { 'content-type': 'application/json' }, body };
}

/** The response of a Status error, with `Retry-After` when it says when to retry (429 of an eviction). */
function statusResponse(e: StatusError): ApiResponse {
  const res = json(e.code, e.status);
  const after = e.status.details?.retryAfterSeconds ?? 0;
  if (after > 0) res.headers['retry-after'] = String(after);
  return res;
}

/** The response of a write, with one `Warning` header per warning. */
function written(r: WriteResult): ApiResponse {
  const res = json(r.code, r.body);
  if (r.warnings.length > 0) res.headers['warning'] = r.warnings.map((t) => `299 - ${JSON.stringify(t)}`);
  return res;
}

/** The Kubernetes API server, minus the sockets. */
export class ApiServer {
  readonly registry: Registry;
  private readonly rest: RestHandler;
  /** Custom resources: served from the stored CRDs (crd/). */
  readonly extensions: ApiExtensions;
  /** Impersonation and authorization of every request, and the review resources (auth/). */
  readonly auth: Auth;
  /** The expiry of events after an hour. */
  readonly eventTtl: EventTtl;
  /** `metrics.k8s.io/v1beta1`, served in process (aggregated through metrics-server in a real cluster). */
  readonly metrics: MetricsApi;

  private readonly nodes: NodeKubelets | undefined;
  private readonly store: Store;

  constructor(options: ApiServerOptions) {
    this.registry = builtinRegistry();
    this.nodes = options.nodes;
    this.store = options.store;
    if (options.componentHealth) this.registry.add(componentStatusesResource(options.componentHealth));
    // The API types, joined by the kinds of the custom resources as their CRDs come and go.
    const schemas = new SchemaRegistry();
    schemas.add(...(options.schemas ?? apiSchemas()).all());
    const restOptions: RestOptions = { schemas };
    if (options.unknownFields) restOptions.unknownFields = options.unknownFields;
    restOptions.admission = new AdmissionChain(options.admission ?? STANDALONE_ADMISSION, { store: options.store, now: () => options.clock.now(), random: options.random });
    this.auth = new Auth(options.store);
    this.eventTtl = new EventTtl(options.store, options.clock, this.registry.all());
    this.rest = new RestHandler(options.store, { now: () => options.clock.now(), random: options.random }, restOptions);
    // Pods by node, as the watch cache indexes them: each kubelet lists its own, the scheduler the unbound ones.
    indexField(options.store, this.registry.get('', 'v1', 'pods') as ResourceDef, 'spec.nodeName', (o) => (o as Pod).spec?.nodeName ?? '');
    this.extensions = new ApiExtensions(options.store, this.registry, schemas, this.rest);
    // The resource metrics API, advertised in discovery as the aggregator advertises metrics-server's
    // APIService once it is available; without a usage source its requests answer 503.
    if (options.usage) {
      this.registry.add(nodeMetricsResource);
      this.registry.add(podMetricsResource);
    }
    const podsDef = this.registry.get('', 'v1', 'pods') as ResourceDef;
    const nodesDef = this.registry.get('', 'v1', 'nodes') as ResourceDef;
    this.metrics = new MetricsApi({
      ...(options.usage ? { usage: options.usage } : {}),
      now: () => options.clock.now(),
      pods: (ns) => this.rest.storeOf(podsDef).list(Registry.keyPrefix(podsDef, ns)).items as Pod[],
      nodes: () => this.rest.storeOf(nodesDef).list(Registry.keyPrefix(nodesDef)).items as Node[],
    });
  }

  /** Handles one request. Never throws: every failure becomes a `Status` response. */
  async handle(req: ApiRequest): Promise<ApiResponse> {
    try {
      const res = this.route(this.auth.admit(req));
      if (req.method !== 'GET' && req.path.includes('/rbac.authorization.k8s.io/')) this.auth.invalidate();
      return res;
    } catch (e) {
      if (e instanceof StatusError) return statusResponse(e);
      // A request nested deeper than the walks can follow is the request's fault, as kube's
      // decoder refuses documents beyond its maximum depth.
      if (e instanceof RangeError) return json(400, badRequest('the object provided is unrecognized (exceeded max depth)').status);
      const message = e instanceof Error ? e.message : String(e);
      const err = internalError(message);
      return json(500, err.status);
    }
  }

  private route(req: ApiRequest): ApiResponse {
    const path = req.path.length > 1 && req.path.endsWith('/') ? req.path.slice(0, -1) : req.path;
    this.extensions.sync();
    const health = healthResponse(path, req.query);
    if (health) return health;
    if (path.startsWith('/openapi')) {
      const r = openapiResponse(path, req.query, req.headers['accept'], { resources: this.registry.all(), protobuf: true, extraDefinitions: this.extensions.definitions() });
      if (r) return r;
    }
    if (MetricsApi.owns(path)) {
      const metrics = this.metrics.route(req, path);
      if (metrics) return metrics;
    }
    const discovery = this.discovery(path);
    if (discovery !== undefined) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed();
      return aggregatedDiscovery(path, req.headers['accept'], this.registry) ?? json(200, discovery);
    }
    const watchPath = unwatchedPath(path);
    if (watchPath !== undefined) return this.deprecatedWatch(req, watchPath);
    const rp = parseResourcePath(path);
    if (!rp) throw pathNotFound();
    const def = this.registry.get(rp.group, rp.version, rp.resource);
    if (!def) throw pathNotFound();
    if (rp.namespace !== undefined && !def.namespaced) throw pathNotFound();
    if (rp.subresource && !def.subresources.includes(rp.subresource)) throw pathNotFound();
    const neg = negotiate(req.headers['accept'], req.query['includeObject']);
    if (neg.as === 'unacceptable') throw notAcceptable(`only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
    const res = this.dispatch(req, def, rp.namespace, rp.name, rp.subresource, neg);
    // A deprecated resource warns on every response (componentstatuses).
    if (def.warning) res.headers['warning'] = [def.warning, ...[res.headers['warning'] ?? []].flat()];
    return res;
  }

  private dispatch(req: ApiRequest, def: ResourceDef, namespace: string | undefined, name: string | undefined, sub: string | undefined, neg: ReturnType<typeof negotiate>): ApiResponse {
    const table = neg.as === 'table' ? { include: neg.include } : undefined;
    const m = req.method;
    const review = this.auth.review(def, m, namespace, () => parseBody(req), req.user);
    if (review) return json(review.code, review.body);
    // A verb the resource does not serve has no route (405), as in kube-apiserver's installer.
    const verb = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: name === undefined ? 'deletecollection' : 'delete' }[m];
    if (verb && sub === undefined && !def.verbs.includes(verb)) throw methodNotAllowed();
    if (m === 'POST' && name === undefined && def.createRefusal) throw createRefused(def);
    if (this.extensions.isCrdDelete(def, m, sub)) return written(this.extensions.deleteCrd(name, optionalBody(req), req.query));
    if (name === undefined) {
      if (m === 'GET') {
        const opts = parseListOptions(req.query);
        if (opts.watch && !def.verbs.includes('watch')) throw methodNotAllowed();
        if (opts.watch) return { status: 200, headers: { 'content-type': 'application/json' }, stream: this.rest.watch(def, namespace, req.query, table, opts) };
        return json(200, this.rest.list(def, namespace, req.query, table, opts));
      }
      if (m === 'POST') return written(this.rest.create(def, namespace, parseBody(req), req));
      if (m === 'DELETE') return written(this.rest.deleteCollection(def, namespace, optionalBody(req), req.query));
      throw methodNotAllowed();
    }
    if (sub === 'binding') {
      if (m !== 'POST') throw methodNotAllowed();
      return json(201, this.rest.bind(def, namespace, name, parseBody(req)));
    }
    if (sub === 'eviction') {
      if (m !== 'POST') throw methodNotAllowed();
      return written(evictPod(this.rest, def, namespace, name, parseBody(req), req));
    }
    if (sub === 'log') {
      if (m !== 'GET') throw methodNotAllowed();
      const pod = this.rest.get(def, namespace, name, undefined, {}) as Pod;
      return podLogResponse(pod, req.query, this.nodes, this.nodeIP);
    }
    if (sub === 'exec' || sub === 'attach') {
      // Connect verbs: GET (a WebSocket) or POST (SPDY).
      if (m !== 'GET' && m !== 'POST') throw methodNotAllowed();
      const pod = this.rest.get(def, namespace, name, undefined, {}) as Pod;
      return remoteCommandResponse(sub, pod, req, (node) => this.nodes?.(node), this.nodeIP);
    }
    if (sub === 'scale') {
      if (m === 'GET') return json(200, getScale(this.rest, def, namespace, name));
      if (m === 'PUT') return written(updateScale(this.rest, def, namespace, name, parseBody(req), writeOptions('UpdateOptions', req.query, req.headers)));
      if (m === 'PATCH') return written(patchResource(this.rest, def, namespace, name, sub, req));
      throw methodNotAllowed();
    }
    if (sub === 'status' || sub === 'finalize') {
      if (m === 'GET' && sub === 'status') return json(200, this.rest.get(def, namespace, name, table, req.query));
      if (m === 'PUT') return written(this.rest.updateSubresource(def, namespace, name, sub, parseBody(req), req));
      if (m === 'PATCH' && sub === 'status') return written(patchResource(this.rest, def, namespace, name, sub, req));
      throw methodNotAllowed();
    }
    if (m === 'GET') return json(200, this.rest.get(def, namespace, name, table, req.query));
    if (m === 'PUT') return written(this.rest.update(def, namespace, name, parseBody(req), req));
    if (m === 'PATCH') return written(patchResource(this.rest, def, namespace, name, undefined, req));
    if (m === 'DELETE') return written(this.rest.delete(def, namespace, name, optionalBody(req), req.query));
    throw methodNotAllowed();
  }

  /** A node's InternalIP (the address kube-apiserver dials its kubelet at). */
  private readonly nodeIP = (node: string): string => (this.store.get(`/registry/core/nodes/${node}`) as Node | undefined)?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? node;

  /**
   * GET of a deprecated `/watch/` path: a watch of the collection, or of one object by name (its
   * name joins the field selector, as kube-apiserver's ListResource does).
   */
  private deprecatedWatch(req: ApiRequest, path: string): ApiResponse {
    const rp: ResourcePath | undefined = parseResourcePath(path);
    const def = rp && this.registry.get(rp.group, rp.version, rp.resource);
    if (!rp || !def || rp.subresource !== undefined || (rp.namespace !== undefined && !def.namespaced) || !def.verbs.includes('watch')) throw pathNotFound();
    if (req.method !== 'GET') throw methodNotAllowed();
    const neg = negotiate(req.headers['accept'], req.query['includeObject']);
    if (neg.as === 'unacceptable') throw notAcceptable(`only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
    const query = { ...req.query };
    if (rp.name !== undefined) query['fieldSelector'] = [query['fieldSelector'], `metadata.name=${rp.name}`].filter((s) => s).join(',');
    const opts = parseListOptions(query, true);
    const table = neg.as === 'table' ? { include: neg.include } : undefined;
    const res: ApiResponse = { status: 200, headers: { 'content-type': 'application/json' }, stream: this.rest.watch(def, rp.namespace, query, table, opts) };
    if (def.warning) res.headers['warning'] = def.warning;
    return res;
  }

  private discovery(path: string): unknown {
    if (path === '/version') return versionInfo();
    if (path === '/api') return apiVersions();
    if (path === '/apis') return apiGroupList(this.registry);
    const m = path.match(/^\/(api|apis\/([^/]+))(?:\/([^/]+))?$/);
    if (!m) return undefined;
    if (m[1] === 'api') return m[3] ? apiResourceList(this.registry, '', m[3]) : undefined;
    const group = m[2] as string;
    return m[3] ? apiResourceList(this.registry, group, m[3]) : apiGroup(this.registry, group);
  }
}

/**
 * Parses a JSON body, or decodes a Kubernetes protobuf one (`bodyBytes`); a 400 Status for
 * anything that is not an object.
 */
export function parseBody(req: ApiRequest): Record<string, unknown> {
  if (req.bodyBytes && isProtobufMediaType(req.headers['content-type'])) return decodeProtobufBody(req.bodyBytes, apiSchemas());
  const text = req.body ?? '';
  if (text.trim() === '') throw badRequest('the body of the request was empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw badRequest(`the object provided is unrecognized (${e instanceof Error ? e.message : 'invalid JSON'})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest('the object provided is unrecognized: expected a JSON object');
  return value as Record<string, unknown>;
}

/** The body of a DELETE, if any (DeleteOptions). */
function optionalBody(req: ApiRequest): Record<string, unknown> | undefined {
  return (req.body && req.body.trim() !== '') || (req.bodyBytes && req.bodyBytes.length > 0) ? parseBody(req) : undefined;
}
