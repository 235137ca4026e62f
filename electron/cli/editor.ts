/**
 * The editor the bundled shell opens (`kubectl edit`, `vi FILE`, `nano FILE`): the user's own
 * when `KUBE_EDITOR` or `EDITOR` names a program that exists here (run on a temporary file, as
 * kubectl runs it), else the built-in full-screen editor of core/shell/editor driven in this
 * terminal — raw mode, the alternate screen, bracketed paste, redrawn on resize. While an editor
 * runs, the shell's own input listeners are set aside so that its keys reach only the editor.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, isAbsolute, join } from 'node:path';
import { EditorModel, type EditorMode } from '../../core/shell/editor/editor';
import { KeyDecoder } from '../../core/shell/editor/keys';
import { render } from '../../core/shell/editor/render';

/** The terminal an editor runs in. */
export interface EditorTerminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

/** The shell's editor capability (ShellDeps.editor). */
export type EditorCapability = (text: string, fileName: string, mode?: EditorMode) => Promise<string | undefined>;

/** Takes the terminal's input away from its listeners until `restore` (the editor reads it alone). */
function takeInput(input: NodeJS.ReadStream): { restore(): void } {
  const data = input.listeners('data') as ((...a: unknown[]) => void)[];
  const keypress = input.listeners('keypress') as ((...a: unknown[]) => void)[];
  input.removeAllListeners('data');
  input.removeAllListeners('keypress');
  const wasRaw = input.isTTY ? input.isRaw : false;
  return {
    restore() {
      input.removeAllListeners('data');
      input.removeAllListeners('keypress');
      for (const l of data) input.on('data', l);
      for (const l of keypress) input.on('keypress', l);
      if (input.isTTY) input.setRawMode(wasRaw);
    },
  };
}

/** Runs the built-in editor in a terminal; resolves with the text written, or undefined. */
export function runBuiltinEditor(text: string, fileName: string, mode: EditorMode = 'nano', term: EditorTerminal = { input: process.stdin, output: process.stdout }): Promise<string | undefined> {
  const { input, output } = term;
  const taken = takeInput(input);
  const model = new EditorModel(text, fileName, mode);
  const decoder = new KeyDecoder();
  model.resize(output.columns || 80, output.rows || 24);
  if (input.isTTY) input.setRawMode(true);
  input.resume();
  output.write('\x1b[?1049h\x1b[?2004h');
  const draw = () => output.write(render(model));
  return new Promise((done) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      if (timer) clearTimeout(timer);
      input.off('data', onData);
      output.off('resize', onResize);
      output.write('\x1b[?2004l\x1b[?1049l');
      taken.restore();
      done(model.result?.text);
    };
    const handle = (keys: ReturnType<KeyDecoder['feed']>) => {
      for (const key of keys) {
        if (model.handle(key)) {
          finish();
          return true;
        }
      }
      draw();
      return false;
    };
    const onData = (chunk: Buffer | string) => {
      if (timer) clearTimeout(timer);
      if (handle(decoder.feed(typeof chunk === 'string' ? chunk : chunk.toString('utf8')))) return;
      // A lone ESC is the Escape key when nothing follows it soon.
      if (decoder.waiting) timer = setTimeout(() => handle(decoder.flush()), 50);
    };
    const onResize = () => {
      model.resize(output.columns || 80, output.rows || 24);
      draw();
    };
    input.on('data', onData);
    output.on('resize', onResize);
    draw();
  });
}

/** Whether a program can be run: a path to an executable, or a name found on PATH. */
function findProgram(name: string, env: NodeJS.ProcessEnv): boolean {
  const executable = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (name.includes('/') || isAbsolute(name)) return executable(name);
  return (env['PATH'] ?? '').split(delimiter).some((dir) => dir !== '' && executable(join(dir, name)));
}

/**
 * The user's editor as kubectl reads it (`KUBE_EDITOR`, then `EDITOR`): its arguments, split at
 * spaces, or run by the shell when it has quotes; undefined when neither is set or its program
 * does not exist here.
 */
export function userEditor(env: NodeJS.ProcessEnv = process.env): { args: string[]; shell: boolean } | undefined {
  const editor = (env['KUBE_EDITOR'] || env['EDITOR'] || '').trim();
  if (!editor) return undefined;
  if (/["'\\]/.test(editor)) {
    const shell = env['SHELL'] || '/bin/bash';
    return findProgram(shell, env) ? { args: [shell, '-c', editor], shell: true } : undefined;
  }
  const args = editor.split(' ').filter((a) => a !== '');
  return findProgram(args[0] as string, env) ? { args, shell: false } : undefined;
}

/** Runs the user's editor on a temporary copy of the text; resolves with the file's text afterwards. */
export async function runUserEditor(editor: { args: string[]; shell: boolean }, text: string, fileName: string, input: NodeJS.ReadStream = process.stdin): Promise<string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-edit-'));
  const path = join(dir, basename(fileName) || 'file');
  writeFileSync(path, text);
  const args = [...editor.args];
  if (editor.shell) args[args.length - 1] = `${args[args.length - 1] as string} ${JSON.stringify(path)}`;
  else args.push(path);
  const taken = takeInput(input);
  if (input.isTTY) input.setRawMode(false);
  input.pause();
  try {
    const code = await new Promise<number | null>((done, fail) => {
      const child = spawn(args[0] as string, args.slice(1), { stdio: 'inherit' });
      child.on('error', fail);
      child.on('exit', (c) => done(c));
    });
    if (code !== 0) throw new Error(`there was a problem with the editor ${JSON.stringify(editor.args.join(' '))}`);
    const after = readFileSync(path, 'utf8');
    return after === text ? undefined : after;
  } finally {
    taken.restore();
    input.resume();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The editor capability of a shell in this terminal: the user's editor when there is one, else the built-in. */
export function terminalEditor(term: EditorTerminal = { input: process.stdin, output: process.stdout }, env: NodeJS.ProcessEnv = process.env): EditorCapability {
  return (text, fileName, mode) => {
    const user = userEditor(env);
    return user ? runUserEditor(user, text, fileName, term.input) : runBuiltinEditor(text, fileName, mode ?? 'nano', term);
  };
}
