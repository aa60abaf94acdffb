import type Stripe from 'stripe';
import { invalidParam, StripeApiError } from '../stripe-error';
import { newId } from './ids';
import { found } from './stand-in-store';
import { type EventCause, nowSeconds, type StateContext } from './state-context';

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';

export interface NewRefund {
  /** Exactly one of the two names what is refunded. */
  readonly paymentIntent?: string;
  readonly charge?: string;
  /** Absent: whatever of the captured amount is not refunded yet. */
  readonly amount?: number;
  readonly reason: RefundReason | null;
  readonly metadata: Stripe.Metadata;
}

/** Refunds of captured card payments; card refunds in test mode succeed at once. */
export class Refunds {
  constructor(private readonly context: StateContext) {}

  create(input: NewRefund, cause: EventCause): Stripe.Refund {
    const charge = this.refundableCharge(input);
    const remaining = charge.amount_captured - charge.amount_refunded;
    if (remaining <= 0) {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'charge_already_refunded',
        message: `Charge ${charge.id} has already been refunded.`,
      });
    }
    const amount = input.amount ?? remaining;
    if (amount > remaining) {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'amount_too_large',
        param: 'amount',
        message: `Refund amount (${amount} ${charge.currency}) is greater than unrefunded amount on charge (${remaining} ${charge.currency})`,
      });
    }
    const refund: Stripe.Refund = {
      id: newId.refund(),
      object: 'refund',
      amount,
      balance_transaction: newId.balanceTransaction(),
      charge: charge.id,
      created: nowSeconds(this.context),
      currency: charge.currency,
      customer: null,
      customer_account: null,
      metadata: input.metadata,
      payment_intent: charge.payment_intent,
      payment_method: charge.payment_method,
      reason: input.reason,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
    };
    this.context.store.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount_captured;
    this.context.events.emit({ type: 'refund.created', object: refund, cause });
    this.context.events.emit({ type: 'charge.refunded', object: charge, cause });
    return refund;
  }

  retrieve(id: string): Stripe.Refund {
    return found(this.context.store.refunds, id, { object: 'refund', param: 'refund' });
  }

  private refundableCharge(input: NewRefund): Stripe.Charge {
    const { store } = this.context;
    if (input.charge !== undefined) {
      const charge = found(store.charges, input.charge, { object: 'charge', param: 'charge', statusCode: 400 });
      if (!charge.captured) {
        throw invalidParam('charge', `Charge ${charge.id} has not been captured, so there is nothing to refund.`);
      }
      return charge;
    }
    const id = input.paymentIntent ?? '';
    const intent = found(store.paymentIntents, id, {
      object: 'payment_intent',
      param: 'payment_intent',
      statusCode: 400,
    });
    const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
    const charge = chargeId === undefined ? undefined : store.charges.get(chargeId);
    if (intent.status !== 'succeeded' || !charge?.captured) {
      throw invalidParam(
        'payment_intent',
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      );
    }
    return charge;
  }
}
