/** IPv4 addresses and CIDR blocks, as the simulated network compares them. */

/** The 32-bit value of a dotted IPv4 address, or undefined when it is not one. */
export function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** Whether `text` is a dotted IPv4 address. */
export function isIPv4(text: string): boolean {
  return ipv4ToNumber(text) !== undefined;
}

/** Whether `ip` is inside `cidr` (`10.244.1.0/24`); false when either is malformed. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base = '', bitsText = '32'] = cidr.split('/');
  const b = ipv4ToNumber(base);
  const a = ipv4ToNumber(ip);
  const bits = Number(bitsText);
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  if (bits === 0) return true;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}

/** Orders addresses numerically (for stable endpoint orders). */
export function compareIPs(a: string, b: string): number {
  const x = ipv4ToNumber(a);
  const y = ipv4ToNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
