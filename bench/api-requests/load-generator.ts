import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import {
  type AutocannonRun,
  type LatencySummary,
  type LoadCommand,
  type LoadReply,
  type LoadResult,
  type PacedRun,
  type RequestSpec,
} from './load-protocol';

/**
 * Child process of the API benchmark: sends the load it is told to and answers with what it measured. One
 * command at a time; it exits when the benchmark disconnects.
 */
const REQUEST_TIMEOUT_MS = 10_000;

const send = (reply: LoadReply) => process.send?.(reply);

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function summary(values: Float64Array): LatencySummary {
  const sorted = values.slice().sort();
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    mean,
  };
}

async function paced(run: PacedRun): Promise<LoadResult> {
  const target = new URL(run.origin);
  const agent = new Agent({ keepAlive: true, maxSockets: run.maxConnections, maxFreeSockets: run.maxConnections });
  if (run.requests.length === 0) throw new RangeError('no requests to send');
  const total = Math.round(run.ratePerSecond * run.seconds);
  const intervalMs = 1000 / run.ratePerSecond;
  const latencies = new Float64Array(total);
  const lags = new Float64Array(total);
  const statuses: Record<string, number> = {};
  let answered = 0;
  let ok = 0;
  let errors = 0;
  let finished = 0;
  let sampleFailure: string | undefined;
  let lastAnswerAt = 0;
  let inFlight = 0;
  let shed = 0;
  const start = performance.now() + 20;
  const allDone = new Promise<void>((resolve) => {
    const done = () => {
      inFlight--;
      finished++;
      if (finished === total) resolve();
    };
    const fire = (index: number) => {
      const due = start + index * intervalMs;
      lags[index] = performance.now() - due;
      inFlight++;
      // The service has fallen this far behind: what is due now is not sent, so the run still ends on time.
      if (inFlight > run.maxConnections) {
        shed++;
        done();
        return;
      }
      const spec = run.requests[index % run.requests.length] as RequestSpec;
      const headers = run.uniqueHeader ? { ...spec.headers, [run.uniqueHeader]: randomUUID() } : spec.headers;
      let settled = false;
      const settle = (status: number | null, body: string) => {
        if (settled) return;
        settled = true;
        if (status === null) {
          errors++;
        } else {
          const now = performance.now();
          lastAnswerAt = Math.max(lastAnswerAt, now);
          answered++;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300) latencies[ok++] = now - due;
          else sampleFailure ??= `${status} ${body.slice(0, 300)}`;
        }
        done();
      };
      const outgoing = request(
        { agent, host: target.hostname, port: target.port, method: spec.method, path: spec.path, headers },
        (response) => {
          const status = response.statusCode ?? 0;
          const keepBody = (status < 200 || status >= 300) && sampleFailure === undefined;
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => {
            if (keepBody) chunks.push(chunk);
          });
          response.on('end', () => settle(status, Buffer.concat(chunks).toString('utf8')));
          response.on('error', () => settle(null, ''));
        },
      );
      outgoing.setTimeout(REQUEST_TIMEOUT_MS, () => outgoing.destroy(new Error('timed out')));
      outgoing.on('error', () => settle(null, ''));
      outgoing.end(spec.body);
    };
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * intervalMs <= now) fire(next++);
      if (next < total) setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await allDone;
  const connections =
    Object.values(agent.sockets).reduce((sum, list) => sum + (list?.length ?? 0), 0) +
    Object.values(agent.freeSockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);
  agent.destroy();
  const sortedLags = lags.slice().sort();
  return {
    seconds: (lastAnswerAt - start) / 1000,
    sent: total - shed,
    notSent: shed,
    statuses,
    errors,
    latency: summary(latencies.subarray(0, ok)),
    sendLag: { p99: percentile(sortedLags, 0.99), max: sortedLags.at(-1) ?? Number.NaN },
    connections: Math.max(connections, answered > 0 ? 1 : 0),
    ...(sampleFailure === undefined ? {} : { sampleFailure }),
  };
}

async function cannon(run: AutocannonRun): Promise<LoadResult> {
  const instance = autocannon({
    url: run.origin,
    connections: run.connections,
    duration: run.seconds,
    timeout: REQUEST_TIMEOUT_MS / 1000,
    requests: run.requests.map((spec) => ({
      method: spec.method,
      path: spec.path,
      headers: { ...spec.headers },
      ...(spec.body === undefined ? {} : { body: spec.body }),
    })),
    // autocannon's correction for a rate-limited run assumes 1 ms between requests (it divides 1 by the
    // per-connection rate per second), which adds made-up samples below each real one: latencies as measured.
    ...(run.overallRate === undefined ? {} : { overallRate: run.overallRate, ignoreCoordinatedOmission: true }),
  });
  const result = await instance;
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[status] = count ?? 0;
  return {
    seconds: result.duration,
    sent: result.requests.sent,
    statuses,
    errors: result.errors,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    connections: result.connections,
  };
}

process.once('disconnect', () => process.exit(0));
process.on('message', (command: LoadCommand) => {
  const run = command.kind === 'paced' ? paced(command) : cannon(command);
  run.then(
    (result) => send({ kind: 'result', result }),
    (error: unknown) => send({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
