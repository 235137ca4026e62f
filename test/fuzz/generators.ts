/**
 * The fuzzer's request generators: each makes one malformed or hostile request (method, path,
 * query, headers, body) against the resources the API server serves. The bodies are text, as
 * the HTTP adapter hands them over; a few generators make valid writes so that the state keeps
 * changing and updates, patches and deletes find objects to work on.
 */
import type { ApiRequest } from '../../core/apiserver/request';
import { badPatch, badQuery, deleteOptions, subresources, valid } from './generators-verbs';
import { own } from './rng';
import { NAME_POOL, PATCH_TYPES, collectionPath, garbage, itemPath, pickNs, pickTarget, poolName, req, validBody, write, type FuzzContext } from './requests';
import { DEEP, NASTY_STRINGS, PROTO_KEYS, mutate, pathsOf, pointer, withDeep } from './values';

type Obj = Record<string, unknown>;

export { NAME_POOL, collectionPath, poolName, type FuzzContext, type Target } from './requests';

/** A generated request. */
export interface Generated {
  generator: string;
  req: ApiRequest;
}

/** Broken JSON bodies. */
function brokenBody(ctx: FuzzContext): ApiRequest {
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, ctx.rng.pick(NAME_POOL));
  return write(ctx, t, ns, name, garbage(ctx.rng, JSON.stringify(validBody(ctx, t, name))));
}

/** Wrong Content-Type and Accept headers. */
function mediaTypes(ctx: FuzzContext): ApiRequest {
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, ctx.rng.pick(NAME_POOL));
  const body = JSON.stringify(validBody(ctx, t, name));
  const ct = ctx.rng.pick(['', 'text/plain', 'application/xml', 'application/vnd.kubernetes.protobuf', 'multipart/form-data; boundary=x', 'APPLICATION/JSON-PATCH+JSON', 'application/merge-patch+json; charset=utf-8', 'application/json;;;', 'application/apply-patch+yaml', 'application/strategic-merge-patch+json', '*/*', 'application/json-patch+json']);
  const accept = ctx.rng.pick(['', 'application/xml', 'text/html', 'application/json;as=Table;v=v2;g=meta.k8s.io', 'application/json;as=Table', 'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io', 'application/vnd.kubernetes.protobuf', ';;;', '*/*;q=0', 'application/json;as=Table;v=v1;g=meta.k8s.io', 'application/json;as=Table;v=v1;g=meta.k8s.io;includeObject=Bogus', 'application/yaml', 'image/png, application/json']);
  const method = ctx.rng.pick(['GET', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
  const path = method === 'POST' || (method === 'GET' && ctx.rng.chance(0.5)) ? collectionPath(t.def, ns) : itemPath(t.def, ns, name);
  const headers: Record<string, string> = { accept };
  if (ct) headers['content-type'] = ct;
  const query: Record<string, string> = ctx.rng.chance(0.2) ? { includeObject: ctx.rng.pick(['None', 'Object', 'Metadata', 'Bogus', '']) } : {};
  if (ct === 'application/apply-patch+yaml' && ctx.rng.chance(0.5)) query['fieldManager'] = 'fuzzer';
  return req(method, path, { headers, query, body: method === 'GET' ? undefined : ctx.rng.chance(0.2) ? 'metadata:\n  name: x\n' : body });
}

/** Deeply nested values in bodies and patches. */
function deepNesting(ctx: FuzzContext): ApiRequest {
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, ctx.rng.pick(NAME_POOL));
  const obj = validBody(ctx, t, name);
  const paths = pathsOf(obj).filter((p) => p.length > 0);
  const path = ctx.rng.pick(paths);
  let parent: Record<string | number, unknown> = obj;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = path.at(-1) as string | number;
  if (ctx.rng.chance(0.3)) own(obj, 'deep', DEEP);
  else if (Array.isArray(parent)) parent[key as number] = DEEP;
  else own(parent, String(key), DEEP);
  if (ctx.rng.chance(0.2)) {
    const ops = [{ op: 'add', path: `${pointer(path)}`, value: DEEP }];
    return req('PATCH', itemPath(t.def, ns, name), { body: withDeep(ctx.rng, ops), headers: { 'content-type': PATCH_TYPES.json } });
  }
  return write(ctx, t, ns, name, withDeep(ctx.rng, obj), ctx.rng.chance(0.3) ? { fieldValidation: ctx.rng.pick(['Ignore', 'Strict', 'Warn']) } : {});
}

/** Prototype keys in bodies, patches, paths and queries. */
function protoKeys(ctx: FuzzContext): ApiRequest {
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, ctx.rng.pick(NAME_POOL));
  const key = ctx.rng.pick(PROTO_KEYS);
  const payload = ctx.rng.pick<unknown>([{ polluted: true }, 'x', { isAdmin: true, name: 'evil' }, null, [1], { prototype: { polluted: true } }]);
  const kind = ctx.rng.int(4);
  if (kind === 0) {
    // JSON patch operations that walk into prototypes.
    const p = ctx.rng.pick([`/${key}/polluted`, `/metadata/${key}/polluted`, `/${key}`, `/metadata/labels/${key}`, `/constructor/prototype/polluted`, `/spec/${key}`, `/data/${key}`, `/metadata/annotations/${key}`]);
    const op = ctx.rng.pick(['add', 'replace', 'remove', 'copy', 'move', 'test']);
    const operation: Obj = { op, path: p };
    if (op === 'copy' || op === 'move') operation['from'] = ctx.rng.pick([`/${key}`, '/metadata/name', `/metadata/${key}`]);
    else operation['value'] = payload;
    return req('PATCH', itemPath(t.def, ns, name), { body: JSON.stringify([operation]), headers: { 'content-type': PATCH_TYPES.json } });
  }
  const obj = validBody(ctx, t, name);
  const md = obj['metadata'] as Obj;
  const where = ctx.rng.pick(['top', 'metadata', 'labels', 'annotations', 'spec', 'nested']);
  if (where === 'top') own(obj, key, payload);
  else if (where === 'metadata') own(md, key, payload);
  else if (where === 'labels') own((md['labels'] ??= {}) as Obj, key, ctx.rng.chance(0.5) ? 'x' : payload);
  else if (where === 'annotations') own((md['annotations'] ??= {}) as Obj, key, ctx.rng.chance(0.5) ? 'x' : payload);
  else if (where === 'spec') own(((obj['spec'] as Obj | undefined) ?? obj) as Obj, key, payload);
  else {
    const paths = pathsOf(obj).filter((p) => p.length > 0);
    let cur: unknown = obj;
    for (const k of ctx.rng.pick(paths)) if (cur && typeof cur === 'object' && !Array.isArray(cur) && k in (cur as Obj)) cur = (cur as Obj)[k as string];
    if (cur && typeof cur === 'object' && !Array.isArray(cur)) own(cur, key, payload);
    else own(obj, key, payload);
  }
  const query: Record<string, string> = ctx.rng.chance(0.3) ? { fieldValidation: ctx.rng.pick(['Strict', 'Ignore', 'Warn']) } : {};
  if (kind === 3) own(query, key, 'x');
  return write(ctx, t, ns, name, JSON.stringify(obj), query);
}

/** Bodies whose apiVersion or kind is wrong. */
function wrongKind(ctx: FuzzContext): ApiRequest {
  const t = pickTarget(ctx);
  const other = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, ctx.rng.pick(NAME_POOL));
  const obj = validBody(ctx, t, name);
  const change = ctx.rng.int(4);
  if (change === 0) {
    obj['kind'] = other.def.kind;
    obj['apiVersion'] = ctx.rng.chance(0.5) ? obj['apiVersion'] : other.build('x')['apiVersion'];
  } else if (change === 1) obj['apiVersion'] = ctx.rng.pick(['v2', 'apps/v1beta1', 'extensions/v1beta1', '', '/', 'v1/', '../v1', 'apps', null, 1, ['v1'], { v: 1 }]);
  else if (change === 2) obj['kind'] = ctx.rng.pick(['', 'pod', 'POD', 'Status', 'List', 'DeleteOptions', 'Table', null, 42, ['Pod'], { k: 'Pod' }, `${t.def.kind}List`]);
  else {
    obj['kind'] = 'List';
    obj['apiVersion'] = 'v1';
    obj['items'] = [validBody(ctx, t, `${name}-item`)];
  }
  return write(ctx, t, ns, name, JSON.stringify(obj));
}

/** Paths that name nothing, and methods that do nothing. */
function unknownPath(ctx: FuzzContext): ApiRequest {
  const rng = ctx.rng;
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const item = itemPath(t.def, ns, rng.pick(NAME_POOL));
  const path = rng.pick([
    '',
    '/',
    '//',
    '///api//v1//pods',
    '/api',
    '/api/',
    '/api/v2',
    '/api/v1/',
    '/api/v1/foos',
    '/apis/apps',
    '/apis/apps/v2',
    '/apis/apps/v2/deployments',
    '/apis/nope/v1/things',
    '/apis/nope',
    '/api/v1/namespaces//pods',
    '/api/v1/namespaces/fuzz/pods//status',
    `${item}/status/extra`,
    `${item}/log`,
    `${item}/exec`,
    `${item}/attach`,
    `${item}/proxy`,
    `${item}/proxy/a/b`,
    `${item}/eviction`,
    `${item}/nope`,
    `${item}/scale`,
    `${item}/binding`,
    `${item}/finalize`,
    `${item}/ephemeralcontainers`,
    '/api/v1/watch/pods',
    '/api/v1/watch/namespaces/fuzz/pods',
    '/api/v1/namespaces/fuzz/namespaces',
    '/apis/apps/v1/nodes',
    '/api/v1/namespaces/fuzz/nodes/x',
    '/api/v1/namespaces/../pods',
    '/api/v1/namespaces/./pods',
    '/api/v1/namespaces/fuzz/pods/..',
    '/api/v1/namespaces/fuzz/pods/.',
    '/api/v1/namespaces/fuzz/pods/%2e%2e',
    '/openapi/v2/x',
    '/openapi/v3/apis/nope/v1',
    '/openapi/v3/api/v2',
    '/openapi',
    '/version/x',
    '/healthz',
    '/metrics',
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/x/status/y',
    `/api/v1/${'x/'.repeat(500)}`,
    `/api/v1/namespaces/${'n'.repeat(10_000)}/pods`,
    `/api/v1/namespaces/fuzz/pods/${rng.pick(NASTY_STRINGS)}`,
    `/apis/${rng.pick(NASTY_STRINGS)}/v1/x`,
    `/api/v1/namespaces/${rng.pick(NASTY_STRINGS)}/${rng.pick(NASTY_STRINGS)}`,
    `/api/v1/__proto__`,
    `/apis/__proto__/v1/constructor`,
    `/api/v1/namespaces/fuzz/__proto__/x`,
    `/api/v1/namespaces/fuzz/pods/x/__proto__`,
  ]);
  const method = rng.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'get', 'FOO', '', 'PROPFIND', 'PATCH ']);
  const headers: Record<string, string> = method === 'PATCH' ? { 'content-type': rng.pick(Object.values(PATCH_TYPES)) } : { 'content-type': 'application/json' };
  return req(method, path, { headers, query: method === 'PATCH' && headers['content-type'] === PATCH_TYPES.apply ? { fieldManager: 'fuzzer' } : {}, body: method === 'GET' || method === 'HEAD' ? undefined : rng.chance(0.5) ? '{}' : JSON.stringify(t.build('x')) });
}

/** Valid objects with random fields made wrong. */
function mutation(ctx: FuzzContext): ApiRequest {
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, ctx.rng.pick(NAME_POOL));
  const { value } = mutate(ctx.rng, t.build(name));
  const query: Record<string, string> = ctx.rng.chance(0.2) ? { fieldValidation: ctx.rng.pick(['Strict', 'Ignore', 'Warn']) } : {};
  return write(ctx, t, ns, name, withDeep(ctx.rng, value), query);
}

/** Names with bad characters, in the body and in the URL. */
function badName(ctx: FuzzContext): ApiRequest {
  const rng = ctx.rng;
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const bad = rng.pick(NASTY_STRINGS);
  const obj = t.build('f0');
  const md = obj['metadata'] as Obj;
  const where = rng.int(4);
  if (where === 0) md['name'] = bad;
  else if (where === 1) {
    delete md['name'];
    md['generateName'] = bad;
  } else if (where === 2) md['namespace'] = bad;
  else md['name'] = rng.pick([null, 42, ['a'], { a: 1 }, true]);
  const urlName = rng.chance(0.5) ? bad : 'f0';
  const method = rng.pick(['POST', 'PUT', 'GET', 'DELETE', 'PATCH']);
  if (method === 'POST') return req('POST', collectionPath(t.def, rng.chance(0.7) ? ns : bad), { body: JSON.stringify(obj), headers: { 'content-type': 'application/json' } });
  const path = itemPath(t.def, rng.chance(0.7) ? ns : bad, urlName);
  if (method === 'PATCH') return req('PATCH', path, { body: JSON.stringify({ metadata: md }), headers: { 'content-type': PATCH_TYPES.merge } });
  return req(method, path, { body: method === 'PUT' ? JSON.stringify(obj) : undefined, headers: { 'content-type': 'application/json' } });
}

/** null where objects and lists go. */
function nulls(ctx: FuzzContext): ApiRequest {
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, ctx.rng.pick(NAME_POOL));
  const obj = t.build(name);
  const paths = pathsOf(obj).filter((p) => p.length > 0);
  const containers = paths.filter((p) => {
    let cur: unknown = obj;
    for (const k of p) cur = (cur as Record<string | number, unknown>)[k];
    return cur !== null && typeof cur === 'object';
  });
  for (let i = ctx.rng.between(1, 3); i > 0; i--) {
    const p = ctx.rng.pick(containers.length > 0 ? containers : paths);
    let parent = obj as Record<string | number, unknown>;
    for (const k of p.slice(0, -1)) parent = (parent[k] ?? {}) as Record<string | number, unknown>;
    const last = p.at(-1) as string | number;
    parent[last] = ctx.rng.chance(0.7) ? null : Array.isArray(parent[last]) ? [null] : { a: null };
  }
  return write(ctx, t, ns, name, JSON.stringify(obj));
}

/** Every generator, weighted. */
export const GENERATORS: readonly (readonly [number, string, (ctx: FuzzContext) => ApiRequest])[] = [
  [10, 'brokenBody', brokenBody],
  [6, 'mediaTypes', mediaTypes],
  [4, 'deepNesting', deepNesting],
  [7, 'protoKeys', protoKeys],
  [5, 'wrongKind', wrongKind],
  [7, 'unknownPath', unknownPath],
  [10, 'badQuery', badQuery],
  [12, 'badPatch', badPatch],
  [16, 'mutation', mutation],
  [6, 'badName', badName],
  [5, 'nulls', nulls],
  [5, 'deleteOptions', deleteOptions],
  [5, 'subresources', subresources],
  [8, 'valid', valid],
];

/** One request from a weighted random generator. */
export function generate(ctx: FuzzContext): Generated {
  const [, name, gen] = ctx.rng.weighted(GENERATORS.map((g) => [g[0], g] as const));
  return { generator: name, req: gen(ctx) };
}

