import { describe, expect, it } from 'vitest';
import { goJson } from '../printers/json';
import { jsonMergePatch, kindSchema, twoWayMergePatch } from './twoWay';

const deployment = kindSchema('apps', 'v1', 'Deployment');
const pod = kindSchema('', 'v1', 'Pod');

describe('the two-way strategic merge patch', () => {
  it('changes a container by its merge key, with the order of the list', () => {
    const before = { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'log', image: 'busybox' }] } } } };
    const after = { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }, { name: 'log', image: 'busybox' }] } } } };
    expect(goJson(twoWayMergePatch(before, after, deployment))).toBe('{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"log"}],"containers":[{"image":"nginx:1.28","name":"web"}]}}}}');
  });

  it('deletes a removed item of a keyed list with a directive, and a removed field with null', () => {
    const before = { metadata: { labels: { a: '1', b: '2' } }, spec: { containers: [{ name: 'a', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }] } };
    const after = { metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'a', env: [{ name: 'Y', value: '2' }] }] } };
    expect(goJson(twoWayMergePatch(before, after, pod))).toBe(
      '{"metadata":{"labels":{"b":null}},"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$setElementOrder/env":[{"name":"Y"}],"env":[{"$patch":"delete","name":"X"}],"name":"a"}]}}',
    );
  });

  it('diffs a list of scalars with the merge strategy as a set, and replaces an atomic list whole', () => {
    const before = { metadata: { finalizers: ['a', 'b'] }, spec: { containers: [{ name: 'c', args: ['x', 'y'] }] } };
    const after = { metadata: { finalizers: ['b', 'c'] }, spec: { containers: [{ name: 'c', args: ['y'] }] } };
    expect(goJson(twoWayMergePatch(before, after, pod))).toBe(
      '{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"$setElementOrder/finalizers":["b","c"],"finalizers":["c"]},"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"args":["y"],"name":"c"}]}}',
    );
  });

  it('adds $retainKeys for a retainKeys struct (a Deployment strategy)', () => {
    const before = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } } };
    const after = { spec: { strategy: { type: 'Recreate' } } };
    expect(goJson(twoWayMergePatch(before, after, deployment))).toBe('{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}}');
  });

  it('is empty when nothing changed, and takes a whole list when the old one was empty', () => {
    const same = { spec: { replicas: 2, template: { spec: { containers: [{ name: 'a' }] } } } };
    expect(twoWayMergePatch(same, structuredClone(same), deployment)).toEqual({});
    expect(twoWayMergePatch({ spec: { taints: [] } }, { spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] } }, kindSchema('', 'v1', 'Node'))).toEqual({ spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] } });
  });

  it('has no schema for a kind kubectl does not know; those get a JSON merge patch', () => {
    expect(kindSchema('example.com', 'v1', 'Widget')).toBeUndefined();
    expect(jsonMergePatch({ spec: { a: 1, b: [1, 2] }, x: 1 }, { spec: { a: 1, b: [2] } })).toEqual({ spec: { b: [2] }, x: null });
  });
});
