/**
 * `kubectl exec`, `attach`, `cp` and `run -it` as a student sees them in the bundled shell:
 * commands in containers (files from the image, mounted volumes, the environment, the process
 * table), exit codes, kubectl's and the API server's errors, an interactive shell on a terminal,
 * curl to a Service through kube-proxy and DNS (the answering pod logs the request).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/api/types';
import { execShell } from './execHarness';
import { ref, scenario, type Scenario } from './harness';
import { createPod, pod, row, untilStatus } from './kubeletHelpers';

let s: Scenario;
afterEach(() => s?.stop());

const sleeper = (name: string, image = 'busybox:1.36', extra: Record<string, unknown> = {}) => pod(name, { containers: [{ name, image, command: ['sleep', '3600'] }], ...extra });

describe('kubectl exec', () => {
  it('runs a command: output, stderr apart, the exit code, the environment and the image files', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, sleeper('bb'));
    await untilStatus(s, 'bb', 'Running');
    const sh = execShell(s, false);
    expect(await sh.kubectl('kubectl exec bb -- cat /etc/passwd')).toEqual({ out: 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n', err: '', code: 0 });
    expect(await sh.kubectl("kubectl exec bb -- sh -c 'echo out; echo err >&2; exit 3'")).toEqual({ out: 'out\n', err: 'err\ncommand terminated with exit code 3\n', code: 3 });
    const env = (await sh.kubectl('kubectl exec bb -- env')).out;
    expect(env).toContain('HOSTNAME=bb\n');
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    expect(env.endsWith('HOME=/root\n')).toBe(true);
    expect(await sh.kubectl('kubectl exec bb -- sh -c "cd /tmp && mkdir d && touch d/f && pwd && ls d && hostname && id"')).toMatchObject({ out: '/tmp\nf\nbb\nuid=0(root) gid=0(root) groups=0(root),10(wheel)\n', code: 0 });
    expect((await sh.kubectl('kubectl exec bb -- ps')).out).toMatch(/^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 sleep 3600\n +\d+ root {6}0:00 ps\n$/);
  });

  it("prints kubectl's and the API server's errors", async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, sleeper('bb'));
    await createPod(s, pod('nopull', { containers: [{ name: 'c', image: 'nginx:doesnotexist' }] }));
    await createPod(s, pod('paused', { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] }));
    await untilStatus(s, 'bb', 'Running');
    await untilStatus(s, 'paused', 'Running');
    const sh = execShell(s, false);
    expect(await sh.kubectl('kubectl exec nope -- ls')).toEqual({ out: '', err: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    expect(await sh.kubectl('kubectl exec bb')).toMatchObject({ err: 'error: you must specify at least one command for the container\n', code: 1 });
    expect(await sh.kubectl('kubectl exec bb -c nope -- ls')).toMatchObject({ err: 'Error from server (BadRequest): container nope is not valid for pod bb\n', code: 1 });
    expect(await sh.kubectl('kubectl exec bb -- bash')).toMatchObject({ err: expect.stringMatching(/^error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/) as string, code: 1 });
    expect(await sh.kubectl('kubectl exec paused -- sh')).toMatchObject({ err: expect.stringContaining('exec: "sh": executable file not found in $PATH: unknown') as string });
    expect(await sh.kubectl('kubectl exec nopull -- ls')).toMatchObject({ err: 'error: Internal error occurred: unable to upgrade connection: container not found ("c")\n', code: 1 });
    expect(await sh.kubectl('kubectl exec -it bb -- sh -c true')).toMatchObject({ err: 'Unable to use a TTY - input is not a terminal or the right kind of file\n', code: 0 });
    expect(await sh.kubectl('kubectl exec bb ls /')).toMatchObject({ err: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", code: 1 });
  });

  it('picks the default container (with its notice), a workload pod, and sees an emptyDir written by the other container', async () => {
    s = await scenario({ workers: 1 });
    const shared = { volumeMounts: [{ name: 'data', mountPath: '/data' }] };
    await createPod(s, pod('two', { volumes: [{ name: 'data', emptyDir: {} }], containers: [{ name: 'writer', image: 'busybox:1.36', command: ['sh', '-c', 'echo from-writer > /data/note; sleep 3600'], ...shared }, { name: 'reader', image: 'alpine:3.21', command: ['sleep', '3600'], ...shared }] }, { labels: { app: 'two' } }));
    await s.client.create(ref('deployments', 'default', undefined, 'apps', 'v1'), { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } } as KubeObject);
    await untilStatus(s, 'two', 'Running');
    await s.until(async () => ((await s.kubectl('kubectl get pods -l app=web')).out.includes('Running') ? true : undefined));
    const sh = execShell(s, false);
    expect(await sh.kubectl('kubectl exec two -c reader -- cat /data/note')).toEqual({ out: 'from-writer\n', err: '', code: 0 });
    expect(await sh.kubectl('kubectl exec two -- hostname')).toEqual({ out: 'two\n', err: 'Defaulted container "writer" out of: writer, reader\n', code: 0 });
    const web = await sh.kubectl('kubectl exec deploy/web -- cat /usr/share/nginx/html/index.html');
    expect(web.out).toContain('<title>Welcome to nginx!</title>');
  });

  it('curl to a Service goes through kube-proxy and DNS; the pod that answered logs the request', async () => {
    s = await scenario({ workers: 2 });
    await s.client.create(ref('deployments', 'default', undefined, 'apps', 'v1'), { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } } as KubeObject);
    await s.client.create(ref('services', 'default'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } } as KubeObject);
    await createPod(s, sleeper('client'));
    await untilStatus(s, 'client', 'Running');
    await s.advance(5000);
    const sh = execShell(s, false);
    const got = await sh.kubectl('kubectl exec client -- wget -qO- http://web');
    expect(got.out).toContain('<h1>Welcome to nginx!</h1>');
    const dns = await sh.kubectl('kubectl exec client -- nslookup web');
    expect(dns.out).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+\n\n$/);
    const ip = (await sh.kubectl('kubectl exec client -- hostname -i')).out.trim();
    const pods = (await s.client.list<KubeObject>(ref('pods', 'default'), { labelSelector: 'app=web' })).items.map((p) => p.metadata.name ?? '');
    const logs = await Promise.all(pods.map(async (name) => (await sh.kubectl(`kubectl logs ${name}`)).out));
    // One of the two pods answered, and its access log says the client asked.
    expect(logs.filter((l) => l.includes(`${ip} - - [`))).toHaveLength(1);
    expect(await sh.kubectl('kubectl exec client -- wget -qO- http://nope')).toMatchObject({ err: "wget: bad address 'nope'\ncommand terminated with exit code 1\n", code: 1 });
  });

  it('ps shows the pause process as PID 1 in a pod that shares its process namespace, and df/mount list the volumes', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, pod('share', { shareProcessNamespace: true, volumes: [{ name: 'v', emptyDir: {} }], containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'shell', image: 'busybox:1.36', command: ['sleep', '3600'], volumeMounts: [{ name: 'v', mountPath: '/v' }] }] }));
    await s.until(async () => ((await row(s, 'share'))?.ready === '2/2' ? true : undefined));
    const sh = execShell(s, false);
    const ps = (await sh.kubectl('kubectl exec share -c shell -- ps ax')).out.split('\n');
    expect(ps[0]).toBe('PID   USER     TIME  COMMAND');
    expect(ps[1]).toBe('    1 65535     0:00 /pause');
    expect(ps.some((l) => / root {6}0:00 nginx: master process nginx -g daemon off;$/.test(l))).toBe(true);
    expect(ps.some((l) => / 101 {7}0:00 nginx: worker process$/.test(l))).toBe(true);
    expect((await sh.kubectl('kubectl exec share -c shell -- mount')).out).toContain('\n/dev/vda1 on /v type ext4 (rw,relatime)\n');
    expect((await sh.kubectl('kubectl exec share -c shell -- df')).out).toMatch(/^Filesystem {11}1K-blocks {6}Used Available Use% Mounted on\noverlay {15}\d+ +\d+ +\d+ +\d+% \/\n/);
    expect((await sh.kubectl('kubectl exec share -c shell -- ip addr')).out).toContain('inet 10.244.');
  });
});

describe('interactive sessions', () => {
  it('exec -it: a busybox prompt, echo, Ctrl-C, exit with a code', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, sleeper('bb'));
    await untilStatus(s, 'bb', 'Running');
    const sh = execShell(s);
    const run = sh.start('kubectl exec -it bb -- sh');
    await s.until(() => (sh.terminal.held && run.out().includes('/ # ') ? true : undefined));
    sh.terminal.type('cd /tmp; echo hi\r');
    await s.advance(100);
    sh.terminal.type('sleep 100\r');
    await s.advance(100);
    sh.terminal.type('\x03');
    await s.advance(100);
    sh.terminal.type('exit 4\r');
    const code = await run.done;
    expect(run.out().replace(/\r\/ # /g, '')).toBe('/ # cd /tmp; echo hi\r\nhi\r\n/tmp # sleep 100\r\n^C\r\n/tmp # exit 4\r\n');
    expect(run.err()).toBe('command terminated with exit code 4\n');
    expect(code).toBe(4);
  });

  it('run -it --rm: waits for the pod, attaches, and deletes it after the shell exits', async () => {
    s = await scenario({ workers: 1 });
    const sh = execShell(s);
    const run = sh.start('kubectl run t --rm -it --image=busybox:1.36 -- sh');
    await s.until(() => (sh.terminal.held ? true : undefined));
    expect(run.err()).toBe("If you don't see a command prompt, try pressing enter.\n");
    sh.terminal.type('echo $HOSTNAME\r');
    await s.advance(100);
    sh.terminal.type('exit\r');
    await s.until(() => (run.out().includes('deleted') ? true : undefined));
    expect(await run.done).toBe(0);
    expect(run.out()).toContain('echo $HOSTNAME\r\nt\r\n');
    expect(run.out()).toContain("Session ended, resume using 'kubectl attach t -c t -i -t' command when the pod is running\npod \"t\" deleted\n");
  });
});

describe('kubectl cp', () => {
  it('copies a file and a directory into a container and back, through tar', async () => {
    s = await scenario({ workers: 1 });
    await createPod(s, sleeper('bb'));
    await untilStatus(s, 'bb', 'Running');
    const sh = execShell(s, false);
    sh.files.set('notes.txt', 'hello ünïcode\n');
    expect(await sh.kubectl('kubectl cp notes.txt bb:/tmp/notes.txt')).toEqual({ out: '', err: '', code: 0 });
    expect((await sh.kubectl('kubectl exec bb -- cat /tmp/notes.txt')).out).toBe('hello ünïcode\n');
    expect(await sh.kubectl('kubectl cp notes.txt bb:/tmp')).toMatchObject({ code: 0 });
    expect((await sh.kubectl('kubectl exec bb -- ls /tmp')).out).toBe('notes.txt\n');
    expect(await sh.kubectl('kubectl cp bb:/etc/passwd passwd')).toEqual({ out: "tar: removing leading '/' from member names\n", err: '', code: 0 });
    expect(sh.files.get('passwd')).toContain('root:x:0:0:root:/root:/bin/sh\n');
    await sh.kubectl("kubectl exec bb -- sh -c 'mkdir -p /srv/a/b && echo 1 > /srv/a/b/one'");
    await sh.kubectl('kubectl cp bb:/srv/a copy');
    expect(sh.files.get('copy/b/one')).toBe('1\n');
    expect(await sh.kubectl('kubectl cp a b')).toMatchObject({ err: 'error: one of src or dest must be a remote file specification\n', code: 1 });
  });
});
