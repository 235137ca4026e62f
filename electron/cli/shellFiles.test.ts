import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ShellEngine } from '../../core/shell/engine';
import { tempDir } from '../../test/helpers';
import { sandboxedFiles } from './shellFiles';
import { HistoryFile, historyPath } from './shellHistory';
import { keys } from './lineInput';

/** A workspace beside a secret file, with links pointing out of it. */
function workspace() {
  const dir = tempDir('kubelab-ws-');
  const ws = join(dir, 'workspace');
  mkdirSync(join(ws, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'secret.txt'), 'outside\n');
  writeFileSync(join(ws, 'pod.yaml'), 'kind: Pod\n');
  symlinkSync(join(dir, 'secret.txt'), join(ws, 'link-out'));
  symlinkSync(dir, join(ws, 'sub', 'dir-out'));
  symlinkSync(join(dir, 'nothing-yet'), join(ws, 'dangling'));
  symlinkSync(join(ws, 'pod.yaml'), join(ws, 'link-in'));
  return { dir, ws };
}

function shell(ws: string) {
  let out = '';
  let err = '';
  const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
  const engine = new ShellEngine(async () => ({ status: 404, body: {} }), state, { out: (t) => (out += t), err: (t) => (err += t) }, { files: sandboxedFiles(ws) });
  return async (line: string) => {
    out = '';
    err = '';
    await engine.run(line);
    return { out, err, code: state.lastExit };
  };
}

describe('the workspace on disk', () => {
  it('reads and writes real files, and the builtins work on them', async () => {
    const { ws } = workspace();
    const run = shell(ws);
    await run('mkdir -p a/b && echo hi > a/b/f.txt && cp pod.yaml a/ && mv a/pod.yaml a/copy.yaml');
    expect(readFileSync(join(ws, 'a', 'b', 'f.txt'), 'utf8')).toBe('hi\n');
    expect(readFileSync(join(ws, 'a', 'copy.yaml'), 'utf8')).toBe('kind: Pod\n');
    expect((await run('ls a; cat link-in')).out).toBe('b\ncopy.yaml\nkind: Pod\n');
    await run('rm -r a');
    expect(existsSync(join(ws, 'a'))).toBe(false);
  });

  it('lets nothing reach outside the workspace: .., absolute paths, symbolic links', async () => {
    const { dir, ws } = workspace();
    const files = sandboxedFiles(ws);
    await expect(files.readFile('../secret.txt')).rejects.toMatchObject({ code: 'EACCES' });
    await expect(files.readFile(join(dir, 'secret.txt'))).rejects.toMatchObject({ code: 'EACCES' });
    await expect(files.readFile('link-out')).rejects.toMatchObject({ code: 'EACCES' });
    await expect(files.readDir('sub/dir-out')).rejects.toMatchObject({ code: 'EACCES' });
    await expect(files.writeFile?.('sub/dir-out/planted', 'x')).rejects.toMatchObject({ code: 'EACCES' });
    await expect(files.writeFile?.('dangling', 'x')).rejects.toMatchObject({ code: 'EACCES' });
    expect(existsSync(join(dir, 'planted'))).toBe(false);
    expect(existsSync(join(dir, 'nothing-yet'))).toBe(false);
    // The shell resolves .. at its top as / (a chroot): `cat ../secret.txt` is the workspace's own (missing) file.
    const run = shell(ws);
    expect(await run('cat ../secret.txt')).toMatchObject({ err: 'cat: ../secret.txt: No such file or directory\n', code: 1 });
    expect(await run('cat link-out')).toMatchObject({ err: 'cat: link-out: No such file or directory\n', code: 1 });
    expect((await run('echo x > sub/dir-out/planted')).err).toBe('kubelab: sub/dir-out/planted: Permission denied\n');
    // Removing a link removes the link, not what it points to.
    await run('rm link-out');
    expect(readFileSync(join(dir, 'secret.txt'), 'utf8')).toBe('outside\n');
  });
});

describe('the shell history file', () => {
  it('lives in the cluster folder of a workspace, else in the data directory', () => {
    const dir = tempDir('kubelab-hist-');
    const cluster = join(dir, 'clusters', 'default');
    mkdirSync(join(cluster, 'workspace'), { recursive: true });
    writeFileSync(join(cluster, 'cluster.json'), '{}');
    expect(historyPath(join(cluster, 'workspace'), join(dir, 'data'))).toBe(join(cluster, 'shell_history'));
    expect(historyPath(dir, join(dir, 'data'))).toBe(join(dir, 'data', 'shell_history'));
  });

  it('keeps commands (of several lines too) across sessions, once each in a row', () => {
    const path = join(tempDir('kubelab-hist-'), 'h');
    const a = new HistoryFile(path);
    a.add('kubectl get pods');
    a.add('kubectl get pods');
    a.add('cat <<EOF > f\nx\nEOF');
    expect(new HistoryFile(path).entries()).toEqual(['kubectl get pods', 'cat <<EOF > f\nx\nEOF']);
    a.clear();
    expect(new HistoryFile(path).entries()).toEqual([]);
  });
});

describe('terminal keys', () => {
  it('splits raw input into keys, escape sequences whole', () => {
    expect(keys('ab\x1b[A\x12\x1bOH\r')).toEqual(['a', 'b', '\x1b[A', '\x12', '\x1bOH', '\r']);
  });
});
