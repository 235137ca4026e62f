import { describe, expect, it } from 'vitest';
import { testContainer } from './testHost';
import type { ExecSession } from './session';

/** Lets the simulated processes run (they only wait on promises and the manual clock). */
async function flush(): Promise<void> {
  for (let i = 0; i < 500; i++) await Promise.resolve();
}

function open(image: string, argv: string[], tty: boolean, stdin = true): { session: ExecSession; out: () => string; err: () => string; exit: () => number | undefined; clock: ReturnType<typeof testContainer>['clock'] } {
  const { container, clock } = testContainer(image);
  const r = container.openExec('a'.repeat(64), argv, { stdin, tty });
  if (!r.ok) throw new Error(r.error);
  let out = '';
  let err = '';
  let code: number | undefined;
  r.session.onOutput((s, t) => (s === 'stdout' ? (out += t) : (err += t)));
  r.session.onExit((c) => (code = c));
  return { session: r.session, out: () => out, err: () => err, exit: () => code, clock };
}

describe('exec sessions', () => {
  it('an interactive busybox sh on a terminal: the prompt, echo, line editing, exit', async () => {
    const s = open('busybox:1.36', ['sh'], true);
    await flush();
    expect(s.out()).toBe('/ # ');
    s.session.write('echp\x7fo hi\r');
    await flush();
    expect(s.out()).toBe('/ # echp\b \bo hi\r\nhi\r\n/ # ');
    s.session.write('cd /tmp\r');
    await flush();
    expect(s.out().endsWith('/tmp # ')).toBe(true);
    s.session.write('exit 3\r');
    await flush();
    expect(s.exit()).toBe(3);
  });

  it('Ctrl-C ends the foreground command, not the shell; Ctrl-D leaves it', async () => {
    const s = open('busybox:1.36', ['sh'], true);
    await flush();
    s.session.write('sleep 100\r');
    await flush();
    s.session.write('\x03');
    await flush();
    expect(s.out()).toBe('/ # sleep 100\r\n^C\r\n/ # ');
    s.session.write('ech\x03');
    await flush();
    expect(s.out().endsWith('/ # ech^C\r\n/ # ')).toBe(true);
    s.session.write('\x04');
    await flush();
    expect(s.exit()).toBe(130);
  });

  it('bash in a Debian image prompts as root@HOSTNAME and says command not found', async () => {
    const s = open('nginx:1.27', ['bash'], true);
    await flush();
    expect(s.out()).toBe('root@test:/# ');
    s.session.write('nope\r');
    await flush();
    expect(s.out()).toBe('root@test:/# nope\r\nbash: nope: command not found\r\nroot@test:/# ');
  });

  it('without a terminal: a script on stdin runs line by line, stderr apart, the exit status at the end', async () => {
    const s = open('busybox:1.36', ['sh'], false);
    s.session.write('for i in 1 2\ndo echo $i; done\nls /nope\n');
    await flush();
    expect(s.out()).toBe('1\n2\n');
    expect(s.err()).toBe('ls: /nope: No such file or directory\n');
    s.session.closeStdin();
    await flush();
    expect(s.exit()).toBe(1);
  });

  it('cat copies stdin as it comes and ends at its end', async () => {
    const s = open('busybox:1.36', ['cat'], false);
    s.session.write('a');
    await flush();
    expect(s.out()).toBe('a');
    s.session.write('b\n');
    s.session.closeStdin();
    await flush();
    expect(s.out()).toBe('ab\n');
    expect(s.exit()).toBe(0);
  });

  it('a missing executable does not start, with runc message', () => {
    const { container } = testContainer('busybox:1.36');
    expect(container.openExec('x', ['bash'], { stdin: false, tty: false })).toEqual({ ok: false, error: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown' });
    expect(container.openExec('x', ['/bin/bash'], { stdin: false, tty: false })).toEqual({ ok: false, error: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown' });
  });

  it('the environment of an exec has HOME, and TERM with a terminal', async () => {
    const s = open('busybox:1.36', ['env'], true, false);
    await flush();
    expect(s.out()).toContain('TERM=xterm\r\nHOME=/root\r\n');
  });
});
