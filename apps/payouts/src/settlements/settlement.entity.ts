import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** What a rental is worth to its provider, settled later against verified delivery. Money in minor units. */
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
  status!: 'open';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
