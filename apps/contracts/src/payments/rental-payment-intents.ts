import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import type { Rental } from '../rentals/rental.entity';
import { PaymentProviderUnavailableError, PaymentRefusedError } from './payment.errors';
import { STRIPE_CLIENT } from './stripe-client';

/** Stripe remembers a key's first answer for 24 hours; one key per rental makes its intent unique. */
export const paymentIdempotencyKey = (rentalId: string): string => `rental-${rentalId}-payment`;

/** The rental's PaymentIntents at Stripe, through the official SDK. */
@Injectable()
export class RentalPaymentIntents {
  constructor(@Inject(STRIPE_CLIENT) private readonly stripe: Stripe) {}

  /** Creates the rental's intent, or, asked again, gets Stripe's first answer back: one intent per rental. */
  async open(rental: Pick<Rental, 'id' | 'priceMinor' | 'currency'>): Promise<Stripe.PaymentIntent> {
    const amount = Number(rental.priceMinor);
    if (!Number.isSafeInteger(amount)) throw new PaymentRefusedError(`price ${rental.priceMinor} is out of range`);
    return this.call(() =>
      this.stripe.paymentIntents.create(
        {
          amount,
          currency: rental.currency.toLowerCase(),
          metadata: { rentalId: rental.id },
          automatic_payment_methods: { enabled: true },
          description: `hashproof rental ${rental.id}`,
        },
        { idempotencyKey: paymentIdempotencyKey(rental.id) },
      ),
    );
  }

  async retrieve(paymentIntentId: string): Promise<Stripe.PaymentIntent> {
    return this.call(() => this.stripe.paymentIntents.retrieve(paymentIntentId));
  }

  /**
   * Cancels the intent and resolves with its status afterwards: `canceled`, or, when Stripe refuses because of
   * the intent's state (it succeeded meanwhile, say), the state it is in.
   */
  async cancel(paymentIntentId: string): Promise<Stripe.PaymentIntent.Status> {
    try {
      const canceled = await this.stripe.paymentIntents.cancel(paymentIntentId, { cancellation_reason: 'abandoned' });
      return canceled.status;
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
      if (error.code !== 'payment_intent_unexpected_state') throw error;
      return (await this.retrieve(paymentIntentId)).status;
    }
  }

  /** Stripe's refusals and outages in the terms of this context; anything else is a bug and stays as it is. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError) throw new PaymentRefusedError(error.message);
      if (
        error instanceof Stripe.errors.StripeConnectionError ||
        error instanceof Stripe.errors.StripeAPIError ||
        error instanceof Stripe.errors.StripeRateLimitError
      ) {
        throw new PaymentProviderUnavailableError();
      }
      throw error;
    }
  }
}
