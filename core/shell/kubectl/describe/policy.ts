/** kubectl describe's layouts of autoscalers, disruption budgets and priority classes (kubectl 1.32). */
import type { KubeObject } from '../../../api/types';
import { DescribeError, eventsOf, formatLabels, formatSelector, printAnnotations, printEvents, printHeader, printLabels, rfc1123z, type Describer, nowOf } from './common';
import type { PrefixWriter } from './tabwriter';
import { num, obj, objs, optObj, quantityString, str, type J } from './values';

/** A `*resource.Quantity` as `String()` prints it: `<nil>` when unset. */
function qp(v: unknown): string {
  return v === undefined ? '<nil>' : quantityString(v);
}

/** One line of `Metrics:` for the metric at `i` (its current value from status.currentMetrics[i]). */
function metricLine(w: PrefixWriter, m: J, current: J | undefined): void {
  const type = str(m['type']);
  let x: J;
  switch (type) {
    case 'External': {
      x = obj(m['external']);
      const target = obj(x['target']);
      const cur = current && current['external'] ? obj(obj(current['external'])['current']) : undefined;
      const metric = JSON.stringify(str(obj(x['metric'])['name']));
      if (target['averageValue'] !== undefined) w.write(1, `${metric} (target average value):\t${cur && cur['averageValue'] !== undefined ? qp(cur['averageValue']) : '<unknown>'} / ${qp(target['averageValue'])}\n`);
      else w.write(1, `${metric} (target value):\t${cur ? qp(cur['value']) : '<unknown>'} / ${qp(target['value'])}\n`);
      return;
    }
    case 'Pods': {
      x = obj(m['pods']);
      const cur = current && current['pods'] ? qp(obj(obj(current['pods'])['current'])['averageValue']) : '<unknown>';
      w.write(1, `${JSON.stringify(str(obj(x['metric'])['name']))} on pods:\t${cur} / ${qp(obj(x['target'])['averageValue'])}\n`);
      return;
    }
    case 'Object': {
      x = obj(m['object']);
      const target = obj(x['target']);
      const described = obj(x['describedObject']);
      w.write(1, `"${str(obj(x['metric'])['name'])}" on ${str(described['kind'])}/${str(described['name'])} `);
      const cur = current && current['object'] ? obj(obj(current['object'])['current']) : undefined;
      if (target['type'] === 'AverageValue') w.write(0, `(target average value):\t${cur ? qp(cur['averageValue']) : '<unknown>'} / ${qp(target['averageValue'])}\n`);
      else w.write(0, `(target value):\t${cur ? qp(cur['value']) : '<unknown>'} / ${qp(target['value'])}\n`);
      return;
    }
    case 'Resource':
    case 'ContainerResource': {
      const key = type === 'Resource' ? 'resource' : 'containerResource';
      x = obj(m[key]);
      const target = obj(x['target']);
      if (type === 'Resource') w.write(1, `resource ${str(x['name'])} on pods`);
      else w.write(1, `resource ${str(x['name'])} of container "${str(x['container'])}" on pods`);
      const cur = current && current[key] ? obj(obj(current[key])['current']) : undefined;
      if (target['averageValue'] !== undefined) {
        w.write(0, `:\t${cur ? qp(cur['averageValue']) : '<unknown>'} / ${qp(target['averageValue'])}\n`);
        return;
      }
      const now = cur && typeof cur['averageUtilization'] === 'number' ? `${cur['averageUtilization']}% (${qp(cur['averageValue'])})` : '<unknown>';
      const want = typeof target['averageUtilization'] === 'number' ? `${target['averageUtilization']}%` : '<auto>';
      w.write(1, `(as a percentage of request):\t${now} / ${want}\n`);
      return;
    }
    default:
      w.write(1, `<unknown metric type ${JSON.stringify(type)}>\n`);
  }
}

function directionBehavior(w: PrefixWriter, title: string, rules: J | undefined): void {
  if (!rules) return;
  w.write(1, `${title}:\n`);
  if (typeof rules['stabilizationWindowSeconds'] === 'number') w.write(2, `Stabilization Window: ${rules['stabilizationWindowSeconds']} seconds\n`);
  const policies = objs(rules['policies']);
  if (policies.length === 0) return;
  w.write(2, `Select Policy: ${str(rules['selectPolicy']) || 'Max'}\n`);
  w.write(2, 'Policies:\n');
  for (const p of policies) w.write(3, `- Type: ${str(p['type'])}\tValue: ${num(p['value'])}\tPeriod: ${num(p['periodSeconds'])} seconds\n`);
}

/** `kubectl describe horizontalpodautoscaler` (autoscaling/v2). */
export const describeHorizontalPodAutoscaler: Describer = async (c, w, found) => {
  let o = found;
  // kubectl reads the autoscaler as autoscaling/v2 whatever version named it.
  if (found.apiVersion !== 'autoscaling/v2') {
    const r = await c.k.send('GET', `/apis/autoscaling/v2/namespaces/${found.metadata.namespace ?? ''}/horizontalpodautoscalers/${found.metadata.name ?? ''}`);
    if (r.status >= 400) throw new DescribeError(r.body);
    o = r.body as KubeObject;
  }
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const events = await eventsOf(c, o, 'HorizontalPodAutoscaler');
  const target = obj(spec['scaleTargetRef']);
  printHeader(w, o);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  w.write(0, `Reference:\t${str(target['kind'])}/${str(target['name'])}\n`);
  w.write(0, 'Metrics:\t( current / target )\n');
  const currents = objs(status['currentMetrics']);
  objs(spec['metrics']).forEach((m, i) => metricLine(w, m, currents[i]));
  w.write(0, `Min replicas:\t${typeof spec['minReplicas'] === 'number' ? spec['minReplicas'] : '<unset>'}\n`);
  w.write(0, `Max replicas:\t${num(spec['maxReplicas'])}\n`);
  const behavior = optObj(spec['behavior']);
  if (behavior) {
    w.write(0, 'Behavior:\n');
    directionBehavior(w, 'Scale Up', optObj(behavior['scaleUp']));
    directionBehavior(w, 'Scale Down', optObj(behavior['scaleDown']));
  }
  w.write(0, `${str(target['kind'])} pods:\t${num(status['currentReplicas'])} current / ${num(status['desiredReplicas'])} desired\n`);
  const conditions = objs(status['conditions']);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const x of conditions) w.write(1, `${str(x['type'])}\t${str(x['status'])}\t${str(x['reason'])}\t${str(x['message'])}\n`);
  }
  printEvents(w, events, nowOf(c, o, events));
};

function intOrString(v: unknown): string {
  return typeof v === 'number' ? String(v) : str(v);
}

/** `kubectl describe poddisruptionbudget`. */
export const describePodDisruptionBudget: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const events = await eventsOf(c, o, 'PodDisruptionBudget');
  printHeader(w, o);
  if (spec['minAvailable'] !== undefined) w.write(0, `Min available:\t${intOrString(spec['minAvailable'])}\n`);
  else if (spec['maxUnavailable'] !== undefined) w.write(0, `Max unavailable:\t${intOrString(spec['maxUnavailable'])}\n`);
  w.write(0, spec['selector'] ? `Selector:\t${formatSelector(spec['selector'])}\n` : 'Selector:\t<unset>\n');
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${num(status['disruptionsAllowed'])}\n`);
  w.write(2, `Current:\t${num(status['currentHealthy'])}\n`);
  w.write(2, `Desired:\t${num(status['desiredHealthy'])}\n`);
  w.write(2, `Total:\t${num(status['expectedPods'])}\n`);
  printEvents(w, events, nowOf(c, o, events));
};

/** `kubectl describe priorityclass`. */
export const describePriorityClass: Describer = async (c, w, o) => {
  const events = await eventsOf(c, o, 'PriorityClass');
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  w.write(0, `Value:\t${num(o['value'])}\n`);
  w.write(0, `GlobalDefault:\t${o['globalDefault'] === true}\n`);
  w.write(0, `PreemptionPolicy:\t${str(o['preemptionPolicy'])}\n`);
  w.write(0, `Description:\t${str(o['description'])}\n`);
  w.write(0, `Annotations:\t${formatLabels(o.metadata.annotations)}\n`);
  printEvents(w, events, nowOf(c, o, events));
};
