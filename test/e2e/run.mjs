// `npm run test:e2e`: builds the app when its sources changed, then runs the Playwright tests
// in the system's Chromium (never a downloaded one). Building first keeps the build's time out
// of the host's start timeout in global-setup.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ensureBuild } from '../../electron/cli/ensure-build.mjs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `The browser tests need Chromium at ${chromium}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH to a Chromium binary.`,
  );
  process.exit(1);
}

if (!ensureBuild()) process.exit(1);

const root = resolve(import.meta.dirname, '../..');
const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const result = spawnSync(process.execPath, [cli, 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
