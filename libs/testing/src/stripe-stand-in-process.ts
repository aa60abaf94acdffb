import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { freePort } from './service-process';
import { waitFor } from './wait-for';

const entry = path.resolve(__dirname, '../../../dist/apps/stripe-stand-in/src/main.js');

export interface StripeStandInOptions {
  /** Where it delivers its signed webhooks (e.g. a gateway's /v1/webhooks/stripe); unset: recorded only. */
  readonly webhookUrl?: string;
  /** `whsec_…`; required with webhookUrl. */
  readonly webhookSecret?: string;
  /** Extra flags, e.g. ['--webhook-max-attempts', '2']. */
  readonly args?: readonly string[];
}

/** The built Stripe stand-in (`npm run build` first) as a process, as `npm start` runs it. */
export interface StripeStandInProcess {
  readonly port: number;
  /** e.g. http://127.0.0.1:40123: Stripe's API under /v1, the stand-in's controls under /_stand-in. */
  readonly url: string;
  /** What it logged (deliveries, retries, errors), for a failing test to show. */
  readonly output: string[];
  /** POSTs to a control endpoint, e.g. control('/payment_intents/pi_…/succeed'); resolves with its JSON. */
  control(pathAndQuery: string, form?: Record<string, string>): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Starts the stand-in on a free port and resolves once it answers. Webhook retries are quick (200 ms doubling
 * to 2 s) so a test sees a retried delivery within seconds.
 */
export async function startStripeStandIn(options: StripeStandInOptions = {}): Promise<StripeStandInProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const webhook = options.webhookUrl
    ? ['--webhook-url', options.webhookUrl, '--webhook-secret', options.webhookSecret ?? '']
    : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      entry,
      '--port',
      String(port),
      ...webhook,
      '--webhook-retry-initial-ms',
      '200',
      '--webhook-retry-max-ms',
      '2000',
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = once(child, 'exit');
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`the stand-in exited: ${output.join('')}`);
      return (await fetch(`${url}/_stand-in/events`)).ok;
    },
    { timeoutMs: 15_000, intervalMs: 100, what: `the Stripe stand-in on port ${port}` },
  );
  return {
    port,
    url,
    output,
    async control(pathAndQuery, form) {
      const response = await fetch(`${url}/_stand-in${pathAndQuery}`, {
        method: 'POST',
        ...(form
          ? {
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams(form).toString(),
            }
          : {}),
      });
      const body: unknown = await response.json();
      if (!response.ok)
        throw new Error(`stand-in ${pathAndQuery} answered ${response.status}: ${JSON.stringify(body)}`);
      return body;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
