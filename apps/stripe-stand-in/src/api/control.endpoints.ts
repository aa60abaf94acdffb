import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { type ConnectedAccounts, CAPABILITY_NAMES, type CapabilityStatus } from '../state/accounts';
import { DECLINES, type DeclineCode } from '../state/charges';
import { type EventCause } from '../state/event-sink';
import { type PaymentIntents } from '../state/payment-intents';
import { invalidParam, resourceMissing, StripeApiError } from '../stripe-error';
import { type EventLog } from '../webhooks/event-log';
import { type WebhookDelivery } from '../webhooks/webhook-delivery';
import { parseForm } from './form-encoding';
import { Params } from './params';
import { bodyOf, queryOf, sendJson, toJson } from './stripe-endpoint';

export interface ControlDependencies {
  readonly paymentIntents: PaymentIntents;
  readonly accounts: ConnectedAccounts;
  readonly events: EventLog;
  /** undefined when no webhook endpoint is configured. */
  readonly delivery: WebhookDelivery | undefined;
}

const CAPABILITY_STATUSES: readonly CapabilityStatus[] = ['active', 'inactive', 'pending'];

/**
 * What happens outside the API in real life (the customer paying or being declined, onboarding, redelivery),
 * under /_stand-in/: no API key, loopback callers only.
 */
export function registerControlEndpoints(app: FastifyInstance, dependencies: ControlDependencies): void {
  const { paymentIntents, accounts, events } = dependencies;
  const cause = (request: FastifyRequest): EventCause => ({ requestId: request.id, idempotencyKey: null });
  const options = { onRequest: loopbackOnly };

  app.post<{ Params: { intent: string } }>(
    '/_stand-in/payment_intents/:intent/succeed',
    options,
    async (request, reply) => {
      // No parameters: act() still refuses any that are sent.
      const intent = act(request, () => () => paymentIntents.succeed(request.params.intent, cause(request)));
      return sendJson(reply, 200, toJson(intent));
    },
  );

  app.post<{ Params: { intent: string } }>(
    '/_stand-in/payment_intents/:intent/fail',
    options,
    async (request, reply) => {
      const intent = act(request, (params) => {
        const decline = params.oneOf('decline_code', Object.keys(DECLINES) as DeclineCode[]) ?? 'generic_decline';
        return () => paymentIntents.fail(request.params.intent, decline, cause(request));
      });
      return sendJson(reply, 200, toJson(intent));
    },
  );

  app.post<{ Params: { account: string } }>('/_stand-in/accounts/:account', options, async (request, reply) => {
    const account = act(request, (params) => {
      const capabilities = params.object('capabilities');
      const change = {
        charges_enabled: params.boolean('charges_enabled'),
        payouts_enabled: params.boolean('payouts_enabled'),
        details_submitted: params.boolean('details_submitted'),
        capabilities: Object.fromEntries(
          CAPABILITY_NAMES.map((name) => [name, capabilities?.oneOf(name, CAPABILITY_STATUSES)]),
        ),
      };
      return () => accounts.change(request.params.account, change, cause(request));
    });
    return sendJson(reply, 200, toJson(account));
  });

  app.get('/_stand-in/events', options, async (request, reply) => {
    const type = act(request, (params) => {
      const wanted = params.string('type');
      return () => wanted;
    });
    const data = events
      .list()
      .filter((record) => type === undefined || record.event.type === type)
      .map((record) => ({ event: events.current(record), deliveries: record.deliveries }));
    return sendJson(reply, 200, toJson({ object: 'list', data }));
  });

  app.post<{ Params: { id: string } }>('/_stand-in/events/:id/resend', options, async (request, reply) => {
    const record = events.get(request.params.id);
    if (!record) throw resourceMissing('event', request.params.id, 'id');
    if (!dependencies.delivery)
      throw invalidParam('id', 'No webhook endpoint is configured, so there is nowhere to resend to.');
    const attempt = await dependencies.delivery.resend(record);
    return sendJson(reply, 200, toJson({ event: record.event.id, attempt }));
  });
}

/** Reads a control request's parameters (form body or query), refuses unknown ones, and only then acts. */
function act<T>(request: FastifyRequest, readParams: (params: Params) => () => T): T {
  const params = new Params(request.method === 'GET' ? parseForm(queryOf(request.url)) : bodyOf(request));
  const action = readParams(params);
  params.rejectUnread();
  return action();
}

async function loopbackOnly(request: FastifyRequest): Promise<void> {
  const address = request.socket.remoteAddress ?? '';
  const loopback = address === '::1' || /^(::ffff:)?127\./.test(address);
  if (!loopback) {
    throw new StripeApiError(403, {
      type: 'invalid_request_error',
      message: 'The stand-in control endpoints answer loopback callers only.',
    });
  }
}
