import type Stripe from 'stripe';
import { newId } from './ids';

/** Card declines the stand-in can simulate, with the messages Stripe gives the customer for them. */
export const DECLINES = {
  generic_decline: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  lost_card: 'Your card was declined.',
  stolen_card: 'Your card was declined.',
} as const;
export type DeclineCode = keyof typeof DECLINES;

interface ChargeAttempt {
  readonly paymentMethod: string;
  readonly created: number;
  /** Absent: the card was authorized. */
  readonly decline?: DeclineCode;
}

/** The Charge a card payment attempt on a PaymentIntent creates: authorized (captured or not) or declined. */
export function newCharge(intent: Stripe.PaymentIntent, attempt: ChargeAttempt): Stripe.Charge {
  const declined = attempt.decline !== undefined;
  const captured = !declined && intent.capture_method !== 'manual';
  return {
    id: newId.charge(),
    object: 'charge',
    amount: intent.amount,
    amount_captured: captured ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: captured ? newId.balanceTransaction() : null,
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: null,
      name: null,
      phone: null,
      tax_id: null,
    },
    calculated_statement_descriptor: null,
    captured,
    created: attempt.created,
    currency: intent.currency,
    customer: null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: declined ? 'card_declined' : null,
    failure_message: attempt.decline ? DECLINES[attempt.decline] : null,
    fraud_details: {},
    livemode: false,
    // Stripe copies the PaymentIntent's metadata onto the charges it creates.
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: attempt.decline
      ? {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: 'declined_by_network',
          reason: attempt.decline,
          risk_level: 'normal',
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        }
      : {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: 'approved_by_network',
          reason: null,
          risk_level: 'normal',
          seller_message: 'Payment complete.',
          type: 'authorized',
        },
    paid: !declined,
    payment_intent: intent.id,
    payment_method: attempt.paymentMethod,
    payment_method_details: null,
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status: declined ? 'failed' : 'succeeded',
    transfer_data: null,
    transfer_group: intent.transfer_group,
  };
}
