import Stripe from 'stripe';
import { StripeEventVerifier } from './stripe-event-verifier';
import { InvalidStripeSignatureError } from './stripe-webhook.errors';

const secret = 'whsec_verifierSpecSecret';
const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.created', data: { object: {} } });
const now = () => Math.floor(Date.now() / 1000);
const sign = (body: string, options: { secret?: string; timestamp?: number } = {}) =>
  Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: options.secret ?? secret,
    timestamp: options.timestamp ?? now(),
  });

describe('verifying Stripe webhook deliveries', () => {
  const verifier = new StripeEventVerifier(secret);

  it('accepts the exact bytes Stripe signed', () => {
    expect(verifier.verify(Buffer.from(payload), sign(payload))).toMatchObject({ id: 'evt_1' });
  });

  it('refuses a body changed after signing, even by whitespace', () => {
    const signature = sign(payload);
    const reformatted = JSON.stringify(JSON.parse(payload), null, 2);
    expect(() => verifier.verify(Buffer.from(reformatted), signature)).toThrow(InvalidStripeSignatureError);
  });

  it('refuses another endpoint’s secret', () => {
    expect(() => verifier.verify(Buffer.from(payload), sign(payload, { secret: 'whsec_other' }))).toThrow(
      InvalidStripeSignatureError,
    );
  });

  it('refuses a signature more than 300 s off, accepts one within', () => {
    expect(() => verifier.verify(Buffer.from(payload), sign(payload, { timestamp: now() - 301 }))).toThrow(
      /older than 300 s/,
    );
    expect(() => verifier.verify(Buffer.from(payload), sign(payload, { timestamp: now() - 240 }))).not.toThrow();
  });

  it('refuses a missing or repeated header and a missing body', () => {
    expect(() => verifier.verify(Buffer.from(payload), undefined)).toThrow(InvalidStripeSignatureError);
    expect(() => verifier.verify(Buffer.from(payload), [sign(payload), sign(payload)])).toThrow(
      InvalidStripeSignatureError,
    );
    expect(() => verifier.verify(undefined, sign(payload))).toThrow(InvalidStripeSignatureError);
  });
});
