import type Stripe from 'stripe';
import { StripeApiError } from '../stripe-error';
import { newId } from './ids';
import { found } from './stand-in-store';
import { type EventCause, nowSeconds, type StateContext } from './state-context';

export interface NewTransfer {
  readonly amount: number;
  readonly currency: string;
  readonly destination: string;
  readonly transferGroup: string | null;
  readonly description: string | null;
  readonly sourceTransaction: string | null;
  readonly metadata: Stripe.Metadata;
}

/** Transfers from the platform to connected accounts (separate charges and transfers). */
export class Transfers {
  constructor(private readonly context: StateContext) {}

  create(input: NewTransfer, cause: EventCause): Stripe.Transfer {
    const { store } = this.context;
    const destination = found(store.accounts, input.destination, {
      object: 'destination',
      param: 'destination',
      statusCode: 400,
    });
    if (destination.capabilities?.transfers !== 'active') {
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: 'insufficient_capabilities_for_transfer',
        param: 'destination',
        message:
          'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      });
    }
    if (input.sourceTransaction !== null) {
      found(store.charges, input.sourceTransaction, {
        object: 'charge',
        param: 'source_transaction',
        statusCode: 400,
      });
    }
    const id = newId.transfer();
    // Stripe's lists carry total_count, which the SDK's ApiList type leaves out.
    const reversals = {
      object: 'list' as const,
      data: [],
      has_more: false,
      total_count: 0,
      url: `/v1/transfers/${id}/reversals`,
    };
    const transfer: Stripe.Transfer = {
      id,
      object: 'transfer',
      amount: input.amount,
      amount_reversed: 0,
      balance_transaction: newId.balanceTransaction(),
      created: nowSeconds(this.context),
      currency: input.currency,
      description: input.description,
      destination: destination.id,
      destination_payment: newId.destinationPayment(),
      livemode: false,
      metadata: input.metadata,
      reversals,
      reversed: false,
      source_transaction: input.sourceTransaction,
      source_type: 'card',
      transfer_group: input.transferGroup,
    };
    store.transfers.set(id, transfer);
    this.context.events.emit({ type: 'transfer.created', object: transfer, cause });
    return transfer;
  }

  retrieve(id: string): Stripe.Transfer {
    return found(this.context.store.transfers, id, { object: 'transfer', param: 'transfer' });
  }
}
