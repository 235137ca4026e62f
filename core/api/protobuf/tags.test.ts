/** The schema's protobuf tags are complete and consistent (they were generated from 1.32's generated.proto). */
import { describe, expect, it } from 'vitest';
import { apiSchemas } from '../schema/index';
import { fieldTable } from './fields';

describe('protobuf tags of the schema', () => {
  const defs = apiSchemas().all();

  it('tag every property of every message, except the TypeMeta that runtime.Unknown carries', () => {
    const missing: string[] = [];
    for (const d of defs) {
      if (d.schema.kind !== 'object') continue;
      const tags = d.schema.proto?.tags ?? {};
      for (const p of Object.keys(d.schema.properties)) if (!(p in tags) && p !== 'apiVersion' && p !== 'kind') missing.push(`${d.name}.${p}`);
      if (!d.schema.proto) missing.push(d.name);
    }
    expect(missing).toEqual([]);
  });

  it('use each field number once per message, and name only scalar properties as omitEmpty', () => {
    for (const d of defs) {
      if (d.schema.kind !== 'object' || !d.schema.proto) continue;
      const seen = new Set<string>();
      for (const tag of Object.values(d.schema.proto.tags)) {
        const key = typeof tag === 'number' ? String(tag) : tag.join('.');
        expect(seen.has(key), `${d.name} field ${key}`).toBe(false);
        seen.add(key);
      }
      expect(() => fieldTable(d.schema as Extract<typeof d.schema, { kind: 'object' }>, d.name)).not.toThrow();
      for (const p of d.schema.proto.omitEmpty ?? []) expect(['string', 'integer', 'boolean', 'number'], `${d.name}.${p}`).toContain(d.schema.properties[p]?.kind);
    }
  });

  it('match the well-known numbers of k8s.io/api', () => {
    const tags = (name: string) => {
      const s = apiSchemas().get(name)?.schema;
      return s?.kind === 'object' ? s.proto?.tags : undefined;
    };
    expect(tags('io.k8s.api.apps.v1.Deployment')).toEqual({ metadata: 1, spec: 2, status: 3 });
    expect(tags('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta')).toMatchObject({ name: 1, generateName: 2, namespace: 3, uid: 5, resourceVersion: 6, creationTimestamp: 8, labels: 11, annotations: 12, managedFields: 17 });
    expect(tags('io.k8s.api.core.v1.Volume')).toMatchObject({ name: 1, hostPath: [2, 1], emptyDir: [2, 2], secret: [2, 6], configMap: [2, 19] });
    expect(tags('io.k8s.api.core.v1.Probe')).toMatchObject({ exec: [1, 1], httpGet: [1, 2], initialDelaySeconds: 2 });
    expect(tags('io.k8s.api.core.v1.SecretKeySelector')).toEqual({ key: 2, name: [1, 1], optional: 3 });
    expect(tags('io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps')).toMatchObject({ $ref: 3, $schema: 2, 'x-kubernetes-preserve-unknown-fields': 38 });
  });
});
