import fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerAccountEndpoints } from './api/accounts.endpoints';
import { registerControlEndpoints } from './api/control.endpoints';
import { FormEncodingError, parseForm } from './api/form-encoding';
import { registerLookupEndpoints } from './api/lookups.endpoints';
import { registerPaymentIntentEndpoints } from './api/payment-intents.endpoints';
import { registerRefundEndpoints } from './api/refunds.endpoints';
import { sendJson, toJson } from './api/stripe-endpoint';
import { registerTransferEndpoints } from './api/transfers.endpoints';
import { type StandInConfig } from './stand-in-config';
import { ConnectedAccounts } from './state/accounts';
import { IdempotencyCache } from './state/idempotency-cache';
import { newId } from './state/ids';
import { PaymentIntents } from './state/payment-intents';
import { Refunds } from './state/refunds';
import { StandInStore } from './state/stand-in-store';
import { Transfers } from './state/transfers';
import { StripeApiError, unrecognizedUrl } from './stripe-error';
import { EventLog } from './webhooks/event-log';
import { WebhookDelivery } from './webhooks/webhook-delivery';

export interface StandInDependencies {
  /** Milliseconds since the epoch. */
  readonly clock?: () => number;
  readonly log?: (line: string) => void;
}

/**
 * A local stand-in for the parts of Stripe's API that hashproof uses, with in-memory state, for the real `stripe` SDK
 * to be pointed at: `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })`. Events are delivered as signed
 * webhooks; what the customer or Stripe would do is triggered through /_stand-in/.
 */
export class StripeStandIn {
  readonly store = new StandInStore();
  readonly events: EventLog;
  private readonly app: FastifyInstance;
  private readonly delivery: WebhookDelivery | undefined;

  constructor(
    private readonly config: StandInConfig,
    dependencies: StandInDependencies = {},
  ) {
    const clock = dependencies.clock ?? Date.now;
    const log = dependencies.log ?? (() => undefined);
    const webhook = config.webhook;
    this.events = new EventLog({
      clock,
      apiVersion: config.apiVersion,
      hasEndpoint: webhook !== undefined,
      onRecorded: (record) => this.delivery?.schedule(record),
    });
    this.delivery = webhook && new WebhookDelivery(webhook, config.retry, this.events, { clock, log });

    const context = { store: this.store, events: this.events, clock };
    const paymentIntents = new PaymentIntents(context);
    const accounts = new ConnectedAccounts(context);
    const endpoints = {
      idempotency: new IdempotencyCache(clock),
      acceptedKeys: config.apiKeys && new Set(config.apiKeys),
    };

    this.app = fastify({ genReqId: () => newId.request(), bodyLimit: 1024 * 1024 });
    // Stripe's v1 API takes form-encoded bodies only.
    this.app.removeAllContentTypeParsers();
    this.app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => {
        try {
          done(null, parseForm(String(body)));
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );
    this.app.addHook('onRequest', async (request, reply) => {
      const version = request.headers['stripe-version'];
      void reply.header('request-id', request.id).header('stripe-version', version ?? config.apiVersion);
    });
    this.app.setErrorHandler((error: FastifyError, request, reply) => {
      const answer = (stripeError: StripeApiError) =>
        sendJson(reply, stripeError.statusCode, toJson(stripeError.toResponse()));
      if (error instanceof StripeApiError) return answer(error);
      if (error instanceof FormEncodingError) {
        return answer(new StripeApiError(400, { type: 'invalid_request_error', message: error.message }));
      }
      // Fastify's own refusals (unsupported media type, body too large…), in Stripe's shape.
      const statusCode = error.statusCode ?? 500;
      if (statusCode < 500) {
        return answer(new StripeApiError(statusCode, { type: 'invalid_request_error', message: error.message }));
      }
      log(`500 on ${request.method} ${request.url} (${request.id}): ${error.stack ?? error.message}`);
      const message = `An unknown error occurred in the Stripe stand-in (request ${request.id}).`;
      return answer(new StripeApiError(500, { type: 'api_error', message }));
    });
    this.app.setNotFoundHandler((request, reply) =>
      sendJson(reply, 404, toJson(unrecognizedUrl(request.method, request.url.split('?')[0] ?? '').toResponse())),
    );

    registerPaymentIntentEndpoints(this.app, endpoints, paymentIntents, this.store);
    registerAccountEndpoints(this.app, endpoints, accounts);
    registerRefundEndpoints(this.app, endpoints, new Refunds(context), this.store);
    registerTransferEndpoints(this.app, endpoints, new Transfers(context), this.store);
    registerLookupEndpoints(this.app, endpoints, this.store, this.events);
    registerControlEndpoints(this.app, { paymentIntents, accounts, events: this.events, delivery: this.delivery });
  }

  /** Listens; resolves with the port. */
  async start(): Promise<number> {
    await this.app.listen({ host: this.config.host, port: this.config.port });
    return this.port;
  }

  async stop(): Promise<void> {
    this.delivery?.stop();
    await this.app.close();
  }

  get port(): number {
    const address = this.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the Stripe stand-in is not listening');
    return address.port;
  }

  /** The base URL, e.g. http://127.0.0.1:12111 (the API under /v1, the controls under /_stand-in). */
  get url(): string {
    const host = this.config.host.includes(':') ? `[${this.config.host}]` : this.config.host;
    return `http://${host}:${this.port}`;
  }
}
