import { describe, expect, it } from 'vitest';
import { testContainer } from './testHost';

describe('what a container shows of its system', () => {
  it('ls / lists the distribution directories; ls -R walks a tree', async () => {
    expect((await testContainer('busybox:1.36').container.exec(['ls', '/'])).stdout).toBe('bin\ndev\netc\nhome\nlib\nlib64\nproc\nroot\nsys\ntmp\nusr\nvar\n');
    expect((await testContainer('nginx:1.27').container.exec(['ls', '/'])).stdout).toBe('bin\nboot\ndev\ndocker-entrypoint.sh\netc\nhome\nlib\nlib64\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n');
    const { container } = testContainer('busybox:1.36');
    await container.exec(['sh', '-c', 'mkdir -p /t/a/b && touch /t/a/b/f /t/g']);
    expect((await container.exec(['ls', '-R', '/t'])).stdout).toBe('/t:\na\ng\n\n/t/a:\nb\n\n/t/a/b:\nf\n');
  });

  it('ps: the program is PID 1, users by name or uid', async () => {
    const { container } = testContainer('busybox:1.36');
    expect((await container.exec(['ps'])).stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    2 root      0:00 ps\n');
  });

  it('tar writes an archive it reads back, and refuses a missing file as busybox does', async () => {
    const { container } = testContainer('busybox:1.36');
    await container.exec(['sh', '-c', 'mkdir -p /src/d && echo héllo > /src/d/f']);
    const archive = await container.exec(['tar', 'cf', '-', '/src']);
    expect(archive.stderr).toBe("tar: removing leading '/' from member names\n");
    expect((await container.exec(['mkdir', '/dst'])).exitCode).toBe(0);
    expect(await container.exec(['tar', '-xmf', '-', '-C', '/dst'], archive.stdout)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await container.exec(['cat', '/dst/src/d/f'])).stdout).toBe('héllo\n');
    expect((await container.exec(['tar', 'tf', '-'], archive.stdout)).stdout).toBe('src/\nsrc/d/\nsrc/d/f\n');
    expect(await container.exec(['tar', 'cf', '-', '/nope'])).toMatchObject({ stderr: 'tar: /nope: No such file or directory\ntar: error exit delayed from previous errors\n', exitCode: 1 });
  });

  it('ip addr shows eth0 with the pod IP; id and df in busybox format', async () => {
    const { container, clock } = testContainer('busybox:1.36');
    const ip = (await container.exec(['ip', 'addr'])).stdout;
    expect(ip).toContain('2: eth0@if10: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n');
    expect(ip).toContain('    inet 10.244.1.7/24 brd 10.244.1.255 scope global eth0\n');
    expect((await container.exec(['id'])).stdout).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
    expect((await container.exec(['df'])).stdout.split('\n')[0]).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on');
    // Without a cluster's DNS the resolver gives up after its 10 s.
    const lookup = container.exec(['nslookup', 'web']);
    for (let i = 0; i < 50; i++) await Promise.resolve();
    clock.advance(10_000);
    expect((await lookup).stdout).toBe(';; connection timed out; no servers could be reached\n\n');
  });
});
