import { hashesPerSecond, stratumPoolUrl } from '@hashproof/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type CapacityCheck, capacityCheckStatuses } from './capacity-check.entity';
import { capacityCheckMaxSeconds, type CapacityCheckSettings } from './capacity-check-settings';

/** The body of POST /v1/capacity-checks; the duration bounds come from the gateway's config. */
export function capacityCheckRequestSchema({
  minSeconds,
  maxSeconds,
}: Pick<CapacityCheckSettings, 'minSeconds' | 'maxSeconds'>) {
  return z.strictObject({
    hashrate: hashesPerSecond
      .refine((rate) => rate !== '0', 'must be above 0')
      .describe('the hash rate to prove, in H/s as a decimal string: 100 TH/s is "100000000000000"'),
    durationSeconds: z
      .number()
      .int()
      .min(minSeconds, `must be at least ${minSeconds} seconds`)
      .max(maxSeconds, `must be at most ${maxSeconds} seconds`)
      .describe(`how long the rigs mine under the check, at least CAPACITY_CHECK_MIN_SECONDS (600 by default)`),
    pool: z
      .strictObject({
        url: stratumPoolUrl,
        worker: z.string().min(1).max(256),
        password: z.string().max(256).default('x'),
      })
      .describe('the pool the verifier relays the rigs’ work to while it measures them'),
  });
}

export type CapacityCheckRequest = z.output<ReturnType<typeof capacityCheckRequestSchema>>;

/** For the OpenAPI document only: requests are validated against the configured bounds (CapacityCheckRequestPipe). */
export class RequestCapacityCheckDto extends createZodDto(
  capacityCheckRequestSchema({ minSeconds: 1, maxSeconds: capacityCheckMaxSeconds }),
) {}

export class CapacityCheckIdParamsDto extends createZodDto(z.strictObject({ checkId: z.uuid() })) {}

const status = z.enum(capacityCheckStatuses).describe('`running` until the verifier has judged the run');

export class RequestedCapacityCheckDto extends createZodDto(
  z.object({
    checkId: z.uuid(),
    credential: z.string().describe('the worker name to configure on the rigs; any password'),
    stratumUrl: z.string().describe('where the rigs connect for the check'),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    status,
  }),
) {}

const judgementSchema = z.object({
  measuredSeconds: z.number(),
  acceptedShares: z.number().int(),
  estimatedHashrate: z.number().describe('H/s'),
  lower: z.number().describe('lower bound of the 95% interval, H/s'),
  upper: z.number().describe('upper bound of the 95% interval, H/s'),
  pValue: z.number().nullable(),
  verdict: z.enum(['ok', 'under-delivery', 'insufficient-data']),
});

export const capacityCheckViewSchema = z.object({
  checkId: z.uuid(),
  providerId: z.uuid(),
  status,
  claimedHashrate: z.string().describe('H/s'),
  verifiedHashrate: z
    .string()
    .nullable()
    .describe('H/s the provider may sell from now on; 0 after a failed check, null while running'),
  durationSeconds: z.number().int(),
  credential: z.string(),
  stratumUrl: z.string(),
  pool: z.object({ url: z.string(), worker: z.string() }),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  judgement: judgementSchema.nullable(),
  createdAt: z.iso.datetime(),
});

export class CapacityCheckViewDto extends createZodDto(capacityCheckViewSchema) {}

export type CapacityCheckView = z.infer<typeof capacityCheckViewSchema>;

/** What the owner (or an admin) sees of a check; the pool password stays out of responses. */
export function capacityCheckView(check: CapacityCheck, stratumUrl: string): CapacityCheckView {
  return {
    checkId: check.id,
    providerId: check.providerId,
    status: check.status,
    claimedHashrate: check.claimedHashrate,
    verifiedHashrate: check.verifiedHashrate,
    durationSeconds: check.durationSeconds,
    credential: check.credential,
    stratumUrl,
    pool: { url: check.poolUrl, worker: check.poolWorker },
    startsAt: check.startsAt.toISOString(),
    endsAt: check.endsAt.toISOString(),
    completedAt: check.completedAt?.toISOString() ?? null,
    judgement: check.judgement,
    createdAt: check.createdAt.toISOString(),
  };
}
