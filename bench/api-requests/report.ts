import { cpus } from 'node:os';
import { type CpuSplit } from '../end-to-end-shares/cpu-usage';
import { type LoadResult } from './load-protocol';
import { type ServiceStalls } from './service-stalls';

export interface Measurement {
  readonly request: string;
  /** How the load was sent, e.g. "1,000/s paced" or "max, 50 connections". */
  readonly load: string;
  /** The rate asked for, for a paced run; none for a closed loop. */
  readonly targetRate?: number;
  /** Counted against the goal (p99 < 50 ms at the target rate). */
  readonly listingRead?: boolean;
  readonly result: LoadResult;
  readonly cpu: CpuSplit;
  /** Event-loop delay and GC of the gateway and contracts over the run. */
  readonly stalls: ReadonlyMap<string, ServiceStalls>;
}

export interface RunReport {
  readonly setup: string;
  /** The goal's rate for listing reads. */
  readonly goalRate: number;
  readonly measurements: readonly Measurement[];
  readonly cpuGroups: readonly string[];
  /** Lines after the tables (what was left out and why, …). */
  readonly notes: readonly string[];
}

export const GOAL_P99_MS = 50;

const int = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–');
const ms = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : int(value)) : '–');

export const answered = (result: LoadResult) => Object.values(result.statuses).reduce((sum, count) => sum + count, 0);
export const non2xx = (result: LoadResult) =>
  Object.entries(result.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
export const achievedRate = (result: LoadResult) => answered(result) / result.seconds;

/** The processes whose CPU time per request the report shows. */
const perRequestGroups = ['gateway', 'contracts', 'PostgreSQL'];

/** CPU time a process spent per request answered, in ms. */
const cpuPerRequest = (measurement: Measurement, group: string) =>
  ((measurement.cpu.percentOfCore.get(group) ?? 0) / 100 / achievedRate(measurement.result)) * 1000;

function failures(result: LoadResult): string {
  const parts = Object.entries(result.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, count]) => `${int(count)} × ${status}`);
  if (result.errors > 0) parts.push(`${int(result.errors)} no answer`);
  if ((result.notSent ?? 0) > 0)
    parts.push(`${int(result.notSent ?? 0)} not sent (${int(result.connections)} waiting)`);
  return parts.length === 0 ? '0' : parts.join(', ');
}

export function goalVerdicts(measurements: readonly Measurement[], goalRate: number): string[] {
  return measurements
    .filter((measurement) => measurement.listingRead && measurement.targetRate !== undefined)
    .map((measurement) => {
      const { result } = measurement;
      const rate = achievedRate(result);
      const kept =
        result.latency.p99 < GOAL_P99_MS &&
        rate >= 0.98 * (measurement.targetRate ?? 0) &&
        non2xx(result) + result.errors + (result.notSent ?? 0) === 0;
      const what = `${measurement.request} at ${measurement.load}: p99 ${ms(result.latency.p99)} ms at ${int(rate)} req/s`;
      if (measurement.targetRate === goalRate) {
        return `${what}: **goal ${kept ? 'met' : 'missed'}** (p99 < ${GOAL_P99_MS} ms at ${int(goalRate)} req/s, all answered 2xx)`;
      }
      return `${what}: ${kept ? 'within' : 'over'} ${GOAL_P99_MS} ms p99 at that rate`;
    });
}

/** The benchmark's output: markdown tables, as BENCHMARKS.md quotes them. */
export function formatReport(report: RunReport): string {
  const { measurements, cpuGroups } = report;
  const lagNote = measurements.some((m) => (m.result.sendLag?.p99 ?? 0) > 5)
    ? 'The load generator itself fell behind by more than 5 ms (p99) in some paced runs (column "send lag"); those latencies include it.'
    : 'The load generator kept its schedule in every paced run (send lag p99 ≤ 5 ms), so the latencies are the services’.';
  return [
    `API requests on loopback — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    '',
    report.setup,
    '',
    '| request | load | req/s answered | p50 ms | p90 ms | p99 ms | max ms | non-2xx / no answer | connections | send lag p99 / max ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...measurements.map(({ request, load, result }) => {
      const lag = result.sendLag ? `${ms(result.sendLag.p99)} / ${ms(result.sendLag.max)}` : '';
      return (
        `| ${request} | ${load} | ${int(achievedRate(result))} | ${ms(result.latency.p50)} | ${ms(result.latency.p90)} | ` +
        `${ms(result.latency.p99)} | ${ms(result.latency.max)} | ${failures(result)} | ${int(result.connections)} | ${lag} |`
      );
    }),
    '',
    lagNote,
    '',
    `CPU over each measured run, % of one core (${cpus().length} cores; "elsewhere": other work on the machine), and ` +
      'CPU time per request answered:',
    '',
    `| request | load | ${cpuGroups.join(' | ')} | elsewhere | idle | ${perRequestGroups.map((group) => `${group} ms/request`).join(' | ')} |`,
    `| --- | --- | ${cpuGroups.map(() => '---:').join(' | ')} | ---: | ---: | ${perRequestGroups.map(() => '---:').join(' | ')} |`,
    ...measurements.map(
      (measurement) =>
        `| ${measurement.request} | ${measurement.load} | ` +
        `${cpuGroups.map((group) => int(measurement.cpu.percentOfCore.get(group) ?? 0)).join(' | ')} | ` +
        `${int(measurement.cpu.elsewhere)} | ${int(measurement.cpu.idle)} | ` +
        `${perRequestGroups.map((group) => cpuPerRequest(measurement, group).toFixed(2)).join(' | ')} |`,
    ),
    '',
    ...stallsTable(measurements),
    '',
    ...goalVerdicts(measurements, report.goalRate).map((line) => `- ${line}`),
    ...report.notes.map((line) => `- ${line}`),
    '',
  ].join('\n');
}

function stallsTable(measurements: readonly Measurement[]): string[] {
  const services = [...(measurements[0]?.stalls.keys() ?? [])];
  const cell = (stalls: ServiceStalls | undefined) =>
    stalls
      ? `${ms(stalls.loopDelayP99Ms)} / ${ms(stalls.loopDelayMaxMs)} | ${ms(stalls.gcMs)} / ${int(stalls.majorGcs)}`
      : '– | –';
  return [
    'Event-loop delay of each service over each measured run (p99 / max ms, how late prom-client’s 10-ms timer ran) and ' +
      'its garbage collection (total pause ms / major collections):',
    '',
    `| request | load | ${services.map((name) => `${name} loop delay | ${name} GC`).join(' | ')} |`,
    `| --- | --- | ${services.map(() => '---: | ---:').join(' | ')} |`,
    ...measurements.map(
      ({ request, load, stalls }) =>
        `| ${request} | ${load} | ${services.map((name) => cell(stalls.get(name))).join(' | ')} |`,
    ),
  ];
}
