import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a provider may sell: the hash rate its latest completed capacity check verified. */
@Entity({ name: 'provider_capacities' })
export class ProviderCapacity {
  @PrimaryColumn('uuid', { name: 'provider_id' })
  providerId!: string;

  /** Hashes per second; 0 after a failed check. */
  @Column('numeric', { name: 'verified_hashrate', precision: 31, scale: 0 })
  verifiedHashrate!: string;

  @Column('numeric', { name: 'claimed_hashrate', precision: 31, scale: 0 })
  claimedHashrate!: string;

  @Column('boolean')
  passed!: boolean;

  @Column('uuid', { name: 'check_id' })
  checkId!: string;

  @Column('timestamptz', { name: 'completed_at' })
  completedAt!: Date;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
