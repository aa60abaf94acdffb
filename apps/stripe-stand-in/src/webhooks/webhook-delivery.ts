import { type DeliveryAttempt, type EventLog, type RecordedEvent } from './event-log';
import { retryDelayMs, type RetryPolicy } from './retry-schedule';
import { signatureHeader } from './signature';

export interface WebhookEndpoint {
  readonly url: string;
  /** The endpoint's signing secret, `whsec_…`. */
  readonly secret: string;
}

interface DeliveryDependencies {
  readonly clock: () => number;
  readonly log: (line: string) => void;
}

/**
 * Delivers events to the endpoint as Stripe does: a JSON POST signed in `Stripe-Signature` (signed anew, with a new
 * timestamp, for every attempt), success being any 2xx, anything else (other statuses, redirects, no answer within
 * the timeout) retried with bounded exponential backoff. Events are delivered independently, so a failing one holds
 * no other back and their order is not guaranteed, as with Stripe.
 */
export class WebhookDelivery {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private stopped = false;

  constructor(
    private readonly endpoint: WebhookEndpoint,
    private readonly policy: RetryPolicy,
    private readonly events: EventLog,
    private readonly dependencies: DeliveryDependencies,
  ) {}

  /** Starts the automatic deliveries of a new event, after the API response that caused it has gone out. */
  schedule(record: RecordedEvent): void {
    this.later(0, () => this.automatic(record, 1));
  }

  /** One more delivery of an already delivered (or given up) event, like the Dashboard's "Resend". */
  async resend(record: RecordedEvent): Promise<DeliveryAttempt> {
    return this.attempt(record, 'resend');
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
  }

  private async automatic(record: RecordedEvent, attemptNumber: number): Promise<void> {
    const result = await this.attempt(record, 'automatic');
    if (result.delivered || this.stopped) return;
    const delay = retryDelayMs(attemptNumber, this.policy);
    if (delay === undefined) {
      this.dependencies.log(`gave up delivering ${record.event.id} after ${attemptNumber} attempts`);
      return;
    }
    this.later(delay, () => this.automatic(record, attemptNumber + 1));
  }

  private async attempt(record: RecordedEvent, trigger: DeliveryAttempt['trigger']): Promise<DeliveryAttempt> {
    const { clock } = this.dependencies;
    const payload = JSON.stringify(this.events.current(record), null, 2);
    const startedAt = clock();
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), this.policy.timeoutMs);
    this.inFlight.add(controller);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(this.endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'cache-control': 'no-cache',
          'stripe-signature': signatureHeader(payload, this.endpoint.secret, Math.floor(startedAt / 1000)),
        },
        body: payload,
        redirect: 'manual',
        signal: controller.signal,
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (cause) {
      error = controller.signal.aborted
        ? `no answer within ${this.policy.timeoutMs} ms`
        : cause instanceof Error
          ? describe(cause)
          : String(cause);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    const delivered = status !== null && status >= 200 && status < 300;
    const attempt: DeliveryAttempt = {
      attempt: record.deliveries.length + 1,
      trigger,
      startedAt: new Date(startedAt).toISOString(),
      durationMs: clock() - startedAt,
      status,
      error,
      delivered,
    };
    record.deliveries.push(attempt);
    this.dependencies.log(
      `${record.event.type} ${record.event.id} → ${this.endpoint.url}: ${delivered ? 'delivered' : 'failed'} (${status ?? error})`,
    );
    return attempt;
  }

  private later(delayMs: number, task: () => Promise<void>): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task().catch((error: unknown) => this.dependencies.log(`delivery failed: ${String(error)}`));
    }, delayMs);
    this.timers.add(timer);
  }
}

/** fetch wraps the network error; its cause says what happened (ECONNREFUSED, ECONNRESET…). */
function describe(error: Error): string {
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
