import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { freePort, waitFor } from '@hashproof/testing';
import Stripe from 'stripe';
import { StripeStandIn } from './stripe-stand-in';

const API_KEY = 'sk_test_standInIntegration';
const OTHER_API_KEY = 'sk_test_standInIntegrationOther';
const WEBHOOK_SECRET = 'whsec_standInIntegrationSecret';

interface Delivery {
  readonly event: Stripe.Event;
  readonly raw: string;
  readonly signature: string;
}

/** A webhook endpoint as an integration writes one: it verifies the raw body with the SDK before trusting it. */
class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  readonly rejected: string[] = [];
  /** Event types to answer 500 to, with how many times. */
  readonly failures = new Map<string, number>();
  private readonly server: Server;
  private readonly stripe = new Stripe(API_KEY);

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks);
        const signature = String(request.headers['stripe-signature']);
        let event: Stripe.Event;
        try {
          event = this.stripe.webhooks.constructEvent(raw, signature, WEBHOOK_SECRET);
        } catch (error) {
          this.rejected.push(String(error));
          response.writeHead(400).end();
          return;
        }
        const failuresLeft = this.failures.get(event.type) ?? 0;
        if (failuresLeft > 0) {
          this.failures.set(event.type, failuresLeft - 1);
          response.writeHead(500).end('not now');
          return;
        }
        this.deliveries.push({ event, raw: raw.toString('utf8'), signature });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      });
    });
  }

  async listen(port: number): Promise<string> {
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${port}/v1/webhooks/stripe`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  ofObject(type: Stripe.Event.Type, objectId: string): Delivery[] {
    return this.deliveries.filter(
      (delivery) => delivery.event.type === type && objectIdOf(delivery.event) === objectId,
    );
  }

  of(id: string): Delivery[] {
    return this.deliveries.filter((delivery) => delivery.event.id === id);
  }

  async next(type: Stripe.Event.Type, objectId: string): Promise<Delivery> {
    return waitFor(async () => this.ofObject(type, objectId)[0], {
      timeoutMs: 10_000,
      intervalMs: 25,
      what: `${type} for ${objectId}`,
    });
  }
}

function objectIdOf(event: Stripe.Event): string | undefined {
  return (event.data.object as { id?: string }).id;
}

interface EventListing {
  readonly data: {
    readonly event: Stripe.Event;
    readonly deliveries: { status: number | null; delivered: boolean }[];
  }[];
}

/** The SDK drives everything Stripe's API offers; only what a customer or Stripe itself would do goes through /_stand-in. */
describe('the stripe SDK against the Stripe stand-in', () => {
  jest.setTimeout(30_000);
  const receiver = new WebhookReceiver();
  let standIn: StripeStandIn;
  let stripe: Stripe;

  const control = async <T>(path: string, form?: Record<string, string>): Promise<T> => {
    const init = form === undefined && path === 'events' ? {} : { method: 'POST', body: new URLSearchParams(form) };
    const response = await fetch(`${standIn.url}/_stand-in/${path}`, init);
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const newIntent = (idempotencyKey?: string) =>
    stripe.paymentIntents.create(
      { amount: 4200, currency: 'usd', metadata: { rentalId: 'rental-1' }, description: 'rental-1' },
      idempotencyKey === undefined ? undefined : { idempotencyKey },
    );

  beforeAll(async () => {
    const webhookUrl = await receiver.listen(await freePort());
    standIn = new StripeStandIn({
      host: '127.0.0.1',
      port: await freePort(),
      apiVersion: Stripe.API_VERSION,
      apiKeys: [API_KEY, OTHER_API_KEY],
      webhook: { url: webhookUrl, secret: WEBHOOK_SECRET },
      retry: { maxAttempts: 4, initialDelayMs: 200, maxDelayMs: 1000, timeoutMs: 2000 },
    });
    const port = await standIn.start();
    stripe = new Stripe(API_KEY, { host: '127.0.0.1', port, protocol: 'http' });
  });
  afterAll(async () => {
    await standIn.stop();
    await receiver.close();
  });

  it('creates a PaymentIntent once per idempotency key: the same request again replays the same intent', async () => {
    const first = await newIntent('rental-1-payment');
    const again = await newIntent('rental-1-payment');

    expect(first).toMatchObject({
      object: 'payment_intent',
      amount: 4200,
      currency: 'usd',
      status: 'requires_payment_method',
      metadata: { rentalId: 'rental-1' },
      livemode: false,
    });
    expect(first.id).toMatch(/^pi_/);
    expect(first.client_secret).toMatch(new RegExp(`^${first.id}_secret_`));
    expect(again.id).toBe(first.id);
    expect(again.client_secret).toBe(first.client_secret);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(again.lastResponse.headers['original-request']).toBe(first.lastResponse.requestId);
    expect(first.lastResponse.requestId).toMatch(/^req_/);
    const created = await receiver.next('payment_intent.created', first.id);
    expect(created.event.request).toEqual({ id: first.lastResponse.requestId, idempotency_key: 'rental-1-payment' });
    expect(receiver.ofObject('payment_intent.created', first.id)).toHaveLength(1);
  });

  it('refuses the idempotency key with other parameters (StripeIdempotencyError), and keys are per API key', async () => {
    await newIntent('rental-2-payment');
    const conflicting = stripe.paymentIntents.create(
      { amount: 9900, currency: 'usd' },
      { idempotencyKey: 'rental-2-payment' },
    );
    await expect(conflicting).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    await expect(conflicting).rejects.toMatchObject({
      statusCode: 400,
      rawType: 'idempotency_error',
      message: expect.stringContaining("Try using a key other than 'rental-2-payment'") as unknown,
    });

    const otherAccount = new Stripe(OTHER_API_KEY, { host: '127.0.0.1', port: standIn.port, protocol: 'http' });
    const theirs = await otherAccount.paymentIntents.create(
      { amount: 9900, currency: 'usd' },
      { idempotencyKey: 'rental-2-payment' },
    );
    expect(theirs.amount).toBe(9900);
  });

  it('retrieves and cancels an intent, and answers Stripe errors for unknown ids, bad states and bad parameters', async () => {
    const intent = await newIntent();
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');

    const canceled = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    await receiver.next('payment_intent.canceled', intent.id);

    await expect(stripe.paymentIntents.cancel(intent.id)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'payment_intent_unexpected_state',
    });
    await expect(stripe.paymentIntents.retrieve('pi_doesNotExist')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
      param: 'intent',
      message: "No such payment_intent: 'pi_doesNotExist'",
      doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
    });
    await expect(stripe.paymentIntents.create({ amount: 10, currency: 'usd' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'amount_too_small',
      param: 'amount',
    });
    await expect(stripe.paymentIntents.create({ amount: 4200, currency: 'usd', confirm: true })).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'confirm',
    });
  });

  it('delivers payment_intent.succeeded and payment_intent.payment_failed as Stripe signs them', async () => {
    const intent = await newIntent();
    const declined = await control<Stripe.PaymentIntent>(`payment_intents/${intent.id}/fail`, {
      decline_code: 'insufficient_funds',
    });
    expect(declined.status).toBe('requires_payment_method');
    const failed = await receiver.next('payment_intent.payment_failed', intent.id);
    expect(failed.event.data.object).toMatchObject({
      last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' },
    });

    await control(`payment_intents/${intent.id}/succeed`);
    const succeeded = await receiver.next('payment_intent.succeeded', intent.id);
    expect(succeeded.event).toMatchObject({
      object: 'event',
      api_version: Stripe.API_VERSION,
      livemode: false,
      pending_webhooks: 1,
      data: {
        object: { id: intent.id, status: 'succeeded', amount_received: 4200, metadata: { rentalId: 'rental-1' } },
      },
    });
    expect(succeeded.event.id).toMatch(/^evt_/);
    expect(succeeded.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const paid = await stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge'] });
    expect(paid.latest_charge).toMatchObject({ object: 'charge', status: 'succeeded', amount_captured: 4200 });
    expect(receiver.rejected).toEqual([]);
  });

  it('creates and retrieves a connected account, refunds a payment and transfers to the account', async () => {
    const account = await stripe.accounts.create({
      type: 'express',
      country: 'US',
      email: 'provider@example.com',
      capabilities: { transfers: { requested: true }, card_payments: { requested: true } },
    });
    expect(account.id).toMatch(/^acct_/);
    expect(await stripe.accounts.retrieve(account.id)).toMatchObject({
      object: 'account',
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      capabilities: { transfers: 'active', card_payments: 'active' },
    });

    const intent = await newIntent();
    await control(`payment_intents/${intent.id}/succeed`);
    const refund = await stripe.refunds.create(
      { payment_intent: intent.id, amount: 1200 },
      { idempotencyKey: 'refund-1' },
    );
    const replayed = await stripe.refunds.create(
      { payment_intent: intent.id, amount: 1200 },
      { idempotencyKey: 'refund-1' },
    );
    expect(refund).toMatchObject({ object: 'refund', amount: 1200, status: 'succeeded', payment_intent: intent.id });
    expect(refund.id).toMatch(/^re_/);
    expect(replayed.id).toBe(refund.id);
    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 3001 })).rejects.toMatchObject({
      code: 'amount_too_large',
      param: 'amount',
    });
    expect(refund.charge).toEqual(expect.stringMatching(/^ch_/));
    const refunded = await receiver.next('charge.refunded', refund.charge as string);
    expect(refunded.event.data.object).toMatchObject({ amount_refunded: 1200, refunded: false });

    const transfer = await stripe.transfers.create(
      { amount: 2500, currency: 'usd', destination: account.id, transfer_group: 'rental-1' },
      { idempotencyKey: 'payout-1' },
    );
    expect(transfer).toMatchObject({ object: 'transfer', amount: 2500, destination: account.id, reversed: false });
    expect(transfer.id).toMatch(/^tr_/);
    expect(
      (
        await stripe.transfers.create(
          { amount: 2500, currency: 'usd', destination: account.id, transfer_group: 'rental-1' },
          { idempotencyKey: 'payout-1' },
        )
      ).id,
    ).toBe(transfer.id);
    await expect(
      stripe.transfers.create({ amount: 2500, currency: 'usd', destination: 'acct_doesNotExist' }),
    ).rejects.toMatchObject({ code: 'resource_missing', param: 'destination' });
  });

  it('refuses an API key it does not accept, or a live one, with 401 (StripeAuthenticationError)', async () => {
    for (const key of ['sk_test_notAccepted', 'sk_live_notForAStandIn']) {
      const stranger = new Stripe(key, { host: '127.0.0.1', port: standIn.port, protocol: 'http' });
      const attempt = stranger.paymentIntents.create({ amount: 4200, currency: 'usd' });
      await expect(attempt).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      await expect(attempt).rejects.toMatchObject({
        statusCode: 401,
        message: expect.stringContaining('Invalid API Key provided') as unknown,
      });
    }
  });

  it('delivers a resent event again under the same event id, each delivery signed', async () => {
    const intent = await newIntent();
    await control(`payment_intents/${intent.id}/succeed`);
    const { event } = await receiver.next('payment_intent.succeeded', intent.id);

    const resent = await control<{ attempt: { delivered: boolean; trigger: string } }>(`events/${event.id}/resend`);
    expect(resent.attempt).toMatchObject({ delivered: true, trigger: 'resend' });
    const both = receiver.of(event.id);
    expect(both).toHaveLength(2);
    expect(both[1]?.event).toMatchObject({ id: event.id, type: 'payment_intent.succeeded', pending_webhooks: 0 });
    expect(receiver.rejected).toEqual([]);
  });

  it('retries a delivery the endpoint answered with 500, until it is accepted', async () => {
    receiver.failures.set('payment_intent.canceled', 1);
    const intent = await newIntent();
    await stripe.paymentIntents.cancel(intent.id);
    const delivered = await receiver.next('payment_intent.canceled', intent.id);

    const listing = await control<EventListing>('events');
    const record = listing.data.find((entry) => entry.event.id === delivered.event.id);
    expect(record?.deliveries.map(({ status, delivered: ok }) => ({ status, delivered: ok }))).toEqual([
      { status: 500, delivered: false },
      { status: 200, delivered: true },
    ]);
    expect(receiver.of(delivered.event.id)).toHaveLength(1);
    expect((await stripe.events.retrieve(delivered.event.id)).pending_webhooks).toBe(0);
  });
});
