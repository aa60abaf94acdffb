import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { RecordedMove } from './move-rental';
import { disputeOutcomes } from './resolve-dispute.usecase';
import type { RentalTransition } from './rental-transition.entity';

const reason = z.string().trim().min(1).max(900);

export class RentalIdParamsDto extends createZodDto(z.strictObject({ rentalId: z.uuid() })) {}

export class DisputeRentalBodyDto extends createZodDto(z.strictObject({ reason })) {}

export class ResolveDisputeBodyDto extends createZodDto(z.strictObject({ outcome: z.enum(disputeOutcomes), reason })) {}

export class TerminateRentalBodyDto extends createZodDto(z.strictObject({ reason })) {}

export interface RentalTransitionView {
  readonly rentalId: string;
  readonly from: string | null;
  readonly to: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly at: string;
}

export function recordedMoveView(move: RecordedMove): RentalTransitionView {
  return { ...move, at: move.at.toISOString() };
}

export function transitionView(transition: RentalTransition): RentalTransitionView {
  return {
    rentalId: transition.rentalId,
    from: transition.fromStatus,
    to: transition.toStatus,
    actor: transition.actor,
    reason: transition.reason,
    at: transition.occurredAt.toISOString(),
  };
}
