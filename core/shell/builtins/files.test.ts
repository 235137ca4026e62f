import { describe, expect, it } from 'vitest';
import { testShell } from '../testing';
import { columns } from './ls';

describe('file builtins (GNU coreutils output and messages)', () => {
  it('ls lists one a line into a pipe, in columns on a terminal, and -l, -a, -d', async () => {
    const files = { 'b.yaml': 'kind: Pod\n', 'a.txt': 'x', 'dir/c': '', '.hidden': '' };
    const sh = testShell(files);
    expect((await sh.run('ls')).out).toBe('a.txt\nb.yaml\ndir\n');
    expect((await sh.run('ls -a')).out).toBe('.\n..\n.hidden\na.txt\nb.yaml\ndir\n');
    expect((await sh.run('ls -l')).out).toBe(
      ['total 12', '-rw-r--r-- 1 student student    1 Jan  1 09:00 a.txt', '-rw-r--r-- 1 student student   10 Jan  1 09:00 b.yaml', 'drwxr-xr-x 2 student student 4096 Jan  1 09:00 dir', ''].join('\n'),
    );
    expect((await sh.run('ls dir a.txt')).out).toBe('a.txt\n\ndir:\nc\n');
    expect((await sh.run('ls -d dir')).out).toBe('dir\n');
    expect(await sh.run('ls nope')).toMatchObject({ err: "ls: cannot access 'nope': No such file or directory\n", code: 2 });
    expect(await sh.run('ls -z')).toMatchObject({ err: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", code: 2 });
    const tty = testShell(files, { terminal: { columns: () => 80, rows: () => 24 } });
    expect((await tty.run('ls')).out).toBe('a.txt  b.yaml  \x1b[01;34mdir\x1b[0m\n');
  });

  it('lays out columns as GNU ls does (column-major, lines narrower than the terminal)', () => {
    const names = ['alpha', 'beta', 'delta', 'dir1', 'epsilon', 'eta', 'gamma', 'iota', 'kappa', 'theta', 'zeta'];
    expect(columns(names, 29)).toBe('alpha  dir1     gamma  theta\nbeta   epsilon  iota   zeta\ndelta  eta      kappa\n');
    expect(columns(names, 28)).toBe('alpha  epsilon  kappa\nbeta   eta      theta\ndelta  gamma    zeta\ndir1   iota\n');
  });

  it('cd and pwd move inside the workspace, whose top is /', async () => {
    const sh = testShell({ 'apps/web/pod.yaml': '' });
    expect((await sh.run('pwd; cd apps/web; pwd; cd ..; pwd; cd; pwd')).out).toBe('/\n/apps/web\n/apps\n/\n');
    expect((await sh.run('cd apps; cd -; cd ../../../..; pwd')).out).toBe('/\n/\n');
    expect(await sh.run('cd nope')).toMatchObject({ err: 'kubelab: cd: nope: No such file or directory\n', code: 1 });
    expect(await sh.run('cd apps/web/pod.yaml')).toMatchObject({ err: 'kubelab: cd: apps/web/pod.yaml: Not a directory\n', code: 1 });
    expect((await sh.run('cd /apps && ls')).out).toBe('web\n');
  });

  it('cat prints files and standard input, with -n', async () => {
    const sh = testShell({ f: 'a\nb\n', d: 'x', 'dir/x': '' });
    expect((await sh.run('cat f d')).out).toBe('a\nb\nx');
    expect((await sh.run('cat -n f')).out).toBe('     1\ta\n     2\tb\n');
    expect((await sh.run('echo hi | cat - f')).out).toBe('hi\na\nb\n');
    expect(await sh.run('cat nope dir')).toMatchObject({ err: 'cat: nope: No such file or directory\ncat: dir: Is a directory\n', code: 1 });
  });

  it('mkdir, touch, rm, cp and mv change the workspace with their messages', async () => {
    const sh = testShell({ f: 'text' });
    expect(await sh.run('mkdir d')).toMatchObject({ err: '', code: 0 });
    expect(await sh.run('mkdir d')).toMatchObject({ err: 'mkdir: cannot create directory \u2018d\u2019: File exists\n', code: 1 });
    expect(await sh.run('mkdir a/b')).toMatchObject({ err: 'mkdir: cannot create directory \u2018a/b\u2019: No such file or directory\n', code: 1 });
    expect((await sh.run('mkdir -p a/b && touch a/b/new && ls a/b')).out).toBe('new\n');
    expect((await sh.run('mkdir')).err).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    expect(await sh.run('touch x/y')).toMatchObject({ err: "touch: cannot touch 'x/y': No such file or directory\n", code: 1 });
    expect(await sh.run('cp f d; cat d/f')).toMatchObject({ out: 'text' });
    expect((await sh.run('cp a a2')).err).toBe("cp: -r not specified; omitting directory 'a'\n");
    expect((await sh.run('cp -r a a2; ls a2/b')).out).toBe('new\n');
    expect((await sh.run('cp nope x')).err).toBe("cp: cannot stat 'nope': No such file or directory\n");
    expect((await sh.run('cp f')).err).toBe("cp: missing destination file operand after 'f'\nTry 'cp --help' for more information.\n");
    expect((await sh.run('mv f g; ls')).out).toBe('a\na2\nd\ng\n');
    expect((await sh.run('mv nope x')).err).toBe("mv: cannot stat 'nope': No such file or directory\n");
    expect((await sh.run('mv g a; ls a')).out).toBe('b\ng\n');
    expect(await sh.run('rm a')).toMatchObject({ err: "rm: cannot remove 'a': Is a directory\n", code: 1 });
    expect(await sh.run('rm nope')).toMatchObject({ err: "rm: cannot remove 'nope': No such file or directory\n", code: 1 });
    expect(await sh.run('rm -f nope')).toMatchObject({ err: '', code: 0 });
    expect((await sh.run('rm -r .')).err).toBe("rm: refusing to remove '.' or '..' directory: skipping '.'\n");
    expect((await sh.run('rm -rf /')).err).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
    expect((await sh.run('rm -r a a2 d; ls')).out).toBe('');
  });

  it('refuses to write where the front end gives no write access', async () => {
    const sh = testShell({ f: 'x' }, { files: { readFile: async () => 'x', stat: async (p) => (p === 'f' ? 'file' : p === '.' ? 'dir' : undefined), readDir: async () => ['f'] } });
    expect((await sh.run('cat f')).out).toBe('x');
    expect(await sh.run('touch g')).toMatchObject({ err: "touch: cannot touch 'g': Read-only file system\n", code: 1 });
  });
});
