import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { RunPoolCheckUseCase } from '../pool-checks/run-pool-check.usecase';
import { idempotencyKeySchema, type RentDto } from './rental.dto';
import { InvalidIdempotencyKeyError, PoolCheckFailedError } from './rental.errors';
import { RentalsClient } from './rentals.client';

/**
 * A renter rents hash rate: the verifier first checks the pool the hash rate is to go to, and only a pool
 * that passes reaches contracts, which prices the rental, books the capacity and asks Stripe for the payment.
 */
@Injectable()
export class RentHashrateUseCase {
  constructor(
    private readonly poolChecks: RunPoolCheckUseCase,
    private readonly rentals: RentalsClient,
  ) {}

  async execute(caller: Principal, body: RentDto, idempotencyKeyHeader: string | undefined) {
    const idempotencyKey = keyOf(idempotencyKeyHeader);
    const check = await this.poolChecks.execute(caller, body.pool);
    if (!check.ok) throw new PoolCheckFailedError(check.reason, check.detail);
    return this.rentals.rent(caller, body, idempotencyKey);
  }
}

function keyOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) throw new InvalidIdempotencyKeyError();
  return parsed.data;
}
