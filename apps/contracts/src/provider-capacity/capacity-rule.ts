import type { RentalStatus } from '../rentals/rental-status';

/** The statuses in which a rental holds its provider's capacity: booked, running, or in dispute. */
export const capacityHoldingStatuses = [
  'pending_payment',
  'active',
  'disputed',
] as const satisfies readonly RentalStatus[];

export interface CapacityRequest {
  readonly providerId: string;
  /** H/s the provider's latest completed check verified; null when it has never completed one. */
  readonly verified: bigint | null;
  /** H/s already held by the provider's rentals. */
  readonly committed: bigint;
  /** H/s the new rental asks for. */
  readonly requested: bigint;
}

/** A rental that would sell hash rate the provider has not shown: refused, never oversold. */
export class InsufficientCapacityError extends Error {
  readonly providerId: string;
  readonly verified: bigint | null;
  readonly committed: bigint;
  readonly requested: bigint;

  constructor(request: CapacityRequest) {
    const verified = request.verified === null ? 'none' : `${request.verified} H/s`;
    super(
      `provider ${request.providerId} cannot take ${request.requested} H/s more: ` +
        `verified ${verified}, committed ${request.committed} H/s, requested ${request.requested} H/s`,
    );
    this.name = 'InsufficientCapacityError';
    this.providerId = request.providerId;
    this.verified = request.verified;
    this.committed = request.committed;
    this.requested = request.requested;
  }
}

/** Committed plus requested may reach the verified hash rate but never exceed it; exact integer arithmetic. */
export function hasCapacityFor({ verified, committed, requested }: CapacityRequest): boolean {
  return verified !== null && requested > 0n && committed + requested <= verified;
}

export function assertCapacityFor(request: CapacityRequest): void {
  if (!hasCapacityFor(request)) throw new InsufficientCapacityError(request);
}
