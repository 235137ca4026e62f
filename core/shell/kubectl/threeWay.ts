/**
 * The patch `kubectl apply` sends (strategicpatch.CreateThreeWayMergePatch): deletions are what
 * the last applied configuration had and the new one drops (`null`, or `$patch: delete` for an
 * element of a keyed list); changes are what the new configuration sets differently from the
 * live object, fields it does not mention left alone. Lists of objects merge by their key
 * (`name`, `containerPort`, `port`, `mountPath`, `ip`) with a `$setElementOrder` directive as
 * kubectl writes it; other lists are replaced whole when they differ.
 */

type Json = unknown;
type JsonMap = Record<string, Json>;

function isMap(v: Json): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON values. */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** The merge key of a list field of Kubernetes' built-in types, judged by its elements. */
function mergeKey(field: string, list: Json[]): string | undefined {
  if (!list.every(isMap)) return undefined;
  const byField: Record<string, string[]> = {
    containers: ['name'],
    initContainers: ['name'],
    ephemeralContainers: ['name'],
    env: ['name'],
    volumes: ['name'],
    imagePullSecrets: ['name'],
    volumeMounts: ['mountPath'],
    volumeDevices: ['devicePath'],
    ports: ['containerPort', 'port'],
    hostAliases: ['ip'],
  };
  for (const key of byField[field] ?? []) if (list.every((e) => key in (e as JsonMap))) return key;
  return undefined;
}

function diffList(field: string, original: Json[] | undefined, modified: Json[], current: Json): { list?: Json[]; order?: Json[] } {
  const cur = Array.isArray(current) ? current : undefined;
  const key = cur ? mergeKey(field, [...modified, ...cur]) : undefined;
  if (!key || !cur) return jsonEqual(modified, current) ? {} : { list: modified };
  const find = (l: Json[] | undefined, v: Json) => l?.find((e) => jsonEqual((e as JsonMap)[key], v)) as JsonMap | undefined;
  const out: Json[] = [];
  for (const me of modified as JsonMap[]) {
    const ce = find(cur, me[key]);
    if (!ce) {
      out.push(me);
      continue;
    }
    const sub = diffMap(find(original, me[key]), me, ce);
    if (Object.keys(sub).length > 0) out.push({ ...sub, [key]: me[key] });
  }
  for (const oe of (original ?? []) as JsonMap[]) if (!find(modified, oe[key])) out.push({ $patch: 'delete', [key]: oe[key] });
  if (out.length === 0) return {};
  return { list: out, order: (modified as JsonMap[]).map((e) => ({ [key]: e[key] })) };
}

/** The three-way patch of one map level. */
export function diffMap(original: JsonMap | undefined, modified: JsonMap, current: Json): JsonMap {
  const patch: JsonMap = {};
  const cur = isMap(current) ? current : {};
  for (const k of Object.keys(original ?? {})) if (!(k in modified)) patch[k] = null;
  for (const [k, m] of Object.entries(modified)) {
    const c = cur[k];
    const o = original?.[k];
    if (isMap(m) && isMap(c)) {
      const sub = diffMap(isMap(o) ? o : undefined, m, c);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (Array.isArray(m)) {
      const { list, order } = diffList(k, Array.isArray(o) ? o : undefined, m, c);
      if (list) patch[k] = list;
      if (order) patch[`$setElementOrder/${k}`] = order;
    } else if (!jsonEqual(m, c)) patch[k] = m;
  }
  return patch;
}
