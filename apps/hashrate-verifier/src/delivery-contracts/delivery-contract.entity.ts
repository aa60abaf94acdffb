import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ContractPurpose } from './contract-purpose';

/**
 * A rental as the verifier sees it: the hash rate a provider must show, and for how long. A capacity check is
 * measured the same way, under the check's id.
 */
@Entity({ name: 'delivery_contracts' })
export class DeliveryContract {
  @PrimaryColumn('uuid', { name: 'rental_id' })
  rentalId!: string;

  @Column('uuid', { name: 'provider_id' })
  providerId!: string;

  @Column('numeric', { name: 'contracted_hashrate', precision: 30, scale: 0 })
  contractedHashrate!: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Column('text', { default: 'rental' })
  purpose!: ContractPurpose;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
