import { parseStandInArguments } from './cli/stand-in-arguments';
import { StripeStandIn } from './stripe-stand-in';

const log = (line: string) => process.stderr.write(`stripe-stand-in: ${line}\n`);

async function main(): Promise<void> {
  const config = parseStandInArguments(process.argv.slice(2), process.env);
  const standIn = new StripeStandIn(config, { log });
  await standIn.start();
  log(
    `listening on ${standIn.url}: Stripe API under /v1, controls under /_stand-in (API version ${config.apiVersion})`,
  );
  log(
    `point the SDK at it: new Stripe('sk_test_…', { host: '${config.host}', port: ${standIn.port}, protocol: 'http' })`,
  );
  log(
    config.webhook
      ? `delivering events to ${config.webhook.url} (up to ${config.retry.maxAttempts} attempts each)`
      : 'no --webhook-url: events are recorded (GET /_stand-in/events) but not delivered',
  );
  const shutdown = () => {
    standIn.stop().then(
      () => log('stopped'),
      (error: unknown) => log(`stop failed: ${String(error)}`),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
