// The security rules of the desktop shell (electron/main/policy.ts): they need no Electron.
import {
  contentSecurityPolicy,
  isHostUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  originOf,
  parseDefaultName,
  parseEncoding,
  parseFilters,
  snapshotArgs,
  withCsp,
} from '../../electron/main/policy';

const HOST = 'http://127.0.0.1:41234';

describe('host origin', () => {
  it('accepts only pages of the host (scheme, address and port)', () => {
    expect(originOf(`${HOST}/?token=abc`)).toBe(HOST);
    expect(isHostUrl(`${HOST}/lessons/01`, HOST)).toBe(true);
    expect(isHostUrl('http://127.0.0.1:41235/', HOST)).toBe(false);
    expect(isHostUrl('http://localhost:41234/', HOST)).toBe(false);
    expect(isHostUrl('https://127.0.0.1:41234/', HOST)).toBe(false);
    expect(isHostUrl('https://evil.example/', HOST)).toBe(false);
    expect(isHostUrl('file:///etc/passwd', HOST)).toBe(false);
    expect(isHostUrl('about:blank', HOST)).toBe(false);
    expect(isHostUrl('not a url', HOST)).toBe(false);
  });
});

describe('external links', () => {
  it('lets only http(s) links without credentials go to the browser', () => {
    expect(isSafeExternalUrl('https://kubernetes.io/docs/')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-settings:', 'https://user:pw@example.org/', '', 42, null]) {
      expect(isSafeExternalUrl(bad)).toBe(false);
    }
    expect(isSafeExternalUrl(`https://example.org/${'a'.repeat(3000)}`)).toBe(false);
  });
});

describe('CSP', () => {
  it('allows only the host itself, its WebSocket, and no plugins or framing', () => {
    const csp = contentSecurityPolicy(HOST);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain('connect-src \'self\' ws://127.0.0.1:41234');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('is added when missing and never replaces the host\'s own', () => {
    expect(withCsp({ 'Content-Type': ['text/html'] }, 'X')['Content-Security-Policy']).toEqual(['X']);
    expect(withCsp(undefined, 'X')['Content-Security-Policy']).toEqual(['X']);
    const own = withCsp({ 'content-security-policy': ['own'] }, 'X');
    expect(own['content-security-policy']).toEqual(['own']);
    expect(own['Content-Security-Policy']).toBeUndefined();
  });
});

describe('permissions', () => {
  it('denies everything but clipboard writes from the host', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${HOST}/`, HOST)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', HOST)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(p, `${HOST}/`, HOST)).toBe(false);
    }
  });
});

describe('IPC arguments', () => {
  it('validates dialog filters', () => {
    expect(parseFilters(undefined)).toBeUndefined();
    expect(parseFilters([{ name: 'Snapshots', extensions: ['kubelab'] }])).toEqual([{ name: 'Snapshots', extensions: ['kubelab'] }]);
    expect(parseFilters([{ name: 'All', extensions: ['*'] }])).toEqual([{ name: 'All', extensions: ['*'] }]);
    expect(() => parseFilters('kubelab')).toThrow(TypeError);
    expect(() => parseFilters([{ name: 'x' }])).toThrow(TypeError);
    expect(() => parseFilters([{ name: 'x', extensions: ['../../etc'] }])).toThrow(TypeError);
    expect(() => parseFilters([null])).toThrow(TypeError);
  });

  it('validates encodings', () => {
    expect(parseEncoding(undefined)).toBe('utf8');
    expect(parseEncoding('utf8')).toBe('utf8');
    expect(parseEncoding('base64')).toBe('base64');
    expect(() => parseEncoding('latin1')).toThrow(TypeError);
  });

  it('keeps only the file name of a suggested name', () => {
    expect(parseDefaultName('lab.kubelab')).toBe('lab.kubelab');
    expect(parseDefaultName('../../.bashrc')).toBe('.bashrc');
    expect(parseDefaultName('C:\\Windows\\x.kubelab')).toBe('x.kubelab');
    expect(() => parseDefaultName('')).toThrow(TypeError);
    expect(() => parseDefaultName('dir/')).toThrow(TypeError);
    expect(() => parseDefaultName('..')).toThrow(TypeError);
    expect(() => parseDefaultName(7)).toThrow(TypeError);
  });
});

describe('file association', () => {
  it('picks .kubelab files from a command line', () => {
    expect(snapshotArgs(['.', '--no-sandbox', '/home/a/week1.kubelab', 'notes.txt', 'B.KUBELAB'])).toEqual(['/home/a/week1.kubelab', 'B.KUBELAB']);
  });
});
