import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A rig credential issued when a rental is activated: which contract it mines for, and where to. */
@Entity({ name: 'stratum_credentials' })
export class StratumCredential {
  @PrimaryColumn('text')
  credential!: string;

  @Column('uuid', { name: 'rental_id' })
  rentalId!: string;

  @Column('text', { name: 'upstream_url', nullable: true })
  upstreamUrl!: string | null;

  @Column('text', { name: 'upstream_worker', nullable: true })
  upstreamWorker!: string | null;

  @Column('text', { name: 'upstream_password', nullable: true })
  upstreamPassword!: string | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
