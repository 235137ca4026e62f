// The Electron binary check shared by `npm start` and `npm run dist` (electron/cli/electron-binary.mjs),
// against fake `node_modules/electron` folders.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronPackageDir, findElectronBinary, runElectronInstaller } from '../../electron/cli/electron-binary.mjs';

let dir = '';

function fakePackage(opts: { pathTxt?: string; binary?: string; installer?: string }): string {
  const pkg = join(dir, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  if (opts.pathTxt !== undefined) writeFileSync(join(pkg, 'path.txt'), opts.pathTxt);
  if (opts.binary !== undefined) {
    const bin = join(pkg, 'dist', opts.binary);
    mkdirSync(join(bin, '..'), { recursive: true });
    writeFileSync(bin, '#!/bin/sh\n');
    chmodSync(bin, 0o755);
  }
  if (opts.installer !== undefined) writeFileSync(join(pkg, 'install.js'), opts.installer);
  return pkg;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubelab-electron-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('finds dist/<path.txt> when both exist', () => {
    const pkg = fakePackage({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary(pkg, {})).toBe(join(pkg, 'dist', 'electron'));
  });

  it('follows a nested path such as the macOS app bundle', () => {
    const rel = 'Electron.app/Contents/MacOS/Electron';
    const pkg = fakePackage({ pathTxt: rel, binary: rel });
    expect(findElectronBinary(pkg, {})).toBe(join(pkg, 'dist', rel));
  });

  it('is null without path.txt (the binary was never downloaded)', () => {
    const pkg = fakePackage({ binary: 'electron' });
    expect(findElectronBinary(pkg, {})).toBeNull();
  });

  it('is null when path.txt names a missing file', () => {
    const pkg = fakePackage({ pathTxt: 'electron' });
    expect(findElectronBinary(pkg, {})).toBeNull();
  });

  it('is null when path.txt names a folder', () => {
    const pkg = fakePackage({ pathTxt: 'dist-folder' });
    mkdirSync(join(pkg, 'dist', 'dist-folder'));
    expect(findElectronBinary(pkg, {})).toBeNull();
  });

  it('is null when the package folder does not exist', () => {
    expect(findElectronBinary(join(dir, 'nowhere'), {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js', () => {
    const pkg = fakePackage({});
    const other = join(dir, 'custom-dist');
    mkdirSync(other);
    writeFileSync(join(other, 'electron'), '');
    expect(findElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: other })).toBe(join(other, 'electron'));
  });
});

describe('runElectronInstaller', () => {
  it('is true when install.js succeeds, and the binary is then found', async () => {
    const pkg = fakePackage({
      installer: `const fs = require('fs'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');`,
    });
    writeFileSync(join(pkg, 'package.json'), '{"type":"commonjs"}');
    expect(findElectronBinary(pkg, {})).toBeNull();
    expect(await runElectronInstaller(pkg)).toBe(true);
    expect(findElectronBinary(pkg, {})).toBe(join(pkg, 'dist', 'electron'));
  });

  it('is false when install.js fails (as with no network)', async () => {
    const pkg = fakePackage({ installer: `process.exit(1);` });
    expect(await runElectronInstaller(pkg)).toBe(false);
  });

  it('is false when install.js outlives the time limit', async () => {
    const pkg = fakePackage({ installer: `setTimeout(() => {}, 60000);` });
    const started = Date.now();
    expect(await runElectronInstaller(pkg, { timeoutMs: 300 })).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('is false when there is no install.js', async () => {
    expect(await runElectronInstaller(fakePackage({}))).toBe(false);
  });
});

describe('electronPackageDir', () => {
  it('resolves the installed electron package without loading it', () => {
    expect(electronPackageDir()).toMatch(/node_modules[\\/]electron$/);
  });
});
