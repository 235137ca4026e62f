/**
 * Encodes a Swagger 2.0 JSON document as the protobuf `openapi.v2.Document` of gnostic
 * (github.com/google/gnostic-models, openapiv2/OpenAPIv2.proto): client-go fetches
 * `/openapi/v2` only as `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`, so
 * kubectl's client-side validation (and its fallbacks) need this form.
 *
 * Only the parts kube-apiserver publishes are encoded: info, paths (operations, parameters,
 * responses), definitions (schemas) and vendor extensions. Extension values are `Any.yaml`
 * strings; JSON is valid YAML, so they are written as JSON. The wire format is
 * core/api/protobuf's writer (core/ takes no protobuf library).
 */

import { Writer } from '../protobuf/wire';
import { utf8Encode } from '../protobuf/text';

type Json = { [key: string]: unknown };

/** The shared protobuf writer, with the helpers this document needs (empty values are left out). */
class DocWriter extends Writer {
  string(field: number, value: unknown): void {
    if (typeof value !== 'string' || value === '') return;
    this.bytesField(field, utf8Encode(value));
  }

  strings(field: number, values: unknown): void {
    if (!Array.isArray(values)) return;
    for (const v of values) if (typeof v === 'string') this.bytesField(field, utf8Encode(v));
  }

  bool(field: number, value: unknown): void {
    if (value === true) this.varintField(field, true);
  }

  message(field: number, build: (w: DocWriter) => void): void {
    const w = new DocWriter();
    build(w);
    this.bytesField(field, w.finish());
  }
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** NamedAny entries for every `x-` key of an object. */
function vendorExtensions(w: DocWriter, field: number, o: Json): void {
  for (const [k, v] of Object.entries(o)) {
    if (!k.startsWith('x-')) continue;
    w.message(field, (n) => {
      n.string(1, k);
      n.message(2, (a) => a.string(2, JSON.stringify(v)));
    });
  }
}

function schema(w: DocWriter, s: Json): void {
  w.string(1, s.$ref);
  w.string(2, s.format);
  w.string(4, s.description);
  w.strings(19, s.required);
  const ap = s.additionalProperties;
  if (isObj(ap)) w.message(21, (a) => a.message(1, (x) => schema(x, ap)));
  else if (ap === true) w.message(21, (a) => a.bool(2, true));
  if (typeof s.type === 'string') w.message(22, (t) => t.string(1, s.type));
  const items = s.items;
  if (isObj(items)) w.message(23, (i) => i.message(1, (x) => schema(x, items)));
  if (Array.isArray(s.allOf)) for (const a of s.allOf) if (isObj(a)) w.message(24, (x) => schema(x, a));
  const props = s.properties;
  if (isObj(props)) {
    w.message(25, (p) => {
      for (const [name, value] of Object.entries(props)) {
        if (!isObj(value)) continue;
        p.message(1, (n) => {
          n.string(1, name);
          n.message(2, (x) => schema(x, value));
        });
      }
    });
  }
  vendorExtensions(w, 31, s);
}

function parameter(w: DocWriter, p: Json): void {
  if (typeof p.$ref === 'string') {
    w.message(2, (r) => r.string(1, p.$ref));
    return;
  }
  w.message(1, (param) => {
    if (p.in === 'body') {
      param.message(1, (b) => {
        b.string(1, p.description);
        b.string(2, p.name);
        b.string(3, p.in);
        b.bool(4, p.required);
        if (isObj(p.schema)) b.message(5, (x) => schema(x, p.schema as Json));
      });
      return;
    }
    param.message(2, (nb) => {
      if (p.in === 'path') {
        nb.message(4, (q) => {
          q.bool(1, p.required);
          q.string(2, p.in);
          q.string(3, p.description);
          q.string(4, p.name);
          q.string(5, p.type);
          q.bool(19, p.uniqueItems);
        });
      } else {
        nb.message(3, (q) => {
          q.bool(1, p.required);
          q.string(2, p.in);
          q.string(3, p.description);
          q.string(4, p.name);
          q.string(6, p.type);
          q.bool(20, p.uniqueItems);
        });
      }
    });
  });
}

function operation(w: DocWriter, op: Json): void {
  w.strings(1, op.tags);
  w.string(3, op.description);
  w.string(5, op.operationId);
  w.strings(6, op.produces);
  w.strings(7, op.consumes);
  if (Array.isArray(op.parameters)) for (const p of op.parameters) if (isObj(p)) w.message(8, (x) => parameter(x, p));
  const responses = op.responses;
  if (isObj(responses)) {
    w.message(9, (r) => {
      for (const [code, value] of Object.entries(responses)) {
        if (!isObj(value)) continue;
        r.message(1, (n) => {
          n.string(1, code);
          n.message(2, (rv) =>
            rv.message(1, (resp) => {
              resp.string(1, value.description);
              if (isObj(value.schema)) resp.message(2, (si) => si.message(1, (x) => schema(x, value.schema as Json)));
            }),
          );
        });
      }
    });
  }
  w.strings(10, op.schemes);
  vendorExtensions(w, 13, op);
}

const METHOD_FIELDS: [string, number][] = [
  ['get', 2],
  ['put', 3],
  ['post', 4],
  ['delete', 5],
  ['options', 6],
  ['head', 7],
  ['patch', 8],
];

/** The protobuf encoding of a Swagger 2.0 document (gnostic `openapi.v2.Document`). */
export function encodeSwaggerProto(doc: Json): Uint8Array {
  const w = new DocWriter();
  w.string(1, doc.swagger);
  const info = doc.info;
  if (isObj(info)) {
    w.message(2, (i) => {
      i.string(1, info.title);
      i.string(2, info.version);
    });
  }
  const paths = doc.paths;
  if (isObj(paths)) {
    w.message(8, (ps) => {
      for (const [path, item] of Object.entries(paths)) {
        if (!isObj(item)) continue;
        ps.message(2, (n) => {
          n.string(1, path);
          n.message(2, (pi) => {
            for (const [method, field] of METHOD_FIELDS) {
              const op = item[method];
              if (isObj(op)) pi.message(field, (x) => operation(x, op));
            }
            if (Array.isArray(item.parameters)) for (const p of item.parameters) if (isObj(p)) pi.message(9, (x) => parameter(x, p));
          });
        });
      }
    });
  }
  const defs = doc.definitions;
  if (isObj(defs)) {
    w.message(9, (d) => {
      for (const [name, s] of Object.entries(defs)) {
        if (!isObj(s)) continue;
        d.message(1, (n) => {
          n.string(1, name);
          n.message(2, (x) => schema(x, s));
        });
      }
    });
  }
  vendorExtensions(w, 16, doc);
  return w.finish();
}
