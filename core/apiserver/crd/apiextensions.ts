/**
 * The apiextensions part of the API server in one place, as the API server uses it: serving
 * the custom resources of the stored CRDs (serve.ts), the in-server CRD controllers
 * (controllers.ts), the CRD DELETE with its cleanup finalizer (delete.ts) and the 405 for a
 * create while a CRD terminates.
 */
import { StatusError } from '../../api/status';
import type { Definition, SchemaRegistry } from '../../api/schema/dsl';
import type { Store } from '../../storage/store';
import type { Registry, ResourceDef } from '../registry';
import type { RestHandler, WriteResult } from '../rest';
import { customresourcedefinitions } from '../resources/crds';
import { CrdControllers } from './controllers';
import { deleteCustomResourceDefinition, deleteCustomResourceDefinitions } from './delete';
import { CrdServer } from './serve';

/** Custom resources and their definitions, for one API server. */
export class ApiExtensions {
  private readonly server: CrdServer;
  private readonly controllers: CrdControllers;

  constructor(
    store: Store,
    registry: Registry,
    schemas: SchemaRegistry,
    private readonly rest: RestHandler,
  ) {
    this.server = new CrdServer(store, registry, schemas);
    this.controllers = new CrdControllers(rest, this.server);
    this.controllers.start();
  }

  /** Brings the served custom resources up to date with the stored CRDs (call before routing). */
  sync(): void {
    this.server.sync();
  }

  /** The OpenAPI definitions of the served custom kinds (`openapiResponse`'s `extraDefinitions`). */
  definitions(): Definition[] {
    return this.server.definitions();
  }

  /** Whether a DELETE of this resource is the CRD delete (with the cleanup finalizer). */
  isCrdDelete(def: ResourceDef, method: string, subresource: string | undefined): boolean {
    return def === customresourcedefinitions && method === 'DELETE' && subresource === undefined;
  }

  /** DELETE of one CRD (`name`) or of the collection. */
  deleteCrd(name: string | undefined, body: Record<string, unknown> | undefined, query: Record<string, string>): WriteResult {
    return name === undefined ? deleteCustomResourceDefinitions(this.rest, body, query) : deleteCustomResourceDefinition(this.rest, name, body, query);
  }

  /** Stops the controllers' watches. */
  stop(): void {
    this.controllers.stop();
  }
}

/** The 405 of a create the resource refuses (`ResourceDef.createRefusal`), as the crdHandler answers it. */
export function createRefused(def: ResourceDef): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: def.createRefusal ?? 'the server does not allow this method on the requested resource',
    reason: 'MethodNotAllowed',
    details: { group: def.group, kind: def.resource },
    code: 405,
  });
}
