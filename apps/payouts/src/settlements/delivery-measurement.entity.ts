import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The verifier's last word on a rental's delivery; one per rental, the first announcement kept. */
@Entity({ name: 'delivery_measurements' })
export class DeliveryMeasurement {
  @PrimaryColumn('uuid', { name: 'rental_id' })
  rentalId!: string;

  /** The measured period: the contract's start to its end, or to when it was cancelled or terminated. */
  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  /** H/s; numeric because exahash rates overflow a JavaScript number. */
  @Column('numeric', { name: 'contracted_hashrate', precision: 30, scale: 0 })
  contractedHashrate!: string;

  @Column('double precision', { name: 'measured_seconds' })
  measuredSeconds!: number;

  @Column('double precision', { name: 'pool_down_seconds' })
  poolDownSeconds!: number;

  /** Difficulty-1 shares (2^32 hashes each). */
  @Column('double precision', { name: 'delivered_work' })
  deliveredWork!: number;

  @Column('text')
  verdict!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
