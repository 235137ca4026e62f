/**
 * Web servers as their images run them: nginx (the docker entrypoint's lines, the master and
 * worker processes, the combined access log on stdout, graceful stop on SIGQUIT), httpd
 * (common log format, SIGWINCH) and the HPA walkthrough's php-apache (CPU per request).
 */
import type { HttpRequest, HttpResponse, Peer } from '../../network/types';
import { normalizePath } from './fs';
import { execInPlace, type ProcessContext, type Program } from './process';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `01/Mar/2026:09:00:05 +0000`, the `$time_local` of access logs. */
export function accessLogTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** `2026/03/01 09:00:05`, nginx's error log time. */
function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `Sun Mar 01 09:00:05.123456 2026`, Apache's error log time. */
function apacheTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}${String((ms * 7) % 1000).padStart(3, '0')} ${d.getUTCFullYear()}`;
}

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', json: 'application/json', css: 'text/css', js: 'application/javascript' };

/** Serves a static file from `root` as the servers do: a directory serves its index; 404 when missing. */
function serveFile(ctx: ProcessContext, root: string, req: HttpRequest, index: string[]): { status: number; body: string; type: string } | undefined {
  const path = normalizePath(decodeURIComponent(req.path.split('?')[0] ?? '/'));
  let file = normalizePath(`${root}${path}`);
  if (ctx.host.fs.stat(file) === 'dir') {
    const found = index.map((i) => normalizePath(i, file)).find((f) => ctx.host.fs.stat(f) === 'file');
    if (!found) return undefined;
    file = found;
  }
  const content = ctx.host.fs.read(file);
  if (content === undefined) return undefined;
  return { status: 200, body: content, type: MIME[file.split('.').pop() ?? ''] ?? 'application/octet-stream' };
}

const REASONS: Record<number, string> = { 200: 'OK', 404: 'Not Found', 405: 'Not Allowed', 500: 'Internal Server Error' };

function nginxError(status: number, version: string): string {
  const title = `${status} ${REASONS[status] ?? ''}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** The docker-entrypoint.sh of the nginx image: its configuration lines, then exec of the command. */
export const nginxEntrypoint: Program = async (ctx) => {
  const cmd = ctx.argv.slice(1);
  if (cmd[0] === 'nginx' || cmd[0] === 'nginx-debug') {
    const out = (l: string) => ctx.io.stdout(`${l}\n`);
    out('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    out('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/');
    out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh');
    out('10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf');
    out('10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf');
    out('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
    out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh');
    out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh');
    out('/docker-entrypoint.sh: Configuration complete; ready for start up');
  }
  if (cmd.length === 0) return 0;
  return execInPlace(ctx, cmd);
};

/** nginx in the foreground (`nginx -g 'daemon off;'`). */
export const nginx: Program = async (ctx) => {
  const version = ctx.host.image.version;
  const args = ctx.argv.slice(1);
  if (args.includes('-v') || args.includes('-V')) {
    ctx.io.stderr(`nginx version: nginx/${version}\n`);
    return 0;
  }
  if (args.includes('-t')) {
    ctx.io.stderr('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  const log = (pid: number, msg: string) => ctx.io.stderr(`${nginxTime(ctx.now())} [notice] ${pid}#${pid}: ${msg}\n`);
  log(ctx.pid, 'using the "epoll" event method');
  log(ctx.pid, `nginx/${version}`);
  log(ctx.pid, 'built by gcc 12.2.0 (Debian 12.2.0-14) ');
  log(ctx.pid, 'OS: Linux 6.1.0-kubelab-amd64');
  log(ctx.pid, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  log(ctx.pid, 'start worker processes');
  // The master process renames itself, as `ps` shows it.
  ctx.host.retitle?.(ctx.pid, ['nginx: master process', ...ctx.argv]);
  const workers: number[] = [];
  for (let i = 0; i < ctx.host.cpus; i++) {
    const pid = ctx.host.addProcess(['nginx: worker process'], ctx.pid);
    workers.push(pid);
    log(ctx.pid, `start worker process ${pid}`);
  }
  const handle = (req: HttpRequest, from: Peer): HttpResponse => {
    ctx.host.addCpu(0.3);
    let status = 200;
    let body: string;
    let type = 'text/html';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      status = 405;
      body = nginxError(405, version);
    } else {
      const file = serveFile(ctx, '/usr/share/nginx/html', req, ['index.html', 'index.htm']);
      if (file) ({ status, body, type } = file);
      else {
        status = 404;
        body = nginxError(404, version);
        ctx.io.stderr(`${nginxTime(ctx.now())} [error] ${workers[0] ?? ctx.pid}#${workers[0] ?? ctx.pid}: *1 open() "/usr/share/nginx/html${req.path}" failed (2: No such file or directory), client: ${from.ip}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.host}"\n`);
      }
    }
    const agent = req.headers['user-agent'] ?? '-';
    ctx.io.stdout(`${from.ip} - - [${accessLogTime(ctx.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} ${req.method === 'HEAD' ? 0 : body.length} "${req.headers['referer'] ?? '-'}" "${agent}" "${req.headers['x-forwarded-for'] ?? '-'}"\n`);
    return { status, headers: { server: `nginx/${version}`, 'content-type': type, 'content-length': String(body.length) }, body: req.method === 'HEAD' ? '' : body };
  };
  ctx.host.listen(80, { http: handle, tcp: () => true });
  const stop = (graceful: boolean) => {
    if (graceful) {
      log(ctx.pid, 'signal 3 (SIGQUIT) received, shutting down');
      for (const w of workers) {
        log(w, 'gracefully shutting down');
        log(w, 'exiting');
        log(w, 'exit');
      }
    } else log(ctx.pid, 'signal 15 (SIGTERM) received, exiting');
    for (const w of workers) {
      log(ctx.pid, `signal 17 (SIGCHLD) received from ${w}`);
      log(ctx.pid, `worker process ${w} exited with code 0`);
    }
    log(ctx.pid, 'exit');
    ctx.end(0);
  };
  ctx.trap('SIGQUIT', () => stop(true));
  ctx.trap('SIGTERM', () => stop(false));
  ctx.trap('SIGINT', () => stop(false));
  return ctx.forever();
};

/** httpd-foreground: Apache 2.4 with the common log format. */
export const httpd: Program = async (ctx) => {
  const version = ctx.host.image.version;
  const ip = ctx.host.ip;
  const notice = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  ctx.io.stderr(notice + notice);
  ctx.io.stderr(`[${apacheTime(ctx.now())}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations\n`);
  ctx.io.stderr(`[${apacheTime(ctx.now())}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`);
  for (let i = 0; i < 3; i++) ctx.host.addProcess(['httpd', '-DFOREGROUND'], ctx.pid);
  ctx.host.listen(80, {
    tcp: () => true,
    http: (req, from) => {
      ctx.host.addCpu(0.4);
      const file = serveFile(ctx, '/usr/local/apache2/htdocs', req, ['index.html']);
      const status = file ? 200 : 404;
      const body = file ? file.body : `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;
      ctx.io.stdout(`${from.ip} - - [${accessLogTime(ctx.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} ${body.length}\n`);
      return { status, headers: { server: `Apache/${version} (Unix)`, 'content-type': file?.type ?? 'text/html; charset=iso-8859-1' }, body };
    },
  });
  const stop = (why: string) => {
    ctx.io.stderr(`[${apacheTime(ctx.now())}] [mpm_event:notice] [pid 1:tid 1] AH0049${why === 'SIGWINCH' ? '2: caught SIGWINCH, shutting down gracefully' : '1: caught SIGTERM, shutting down'}\n`);
    ctx.end(0);
  };
  ctx.trap('SIGWINCH', () => stop('SIGWINCH'));
  ctx.trap('SIGTERM', () => stop('SIGTERM'));
  return ctx.forever();
};

/** The CPU (ms of one core) one request to php-apache's index.php burns. */
export const PHP_REQUEST_CPU_MS = 40;

/** apache2-foreground of registry.k8s.io/hpa-example: `OK!` for each request, after burning CPU. */
export const phpApache: Program = async (ctx) => {
  const ip = ctx.host.ip;
  ctx.io.stderr(`AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`.repeat(2));
  ctx.io.stderr(`[${apacheTime(ctx.now())}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.14 configured -- resuming normal operations\n`);
  ctx.io.stderr(`[${apacheTime(ctx.now())}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'\n`);
  ctx.host.listen(80, {
    tcp: () => true,
    http: (req, from) => {
      ctx.host.addCpu(PHP_REQUEST_CPU_MS);
      ctx.io.stdout(`${from.ip} - - [${accessLogTime(ctx.now())}] "${req.method} ${req.path} HTTP/1.1" 200 208 "-" "${req.headers['user-agent'] ?? '-'}"\n`);
      return { status: 200, headers: { server: 'Apache/2.4.10 (Debian)', 'x-powered-by': 'PHP/5.6.14', 'content-type': 'text/html' }, body: 'OK!' };
    },
  });
  ctx.trap('SIGWINCH', () => ctx.end(0));
  ctx.trap('SIGTERM', () => ctx.end(0));
  return ctx.forever();
};
