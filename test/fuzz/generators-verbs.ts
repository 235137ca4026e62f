/**
 * The fuzzer's generators of hostile verbs and options: bad query parameters on every verb,
 * invalid patches of all four types, hostile DeleteOptions, subresources with hostile bodies,
 * and valid writes that keep the state moving.
 */
import type { ApiRequest } from '../../core/apiserver/request';
import { copy } from './rng';
import { NAME_POOL, PATCH_TYPES, collectionPath, garbage, itemPath, pickNs, pickTarget, poolName, req, write, type FuzzContext } from './requests';
import { DEEP, NASTY_NUMBERS, NASTY_STRINGS, mutate, nastyValue, pathsOf, pointer, withDeep } from './values';

type Obj = Record<string, unknown>;

const QUERY_VALUES: Record<string, string[]> = {
  limit: ['-1', 'abc', '1e3', '0', '99999999999999999999', '1.5', '', ' 5', '0x10', '2'],
  continue: ['garbage', '1:', '::', '%%', '0:/registry/core/pods/', 'eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ', '99999:/', '-1:x', 'a'.repeat(5000)],
  resourceVersion: ['-1', 'abc', '0', '999999999', '1e3', '', '1', ' 1', '18446744073709551616'],
  resourceVersionMatch: ['Exact', 'NotOlderThan', 'bogus', ''],
  labelSelector: ['a=', '=b', 'a==b==c', 'a in (', 'a notin b', '!', '!!a', 'a,,b', 'a=b,', ',', 'UPPER=x', 'a/b/c=d', `${'k'.repeat(70)}=v`, 'a=b c', 'a in ()', 'a>x', 'a<1', 'a>1', 'x=\u00e9', '\u0000', 'tier=fuzz', 'constructor=x', '__proto__'],
  fieldSelector: ['metadata.name=', 'metadata.name', 'spec.bogus=x', '=x', 'metadata.name==a==b', 'status.phase!=Running', 'metadata.name in (a)', 'spec.nodeName=x,', ',', 'metadata.namespace=fuzz', 'involvedObject.name=x', 'a=b=c', '\u0000=x', 'metadata.name=f1'],
  gracePeriodSeconds: ['-1', 'abc', '1.5', '99999999999999999999', '', '0', '30', '-99999999999'],
  dryRun: ['all', 'None', 'All,All', '', 'true', 'All'],
  fieldValidation: ['strict', 'Bogus', '', 'Ignore', 'Warn', 'Strict'],
  propagationPolicy: ['foreground', 'Bogus', '', 'Orphan', 'Background', 'Foreground'],
  orphanDependents: ['maybe', 'true', 'false', ''],
  timeoutSeconds: ['-1', 'abc', '1e9', '0', '1.5', ''],
  watch: ['yes', '0', 'false', 'true', '1', 'TRUE'],
  allowWatchBookmarks: ['yes', 'true', 'false'],
  sendInitialEvents: ['true', 'false', 'maybe'],
  pretty: ['true', 'x'],
  fieldManager: ['x'.repeat(200), 'a\u0001b', '', 'ok', '\u007f', '名前'],
  force: ['true', 'false', 'x'],
  includeObject: ['Bogus', 'None', 'Object'],
};

/** Bad query parameters on every verb. */
export function badQuery(ctx: FuzzContext): ApiRequest {
  const rng = ctx.rng;
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, rng.pick(NAME_POOL));
  const query: Record<string, string> = {};
  const keys = Object.keys(QUERY_VALUES);
  for (let i = rng.between(1, 3); i > 0; i--) {
    const k = rng.pick(keys);
    query[k] = rng.pick(QUERY_VALUES[k] as string[]);
  }
  const verb = rng.pick(['list', 'list', 'watch', 'get', 'delete', 'deletecollection', 'create', 'update', 'patch']);
  if (verb === 'watch') query['watch'] = rng.pick(['true', '1', 'true']);
  const body = JSON.stringify(t.build(name));
  if (verb === 'list' || verb === 'watch') return req('GET', collectionPath(t.def, ns), { query, headers: rng.chance(0.3) ? { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } : {} });
  if (verb === 'get') return req('GET', itemPath(t.def, ns, name), { query });
  if (verb === 'delete') return req('DELETE', itemPath(t.def, ns, name), { query });
  if (verb === 'deletecollection') return req('DELETE', collectionPath(t.def, ns), { query: { labelSelector: 'fuzz-never=1', ...query } });
  if (verb === 'create') return req('POST', collectionPath(t.def, ns), { query, body, headers: { 'content-type': 'application/json' } });
  if (verb === 'update') return req('PUT', itemPath(t.def, ns, name), { query, body, headers: { 'content-type': 'application/json' } });
  const type = rng.pick(Object.keys(PATCH_TYPES)) as keyof typeof PATCH_TYPES;
  return req('PATCH', itemPath(t.def, ns, name), { query, body: type === 'json' ? '[]' : '{}', headers: { 'content-type': PATCH_TYPES[type] } });
}

/** Invalid patches of all four types. */
export function badPatch(ctx: FuzzContext): ApiRequest {
  const rng = ctx.rng;
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, rng.pick(NAME_POOL));
  const type = rng.pick(Object.keys(PATCH_TYPES)) as keyof typeof PATCH_TYPES;
  const paths = pathsOf(t.build(name)).filter((p) => p.length > 0).map(pointer);
  let body: string;
  const query: Record<string, string> = {};
  if (type === 'json') {
    const op = (): Obj =>
      rng.pick<() => Obj>([
        () => ({ op: rng.pick(['add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus', '', 'ADD']), path: rng.pick([...paths, '', '/', 'no-slash', '/a/b/c/d', '/spec/containers/-', '/spec/containers/99', '/spec/containers/-1', '/metadata/name', '/metadata/uid', '/metadata/resourceVersion', '/metadata/namespace', '/kind', '/apiVersion', '/~2', '/metadata/labels/a~1b']), value: nastyValue(rng) }),
        () => ({ op: 'move', from: rng.pick(paths), path: rng.pick(paths) }),
        () => ({ op: 'copy', from: '/metadata', path: '/metadata/labels/x' }),
        () => ({ op: 'test', path: '/metadata/name', value: 'not-the-name' }),
        () => ({ path: '/metadata/labels/x', value: 'y' }),
        () => ({ op: 'add', value: 'y' }),
        () => ({ op: 'add', path: 42, value: 'y' }),
        () => ({ op: 'remove', path: '/metadata' }),
        () => ({ op: 'replace', path: '', value: nastyValue(rng) }),
      ])();
    const ops = Array.from({ length: rng.between(1, 4) }, op);
    body = rng.weighted<() => string>([
      [8, () => JSON.stringify(ops)],
      [1, () => JSON.stringify(ops[0])],
      [1, () => JSON.stringify(Array.from({ length: 10_001 }, () => ({ op: 'test', path: '/kind', value: t.def.kind })))],
      [1, () => '[null]'],
      [1, () => '[1, "a"]'],
      [1, () => garbage(rng, JSON.stringify(ops))],
    ])();
  } else if (type === 'merge') {
    body = rng.weighted<() => string>([
      [4, () => JSON.stringify(mutate(rng, t.build(name)).value)],
      [2, () => JSON.stringify({ metadata: { name: rng.pick(NASTY_STRINGS) } })],
      [1, () => JSON.stringify({ metadata: null })],
      [1, () => JSON.stringify({ spec: null, status: null })],
      [1, () => JSON.stringify([{ a: 1 }])],
      [1, () => rng.pick(['null', '"x"', '1', 'true', '[]'])],
      [1, () => JSON.stringify({ kind: 'Other', apiVersion: 'v9' })],
      [1, () => garbage(rng, '{"metadata":{"labels":{"a":"b"}}}')],
    ])();
  } else if (type === 'strategic') {
    body = rng.weighted<() => string>([
      [3, () => JSON.stringify(mutate(rng, t.build(name)).value)],
      [1, () => JSON.stringify({ $patch: rng.pick(['replace', 'delete', 'merge', 'bogus', 1, null]) })],
      [1, () => JSON.stringify({ spec: { containers: [{ $patch: rng.pick(['delete', 'replace', 'bogus']), name: 'app' }] } })],
      [1, () => JSON.stringify({ spec: { containers: [{ image: 'x' }] } })],
      [1, () => JSON.stringify({ spec: { $retainKeys: rng.pick([['containers'], 'containers', [1], null]) } })],
      [1, () => JSON.stringify({ spec: { '$setElementOrder/containers': rng.pick([[{ name: 'app' }], 'x', [null], [{ name: 'nope' }]]) } })],
      [1, () => JSON.stringify({ metadata: { '$deleteFromPrimitiveList/finalizers': rng.pick([['a'], 'a', [1]]) } })],
      [1, () => JSON.stringify({ spec: { containers: { name: 'app' } } })],
      [1, () => JSON.stringify({ spec: { containers: [null] } })],
      [1, () => JSON.stringify({ metadata: { finalizers: [{ a: 1 }] } })],
      [1, () => rng.pick(['[]', '"x"', '1', 'null', 'true'])],
      [1, () => garbage(rng, '{"spec":{"containers":[{"name":"app","image":"x"}]}}')],
    ])();
  } else {
    if (rng.chance(0.8)) query['fieldManager'] = rng.pick(['fuzzer', 'fuzzer', 'x'.repeat(200), 'a\u0001b']);
    if (rng.chance(0.2)) query['force'] = rng.pick(['true', 'false', 'x']);
    body = rng.weighted<() => string>([
      [3, () => JSON.stringify(mutate(rng, t.build(name)).value)],
      [1, () => JSON.stringify({ ...t.build(name), metadata: { name: `${name}-other` } })],
      [1, () => JSON.stringify({ metadata: { name } })],
      [1, () => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, uid: 'not-the-uid' } })],
      [1, () => JSON.stringify({ ...t.build(name), metadata: { name, managedFields: [{ manager: 'x', operation: 'Bogus' }] } })],
      [1, () => rng.pick(['[]', '"x"', '1', 'null', ''])],
      [1, () => garbage(rng, JSON.stringify(t.build(name)))],
    ])();
  }
  const sub = rng.chance(0.15) ? rng.pick(['/status', '/scale']) : '';
  return req('PATCH', `${itemPath(t.def, ns, name)}${sub}`, { body, query, headers: { 'content-type': PATCH_TYPES[type] } });
}

/** DELETE with hostile DeleteOptions, in the body or the query. */
export function deleteOptions(ctx: FuzzContext): ApiRequest {
  const rng = ctx.rng;
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, rng.pick(NAME_POOL));
  const body: Obj = {};
  if (rng.chance(0.5)) body['kind'] = rng.pick(['DeleteOptions', 'Pod', 'Status', 42]);
  if (rng.chance(0.5)) body['apiVersion'] = rng.pick(['v1', 'meta.k8s.io/v1', 'v9', null]);
  if (rng.chance(0.5)) body['gracePeriodSeconds'] = rng.pick<unknown>([...NASTY_NUMBERS, 'x', null, [], '30']);
  if (rng.chance(0.5)) body['propagationPolicy'] = rng.pick<unknown>(['Foreground', 'Background', 'Orphan', 'Bogus', '', 1, null]);
  if (rng.chance(0.3)) body['orphanDependents'] = rng.pick<unknown>([true, false, 'x', null]);
  if (rng.chance(0.5)) body['preconditions'] = rng.pick<unknown>([{ uid: 'not-the-uid' }, { resourceVersion: '1' }, { uid: null }, 'x', [], { resourceVersion: 5 }]);
  if (rng.chance(0.3)) body['dryRun'] = rng.pick<unknown>([['All'], ['Bogus'], 'All', [null], []]);
  const text = rng.weighted<() => string | undefined>([
    [6, () => JSON.stringify(body)],
    [1, () => garbage(rng, JSON.stringify(body))],
    [1, () => undefined],
    [1, () => withDeep(rng, { gracePeriodSeconds: DEEP })],
  ])();
  const collection = rng.chance(0.15);
  const query: Record<string, string> = collection ? { labelSelector: rng.pick(['fuzz-never=1', 'tier=fuzz']) } : {};
  return req('DELETE', collection ? collectionPath(t.def, ns) : itemPath(t.def, ns, name), { body: text, query, headers: { 'content-type': 'application/json' } });
}

/** status, scale, binding and finalize with hostile bodies. */
export function subresources(ctx: FuzzContext): ApiRequest {
  const rng = ctx.rng;
  const t = pickTarget(ctx);
  const ns = pickNs(ctx);
  const name = poolName(t.def, rng.pick(NAME_POOL));
  const sub = rng.pick(['status', 'scale', 'binding', 'finalize', 'eviction']);
  const bodies: Record<string, () => unknown> = {
    status: () => mutate(rng, { ...t.build(name), status: { phase: 'Running', replicas: 1, conditions: [{ type: 'Ready', status: 'True' }] } }).value,
    scale: () => ({ apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name, resourceVersion: rng.pick(['', '1', 'x']) }, spec: { replicas: rng.pick<unknown>([-1, 'x', null, 1.5, 2 ** 31, 3, {}]) } }),
    binding: () => ({ apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: rng.pick<unknown>([{ name: 'nope-node' }, { name: '' }, null, 'x', { kind: 'Node', name: 'kubelab-worker' }, { name: 42 }]) }),
    finalize: () => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: { finalizers: rng.pick<unknown>([[], ['kubernetes'], null, 'x', [1], ['a/b/c']]) } }),
    eviction: () => ({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name }, deleteOptions: { gracePeriodSeconds: rng.pick(NASTY_NUMBERS) } }),
  };
  const method = rng.pick(['PUT', 'PATCH', 'POST', 'GET', 'DELETE']);
  const body = (bodies[sub] as () => unknown)();
  const headers = { 'content-type': method === 'PATCH' ? rng.pick([PATCH_TYPES.merge, PATCH_TYPES.json, PATCH_TYPES.strategic]) : 'application/json' };
  return req(method, `${itemPath(t.def, ns, name)}/${sub}`, { body: method === 'GET' ? undefined : headers['content-type'] === PATCH_TYPES.json ? '[{"op":"replace","path":"/spec/replicas","value":-5}]' : JSON.stringify(body), headers });
}

/** Valid writes and deletes (the state must keep moving), some of them dry runs. */
export function valid(ctx: FuzzContext): ApiRequest {
  const rng = ctx.rng;
  const t = pickTarget(ctx);
  const ns = ctx.namespaces[0] as string;
  const name = poolName(t.def, rng.pick(NAME_POOL));
  const query: Record<string, string> = rng.chance(0.3) ? { dryRun: 'All' } : {};
  const obj = copy(t.build(name));
  if (rng.chance(0.15)) return req('DELETE', itemPath(t.def, ns, name), { query: { ...query, ...(rng.chance(0.5) ? { propagationPolicy: rng.pick(['Foreground', 'Background', 'Orphan']) } : {}) } });
  if (rng.chance(0.2)) return req('GET', rng.chance(0.5) ? collectionPath(t.def, ns) : itemPath(t.def, ns, name), { query: rng.chance(0.3) ? { watch: 'true', resourceVersion: '0' } : {}, headers: rng.chance(0.5) ? { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } : {} });
  (obj['metadata'] as Obj)['labels'] = { ...(((obj['metadata'] as Obj)['labels'] as Obj | undefined) ?? {}), rev: String(rng.int(5)) };
  return write(ctx, t, ns, name, JSON.stringify(obj), query);
}

