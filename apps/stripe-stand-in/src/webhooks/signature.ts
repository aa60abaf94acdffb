import { createHmac } from 'node:crypto';

/**
 * The `Stripe-Signature` header Stripe sends with a webhook: `t=<unix seconds>,v1=<hex>`, where the hex is the
 * HMAC-SHA256 of `<t>.<raw body>` keyed by the endpoint's whole signing secret (`whsec_…` included), exactly what
 * `stripe.webhooks.constructEvent` recomputes.
 */
export function signatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSeconds},v1=${signature}`;
}
