import { type FastifyInstance } from 'fastify';
import type Stripe from 'stripe';
import {
  type CancellationReason,
  type CaptureMethod,
  type NewPaymentIntent,
  type PaymentIntents,
} from '../state/payment-intents';
import { type StandInStore } from '../state/stand-in-store';
import { invalidParam, missingParam } from '../stripe-error';
import { checkChargeAmount } from './amounts';
import { checkExpand, expanded, type Expanders } from './expand';
import { type Params } from './params';
import { type EndpointDependencies, registerEndpoint } from './stripe-endpoint';

const CAPTURE_METHODS: readonly CaptureMethod[] = ['automatic', 'automatic_async', 'manual'];
const CANCELLATION_REASONS: readonly CancellationReason[] = [
  'duplicate',
  'fraudulent',
  'requested_by_customer',
  'abandoned',
];

/** POST /v1/payment_intents, GET /v1/payment_intents/:intent, POST …/cancel and …/capture. */
export function registerPaymentIntentEndpoints(
  app: FastifyInstance,
  dependencies: EndpointDependencies,
  paymentIntents: PaymentIntents,
  store: StandInStore,
): void {
  const expanders: Expanders = { latest_charge: (id) => store.charges.get(id) };
  const respond = (intent: Stripe.PaymentIntent, expand: readonly string[]) => expanded(intent, expand, expanders);
  const expandOf = (params: Params) => checkExpand(params.list('expand'), expanders);

  registerEndpoint(
    app,
    {
      method: 'POST',
      url: '/v1/payment_intents',
      validate: (params) => ({ intent: newPaymentIntent(params), expand: expandOf(params) }),
      execute: ({ intent, expand }, cause) => respond(paymentIntents.create(intent, cause), expand),
    },
    dependencies,
  );
  registerEndpoint(
    app,
    {
      method: 'GET',
      url: '/v1/payment_intents/:intent',
      validate: (params, path) => ({ id: path.intent ?? '', expand: expandOf(params) }),
      execute: ({ id, expand }) => respond(paymentIntents.retrieve(id), expand),
    },
    dependencies,
  );
  registerEndpoint(
    app,
    {
      method: 'POST',
      url: '/v1/payment_intents/:intent/cancel',
      validate: (params, path) => ({
        id: path.intent ?? '',
        reason: params.oneOf('cancellation_reason', CANCELLATION_REASONS) ?? null,
        expand: expandOf(params),
      }),
      execute: ({ id, reason, expand }, cause) => respond(paymentIntents.cancel(id, reason, cause), expand),
    },
    dependencies,
  );
  registerEndpoint(
    app,
    {
      method: 'POST',
      url: '/v1/payment_intents/:intent/capture',
      validate: (params, path) => ({
        id: path.intent ?? '',
        amount: params.integer('amount_to_capture', { minimum: 1 }),
        expand: expandOf(params),
      }),
      execute: ({ id, amount, expand }, cause) => respond(paymentIntents.capture(id, amount, cause), expand),
    },
    dependencies,
  );
}

function newPaymentIntent(params: Params): NewPaymentIntent {
  const amount = params.integer('amount', { required: true, minimum: 1 }) ?? 0;
  const currency = params.currency('currency', { required: true }) ?? '';
  checkChargeAmount(amount, currency);
  return {
    amount,
    currency,
    metadata: params.metadata(),
    description: params.string('description') ?? null,
    captureMethod: params.oneOf('capture_method', CAPTURE_METHODS) ?? 'automatic',
    automaticPaymentMethods: automaticPaymentMethods(params),
    transferGroup: params.string('transfer_group') ?? null,
    receiptEmail: params.string('receipt_email') ?? null,
    statementDescriptorSuffix: params.string('statement_descriptor_suffix', { maxLength: 22 }) ?? null,
  };
}

/** Automatic payment methods are the default; `payment_method_types` (card is all the stand-in takes) turns them off. */
function automaticPaymentMethods(params: Params): Stripe.PaymentIntent.AutomaticPaymentMethods | null {
  const automatic = params.object('automatic_payment_methods');
  const types = params.list('payment_method_types');
  const enabled = automatic?.boolean('enabled', { required: true });
  const allowRedirects = automatic?.oneOf('allow_redirects', ['always', 'never'] as const);
  if (types !== undefined) {
    if (enabled === true) {
      throw invalidParam(
        'automatic_payment_methods',
        'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.',
      );
    }
    if (types.length === 0) throw missingParam('payment_method_types');
    const unsupported = types.find((type) => type !== 'card');
    if (unsupported !== undefined) {
      throw invalidParam('payment_method_types', `The Stripe stand-in only takes card payments, not ${unsupported}.`);
    }
    return null;
  }
  if (enabled === false) return null;
  return allowRedirects === undefined ? { enabled: true } : { enabled: true, allow_redirects: allowRedirects };
}
