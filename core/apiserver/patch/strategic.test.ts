import { describe, expect, it } from 'vitest';
import { SchemaRegistry, arr, int32, obj, ref, str, stringMap } from '../../api/schema/dsl';
import { StatusError } from '../../api/status';
import { TypeView } from './schema';
import { dedupScalars, strategicMergePatch } from './strategic';
import type { JsonObject } from './value';

// A small Pod-like kind: merge lists by key, a primitive merge list, an atomic list, a retainKeys struct.
function registry(): SchemaRegistry {
  const r = new SchemaRegistry();
  r.add(
    { name: 'Port', schema: obj({ containerPort: int32(), protocol: str(), name: str() }) },
    { name: 'Container', schema: obj({ name: str(), image: str(), args: arr(str()), ports: arr(ref('Port'), { mergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] }) }) },
    { name: 'Strategy', schema: obj({ type: str(), rollingUpdate: obj({ maxSurge: str() }) }) },
    {
      name: 'Thing',
      schema: obj({
        metadata: obj({ name: str(), labels: stringMap(), finalizers: arr(str(), { strategy: 'merge' }) }),
        spec: obj({
          containers: arr(ref('Container'), { mergeKey: 'name' }),
          strategy: ref('Strategy', undefined, { patchStrategy: 'retainKeys' }),
          replaced: obj({ a: str(), b: str() }, { patchStrategy: 'replace' }),
        }),
      }),
    },
  );
  return r;
}

const types = new TypeView(registry());
const root = types.definition('Thing');
const smp = (original: JsonObject, patch: JsonObject) => strategicMergePatch(types, root, original, patch);

function statusOf(f: () => unknown): { code: number; reason?: string; message?: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return { code: e.code, ...(e.status.reason ? { reason: e.status.reason } : {}), ...(e.status.message ? { message: e.status.message } : {}) };
    throw e;
  }
  throw new Error('expected an error');
}

const pod = (): JsonObject => ({
  metadata: { name: 'web', labels: { app: 'web', tier: 'fe' }, finalizers: ['a', 'b'] },
  spec: {
    containers: [
      { name: 'app', image: 'nginx:1', args: ['-x'], ports: [{ containerPort: 80, protocol: 'TCP' }] },
      { name: 'side', image: 'busybox' },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } },
  },
});

describe('strategic merge patch: maps', () => {
  it('merges maps and deletes keys set to null', () => {
    const out = smp(pod(), { metadata: { labels: { tier: null, env: 'prod' } } });
    expect((out['metadata'] as JsonObject)['labels']).toEqual({ app: 'web', env: 'prod' });
  });

  it('does not modify its arguments', () => {
    const original = pod();
    const patch = { metadata: { labels: { tier: null } } };
    smp(original, patch);
    expect(original).toEqual(pod());
    expect(patch).toEqual({ metadata: { labels: { tier: null } } });
  });

  it('replaces a map with $patch: replace and empties it with $patch: delete', () => {
    expect((smp(pod(), { metadata: { labels: { $patch: 'replace', only: 'x' } } })['metadata'] as JsonObject)['labels']).toEqual({ only: 'x' });
    expect((smp(pod(), { metadata: { labels: { $patch: 'delete' } } })['metadata'] as JsonObject)['labels']).toEqual({});
    expect(statusOf(() => smp(pod(), { metadata: { labels: { $patch: 'merge' } } }))).toEqual({ code: 400, message: 'unknown patch type: merge in map: map[$patch:merge]' });
  });

  it('replaces a struct whose strategy is replace', () => {
    const out = smp({ spec: { replaced: { a: '1', b: '2' } } }, { spec: { replaced: { a: '3' } } });
    expect((out['spec'] as JsonObject)['replaced']).toEqual({ a: '3' });
  });

  it('clears the keys missing from $retainKeys', () => {
    const out = smp(pod(), { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect((out['spec'] as JsonObject)['strategy']).toEqual({ type: 'Recreate' });
    expect(statusOf(() => smp(pod(), { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } }))).toEqual({ code: 400, reason: 'BadRequest', message: 'invalid patch format of retainKeys' });
  });
});

describe('strategic merge patch: lists', () => {
  it('merges list items by their merge key, adding new ones first (no $setElementOrder)', () => {
    const out = smp(pod(), { spec: { containers: [{ name: 'side', image: 'busybox:2' }, { name: 'new', image: 'x' }] } });
    const names = ((out['spec'] as JsonObject)['containers'] as JsonObject[]).map((c) => `${String(c['name'])}=${String(c['image'])}`);
    expect(names).toEqual(['app=nginx:1', 'side=busybox:2', 'new=x']);
    const added = smp(pod(), { spec: { containers: [{ name: 'new', image: 'x' }] } });
    expect(((added['spec'] as JsonObject)['containers'] as JsonObject[]).map((c) => c['name'])).toEqual(['new', 'app', 'side']);
  });

  it('replaces lists without a merge strategy', () => {
    const out = smp(pod(), { spec: { containers: [{ name: 'app', args: ['-y', '-z'] }] } });
    expect(((out['spec'] as JsonObject)['containers'] as JsonObject[])[0]).toMatchObject({ name: 'app', image: 'nginx:1', args: ['-y', '-z'] });
  });

  it('deletes an item with $patch: delete and replaces the list with $patch: replace', () => {
    const del = smp(pod(), { spec: { containers: [{ name: 'side', $patch: 'delete' }] } });
    expect(((del['spec'] as JsonObject)['containers'] as JsonObject[]).map((c) => c['name'])).toEqual(['app']);
    const rep = smp(pod(), { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } });
    expect((rep['spec'] as JsonObject)['containers']).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('merges primitive merge lists as sets and deletes with $deleteFromPrimitiveList', () => {
    expect((smp(pod(), { metadata: { finalizers: ['b', 'c'] } })['metadata'] as JsonObject)['finalizers']).toEqual(['a', 'b', 'c']);
    expect((smp(pod(), { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } })['metadata'] as JsonObject)['finalizers']).toEqual(['b']);
  });

  it('orders a list by $setElementOrder', () => {
    const out = smp(pod(), { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'app' }] } });
    expect(((out['spec'] as JsonObject)['containers'] as JsonObject[]).map((c) => c['name'])).toEqual(['side', 'app']);
    const withItem = smp(pod(), { spec: { '$setElementOrder/containers': [{ name: 'app' }, { name: 'new' }, { name: 'side' }], containers: [{ name: 'new', image: 'x' }] } });
    expect(((withItem['spec'] as JsonObject)['containers'] as JsonObject[]).map((c) => c['name'])).toEqual(['app', 'new', 'side']);
  });

  it('fails like kube on a list item without its merge key', () => {
    expect(statusOf(() => smp(pod(), { spec: { containers: [{ image: 'x' }] } }))).toEqual({ code: 400, message: 'map: map[image:x] does not contain declared merge key: name' });
  });

  it('refuses lists of lists with a 422', () => {
    expect(statusOf(() => smp({ metadata: { finalizers: [] } }, { metadata: { finalizers: [['x']] } })).code).toBe(422);
    expect(statusOf(() => smp(pod(), { metadata: { finalizers: [['x']] } })).message).toBe('list element types are not identical: [[a b] [[x]]]');
  });

  it('takes a value of another type as it is', () => {
    expect((smp(pod(), { spec: { containers: 'nope' } })['spec'] as JsonObject)['containers']).toBe('nope');
  });
});

describe('dedupScalars', () => {
  it('removes duplicates as deduplicateScalars does', () => {
    expect(dedupScalars(['a', 'b', 'a', 'c'])).toEqual(['a', 'b', 'c']);
    expect(dedupScalars(['a', 'a', 'b', 'c'])).toEqual(['a', 'c', 'b']);
  });
});

describe('hostile keys', () => {
  it('treats __proto__ and constructor as plain data', () => {
    const out = smp(pod(), JSON.parse('{"metadata":{"labels":{"__proto__":{"polluted":1}}},"spec":{"constructor":{"x":1}}}') as JsonObject);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.hasOwn((out['metadata'] as JsonObject)['labels'] as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf((out['metadata'] as JsonObject)['labels'])).toBe(Object.prototype);
  });
});
