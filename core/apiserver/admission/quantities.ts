/**
 * Resource lists and the arithmetic admission and quota need (quota.Add, Subtract, Max, Mask)
 * over exact quantities, and a pod's effective requests and limits as
 * k8s.io/component-helpers/resource PodRequests / PodLimits compute them: the containers' sum,
 * at least the largest init container (sidecars counting with the containers), plus overhead.
 */
import type { Container, Pod } from '../../api/types';
import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../resources/quantity';

/** A resource list: resource name → quantity. */
export type ResourceList = Record<string, Quantity>;

/** The zero quantity. */
export const ZERO: Quantity = { mantissa: 0n, exp: 0, format: 'DecimalSI' };

/** A quantity of `n` base units (`pods=1`). */
export function count(n: number): Quantity {
  return { mantissa: BigInt(n), exp: 0, format: 'DecimalSI' };
}

function normalize(q: Quantity): Quantity {
  if (q.mantissa === 0n) return { mantissa: 0n, exp: 0, format: q.format };
  let { mantissa, exp } = q;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp += 1;
  }
  return { mantissa, exp, format: q.format };
}

/** a + b; the format of a, or of b when a is zero (Quantity.Add). */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.exp, b.exp);
  const m = a.mantissa * 10n ** BigInt(a.exp - e) + b.mantissa * 10n ** BigInt(b.exp - e);
  return normalize({ mantissa: m, exp: e, format: a.mantissa === 0n ? b.format : a.format });
}

/** a - b. */
export function subtractQuantity(a: Quantity, b: Quantity): Quantity {
  return addQuantity(a, { ...b, mantissa: -b.mantissa });
}

/** Parses a list of strings; unparsable entries are left out. */
export function parseList(list: Record<string, unknown> | undefined | null): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (q) out[k] = q;
  }
  return out;
}

/** The list as canonical strings. */
export function formatList(list: ResourceList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(list).sort()) out[k] = formatQuantity(list[k] as Quantity);
  return out;
}

/** quota.Add: the sum of both lists, key by key. */
export function addLists(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = out[k] ? addQuantity(out[k] as Quantity, v) : v;
  return out;
}

/** quota.SubtractWithNonNegativeResult: a - b, no key below zero. */
export function subtractNonNegative(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(a)) {
    const d = b[k] ? subtractQuantity(v, b[k] as Quantity) : v;
    out[k] = d.mantissa < 0n ? ZERO : d;
  }
  return out;
}

/** maxResourceList: each key of b raised into a when larger. */
export function maxInto(a: ResourceList, b: ResourceList): void {
  for (const [k, v] of Object.entries(b)) if (!a[k] || compareQuantities(v, a[k] as Quantity) > 0) a[k] = v;
}

/** quota.Mask: only the given keys. */
export function mask(list: ResourceList, keys: Iterable<string>): ResourceList {
  const out: ResourceList = {};
  for (const k of keys) if (list[k]) out[k] = list[k] as Quantity;
  return out;
}

/** quota.RemoveZeros. */
export function removeZeros(list: ResourceList): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(list)) if (v.mantissa !== 0n) out[k] = v;
  return out;
}

/** prettyPrint: `pods=1,requests.cpu=500m`, keys sorted. */
export function prettyPrint(list: ResourceList): string {
  return Object.keys(list)
    .sort()
    .map((k) => `${k}=${formatQuantity(list[k] as Quantity)}`)
    .join(',');
}

function containerList(c: Container, which: 'requests' | 'limits'): ResourceList {
  return parseList(c?.resources?.[which]);
}

/** PodRequests / PodLimits: what the pod as a whole asks for (or is limited to). */
export function podResources(pod: Pod, which: 'requests' | 'limits'): ResourceList {
  let total: ResourceList = {};
  for (const c of Array.isArray(pod.spec?.containers) ? pod.spec.containers : []) total = addLists(total, containerList(c, which));
  let sidecars: ResourceList = {};
  const inits: ResourceList = {};
  for (const c of Array.isArray(pod.spec?.initContainers) ? pod.spec.initContainers : []) {
    const own = containerList(c, which);
    if (c?.restartPolicy === 'Always') {
      total = addLists(total, own);
      sidecars = addLists(sidecars, own);
      maxInto(inits, sidecars);
    } else maxInto(inits, addLists(own, sidecars));
  }
  maxInto(total, inits);
  const overhead = parseList((pod.spec as { overhead?: Record<string, string> } | undefined)?.overhead);
  if (Object.keys(overhead).length > 0) {
    for (const [k, v] of Object.entries(overhead)) if (which === 'requests' || total[k]) total[k] = total[k] ? addQuantity(total[k] as Quantity, v) : v;
  }
  return total;
}
