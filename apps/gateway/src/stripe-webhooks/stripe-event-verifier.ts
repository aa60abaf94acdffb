import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { InvalidStripeSignatureError } from './stripe-webhook.errors';

/** The endpoint's signing secret (`whsec_…`), from STRIPE_WEBHOOK_SECRET. */
export const STRIPE_WEBHOOK_SECRET = Symbol('STRIPE_WEBHOOK_SECRET');

/** Stripe's own default: a signature older (or newer) than this is refused, so a captured delivery cannot be replayed later. */
export const signatureToleranceSeconds = Stripe.webhooks.DEFAULT_TOLERANCE;

/**
 * Verifies a webhook delivery with the official SDK, over the exact bytes received. `Stripe.webhooks` is the
 * SDK's static verifier: the gateway never calls Stripe's API, so it holds no API key at all.
 */
@Injectable()
export class StripeEventVerifier {
  constructor(@Inject(STRIPE_WEBHOOK_SECRET) private readonly secret: string) {}

  verify(rawBody: Buffer | undefined, signature: string | string[] | undefined): Stripe.Event {
    if (typeof signature !== 'string' || signature === '') {
      throw new InvalidStripeSignatureError('the request has no single Stripe-Signature header');
    }
    if (rawBody === undefined) throw new InvalidStripeSignatureError('the request has no JSON body to verify');
    try {
      return Stripe.webhooks.constructEvent(rawBody, signature, this.secret, signatureToleranceSeconds);
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
      throw new InvalidStripeSignatureError(
        `the Stripe-Signature does not verify for this body and endpoint secret, or is older than ${signatureToleranceSeconds} s`,
      );
    }
  }
}
