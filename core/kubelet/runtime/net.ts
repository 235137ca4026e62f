/** curl and wget inside containers, over the pod network (`ContainerHost.http`). */
import type { HttpRequest } from '../../network/types';
import type { ProcessContext, Program } from './process';

/** Splits `http://host:port/path` into its parts; undefined when it is not an http URL. */
export function parseUrl(url: string): { host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)?/.exec(url);
  if (!m || !m[2]) return undefined;
  return { host: m[2], port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] || '/' };
}

function request(ctx: ProcessContext, url: string, agent: string, method = 'GET') {
  const u = parseUrl(url);
  if (!u) return { url: undefined, result: undefined };
  const req: HttpRequest = { method, host: u.port === 80 ? u.host : `${u.host}:${u.port}`, path: u.path, headers: { 'user-agent': agent, accept: '*/*' } };
  return { url: u, result: ctx.host.http(u.host, u.port, req) };
}

/** curl: `-s`, `-i`, `-I`, `-o FILE`, `-f`, `-v` (the usual flags of lessons). */
export const curl: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = new Set<string>();
  let out: string | undefined;
  let method = 'GET';
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-o' || a === '--output') out = args[++i];
    else if (a === '-X' || a === '--request') method = args[++i] ?? 'GET';
    else if (a === '-m' || a === '--max-time' || a === '-H' || a === '--header' || a === '-w') i++;
    else if (a.startsWith('--')) flags.add(a);
    else if (a.startsWith('-')) for (const f of a.slice(1)) flags.add(`-${f}`);
    else url = a;
  }
  if (!url) {
    ctx.io.stderr("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const version = ctx.host.image.ref.repository.includes('curl') ? ctx.host.image.version : '7.88.1';
  if (flags.has('-I') || flags.has('--head')) method = 'HEAD';
  const { url: u, result } = request(ctx, url, `curl/${version}`, method);
  if (!u || !result) {
    ctx.io.stderr(`curl: (3) URL rejected: Malformed input to a URL function\n`);
    return 3;
  }
  if (!result.ok) {
    const silent = flags.has('-s') && !flags.has('-S');
    if (!silent) ctx.io.stderr(`curl: ${result.error}\n`);
    return result.error.startsWith('(6)') ? 6 : result.error.startsWith('(28)') ? 28 : 7;
  }
  const res = result.res;
  if ((flags.has('-f') || flags.has('--fail')) && res.status >= 400) {
    if (!flags.has('-s') || flags.has('-S')) ctx.io.stderr(`curl: (22) The requested URL returned error: ${res.status}\n`);
    return 22;
  }
  let text = '';
  if (flags.has('-i') || method === 'HEAD') text += `HTTP/1.1 ${res.status}\r\n${Object.entries(res.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  if (method !== 'HEAD') text += res.body;
  if (out) ctx.host.fs.write(out, text);
  else ctx.io.stdout(text);
  return 0;
};

/** busybox wget: `-q`, `-O FILE` (`-O-` to stdout), `-T`, `--spider`. */
export const wget: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let quiet = false;
  let out: string | undefined;
  let spider = false;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-O') out = args[++i];
    else if (a.startsWith('-O')) out = a.slice(2);
    else if (a === '-T' || a === '--timeout') i++;
    else if (a === '--spider') spider = true;
    else if (a.startsWith('-') && a !== '-') {
      if (a.includes('q')) quiet = true;
      const o = a.indexOf('O');
      if (o >= 0) out = a.slice(o + 1) || args[++i];
    } else url = a;
  }
  if (!url) {
    ctx.io.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n');
    return 1;
  }
  const { url: u, result } = request(ctx, url, 'Wget');
  if (!u || !result) {
    ctx.io.stderr(`wget: bad address '${url}'\n`);
    return 1;
  }
  if (!result.ok) {
    ctx.io.stderr(result.error.startsWith('(6)') ? `wget: bad address '${u.host}'\n` : result.error.startsWith('(28)') ? 'wget: download timed out\n' : `wget: can't connect to remote host: Connection refused\n`);
    return 1;
  }
  if (!quiet) ctx.io.stderr(`Connecting to ${u.host}${u.port === 80 ? '' : `:${u.port}`}\n`);
  const res = result.res;
  if (res.status >= 400) {
    ctx.io.stderr(`wget: server returned error: HTTP/1.1 ${res.status} ${res.status === 404 ? 'Not Found' : 'Error'}\n`);
    return 1;
  }
  if (spider) {
    if (!quiet) ctx.io.stderr('remote file exists\n');
    return 0;
  }
  const name = out ?? (u.path.split('/').pop() || 'index.html');
  if (name === '-') ctx.io.stdout(res.body);
  else {
    if (!quiet) ctx.io.stderr(`saving to '${name}'\n${name.padEnd(20)} 100% |********************************|   ${res.body.length}  0:00:00 ETA\n'${name}' saved\n`);
    ctx.host.fs.write(name.startsWith('/') ? name : `${ctx.cwd}/${name}`, res.body);
  }
  return 0;
};
