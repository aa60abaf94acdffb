import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type SettlementStatus = 'open' | 'final';

/**
 * What a rental is worth to its provider: opened at activation, made final once the rental has ended and the
 * verifier has measured it for the last time. Money in minor units; a final settlement's two amounts add up to
 * the contract's value (a check in the database says so too).
 */
@Entity({ name: 'settlements' })
export class Settlement {
  @PrimaryColumn('uuid', { name: 'rental_id' })
  rentalId!: string;

  @Column('uuid', { name: 'provider_id' })
  providerId!: string;

  @Column('uuid', { name: 'renter_id' })
  renterId!: string;

  @Column('bigint', { name: 'contract_value_minor' })
  contractValueMinor!: string;

  @Column('char', { length: 3 })
  currency!: string;

  @Column('timestamptz', { name: 'period_starts_at' })
  periodStartsAt!: Date;

  @Column('timestamptz', { name: 'period_ends_at' })
  periodEndsAt!: Date;

  @Column('text')
  status!: SettlementStatus;

  @Column('bigint', { name: 'provider_earnings_minor', nullable: true })
  providerEarningsMinor!: string | null;

  @Column('bigint', { name: 'renter_refund_minor', nullable: true })
  renterRefundMinor!: string | null;

  /** Seconds of the contracted hash rate the provider is paid for: delivered work plus the renter's outages. */
  @Column('double precision', { name: 'credited_seconds', nullable: true })
  creditedSeconds!: number | null;

  @Column('timestamptz', { name: 'finalized_at', nullable: true })
  finalizedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
