import { describe, expect, it } from 'vitest';
import { Volume } from './fs';
import { testContainer } from './testHost';

const flush = () => new Promise<void>((r) => setImmediate(r));

describe('simulated containers', () => {
  it('see their image files and their mounts; read-only mounts refuse writes', async () => {
    const shared = Volume.of({ '/key': 'value' });
    const { container } = testContainer('nginx:1.27', ['nginx', '-g', 'daemon off;'], [{ path: '/etc/config', volume: shared, readOnly: true }]);
    expect(container.fs.read('/usr/share/nginx/html/index.html')).toContain('<title>Welcome to nginx!</title>');
    expect(container.fs.read('/etc/config/key')).toBe('value');
    expect(await container.exec(['sh', '-c', 'echo x > /etc/config/new'])).toMatchObject({ exitCode: 1, stderr: "sh: can't create /etc/config/new: Read-only file system\n" });
    expect((await container.exec(['ls', '/etc/config'])).stdout).toBe('key\n');
  });

  it('serves nginx: the welcome page, 404 elsewhere, each request in the access log', () => {
    const { sandbox, container } = testContainer('nginx:1.27', ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    const l = sandbox.listener(80);
    const ok = l?.http?.({ method: 'GET', host: 'web', path: '/', headers: { 'user-agent': 'curl/8.5.0' } }, { ip: '10.244.2.9' });
    expect(ok).toMatchObject({ status: 200 });
    expect(ok?.body.length).toBe(615);
    expect(l?.http?.({ method: 'GET', host: 'web', path: '/nope', headers: {} }, { ip: '10.244.2.9' })?.status).toBe(404);
    const access = container.log.lines.filter((x) => x.stream === 'stdout' && x.text.startsWith('10.244')).map((x) => x.text);
    expect(access).toEqual(['10.244.2.9 - - [01/Mar/2026:09:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"', '10.244.2.9 - - [01/Mar/2026:09:00:00 +0000] "GET /nope HTTP/1.1" 404 153 "-" "-" "-"']);
  });

  it('fails to start a missing executable with StartError (exit 128)', () => {
    const { container } = testContainer('busybox:1.36', ['nosuch']);
    expect(container.exit).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(container.exit?.message).toBe('failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown');
  });

  it('is OOM-killed past its memory limit', async () => {
    const { clock, container } = testContainer('polinux/stress', ['stress', '--vm', '1', '--vm-bytes', '200M'], [], 128 * 1024 * 1024);
    for (let i = 0; i < 10; i++) {
      clock.advance(250);
      await flush();
    }
    expect(container.exit).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });
});
