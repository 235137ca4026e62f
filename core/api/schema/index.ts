/**
 * Every API type KubeLab serves, as one `SchemaRegistry`: the single source from which the
 * OpenAPI documents, unknown-field detection and the strategic-merge metadata are derived.
 */
import { SchemaRegistry } from './dsl';
import { apiextensionsV1Definitions } from './apiextensions-v1';
import { appsV1Definitions } from './apps-v1';
import { authenticationV1Definitions } from './authentication-v1';
import { authorizationV1Definitions } from './authorization-v1';
import { autoscalingV1Definitions } from './autoscaling-v1';
import { autoscalingV2Definitions } from './autoscaling-v2';
import { batchV1Definitions } from './batch-v1';
import { coordinationV1Definitions } from './coordination-v1';
import { coreV1ContainerDefinitions } from './core-v1-container';
import { coreV1NodeDefinitions } from './core-v1-node';
import { coreV1OtherDefinitions } from './core-v1-other';
import { coreV1PodDefinitions } from './core-v1-pod';
import { coreV1SchedulingDefinitions } from './core-v1-scheduling';
import { coreV1ServiceDefinitions } from './core-v1-service';
import { coreV1StorageDefinitions } from './core-v1-storage';
import { coreV1VolumeDefinitions } from './core-v1-volume';
import { coreV1VolumePluginDefinitions } from './core-v1-volume-plugins';
import { discoveryV1Definitions } from './discovery-v1';
import { eventsV1Definitions } from './events-v1';
import { metaV1Definitions } from './meta-v1';
import { networkingV1Definitions } from './networking-v1';
import { policyV1Definitions } from './policy-v1';
import { rbacV1Definitions } from './rbac-v1';
import { schedulingV1Definitions } from './scheduling-v1';
import { storageV1Definitions } from './storage-v1';

/** Every built-in definition, grouped by API group/version. */
export const BUILTIN_DEFINITIONS = [
  metaV1Definitions,
  coreV1PodDefinitions,
  coreV1ContainerDefinitions,
  coreV1VolumeDefinitions,
  coreV1VolumePluginDefinitions,
  coreV1SchedulingDefinitions,
  coreV1StorageDefinitions,
  coreV1ServiceDefinitions,
  coreV1NodeDefinitions,
  coreV1OtherDefinitions,
  appsV1Definitions,
  batchV1Definitions,
  autoscalingV1Definitions,
  autoscalingV2Definitions,
  networkingV1Definitions,
  storageV1Definitions,
  coordinationV1Definitions,
  eventsV1Definitions,
  discoveryV1Definitions,
  policyV1Definitions,
  rbacV1Definitions,
  apiextensionsV1Definitions,
  authenticationV1Definitions,
  authorizationV1Definitions,
  schedulingV1Definitions,
].flat();

let shared: SchemaRegistry | undefined;

/**
 * The registry of every built-in API type (core/v1, apps/v1, batch/v1, autoscaling/v1 and v2,
 * networking, storage, coordination, events, discovery, policy, rbac, apiextensions and meta).
 * Built once and shared: treat it as read-only (add CRD schemas to a registry of your own).
 */
export function apiSchemas(): SchemaRegistry {
  if (!shared) {
    shared = new SchemaRegistry();
    shared.add(...BUILTIN_DEFINITIONS);
  }
  return shared;
}
