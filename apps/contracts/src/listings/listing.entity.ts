import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ListingStatus } from './listing-status';
import type { ListingAlgorithm } from './listing-terms';

/** Hash rate a provider offers for rent, on its terms. */
@Entity({ name: 'listings' })
export class Listing {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'provider_id' })
  providerId!: string;

  @Column('text')
  status!: ListingStatus;

  @Column('text')
  algorithm!: ListingAlgorithm;

  /** H/s offered; numeric because exahash rates overflow a JavaScript number. */
  @Column('numeric', { precision: 30, scale: 0 })
  hashrate!: string;

  @Column('integer', { name: 'min_duration_seconds' })
  minDurationSeconds!: number;

  @Column('integer', { name: 'max_duration_seconds' })
  maxDurationSeconds!: number;

  /** Integer minor units of `currency` per TH/s per day. */
  @Column('bigint', { name: 'price_per_th_day_minor' })
  pricePerThDayMinor!: string;

  @Column('char', { length: 3 })
  currency!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
