import type { capacityCheckCompletedV1, EventValue } from '@hashproof/events';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const capacityCheckStatuses = ['running', 'passed', 'failed'] as const;

export type CapacityCheckStatus = (typeof capacityCheckStatuses)[number];

/** How the verifier judged a check's run, as capacity.check-completed.v1 carries it. */
export type CapacityJudgement = EventValue<typeof capacityCheckCompletedV1>['judgement'];

/** The gateway's read model of a capacity check: requested here, judged by the verifier. */
@Entity({ name: 'capacity_checks' })
export class CapacityCheck {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'provider_id' })
  providerId!: string;

  /** Hashes per second the provider claims, as a decimal integer string. */
  @Column('numeric', { name: 'claimed_hashrate', precision: 31, scale: 0 })
  claimedHashrate!: string;

  @Column('integer', { name: 'duration_seconds' })
  durationSeconds!: number;

  /** The worker name the provider's rigs mine this check under at the verifier's stratum endpoint. */
  @Column('text')
  credential!: string;

  @Column('text', { name: 'pool_url' })
  poolUrl!: string;

  @Column('text', { name: 'pool_worker' })
  poolWorker!: string;

  @Column('text', { name: 'pool_password' })
  poolPassword!: string;

  @Column({ type: 'timestamptz', name: 'starts_at', precision: 3 })
  startsAt!: Date;

  @Column({ type: 'timestamptz', name: 'ends_at', precision: 3 })
  endsAt!: Date;

  @Column('text')
  status!: CapacityCheckStatus;

  /** What the provider may sell after the check; null while it runs. */
  @Column('numeric', { name: 'verified_hashrate', precision: 31, scale: 0, nullable: true })
  verifiedHashrate!: string | null;

  @Column('jsonb', { nullable: true })
  judgement!: CapacityJudgement | null;

  @Column({ type: 'timestamptz', name: 'completed_at', precision: 3, nullable: true })
  completedAt!: Date | null;

  /** Millisecond precision, so a pagination cursor round-trips through a JavaScript Date exactly. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
