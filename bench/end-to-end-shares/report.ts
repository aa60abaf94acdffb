import { cpus } from 'node:os';
import { type CpuSplit } from './cpu-usage';
import { type CountPoint, countAt, type Curve, percentile, rate, shareDelaysMs } from './curves';
import { type FleetSample } from './fleet-protocol';
import { type WindowTotals } from './verifier-queries';

export interface MeasuredInterval {
  readonly from: number;
  readonly to: number;
  readonly cpu: CpuSplit;
}

export interface StepResult extends MeasuredInterval {
  /** Rigs mining during the step, and rigs of the step's batch the endpoint did not take in in time. */
  readonly rigs: number;
  readonly refused: number;
}

export interface RunResult {
  readonly setup: string;
  readonly steps: readonly StepResult[];
  /** After the rigs stopped: the aggregator alone, working off the backlog. */
  readonly drain: MeasuredInterval;
  readonly fleet: readonly FleetSample[];
  readonly reconnects: number;
  /** The run's judged-share events by the time the verifier sent them to Kafka. */
  readonly judged: Curve;
  /** Judged shares counted in the window tallies, polled. */
  readonly counted: readonly CountPoint[];
  readonly windows: WindowTotals;
}

const int = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–');
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The benchmark's output: markdown tables, as BENCHMARKS.md quotes them. */
export function formatReport(run: RunResult): string {
  const fleetCurve = (count: (sample: FleetSample) => number): Curve => ({
    kind: 'polled',
    points: run.fleet.map((sample) => ({ at: sample.at, count: count(sample) })),
  });
  const submitted = fleetCurve((sample) => sample.submitted);
  const accepted = fleetCurve((sample) => sample.accepted);
  const produced = run.judged;
  const applied: Curve = { kind: 'polled', points: run.counted };
  // The tallies are polled and interpolated: a backlog of none can read as -1.
  const backlogAt = (at: number) => Math.max(0, countAt(produced, at) - countAt(applied, at));
  const delays = (downstream: Curve, step: StepResult) => {
    const values = shareDelaysMs(submitted, downstream, step.from, step.to);
    return values.length === 0 ? '–' : `${int(mean(values))} / ${int(percentile(values, 0.95))}`;
  };
  const groups = [...(run.steps[0]?.cpu.percentOfCore.keys() ?? [])];
  const cpuRow = (label: string, interval: MeasuredInterval, perShare: number) =>
    `| ${label} | ${groups.map((name) => int(interval.cpu.percentOfCore.get(name) ?? 0)).join(' | ')} | ` +
    `${int(interval.cpu.elsewhere)} | ${int(interval.cpu.idle)} | ${int(perShare)} µs |`;
  const verifierMicros = (interval: MeasuredInterval, sharesPerSecond: number) =>
    ((interval.cpu.percentOfCore.get('verifier') ?? 0) / 100 / sharesPerSecond) * 1e6;
  const drainRate = rate(applied, run.drain.from, run.drain.to);
  const last = run.fleet.at(-1);
  const { windows } = run;

  return [
    `End-to-end shares per second, rigs → endpoint → Kafka → windows — Node ${process.version}, ` +
      `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    '',
    run.setup,
    '',
    '| rigs | submitted/s | accepted by the endpoint/s | judged events on Kafka/s | counted in windows/s | backlog at step end | submit → Kafka, mean / p95 ms | submit → window, mean / p95 ms |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...run.steps.map(
      (step) =>
        `| ${step.rigs}${step.refused > 0 ? ` (+${step.refused} timed out connecting)` : ''} | ${int(rate(submitted, step.from, step.to))} | ${int(rate(accepted, step.from, step.to))} | ` +
        `${int(rate(produced, step.from, step.to))} | ${int(rate(applied, step.from, step.to))} | ` +
        `${int(backlogAt(step.to))} | ${delays(produced, step)} | ${delays(applied, step)} |`,
    ),
    `| 0 (rigs gone, ${((run.drain.to - run.drain.from) / 1000).toFixed(0)} s) | | | | ${int(drainRate)} | ` +
      `${int(backlogAt(run.drain.to))} | | |`,
    '',
    `CPU over the same intervals, % of one core (${cpus().length} cores; "elsewhere": other work on the machine):`,
    '',
    `| rigs | ${groups.join(' | ')} | elsewhere | idle | verifier CPU per share accepted (drain: counted) |`,
    `| ---: | ${groups.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`,
    ...run.steps.map((step) =>
      cpuRow(String(step.rigs), step, verifierMicros(step, rate(accepted, step.from, step.to))),
    ),
    cpuRow('0 (drain)', run.drain, verifierMicros(run.drain, drainRate)),
    '',
    `Windows: ${int(windows.windows)} rows, ${int(windows.closed)} closed, ${int(windows.closedEventsPublished)} ` +
      `delivery.window-closed.v1 published; the tallies hold ${int(windows.counted)} valid + ` +
      `${int(windows.rejected)} rejected = ${int(windows.counted + windows.rejected)} of the run's ` +
      `${int(produced.points.at(-1)?.count ?? 0)} judged-share events. ` +
      `Rigs: ${int(last?.submitted ?? 0)} submitted, ${int(last?.accepted ?? 0)} accepted, ` +
      `${int(last?.rejected ?? 0)} rejected, ${run.reconnects} reconnects.`,
    '',
  ].join('\n');
}
