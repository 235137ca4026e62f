/**
 * The checks `kubelab lab validate` makes on a lesson's data (the rules of
 * `labs/lesson.schema.json`, plus what a schema cannot say: unique ids, known resources,
 * valid regular expressions, selectors and JSONPaths), and the section numbers of a note file.
 */
import { parseLabelSelector } from '../api/labels';
import { httpCheckProblems } from './httpCheck';
import { parseJsonPath } from './jsonpath';
import { resolveResource } from './resources';
import { CHECK_TYPES, LANGUAGES } from './types';
import { shapeProblems } from '../shape';
import { FaultError, parseFault } from '../faults';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function localized(v: unknown, where: string, out: string[]): void {
  if (!isObj(v)) return void out.push(`${where}: needs a text in both languages ({"en": ..., "zh-CN": ...})`);
  for (const l of LANGUAGES) if (typeof v[l] !== 'string' || (v[l] as string).trim() === '') out.push(`${where}: the ${l} text is missing`);
}

function regex(v: unknown, where: string, out: string[]): void {
  if (typeof v !== 'string') return void out.push(`${where}: needs a regular expression`);
  try {
    new RegExp(v);
  } catch (e) {
    out.push(`${where}: ${(e as Error).message}`);
  }
}

function target(c: Obj, where: string, out: string[]): void {
  if (typeof c.resource !== 'string' || !resolveResource(c.resource)) out.push(`${where}: unknown resource "${String(c.resource)}"`);
  if (c.selector !== undefined) {
    try {
      parseLabelSelector(String(c.selector));
    } catch (e) {
      out.push(`${where}: selector: ${(e as Error).message}`);
    }
  }
  if (c.name !== undefined && typeof c.name !== 'string') out.push(`${where}: name must be a string`);
  if (c.namespace !== undefined && typeof c.namespace !== 'string') out.push(`${where}: namespace must be a string`);
}

/** Problems of one check (`where` prefixes each). */
export function checkProblems(c: unknown, where: string, withMessage = true): string[] {
  const out: string[] = [];
  if (!isObj(c)) return [`${where}: must be an object`];
  if (!(CHECK_TYPES as readonly string[]).includes(String(c.type))) return [`${where}: unknown check type "${String(c.type)}" (one of ${CHECK_TYPES.join(', ')})`];
  if (withMessage) {
    if (typeof c.id !== 'string' || c.id === '') out.push(`${where}: needs an id`);
    localized(c.message, `${where}.message`, out);
  }
  if (c.weight !== undefined && (typeof c.weight !== 'number' || c.weight <= 0)) out.push(`${where}: weight must be a positive number`);
  switch (c.type) {
    case 'exists':
    case 'absent':
      target(c, where, out);
      break;
    case 'count':
      target(c, where, out);
      if (!['==', '!=', '>=', '<=', '>', '<'].includes(String(c.op))) out.push(`${where}: op must be one of == != >= <= > <`);
      if (typeof c.value !== 'number') out.push(`${where}: value must be a number`);
      break;
    case 'field':
      target(c, where, out);
      try {
        parseJsonPath(String(c.jsonPath ?? ''));
      } catch (e) {
        out.push(`${where}: ${(e as Error).message}`);
      }
      if (c.equals !== undefined && typeof c.equals !== 'string') out.push(`${where}: equals must be a string (what kubectl -o jsonpath prints)`);
      if (c.matches !== undefined) regex(c.matches, `${where}.matches`, out);
      break;
    case 'condition':
      target(c, where, out);
      if (typeof c.condition !== 'string') out.push(`${where}: needs the condition type`);
      if (!['True', 'False', 'Unknown'].includes(String(c.status))) out.push(`${where}: status must be True, False or Unknown`);
      break;
    case 'phase':
      target(c, where, out);
      if (typeof c.phase !== 'string') out.push(`${where}: needs a phase`);
      break;
    case 'eventSeen':
      if (typeof c.reason !== 'string') out.push(`${where}: needs the event's reason`);
      if (c.messageMatches !== undefined) regex(c.messageMatches, `${where}.messageMatches`, out);
      break;
    case 'logContains':
      if (typeof c.text !== 'string') out.push(`${where}: needs the text to find`);
      if (c.pod === undefined && c.selector === undefined) out.push(`${where}: needs a pod or a selector`);
      break;
    case 'canI':
      if (typeof c.verb !== 'string' || typeof c.resource !== 'string') out.push(`${where}: needs verb and resource`);
      if (typeof c.expect !== 'boolean') out.push(`${where}: expect must be true or false`);
      if (c.serviceAccount !== undefined && !/^[^:]+:[^:]+$/.test(String(c.serviceAccount))) out.push(`${where}: serviceAccount is NAMESPACE:NAME`);
      break;
    case 'commandRan':
      regex(c.pattern, `${where}.pattern`, out);
      break;
    case 'httpFrom':
      out.push(...httpCheckProblems(c, where));
      if (c.selector !== undefined) target({ resource: 'pods', selector: c.selector }, where, out);
      if (c.bodyMatches !== undefined) regex(c.bodyMatches, `${where}.bodyMatches`, out);
      break;
  }
  return out;
}

const STEP_KEYS = ['id', 'title', 'notes', 'setup', 'checks', 'hints', 'solution', 'timeLimitSeconds'];
const ACTION_KEYS = ['apply', 'patch', 'delete', 'clock', 'fault', 'file', 'wait'];

function actionProblems(a: unknown, where: string, solution: boolean): string[] {
  if (!isObj(a)) return [`${where}: must be an object`];
  const keys = Object.keys(a).filter((k) => ACTION_KEYS.includes(k));
  if (keys.length !== 1) return [`${where}: needs exactly one of ${ACTION_KEYS.join(', ')}`];
  const out: string[] = [];
  const k = keys[0];
  if (k === 'apply' && typeof a.apply !== 'string') out.push(`${where}: apply is inline YAML (a string)`);
  if (k === 'patch') {
    if (!isObj(a.patch) || typeof a.patch.name !== 'string') out.push(`${where}: patch needs {resource, namespace?, name}`);
    else target(a.patch, where, out);
    if (!isObj(a.body)) out.push(`${where}: patch needs a body (a JSON merge patch)`);
  }
  if (k === 'delete') {
    if (!isObj(a.delete)) out.push(`${where}: delete needs {resource, namespace?, name|selector}`);
    else target(a.delete, where, out);
  }
  if (k === 'clock' && (!isObj(a.clock) || !['pause', 'resume', 'speed', 'step'].includes(String(a.clock.action)))) out.push(`${where}: clock.action must be pause, resume, speed or step`);
  if (k === 'fault') {
    try {
      if (!isObj(a.fault)) throw new FaultError('fault must be an object');
      parseFault(a.fault);
    } catch (e) {
      out.push(`${where}: fault: ${(e as Error).message} ({kind: node|component, action: stop|start} | {kind: image, action: remove|restore} | {kind: memory, action: fill|release}, with a name)`);
    }
  }
  if (k === 'file' && (!isObj(a.file) || typeof a.file.path !== 'string' || typeof a.file.content !== 'string' || a.file.path.includes('..') || a.file.path.startsWith('/')))
    out.push(`${where}: file needs {path (relative, inside the workspace), content}`);
  if (k === 'wait' && (!solution || typeof a.wait !== 'string' || !/^(\d+(ms|s|m|h))+$/.test(a.wait))) out.push(`${where}: wait is a Go duration ("30s"), only in a solution`);
  return out;
}

/** Problems of a lesson.json (`folder`: its folder's name, which must be its id). */
export function lessonProblems(raw: unknown, folder: string): string[] {
  const out: string[] = [];
  if (!isObj(raw)) return ['lesson.json must hold an object'];
  const LESSON_KEYS = ['$schema', 'id', 'title', 'summary', 'minutes', 'notes', 'prerequisites', 'cluster', 'setup', 'steps'];
  for (const k of Object.keys(raw)) if (!LESSON_KEYS.includes(k)) out.push(`unknown field "${k}"`);
  if (raw.id !== folder) out.push(`id "${String(raw.id)}" differs from its folder name "${folder}"`);
  if (!/^\d\d-[a-z0-9-]+$/.test(folder)) out.push(`folder "${folder}" is not named NN-name`);
  localized(raw.title, 'title', out);
  localized(raw.summary, 'summary', out);
  if (typeof raw.minutes !== 'number' || raw.minutes <= 0) out.push('minutes must be a positive number');
  if (!Array.isArray(raw.notes) || raw.notes.length === 0) out.push('notes must name at least one section ("002 §1.5")');
  else for (const n of raw.notes) if (typeof n !== 'string' || !/^\d{3}( §\d+(\.\d+)*)?$/.test(n)) out.push(`notes: "${String(n)}" is not "NNN §X.Y" (or "NNN", a whole note without numbered headings)`);
  if (raw.prerequisites !== undefined && (!Array.isArray(raw.prerequisites) || raw.prerequisites.some((p) => typeof p !== 'string'))) out.push('prerequisites must be lesson ids');
  if (raw.cluster !== undefined && (!isObj(raw.cluster) || (raw.cluster.workers !== undefined && typeof raw.cluster.workers !== 'number') || (raw.cluster.seed !== undefined && typeof raw.cluster.seed !== 'number') || (raw.cluster.empty !== undefined && typeof raw.cluster.empty !== 'boolean')))
    out.push('cluster must be {workers?, seed?, shape?, empty?}');
  else if (isObj(raw.cluster)) for (const m of shapeProblems(raw.cluster.shape)) out.push(`cluster.shape: ${m}`);
  if (raw.setup !== undefined) (Array.isArray(raw.setup) ? raw.setup : [null]).forEach((a, i) => out.push(...actionProblems(a, `setup[${i}]`, false)));
  if (!Array.isArray(raw.steps) || raw.steps.length === 0) return [...out, 'steps must list at least one step'];
  const stepIds = new Set<string>();
  raw.steps.forEach((s: unknown, i: number) => {
    const w = `steps[${i}]`;
    if (!isObj(s)) return void out.push(`${w}: must be an object`);
    for (const k of Object.keys(s)) if (!STEP_KEYS.includes(k)) out.push(`${w}: unknown field "${k}"`);
    if (typeof s.id !== 'string' || !/^\d\d-[a-z0-9-]+$/.test(s.id)) out.push(`${w}: id must be NN-name`);
    else if (stepIds.has(s.id)) out.push(`${w}: duplicate id ${s.id}`);
    else stepIds.add(s.id);
    localized(s.title, `${w}.title`, out);
    if (s.notes !== undefined) {
      const lessonNotes: unknown[] = Array.isArray(raw.notes) ? raw.notes : [];
      if (!Array.isArray(s.notes) || s.notes.length === 0) out.push(`${w}: notes must name at least one of the lesson's sections`);
      else for (const n of s.notes) if (!lessonNotes.includes(n)) out.push(`${w}: notes: "${String(n)}" is not one of the lesson's notes`);
    }
    if (s.setup !== undefined) (Array.isArray(s.setup) ? s.setup : [null]).forEach((a, j) => out.push(...actionProblems(a, `${w}.setup[${j}]`, false)));
    if (!Array.isArray(s.checks) || s.checks.length === 0) out.push(`${w}: needs at least one check`);
    else {
      const ids = new Set<string>();
      s.checks.forEach((c: unknown, j: number) => {
        out.push(...checkProblems(c, `${w}.checks[${j}]`));
        const id = isObj(c) ? String(c.id) : '';
        if (ids.has(id)) out.push(`${w}.checks[${j}]: duplicate id ${id}`);
        ids.add(id);
      });
    }
    if (s.hints !== undefined)
      (Array.isArray(s.hints) ? s.hints : [null]).forEach((h: unknown, j: number) => {
        if (!isObj(h)) return void out.push(`${w}.hints[${j}]: must be an object`);
        localized(h.text, `${w}.hints[${j}].text`, out);
        if (h.trigger !== undefined) out.push(...checkProblems(h.trigger, `${w}.hints[${j}].trigger`, false));
      });
    if (!Array.isArray(s.solution) || s.solution.length === 0) out.push(`${w}: needs a solution (command lines)`);
    else
      s.solution.forEach((l: unknown, j: number) => {
        if (!isObj(l) || typeof l.command !== 'string') return void out.push(`${w}.solution[${j}]: needs a command`);
        if (l.exitCode !== undefined && (typeof l.exitCode !== 'number' || !Number.isInteger(l.exitCode) || l.exitCode < 0 || l.exitCode > 255)) out.push(`${w}.solution[${j}]: exitCode must be an integer from 0 to 255`);
        for (const k of Object.keys(l)) if (!['command', 'equivalent', 'exitCode'].includes(k)) out.push(`${w}.solution[${j}]: unknown field "${k}"`);
        if (l.equivalent !== undefined) (Array.isArray(l.equivalent) ? l.equivalent : [null]).forEach((a, k) => out.push(...actionProblems(a, `${w}.solution[${j}].equivalent[${k}]`, true)));
      });
    if (s.timeLimitSeconds !== undefined && (typeof s.timeLimitSeconds !== 'number' || s.timeLimitSeconds <= 0)) out.push(`${w}: timeLimitSeconds must be positive`);
  });
  return out;
}
