import { stratumPoolUrl } from '@hashproof/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { PoolFailureReason } from '../stratum-proxy/pool-failure';

/** The body of POST /internal/v1/pool-checks: a renter's pool and login, as a rental would use them. */
export class PoolCheckRequestDto extends createZodDto(
  z.strictObject({
    url: stratumPoolUrl,
    worker: z.string().min(1).max(256),
    password: z.string().max(256),
  }),
) {}

/** Why a pool failed its check; `forbidden-address` when its host is on a network checks may not reach. */
export type PoolCheckReason = PoolFailureReason | 'forbidden-address';

export type PoolCheckOutcome =
  | { readonly ok: true; readonly extranonce2Size: number; readonly difficulty: number }
  | { readonly ok: false; readonly reason: PoolCheckReason; readonly detail: string };
