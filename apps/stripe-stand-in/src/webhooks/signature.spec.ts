import Stripe from 'stripe';
import { signatureHeader } from './signature';

const SECRET = 'whsec_standInUnitTestSecret0123456789';
// The SDK verifies without any API call; the key only has to be present.
const stripe = new Stripe('sk_test_unused');
const payload = JSON.stringify(
  { id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1' } } },
  null,
  2,
);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('signatureHeader', () => {
  it('has the form Stripe sends: t=<unix seconds>,v1=<64 hex digits>', () => {
    expect(signatureHeader(payload, SECRET, 1_700_000_000)).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
  });

  it('is what the official SDK computes for the same payload, secret and time', () => {
    const timestamp = 1_700_000_123;
    expect(signatureHeader(payload, SECRET, timestamp)).toBe(
      stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp }),
    );
  });

  it('is accepted by stripe.webhooks.constructEvent, which returns the event', () => {
    const event = stripe.webhooks.constructEvent(payload, signatureHeader(payload, SECRET, nowSeconds()), SECRET);
    expect(event.id).toBe('evt_1');
    expect(event.type).toBe('payment_intent.succeeded');
  });

  it('is accepted for the raw body as a Buffer, as a receiver reads it', () => {
    const header = signatureHeader(payload, SECRET, nowSeconds());
    expect(() => stripe.webhooks.constructEvent(Buffer.from(payload, 'utf8'), header, SECRET)).not.toThrow();
  });

  it('is rejected for a tampered payload', () => {
    const header = signatureHeader(payload, SECRET, nowSeconds());
    const tampered = payload.replace('pi_1', 'pi_2');
    expect(() => stripe.webhooks.constructEvent(tampered, header, SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('is rejected under another secret', () => {
    const header = signatureHeader(payload, SECRET, nowSeconds());
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_someoneElse')).toThrow(
      /No signatures found matching the expected signature/,
    );
  });

  it('is rejected once older than the SDK default tolerance of 300 s, and accepted just inside it', () => {
    const tooOld = signatureHeader(payload, SECRET, nowSeconds() - 301);
    expect(() => stripe.webhooks.constructEvent(payload, tooOld, SECRET)).toThrow(
      /Timestamp outside the tolerance zone/,
    );
    const recent = signatureHeader(payload, SECRET, nowSeconds() - 290);
    expect(() => stripe.webhooks.constructEvent(payload, recent, SECRET)).not.toThrow();
  });
});
