/** What went wrong in domain terms; the problem-details filter turns the kind into an HTTP status. */
export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unprocessable';

/**
 * Base of the errors use cases throw on purpose. `type` is a stable slug clients may branch on; the
 * message is safe to show to the caller.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  abstract readonly type: string;
}
