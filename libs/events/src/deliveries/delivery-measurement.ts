import { z } from 'zod';

/** The verifier's judgement of a stretch of a rental: work in difficulty-1 shares, the estimate, the test. */
export const deliveryMeasurement = z.object({
  /** Seconds the provider is answerable for: the stretch less the time the renter's pool was down. */
  measuredSeconds: z.number().nonnegative(),
  acceptedShares: z.number().int().nonnegative(),
  deliveredWork: z.number().nonnegative(),
  estimatedHashrate: z.number().nonnegative(),
  lower: z.number().nonnegative(),
  upper: z.number().nonnegative(),
  pValue: z.number().min(0).max(1).nullable(),
  verdict: z.enum(['ok', 'under-delivery', 'insufficient-data']),
});
