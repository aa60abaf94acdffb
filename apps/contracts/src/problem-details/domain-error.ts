/** What went wrong in domain terms; the problem-details filter turns the kind into an HTTP status. */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable';

/**
 * Base of the errors contracts' use cases throw on purpose. `type` is a stable slug callers may branch on
 * (the gateway relays it unchanged); the message is safe to show to the end user.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  abstract readonly type: string;

  /** Members the problem document carries beyond type and detail, e.g. the statuses a refused move was between. */
  problemExtensions(): Readonly<Record<string, string>> {
    return {};
  }
}
