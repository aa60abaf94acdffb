import { type RetryPolicy } from './webhooks/retry-schedule';
import { type WebhookEndpoint } from './webhooks/webhook-delivery';

export interface StandInConfig {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The Stripe API version events are rendered in, and answered when a request names none. */
  readonly apiVersion: string;
  /** The API keys accepted; undefined accepts any test-mode secret key (`sk_test_…`, `rk_test_…`). */
  readonly apiKeys: readonly string[] | undefined;
  /** Where events are delivered; undefined records them without delivering. */
  readonly webhook: WebhookEndpoint | undefined;
  readonly retry: RetryPolicy;
}
