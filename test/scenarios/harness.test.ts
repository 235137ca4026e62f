import { describe, expect, it } from 'vitest';
import { scenario } from './harness';

describe('scenario harness', () => {
  it('starts a cluster whose nodes kubectl shows Ready, and replays identically from a seed', async () => {
    const a = await scenario({ seed: 7 });
    const nodes = await a.kubectl('kubectl get nodes');
    expect(nodes.out.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(nodes.out).toMatch(/kubelab-worker2\s+Ready/);
    const b = await scenario({ seed: 7 });
    expect(JSON.stringify(b.dump())).toBe(JSON.stringify(a.dump()));
    a.stop();
    b.stop();
  });
});
