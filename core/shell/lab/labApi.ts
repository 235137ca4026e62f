/**
 * The lab API as the shell's `lab` and `cluster` commands reach it: over the shell's transport
 * (the kubeconfig's server and bearer token, which the lab API takes too), JSON in and out, and
 * its failures as one sentence (a Status's message).
 */
import type { ShellTransport } from '../types';

/** A failed lab API call, with the sentence to print. */
export class LabCallError extends Error {}

const JSON_TYPE = 'application/json';

/** Calls the lab API; resolves with the body, rejects with a LabCallError. */
export async function labCall<T>(transport: ShellTransport, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let r;
  try {
    r = await transport(method, path, {}, JSON_TYPE, body === undefined ? (method === 'POST' ? { body: '{}', contentType: JSON_TYPE } : undefined) : { body: JSON.stringify(body), contentType: JSON_TYPE });
  } catch (e) {
    throw new LabCallError((e as Error).message);
  }
  if (r.status >= 300) {
    const m = (r.body as { message?: unknown } | null)?.message;
    throw new LabCallError(r.status === 404 && typeof m !== 'string' ? 'this server is not a KubeLab lab' : typeof m === 'string' ? m : `the lab answered ${r.status}`);
  }
  return r.body as T;
}

/** The clock's state as the lab API answers it. */
export interface ClockAnswer {
  time: string;
  speed: number;
  paused: boolean;
}

/** The components' states as the lab API answers them. */
export interface ComponentsAnswer {
  controlPlane: Record<string, string>;
  nodes: Record<string, string>;
  unavailableImages?: string[];
  memoryFilled?: string[];
}

/** One line describing the clock, as `kubelab clock` prints it. */
export function describeClock(c: ClockAnswer): string {
  return `clock: ${c.time}  ${c.paused ? 'paused' : 'running'} at ${c.speed}x`;
}

/** The components' states as a small table, as `kubelab fault status` prints it. */
export function describeComponents(c: ComponentsAnswer): string {
  const filled = new Set(c.memoryFilled ?? []);
  const rows = [...Object.entries(c.controlPlane).map(([n, s]) => [`component/${n}`, s]), ...Object.entries(c.nodes).map(([n, s]) => [`node/${n}`, filled.has(n) ? `${s}, memory filled` : s]), ...(c.unavailableImages ?? []).map((i) => [`image/${i}`, 'Unavailable'])];
  const width = Math.max(0, ...rows.map((r) => (r[0] as string).length));
  return rows.map(([n, s]) => `${(n as string).padEnd(width)}  ${s as string}\n`).join('');
}
