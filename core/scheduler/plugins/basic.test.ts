import { describe, expect, it } from 'vitest';
import type { Node, Pod, Taint, Toleration } from '../../api/types';
import { fitErrorMessage, type NodeVerdict } from '../framework';
import { ERR_NODE_SELECTOR, ERR_TOO_MANY_PODS, ERR_UNSCHEDULABLE, leastAllocatedPods, nodeSelector, nodeName, nodeResourcesFit, nodeUnschedulable, taintToleration, tolerates } from './basic';

function pod(spec: Partial<Pod['spec']> = {}): Pod {
  return { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

function node(name: string, spec: Node['spec'] = {}, pods = '110'): Node {
  return { metadata: { name }, spec, status: { allocatable: { pods } } };
}

const noSchedule: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };

describe('tolerates', () => {
  it.each<[string, Toleration, Taint, boolean]>([
    ['Exists without a key tolerates everything', { operator: 'Exists' }, noSchedule, true],
    ['Exists without a key tolerates NoExecute too', { operator: 'Exists' }, { key: 'x', effect: 'NoExecute' }, true],
    ['Exists with the key ignores the value', { key: 'dedicated', operator: 'Exists' }, noSchedule, true],
    ['Exists with another key does not', { key: 'other', operator: 'Exists' }, noSchedule, false],
    ['Equal needs the same value', { key: 'dedicated', operator: 'Equal', value: 'gpu' }, noSchedule, true],
    ['Equal with another value does not', { key: 'dedicated', operator: 'Equal', value: 'cpu' }, noSchedule, false],
    ['no operator means Equal', { key: 'dedicated', value: 'gpu' }, noSchedule, true],
    ['Equal with no value matches an empty taint value', { key: 'k', operator: 'Equal' }, { key: 'k', effect: 'NoSchedule' }, true],
    ['a matching effect is fine', { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }, noSchedule, true],
    ['another effect is not', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, noSchedule, false],
    ['an empty effect matches every effect', { key: 'dedicated', operator: 'Exists', effect: '' }, noSchedule, true],
  ])('%s', (_name, toleration, taint, expected) => {
    expect(tolerates(toleration, taint)).toBe(expected);
  });
});

describe('filters', () => {
  it('TaintToleration keeps out pods that do not tolerate NoSchedule or NoExecute taints', () => {
    const info = { node: node('n1', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }), pods: [] };
    expect(taintToleration.filter(pod(), info)).toEqual({ reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], unresolvable: true });
    expect(taintToleration.filter(pod({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }), info)).toBeUndefined();
    const valued = { node: node('n2', { taints: [noSchedule] }), pods: [] };
    expect(taintToleration.filter(pod(), valued)?.reasons).toEqual(['node(s) had untolerated taint {dedicated: gpu}']);
    const soft = { node: node('n3', { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }), pods: [] };
    expect(taintToleration.filter(pod(), soft)).toBeUndefined();
  });

  it('NodeUnschedulable refuses cordoned nodes unless the pod tolerates the unschedulable taint', () => {
    const info = { node: node('n1', { unschedulable: true }), pods: [] };
    expect(nodeUnschedulable.filter(pod(), info)).toEqual({ reasons: [ERR_UNSCHEDULABLE], unresolvable: true });
    expect(nodeUnschedulable.filter(pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }), info)).toBeUndefined();
    expect(nodeUnschedulable.filter(pod(), { node: node('n2'), pods: [] })).toBeUndefined();
  });

  it('NodeName pins a pod to its node', () => {
    expect(nodeName.filter(pod({ nodeName: 'n1' }), { node: node('n1'), pods: [] })).toBeUndefined();
    expect(nodeName.filter(pod({ nodeName: 'n1' }), { node: node('n2'), pods: [] })?.reasons).toEqual(["node(s) didn't match the requested node name"]);
    expect(nodeName.filter(pod(), { node: node('n2'), pods: [] })).toBeUndefined();
  });

  it('NodeResourcesFit counts pods against allocatable pods', () => {
    const full = { node: node('n1', {}, '2'), pods: [pod(), pod()] };
    expect(nodeResourcesFit.filter(pod(), full)).toEqual({ reasons: [ERR_TOO_MANY_PODS] });
    expect(nodeResourcesFit.filter(pod(), { node: node('n1', {}, '3'), pods: [pod(), pod()] })).toBeUndefined();
  });

  it('LeastAllocated scores emptier nodes higher', () => {
    const empty = leastAllocatedPods.score(pod(), { node: node('a', {}, '10'), pods: [] });
    const half = leastAllocatedPods.score(pod(), { node: node('b', {}, '10'), pods: Array.from({ length: 5 }, () => pod()) });
    expect(empty).toBe(100);
    expect(half).toBe(50);
  });
});

describe('fitErrorMessage', () => {
  const filtered = (n: string, reason: string): NodeVerdict => ({ node: n, filteredBy: { plugin: 'X', reasons: [reason] } });

  it('counts each reason and sorts the counts as strings, as FitError does', () => {
    const msg = fitErrorMessage(4, [
      filtered('a', 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'),
      filtered('b', ERR_TOO_MANY_PODS),
      filtered('c', ERR_TOO_MANY_PODS),
      filtered('d', ERR_UNSCHEDULABLE),
    ]);
    expect(msg.startsWith('0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 2 Too many pods. preemption: 0/4 nodes are available: ')).toBe(true);
  });

  it('sorts lexically, so 10 comes before 2', () => {
    const verdicts = [...Array.from({ length: 10 }, (_, i) => filtered(`a${i}`, 'B')), filtered('x', 'A'), filtered('y', 'A')];
    expect(fitErrorMessage(12, verdicts)).toMatch(/^0\/12 nodes are available: 10 B, 2 A\. preemption: 0\/12 nodes are available: /);
  });
});

describe('fitErrorMessage preemption summary', () => {
  const v = (n: string, reason: string, unresolvable: boolean): NodeVerdict => ({ node: n, filteredBy: { plugin: 'X', reasons: [reason], unresolvable } });

  it('ends with the double dot kube-scheduler prints', () => {
    expect(fitErrorMessage(1, [v('a', 'node(s) had untolerated taint {k: }', true)])).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {k: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
  });

  it('says no victims were found for nodes preemption could help', () => {
    expect(fitErrorMessage(3, [v('a', 'node(s) had untolerated taint {k: }', true), v('b', ERR_TOO_MANY_PODS, false), v('c', ERR_TOO_MANY_PODS, false)])).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {k: }, 2 Too many pods. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..',
    );
  });

  it('has its own message when there are no nodes', () => {
    expect(fitErrorMessage(0, [])).toBe('no nodes available to schedule pods');
  });
});

describe('nodeSelector (NodeAffinity)', () => {
  it('keeps a pod off nodes whose labels do not match, with the real reason', () => {
    const labelled = (name: string, labels: Record<string, string>): Node => ({ metadata: { name, labels }, spec: {}, status: { allocatable: { pods: '110' } } });
    const p = pod({ nodeSelector: { 'kubernetes.io/hostname': 'w1' } });
    expect(nodeSelector.filter(p, { node: labelled('w1', { 'kubernetes.io/hostname': 'w1' }), pods: [] })).toBeUndefined();
    expect(nodeSelector.filter(p, { node: labelled('w2', { 'kubernetes.io/hostname': 'w2' }), pods: [] })).toEqual({ reasons: [ERR_NODE_SELECTOR], unresolvable: true });
    expect(nodeSelector.filter(pod(), { node: labelled('w2', {}), pods: [] })).toBeUndefined();
  });
});
