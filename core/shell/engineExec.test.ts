import { describe, expect, it } from 'vitest';
import { readTar, writeTar } from '../kubelet/runtime/tarFormat';
import { testShell } from './testing';
import type { RemoteOutput, RemoteSession, ShellExec, ShellTransport } from './types';

const POD = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'bb', namespace: 'default' }, spec: { containers: [{ name: 'bb', image: 'busybox' }] }, status: { phase: 'Running' } };

const transport: ShellTransport = async (method, path) => {
  if (method === 'GET' && path === '/api/v1/namespaces/default/pods/bb') return { status: 200, body: POD };
  return { status: 404, body: { kind: 'Status', status: 'Failure', message: 'pods "x" not found', reason: 'NotFound', code: 404 } };
};

const SUCCESS = { status: 'Success' };
const exitCode = (code: number) => ({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: String(code) }] } });

/** A container with `cat`, `test -d /srv`, `tar cf - /etc/hostname` and `tar -xmf -` (what it unpacked is kept), behind a front end whose terminal types nothing. */
function fakeExec() {
  const unpacked: { command: string[]; names: string[] }[] = [];
  const exec: ShellExec = {
    stdinIsTTY: true,
    size: () => ({ cols: 80, rows: 24 }),
    // The terminal: nothing is typed, and it stays open.
    takeStdin: () => () => undefined,
    async open(_path, query, output: RemoteOutput): Promise<RemoteSession> {
      const command = query.filter(([k]) => k === 'command').map(([, v]) => v);
      let input = '';
      let finish: (s: Record<string, unknown>) => void = () => undefined;
      const done = new Promise<Record<string, unknown>>((r) => (finish = r));
      const end = () => {
        if (command[0] === 'cat') output.stdout(input);
        if (command[0] === 'tar' && command.includes('-xmf')) unpacked.push({ command, names: readTar(input).map((e) => `${e.name}=${e.content}`) });
        finish(SUCCESS);
      };
      if (command[0] === 'test') finish(command[2] === '/srv' ? SUCCESS : exitCode(1));
      else if (command[0] === 'tar' && command[1] === 'cf') {
        if (command[3] === '/etc/hostname') {
          output.stderr("tar: removing leading '/' from member names\n");
          output.stdout(writeTar([{ name: 'etc/hostname', dir: false, content: 'bb\n' }], 0));
          finish(SUCCESS);
        } else {
          output.stderr("tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\n");
          output.stdout(writeTar([], 0));
          output.stderr('tar: Exiting with failure status due to previous errors\n');
          finish(exitCode(2));
        }
      }
      return { write: (t) => (input += t), closeStdin: end, resize: () => undefined, done, close: () => finish(SUCCESS) };
    },
  };
  return { exec, unpacked };
}

describe('kubectl exec -i with the shell piping into it', () => {
  it('sends what a pipe, a here-document or a redirection gives as stdin', async () => {
    const { exec } = fakeExec();
    const sh = testShell({ 'in.txt': 'from a file\n' }, { exec }, transport);
    expect(await sh.run('echo hi | kubectl exec -i bb -- cat')).toMatchObject({ out: 'hi\n', err: '', code: 0 });
    expect(await sh.run('kubectl exec -i bb -- cat <<EOF\none\ntwo\nEOF')).toMatchObject({ out: 'one\ntwo\n', code: 0 });
    expect(await sh.run('kubectl exec -i bb -- cat < in.txt | grep file')).toMatchObject({ out: 'from a file\n', code: 0 });
  });

  it('with -t and a pipe, says the input is no terminal and goes on without one', async () => {
    const { exec } = fakeExec();
    const sh = testShell({}, { exec }, transport);
    expect(await sh.run('echo x | kubectl exec -it bb -- cat')).toMatchObject({ out: 'x\n', err: 'Unable to use a TTY - input is not a terminal or the right kind of file\n', code: 0 });
  });
});

describe('kubectl cp with the workspace', () => {
  it('copies a file out of a container into the workspace, from the working directory', async () => {
    const { exec } = fakeExec();
    const sh = testShell({ 'sub/keep': '' }, { exec }, transport);
    expect(await sh.run('kubectl cp bb:/etc/hostname hostname')).toMatchObject({ out: "tar: removing leading '/' from member names\n", err: '', code: 0 });
    expect(sh.fs.files.get('/hostname')?.text).toBe('bb\n');
    await sh.run('cd sub');
    expect(await sh.run('kubectl cp bb:/etc/hostname deeper/h')).toMatchObject({ code: 0 });
    expect(sh.fs.files.get('/sub/deeper/h')?.text).toBe('bb\n');
  });

  it('answers as kubectl for a directory in the way and for a missing file in the container', async () => {
    const { exec } = fakeExec();
    const sh = testShell({ 'sub/keep': '' }, { exec }, transport);
    expect(await sh.run('kubectl cp bb:/etc/hostname sub')).toMatchObject({ err: 'error: open sub: is a directory\n', code: 1 });
    const r = await sh.run('kubectl cp bb:/nope here');
    // kubectl stops at the archive's end: tar's exit status goes unread.
    expect(r).toMatchObject({ out: "tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n", err: '', code: 0 });
    expect(sh.fs.files.has('/here')).toBe(false);
  });

  it('copies a workspace file into a container, into a directory there', async () => {
    const { exec, unpacked } = fakeExec();
    const sh = testShell({ 'notes/a.txt': 'A\n' }, { exec }, transport);
    await sh.run('cd notes');
    expect(await sh.run('kubectl cp a.txt bb:/srv')).toMatchObject({ out: '', err: '', code: 0 });
    expect(unpacked).toEqual([{ command: ['tar', '-xmf', '-', '-C', '/srv'], names: ['a.txt=A\n'] }]);
  });
});
