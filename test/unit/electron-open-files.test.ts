// `.kubelab` files opened from the OS (electron/main/files.ts, policy.ts): the command-line
// parsing and the queue that hands them to the renderer. Plain Node: the queue and the parsing
// import no electron; the desktop smoke test (electron-smoke.test.ts) covers the real app where
// the Electron binary exists.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_PENDING_FILES, OpenedFiles } from '../../electron/main/files';
import { snapshotArgs } from '../../electron/main/policy';

describe('the command line of a launch', () => {
  it('keeps .kubelab paths and file:// URLs, skips options, other files and other URLs', () => {
    const argv = ['.', '--no-sandbox', '--allow-file-access-from-files', '/home/a/week 1.kubelab', 'notes.txt', 'B.KUBELAB', 'file:///home/a/my%20class.kubelab', 'https://evil.example/x.kubelab', 'file://server/share/x.kubelab', 'C:\\Users\\a\\lab.kubelab', 'file:///C:/Users/a/lab2.kubelab'];
    expect(snapshotArgs(argv)).toEqual(['/home/a/week 1.kubelab', 'B.KUBELAB', '/home/a/my class.kubelab', 'C:\\Users\\a\\lab.kubelab', 'C:/Users/a/lab2.kubelab']);
    expect(snapshotArgs(['-psn_0_12345', 'x.kubelab\0.txt'])).toEqual([]);
  });
});

describe('the queue of opened files', () => {
  it('holds files that arrive before the window, resolves relative paths against the launch folder, and hands each over once as base64', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-open-'));
    try {
      writeFileSync(join(dir, 'a.kubelab'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff]));
      writeFileSync(join(dir, 'b.kubelab'), 'b');
      let notified = 0;
      const warnings: string[] = [];
      const q = new OpenedFiles(() => notified++, undefined, (m) => warnings.push(m));
      q.addArgs(['/opt/KubeLab/kubelab', 'a.kubelab', '--flag'], dir); // the first launch (Windows, Linux)
      q.add(join(dir, 'a.kubelab')); // the same file again (macOS open-file): not queued twice
      q.addArgs(['/opt/KubeLab/kubelab', pathToFileURL(join(dir, 'b.kubelab')).href], '/elsewhere'); // second-instance
      q.add(join(dir, 'missing.kubelab'));
      expect(q.pending).toBe(3);
      expect(notified).toBe(3);
      const files = await q.take();
      expect(files.map((f) => f.name)).toEqual(['a.kubelab', 'b.kubelab']);
      expect(files[0]?.encoding).toBe('base64');
      expect(Buffer.from(files[0]?.data ?? '', 'base64')).toEqual(readFileSync(join(dir, 'a.kubelab')));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/cannot open .*missing\.kubelab/);
      expect(await q.take()).toEqual([]);
      expect(q.received).toEqual(['a.kubelab', 'b.kubelab', 'missing.kubelab']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops what comes beyond its limit, and says so', () => {
    const warnings: string[] = [];
    const q = new OpenedFiles(() => undefined, async () => ({ name: '', data: '', encoding: 'base64' }), (m) => warnings.push(m));
    for (let i = 0; i <= MAX_PENDING_FILES; i++) q.add(`/tmp/f${i}.kubelab`);
    expect(q.pending).toBe(MAX_PENDING_FILES);
    expect(warnings).toEqual([`too many files opened at once: f${MAX_PENDING_FILES}.kubelab was not opened`]);
  });
});
