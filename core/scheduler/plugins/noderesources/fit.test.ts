import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../../api/types';
import { NodeInfo } from '../../framework/nodeInfo';
import { newPodInfo } from '../../framework/podInfo';
import { NodeResourcesFit, insufficientResources } from './fit';

function node(allocatable: Record<string, string>): NodeInfo {
  const info = new NodeInfo('n');
  info.setNode({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: {}, status: { allocatable } } as Node);
  return info;
}

function pod(name: string, requests: Record<string, string> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests } }] } } as Pod;
}

describe('NodeResourcesFit filter', () => {
  const fit = new NodeResourcesFit();
  const state = new Map();

  it('lets a pod onto a node with room and says what a full node lacks', () => {
    const n = node({ cpu: '1', memory: '1Gi', pods: '2', 'example.com/gpu': '1' });
    expect(fit.filter(state, newPodInfo(pod('a', { cpu: '500m', memory: '512Mi' })), n)).toBeUndefined();
    n.addPod(newPodInfo(pod('b', { cpu: '600m', memory: '600Mi' })));
    expect(fit.filter(state, newPodInfo(pod('c', { cpu: '500m', memory: '512Mi' })), n)?.reasons).toEqual(['Insufficient cpu', 'Insufficient memory']);
    expect(fit.filter(state, newPodInfo(pod('d', { 'example.com/gpu': '2' })), n)?.reasons).toEqual(['Insufficient example.com/gpu']);
    expect(fit.filter(state, newPodInfo(pod('e', { 'example.com/gpu': '1' })), n)).toBeUndefined();
    n.addPod(newPodInfo(pod('f')));
    // Pod count first, as fitsRequest checks it; a pod without requests still needs a pod slot.
    expect(fit.filter(state, newPodInfo(pod('g')), n)?.reasons).toEqual(['Too many pods']);
  });

  it('rejects exactly the pods insufficientResources finds something missing for', () => {
    const n = node({ cpu: '2', memory: '2Gi', 'ephemeral-storage': '10Gi', pods: '10' });
    n.addPod(newPodInfo(pod('x', { cpu: '1500m', memory: '1Gi', 'ephemeral-storage': '9Gi' })));
    const cases: Record<string, string>[] = [{}, { cpu: '500m' }, { cpu: '501m' }, { memory: '1Gi' }, { memory: '1025Mi' }, { 'ephemeral-storage': '1Gi' }, { 'ephemeral-storage': '2Gi' }];
    for (const requests of cases) {
      const pi = newPodInfo(pod('p', requests));
      expect(fit.filter(state, pi, n) === undefined).toBe(insufficientResources(pi, n).length === 0);
    }
  });
});
