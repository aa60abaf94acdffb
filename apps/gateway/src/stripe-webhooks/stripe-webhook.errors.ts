import { DomainError } from '../problem-details/domain-error';

/** A delivery that does not prove it comes from Stripe: refused with 400 and nothing recorded. */
export class InvalidStripeSignatureError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'invalid-stripe-signature';
}
