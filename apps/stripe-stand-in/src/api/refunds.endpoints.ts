import { type FastifyInstance } from 'fastify';
import { type NewRefund, type RefundReason, type Refunds } from '../state/refunds';
import { type StandInStore } from '../state/stand-in-store';
import { invalidParam } from '../stripe-error';
import { checkExpand, expanded, type Expanders } from './expand';
import { type Params } from './params';
import { type EndpointDependencies, registerEndpoint } from './stripe-endpoint';

const REASONS: readonly RefundReason[] = ['duplicate', 'fraudulent', 'requested_by_customer'];

/** POST /v1/refunds and GET /v1/refunds/:refund. */
export function registerRefundEndpoints(
  app: FastifyInstance,
  dependencies: EndpointDependencies,
  refunds: Refunds,
  store: StandInStore,
): void {
  const expanders: Expanders = {
    charge: (id) => store.charges.get(id),
    payment_intent: (id) => store.paymentIntents.get(id),
  };
  registerEndpoint(
    app,
    {
      method: 'POST',
      url: '/v1/refunds',
      validate: (params) => ({ refund: newRefund(params), expand: checkExpand(params.list('expand'), expanders) }),
      execute: ({ refund, expand }, cause) => expanded(refunds.create(refund, cause), expand, expanders),
    },
    dependencies,
  );
  registerEndpoint(
    app,
    {
      method: 'GET',
      url: '/v1/refunds/:refund',
      validate: (params, path) => ({ id: path.refund ?? '', expand: checkExpand(params.list('expand'), expanders) }),
      execute: ({ id, expand }) => expanded(refunds.retrieve(id), expand, expanders),
    },
    dependencies,
  );
}

function newRefund(params: Params): NewRefund {
  const paymentIntent = params.string('payment_intent');
  const charge = params.string('charge');
  if (paymentIntent === undefined && charge === undefined) {
    throw invalidParam(
      'payment_intent',
      'One of the following params should be provided for this request: payment_intent or charge.',
    );
  }
  if (paymentIntent !== undefined && charge !== undefined) {
    throw invalidParam('charge', 'You may only specify one of these parameters: charge, payment_intent.');
  }
  return {
    ...(paymentIntent === undefined ? {} : { paymentIntent }),
    ...(charge === undefined ? {} : { charge }),
    ...optional('amount', params.integer('amount', { minimum: 1 })),
    reason: params.oneOf('reason', REASONS) ?? null,
    metadata: params.metadata(),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
