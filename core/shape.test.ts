import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKER, machineShape, shapeProblems } from './shape';

describe('cluster shape', () => {
  it('keeps the kind-like defaults when nothing is given', () => {
    expect(machineShape(undefined, 'kubelab-worker', 1)).toEqual(DEFAULT_WORKER);
    expect(machineShape(undefined, 'kubelab-control-plane', 0).cpu).toBe('2');
  });

  it('deals zones to the workers in turn, converts memory to Ki and lets a node override the workers', () => {
    const shape = { workers: { cpu: '8', memory: '16Gi' }, zones: ['a', 'b'], nodes: { 'kubelab-worker3': { cpu: '1', labels: { gpu: 'yes' }, taints: [{ key: 'gpu', effect: 'NoSchedule' as const }] } } };
    const w1 = machineShape(shape, 'kubelab-worker', 1);
    const w2 = machineShape(shape, 'kubelab-worker2', 2);
    const w3 = machineShape(shape, 'kubelab-worker3', 3);
    expect([w1.labels['topology.kubernetes.io/zone'], w2.labels['topology.kubernetes.io/zone'], w3.labels['topology.kubernetes.io/zone']]).toEqual(['a', 'b', 'a']);
    expect(w1.memory).toBe(`${16 * 1024 * 1024}Ki`);
    expect(w3).toMatchObject({ cpu: '1', memory: `${16 * 1024 * 1024}Ki`, labels: { gpu: 'yes' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] });
    expect(machineShape(shape, 'kubelab-control-plane', 0).labels).toEqual({});
  });

  it('names every problem of a bad shape', () => {
    expect(shapeProblems({ workers: { cpu: '4', memory: '8Gi', pods: 50, zone: 'z1' } })).toEqual([]);
    expect(shapeProblems({ workers: { cpu: 'lots', pods: 0, colour: 'red' }, zones: ['ok', 'no way'], nodes: { n: { taints: [{ key: 'k', effect: 'Sometimes' }] } }, extra: 1 })).toEqual([
      'extra: unknown field (known: controlPlane, workers, nodes, zones)',
      'workers.colour: unknown field (known: cpu, memory, pods, labels, taints, zone, region)',
      'workers.cpu: "lots" is not a positive quantity (such as 4 or 500m)',
      'workers.pods: must be a whole number from 1 to 10000',
      'nodes.n.taints[0].effect: must be one of NoSchedule, PreferNoSchedule, NoExecute',
      expect.stringMatching(/^zones: "no way": a valid label must be/),
    ]);
    expect(shapeProblems([1])).toEqual(['the shape must be an object']);
  });
});
