/**
 * Resources as the scheduler counts them (framework.Resource): CPU in millicores, memory and
 * storage in bytes, the pod count, and scalar (extended, hugepages) resources by name. A pod's
 * effective request is the sum of its containers, or the largest init container when bigger,
 * plus its overhead (resourcehelper.PodRequests); the "non-zero" request puts 100m CPU and
 * 200Mi memory on containers that ask for none, for scoring.
 */
import type { Container, Pod } from '../../api/types';
import { specOf } from './api';

/** A set of resource amounts. */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended and hugepages resources; absent when none. */
  scalar?: Map<string, number>;
}

/** The CPU a container without a request counts for when scoring (schedutil.DefaultMilliCPURequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** The memory a container without a request counts for when scoring (200Mi). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** A zero resource set. */
export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0 };
}

const decimal: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binary: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const quantityRe = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([a-zA-Z]*[-+]?[0-9]*)$/;
const parsed = new Map<string, number>();

/**
 * The value of a quantity scaled by 10^`scale` (3 for milli-units), rounded up as
 * resource.Quantity's MilliValue/Value do. Unparsable quantities count as 0.
 */
export function quantityScaled(q: unknown, scale: 0 | 3): number {
  const text = typeof q === 'number' ? String(q) : typeof q === 'string' ? q : '';
  const key = scale === 3 ? `m${text}` : text;
  const hit = parsed.get(key);
  if (hit !== undefined) return hit;
  const m = quantityRe.exec(text.trim());
  let v = 0;
  if (m && (m[2] || m[3])) {
    const frac = m[3] ?? '';
    const mantissa = Number(`${m[2] || '0'}${frac}`);
    const suffix = m[4] as string;
    let exp = -frac.length + scale;
    let mult = 1;
    if (suffix in decimal) exp += decimal[suffix] as number;
    else if (suffix in binary) mult = 1024 ** (binary[suffix] as number);
    else if (/^[eE][-+]?[0-9]+$/.test(suffix)) exp += Number(suffix.slice(1));
    else exp = Number.NaN;
    if (!Number.isNaN(exp)) {
      const scaled = mantissa * mult;
      v = exp >= 0 ? scaled * 10 ** exp : Math.ceil(scaled / 10 ** -exp - 1e-9);
      if (m[1] === '-') v = -v;
    }
  }
  if (parsed.size > 10_000) parsed.clear();
  parsed.set(key, v);
  return v;
}

/** Whether a resource name is counted as a scalar resource (extended, hugepages, attachable volumes). */
export function isScalarResource(name: string): boolean {
  return name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage' && name !== 'pods' && name !== 'storage';
}

/** Adds a resource list (`{cpu: '500m', ...}`) into `r`. */
export function addList(r: Resource, list: Record<string, unknown> | undefined): void {
  if (!list) return;
  for (const name in list) {
    const q = list[name];
    if (name === 'cpu') r.milliCPU += quantityScaled(q, 3);
    else if (name === 'memory') r.memory += quantityScaled(q, 0);
    else if (name === 'ephemeral-storage') r.ephemeralStorage += quantityScaled(q, 0);
    else if (isScalarResource(name)) {
      r.scalar ??= new Map();
      r.scalar.set(name, (r.scalar.get(name) ?? 0) + quantityScaled(q, 0));
    }
  }
}

function maxInto(r: Resource, o: Resource): void {
  r.milliCPU = Math.max(r.milliCPU, o.milliCPU);
  r.memory = Math.max(r.memory, o.memory);
  r.ephemeralStorage = Math.max(r.ephemeralStorage, o.ephemeralStorage);
  if (o.scalar) {
    r.scalar ??= new Map();
    for (const [k, v] of o.scalar) r.scalar.set(k, Math.max(r.scalar.get(k) ?? 0, v));
  }
}

function containerRequest(c: Container, nonZero: boolean): Resource {
  const r = emptyResource();
  const req = c.resources?.requests;
  addList(r, req);
  if (nonZero) {
    if (!req || req.cpu === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
    if (!req || req.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/**
 * A pod's effective request: containers summed, then the max with each init container
 * (restartable "sidecar" init containers add to what follows them), plus the overhead.
 */
export function podRequests(pod: Pod, nonZero = false): Resource {
  const spec = specOf(pod);
  const sum = emptyResource();
  for (const c of spec.containers ?? []) addInto(sum, containerRequest(c, nonZero));
  const sidecars = emptyResource();
  const initMax = emptyResource();
  for (const c of spec.initContainers ?? []) {
    const r = containerRequest(c, nonZero);
    if ((c as Container & { restartPolicy?: string }).restartPolicy === 'Always') {
      addInto(sidecars, r);
      maxInto(initMax, { ...copyResource(sidecars) });
    } else {
      const withSidecars = copyResource(r);
      addInto(withSidecars, sidecars);
      maxInto(initMax, withSidecars);
    }
  }
  addInto(sum, sidecars);
  maxInto(sum, initMax);
  if (spec.overhead) addList(sum, spec.overhead);
  return sum;
}

/** Adds `o` into `r`. */
export function addInto(r: Resource, o: Resource, sign = 1): void {
  r.milliCPU += sign * o.milliCPU;
  r.memory += sign * o.memory;
  r.ephemeralStorage += sign * o.ephemeralStorage;
  if (o.scalar) {
    r.scalar ??= new Map();
    for (const [k, v] of o.scalar) r.scalar.set(k, (r.scalar.get(k) ?? 0) + sign * v);
  }
}

/** A copy. */
export function copyResource(r: Resource): Resource {
  return { milliCPU: r.milliCPU, memory: r.memory, ephemeralStorage: r.ephemeralStorage, ...(r.scalar ? { scalar: new Map(r.scalar) } : {}) };
}
