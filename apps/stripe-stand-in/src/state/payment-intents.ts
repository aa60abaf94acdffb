import type Stripe from 'stripe';
import { StripeApiError, unexpectedState } from '../stripe-error';
import { DECLINES, type DeclineCode, newCharge } from './charges';
import { newId } from './ids';
import { found } from './stand-in-store';
import { type EventCause, nowSeconds, type StateContext } from './state-context';

export type CaptureMethod = 'automatic' | 'automatic_async' | 'manual';
export type CancellationReason = 'abandoned' | 'duplicate' | 'fraudulent' | 'requested_by_customer';

export interface NewPaymentIntent {
  readonly amount: number;
  readonly currency: string;
  readonly metadata: Stripe.Metadata;
  readonly description: string | null;
  readonly captureMethod: CaptureMethod;
  /** null when `payment_method_types` was given instead. */
  readonly automaticPaymentMethods: Stripe.PaymentIntent.AutomaticPaymentMethods | null;
  readonly transferGroup: string | null;
  readonly receiptEmail: string | null;
  readonly statementDescriptorSuffix: string | null;
}

/** Statuses Stripe lets a PaymentIntent be canceled from (any other answers payment_intent_unexpected_state). */
const CANCELABLE: readonly Stripe.PaymentIntent.Status[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];
/** Statuses in which the customer can still pay: what the stand-in's succeed/fail controls act on. */
const AWAITING_PAYMENT: readonly Stripe.PaymentIntent.Status[] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
];

/** The PaymentIntent lifecycle: created awaiting a card, then paid (or authorized), declined, captured or canceled. */
export class PaymentIntents {
  constructor(private readonly context: StateContext) {}

  create(input: NewPaymentIntent, cause: EventCause): Stripe.PaymentIntent {
    const id = newId.paymentIntent();
    const intent: Stripe.PaymentIntent = {
      id,
      object: 'payment_intent',
      allowed_payment_method_types: null,
      amount: input.amount,
      amount_capturable: 0,
      amount_details: { tip: {} },
      amount_received: 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: input.automaticPaymentMethods,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: input.captureMethod,
      client_secret: newId.clientSecret(id),
      confirmation_method: 'automatic',
      created: nowSeconds(this.context),
      currency: input.currency,
      customer: null,
      customer_account: null,
      description: input.description,
      excluded_payment_method_types: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      managed_payments: null,
      metadata: input.metadata,
      next_action: null,
      on_behalf_of: null,
      payment_method: null,
      payment_method_configuration_details: null,
      payment_method_options: {
        card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
      },
      payment_method_types: ['card'],
      payment_record: null,
      processing: null,
      receipt_email: input.receiptEmail,
      review: null,
      setup_future_usage: null,
      shipping: null,
      source: null,
      statement_descriptor: null,
      statement_descriptor_suffix: input.statementDescriptorSuffix,
      status: 'requires_payment_method',
      transfer_data: null,
      transfer_group: input.transferGroup,
    };
    this.context.store.paymentIntents.set(id, intent);
    this.emit('payment_intent.created', intent, cause);
    return intent;
  }

  retrieve(id: string): Stripe.PaymentIntent {
    return found(this.context.store.paymentIntents, id, { object: 'payment_intent', param: 'intent' });
  }

  cancel(id: string, reason: CancellationReason | null, cause: EventCause): Stripe.PaymentIntent {
    const intent = this.retrieve(id);
    if (!CANCELABLE.includes(intent.status)) {
      throw unexpectedState(
        'payment_intent_unexpected_state',
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
        intent,
      );
    }
    const authorized = this.latestCharge(intent);
    if (intent.status === 'requires_capture' && authorized) {
      // Canceling releases the authorization: Stripe shows the uncaptured charge as refunded in full.
      authorized.refunded = true;
      authorized.amount_refunded = authorized.amount;
    }
    intent.status = 'canceled';
    intent.canceled_at = nowSeconds(this.context);
    intent.cancellation_reason = reason;
    intent.amount_capturable = 0;
    this.emit('payment_intent.canceled', intent, cause);
    return intent;
  }

  capture(id: string, amountToCapture: number | undefined, cause: EventCause): Stripe.PaymentIntent {
    const intent = this.retrieve(id);
    const charge = this.latestCharge(intent);
    if (intent.status !== 'requires_capture' || !charge) {
      throw unexpectedState(
        'payment_intent_unexpected_state',
        `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
        intent,
      );
    }
    const amount = amountToCapture ?? intent.amount_capturable;
    if (amount > intent.amount_capturable) {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'amount_too_large',
        param: 'amount_to_capture',
        message: `The amount to capture (${amount}) is greater than the amount capturable (${intent.amount_capturable}).`,
      });
    }
    charge.captured = true;
    charge.amount_captured = amount;
    charge.balance_transaction = newId.balanceTransaction();
    intent.status = 'succeeded';
    intent.amount_received = amount;
    intent.amount_capturable = 0;
    this.emit('charge.captured', charge, cause);
    this.emit('payment_intent.succeeded', intent, cause);
    return intent;
  }

  /** The customer's card payment goes through (what Stripe.js confirming with a working card does). */
  succeed(id: string, cause: EventCause): Stripe.PaymentIntent {
    const intent = this.awaitingPayment(id, 'succeed');
    const charge = newCharge(intent, { paymentMethod: newId.paymentMethod(), created: nowSeconds(this.context) });
    this.context.store.charges.set(charge.id, charge);
    intent.payment_method = charge.payment_method;
    intent.latest_charge = charge.id;
    intent.last_payment_error = null;
    this.emit('charge.succeeded', charge, cause);
    if (charge.captured) {
      intent.status = 'succeeded';
      intent.amount_received = intent.amount;
      this.emit('payment_intent.succeeded', intent, cause);
    } else {
      intent.status = 'requires_capture';
      intent.amount_capturable = intent.amount;
      this.emit('payment_intent.amount_capturable_updated', intent, cause);
    }
    return intent;
  }

  /** The customer's card is declined: the intent goes back to awaiting a payment method, with the error. */
  fail(id: string, decline: DeclineCode, cause: EventCause): Stripe.PaymentIntent {
    const intent = this.awaitingPayment(id, 'fail');
    const charge = newCharge(intent, {
      paymentMethod: newId.paymentMethod(),
      created: nowSeconds(this.context),
      decline,
    });
    this.context.store.charges.set(charge.id, charge);
    intent.status = 'requires_payment_method';
    intent.latest_charge = charge.id;
    // A declined payment method is detached from the intent; the error keeps the details.
    intent.payment_method = null;
    intent.last_payment_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: decline,
      message: DECLINES[decline],
      charge: charge.id,
      doc_url: 'https://stripe.com/docs/error-codes/card-declined',
    };
    this.emit('charge.failed', charge, cause);
    this.emit('payment_intent.payment_failed', intent, cause);
    return intent;
  }

  private awaitingPayment(id: string, action: string): Stripe.PaymentIntent {
    const intent = this.retrieve(id);
    if (!AWAITING_PAYMENT.includes(intent.status)) {
      throw unexpectedState(
        'payment_intent_unexpected_state',
        `The stand-in cannot ${action} a payment on this PaymentIntent because it has a status of ${intent.status}; only ${AWAITING_PAYMENT.join(', ')} await one.`,
        intent,
      );
    }
    return intent;
  }

  private latestCharge(intent: Stripe.PaymentIntent): Stripe.Charge | undefined {
    const id = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
    return id === undefined ? undefined : this.context.store.charges.get(id);
  }

  private emit(type: Stripe.Event.Type, object: object, cause: EventCause): void {
    this.context.events.emit({ type, object, cause });
  }
}
