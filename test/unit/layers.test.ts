/** The layer rules of DESIGN.md bite: the lint fails when a layer imports what it must not. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers';

const eslint = new ESLint({ cwd: ROOT });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it('core/ may not import node builtins, vue, electron or other layers', async () => {
    expect(await restricted('core/api/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).not.toEqual([]);
    expect(await restricted('core/api/bad.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n")).not.toEqual([]);
    expect(await restricted('core/api/bad.ts', "import { ref } from 'vue';\nexport const x = ref;\n")).not.toEqual([]);
    expect(await restricted('core/api/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toEqual([]);
    expect(await restricted('core/api/bad.ts', "import { x } from '../../electron/host/paths';\nexport const y = x;\n")).not.toEqual([]);
    expect(await restricted('core/api/bad.ts', "import { x } from '../../renderer/src/transport';\nexport const y = x;\n")).not.toEqual([]);
  });

  it('core/ may import itself', async () => {
    expect(await restricted('core/api/good.ts', "import { Store } from '../storage/store';\nexport const x = Store;\n")).toEqual([]);
  });

  it('the renderer may not import node builtins, electron or electron/', async () => {
    expect(await restricted('renderer/src/bad.ts', "import { join } from 'node:path';\nexport const x = join;\n")).not.toEqual([]);
    expect(await restricted('renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).not.toEqual([]);
    expect(await restricted('renderer/src/bad.ts', "import { x } from '../../electron/host/paths';\nexport const y = x;\n")).not.toEqual([]);
    expect(await restricted('renderer/src/good.ts', "import type { Pod } from '../../core/api/types';\nexport type P = Pod;\n")).toEqual([]);
  });

  it('electron/ may import electron only under main/ and preload/, and never the renderer', async () => {
    expect(await restricted('electron/host/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toEqual([]);
    expect(await restricted('electron/main/good.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect(await restricted('electron/host/bad.ts', "import { x } from '../../renderer/src/transport';\nexport const y = x;\n")).not.toEqual([]);
    expect(await restricted('electron/host/good.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([]);
  });
});
