/** kubectl describe's layouts of jobs and cron jobs (kubectl 1.32). */
import { humanDuration } from '../../../api/duration';
import { controllerOf, eventsOf, printAnnotations, printEvents, printHeader, printLabels, rfc1123z, selectorString, type Describer, nowOf } from './common';
import type { PrefixWriter } from './tabwriter';
import { describePodTemplate } from './template';
import { num, obj, objs, str, type J } from './values';

/** capIndexesListOrNone: the completed indexes, cut after the first comma past `softLimit`. */
function capIndexes(indexes: string, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

/** `kubectl describe job`. */
export const describeJob: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const events = await eventsOf(c, o, 'Job');
  printHeader(w, o);
  w.write(0, `Selector:\t${selectorString(spec['selector'])}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  const ctl = controllerOf(o);
  if (ctl) w.write(0, `Controlled By:\t${ctl}\n`);
  if (typeof spec['parallelism'] === 'number') w.write(0, `Parallelism:\t${spec['parallelism']}\n`);
  w.write(0, typeof spec['completions'] === 'number' ? `Completions:\t${spec['completions']}\n` : 'Completions:\t<unset>\n');
  if (spec['completionMode'] !== undefined) w.write(0, `Completion Mode:\t${str(spec['completionMode'])}\n`);
  if (typeof spec['suspend'] === 'boolean') w.write(0, `Suspend:\t${spec['suspend']}\n`);
  if (typeof spec['backoffLimit'] === 'number') w.write(0, `Backoff Limit:\t${spec['backoffLimit']}\n`);
  if (typeof spec['ttlSecondsAfterFinished'] === 'number') w.write(0, `TTL Seconds After Finished:\t${spec['ttlSecondsAfterFinished']}\n`);
  if (status['startTime']) w.write(0, `Start Time:\t${rfc1123z(status['startTime'])}\n`);
  if (status['completionTime']) w.write(0, `Completed At:\t${rfc1123z(status['completionTime'])}\n`);
  if (status['startTime'] && status['completionTime']) w.write(0, `Duration:\t${humanDuration(Date.parse(str(status['completionTime'])) - Date.parse(str(status['startTime'])))}\n`);
  if (typeof spec['activeDeadlineSeconds'] === 'number') w.write(0, `Active Deadline Seconds:\t${spec['activeDeadlineSeconds']}s\n`);
  const counts = `${num(status['active'])} Active`;
  const ready = typeof status['ready'] === 'number' ? ` (${status['ready']} Ready)` : '';
  w.write(0, `Pods Statuses:\t${counts}${ready} / ${num(status['succeeded'])} Succeeded / ${num(status['failed'])} Failed\n`);
  if (spec['completionMode'] === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(str(status['completedIndexes']), 50)}\n`);
  describePodTemplate(w, spec['template']);
  printEvents(w, events, nowOf(c, o, events));
};

function describeJobTemplate(w: PrefixWriter, template: J): void {
  const spec = obj(template['spec']);
  w.write(0, spec['selector'] ? `Selector:\t${selectorString(spec['selector'])}\n` : 'Selector:\t<unset>\n');
  w.write(0, typeof spec['parallelism'] === 'number' ? `Parallelism:\t${spec['parallelism']}\n` : 'Parallelism:\t<unset>\n');
  w.write(0, typeof spec['completions'] === 'number' ? `Completions:\t${spec['completions']}\n` : 'Completions:\t<unset>\n');
  if (typeof spec['activeDeadlineSeconds'] === 'number') w.write(0, `Active Deadline Seconds:\t${spec['activeDeadlineSeconds']}s\n`);
  describePodTemplate(w, spec['template']);
}

/** `kubectl describe cronjob`. */
export const describeCronJob: Describer = async (c, w, o) => {
  const spec = obj(o['spec']);
  const status = obj(o['status']);
  const events = await eventsOf(c, o, 'CronJob');
  printHeader(w, o);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Schedule:\t${str(spec['schedule'])}\n`);
  w.write(0, `Concurrency Policy:\t${str(spec['concurrencyPolicy'])}\n`);
  w.write(0, `Suspend:\t${typeof spec['suspend'] === 'boolean' ? (spec['suspend'] ? 'True' : 'False') : '<unset>'}\n`);
  const limit = (key: string, title: string) => w.write(0, typeof spec[key] === 'number' ? `${title}:\t${spec[key] as number}\n` : `${title}:\t<unset>\n`);
  limit('successfulJobsHistoryLimit', 'Successful Job History Limit');
  limit('failedJobsHistoryLimit', 'Failed Job History Limit');
  w.write(0, typeof spec['startingDeadlineSeconds'] === 'number' ? `Starting Deadline Seconds:\t${spec['startingDeadlineSeconds']}s\n` : 'Starting Deadline Seconds:\t<unset>\n');
  describeJobTemplate(w, obj(spec['jobTemplate']));
  w.write(0, status['lastScheduleTime'] ? `Last Schedule Time:\t${rfc1123z(status['lastScheduleTime'])}\n` : 'Last Schedule Time:\t<unset>\n');
  const active = objs(status['active']);
  w.write(0, `Active Jobs:\t${active.length === 0 ? '<none>' : active.map((j) => str(j['name'])).join(', ')}\n`);
  printEvents(w, events, nowOf(c, o, events));
};
