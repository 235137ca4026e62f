import { describe, expect, it } from 'vitest';
import { arithmetic } from './sh';
import { parseScript } from './shParse';
import { testContainer } from './testHost';

const flush = () => new Promise<void>((r) => setImmediate(r));

async function run(script: string, image = 'busybox:1.36') {
  const { container } = testContainer(image);
  return container.exec(['sh', '-c', script]);
}

describe('the simulated sh', () => {
  it('parses lists, pipes, loops and conditionals, and reports syntax errors as dash does', () => {
    expect(parseScript('echo a; echo b && echo c || echo d').t).toBe('list');
    expect(() => parseScript('while true; do echo')).toThrow('Syntax error: end of file unexpected');
    expect(() => parseScript('echo "unterminated')).toThrow('Unterminated quoted string');
  });

  it('runs echo, variables, arithmetic, command substitution, pipes and redirections', async () => {
    expect(await run('X=world; echo "hello $X" \'$X\'')).toEqual({ stdout: 'hello world $X\n', stderr: '', exitCode: 0 });
    expect((await run('i=2; i=$((i*3+1)); echo $i')).stdout).toBe('7\n');
    expect((await run('echo $(echo inner) `echo back`')).stdout).toBe('inner back\n');
    expect((await run('echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f | wc -l')).stdout).toBe('      2\n');
    expect((await run('for i in 1 2 3; do echo n$i; done')).stdout).toBe('n1\nn2\nn3\n');
    expect((await run('if [ -f /etc/passwd ]; then echo yes; else echo no; fi')).stdout).toBe('yes\n');
    expect((await run('test -d /nope || echo missing')).stdout).toBe('missing\n');
    expect((await run('exit 3')).exitCode).toBe(3);
    expect(await run('nosuchcmd')).toEqual({ stdout: '', stderr: 'sh: nosuchcmd: not found\n', exitCode: 127 });
    expect(await run('cat /nope')).toEqual({ stdout: '', stderr: "cat: can't open '/nope': No such file or directory\n", exitCode: 1 });
    expect((await run('echo $HOSTNAME; hostname; date +%Y')).stdout).toBe('test\ntest\n2026\n');
  });

  it('evaluates $(( )) with precedence and comparisons', () => {
    expect(arithmetic('1 + 2 * 3', {})).toBe(7);
    expect(arithmetic('(1 + 2) * 3', {})).toBe(9);
    expect(arithmetic('n % 4 == 1', { n: '9' })).toBe(1);
  });

  it('sleeps on the cluster clock: a loop logs once per period', async () => {
    const { clock, container } = testContainer('busybox:1.36', ['sh', '-c', 'while true; do echo tick; sleep 5; done']);
    await flush();
    for (let i = 0; i < 12; i++) {
      clock.advance(1000);
      await flush();
    }
    expect(container.log.lines.map((l) => l.text)).toEqual(['tick', 'tick', 'tick']);
    expect(container.state).toBe('running');
  });

  it('ignores SIGTERM as PID 1 without a trap, and exits through a trap', async () => {
    const plain = testContainer('busybox:1.36', ['sleep', '3600']);
    plain.container.stop(10_000);
    await flush();
    expect(plain.container.state).toBe('running');
    plain.clock.advance(10_000);
    await flush();
    expect(plain.container.exit).toMatchObject({ exitCode: 137, reason: 'Error' });
    const trapped = testContainer('busybox:1.36', ['sh', '-c', "trap 'echo bye; exit 0' TERM; while true; do sleep 1; done"]);
    await flush();
    trapped.container.stop(10_000);
    for (let i = 0; i < 5; i++) await flush();
    expect(trapped.container.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(trapped.container.log.lines.map((l) => l.text)).toEqual(['bye']);
  });
});
