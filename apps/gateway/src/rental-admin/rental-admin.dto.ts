import { isoTimestamp, rentalLifecycleStatuses } from '@hashproof/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const reason = (what: string) => z.string().trim().min(1).max(900).describe(what);

export class DisputeRentalDto extends createZodDto(
  z.strictObject({ reason: reason('what is wrong with the rental, for the admin who decides and the audit trail') }),
) {}

export class ResolveDisputeDto extends createZodDto(
  z.strictObject({
    outcome: z
      .enum(['reinstate', 'terminate'])
      .describe('`reinstate`: the dispute is rejected and the rental runs on; `terminate`: it is upheld'),
    reason: reason('why, for the audit trail'),
  }),
) {}

export class TerminateRentalDto extends createZodDto(z.strictObject({ reason: reason('why, for the audit trail') })) {}

const status = z.enum(rentalLifecycleStatuses);

export const rentalTransitionSchema = z.object({
  rentalId: z.uuid(),
  from: status.nullable().describe('null when the rental was opened'),
  to: status,
  actor: z
    .string()
    .describe(
      'who caused it: `renter:<id>`, `admin:<id>`, `stripe:<event id>`, `system:contract-ended`, ' +
        '`payouts:settlement`, …',
    ),
  reason: z.string().nullable(),
  at: isoTimestamp,
});

export class RentalTransitionDto extends createZodDto(rentalTransitionSchema) {}

export const rentalTransitionListSchema = z.object({
  rentalId: z.uuid(),
  items: z.array(rentalTransitionSchema).describe('every status change, oldest first'),
});

export class RentalTransitionListDto extends createZodDto(rentalTransitionListSchema) {}
