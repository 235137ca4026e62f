import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from './fitError';
import { numFeasibleNodesToFind } from './runtime';
import { podRequests, quantityScaled } from './resources';
import { Status } from './types';
import type { Pod } from '../../api/types';

describe('numFeasibleNodesToFind (adaptive percentageOfNodesToScore)', () => {
  it.each([
    [3, 3],
    [99, 99],
    [100, 100],
    [200, 100],
    [1000, 420],
    [5000, 500],
    [6000, 300],
  ])('%i nodes → %i', (n, want) => expect(numFeasibleNodesToFind(n)).toBe(want));
});

describe('quantities and effective requests', () => {
  it('parses cpu to millicores and memory to bytes, rounding up', () => {
    expect(quantityScaled('0.1', 3)).toBe(100);
    expect(quantityScaled('250m', 3)).toBe(250);
    expect(quantityScaled('2', 3)).toBe(2000);
    expect(quantityScaled('1Gi', 0)).toBe(1024 ** 3);
    expect(quantityScaled('1.5Mi', 0)).toBe(1.5 * 1024 ** 2);
    expect(quantityScaled('1e3', 0)).toBe(1000);
  });

  it('takes the larger of the containers and each init container, plus the overhead', () => {
    const pod = {
      metadata: { name: 'p' },
      spec: {
        initContainers: [{ name: 'i', resources: { requests: { cpu: '2', memory: '3G' } } }],
        containers: [
          { name: 'a', resources: { requests: { cpu: '2', memory: '1G' } } },
          { name: 'b', resources: { requests: { cpu: '1', memory: '1G' } } },
        ],
        overhead: { cpu: '250m' },
      },
    } as unknown as Pod;
    expect(podRequests(pod)).toMatchObject({ milliCPU: 3250, memory: 3e9 });
    const empty = { metadata: { name: 'e' }, spec: { containers: [{ name: 'a' }] } } as unknown as Pod;
    expect(podRequests(empty, true)).toMatchObject({ milliCPU: 100, memory: 200 * 1024 * 1024 });
  });
});

describe('fitErrorMessage', () => {
  it('counts and sorts the reasons, then appends the preemption message', () => {
    const byNode = new Map([
      ['cp', new Status('UnschedulableAndUnresolvable', ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'])],
      ['w1', new Status('Unschedulable', ['Insufficient cpu'])],
      ['w2', new Status('Unschedulable', ['Insufficient cpu', 'Insufficient memory'])],
    ]);
    expect(fitErrorMessage(3, { statuses: { byNode }, postFilterMsg: 'preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' })).toBe(
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..',
    );
  });

  it('prints a PreFilter rejection instead of per-node reasons', () => {
    const absent = new Status('UnschedulableAndUnresolvable', ['pod has unbound immediate PersistentVolumeClaims']);
    expect(fitErrorMessage(3, { statuses: { byNode: new Map(), absent }, preFilterMsg: absent.message })).toBe('0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.');
  });
});
