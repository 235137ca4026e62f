import { describe, expect, it } from 'vitest';
import { evaluateJsonPath, parseJsonPath } from './jsonpath';
import { customResourcePrinter } from './printer';

const obj = {
  apiVersion: 'x.io/v1',
  kind: 'X',
  metadata: { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { replicas: 3, ratio: 0.5, on: true, labels: { a: 'b' }, list: [1, 2], 'dotted.key': 'd' },
  status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Synced', status: 'False' }] },
};

describe('JSONPath', () => {
  it('finds fields, indexes, wildcards, filters and recursive descents', () => {
    const find = (p: string) => evaluateJsonPath(parseJsonPath(p), obj);
    expect(find('.spec.replicas')).toEqual([3]);
    expect(find('{.spec.list[1]}')).toEqual([2]);
    expect(find('.spec.list[-1]')).toEqual([2]);
    expect(find(".spec['dotted.key']")).toEqual(['d']);
    expect(find('.status.conditions[*].type')).toEqual(['Ready', 'Synced']);
    expect(find('.status.conditions[?(@.type=="Ready")].status')).toEqual(['True']);
    expect(find('..status')).toEqual([{ conditions: obj.status.conditions }, 'True', 'False']);
    expect(find('.spec.missing')).toEqual([]);
    expect(() => parseJsonPath('.spec[')).toThrow();
  });
});

describe('the custom resource printer', () => {
  it('prints each type of column as the table convertor does', () => {
    const p = customResourcePrinter([
      { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
      { name: 'Ratio', type: 'number', jsonPath: '.spec.ratio' },
      { name: 'On', type: 'boolean', jsonPath: '.spec.on' },
      { name: 'Labels', type: 'string', jsonPath: '.spec.labels' },
      { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
      { name: 'Created', type: 'date', jsonPath: '.metadata.creationTimestamp' },
      { name: 'Missing', type: 'string', jsonPath: '.spec.nothing', priority: 1 },
      { name: 'Mistyped', type: 'integer', jsonPath: '.spec.labels' },
    ]);
    expect(p.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Replicas', 'integer', 0],
      ['Ratio', 'number', 0],
      ['On', 'boolean', 0],
      ['Labels', 'string', 0],
      ['Ready', 'string', 0],
      ['Created', 'date', 0],
      ['Missing', 'string', 1],
      ['Mistyped', 'integer', 0],
    ]);
    expect(p.columns[1]?.description).toBe('Custom resource definition column (in JSONPath format): .spec.replicas');
    expect(p.cells(obj, Date.parse('2026-01-01T01:00:00Z'))).toEqual(['x', 3, 0.5, true, '{"a":"b"}', 'True', '60m', null, null]);
  });

  it('serves Name and Age when the version declares no columns', () => {
    const p = customResourcePrinter(undefined);
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Age', 'date'],
    ]);
    expect(p.cells(obj, Date.parse('2026-01-02T00:00:00Z'))).toEqual(['x', '24h']);
  });
});
