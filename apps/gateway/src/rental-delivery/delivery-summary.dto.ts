import { contractFlagCauses } from '@hashproof/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { measurementSchema, measurementView, rejectedByReasonSchema } from './delivery-window.dto';
import type { FlagEpisode } from './flag-episodes';
import type { DeliverySummary } from './get-delivery-summary.usecase';

const raisedFlagSchema = z.object({
  cause: z.enum(contractFlagCauses),
  windowIndex: z.number().int().describe('the window that raised it'),
  raisedAt: z.iso.datetime(),
  evidence: z.record(z.string(), z.unknown()).describe("the raising window's judgement and tallies"),
});

const clearedFlagSchema = raisedFlagSchema.extend({
  clearedInWindow: z.number().int(),
  clearedAt: z.iso.datetime(),
});

export const deliverySummarySchema = z.object({
  rentalId: z.uuid(),
  contractedHashrate: z
    .string()
    .nullable()
    .describe('H/s as a decimal string; from the latest window while the activation is pending (admins only)'),
  startsAt: z.iso.datetime().nullable().describe("null while the rental's activation is pending (admins only)"),
  endsAt: z.iso.datetime().nullable(),
  contractToDate: measurementSchema
    .extend({ windowIndex: z.number().int().describe('the latest closed window') })
    .nullable()
    .describe('the judgement of the contract to date after the latest closed window; null before the first'),
  totals: z.object({
    windowsClosed: z.number().int(),
    acceptedShares: z.number().int(),
    rejectedByReason: rejectedByReasonSchema,
    poolDownSeconds: z.number(),
    rigConnectedSeconds: z.number(),
  }),
  flags: z.object({
    open: z.array(raisedFlagSchema).describe('causes that still hold'),
    cleared: z.array(clearedFlagSchema).describe('causes that held and no longer do'),
  }),
});

export class DeliverySummaryDto extends createZodDto(deliverySummarySchema) {}

export type DeliverySummaryView = z.infer<typeof deliverySummarySchema>;

type RaisedFlagView = z.infer<typeof raisedFlagSchema>;
type ClearedFlagView = z.infer<typeof clearedFlagSchema>;

export function deliverySummaryView(summary: DeliverySummary): DeliverySummaryView {
  const { rental, latestWindow, totals } = summary;
  const open: RaisedFlagView[] = [];
  const cleared: ClearedFlagView[] = [];
  for (const episode of summary.flags) {
    const raised = raisedFlagView(episode);
    if (episode.cleared === null) open.push(raised);
    else
      cleared.push({
        ...raised,
        clearedInWindow: episode.cleared.inWindow,
        clearedAt: episode.cleared.at.toISOString(),
      });
  }
  return {
    rentalId: summary.rentalId,
    contractedHashrate: rental?.contractedHashrate ?? latestWindow?.contractedHashrate ?? null,
    startsAt: rental?.startsAt.toISOString() ?? null,
    endsAt: rental?.endsAt.toISOString() ?? null,
    contractToDate: latestWindow
      ? { ...measurementView(latestWindow.contractToDate), windowIndex: latestWindow.windowIndex }
      : null,
    totals: { ...totals, rejectedByReason: { ...totals.rejectedByReason } },
    flags: { open, cleared },
  };
}

function raisedFlagView(episode: FlagEpisode): RaisedFlagView {
  return {
    cause: episode.cause,
    windowIndex: episode.raisedInWindow,
    raisedAt: episode.raisedAt.toISOString(),
    evidence: episode.evidence,
  };
}
