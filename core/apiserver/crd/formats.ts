/**
 * The string formats a custom resource schema may check (the `format` values
 * apiextensions-apiserver's validator knows: date-time, date, duration, uuid, ipv4, ipv6, cidr,
 * mac, hostname, email, uri, byte, ...). Unknown formats are not checked, as in kube.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([Zz]|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*\.?$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const MAC = /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/;
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d|w))+$/;
const BASE64 = /^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX_COLOR = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const RGB_COLOR = /^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$/;
const BSON_OBJECT_ID = /^[0-9a-f]{24}$/i;

function ipv4(v: string): boolean {
  const parts = v.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

function ipv6(v: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(v) || v.split('::').length > 2) return false;
  const groups = v.split(':');
  const last = groups[groups.length - 1] ?? '';
  const v4 = last.includes('.');
  if (v4 && !ipv4(last)) return false;
  const hex = (v4 ? groups.slice(0, -1) : groups).filter((g) => g !== '');
  const max = v4 ? 6 : 8;
  if (!hex.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return v.includes('::') ? hex.length < max : hex.length === max;
}

function cidr(v: string): boolean {
  const [ip, bits, ...rest] = v.split('/');
  if (rest.length > 0 || ip === undefined || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  if (ipv4(ip)) return Number(bits) <= 32;
  return ipv6(ip) && Number(bits) <= 128;
}

function uri(v: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(v);
}

const CHECKS: Record<string, (v: string) => boolean> = {
  'date-time': (v) => DATE_TIME.test(v),
  datetime: (v) => DATE_TIME.test(v),
  date: (v) => DATE.test(v),
  duration: (v) => DURATION.test(v),
  uuid: (v) => UUID.test(v),
  uuid3: (v) => UUID.test(v) && v[14] === '3',
  uuid4: (v) => UUID.test(v) && v[14] === '4',
  uuid5: (v) => UUID.test(v) && v[14] === '5',
  ipv4,
  ipv6,
  cidr,
  mac: (v) => MAC.test(v),
  hostname: (v) => HOSTNAME.test(v),
  email: (v) => EMAIL.test(v),
  uri,
  byte: (v) => BASE64.test(v),
  hexcolor: (v) => HEX_COLOR.test(v),
  rgbcolor: (v) => RGB_COLOR.test(v),
  bsonobjectid: (v) => BSON_OBJECT_ID.test(v),
};

/** Why a string does not have the format (undefined when it does, or the format is not checked). */
export function formatError(format: string, value: string): string | undefined {
  const check = CHECKS[format];
  if (!check || check(value)) return undefined;
  return `must be of type ${format}`;
}
