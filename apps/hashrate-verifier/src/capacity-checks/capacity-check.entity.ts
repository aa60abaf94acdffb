import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A provider's request to prove a hash rate, measured as the delivery contract with the same id, and its one
 * outcome once the run's last window has closed.
 */
@Entity({ name: 'capacity_checks' })
export class CapacityCheck {
  @PrimaryColumn('uuid', { name: 'check_id' })
  checkId!: string;

  /** The capacity.check-requested event: the completion event is caused by it and shares its correlation id. */
  @Column('uuid', { name: 'request_event_id' })
  requestEventId!: string;

  @Column('text', { name: 'correlation_id' })
  correlationId!: string;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('boolean', { nullable: true })
  passed!: boolean | null;

  @Column('numeric', { name: 'verified_hashrate', precision: 30, scale: 0, nullable: true })
  verifiedHashrate!: string | null;

  @Column('jsonb', { nullable: true })
  judgement!: Record<string, unknown> | null;
}
