import { describe, expect, it } from 'vitest';
import { SchemaRegistry, arr, int32, obj, ref, str, stringMap } from '../../api/schema/dsl';
import { FieldSet, fieldPE, keyPE, pathString, valuePE } from './fieldpath';
import { capUpdateManagers, conflictError, decodeManagedFields, encodeManagedFields, managerId, printManager, type Managed } from './managedFields';
import { TypeView } from './schema';
import { compare, toFieldSet } from './typed';
import { validateConfig } from './typedMerge';
import { Conflicts, updaterApply, updaterUpdate, type ManagedFields, type TypedKind } from './updater';
import type { JsonObject } from './value';

function registry(): SchemaRegistry {
  const r = new SchemaRegistry();
  r.add(
    { name: 'Container', schema: obj({ name: str(), image: str(), args: arr(str()) }) },
    {
      name: 'Thing',
      schema: obj({
        apiVersion: str(),
        kind: str(),
        metadata: obj({ name: str(), labels: stringMap(), annotations: stringMap() }),
        spec: obj({
          replicas: int32(),
          paused: str(),
          selector: obj({ matchLabels: stringMap() }, { mapType: 'atomic' }),
          containers: arr(ref('Container'), { mergeKey: 'name', listType: 'map', listMapKeys: ['name'] }),
          tags: arr(str(), { listType: 'set' }),
        }),
        status: obj({ replicas: int32() }),
      }),
    },
  );
  return r;
}

const types = new TypeView(registry());
const t: TypedKind = { types, schema: types.definition('Thing'), ignore: FieldSet.of([fieldPE('status')]) };
const f = (...names: string[]) => names.map(fieldPE);

describe('field sets', () => {
  it('serialize to FieldsV1 in path element order, with "." for members that have children', () => {
    const s = FieldSet.of([...f('spec', 'replicas')], [...f('metadata', 'labels', 'b')], [...f('metadata', 'labels', 'a')], [...f('spec', 'containers'), keyPE([['name', 'web']])], [...f('spec', 'containers'), keyPE([['name', 'web']]), ...f('image')], [...f('spec', 'tags'), valuePE('x')]);
    expect(JSON.stringify(s.toFieldsV1())).toBe('{"f:metadata":{"f:labels":{"f:a":{},"f:b":{}}},"f:spec":{"f:containers":{"k:{\\"name\\":\\"web\\"}":{".":{},"f:image":{}}},"f:replicas":{},"f:tags":{"v:\\"x\\"":{}}}}');
    expect(FieldSet.fromFieldsV1(s.toFieldsV1()).equals(s)).toBe(true);
  });

  it('print paths as structured-merge-diff does', () => {
    expect(pathString([...f('spec', 'containers'), keyPE([['name', 'web'], ['port', 80]]), ...f('image')])).toBe('.spec.containers[name="web",port=80].image');
    expect(pathString([...f('spec', 'tags'), valuePE('x')])).toBe('.spec.tags[="x"]');
  });

  it('support union, difference and recursive difference', () => {
    const a = FieldSet.of(f('a', 'b'), f('a', 'c'));
    const b = FieldSet.of(f('a', 'c'), f('d'));
    expect(a.union(b).paths().map(pathString)).toEqual(['.a.b', '.a.c', '.d']);
    expect(a.difference(b).paths().map(pathString)).toEqual(['.a.b']);
    expect(a.intersection(b).paths().map(pathString)).toEqual(['.a.c']);
    expect(a.recursiveDifference(FieldSet.of(f('a'))).isEmpty()).toBe(true);
    expect(FieldSet.of(f('a')).difference(FieldSet.of(f('a', 'b'))).paths().map(pathString)).toEqual(['.a']);
  });
});

describe('typed walks', () => {
  const thing: JsonObject = { metadata: { name: 'x', labels: { app: 'web' } }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, containers: [{ name: 'web', image: 'nginx', args: ['-a'] }], tags: ['t'] } };

  it('list the fields a value sets (leaves, keyed items, map entries; atomic values whole)', () => {
    expect(toFieldSet(types, t.schema, thing).paths().map(pathString)).toEqual([
      '.metadata.labels.app',
      '.metadata.name',
      '.spec.containers[name="web"]',
      '.spec.containers[name="web"].args',
      '.spec.containers[name="web"].image',
      '.spec.containers[name="web"].name',
      '.spec.replicas',
      '.spec.selector',
      '.spec.tags[="t"]',
    ]);
  });

  it('compare values into added, modified and removed paths', () => {
    const next = { ...thing, spec: { ...(thing['spec'] as JsonObject), replicas: 3, tags: [], paused: 'yes', containers: [{ name: 'web', image: 'nginx' }] } };
    const c = compare(types, t.schema, thing, next);
    expect(c.added.paths().map(pathString)).toEqual(['.spec.paused']);
    expect(c.modified.paths().map(pathString)).toEqual(['.spec.replicas']);
    expect(c.removed.paths().map(pathString)).toEqual(['.spec.containers[name="web"].args', '.spec.tags[="t"]']);
  });

  it('validate an applied configuration', () => {
    const errs = validateConfig(types, t.schema, { spec: { bogus: 1, containers: [{ name: 'a' }, { name: 'a' }, { image: 'x' }] } });
    expect(errs.map((e) => `${pathString(e.path)}: ${e.message}`)).toEqual([
      '.spec.bogus: field not declared in schema',
      '.spec.containers: duplicate entries for key [name="a"]',
      '.spec.containers: element 2: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    ]);
  });
});

describe('ownership (merge.Updater)', () => {
  const cfg = (spec: JsonObject): JsonObject => ({ metadata: { name: 'x' }, spec });
  const owners = (m: ManagedFields) => Object.fromEntries([...m].map(([k, v]) => [k, v.set.paths().map(pathString)]));

  it('applies, shares equal values, and conflicts on different ones unless forced', () => {
    const first = updaterApply(t, {}, cfg({ replicas: 2, paused: 'no' }), 'v1', new Map(), 'a', false);
    expect(first.object).toEqual(cfg({ replicas: 2, paused: 'no' }));
    const shared = updaterApply(t, first.object, cfg({ replicas: 2 }), 'v1', first.managers, 'b', false);
    expect(shared.object).toBeUndefined();
    expect(owners(shared.managers)['b']).toEqual(['.metadata.name', '.spec.replicas']);
    try {
      updaterApply(t, first.object, cfg({ replicas: 5 }), 'v1', shared.managers, 'b', false);
      throw new Error('no conflict');
    } catch (e) {
      expect(e).toBeInstanceOf(Conflicts);
      expect((e as Conflicts).conflicts.map((c) => `${c.manager} ${pathString(c.path)}`)).toEqual(['a .spec.replicas']);
    }
    const forced = updaterApply(t, first.object, cfg({ replicas: 5 }), 'v1', shared.managers, 'b', true);
    expect((forced.object as JsonObject)['spec']).toEqual({ replicas: 5, paused: 'no' });
    expect(owners(forced.managers)['a']).toEqual(['.metadata.name', '.spec.paused']);
  });

  it('prunes what the applier stopped applying, unless someone else owns it', () => {
    const a1 = updaterApply(t, {}, cfg({ replicas: 2, paused: 'no', containers: [{ name: 'web', image: 'nginx' }] }), 'v1', new Map(), 'a', false);
    const b = updaterApply(t, a1.object, cfg({ paused: 'no' }), 'v1', a1.managers, 'b', false);
    const a2 = updaterApply(t, a1.object, cfg({}), 'v1', b.managers, 'a', false);
    expect((a2.object as JsonObject)['spec']).toEqual({ paused: 'no' });
  });

  it('merges keyed list items of several appliers, in the configuration order', () => {
    const a = updaterApply(t, {}, cfg({ containers: [{ name: 'a', image: '1' }] }), 'v1', new Map(), 'a', false);
    const b = updaterApply(t, a.object, cfg({ containers: [{ name: 'b', image: '2' }] }), 'v1', a.managers, 'b', false);
    expect(((b.object as JsonObject)['spec'] as JsonObject)['containers']).toEqual([
      { name: 'a', image: '1' },
      { name: 'b', image: '2' },
    ]);
    const a2 = updaterApply(t, b.object, cfg({}), 'v1', b.managers, 'a', false);
    expect(((a2.object as JsonObject)['spec'] as JsonObject)['containers']).toEqual([{ name: 'b', image: '2' }]);
  });

  it('lets an update take fields silently, and ignores the reset fields', () => {
    const a = updaterApply(t, {}, cfg({ replicas: 2 }), 'v1', new Map(), 'a', false);
    const next = { ...(a.object as JsonObject), spec: { replicas: 3 }, status: { replicas: 3 } };
    const m = updaterUpdate(t, a.object, next, 'v1', a.managers, 'u');
    expect(owners(m)).toEqual({ a: ['.metadata.name'], u: ['.spec.replicas'] });
  });
});

describe('managedFields entries', () => {
  const managed = (): Managed => {
    const m: Managed = { fields: new Map(), times: new Map() };
    m.fields.set(managerId({ manager: 'kubectl', operation: 'Apply' }), { set: FieldSet.of(f('spec', 'replicas')), apiVersion: 'apps/v1', applied: true });
    m.fields.set(managerId({ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status' }), { set: FieldSet.of(f('status', 'replicas')), apiVersion: 'apps/v1', applied: false });
    m.times.set(managerId({ manager: 'kubectl', operation: 'Apply' }), '2026-01-01T00:00:05Z');
    m.times.set(managerId({ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status' }), '2026-01-01T00:00:01Z');
    return m;
  };

  it('encode sorted by operation, time and manager, and decode back', () => {
    const entries = encodeManagedFields(managed());
    expect(entries).toEqual([
      { manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', time: '2026-01-01T00:00:05Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: '2026-01-01T00:00:01Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:replicas': {} } }, subresource: 'status' },
    ]);
    expect(encodeManagedFields(decodeManagedFields(entries))).toEqual(entries);
    expect(() => decodeManagedFields([{ manager: 'x', operation: 'Update', fieldsType: 'FieldsV2' }])).toThrow('invalid fieldsType "FieldsV2"');
  });

  it('name managers as conflicts print them', () => {
    expect(printManager(managerId({ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1' }))).toBe('"kubectl-client-side-apply" using v1');
    expect(printManager(managerId({ manager: 'kubectl', operation: 'Apply' }))).toBe('"kubectl"');
    expect(printManager(managerId({ manager: 'k', operation: 'Update', apiVersion: 'v1', subresource: 'status' }))).toBe('"k" with subresource "status" using v1');
  });

  it('build the 409 of an apply with conflicts', () => {
    const one = conflictError([{ manager: managerId({ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1' }), path: f('spec', 'replicas') }]);
    expect(one.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .spec.replicas',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using v1', field: '.spec.replicas' }] },
      code: 409,
    });
    const two = conflictError([
      { manager: managerId({ manager: 'b', operation: 'Apply' }), path: f('spec', 'x') },
      { manager: managerId({ manager: 'a', operation: 'Apply' }), path: f('spec', 'y') },
      { manager: managerId({ manager: 'a', operation: 'Apply' }), path: f('spec', 'z') },
    ]);
    expect(two.status.message).toBe('Apply failed with 3 conflicts: conflicts with "a":\n- .spec.y\n- .spec.z\nconflicts with "b":\n- .spec.x');
  });

  it('cap update managers at 10, merging the oldest per version into ancient-changes', () => {
    const m: Managed = { fields: new Map(), times: new Map() };
    for (let i = 0; i < 12; i++) {
      const id = managerId({ manager: `m${String(i).padStart(2, '0')}`, operation: 'Update', apiVersion: 'v1' });
      m.fields.set(id, { set: FieldSet.of(f('spec', `f${i}`)), apiVersion: 'v1', applied: false });
      m.times.set(id, `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`);
    }
    capUpdateManagers(m);
    expect(m.fields.size).toBe(10);
    const bucket = m.fields.get(managerId({ manager: 'ancient-changes', operation: 'Update', apiVersion: 'v1' }));
    expect(bucket?.set.paths().map(pathString)).toEqual(['.spec.f0', '.spec.f1', '.spec.f2']);
  });
});
