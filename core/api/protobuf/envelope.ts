/**
 * Kubernetes' protobuf envelope (k8s.io/apimachinery runtime/serializer/protobuf): a body of
 * `application/vnd.kubernetes.protobuf` is the 4-byte magic `k8s\0` and a `runtime.Unknown`
 * message — `typeMeta` (apiVersion, kind) = 1, `raw` (the object's own message, which has no
 * TypeMeta) = 2, `contentEncoding` = 3, `contentType` = 4. Only built-in kinds have a protobuf
 * form; custom resources are JSON only.
 */
import type { SchemaRegistry } from '../schema/dsl';
import { badRequest, type StatusError } from '../status';
import type { Json } from './fields';
import { decodeDefinition } from './decode';
import { encodeDefinition } from './encode';
import { utf8Decode, utf8Encode } from './text';
import { ProtobufError, WIRE_BYTES, Writer, readFields } from './wire';

/** The media type of Kubernetes protobuf. */
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

/** The magic prefix of every Kubernetes protobuf object: `k8s\0`. */
export const PROTOBUF_MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

/** Whether a Content-Type (parameters allowed) is Kubernetes protobuf. */
export function isProtobufMediaType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === PROTOBUF_MEDIA_TYPE;
}

/** A `runtime.Unknown`: the type of an object and its encoded message. */
export interface UnknownEnvelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

/** Splits a protobuf body into its `runtime.Unknown` fields; throws on a missing magic. */
export function readEnvelope(bytes: Uint8Array): UnknownEnvelope {
  if (bytes.length < 4 || PROTOBUF_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new ProtobufError('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  }
  const env: UnknownEnvelope = { apiVersion: '', kind: '', raw: new Uint8Array(0), contentEncoding: '', contentType: '' };
  for (const f of readFields(bytes.subarray(4))) {
    if (f.wire !== WIRE_BYTES) continue;
    if (f.field === 1) {
      for (const t of readFields(f.bytes)) {
        if (t.wire !== WIRE_BYTES) continue;
        if (t.field === 1) env.apiVersion = utf8Decode(t.bytes);
        else if (t.field === 2) env.kind = utf8Decode(t.bytes);
      }
    } else if (f.field === 2) env.raw = f.bytes;
    else if (f.field === 3) env.contentEncoding = utf8Decode(f.bytes);
    else if (f.field === 4) env.contentType = utf8Decode(f.bytes);
  }
  return env;
}

/** A kind with no protobuf form here (a custom resource, or a built-in kind KubeLab does not model). */
export class NotRegisteredError extends ProtobufError {
  constructor(message: string) {
    super(message);
    this.name = 'NotRegisteredError';
  }
}

/** The definition name a group/version/kind is served as; throws (as kube's scheme does) when none. */
function definitionOf(apiVersion: string, kind: string, registry: SchemaRegistry): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const d = kind ? registry.forKind(group, version, kind) : undefined;
  if (!d) throw new NotRegisteredError(`no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  return d.name;
}

/**
 * Decodes a Kubernetes protobuf object (`k8s\0` + `runtime.Unknown`) to the JSON object a JSON
 * client would have sent: `kind` and `apiVersion` from the envelope, the rest from the message.
 */
export function decodeProtobufObject(bytes: Uint8Array, registry: SchemaRegistry): Json {
  const env = readEnvelope(bytes);
  if (env.contentEncoding) throw new ProtobufError(`unsupported content encoding ${JSON.stringify(env.contentEncoding)}`);
  const name = definitionOf(env.apiVersion, env.kind, registry);
  const body = decodeDefinition(env.raw, name, { registry, nested: (b) => decodeProtobufObject(b, registry) });
  return { kind: env.kind, apiVersion: env.apiVersion, ...body };
}

/** Encodes a JSON object that has `kind` and `apiVersion` as a Kubernetes protobuf object. */
export function encodeProtobufObject(value: Json, registry: SchemaRegistry): Uint8Array {
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  const kind = typeof value.kind === 'string' ? value.kind : '';
  const raw = encodeDefinition(value, definitionOf(apiVersion, kind, registry), registry);
  const typeMeta = new Writer().bytesField(1, utf8Encode(apiVersion)).bytesField(2, utf8Encode(kind)).finish();
  // Go writes every field of runtime.Unknown, the empty strings too.
  const unknown = new Writer().bytesField(1, typeMeta).bytesField(2, raw).bytesField(3, new Uint8Array(0)).bytesField(4, new Uint8Array(0)).finish();
  return new Writer().raw(PROTOBUF_MAGIC).raw(unknown).finish();
}

/**
 * Decodes a request body of `application/vnd.kubernetes.protobuf` for the API server: a 400
 * Status (as kube-apiserver's decoder answers) for a malformed body or an unknown kind.
 */
export function decodeProtobufBody(bytes: Uint8Array, registry: SchemaRegistry): Json {
  if (bytes.length === 0) throw badRequest('the body of the request was empty');
  try {
    return decodeProtobufObject(bytes, registry);
  } catch (e) {
    throw toStatusError(e);
  }
}

function toStatusError(e: unknown): StatusError | unknown {
  if (e instanceof NotRegisteredError) return badRequest(e.message);
  if (e instanceof ProtobufError) return badRequest(`the object provided is unrecognized (${e.message})`);
  return e;
}
