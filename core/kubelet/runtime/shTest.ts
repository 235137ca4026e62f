/** `test` / `[`: file tests against the container's filesystem, string and integer comparisons. */
import { normalizePath } from './fs';
import type { ProcessContext, ProcessIo } from './process';

/** Evaluates a test expression; 0 true, 1 false, 2 error. */
export function testExpression(args: string[], ctx: ProcessContext, io: ProcessIo): number {
  try {
    return evaluate(args, ctx) ? 0 : 1;
  } catch (e) {
    io.stderr(`sh: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

function evaluate(args: string[], ctx: ProcessContext): boolean {
  if (args.length === 0) return false;
  if (args[0] === '!') return !evaluate(args.slice(1), ctx);
  const and = args.indexOf('-a');
  if (and > 0) return evaluate(args.slice(0, and), ctx) && evaluate(args.slice(and + 1), ctx);
  const or = args.indexOf('-o');
  if (or > 0) return evaluate(args.slice(0, or), ctx) || evaluate(args.slice(or + 1), ctx);
  if (args.length === 1) return args[0] !== '';
  const fs = ctx.host.fs;
  if (args.length === 2) {
    const [op, v = ''] = args;
    const path = normalizePath(v, ctx.cwd);
    switch (op) {
      case '-e': return fs.stat(path) !== undefined;
      case '-f': return fs.stat(path) === 'file';
      case '-d': return fs.stat(path) === 'dir';
      case '-s': return (fs.read(path) ?? '').length > 0;
      case '-r':
      case '-w': return fs.stat(path) !== undefined;
      case '-x': return fs.entry(path)?.program !== undefined || fs.stat(path) === 'dir';
      case '-z': return v === '';
      case '-n': return v !== '';
      default: throw new Error(`${op}: unexpected operator`);
    }
  }
  const [a = '', op, b = ''] = args;
  const int = (s: string) => {
    if (!/^\s*-?\d+\s*$/.test(s)) throw new Error(`${s}: bad number`);
    return Number.parseInt(s, 10);
  };
  switch (op) {
    case '=':
    case '==': return a === b;
    case '!=': return a !== b;
    case '-eq': return int(a) === int(b);
    case '-ne': return int(a) !== int(b);
    case '-lt': return int(a) < int(b);
    case '-le': return int(a) <= int(b);
    case '-gt': return int(a) > int(b);
    case '-ge': return int(a) >= int(b);
    default: throw new Error(`${op ?? ''}: unexpected operator`);
  }
}
