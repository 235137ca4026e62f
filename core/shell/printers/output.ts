/**
 * The `-o` formats kubectl prints objects in (besides the server's tables): yaml, json, name,
 * jsonpath, custom-columns, go-template (goTemplate.ts); and kubectl's error for an unknown one.
 */
import { parseCustomColumns, printCustomColumns, type CustomColumn } from './customColumns';
import { executeGoTemplate, parseKubectlTemplate, TemplateExecError, templateDebugInfo } from './goTemplate';
import type { GoTemplate } from './goTemplateParse';
import { goQuote } from './goFormat';
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
  | { kind: 'custom'; columns: CustomColumn[] }
  | { kind: 'gotemplate'; template: GoTemplate; raw: string; missingKeyError: boolean; out?: (text: string) => void };

const TEMPLATE_FORMATS = ['template', 'go-template', 'go-template-file', 'templatefile'];

/** The options of the go-template formats: `--template`, `--allow-missing-template-keys`, a file reader and stdout. */
export interface TemplateOptions {
  template?: string;
  allowMissingKeys?: boolean;
  readFile?: (path: string) => Promise<string>;
  /** Where a failing template's partial output and debugging text go (kubectl prints them on stdout). */
  out?: (text: string) => void;
}

/** kubectl's GoTemplatePrintFlags: `-o go-template=T`, `-o go-template-file=F`, `-o template --template T`; undefined when `o` is not one. */
async function goTemplateFormat(o: string, opts: TemplateOptions): Promise<OutputFormat | undefined> {
  const eq = o.indexOf('=');
  const name = opts.template ? o : eq >= 0 ? o.slice(0, eq) : o;
  if (!TEMPLATE_FORMATS.includes(name)) return undefined;
  let raw = opts.template || (eq >= 0 ? o.slice(eq + 1) : '');
  if (raw === '') throw new Error('error: template format specified but no template given');
  if (name === 'go-template-file' || name === 'templatefile') {
    if (!opts.readFile) throw new Error('error: this terminal cannot read files');
    try {
      raw = await opts.readFile(raw);
    } catch (e) {
      throw new Error(`error: error reading --template ${raw}, open ${raw}: ${/does not exist/.test((e as Error).message) ? 'no such file or directory' : (e as Error).message}`);
    }
  }
  try {
    return { kind: 'gotemplate', template: parseKubectlTemplate(raw), raw, missingKeyError: opts.allowMissingKeys === false, ...(opts.out ? { out: opts.out } : {}) };
  } catch (e) {
    throw new Error(`error: error parsing template ${raw}, ${(e as Error).message}`);
  }
}

/** parseOutput with the go-template formats read as kubectl reads them (a file, `--template`); throws kubectl's error text. */
export async function parseOutputWith(o: string, human: boolean, opts: TemplateOptions): Promise<OutputFormat> {
  if (!opts.template) return (await goTemplateFormat(o, opts)) ?? parseOutput(o, human);
  // With --template, a template format takes its text from the flag, never after `=`.
  if (o === '') o = 'go-template';
  if (o === 'jsonpath' || o === 'jsonpath-as-json') return parseOutput(`${o}=${opts.template}`, human);
  if (o.includes('=') || (!TEMPLATE_FORMATS.includes(o) && !['yaml', 'json', 'name', 'wide'].includes(o))) {
    throw new Error(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${human ? GET_FORMATS : OBJECT_FORMATS}`);
  }
  return (await goTemplateFormat(o, opts)) ?? parseOutput(o, human);
}

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
  if ((name === 'go-template' || name === 'template') && eq >= 0) {
    if (arg === '') throw new Error('error: template format specified but no template given');
    try {
      return { kind: 'gotemplate', template: parseKubectlTemplate(arg), raw: arg, missingKeyError: false };
    } catch (e) {
      throw new Error(`error: error parsing template ${arg}, ${(e as Error).message}`);
    }
  }
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
    case 'gotemplate':
      return printGoTemplate(format, data);
  }
}

/** Executes a go-template on an object; a failure prints kubectl's debugging text (to `format.out`) and throws its error. */
function printGoTemplate(format: Extract<OutputFormat, { kind: 'gotemplate' }>, data: unknown): string {
  try {
    return executeGoTemplate(format.template, data, { missingKeyError: format.missingKeyError });
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    format.out?.(`${e.partial}${templateDebugInfo(e.message, format.raw, data)}`);
    throw new Error(`error: error executing template ${goQuote(format.raw)}: ${e.message}`);
  }
}
