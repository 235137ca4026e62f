/**
 * The `paths` of the OpenAPI documents: one entry per served resource path, with operations
 * named and tagged like kube-apiserver's (`readCoreV1NamespacedPod`, `core_v1`) and carrying
 * `x-kubernetes-group-version-kind` and `x-kubernetes-action`. kubectl reads them: `explain`
 * finds a resource's kind through them, and `create`/`apply` look for the `fieldValidation`
 * parameter of the PATCH operation to know that the server validates fields itself (without
 * it, kubectl validates client-side against `/openapi/v2`).
 */
import type { GroupVersionKind } from './dsl';
import type { JsonObject, OpenApiFlavor } from './openapi';

/** What the paths of one served resource are built from (a subset of the API server's ResourceDef). */
export interface PathResource {
  group: string;
  version: string;
  /** Plural: `pods`. */
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  subresources: string[];
  /** The OpenAPI name of the kind's definition. */
  schemaName: string;
  /** The OpenAPI name of the list kind's definition, if known. */
  listSchemaName?: string;
  /** Whether strategic merge patch is accepted (true for built-in kinds, false for custom resources). */
  strategicMerge: boolean;
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** The query parameters kube-apiserver documents, by name. */
const QUERY: Record<string, string> = {
  pretty: "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget).",
  allowWatchBookmarks: 'allowWatchBookmarks requests watch events with type "BOOKMARK". Servers that do not implement bookmarks may ignore this flag and bookmarks are sent at the server\'s discretion. Clients should not assume bookmarks are returned at any specific interval, nor may they assume the server will send any BOOKMARK event during a session. If this is not a watch, this field is ignored.',
  continue: 'The continue option should be set when retrieving more results from the server. Since this value is server defined, clients may only use the continue value from a previous query result with identical query parameters (except for the value of continue) and the server may reject a continue value it does not recognize.',
  fieldSelector: 'A selector to restrict the list of returned objects by their fields. Defaults to everything.',
  labelSelector: 'A selector to restrict the list of returned objects by their labels. Defaults to everything.',
  limit: 'limit is a maximum number of responses to return for a list call. If more items exist, the server will set the `continue` field on the list metadata to a value that can be used with the same initial query to retrieve the next set of results.',
  resourceVersion: 'resourceVersion sets a constraint on what resource versions a request may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset',
  resourceVersionMatch: 'resourceVersionMatch determines how resourceVersion is applied to list calls. It is highly recommended that resourceVersionMatch be set for list calls where resourceVersion is set See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset',
  timeoutSeconds: 'Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or inactivity.',
  watch: 'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications. Specify resourceVersion.',
  dryRun: 'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed',
  fieldManager: 'fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.',
  fieldValidation: 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.',
  force: 'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.',
  gracePeriodSeconds: 'The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately. If this value is nil, the default grace period for the specified type will be used. Defaults to a per object value if not specified. zero means delete immediately.',
  propagationPolicy: "Whether and how garbage collection will be performed. Either this field or OrphanDependents may be set, but not both. The default policy is decided by the existing finalizer set in the metadata.finalizers and the resource-specific default policy. Acceptable values are: 'Orphan' - orphan the dependents; 'Background' - allow the garbage collector to delete the dependents in the background; 'Foreground' - a cascading policy that deletes all dependents in the foreground.",
};
const INTEGER_PARAMS = new Set(['limit', 'timeoutSeconds', 'gracePeriodSeconds']);
const BOOLEAN_PARAMS = new Set(['allowWatchBookmarks', 'watch', 'force']);

const LIST_PARAMS = ['allowWatchBookmarks', 'continue', 'fieldSelector', 'labelSelector', 'limit', 'resourceVersion', 'resourceVersionMatch', 'timeoutSeconds', 'watch'];
const WRITE_PARAMS_ALL = ['dryRun', 'fieldManager', 'fieldValidation'];
const DELETE_PARAMS = ['dryRun', 'gracePeriodSeconds', 'propagationPolicy'];

function param(flavor: OpenApiFlavor, name: string, where: 'query' | 'path', description: string, required = false): JsonObject {
  const type = INTEGER_PARAMS.has(name) ? 'integer' : BOOLEAN_PARAMS.has(name) ? 'boolean' : 'string';
  const out: JsonObject = { description, in: where, name };
  if (required) out.required = true;
  if (flavor === 'v2') Object.assign(out, { type, uniqueItems: true });
  else out.schema = { type, uniqueItems: true };
  return out;
}

function queryParams(flavor: OpenApiFlavor, names: string[]): JsonObject[] {
  return names.map((n) => param(flavor, n, 'query', QUERY[n] ?? ''));
}

function ref(flavor: OpenApiFlavor, name: string): JsonObject {
  return { $ref: flavor === 'v2' ? `#/definitions/${name}` : `#/components/schemas/${name}` };
}

/** `Core`, `Apps`, `RbacAuthorization` (as in operation ids). */
export function groupIdentifier(group: string): string {
  if (!group) return 'Core';
  return group
    .replace(/\.k8s\.io$/, '')
    .split('.')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

/** The OpenAPI tag of a group/version: `core_v1`, `rbacAuthorization_v1`. */
export function groupVersionTag(group: string, version: string): string {
  const id = groupIdentifier(group);
  return `${id.charAt(0).toLowerCase()}${id.slice(1)}_${version}`;
}

interface OpSpec {
  verb: string;
  action: string;
  summary: string;
  opId: string;
  params: string[];
  body?: 'object' | 'patch' | 'delete';
  response: string;
  codes: string[];
  gvk: GroupVersionKind;
  patchTypes?: string[];
}

const PATCH_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];

function operation(flavor: OpenApiFlavor, o: OpSpec, tag: string, bodySchema: string): JsonObject {
  const op: JsonObject = { description: o.summary, operationId: o.opId };
  const parameters = queryParams(flavor, o.params);
  const responses: JsonObject = {};
  const describe: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted' };
  for (const code of o.codes) {
    responses[code] =
      flavor === 'v2'
        ? { description: describe[code], schema: ref(flavor, o.response) }
        : { content: { 'application/json': { schema: ref(flavor, o.response) }, 'application/yaml': { schema: ref(flavor, o.response) } }, description: describe[code] };
  }
  responses['401'] = { description: 'Unauthorized' };
  const bodyRef = o.body === 'patch' ? `${META}Patch` : o.body === 'delete' ? `${META}DeleteOptions` : bodySchema;
  if (flavor === 'v2') {
    if (o.body) parameters.unshift({ in: 'body', name: 'body', ...(o.body === 'delete' ? {} : { required: true }), schema: ref(flavor, bodyRef) });
    op.consumes = o.body === 'patch' ? o.patchTypes : ['*/*'];
    op.produces = ['application/json', 'application/yaml'];
  } else if (o.body) {
    const types = o.body === 'patch' ? (o.patchTypes ?? []) : ['*/*'];
    const content: JsonObject = {};
    for (const t of types) content[t] = { schema: ref(flavor, bodyRef) };
    op.requestBody = { content, ...(o.body === 'delete' ? {} : { required: true }) };
  }
  if (parameters.length) op.parameters = parameters;
  op.responses = responses;
  if (flavor === 'v2') op.schemes = ['https'];
  op.tags = [tag];
  op['x-kubernetes-action'] = o.action;
  op['x-kubernetes-group-version-kind'] = { group: o.gvk.group, kind: o.gvk.kind, version: o.gvk.version };
  return op;
}

/** The path prefix of a group/version: `/api/v1`, `/apis/apps/v1`. */
export function groupVersionPrefix(group: string, version: string): string {
  return group ? `/apis/${group}/${version}` : `/api/${version}`;
}

/**
 * The OpenAPI path items of one resource: the collection (namespaced and across namespaces),
 * the object, and its `status`, `scale`, `binding` and `eviction` subresources.
 */
export function resourcePaths(r: PathResource, flavor: OpenApiFlavor, options: { fieldValidation?: boolean } = {}): Record<string, JsonObject> {
  const WRITE_PARAMS = options.fieldValidation === false ? WRITE_PARAMS_ALL.filter((p) => p !== 'fieldValidation') : WRITE_PARAMS_ALL;
  const prefix = groupVersionPrefix(r.group, r.version);
  const id = `${groupIdentifier(r.group)}${r.version.charAt(0).toUpperCase()}${r.version.slice(1)}`;
  const tag = groupVersionTag(r.group, r.version);
  const ns = r.namespaced ? 'Namespaced' : '';
  const gvk = { group: r.group, version: r.version, kind: r.kind };
  const has = (v: string) => r.verbs.includes(v);
  const patchTypes = PATCH_TYPES.filter((t) => r.strategicMerge || !t.includes('strategic'));
  const nsParam = param(flavor, 'namespace', 'path', 'object name and auth scope, such as for teams and projects', true);
  const nameParam = (kind: string) => param(flavor, 'name', 'path', `name of the ${kind}`, true);
  const pretty = param(flavor, 'pretty', 'query', QUERY.pretty as string);
  const item = (common: JsonObject[], ops: Record<string, OpSpec>, bodySchema = r.schemaName): JsonObject => {
    const out: JsonObject = {};
    for (const [method, o] of Object.entries(ops)) out[method] = operation(flavor, o, tag, bodySchema);
    out.parameters = [...common, pretty];
    return out;
  };
  const paths: Record<string, JsonObject> = {};
  const base = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.resource}` : `${prefix}/${r.resource}`;
  const scope = r.namespaced ? [nsParam] : [];
  const list = r.listSchemaName;
  const collection: Record<string, OpSpec> = {};
  if (has('list') && list) collection.get = { verb: 'list', action: 'list', summary: `list or watch objects of kind ${r.kind}`, opId: `list${id}${ns}${r.kind}`, params: LIST_PARAMS, response: list, codes: ['200'], gvk };
  if (has('create')) collection.post = { verb: 'create', action: 'post', summary: `create ${article(r.kind)} ${r.kind}`, opId: `create${id}${ns}${r.kind}`, params: WRITE_PARAMS, body: 'object', response: r.schemaName, codes: ['200', '201', '202'], gvk };
  if (has('deletecollection')) collection.delete = { verb: 'deletecollection', action: 'deletecollection', summary: `delete collection of ${r.kind}`, opId: `delete${id}Collection${ns}${r.kind}`, params: [...DELETE_PARAMS, ...LIST_PARAMS.filter((p) => p !== 'watch' && p !== 'allowWatchBookmarks')], body: 'delete', response: `${META}Status`, codes: ['200'], gvk };
  if (Object.keys(collection).length) paths[base] = item(scope, collection);
  const named: Record<string, OpSpec> = {};
  if (has('get')) named.get = { verb: 'get', action: 'get', summary: `read the specified ${r.kind}`, opId: `read${id}${ns}${r.kind}`, params: [], response: r.schemaName, codes: ['200'], gvk };
  if (has('update')) named.put = { verb: 'update', action: 'put', summary: `replace the specified ${r.kind}`, opId: `replace${id}${ns}${r.kind}`, params: WRITE_PARAMS, body: 'object', response: r.schemaName, codes: ['200', '201'], gvk };
  if (has('patch')) named.patch = { verb: 'patch', action: 'patch', summary: `partially update the specified ${r.kind}`, opId: `patch${id}${ns}${r.kind}`, params: [...WRITE_PARAMS, 'force'], body: 'patch', response: r.schemaName, codes: ['200', '201'], gvk, patchTypes };
  if (has('delete')) named.delete = { verb: 'delete', action: 'delete', summary: `delete ${article(r.kind)} ${r.kind}`, opId: `delete${id}${ns}${r.kind}`, params: DELETE_PARAMS, body: 'delete', response: r.schemaName, codes: ['200', '202'], gvk };
  if (Object.keys(named).length) paths[`${base}/{name}`] = item([nameParam(r.kind), ...scope], named);
  if (r.namespaced && has('list') && list) {
    paths[`${prefix}/${r.resource}`] = item([], { get: { verb: 'list', action: 'list', summary: `list or watch objects of kind ${r.kind}`, opId: `list${id}${r.kind}ForAllNamespaces`, params: LIST_PARAMS, response: list, codes: ['200'], gvk } });
  }
  for (const sub of r.subresources) {
    const path = `${base}/{name}/${sub}`;
    const Sub = sub.charAt(0).toUpperCase() + sub.slice(1);
    if (sub === 'status' || sub === 'scale') {
      const subGvk = sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : gvk;
      const schema = sub === 'scale' ? 'io.k8s.api.autoscaling.v1.Scale' : r.schemaName;
      const what = `${sub} of the specified ${r.kind}`;
      paths[path] = item(
        [param(flavor, 'name', 'path', `name of the ${sub === 'scale' ? 'Scale' : r.kind}`, true), ...scope],
        {
          get: { verb: 'get', action: 'get', summary: `read ${what}`, opId: `read${id}${ns}${r.kind}${Sub}`, params: [], response: schema, codes: ['200'], gvk: subGvk },
          put: { verb: 'update', action: 'put', summary: `replace ${what}`, opId: `replace${id}${ns}${r.kind}${Sub}`, params: WRITE_PARAMS, body: 'object', response: schema, codes: ['200', '201'], gvk: subGvk },
          patch: { verb: 'patch', action: 'patch', summary: `partially update ${what}`, opId: `patch${id}${ns}${r.kind}${Sub}`, params: [...WRITE_PARAMS, 'force'], body: 'patch', response: schema, codes: ['200', '201'], gvk: subGvk, patchTypes },
        },
        schema,
      );
    } else if (sub === 'binding' || sub === 'eviction') {
      const subGvk = sub === 'binding' ? { group: '', version: 'v1', kind: 'Binding' } : { group: 'policy', version: 'v1', kind: 'Eviction' };
      const schema = sub === 'binding' ? 'io.k8s.api.core.v1.Binding' : 'io.k8s.api.policy.v1.Eviction';
      paths[path] = item([param(flavor, 'name', 'path', `name of the ${subGvk.kind}`, true), ...scope], { post: { verb: 'create', action: 'post', summary: `create ${sub} of ${article(r.kind)} ${r.kind}`, opId: `create${id}${ns}${r.kind}${Sub}`, params: WRITE_PARAMS, body: 'object', response: schema, codes: ['200', '201', '202'], gvk: subGvk } }, schema);
    }
  }
  return paths;
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}

/** The discovery path of a group/version (`GET /apis/apps/v1/` → APIResourceList). */
export function discoveryPath(group: string, version: string, flavor: OpenApiFlavor): Record<string, JsonObject> {
  const tag = groupVersionTag(group, version);
  const op: JsonObject = { description: 'get available resources', operationId: `get${groupIdentifier(group)}${version.charAt(0).toUpperCase()}${version.slice(1)}APIResources` };
  op.responses =
    flavor === 'v2'
      ? { '200': { description: 'OK', schema: ref(flavor, `${META}APIResourceList`) }, '401': { description: 'Unauthorized' } }
      : { '200': { content: { 'application/json': { schema: ref(flavor, `${META}APIResourceList`) } }, description: 'OK' }, '401': { description: 'Unauthorized' } };
  if (flavor === 'v2') Object.assign(op, { consumes: ['application/json', 'application/yaml'], produces: ['application/json', 'application/yaml'], schemes: ['https'] });
  op.tags = [tag];
  return { [`${groupVersionPrefix(group, version)}/`]: { get: op } };
}
