/**
 * The default profile (kube-scheduler 1.32's `getDefaultPlugins`), one folder per plugin: the
 * order of each extension point and the Score weights — TaintToleration 3, NodeAffinity 2,
 * PodTopologySpread 2, InterPodAffinity 2, NodeResourcesFit 1, BalancedAllocation 1,
 * ImageLocality 1.
 */
import type { Clock } from '../../clock/clock';
import type { Random } from '../../clock/random';
import type { Client } from '../../client/client';
import type { EventsRecorder } from '../../client/eventsV1';
import type { Profile } from '../framework/runtime';
import type { FilterPlugin, Handle, Plugin, PostFilterPlugin, PreBindPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/types';
import { DefaultPreemption } from './defaultpreemption/defaultPreemption';
import type { NodeFilter } from './defaultpreemption/candidates';
import { ImageLocality } from './imagelocality/imageLocality';
import { InterPodAffinity } from './interpodaffinity/interPodAffinity';
import { NodeAffinity } from './nodeaffinity/nodeAffinity';
import { NodeName } from './nodename/nodeName';
import { NodePorts } from './nodeports/nodePorts';
import { BalancedAllocation } from './noderesources/balancedAllocation';
import { NodeResourcesFit } from './noderesources/fit';
import { NodeUnschedulable } from './nodeunschedulable/nodeUnschedulable';
import { PodTopologySpread } from './podtopologyspread/podTopologySpread';
import { TaintToleration } from './tainttoleration/taintToleration';
import { VolumeBinding } from './volumebinding/volumeBinding';
import { VolumeZone } from './volumezone/volumeZone';

/** What the plugins are built with. */
export interface PluginDeps {
  handle: Handle;
  client: Client;
  clock: Clock;
  random: Random;
  events?: EventsRecorder;
  /** The framework's filter run, for preemption's dry runs. */
  filter: NodeFilter;
}

/** The default profile's plugins. */
export interface DefaultPlugins {
  profile: Profile;
  postFilter: PostFilterPlugin[];
  preBind: PreBindPlugin[];
  all: Plugin[];
}

/** Builds the default profile. */
export function defaultPlugins(d: PluginDeps): DefaultPlugins {
  const nodeUnschedulable = new NodeUnschedulable();
  const nodeName = new NodeName();
  const taints = new TaintToleration();
  const nodeAffinity = new NodeAffinity();
  const nodePorts = new NodePorts();
  const fit = new NodeResourcesFit();
  const volumeZone = new VolumeZone(d.handle);
  const volumeBinding = new VolumeBinding(d.handle, d.client);
  const spread = new PodTopologySpread(d.handle);
  const affinity = new InterPodAffinity(d.handle);
  const balanced = new BalancedAllocation();
  const images = new ImageLocality(d.handle);
  const preemption = new DefaultPreemption(d.handle, d.client, d.clock, d.random, d.filter, d.events);
  const preFilter: PreFilterPlugin[] = [nodeAffinity, nodePorts, volumeZone, volumeBinding, spread, affinity];
  const filter: FilterPlugin[] = [nodeUnschedulable, nodeName, taints, nodeAffinity, nodePorts, fit, volumeZone, volumeBinding, spread, affinity];
  const preScore: PreScorePlugin[] = [taints, nodeAffinity, spread, affinity];
  const score: { plugin: ScorePlugin; weight: number }[] = [
    { plugin: taints, weight: 3 },
    { plugin: nodeAffinity, weight: 2 },
    { plugin: fit, weight: 1 },
    { plugin: spread, weight: 2 },
    { plugin: affinity, weight: 2 },
    { plugin: balanced, weight: 1 },
    { plugin: images, weight: 1 },
  ];
  return {
    profile: { preFilter, filter, preScore, score },
    postFilter: [preemption],
    preBind: [volumeBinding],
    all: [nodeUnschedulable, nodeName, taints, nodeAffinity, nodePorts, fit, volumeZone, volumeBinding, spread, affinity, balanced, images, preemption],
  };
}
