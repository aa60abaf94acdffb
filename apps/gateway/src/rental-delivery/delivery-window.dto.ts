import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { DeliveryWindow } from './delivery-window.entity';
import { type Measurement, verdicts } from './measurement';

export const measurementSchema = z.object({
  measuredSeconds: z.number().describe("seconds the provider answers for: the span less the renter's pool downtime"),
  acceptedShares: z.number().int(),
  deliveredWork: z.number().describe('the sum of the assigned difficulties of accepted shares (difficulty-1 units)'),
  estimatedHashrate: z.number().describe('H/s'),
  lower: z.number().describe('H/s, lower end of the 95% interval'),
  upper: z.number().describe('H/s, upper end of the 95% interval'),
  pValue: z.number().nullable().describe('of the one-sided under-delivery test; null without measured time'),
  verdict: z.enum(verdicts),
});

export const rejectedByReasonSchema = z
  .record(z.string(), z.number().int())
  .describe('rejected shares by reason, e.g. {"duplicate": 3, "low-difficulty": 1}');

export const deliveryWindowViewSchema = z.object({
  windowIndex: z.number().int().describe('0 for the first window from the contract start'),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  closedAt: z.iso.datetime(),
  window: measurementSchema.describe('this window alone'),
  rejectedByReason: rejectedByReasonSchema,
  poolDisagreements: z.number().int().describe('shares we judged valid and the pool refused, or the reverse'),
  blockCandidates: z.number().int(),
  poolDownSeconds: z.number(),
  rigConnectedSeconds: z.number(),
  contractToDate: measurementSchema.describe('the contract from its start to the end of this window'),
});

export class DeliveryWindowViewDto extends createZodDto(deliveryWindowViewSchema) {}

export type MeasurementView = z.infer<typeof measurementSchema>;

export type DeliveryWindowView = z.infer<typeof deliveryWindowViewSchema>;

/** Field by field, so the API keeps its shape whatever the stored judgement gains. */
export function measurementView(measurement: Measurement): MeasurementView {
  return {
    measuredSeconds: measurement.measuredSeconds,
    acceptedShares: measurement.acceptedShares,
    deliveredWork: measurement.deliveredWork,
    estimatedHashrate: measurement.estimatedHashrate,
    lower: measurement.lower,
    upper: measurement.upper,
    pValue: measurement.pValue,
    verdict: measurement.verdict,
  };
}

export function deliveryWindowView(window: DeliveryWindow): DeliveryWindowView {
  return {
    windowIndex: window.windowIndex,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    closedAt: window.closedAt.toISOString(),
    window: measurementView(window.measurement),
    rejectedByReason: window.rejectedByReason,
    poolDisagreements: window.poolDisagreements,
    blockCandidates: window.blockCandidates,
    poolDownSeconds: window.poolDownSeconds,
    rigConnectedSeconds: window.rigConnectedSeconds,
    contractToDate: measurementView(window.contractToDate),
  };
}
