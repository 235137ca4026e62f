/**
 * The crash test: `kubelab serve` under a stream of API writes from several clients is killed
 * with SIGKILL at random moments (snapshots are made to happen often, so some kills land in
 * the middle of a snapshot rewrite), then restarted. Every write that got a 2xx answer must be
 * there, the store's revision must never go back, and the state must load every time.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Random } from '../../core/clock/random';
import { kubelab, tempDir } from '../helpers';

const KILLS = Number(process.env.KUBELAB_CRASH_KILLS ?? '') || 50;
const CLIENTS = 4;

interface Running {
  origin: string;
  token: string;
  kill(): Promise<void>;
}

function start(dir: string): Promise<Running> {
  const child = kubelab(['serve', '--port', '0', '--data', dir, '--nodes', '1'], { KUBELAB_SNAPSHOT_AFTER_BYTES: '60000' });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((r) => child.on('close', () => r()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^KubeLab ready: (http:\/\/[^/]+)\/\?token=(\S+)\n/.exec(out);
      if (m) resolve({ origin: m[1] as string, token: m[2] as string, kill: () => (child.kill('SIGKILL'), exited) });
    });
    child.on('close', (code) => reject(new Error(`kubelab serve exited (${code}) before it was ready: ${stderr}`)));
  });
}

describe('crash safety', () => {
  it(`loses no acknowledged write over ${KILLS} SIGKILLs at random moments`, async () => {
    const dir = tempDir();
    const random = new Random(20261122);
    const acked = new Map<string, number>();
    let maxAckedRevision = 0;
    let writesSent = 0;
    let failedOrCut = 0;
    let loads = 0;
    let killedMidSnapshot = 0;
    for (let round = 0; round < KILLS; round++) {
      const lab = await start(dir);
      loads++;
      const headers = { authorization: `Bearer ${lab.token}`, 'content-type': 'application/json' };
      // After a restart: every acknowledged write is there, and the revision did not go back.
      const list = (await (await fetch(`${lab.origin}/api/v1/namespaces/default/configmaps`, { headers })).json()) as { metadata: { resourceVersion: string }; items: { metadata: { name: string } }[] };
      const present = new Set(list.items.map((i) => i.metadata.name));
      const missing = [...acked.keys()].filter((n) => !present.has(n));
      expect(missing, `round ${round}: acknowledged writes lost`).toEqual([]);
      expect(Number(list.metadata.resourceVersion), `round ${round}: the revision went back`).toBeGreaterThanOrEqual(maxAckedRevision);
      let stop = false;
      const writer = async (c: number) => {
        for (let i = 0; !stop; i++) {
          const name = `r${round}-c${c}-${i}`;
          writesSent++;
          try {
            const res = await fetch(`${lab.origin}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers, body: JSON.stringify({ metadata: { name }, data: { payload: 'x'.repeat(200 + (i % 7) * 100) } }) });
            if (res.status === 201) {
              const body = (await res.json()) as { metadata: { resourceVersion: string } };
              acked.set(name, Number(body.metadata.resourceVersion));
              maxAckedRevision = Math.max(maxAckedRevision, Number(body.metadata.resourceVersion));
            } else failedOrCut++;
          } catch {
            failedOrCut++;
            return;
          }
        }
      };
      const writers = Array.from({ length: CLIENTS }, (_, c) => writer(c));
      const temp = join(dir, 'clusters', 'default', '.state.json.tmp');
      if (round % 5 === 4) {
        // Every fifth kill waits for a snapshot rewrite to be under way (its temp file exists).
        const until = Date.now() + 3000;
        while (!existsSync(temp) && Date.now() < until) await new Promise((r) => setTimeout(r, 1));
      } else await new Promise((r) => setTimeout(r, 50 + random.int(600)));
      await lab.kill();
      // A temp file left behind means the kill came in the middle of a snapshot rewrite.
      if (existsSync(temp)) killedMidSnapshot++;
      stop = true;
      await Promise.all(writers);
    }
    const lab = await start(dir);
    loads++;
    const list = (await (await fetch(`${lab.origin}/api/v1/namespaces/default/configmaps`, { headers: { authorization: `Bearer ${lab.token}` } })).json()) as { items: { metadata: { name: string } }[] };
    const present = new Set(list.items.map((i) => i.metadata.name));
    expect([...acked.keys()].filter((n) => !present.has(n))).toEqual([]);
    await lab.kill();
    process.stdout.write(`crash test: ${KILLS} SIGKILLs (${killedMidSnapshot} during a snapshot rewrite), ${loads} loads, ${writesSent} writes sent, ${acked.size} acknowledged and all present after every restart, ${failedOrCut} cut by a kill or failed, final revision ≥ ${maxAckedRevision}\n`);
    expect(acked.size).toBeGreaterThan(KILLS);
    // Some kills came in the middle of a snapshot rewrite (every fifth waits for one).
    expect(killedMidSnapshot).toBeGreaterThan(0);
  }, 900_000);
});
