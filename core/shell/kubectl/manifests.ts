/**
 * `-f FILE|DIR|-` (with `-R`): the objects of the manifests a command names, read through the
 * injected file system and YAML decoder, in kubectl's order (a directory's .yaml/.yml/.json
 * files sorted by name).
 */
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { CommandError } from './errors';

/** One object of a manifest, with the file it came from (for `error when creating "f.yaml"`). */
export interface Manifest {
  source: string;
  obj: KubeObject;
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

async function filesOf(k: Kubectl, path: string, recursive: boolean, top: boolean): Promise<string[]> {
  const files = k.deps.files;
  if (!files) throw new CommandError('error: this terminal cannot read files');
  const kind = await files.stat(path);
  if (kind === undefined) throw new CommandError(`error: the path "${path}" does not exist`);
  if (kind === 'file') return [path];
  if (!top && !recursive) return [];
  const out: string[] = [];
  for (const name of await files.readDir(path)) {
    const child = `${path.replace(/\/$/, '')}/${name}`;
    const t = await files.stat(child);
    if (t === 'dir') out.push(...(recursive ? await filesOf(k, child, recursive, false) : []));
    else if (EXTENSIONS.some((e) => name.endsWith(e))) out.push(child);
  }
  return out;
}

function decode(k: Kubectl, text: string, source: string): KubeObject[] {
  const parse = k.deps.parseYaml ?? ((t: string) => [JSON.parse(t) as unknown]);
  let docs: unknown[];
  try {
    docs = parse(text);
  } catch (e) {
    throw new CommandError(`error: error parsing ${source}: ${(e as Error).message}`);
  }
  const out: KubeObject[] = [];
  for (const d of docs) {
    if (d === null || d === undefined) continue;
    const o = d as KubeObject & { items?: KubeObject[] };
    if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) out.push(...o.items);
    else out.push(o);
  }
  return out;
}

/** Reads every object of the `-f` arguments. */
export async function readManifests(k: Kubectl, paths: string[], recursive: boolean): Promise<Manifest[]> {
  const out: Manifest[] = [];
  for (const p of paths) {
    if (p === '-') {
      const stdin = k.deps.files?.stdin;
      if (!stdin) throw new CommandError('error: this terminal cannot read standard input');
      for (const obj of decode(k, await stdin(), 'STDIN')) out.push({ source: 'STDIN', obj });
      continue;
    }
    for (const f of await filesOf(k, p, recursive, true)) {
      const text = await (k.deps.files as NonNullable<typeof k.deps.files>).readFile(f);
      for (const obj of decode(k, text, f)) out.push({ source: f, obj });
    }
  }
  return out;
}
