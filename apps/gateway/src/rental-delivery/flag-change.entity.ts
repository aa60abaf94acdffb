import type { contractFlagCauses } from '@hashproof/events';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FlagCause = (typeof contractFlagCauses)[number];

export type FlagChangeKind = 'raised' | 'cleared';

/**
 * A flag raised or cleared in a window. Raises and clears come on different topics, so either may arrive
 * first; they are kept as they came and paired when read (see flag-episodes.ts).
 */
@Entity({ name: 'delivery_flag_changes' })
export class FlagChange {
  @PrimaryColumn('uuid', { name: 'rental_id' })
  rentalId!: string;

  @PrimaryColumn('text')
  cause!: FlagCause;

  @PrimaryColumn('integer', { name: 'window_index' })
  windowIndex!: number;

  @PrimaryColumn('text')
  kind!: FlagChangeKind;

  /** raisedAt or clearedAt. */
  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;

  /** The window's judgement and tallies that raised the flag; null for a clear. */
  @Column('jsonb', { nullable: true })
  evidence!: Record<string, unknown> | null;
}
