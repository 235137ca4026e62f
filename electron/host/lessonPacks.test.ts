import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES, checkPackFiles, checkPackPath, packLessons, readPackFolder } from './lessonPacks';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('lesson pack paths', () => {
  it('keep to lesson folders and refuse escapes and prototype keys', () => {
    expect(checkPackPath('05-rs/steps/01-a.en.md')).toBe('05-rs/steps/01-a.en.md');
    expect(checkPackPath('05-rs/./img/../img/a.png')).toBe('05-rs/img/a.png');
    expect(() => checkPackPath('05-rs/../../x')).toThrow(/leads outside/);
    expect(() => checkPackPath('lesson.json')).toThrow(/not inside a lesson folder/);
    expect(() => checkPackPath('notes/lesson.json')).toThrow(/not inside a lesson folder/);
    expect(() => checkPackPath('05-rs/constructor/a.md')).toThrow(/forbidden part/);
    expect(() => checkPackPath('C:/05-rs/lesson.json')).toThrow(/not a relative path/);
  });
});

describe('pack files', () => {
  it('hold only lesson.json, step texts and what the texts link to, within the size limit, each once', () => {
    const lesson = { path: '05-rs/lesson.json', data: b64('{"id":"05-rs","title":{"en":"RS"},"steps":[{},{}]}') };
    const text = { path: '05-rs/steps/01-a.en.md', data: b64('See ![x](../img/a.png) and [docs](https://k8s.io/x.png).') };
    const img = { path: '05-rs/img/a.png', data: b64('png') };
    expect(checkPackFiles([lesson, text, img]).map((f) => f.path)).toEqual(['05-rs/lesson.json', '05-rs/steps/01-a.en.md', '05-rs/img/a.png']);
    expect(packLessons([lesson, text, img])).toEqual([{ id: '05-rs', title: 'RS', steps: 2 }]);
    expect(() => checkPackFiles([lesson, { path: '05-rs/img/b.png', data: b64('png') }])).toThrow(/neither a lesson\.json/);
    expect(() => checkPackFiles([lesson, lesson])).toThrow(/twice/);
    expect(() => checkPackFiles([lesson, { path: '05-rs/steps/01-a.en.md', data: 'A'.repeat(Math.ceil((MAX_PACK_BYTES * 4) / 3) + 8) }])).toThrow(/more than 16 MiB/);
    expect(() => checkPackFiles('05-rs')).toThrow(/not a list/);
    expect(checkPackFiles(undefined)).toEqual([]);
  });

  it('are read from a folder without stray files or links that leave the lesson', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-pack-test-'));
    dirs.push(dir);
    mkdirSync(join(dir, '05-rs', 'steps'), { recursive: true });
    mkdirSync(join(dir, '06-other'), { recursive: true });
    writeFileSync(join(dir, '05-rs', 'lesson.json'), '{}');
    writeFileSync(join(dir, '05-rs', 'steps', '01-a.en.md'), '![a](../a.png) ![b](../../06-other/secret.png) ![c](http://x/c.png)');
    writeFileSync(join(dir, '05-rs', 'a.png'), 'a');
    writeFileSync(join(dir, '05-rs', 'run.sh'), 'x');
    writeFileSync(join(dir, '06-other', 'secret.png'), 's');
    expect(readPackFolder(dir).map((f) => f.path)).toEqual(['05-rs/lesson.json', '05-rs/steps/01-a.en.md', '05-rs/a.png']);
  });
});
