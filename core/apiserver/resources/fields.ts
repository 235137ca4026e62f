/**
 * Field-level helpers shared by the strategies: Go-formatted values for `Invalid value:`
 * messages (`field.Error` prints structs with `%#v`), the apimachinery checks that
 * `core/api/validation.ts` does not carry (DNS-1035 labels, ports, percents, config keys,
 * IPs), immutability, and generation bookkeeping.
 */
import type { IntOrString, KubeObject } from '../../api/types';
import type { FieldErrors } from '../../api/validation';

/** A Go `%q` string. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** `map[string]string{"a":"b"}` (`%#v`, keys sorted), `map[string]string(nil)` when absent. */
export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

/** `[]string{"a", "b"}`, `[]string(nil)` when absent. */
export function goStringSlice(a: string[] | undefined | null): string {
  if (!a) return '[]string(nil)';
  return `[]string{${a.map((s) => goQuote(String(s))).join(', ')}}`;
}

/** `intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}` as `%#v` prints it. */
export function goIntOrString(v: IntOrString | undefined): string {
  if (typeof v === 'number') return `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`;
  return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v ?? '')}}`;
}

/** Appends an `Invalid value: <rendered>: detail` cause where `rendered` is already Go-formatted. */
export function invalidRaw(errs: FieldErrors, field: string, rendered: string, detail: string): void {
  errs.causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${rendered}: ${detail}`, field });
}

/** Appends a `Too long: must have at most N bytes` cause. */
export function tooLong(errs: FieldErrors, field: string, max: number): void {
  errs.causes.push({ reason: 'FieldValueTooLong', message: `Too long: must have at most ${max} bytes`, field });
}

/** Appends a `Not found: "x"` cause. */
export function notFoundField(errs: FieldErrors, field: string, value: string, detail = ''): void {
  errs.causes.push({ reason: 'FieldValueNotFound', message: detail ? `Not found: ${goQuote(value)}: ${detail}` : `Not found: ${goQuote(value)}`, field });
}

/** ValidateNonnegativeField: `must be greater than or equal to 0`. */
export function nonNegative(errs: FieldErrors, field: string, value: unknown): void {
  if (typeof value === 'number' && value < 0) errs.invalid(field, value, 'must be greater than or equal to 0');
}

/** Whether two JSON values are deeply equal (apiequality.Semantic for plain data). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

/** A deep copy of plain JSON data. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** ValidateImmutableField: `Invalid value: <new>: field is immutable` when the value changed. */
export function immutable(errs: FieldErrors, field: string, now: unknown, before: unknown, render: (v: unknown) => string = goScalar): void {
  if (!deepEqual(now, before)) invalidRaw(errs, field, render(now), 'field is immutable');
}

/** A scalar as `field.Error` prints it: `"s"`, `3`, `true`, `null`. */
export function goScalar(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Sets `metadata.generation` to 1 on create, as the strategies of generation-keeping kinds do. */
export function initGeneration(obj: KubeObject): void {
  obj.metadata.generation = 1;
}

/** Sets `metadata.generation` from the old object: bumped by one when `changed`, else kept. */
export function bumpGeneration(obj: KubeObject, old: KubeObject, changed: boolean): void {
  const before = old.metadata.generation ?? 0;
  obj.metadata.generation = changed ? before + 1 : before;
}

const dns1035Re = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Problems with a DNS-1035 label (service names, CRD plural names); empty when valid. */
export function dns1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!dns1035Re.test(value)) {
    errs.push(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
  }
  return errs;
}

/** IsValidPortNum. */
export function portNumErrors(port: unknown): string[] {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** IsValidPortName (IANA_SVC_NAME). */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** ValidatePortNumOrName (a targetPort, a network policy port). */
export function validatePortNumOrName(errs: FieldErrors, field: string, port: IntOrString | undefined): void {
  if (typeof port === 'number') for (const m of portNumErrors(port)) errs.invalid(field, port, m);
  else if (typeof port === 'string') for (const m of portNameErrors(port)) errs.invalid(field, port, m);
}

/** The integer value of a percent string (`25%`), undefined when not a valid percent. */
export function percentValue(v: IntOrString | undefined): number | undefined {
  return typeof v === 'string' && /^[0-9]+%$/.test(v) ? Number.parseInt(v, 10) : undefined;
}

/** getIntOrPercentValue: the number or the percent's number. */
export function intOrPercentValue(v: IntOrString | undefined): number {
  if (typeof v === 'number') return v;
  const p = percentValue(v);
  if (p !== undefined) return p;
  const n = Number.parseInt(v ?? '', 10);
  return Number.isNaN(n) ? 0 : n;
}

/** ValidatePositiveIntOrPercent: a non-negative integer or a valid percent string. */
export function validateIntOrPercent(errs: FieldErrors, field: string, v: IntOrString | undefined): void {
  if (typeof v === 'string') {
    if (percentValue(v) === undefined) {
      invalidRaw(errs, field, goIntOrString(v), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')");
    }
  } else if (typeof v === 'number' && v < 0) errs.invalid(field, v, 'must be greater than or equal to 0');
}

/** IsNotMoreThan100Percent. */
export function notMoreThan100Percent(errs: FieldErrors, field: string, v: IntOrString | undefined): void {
  const p = percentValue(v);
  if (p !== undefined && p > 100) invalidRaw(errs, field, goIntOrString(v), 'must not be greater than 100%');
}

/** IsConfigMapKey (config map, secret data keys). */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** Whether a string is an IPv4 address (dotted quad, no leading zeros). */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** Whether a string is an IPv6 address (loose check: hex groups and one `::`). */
export function isIPv6(s: string): boolean {
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  const double = s.split('::').length - 1;
  if (double > 1) return false;
  const groups = s.split(':').filter((g) => g !== '');
  return groups.every((g) => g.length <= 4 || isIPv4(g)) && (double === 1 ? groups.length < 8 : groups.length === 8);
}

/** IsValidIP: `must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`. */
export function validateIP(errs: FieldErrors, field: string, ip: string): boolean {
  if (isIPv4(ip) || isIPv6(ip)) return true;
  errs.invalid(field, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)');
  return false;
}

/** IsValidPathSegmentName: the names of RBAC objects. */
export function pathSegmentNameErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  if (name.includes('/')) errs.push("may not contain '/'");
  if (name.includes('%')) errs.push("may not contain '%'");
  return errs;
}

/** The keys of a record that is present, sorted. */
export function sortedKeys(m: Record<string, unknown> | undefined): string[] {
  return Object.keys(m ?? {}).sort();
}
