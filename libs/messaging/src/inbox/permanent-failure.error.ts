/**
 * Thrown by a handler when an event is valid but can never be applied (e.g. it refers to something
 * that cannot exist). Retrying would not help, so the event is dead-lettered instead of blocking its partition.
 */
export class PermanentFailureError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PermanentFailureError';
  }
}
