import type { ContractsConfig } from '@hashproof/config';
import Stripe from 'stripe';

/** The official Stripe SDK, configured from STRIPE_SECRET_KEY and STRIPE_API_URL. */
export const STRIPE_CLIENT = Symbol('STRIPE_CLIENT');

export interface StripeHost {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
}

/** Where the SDK sends its requests: undefined (api.stripe.com, its default) unless a URL names another host. */
export function stripeHostOf(apiUrl: string | undefined): StripeHost | undefined {
  if (apiUrl === undefined) return undefined;
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    // URL keeps the brackets of an IPv6 literal; the SDK's http client wants the bare address.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (protocol === 'http' ? 80 : 443) : Number(url.port),
    protocol,
  };
}

/**
 * The same SDK against real Stripe or the local stand-in: only host, port and protocol differ. Retries are
 * safe: the SDK sends every retried POST under one idempotency key.
 */
export function createStripeClient(config: Pick<ContractsConfig, 'STRIPE_SECRET_KEY' | 'STRIPE_API_URL'>): Stripe {
  return new Stripe(config.STRIPE_SECRET_KEY, {
    ...stripeHostOf(config.STRIPE_API_URL),
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'hashproof-contracts' },
  });
}
