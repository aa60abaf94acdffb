import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import {
  consumerGroupAtTopicEnds,
  freePort,
  ServiceProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  waitFor,
} from '@hashproof/testing';

const root = path.resolve(__dirname, '../../../../..');
const stripeKey = 'sk_test_listingsIntegration';

/** The built Stripe stand-in as a process: connected accounts for contracts to look up. */
export class StripeStandInProcess {
  /** What it logged, for a failing test to show. */
  readonly output: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<StripeStandInProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [path.join(root, 'dist/apps/stripe-stand-in/src/main.js'), '--host', '127.0.0.1', '--port', String(port)],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const standIn = new StripeStandInProcess(child, `http://127.0.0.1:${port}`);
    child.stderr?.on('data', (chunk: Buffer) => standIn.output.push(chunk.toString()));
    await waitFor(async () => (await fetch(`${standIn.url}/_stand-in/events`).catch(() => null))?.ok === true, {
      what: 'the Stripe stand-in to listen',
    });
    return standIn;
  }

  /** A connected account, onboarded: it can receive payouts. */
  async createAccount(): Promise<string> {
    const response = await fetch(`${this.url}/v1/accounts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stripeKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=express&country=US',
    });
    if (!response.ok) throw new Error(`the stand-in refused to create an account: ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }

  /** As Stripe restricts an account whose onboarding is incomplete. */
  async disablePayouts(accountId: string): Promise<void> {
    const response = await fetch(`${this.url}/_stand-in/accounts/${accountId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'payouts_enabled=false',
    });
    if (!response.ok) throw new Error(`the stand-in refused the change: ${await response.text()}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}

/**
 * The built contracts service as a process on the test database, its internal API on a free port and its
 * Stripe calls going to `stripeApiUrl`. Its consumer group starts at the ends of the topics:
 * the local broker keeps every earlier run's events.
 */
export async function startContractsProcess(stripeApiUrl: string, runId: string): Promise<ServiceProcess> {
  const consumerGroup = `contracts-listings-it-${runId}`;
  await consumerGroupAtTopicEnds(consumerGroup);
  const contracts = new ServiceProcess(
    'contracts',
    {
      DATABASE_URL: testDatabaseUrl('contracts'),
      KAFKA_BROKERS: testKafkaBrokers,
      KAFKA_CONSUMER_GROUP: consumerGroup,
      STRIPE_SECRET_KEY: stripeKey,
      STRIPE_API_URL: stripeApiUrl,
      LOG_LEVEL: 'warn',
    },
    await freePort(),
  );
  await contracts.start();
  return contracts;
}
