/**
 * The `-o` formats kubectl prints objects in (besides the server's tables): yaml, json, name,
 * jsonpath, custom-columns; and kubectl's error for an unknown one.
 */
import { parseCustomColumns, printCustomColumns, type CustomColumn } from './customColumns';
import { toJson } from './json';
import { parseTemplate, printTemplate } from './jsonpath';
import { toYaml } from './yaml';

/** A parsed `-o` value. */
export type OutputFormat =
  | { kind: 'human'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: ReturnType<typeof parseTemplate> }
  | { kind: 'custom'; columns: CustomColumn[] };

const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const OBJECT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Parses `-o`; `human` allows the table formats (get). Throws kubectl's error text. */
export function parseOutput(o: string, human: boolean): OutputFormat {
  if (o === '' && human) return { kind: 'human', wide: false };
  if (o === 'wide' && human) return { kind: 'human', wide: true };
  if (o === 'yaml') return { kind: 'yaml' };
  if (o === 'json') return { kind: 'json' };
  if (o === 'name') return { kind: 'name' };
  const eq = o.indexOf('=');
  const name = eq >= 0 ? o.slice(0, eq) : o;
  const arg = eq >= 0 ? o.slice(eq + 1) : '';
  if (name === 'jsonpath' || name === 'jsonpath-as-json') {
    if (arg === '') throw new Error('error: template format specified but no template given');
    try {
      return { kind: 'jsonpath', template: parseTemplate(arg) };
    } catch (e) {
      throw new Error(`error: error parsing jsonpath ${arg}, ${(e as Error).message}`);
    }
  }
  if (name === 'custom-columns' && human) return { kind: 'custom', columns: parseCustomColumns(arg) };
  throw new Error(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${human ? GET_FORMATS : OBJECT_FORMATS}`);
}

/** Prints objects (`single`: one object, else a List) in a non-human format; `names` gives `-o name`'s `kind.group/name`. */
export function printObjects(format: Exclude<OutputFormat, { kind: 'human' }>, objects: Record<string, unknown>[], single: boolean, nameOf: (o: Record<string, unknown>) => string, noHeaders = false): string {
  const data = single && objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  switch (format.kind) {
    case 'yaml':
      return toYaml(data);
    case 'json':
      return toJson(data);
    case 'name':
      return objects.map((o) => `${nameOf(o)}\n`).join('');
    case 'jsonpath':
      return printTemplate(format.template, data);
    case 'custom':
      return printCustomColumns(format.columns, objects, noHeaders);
  }
}
