import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RentalStatus } from './rental-status';

/** The audit trail of a rental: every status change, who caused it and why. */
@Entity({ name: 'rental_transitions' })
export class RentalTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'rental_id' })
  rentalId!: string;

  @Column('text', { name: 'from_status', nullable: true })
  fromStatus!: RentalStatus | null;

  @Column('text', { name: 'to_status' })
  toStatus!: RentalStatus;

  /** e.g. "renter:<id>", "admin:<id>", "stripe:<event id>", "system:expiry". */
  @Column('text')
  actor!: string;

  @Column('text', { nullable: true })
  reason!: string | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
