// Pure security rules of the desktop shell (no electron import, so unit tests can run them):
// which URLs belong to the lab host, which links may open in the browser, the CSP, and the
// run-time validation of everything that arrives over IPC.
import type { FileEncoding, FileFilter } from '../preload/api';

/** `scheme://host:port` of a URL, or `null` when it does not parse or has no origin. */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** True when `url` is served by the lab host (same scheme, host and port). */
export function isHostUrl(url: string, hostOrigin: string): boolean {
  return originOf(url) === hostOrigin;
}

/** Only plain http(s) links without credentials may go to the user's browser. */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '' && u.hostname !== '';
  } catch {
    return false;
  }
}

/** The Content-Security-Policy for the lab's pages: the host's own (this is the fallback). */
export { contentSecurityPolicy } from '../host/staticFiles';

/** Response headers with a CSP added when the response has none (header names are case-insensitive). */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out = { ...(headers ?? {}) };
  const has = Object.keys(out).some((k) => k.toLowerCase() === 'content-security-policy');
  if (!has) out['Content-Security-Policy'] = [csp];
  return out;
}

/**
 * Permissions the lab's page may get: only writing text to the clipboard (copy in the
 * terminal), and only from the host's origin. Everything else (camera, notifications,
 * geolocation, ...) is denied.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, hostOrigin: string): boolean {
  return permission === 'clipboard-sanitized-write' && isHostUrl(requestingUrl, hostOrigin);
}

const MAX_FILTERS = 20;
const MAX_EXTENSIONS = 20;

/** Validates open-dialog filters coming from the page; throws on anything unexpected. */
export function parseFilters(value: unknown): FileFilter[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > MAX_FILTERS) throw new TypeError('filters must be an array of { name, extensions }');
  return value.map((f: unknown) => {
    const { name, extensions } = (f ?? {}) as { name?: unknown; extensions?: unknown };
    const okName = typeof name === 'string' && name.length <= 200;
    const okExt =
      Array.isArray(extensions) &&
      extensions.length <= MAX_EXTENSIONS &&
      extensions.every((e) => typeof e === 'string' && /^(\*|[\w.-]{1,32})$/.test(e));
    if (!okName || !okExt) throw new TypeError('filters must be an array of { name, extensions }');
    return { name, extensions: [...(extensions as string[])] };
  });
}

/** Validates a file encoding; `undefined` means UTF-8 text. */
export function parseEncoding(value: unknown): FileEncoding {
  if (value === undefined || value === null || value === 'utf8') return 'utf8';
  if (value === 'base64') return 'base64';
  throw new TypeError("encoding must be 'utf8' or 'base64'");
}

/** The largest file the bridge reads or writes (snapshots and lesson packs are far smaller). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Validates a suggested file name: a plain name, no folders. */
export function parseDefaultName(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 255) throw new TypeError('defaultName must be a file name');
  const name = value.split(/[\\/]/).pop() ?? '';
  if (name === '' || name === '.' || name === '..') throw new TypeError('defaultName must be a file name');
  return name;
}

/**
 * The `.kubelab` files named on a command line (file association on Windows and Linux): plain
 * paths, and `file://` URLs as Linux desktops pass them for `%U`. Options (`--no-sandbox`,
 * Chromium's switches) and other files are skipped. Paths come back as given (URLs decoded).
 */
export function snapshotArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of argv) {
    if (typeof a !== 'string' || a.startsWith('-') || a.includes('\0')) continue;
    let path = a;
    if (/^file:/i.test(a)) {
      try {
        const u = new URL(a);
        if (u.host !== '' && u.host !== 'localhost') continue;
        path = decodeURIComponent(u.pathname);
        if (/^\/[a-zA-Z]:\//.test(path)) path = path.slice(1);
      } catch {
        continue;
      }
    } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(a)) continue;
    if (path.toLowerCase().endsWith('.kubelab')) out.push(path);
  }
  return out;
}
