import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ListingStatus } from './listing-status';

/** The audit trail of a listing: every status change and who made it. */
@Entity({ name: 'listing_transitions' })
export class ListingTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'listing_id' })
  listingId!: string;

  @Column('text', { name: 'from_status', nullable: true })
  fromStatus!: ListingStatus | null;

  @Column('text', { name: 'to_status' })
  toStatus!: ListingStatus;

  /** e.g. "provider:<id>", "admin:<id>". */
  @Column('text')
  actor!: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
