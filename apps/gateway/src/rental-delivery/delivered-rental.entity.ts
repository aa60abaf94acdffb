import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who may see a rental's delivery evidence and what was contracted, as rentals.activated.v1 told it. */
@Entity({ name: 'delivery_rentals' })
export class DeliveredRental {
  @PrimaryColumn('uuid', { name: 'rental_id' })
  rentalId!: string;

  @Column('uuid', { name: 'listing_id' })
  listingId!: string;

  @Column('uuid', { name: 'renter_id' })
  renterId!: string;

  @Column('uuid', { name: 'provider_id' })
  providerId!: string;

  /** H/s as a decimal string: exahash rates exceed Number.MAX_SAFE_INTEGER. */
  @Column('numeric', { name: 'contracted_hashrate', precision: 31, scale: 0 })
  contractedHashrate!: string;

  @Column({ type: 'timestamptz', name: 'starts_at', precision: 3 })
  startsAt!: Date;

  @Column({ type: 'timestamptz', name: 'ends_at', precision: 3 })
  endsAt!: Date;

  @Column({ type: 'timestamptz', name: 'activated_at', precision: 3 })
  activatedAt!: Date;
}
