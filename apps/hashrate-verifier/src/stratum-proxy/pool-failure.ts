export type PoolFailureReason =
  'unreachable' | 'refused-worker' | 'extranonce2-too-small' | 'no-notify' | 'protocol-error';

/** Why the renter's pool cannot be mined to: always the renter's side, never the provider's. */
export class PoolFailure extends Error {
  constructor(
    readonly reason: PoolFailureReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'PoolFailure';
  }
}
