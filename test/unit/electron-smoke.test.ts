// Launches the real desktop app where the Electron binary is installed (never on the offline
// build machine: there the test is skipped and says so). Without a display it runs under
// `xvfb-run` when that exists. The app, started with KUBELAB_SMOKE_TEST=1, prints what its
// window loaded (`KUBELAB_SMOKE {...}`) and quits.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronPackageDir, findElectronBinary, repoRoot } from '../../electron/cli/electron-binary.mjs';

const binary = findElectronBinary(electronPackageDir());
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const xvfbRun = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
const runnable = binary !== null && (hasDisplay || xvfbRun !== '');

if (!binary) console.log('electron smoke test skipped: the Electron binary is not installed (npx install-electron)');
else if (!runnable) console.log('electron smoke test skipped: no display and no xvfb-run (apt-get install xvfb)');

describe('the desktop app', () => {
  it.skipIf(!runnable)('opens one window on the lab (title KubeLab), receives a .kubelab file named on its command line, and quits cleanly', async () => {
    const data = mkdtempSync(join(tmpdir(), 'kubelab-smoke-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, KUBELAB_SMOKE_TEST: '1', KUBELAB_DATA: data };
      delete env.ELECTRON_RUN_AS_NODE;
      writeFileSync(join(data, 'class.kubelab'), Buffer.from([0x1f, 0x8b]));
      const appArgs = ['.', ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []), join(data, 'class.kubelab')];
      const [cmd, args] = hasDisplay ? [binary as string, appArgs] : [xvfbRun, ['-a', binary as string, ...appArgs]];
      const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn(cmd, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.on('close', (c) => {
          clearTimeout(timer);
          done({ code: c, stdout: out, stderr: err });
        });
      });
      const line = stdout.split('\n').find((l) => l.startsWith('KUBELAB_SMOKE '));
      expect(line, `no report from the app; stderr:\n${stderr}`).toBeDefined();
      const report = JSON.parse((line as string).slice('KUBELAB_SMOKE '.length)) as { title: string; origin: string; openedFiles: string[] };
      expect(report.openedFiles).toEqual(['class.kubelab']);
      expect(report.title).toBe('KubeLab');
      expect(report.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(code).toBe(0);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 120_000);
});
