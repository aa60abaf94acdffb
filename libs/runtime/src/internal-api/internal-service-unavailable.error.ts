/** An internal call that got no answer: the service is down, unreachable, or slower than the timeout. */
export class InternalServiceUnavailableError extends Error {
  constructor(
    readonly service: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${service} is unavailable: ${reason}`, options);
    this.name = 'InternalServiceUnavailableError';
  }
}
