import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Measurement } from './measurement';

/**
 * One closed delivery window of a rental, as delivery.window-closed.v1 told it: an aggregate, never a row
 * per share. The judgements stay as published (jsonb); what totals are summed from has its own column.
 */
@Entity({ name: 'delivery_windows' })
export class DeliveryWindow {
  @PrimaryColumn('uuid', { name: 'rental_id' })
  rentalId!: string;

  @PrimaryColumn('integer', { name: 'window_index' })
  windowIndex!: number;

  @Column({ type: 'timestamptz', name: 'starts_at', precision: 3 })
  startsAt!: Date;

  @Column({ type: 'timestamptz', name: 'ends_at', precision: 3 })
  endsAt!: Date;

  /** When the verifier closed it (the event's occurredAt). */
  @Column({ type: 'timestamptz', name: 'closed_at', precision: 3 })
  closedAt!: Date;

  @Column('numeric', { name: 'contracted_hashrate', precision: 31, scale: 0 })
  contractedHashrate!: string;

  @Column('integer', { name: 'accepted_shares' })
  acceptedShares!: number;

  @Column('integer', { name: 'rejected_shares' })
  rejectedShares!: number;

  @Column('jsonb', { name: 'rejected_by_reason' })
  rejectedByReason!: Record<string, number>;

  @Column('integer', { name: 'pool_disagreements' })
  poolDisagreements!: number;

  @Column('integer', { name: 'block_candidates' })
  blockCandidates!: number;

  @Column('double precision', { name: 'pool_down_seconds' })
  poolDownSeconds!: number;

  @Column('double precision', { name: 'rig_connected_seconds' })
  rigConnectedSeconds!: number;

  @Column('jsonb')
  measurement!: Measurement;

  @Column('jsonb', { name: 'contract_to_date' })
  contractToDate!: Measurement;
}
