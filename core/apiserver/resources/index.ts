/** Every built-in resource the API server serves, in discovery order. */
import type { ResourceDef } from '../registry';
import { namespaces } from './namespaces';
import { nodes } from './nodes';
import { pods } from './pods';

/** The built-in resources. */
export const BUILTIN_RESOURCES: ResourceDef[] = [pods, nodes, namespaces];
