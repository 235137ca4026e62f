/** The small tools of a shell image (busybox applets, coreutils), against the container's filesystem. */
import { normalizePath } from './fs';
import { readAll, type ProcessContext, type Program } from './process';
import { utf8Length } from './utf8';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `date` as busybox and coreutils print it in UTC: `Sun Mar  1 09:00:03 UTC 2026`. */
export function dateString(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** `sleep` durations: `5`, `0.5`, `2m`, `1h`, `infinity`; undefined when invalid. */
export function sleepMs(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as string] ?? 1000;
  return Math.round(Number(m[1]) * unit);
}

const sleep: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.io.stderr('sleep: missing operand\n');
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const ms = sleepMs(a);
    if (ms === undefined) {
      ctx.io.stderr(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    total += ms;
  }
  if (!Number.isFinite(total)) await ctx.forever();
  // Long sleeps wake up daily so that timers stay few.
  while (total > 0) {
    const step = Math.min(total, 86_400_000);
    await ctx.sleep(step);
    total -= step;
  }
  return 0;
};

async function readInput(ctx: ProcessContext, files: string[], tool: string): Promise<string | undefined> {
  if (files.length === 0) return readAll(ctx);
  let out = '';
  for (const f of files) {
    const p = normalizePath(f, ctx.cwd);
    const stat = ctx.host.fs.stat(p);
    if (stat === 'dir') {
      ctx.io.stderr(`${tool}: read error: Is a directory\n`);
      return undefined;
    }
    const c = ctx.host.fs.read(p);
    if (c === undefined) {
      ctx.io.stderr(`${tool}: can't open '${f}': No such file or directory\n`);
      return undefined;
    }
    out += c;
  }
  return out;
}

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

function countArg(args: string[], def: number): { n: number; rest: string[] } {
  let n = def;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-n') n = Number(args[++i] ?? def);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else rest.push(a);
  }
  return { n, rest };
}

/** The tools, by program name. */
export const TOOLS: Record<string, Program> = {
  sleep,
  true: async () => 0,
  false: async () => 1,
  echo: async (ctx) => {
    const args = ctx.argv.slice(1);
    const n = args[0] === '-n';
    ctx.io.stdout(`${(n ? args.slice(1) : args).join(' ')}${n ? '' : '\n'}`);
    return 0;
  },
  cat: async (ctx) => {
    const files = ctx.argv.slice(1).filter((a) => a !== '-');
    if (files.length === 0 && ctx.io.input) {
      // cat on a stream (a terminal, `kubectl exec -i`): each chunk as it comes.
      for (let chunk = await ctx.read(); chunk !== undefined; chunk = await ctx.read()) ctx.io.stdout(chunk);
      return 0;
    }
    const text = await readInput(ctx, files, 'cat');
    if (text === undefined) return 1;
    ctx.io.stdout(text);
    return 0;
  },
  head: async (ctx) => {
    const { n, rest } = countArg(ctx.argv.slice(1), 10);
    const text = await readInput(ctx, rest, 'head');
    if (text === undefined) return 1;
    ctx.io.stdout(lines(text).slice(0, n).map((l) => `${l}\n`).join(''));
    return 0;
  },
  tail: async (ctx) => {
    const follow = ctx.argv.includes('-f');
    const { n, rest } = countArg(ctx.argv.slice(1).filter((a) => a !== '-f'), 10);
    const text = await readInput(ctx, rest, 'tail');
    if (text === undefined) return 1;
    ctx.io.stdout(lines(text).slice(-n).map((l) => `${l}\n`).join(''));
    if (follow) await ctx.forever();
    return 0;
  },
  wc: async (ctx) => {
    const flags = ctx.argv.slice(1).filter((a) => a.startsWith('-')).join('');
    const text = await readInput(ctx, ctx.argv.slice(1).filter((a) => !a.startsWith('-')), 'wc');
    if (text === undefined) return 1;
    const l = (text.match(/\n/g) ?? []).length;
    const w = text.split(/\s+/).filter((x) => x).length;
    const c = text.length;
    const parts = flags.includes('l') ? [l] : flags.includes('w') ? [w] : flags.includes('c') ? [c] : [l, w, c];
    ctx.io.stdout(`${parts.map((x) => String(x).padStart(7)).join(' ')}\n`);
    return 0;
  },
  grep: async (ctx) => {
    const args = ctx.argv.slice(1);
    const flags = args.filter((a) => a.startsWith('-')).join('');
    const [pattern = '', ...files] = args.filter((a) => !a.startsWith('-'));
    const text = await readInput(ctx, files, 'grep');
    if (text === undefined) return 2;
    const re = new RegExp(pattern.replace(/[.+?^${}()|[\]\\]/g, (c) => (c === '.' ? '.' : `\\${c}`)), flags.includes('i') ? 'i' : '');
    const found = lines(text).filter((l) => re.test(l) !== flags.includes('v'));
    if (flags.includes('c')) ctx.io.stdout(`${found.length}\n`);
    else if (!flags.includes('q')) ctx.io.stdout(found.map((l) => `${l}\n`).join(''));
    return found.length > 0 ? 0 : 1;
  },
  ls: async (ctx) => {
    const args = ctx.argv.slice(1);
    const long = args.some((a) => /^-[a-zA-Z]*l/.test(a));
    const all = args.some((a) => /^-[a-zA-Z]*a/.test(a));
    const recursive = args.some((a) => /^-[a-zA-Z]*R/.test(a));
    const paths = args.filter((a) => !a.startsWith('-'));
    let code = 0;
    const targets = paths.length ? paths : ['.'];
    let first = true;
    const show = (t: string, p: string, stat: 'file' | 'dir', header: boolean): void => {
      if (header) ctx.io.stdout(`${first ? '' : '\n'}${t}:\n`);
      first = false;
      let names = stat === 'dir' ? (ctx.host.fs.list(p) ?? []) : [t];
      if (!all) names = names.filter((n) => !n.startsWith('.'));
      else if (stat === 'dir') names = ['.', '..', ...names];
      if (long) {
        for (const n of names) {
          const full = stat === 'dir' ? normalizePath(n, p) : p;
          const isDir = ctx.host.fs.stat(full) === 'dir';
          const size = isDir ? 4096 : utf8Length(ctx.host.fs.read(full) ?? '');
          ctx.io.stdout(`${isDir ? 'drwxr-xr-x' : ctx.host.fs.entry(full)?.program ? '-rwxr-xr-x' : '-rw-r--r--'}    ${isDir ? 2 : 1} root     root     ${String(size).padStart(8)} ${dateString(ctx.now()).slice(4, 16)} ${n}\n`);
        }
      } else if (names.length) ctx.io.stdout(`${names.join('\n')}\n`);
      if (!recursive || stat !== 'dir') return;
      for (const n of names) {
        if (n === '.' || n === '..') continue;
        const full = normalizePath(n, p);
        if (ctx.host.fs.stat(full) === 'dir') show(`${t.replace(/\/$/, '')}/${n}`, full, 'dir', true);
      }
    };
    for (const t of targets) {
      const p = normalizePath(t, ctx.cwd);
      const stat = ctx.host.fs.stat(p);
      if (!stat) {
        ctx.io.stderr(`ls: ${t}: No such file or directory\n`);
        code = 1;
        continue;
      }
      show(t, p, stat, stat === 'dir' && (targets.length > 1 || recursive));
    }
    return code;
  },
  date: async (ctx) => {
    const fmt = ctx.argv.slice(1).find((a) => a.startsWith('+'));
    if (fmt) {
      const d = new Date(ctx.now());
      const pad = (n: number) => String(n).padStart(2, '0');
      const map: Record<string, string> = { Y: String(d.getUTCFullYear()), m: pad(d.getUTCMonth() + 1), d: pad(d.getUTCDate()), H: pad(d.getUTCHours()), M: pad(d.getUTCMinutes()), S: pad(d.getUTCSeconds()), s: String(Math.floor(ctx.now() / 1000)), T: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`, '%': '%' };
      ctx.io.stdout(`${fmt.slice(1).replace(/%(.)/g, (_m, c: string) => map[c] ?? `%${c}`)}\n`);
    } else ctx.io.stdout(`${dateString(ctx.now())}\n`);
    return 0;
  },
  env: async (ctx) => {
    const args = ctx.argv.slice(1);
    if (args.length > 0 && !args[0]?.includes('=')) return ctx.spawn(args);
    ctx.io.stdout(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  },
  printenv: async (ctx) => {
    const names = ctx.argv.slice(1);
    if (names.length === 0) {
      ctx.io.stdout(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
      return 0;
    }
    let code = 0;
    for (const n of names) {
      if (ctx.env[n] === undefined) code = 1;
      else ctx.io.stdout(`${ctx.env[n]}\n`);
    }
    return code;
  },
  hostname: async (ctx) => {
    ctx.io.stdout(`${ctx.argv[1] === '-i' ? ctx.host.ip : ctx.host.hostname}\n`);
    return 0;
  },
  touch: async (ctx) => {
    for (const f of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
      const p = normalizePath(f, ctx.cwd);
      if (ctx.host.fs.stat(p)) continue;
      const err = ctx.host.fs.write(p, '');
      if (err) {
        ctx.io.stderr(`touch: ${f}: ${err === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}\n`);
        return 1;
      }
    }
    return 0;
  },
  rm: async (ctx) => {
    const force = ctx.argv.some((a) => /^-[a-zA-Z]*f/.test(a));
    let code = 0;
    for (const f of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
      const err = ctx.host.fs.remove(normalizePath(f, ctx.cwd));
      if (err && !(force && err === 'ENOENT')) {
        ctx.io.stderr(`rm: can't remove '${f}': ${err === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}\n`);
        code = 1;
      }
    }
    return code;
  },
  mkdir: async (ctx) => {
    const parents = ctx.argv.includes('-p');
    for (const f of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
      const err = ctx.host.fs.mkdir(normalizePath(f, ctx.cwd), parents);
      if (err) {
        ctx.io.stderr(`mkdir: can't create directory '${f}': ${err === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}\n`);
        return 1;
      }
    }
    return 0;
  },
  pwd: async (ctx) => {
    ctx.io.stdout(`${ctx.cwd}\n`);
    return 0;
  },
  whoami: async (ctx) => {
    ctx.io.stdout('root\n');
    return 0;
  },
  uname: async (ctx) => {
    const a = ctx.argv.includes('-a');
    ctx.io.stdout(a ? `Linux ${ctx.host.hostname} 6.1.0-kubelab-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 GNU/Linux\n` : ctx.argv.includes('-r') ? '6.1.0-kubelab-amd64\n' : 'Linux\n');
    return 0;
  },
  seq: async (ctx) => {
    const nums = ctx.argv.slice(1).map(Number);
    const [first, last] = nums.length >= 2 ? [nums[0] as number, nums[nums.length - 1] as number] : [1, nums[0] ?? 0];
    const step = nums.length === 3 ? (nums[1] as number) : 1;
    let out = '';
    for (let i = first; step > 0 ? i <= last : i >= last; i += step) out += `${i}\n`;
    ctx.io.stdout(out);
    return 0;
  },
  sort: async (ctx) => {
    const text = await readInput(ctx, ctx.argv.slice(1).filter((a) => !a.startsWith('-')), 'sort');
    if (text === undefined) return 1;
    const sorted = lines(text).sort();
    if (ctx.argv.includes('-r')) sorted.reverse();
    ctx.io.stdout(sorted.map((l) => `${l}\n`).join(''));
    return 0;
  },
  uniq: async (ctx) => {
    const text = await readInput(ctx, ctx.argv.slice(1).filter((a) => !a.startsWith('-')), 'uniq');
    if (text === undefined) return 1;
    ctx.io.stdout(lines(text).filter((l, i, all) => i === 0 || all[i - 1] !== l).map((l) => `${l}\n`).join(''));
    return 0;
  },
  tee: async (ctx) => {
    const append = ctx.argv.includes('-a');
    const text = await readAll(ctx);
    for (const f of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) ctx.host.fs.write(normalizePath(f, ctx.cwd), text, append);
    ctx.io.stdout(text);
    return 0;
  },
  basename: async (ctx) => {
    ctx.io.stdout(`${(ctx.argv[1] ?? '').replace(/\/+$/, '').split('/').pop() ?? ''}\n`);
    return 0;
  },
  dirname: async (ctx) => {
    const p = (ctx.argv[1] ?? '').replace(/\/+$/, '');
    ctx.io.stdout(`${p.includes('/') ? p.slice(0, p.lastIndexOf('/')) || '/' : '.'}\n`);
    return 0;
  },
  kill: async (ctx) => {
    let sig = 'SIGTERM';
    const pids: string[] = [];
    for (const a of ctx.argv.slice(1)) {
      if (a.startsWith('-')) {
        const s = a.slice(1).replace(/^s$/, '');
        sig = /^\d+$/.test(s) ? ({ '9': 'SIGKILL', '15': 'SIGTERM', '2': 'SIGINT', '3': 'SIGQUIT', '1': 'SIGHUP' } as Record<string, string>)[s] ?? 'SIGTERM' : s.startsWith('SIG') ? s : `SIG${s}`;
      } else pids.push(a);
    }
    let code = 0;
    for (const p of pids) {
      if (!ctx.host.signal(Number(p), sig)) {
        ctx.io.stderr(`kill: can't kill pid ${p}: No such process\n`);
        code = 1;
      }
    }
    return code;
  },
};
