/** The `kubelab` command as a user runs it: a child process, its output and exit codes. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, kubelab, tempDir } from '../helpers';

const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Starts `kubelab serve`, resolves with the ready line. */
function serve(data: string) {
  const child = kubelab(['serve', '--port', '0', '--data', data, '--seed', '5']);
  const result = collect(child);
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line);
    });
    child.on('close', () => reject(new Error('kubelab serve exited before it was ready')));
  });
  return { child, ready, result };
}

describe('kubelab serve', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints one ready line, serves the API and exits 0 on ${signal}`, async () => {
      const data = tempDir();
      const { child, ready, result } = serve(data);
      const started = Date.now();
      const line = await ready;
      const elapsed = Date.now() - started;
      expect(line).toMatch(/^KubeLab ready: http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/);
      expect(elapsed).toBeLessThan(30_000);
      const url = new URL(line.slice('KubeLab ready: '.length));
      const token = url.searchParams.get('token') ?? '';
      const kubeconfig = readFileSync(join(data, 'kubeconfig'), 'utf8');
      expect(kubeconfig).toContain(`token: ${token}`);
      expect(kubeconfig).toContain(`server: https://127.0.0.1:${url.port}`);
      expect(kubeconfig).toContain('current-context: kubelab');
      const nodes = (await (await fetch(`${url.origin}/api/v1/nodes`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[] };
      expect(nodes.items).toHaveLength(3);
      child.kill(signal);
      const r = await result;
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
    });
  }

  it('refuses a port in use with one sentence and exit 1', async () => {
    const { child, ready, result } = serve(tempDir());
    const port = new URL((await ready).slice('KubeLab ready: '.length)).port;
    const second = await collect(kubelab(['serve', '--port', port, '--data', tempDir()]));
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`KubeLab: could not start: port ${port} is already in use (try --port 0)`);
    child.kill('SIGTERM');
    expect((await result).code).toBe(0);
  });

  it('refuses a non-loopback address', async () => {
    const r = await collect(kubelab(['serve', '--host', '0.0.0.0', '--data', tempDir()]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('loopback');
  });
});

describe('kubelab usage', () => {
  it('prints its version', async () => {
    const r = await collect(kubelab(['--version']));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`kubelab ${version}\n`);
  });

  it('prints the help with every command', async () => {
    const r = await collect(kubelab(['--help']));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kubelab <command> \[options\]/);
    expect(r.stdout).toMatch(/^ {2}serve /m);
    expect(r.stdout).toMatch(/^ {2}shell /m);
  });

  it('prints the options of a command', async () => {
    const r = await collect(kubelab(['serve', '--help']));
    expect(r.code).toBe(0);
    for (const flag of ['--host', '--port', '--data', '--nodes', '--seed', '--open']) expect(r.stdout).toContain(flag);
  });

  const bad: [string[], string][] = [
    [['bogus'], 'kubelab: unknown command "bogus"'],
    [['--bogus'], 'kubelab: unknown option --bogus'],
    [['serve', '--bogus'], 'kubelab serve: unknown option --bogus'],
    [['serve', '--port', 'abc'], 'kubelab serve: --port must be a whole number from 0 to 65535, not "abc"'],
    [['serve', '--nodes', '-1'], 'kubelab serve: '],
    [['shell', 'extra'], 'kubelab shell: unexpected argument extra'],
    [[], 'kubelab: missing command'],
  ];
  for (const [args, first] of bad) {
    it(`refuses "kubelab ${args.join(' ')}" with one line, the usage and exit 2`, async () => {
      const r = await collect(kubelab(args));
      expect(r.code).toBe(2);
      const lines = r.stderr.split('\n');
      expect(lines[0]?.startsWith(first)).toBe(true);
      expect(lines[1]).toBe('');
      expect(lines[2]).toMatch(/^Usage: kubelab /);
    });
  }

  it('says in one line when the shell has no kubeconfig', async () => {
    const r = await collect(kubelab(['shell', '--kubeconfig', join(tempDir(), 'missing')]));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kubeconfig .*missing does not exist \(is "kubelab serve" running\?\)\n$/);
  });
});
