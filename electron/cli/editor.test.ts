import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runBuiltinEditor, runUserEditor, userEditor } from './editor';

/** A terminal made of two streams (no tty): the editor reads keys from one and draws on the other. */
function fakeTerminal() {
  const input = new PassThrough() as unknown as NodeJS.ReadStream;
  const output = Object.assign(new PassThrough(), { columns: 40, rows: 10 }) as unknown as NodeJS.WriteStream;
  let drawn = '';
  (output as unknown as PassThrough).on('data', (d: Buffer) => (drawn += d.toString()));
  return { input, output, drawn: () => drawn };
}

describe('the shell editor', () => {
  it('uses KUBE_EDITOR, then EDITOR, when its program exists here, as kubectl splits it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-editor-'));
    const prog = join(dir, 'myedit');
    writeFileSync(prog, '#!/bin/sh\n');
    chmodSync(prog, 0o755);
    expect(userEditor({ PATH: dir, KUBE_EDITOR: 'myedit --wait', EDITOR: 'nope' })).toEqual({ args: ['myedit', '--wait'], shell: false });
    expect(userEditor({ PATH: dir, EDITOR: prog })).toEqual({ args: [prog], shell: false });
    expect(userEditor({ PATH: dir, EDITOR: 'nope' })).toBeUndefined();
    expect(userEditor({ PATH: dir })).toBeUndefined();
  });

  it("runs the user's editor on a temporary file and reads it back", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-editor-'));
    const prog = join(dir, 'upper');
    writeFileSync(prog, '#!/bin/sh\nsed -i s/one/two/ "$1"\n');
    chmodSync(prog, 0o755);
    const input = new PassThrough() as unknown as NodeJS.ReadStream;
    expect(await runUserEditor({ args: [prog], shell: false }, 'one\n', 'kubectl-edit-1.yaml', input)).toBe('two\n');
    // Unchanged: nothing was written.
    expect(await runUserEditor({ args: ['true'], shell: false }, 'one\n', 'f.yaml', input)).toBeUndefined();
    await expect(runUserEditor({ args: ['false'], shell: false }, 'one\n', 'f.yaml', input)).rejects.toThrow('there was a problem with the editor "false"');
  });

  it('drives the built-in editor from terminal input, on the alternate screen, and gives the input back', async () => {
    const term = fakeTerminal();
    const mine = () => undefined;
    term.input.on('data', mine);
    const result = runBuiltinEditor('replicas: 1\n', 'f.yaml', 'nano', term);
    expect(term.input.listeners('data')).not.toContain(mine);
    (term.input as unknown as PassThrough).write('\x1b[F\x7f3');
    (term.input as unknown as PassThrough).write('\x18');
    (term.input as unknown as PassThrough).write('y');
    expect(await result).toBe('replicas: 3\n');
    expect(term.drawn().startsWith('\x1b[?1049h')).toBe(true);
    expect(term.drawn()).toContain('KubeLab nano');
    expect(term.drawn().endsWith('\x1b[?2004l\x1b[?1049l')).toBe(true);
    expect(term.input.listeners('data')).toEqual([mine]);
  });
});
