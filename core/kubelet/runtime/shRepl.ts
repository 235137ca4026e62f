/**
 * The simulated `sh` reading commands from a stream: an interactive shell on a terminal (the
 * prompt of the image's shell — busybox ash's `/ # `, dash's `# `, Debian bash's
 * `root@POD:/# ` — Ctrl-C dropping the line or ending the foreground command, Ctrl-D or `exit`
 * leaving it), or a script piped to `kubectl exec -i POD -- sh`. Lines are gathered until they
 * parse (a `while` spanning lines waits for its `done`, with the `> ` prompt).
 */
import { ExitProcess, type ProcessContext } from './process';
import type { Shell } from './shExpand';
import { ShSyntaxError, parseScript, type ShNode } from './shParse';

/** Which shell an image's `sh` is: busybox ash (busybox, alpine), dash (Debian's /bin/sh) or bash. */
export type ShellFlavor = 'ash' | 'dash' | 'bash';

/** The flavor of the shell a process runs. */
export function shellFlavor(ctx: ProcessContext): ShellFlavor {
  const name = (ctx.argv[0] ?? 'sh').split('/').pop();
  if (name === 'bash') return 'bash';
  const fs = ctx.host.fs;
  if (fs.entry('/bin/busybox') || /Alpine/.test(fs.read('/etc/os-release') ?? '')) return 'ash';
  return 'dash';
}

/** `cwd` with the home directory shown as `~` (bash's and ash's `\w`). */
function tilde(cwd: string, home: string | undefined): string {
  if (!home || home === '/') return cwd;
  if (cwd === home) return '~';
  return cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
}

/** The primary prompt: PS1 as the shell expands it for root. */
export function prompt(sh: Shell, flavor: ShellFlavor): string {
  const w = tilde(sh.ctx.cwd, sh.vars['HOME']);
  if (flavor === 'bash') return `root@${sh.ctx.host.hostname}:${w}# `;
  if (flavor === 'ash') return `${w} # `;
  return '# ';
}

/** Whether a syntax error only says that the input stopped too early (more lines may complete it). */
function incomplete(e: ShSyntaxError): boolean {
  return /end of file unexpected|Unterminated quoted string|EOF in backquote|Missing \}/.test(e.message);
}

/** Reads, parses and runs commands until the end of input or `exit`; resolves with the exit status. */
export async function readLoop(sh: Shell, flavor: ShellFlavor, interactive: boolean): Promise<number> {
  const ctx = sh.ctx;
  // Interactive shells write their prompts to stderr (the terminal, when there is one).
  const out = (t: string) => ctx.io.stderr(t);
  let pending = '';
  let script = '';
  let waiting = false;
  if (interactive) {
    // Ctrl-C at the prompt drops the line; during a command it ends the command, not the shell.
    ctx.trap('SIGINT', () => {
      if (!waiting) return;
      script = '';
      out(`\n${prompt(sh, flavor)}`);
    });
    ctx.trap('SIGQUIT', () => undefined);
    ctx.trap('SIGTERM', () => undefined);
    // A new window size redraws the prompt and the line being typed (line editing does; this
    // is what `kubectl attach` provokes so that a shell started earlier shows its prompt).
    ctx.trap('SIGWINCH', () => {
      if (waiting && flavor !== 'dash') out(`\r${script === '' ? prompt(sh, flavor) : '> '}${ctx.io.tty?.pending?.() ?? ''}`);
    });
  }
  const leave = (code: number): number => {
    if (interactive && flavor === 'bash') ctx.io.stderr('exit\n');
    return code;
  };
  for (;;) {
    if (interactive) out(script === '' ? prompt(sh, flavor) : '> ');
    let line: string | undefined;
    for (;;) {
      const nl = pending.indexOf('\n');
      if (nl >= 0) {
        line = pending.slice(0, nl + 1);
        pending = pending.slice(nl + 1);
        break;
      }
      waiting = true;
      const chunk = await ctx.read();
      waiting = false;
      if (chunk === undefined) {
        line = pending === '' ? undefined : pending;
        pending = '';
        break;
      }
      pending += chunk;
    }
    if (line === undefined) {
      // The end of input: what is left runs (a script without a final newline), then the shell exits.
      if (script.trim() !== '') await runText(sh, script, flavor, interactive);
      if (interactive && flavor !== 'bash') out('\n');
      return leave(sh.status);
    }
    script += line;
    let tree: ShNode;
    try {
      tree = parseScript(script);
    } catch (e) {
      if (!(e instanceof ShSyntaxError)) throw e;
      if (incomplete(e) && line.endsWith('\n')) continue;
      ctx.io.stderr(syntaxMessage(e, flavor));
      script = '';
      sh.status = 2;
      if (!interactive) return 2;
      continue;
    }
    script = '';
    try {
      const code = await sh.run(tree, ctx.io);
      // A foreground command ended by Ctrl-C: the shell goes on from a new line.
      if (interactive && code === 130) out('\n');
    } catch (e) {
      if (e instanceof ExitProcess) return leave(e.code);
      throw e;
    }
  }
}

async function runText(sh: Shell, text: string, flavor: ShellFlavor, interactive: boolean): Promise<void> {
  try {
    await sh.run(parseScript(text), sh.ctx.io);
  } catch (e) {
    if (e instanceof ShSyntaxError) {
      sh.ctx.io.stderr(syntaxMessage(e, flavor));
      sh.status = 2;
    } else if (e instanceof ExitProcess) sh.status = e.code;
    else throw e;
  }
  void interactive;
}

/** A syntax error as the shell prints it. */
export function syntaxMessage(e: ShSyntaxError, flavor: ShellFlavor): string {
  if (flavor === 'ash') return `sh: ${e.message.replace(/^Syntax error: (.*) unexpected$/, 'syntax error: unexpected $1')}\n`;
  if (flavor === 'bash') return `bash: ${e.message.replace(/^Syntax error: "(.*)" unexpected$/, "syntax error near unexpected token `$1'")}\n`;
  return `sh: 1: ${e.message}\n`;
}

/** "Command not found" as each shell words it. */
export function notFound(name: string, flavor: ShellFlavor, interactive: boolean): string {
  if (flavor === 'bash') return interactive ? `bash: ${name}: command not found\n` : `bash: line 1: ${name}: command not found\n`;
  if (flavor === 'dash') return `sh: 1: ${name}: not found\n`;
  return `sh: ${name}: not found\n`;
}
