/**
 * The simulated `sh`: runs scripts parsed by `shParse.ts` inside a container — variables and
 * `$(...)`/`$((...))` expansions, pipes, redirections to the container's files, loops that
 * sleep on the cluster's clock, `trap`, `exit` — and runs other commands as child processes.
 */
import { normalizePath } from './fs';
import type { ProcessIo, Program } from './process';
import { ExitProcess } from './process';
export { arithmetic } from './shExpand';
import { expandWord, expandWords, redirectInput, type Shell } from './shExpand';
import { ShSyntaxError, parseScript, type Redirect, type ShNode } from './shParse';
import { notFound, readLoop, shellFlavor, type ShellFlavor } from './shRepl';
import { testExpression } from './shTest';

/** The flavor of each running shell, and whether it is interactive (for its messages). */
const flavors = new WeakMap<Shell, { flavor: ShellFlavor; interactive: boolean }>();

/** Applies redirections to `io`; returns undefined (with a message printed) when one fails. */
async function redirect(sh: Shell, redirects: Redirect[], io: ProcessIo): Promise<ProcessIo | undefined> {
  let out = { ...io };
  for (const r of redirects) {
    if (r.op === '<<' || r.op === '<<<') {
      out.stdin = await redirectInput(sh, r, io);
      continue;
    }
    const target = await expandWord(sh, r.target, io);
    if (r.op === '>&') {
      const to = target === '2' ? io.stderr : io.stdout;
      out = r.fd === 2 ? { ...out, stderr: to } : { ...out, stdout: r.fd === 1 && target === '2' ? out.stderr : to };
      continue;
    }
    const path = normalizePath(target, sh.ctx.cwd);
    const fs = sh.ctx.host.fs;
    if (r.op === '<') {
      const content = fs.read(path);
      if (content === undefined) {
        io.stderr(`sh: can't open '${target}': No such file or directory\n`);
        return undefined;
      }
      out.stdin = content;
      delete out.input;
      continue;
    }
    if (path === '/dev/null') {
      const sink = () => undefined;
      out = r.fd === 2 ? { ...out, stderr: sink } : { ...out, stdout: sink };
      continue;
    }
    if (path === '/dev/stdout' || path === '/proc/1/fd/1') continue;
    if (path === '/dev/stderr' || path === '/proc/1/fd/2') {
      out = r.fd === 2 ? out : { ...out, stdout: io.stderr };
      continue;
    }
    const err = fs.write(path, '', r.op === '>>');
    if (err) {
      io.stderr(`sh: can't create ${target}: ${err === 'EROFS' ? 'Read-only file system' : err === 'EISDIR' ? 'Is a directory' : 'nonexistent directory'}\n`);
      return undefined;
    }
    const writer = (t: string) => void fs.write(path, t, true);
    out = r.fd === 2 ? { ...out, stderr: writer } : { ...out, stdout: writer };
  }
  return out;
}

async function yieldIfBusy(sh: Shell): Promise<void> {
  const now = sh.ctx.now();
  if (now !== sh.lastTime) {
    sh.lastTime = now;
    sh.spins = 0;
    return;
  }
  if (++sh.spins >= 200) {
    // A loop that never sleeps still takes time: let the clock (and the rest of the cluster) move.
    sh.spins = 0;
    await sh.ctx.sleep(10);
  }
}

async function runNode(sh: Shell, node: ShNode, io: ProcessIo): Promise<number> {
  if (sh.ctx.killed) throw new ExitProcess(sh.status);
  switch (node.t) {
    case 'list': {
      for (const item of node.items) {
        if (item.background) void runNode(sh, item.node, io).catch(() => undefined);
        else sh.status = await runNode(sh, item.node, io);
      }
      return sh.status;
    }
    case 'and':
    case 'or': {
      const a = await runNode(sh, node.a, io);
      sh.status = a;
      if ((node.t === 'and') === (a === 0)) sh.status = await runNode(sh, node.b, io);
      return sh.status;
    }
    case 'pipe': {
      let input = io.stdin;
      let code = 0;
      for (let i = 0; i < node.cmds.length; i++) {
        const last = i === node.cmds.length - 1;
        let captured = '';
        const stage: ProcessIo = { stdout: last ? io.stdout : (t) => (captured += t), stderr: io.stderr, stdin: input };
        code = await runNode(sh, node.cmds[i] as ShNode, stage);
        input = captured;
      }
      sh.status = node.negate ? (code === 0 ? 1 : 0) : code;
      return sh.status;
    }
    case 'loop': {
      for (;;) {
        const c = await runNode(sh, node.cond, io);
        if ((c === 0) === node.until) break;
        await runNode(sh, node.body, io);
        await yieldIfBusy(sh);
      }
      return sh.status;
    }
    case 'for': {
      const values = node.words ? await expandWords(sh, node.words, io) : sh.params.slice(1);
      for (const v of values) {
        sh.vars[node.name] = v;
        await runNode(sh, node.body, io);
        await yieldIfBusy(sh);
      }
      return sh.status;
    }
    case 'if': {
      for (const b of node.branches) {
        if ((await runNode(sh, b.cond, io)) === 0) return runNode(sh, b.body, io);
      }
      sh.status = node.otherwise ? await runNode(sh, node.otherwise, io) : 0;
      return sh.status;
    }
    case 'group': {
      const r = await redirect(sh, node.redirects, io);
      if (!r) return (sh.status = 1);
      if (!node.subshell) return runNode(sh, node.body, r);
      const saved = { vars: { ...sh.vars }, cwd: sh.ctx.cwd };
      try {
        return await runNode(sh, node.body, r);
      } catch (e) {
        if (e instanceof ExitProcess) return (sh.status = e.code);
        throw e;
      } finally {
        sh.vars = saved.vars;
        sh.ctx.cwd = saved.cwd;
      }
    }
    case 'cmd':
      return (sh.status = await runCommand(sh, node, io));
  }
}

async function runCommand(sh: Shell, node: Extract<ShNode, { t: 'cmd' }>, io: ProcessIo): Promise<number> {
  const argv = await expandWords(sh, node.words, io);
  const assigned: Record<string, string> = {};
  for (const a of node.assigns) assigned[a.name] = await expandWord(sh, a.value, io);
  if (argv.length === 0) {
    Object.assign(sh.vars, assigned);
    return 0;
  }
  const r = await redirect(sh, node.redirects, io);
  if (!r) return 1;
  const name = argv[0] as string;
  const builtin = BUILTINS[name];
  if (builtin) return builtin(sh, argv, r);
  const env: Record<string, string> = {};
  for (const k of sh.exported) if (sh.vars[k] !== undefined) env[k] = sh.vars[k] as string;
  Object.assign(env, assigned);
  const f = flavors.get(sh);
  if (f && !sh.ctx.host.resolve(name, env['PATH'] ?? sh.vars['PATH'] ?? '')) {
    r.stderr(notFound(name, f.flavor, f.interactive));
    return 127;
  }
  return sh.ctx.spawn(argv, r, env);
}

type Builtin = (sh: Shell, argv: string[], io: ProcessIo) => Promise<number> | number;

const BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  exit: (sh, argv) => {
    throw new ExitProcess(argv[1] !== undefined ? Number.parseInt(argv[1], 10) & 255 : sh.status);
  },
  echo: (_sh, argv, io) => {
    let args = argv.slice(1);
    let newline = true;
    let escapes = false;
    while (args[0] && /^-[neE]+$/.test(args[0])) {
      if (args[0].includes('n')) newline = false;
      if (args[0].includes('e')) escapes = true;
      args = args.slice(1);
    }
    let text = args.join(' ');
    if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    io.stdout(newline ? `${text}\n` : text);
    return 0;
  },
  cd: (sh, argv, io) => {
    const target = normalizePath(argv[1] ?? sh.vars['HOME'] ?? '/', sh.ctx.cwd);
    if (sh.ctx.host.fs.stat(target) !== 'dir') {
      io.stderr(`sh: cd: can't cd to ${argv[1] ?? ''}: No such file or directory\n`);
      return 2;
    }
    sh.ctx.cwd = target;
    sh.vars['PWD'] = target;
    return 0;
  },
  export: (sh, argv) => {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(0, eq) : a;
      if (eq >= 0) sh.vars[name] = a.slice(eq + 1);
      sh.exported.add(name);
    }
    return 0;
  },
  unset: (sh, argv) => {
    for (const a of argv.slice(1)) delete sh.vars[a];
    return 0;
  },
  set: () => 0,
  wait: () => 0,
  trap: (sh, argv) => {
    const action = argv[1] ?? '';
    for (const s of argv.slice(2)) {
      const sig = /^\d+$/.test(s) ? ({ '1': 'SIGHUP', '2': 'SIGINT', '3': 'SIGQUIT', '15': 'SIGTERM' } as Record<string, string>)[s] : s.startsWith('SIG') ? s : `SIG${s}`;
      if (!sig) continue;
      if (action === '-' || action === '') sh.ctx.trap(sig, action === '' ? () => undefined : undefined);
      else sh.ctx.trap(sig, () => void runNode(sh, parseScript(action), sh.ctx.io).catch((e: unknown) => (e instanceof ExitProcess ? sh.ctx.end(e.code) : undefined)));
    }
    return 0;
  },
  test: (_sh, argv, io) => testExpression(argv.slice(1), _sh.ctx, io),
  '[': (sh, argv, io) => {
    if (argv[argv.length - 1] !== ']') {
      io.stderr('sh: missing ]\n');
      return 2;
    }
    return testExpression(argv.slice(1, -1), sh.ctx, io);
  },
  pwd: (sh, _argv, io) => {
    io.stdout(`${sh.ctx.cwd}\n`);
    return 0;
  },
  exec: (sh, argv, io) => (argv.length > 1 ? sh.ctx.spawn(argv.slice(1), io) : 0),
  read: async (sh, argv, io) => {
    const input = io.input ? await sh.ctx.read(io) : io.stdin;
    if (input === undefined || input === '') return 1;
    const line = input.split('\n')[0] ?? '';
    const names = argv.slice(1).filter((a) => !a.startsWith('-'));
    const parts = line.trim().split(/\s+/);
    names.forEach((n, i) => (sh.vars[n] = i === names.length - 1 ? parts.slice(i).join(' ') : (parts[i] ?? '')));
    return 0;
  },
};

/**
 * The shell program: `sh -c 'script' [arg0 args...]`, `sh script.sh`, or `sh` reading its
 * standard input (a container started with `sh` and no stdin exits at once, as in Kubernetes).
 */
export const shProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let script: string;
  let params: string[];
  const c = args.findIndex((a) => a === '-c' || /^-[a-z]*c[a-z]*$/.test(a));
  if (c >= 0) {
    script = args[c + 1] ?? '';
    params = args.slice(c + 2);
    if (params.length === 0) params = [ctx.argv[0] ?? 'sh'];
  } else if (args[0] && !args[0].startsWith('-')) {
    const content = ctx.host.fs.read(normalizePath(args[0], ctx.cwd));
    if (content === undefined) {
      ctx.io.stderr(`sh: can't open '${args[0]}': No such file or directory\n`);
      return 2;
    }
    script = content;
    params = args;
  } else {
    const sh: Shell = { ctx, vars: { ...ctx.env }, exported: new Set(Object.keys(ctx.env)), params: [ctx.argv[0] ?? 'sh'], status: 0, spins: 0, lastTime: ctx.now(), run: (node, io) => runNode(sh, node, io) };
    if (ctx.io.input) {
      // Commands from a stream: a terminal makes the shell interactive (as `-i` does).
      const interactive = ctx.io.tty !== undefined || args.some((a) => /^-[a-z]*i/.test(a));
      const flavor = shellFlavor(ctx);
      flavors.set(sh, { flavor, interactive });
      sh.vars['PWD'] ??= ctx.cwd;
      return readLoop(sh, flavor, interactive);
    }
    script = ctx.io.stdin;
    params = [ctx.argv[0] ?? 'sh'];
  }
  const sh: Shell = { ctx, vars: { ...ctx.env }, exported: new Set(Object.keys(ctx.env)), params, status: 0, spins: 0, lastTime: ctx.now(), run: (node, io) => runNode(sh, node, io) };
  flavors.set(sh, { flavor: shellFlavor(ctx), interactive: false });
  let tree: ShNode;
  try {
    tree = parseScript(script);
  } catch (e) {
    if (e instanceof ShSyntaxError) {
      ctx.io.stderr(`sh: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return runNode(sh, tree, ctx.io);
};
