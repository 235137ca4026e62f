/**
 * `/openapi/v2` and `/openapi/v3`: the API's schema documents, generated from the schema DSL
 * (core/api/schema) and the served resources, as kube-apiserver publishes them.
 *
 * - `/openapi/v2`: one Swagger 2.0 document; JSON, or gnostic protobuf (what client-go asks
 *   for) when `protobuf` is enabled; otherwise 406 so that a protobuf-only client gets a Status.
 * - `/openapi/v3`: the index `{"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=H"}}}`
 *   and one OpenAPI 3.0 document per group/version. A request with a stale `hash` is redirected
 *   (301) to the current one, as kube-apiserver does.
 *
 * Documents are built once per set of resources and definitions and then served from a cache.
 */
import { notAcceptable, pathNotFound } from '../api/status';
import { SchemaRegistry, type Definition } from '../api/schema/dsl';
import { apiSchemas } from '../api/schema/index';
import { closure, definitionToOpenApi, type JsonObject, type OpenApiFlavor } from '../api/schema/openapi';
import { discoveryPath, groupVersionPrefix, resourcePaths, type PathResource } from '../api/schema/openapi-paths';
import { encodeSwaggerProto } from '../api/schema/swagger-proto';
import type { ResourceDef } from './registry';
import { BUILTIN_RESOURCES } from './resources/index';

/** The protobuf media type of the OpenAPI v2 document. */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

/** The served resources, as far as the OpenAPI documents need them. */
export type OpenApiResource = Pick<ResourceDef, 'group' | 'version' | 'resource' | 'kind' | 'namespaced' | 'verbs' | 'subresources'> & {
  schemaName?: string;
  /** A custom resource (no strategic merge patch, as `strategicMerge: false`). */
  custom?: boolean;
  /** False for custom resources (no strategic merge patch); true when absent. */
  strategicMerge?: boolean;
};

/** What the documents are built from. */
export interface OpenApiOptions {
  /** The served resources (default: the built-in resources). */
  resources?: readonly OpenApiResource[];
  /** More definitions, e.g. those of the kinds served by CustomResourceDefinitions. */
  extraDefinitions?: readonly Definition[];
  /** Answer `/openapi/v2` in protobuf when asked (the adapter must then write `Uint8Array` bodies as bytes). */
  protobuf?: boolean;
  /**
   * Whether write operations advertise the `fieldValidation` parameter (default true, as a real
   * 1.32 server): kubectl then leaves unknown-field checks to the server (`fieldValidation=Strict`);
   * when false, kubectl validates client-side against `/openapi/v2` (which needs `protobuf`).
   */
  serverFieldValidation?: boolean;
}

/** An answer of the OpenAPI endpoints; `body` is a JSON value, or bytes for protobuf. */
export interface OpenApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** FNV-1a, 64 bits, over the UTF-16 code units of `text`, as 16 upper-case hex digits. */
export function fnv1a64(text: string): string {
  // A stable content hash for the `hash=` of the v3 index and the ETag. kube-apiserver uses
  // SHA-512; any stable hash works for clients, and core/ must stay free of libraries and of
  // Node's crypto, so this small one is written here.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i);
    // Multiply the 64-bit (hi, lo) by the FNV prime 2^40 + 0x1b3, in 16-bit pieces.
    const l0 = lo & 0xffff;
    const l1 = lo >>> 16;
    const h0 = hi & 0xffff;
    const h1 = hi >>> 16;
    let t0 = l0 * 0x1b3;
    let t1 = l1 * 0x1b3 + (t0 >>> 16);
    let t2 = h0 * 0x1b3 + (t1 >>> 16) + (l0 << 8);
    const t3 = h1 * 0x1b3 + (t2 >>> 16) + (l1 << 8);
    t0 &= 0xffff;
    t1 &= 0xffff;
    t2 &= 0xffff;
    lo = ((t1 << 16) | t0) >>> 0;
    hi = (((t3 & 0xffff) << 16) | t2) >>> 0;
  }
  return (hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0')).toUpperCase();
}

interface Built {
  v2: JsonObject;
  v2Json: string;
  v2Hash: string;
  v2Proto?: Uint8Array;
  /** Per group/version path (`api/v1`, `apis/apps/v1`): the document and its hash. */
  v3: Map<string, { doc: JsonObject; hash: string }>;
}

function pathResource(r: OpenApiResource, registry: SchemaRegistry): PathResource | undefined {
  const kindDef = (r.schemaName && registry.get(r.schemaName)) || registry.forKind(r.group, r.version, r.kind);
  if (!kindDef) return undefined;
  const listDef = registry.forKind(r.group, r.version, `${r.kind}List`);
  return {
    group: r.group,
    version: r.version,
    resource: r.resource,
    kind: r.kind,
    namespaced: r.namespaced,
    verbs: r.verbs,
    subresources: r.subresources,
    schemaName: kindDef.name,
    ...(listDef ? { listSchemaName: listDef.name } : {}),
    strategicMerge: r.strategicMerge !== false && r.custom !== true,
  };
}

/** Every `$ref` target named in a JSON value. */
function refsIn(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.add(v.slice(v.lastIndexOf('/') + 1));
      else refsIn(v, into);
    }
  }
}

function sortedObject<T>(entries: [string, T][]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = v;
  return out;
}

function buildPaths(resources: PathResource[], flavor: OpenApiFlavor, fieldValidation: boolean, gv?: { group: string; version: string }): Record<string, JsonObject> {
  const entries: [string, JsonObject][] = [];
  const gvs = new Map<string, { group: string; version: string }>();
  for (const r of resources) {
    if (gv && (r.group !== gv.group || r.version !== gv.version)) continue;
    gvs.set(`${r.group}/${r.version}`, r);
    entries.push(...Object.entries(resourcePaths(r, flavor, { fieldValidation })));
  }
  for (const g of gvs.values()) entries.push(...Object.entries(discoveryPath(g.group, g.version, flavor)));
  return sortedObject(entries);
}

function definitionsFor(registry: SchemaRegistry, paths: Record<string, JsonObject>, flavor: OpenApiFlavor, always: string[]): JsonObject {
  const roots = new Set<string>(always);
  refsIn(paths, roots);
  const out: JsonObject = {};
  for (const d of closure(registry, roots).definitions) out[d.name] = definitionToOpenApi(d, flavor);
  return out;
}

const ALWAYS = ['io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', 'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent'];

/** Builds the v2 document and the v3 documents of the given resources and definitions. */
export function buildOpenApi(registry: SchemaRegistry, resources: readonly OpenApiResource[], fieldValidation = true): { v2: JsonObject; v3: Map<string, JsonObject> } {
  const served = resources.map((r) => pathResource(r, registry)).filter((r): r is PathResource => r !== undefined);
  const v2Paths = buildPaths(served, 'v2', fieldValidation);
  const v2: JsonObject = {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: v2Paths,
    definitions: definitionsFor(registry, v2Paths, 'v2', ALWAYS),
  };
  const v3 = new Map<string, JsonObject>();
  const gvs = new Map<string, { group: string; version: string }>();
  for (const r of served) gvs.set(`${r.group}/${r.version}`, r);
  for (const gv of gvs.values()) {
    const paths = buildPaths(served, 'v3', fieldValidation, gv);
    const doc: JsonObject = {
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: 'v1.32.0' },
      paths,
      components: { schemas: definitionsFor(registry, paths, 'v3', ALWAYS) },
    };
    v3.set(groupVersionPrefix(gv.group, gv.version).slice(1), doc);
  }
  return { v2, v3 };
}

let cache: { key: string; built: Built } | undefined;

function registryWith(extra: readonly Definition[]): SchemaRegistry {
  if (extra.length === 0) return apiSchemas();
  const registry = new SchemaRegistry();
  registry.add(...apiSchemas().all(), ...extra);
  return registry;
}

function built(options: OpenApiOptions): Built {
  const resources: readonly OpenApiResource[] = options.resources ?? BUILTIN_RESOURCES;
  const extra = options.extraDefinitions ?? [];
  const fieldValidation = options.serverFieldValidation !== false;
  const key = JSON.stringify([fieldValidation, resources.map((r) => [r.group, r.version, r.resource, r.kind, r.namespaced, r.verbs, r.subresources, r.schemaName ?? '', r.strategicMerge ?? true, r.custom ?? false]), extra]);
  if (cache?.key === key) return cache.built;
  const { v2, v3 } = buildOpenApi(registryWith(extra), resources, fieldValidation);
  const v2Json = JSON.stringify(v2);
  const b: Built = { v2, v2Json, v2Hash: fnv1a64(v2Json), v3: new Map() };
  for (const [path, doc] of v3) b.v3.set(path, { doc, hash: fnv1a64(JSON.stringify(doc)) });
  cache = { key, built: b };
  return b;
}

type Wanted = 'json' | 'protobuf' | undefined;

/** Which representation an Accept header asks for, first acceptable entry first. */
export function negotiateOpenApi(accept: string | undefined, protobufType: string, protobuf: boolean): Wanted {
  if (!accept || !accept.trim()) return 'json';
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (params.some((p) => /^q=0(\.0*)?$/.test(p))) continue;
    if (type === protobufType) {
      if (protobuf) return 'protobuf';
      continue;
    }
    if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json';
  }
  return undefined;
}

function status(e: { status: { code: number } }): OpenApiAnswer {
  return { status: e.status.code, headers: { 'content-type': 'application/json' }, body: e.status };
}

/**
 * Answers a request for `/openapi/v2`, `/openapi/v3` or `/openapi/v3/<group-version>`;
 * undefined when `path` is not an OpenAPI path.
 */
export function openapiResponse(path: string, query: Record<string, string>, accept: string | undefined, options: OpenApiOptions = {}): OpenApiAnswer | undefined {
  const p = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (p !== '/openapi/v2' && p !== '/openapi/v3' && !p.startsWith('/openapi/v3/')) return undefined;
  const b = built(options);
  if (p === '/openapi/v2') {
    const wanted = negotiateOpenApi(accept, OPENAPI_V2_PROTOBUF, options.protobuf === true);
    if (!wanted) return status(notAcceptable(`only the following media types are accepted: application/json${options.protobuf ? `, ${OPENAPI_V2_PROTOBUF}` : ''}`));
    const headers = { etag: `"${b.v2Hash}"`, 'cache-control': 'no-cache, private', vary: 'Accept' };
    if (wanted === 'protobuf') {
      b.v2Proto ??= encodeSwaggerProto(b.v2);
      // kube-apiserver labels the protobuf answer application/octet-stream: the media type asked
      // for is not a valid Content-Type (client-go cannot parse its `@`).
      return { status: 200, headers: { ...headers, 'content-type': 'application/octet-stream' }, body: b.v2Proto };
    }
    return { status: 200, headers: { ...headers, 'content-type': 'application/json' }, body: b.v2 };
  }
  if (negotiateOpenApi(accept, 'application/com.github.proto-openapi.spec.v3@v1.0+protobuf', false) === undefined) {
    return status(notAcceptable('only the following media types are accepted: application/json'));
  }
  if (p === '/openapi/v3') {
    const paths: JsonObject = {};
    for (const [gv, { hash }] of [...b.v3].sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))) paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${hash}` };
    return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-cache, private' }, body: { paths } };
  }
  const entry = b.v3.get(p.slice('/openapi/v3/'.length));
  if (!entry) return status(pathNotFound());
  const hash = query['hash'];
  if (hash !== undefined && hash !== entry.hash) {
    const location = `${p}?hash=${entry.hash}`;
    return { status: 301, headers: { location, 'content-type': 'application/json', 'cache-control': 'no-cache, private' }, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `moved to ${location}`, code: 301 } };
  }
  const cacheControl = hash !== undefined ? 'public, immutable' : 'no-cache, private';
  return { status: 200, headers: { 'content-type': 'application/json', etag: `"${entry.hash}"`, 'cache-control': cacheControl }, body: entry.doc };
}
