/**
 * kubectl describe's layouts of namespaces and what configures them: namespaces (with their
 * quotas and limit ranges), config maps, secrets (sizes, not data), service accounts, resource
 * quotas and limit ranges (kubectl 1.32).
 */
import { DescribeError, eventsOf, printAnnotations, printEvents, printHeader, printLabels, rfc1123z, type Describer, nowOf } from './common';
import { listAll } from './fetch';
import type { PrefixWriter } from './tabwriter';
import { obj, objs, quantity, quantityInt, showQuantity, str, strs, type J } from './values';

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** The limits of a LimitRange spec, one line per type and resource (describeLimitRangeSpec). */
function limitRangeLines(w: PrefixWriter, spec: J, prefix: string): void {
  for (const item of objs(spec['limits'])) {
    const fields = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'] as const;
    const names: string[] = [];
    // kubectl ranges over a Go map here (an unspecified order); the order of first appearance is kept.
    for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const n of Object.keys(obj(item[f]))) if (!names.includes(n)) names.push(n);
    for (const n of names) {
      const values = fields.map((f) => {
        const v = obj(item[f])[n];
        return v === undefined ? '-' : showQuantity(quantity(v));
      });
      w.write(0, `${prefix}${str(item['type'])}\t${n}\t${values.join('\t')}\n`);
    }
  }
}

/** `kubectl describe namespace`. */
export const describeNamespace: Describer = async (c, w, o) => {
  const name = o.metadata.name ?? '';
  const quotas = await listAll(c.k, `/api/v1/namespaces/${name}/resourcequotas`);
  if (quotas.error && quotas.error.status !== 404) throw new DescribeError(quotas.error.body);
  const limits = await listAll(c.k, `/api/v1/namespaces/${name}/limitranges`);
  if (limits.error && limits.error.status !== 404) throw new DescribeError(limits.error.body);
  w.write(0, `Name:\t${name}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  const status = obj(o['status']);
  w.write(0, `Status:\t${str(status['phase'])}\n`);
  const conditions = objs(status['conditions']);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const x of conditions) w.write(1, `${str(x['type'])}\t${str(x['status'])}\t${rfc1123z(x['lastTransitionTime'])}\t${str(x['reason'])}\t${str(x['message'])}\n`);
  }
  if (quotas.items) {
    w.write(0, '\n');
    const items = [...quotas.items].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    if (items.length === 0) w.write(0, 'No resource quota.\n');
    else {
      w.write(0, 'Resource Quotas\n');
      for (const q of items) {
        w.write(1, `Name:\t${q.metadata.name ?? ''}\n`);
        const scopes = strs(obj(q['spec'])['scopes']).sort();
        if (scopes.length > 0) {
          w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
          for (const s of scopes) if (SCOPE_HELP[s]) w.write(1, `* ${SCOPE_HELP[s]}\n`);
        }
        w.write(1, 'Resource\tUsed\tHard\n');
        w.write(1, '--------\t---\t---\n');
        const qs = obj(q['status']);
        for (const r of Object.keys(obj(qs['hard'])).sort()) w.write(1, `${r}\t${showQuantity(quantity(obj(qs['used'])[r]))}\t${showQuantity(quantity(obj(qs['hard'])[r]))}\n`);
      }
    }
  }
  if (limits.items) {
    w.write(0, '\n');
    if (limits.items.length === 0) w.write(0, 'No LimitRange resource.\n');
    else {
      w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
      w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
      for (const lr of limits.items) limitRangeLines(w, obj(lr['spec']), ' ');
    }
  }
};

/** `kubectl describe limitrange`. */
export const describeLimitRange: Describer = async (_c, w, o) => {
  printHeader(w, o);
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  limitRangeLines(w, obj(o['spec']), '');
  await Promise.resolve();
};

/** `kubectl describe resourcequota`. */
export const describeResourceQuota: Describer = async (_c, w, o) => {
  printHeader(w, o);
  const scopes = strs(obj(o['spec'])['scopes']).sort();
  if (scopes.length > 0) {
    w.write(0, `Scopes:\t${scopes.join(', ')}\n`);
    for (const s of scopes) if (SCOPE_HELP[s]) w.write(0, ` * ${SCOPE_HELP[s]}\n`);
  }
  w.write(0, 'Resource\tUsed\tHard\n');
  w.write(0, '--------\t----\t----\n');
  const status = obj(o['status']);
  for (const r of Object.keys(obj(status['hard'])).sort()) {
    const hard = quantity(obj(status['hard'])[r]);
    let used = quantity(obj(status['used'])[r]);
    // A used value of another format is shown as its integer value in the hard value's format.
    if (used.format !== hard.format) used = { ...quantity(String(quantityInt(used))), format: hard.format };
    w.write(0, `${r}\t${showQuantity(used)}\t${showQuantity(hard)}\n`);
  }
  await Promise.resolve();
};

/** `kubectl describe configmap`. */
export const describeConfigMap: Describer = async (c, w, o) => {
  printHeader(w, o);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, '\nData\n====\n');
  const data = obj(o['data']);
  // kubectl 1.32 ranges over the map (an unspecified order); sorted keys are printed here.
  for (const k of Object.keys(data).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${str(data[k])}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const binary = obj(o['binaryData']);
  for (const k of Object.keys(binary).sort()) w.write(0, `${k}: ${base64Length(str(binary[k]))} bytes\n`);
  w.write(0, '\n');
  const events = await eventsOf(c, o, 'ConfigMap');
  printEvents(w, events, nowOf(c, o, events));
};

/** The length of the bytes a base64 text decodes to. */
function base64Length(text: string): number {
  const clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/** `kubectl describe secret`: the size of each value, a service account token's value itself. */
export const describeSecret: Describer = async (_c, w, o) => {
  printHeader(w, o);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  const type = str(o['type']);
  w.write(0, `\nType:\t${type}\n`);
  w.write(0, '\nData\n====\n');
  const data = obj(o['data']);
  // kubectl 1.32 ranges over the map (an unspecified order); sorted keys are printed here.
  for (const k of Object.keys(data).sort()) {
    if (k === 'token' && type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${decodeBase64(str(data[k]))}\n`);
    else w.write(0, `${k}:\t${base64Length(str(data[k]))} bytes\n`);
  }
  await Promise.resolve();
};

/** UTF-8 bytes as a string (an invalid byte as U+FFFD, as Go's string conversion prints it). */
function utf8Decode(bytes: number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    let cp = need === 0 ? b : b & (0x3f >> need);
    let ok = need >= 0 && i + need < bytes.length;
    for (let j = 1; ok && j <= need; j++) {
      const c = bytes[i + j] as number;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok) {
      out += '\uFFFD';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

function decodeBase64(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const ch of text) {
    const i = alphabet.indexOf(ch);
    if (i < 0) continue;
    value = (value << 6) | i;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return utf8Decode(bytes);
}

/** `kubectl describe serviceaccount`: its pull and mountable secrets and token secrets, missing ones marked. */
export const describeServiceAccount: Describer = async (c, w, o) => {
  const tokens: string[] = [];
  const missing = new Set<string>();
  const listed = await listAll(c.k, `/api/v1/namespaces/${o.metadata.namespace ?? ''}/secrets`);
  if (listed.items) {
    const existing = new Set<string>();
    for (const s of listed.items) {
      const a = s.metadata.annotations ?? {};
      if (s['type'] === 'kubernetes.io/service-account-token' && a['kubernetes.io/service-account.name'] === o.metadata.name && a['kubernetes.io/service-account.uid'] === o.metadata.uid) tokens.push(s.metadata.name ?? '');
      existing.add(s.metadata.name ?? '');
    }
    for (const s of [...objs(o['secrets']), ...objs(o['imagePullSecrets'])]) if (!existing.has(str(s['name']))) missing.add(str(s['name']));
  }
  const events = await eventsOf(c, o, 'ServiceAccount');
  printHeader(w, o);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  const sections: [string, string[]][] = [
    ['Image pull secrets:', objs(o['imagePullSecrets']).map((s) => str(s['name']))],
    ['Mountable secrets: ', objs(o['secrets']).map((s) => str(s['name']))],
    ['Tokens:            ', tokens],
  ];
  for (const [header, names] of sections) {
    if (names.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      continue;
    }
    let prefix = header;
    for (const n of names) {
      w.write(0, `${prefix}\t${n}${missing.has(n) ? ' (not found)' : ''}\n`);
      prefix = '                   ';
    }
  }
  printEvents(w, events, nowOf(c, o, events));
};
