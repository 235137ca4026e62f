/**
 * What the fuzzer's generators share: the resources targeted, the paths of their collections
 * and objects, name pools, and a write of a body as a create, an update or a patch.
 */
import type { ApiRequest } from '../../core/apiserver/request';
import type { ResourceDef } from '../../core/apiserver/registry';
import type { FuzzRandom } from './rng';

type Obj = Record<string, unknown>;

/** A resource the fuzzer targets. */
export interface Target {
  def: ResourceDef;
  build: (name: string) => Obj;
}

/** What generators draw from. */
export interface FuzzContext {
  rng: FuzzRandom;
  targets: Target[];
  /** Namespaces that exist (the fuzzer's own first). */
  namespaces: string[];
}

/** The patch content types. */
export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

/** Names objects are created under, so that later requests find them. */
export const NAME_POOL = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7'];

function base(def: ResourceDef): string {
  return def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
}

/** The collection path of a resource. */
export function collectionPath(def: ResourceDef, ns: string): string {
  return def.namespaced ? `${base(def)}/namespaces/${ns}/${def.resource}` : `${base(def)}/${def.resource}`;
}

export function itemPath(def: ResourceDef, ns: string, name: string): string {
  return `${collectionPath(def, ns)}/${name}`;
}

/** The name of the pool a resource uses (namespaces and nodes get their own, so that the fuzzer never deletes the cluster from under itself). */
export function poolName(def: ResourceDef, name: string): string {
  if (def.resource === 'namespaces') return `fuzz-${name}`;
  if (def.resource === 'nodes') return `fuzz-node-${name}`;
  if (def.resource === 'customresourcedefinitions') return `${name.replace(/[^a-z]/g, '')}things.fuzz.example.com`;
  return name;
}

export function req(method: string, path: string, init: Partial<ApiRequest> = {}): ApiRequest {
  const r: ApiRequest = { method, path, query: init.query ?? {}, headers: { 'user-agent': 'fuzzer/1.0', ...(init.headers ?? {}) } };
  if (init.body !== undefined) r.body = init.body;
  return r;
}

export function pickTarget(ctx: FuzzContext): Target {
  return ctx.rng.pick(ctx.targets);
}

export function pickNs(ctx: FuzzContext): string {
  return ctx.rng.chance(0.85) ? (ctx.namespaces[0] as string) : ctx.rng.pick([...ctx.namespaces, 'missing-ns', 'kube-system']);
}

export function validBody(ctx: FuzzContext, t: Target, name: string): Obj {
  return t.build(name);
}

/** A write of `body` (text) as create, update or one of the patches. */
export function write(ctx: FuzzContext, t: Target, ns: string, name: string, body: string, query: Record<string, string> = {}): ApiRequest {
  const how = ctx.rng.weighted([
    [4, 'create'],
    [3, 'update'],
    [2, 'merge'],
    [2, 'strategic'],
    [1, 'apply'],
  ] as const);
  if (how === 'create') return req('POST', collectionPath(t.def, ns), { body, query, headers: { 'content-type': 'application/json' } });
  if (how === 'update') return req('PUT', itemPath(t.def, ns, name), { body, query, headers: { 'content-type': 'application/json' } });
  const q = how === 'apply' ? { fieldManager: 'fuzzer', ...query } : query;
  return req('PATCH', itemPath(t.def, ns, name), { body, query: q, headers: { 'content-type': PATCH_TYPES[how] } });
}

export const garbage = (rng: FuzzRandom, valid: string): string =>
  rng.weighted<() => string>([
    [3, () => valid.slice(0, rng.int(valid.length))],
    [2, () => rng.string(rng.between(1, 200), '{}[]":,\\ abc0123\u0000\u001f\u00ff\ud83d\ude00\n\t')],
    [1, () => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: y\n`],
    [2, () => rng.pick(['null', 'true', '42', '"str"', '[]', '[{}]', '1e999', '-0', '""', '{}', '{"metadata":null}'])],
    [1, () => `{"metadata":{"name":"a"},"metadata":{"name":"b"}}`],
    [1, () => `\uFEFF${valid}`],
    [1, () => valid.replace(/:/, ':NaN,"x":')],
    [1, () => `${valid}${valid}`],
    [1, () => `${valid},`],
    [1, () => valid.replace(/"/g, "'")],
    [1, () => '{"a":"\\ud800"}'],
    [1, () => ' \n\t '],
    [1, () => ''],
  ])();

