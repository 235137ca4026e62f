/**
 * The bundled shell's terminal loop: Node's readline for the line editing (arrows, history
 * recall, Ctrl-A/E/U/K/W), Ctrl-R search (`lineInput.ts`), tab completion from the engine, `> `
 * continuation prompts for commands of several lines (here-documents, open quotes, a trailing
 * `|`), Ctrl-C ending what runs (or dropping the line being typed), Ctrl-D leaving, and type-
 * ahead while a command runs.
 */
import { createInterface, type Interface } from 'node:readline';
import type { ShellEngine } from '../../core/shell/engine';
import { LineInput } from './lineInput';
import type { HistoryFile } from './shellHistory';

/** Options of the loop. */
export interface LoopOptions {
  history: HistoryFile;
  /** Hears each command line run (the lab's lesson checks). */
  report?: (line: string) => void;
  /** How long a completion may wait for the API server. */
  completionTimeoutMs?: number;
}

/** The prompt: `CONTEXT:NAMESPACE$ `, with the folder when it is not the workspace's top; a node's (`root@NODE:~# `) after `ssh`. */
export function promptOf(engine: ShellEngine): string {
  const node = engine.prompt();
  if (node !== undefined) return node;
  const cwd = engine.cwd;
  return `${engine.state.context}:${engine.state.namespace}${cwd === '/' ? '' : ` ${cwd}`}$ `;
}

/** Runs the shell in this process's terminal until `exit` or Ctrl-D; resolves with the exit status. */
export function runShellLoop(engine: ShellEngine, options: LoopOptions): Promise<number> {
  const tty = process.stdin.isTTY === true;
  const history = options.history;
  const input = tty ? new LineInput(() => history.entries(), (t) => process.stdout.write(t)) : undefined;
  const completer = (line: string, callback: (err: Error | null, result: [string[], string]) => void) => {
    let answered = false;
    const answer = (hits: string[], word: string) => {
      if (answered) return;
      answered = true;
      callback(null, [hits, word]);
    };
    const timer = setTimeout(() => answer([], ''), options.completionTimeoutMs ?? 3000);
    engine
      .complete(line)
      .then((c) => {
        const only = c.candidates.length === 1 ? (c.candidates[0] as string) : undefined;
        answer(only !== undefined && !/[/=]$/.test(only) ? [`${only} `] : c.candidates, c.word);
      })
      .catch(() => answer([], ''))
      .finally(() => clearTimeout(timer));
  };
  const rl: Interface = createInterface({
    input: input ? input.stream : process.stdin,
    output: process.stdout,
    terminal: tty,
    // The history is kept here (after `!!` expansion, one entry per command even of several lines), not by readline.
    historySize: 0,
    completer,
    tabSize: 4,
  });
  const recall = rl as unknown as { history: string[] };
  const follow = (entries: string[]) => {
    recall.history = [...entries].reverse();
  };
  follow(history.entries());
  history.onChange = follow;
  if (input) {
    input.attach(rl);
    process.stdin.setRawMode(true);
    process.stdin.setEncoding('utf8');
    process.stdin.on('end', () => input.stream.end());
    process.stdout.write('KubeLab shell. Type "help" for the commands, "exit" or Ctrl-D to leave.\n');
  }
  return new Promise<number>((done) => {
    let busy = false;
    let abort: AbortController | undefined;
    let pending: string[] = [];
    const queue: string[] = [];
    const prompt = () => {
      rl.setPrompt(pending.length > 0 ? '> ' : promptOf(engine));
      rl.prompt();
    };
    if (input) {
      process.stdin.on('data', (d: string) => {
        // Ctrl-D at an empty prompt on a node ends only the ssh session, as a node's login shell does.
        if (d === '\x04' && !busy && pending.length === 0 && rl.line === '' && engine.prompt() !== undefined) {
          engine.endOfInput();
          prompt();
          return;
        }
        input.feed(d);
      });
    }
    rl.on('SIGINT', () => {
      // Ctrl-C ends what runs (get -w, logs -f, watch, sleep) as it ends a process.
      abort?.abort();
      process.stdout.write('^C\n');
      if (rl.line) rl.write(null, { ctrl: true, name: 'u' });
      pending = [];
      queue.length = 0;
      if (!busy) {
        engine.state.lastExit = 130;
        prompt();
      }
    });
    rl.on('close', () => {
      if (tty) {
        process.stdout.write('exit\n');
        process.stdin.setRawMode(false);
      }
      done(engine.state.lastExit);
    });
    // Lines typed while a command runs wait in a queue, as a terminal's type-ahead does.
    const next = (): void => {
      while (!busy && queue.length > 0) {
        pending.push(queue.shift() as string);
        const text = pending.join('\n');
        if (engine.needsMore(text)) {
          if (queue.length === 0) prompt();
          continue;
        }
        pending = [];
        busy = true;
        abort = new AbortController();
        engine
          .run(text, abort.signal)
          .then((r) => {
            options.report?.(text);
            busy = false;
            if (r === 'exit') {
              rl.close();
              return;
            }
            if (queue.length === 0) prompt();
            next();
          })
          .catch((e: unknown) => {
            process.stderr.write(`kubelab: ${(e as Error).message}\n`);
            busy = false;
            if (queue.length === 0) prompt();
            next();
          });
      }
    };
    rl.on('line', (line) => {
      queue.push(line);
      next();
    });
    prompt();
  });
}
