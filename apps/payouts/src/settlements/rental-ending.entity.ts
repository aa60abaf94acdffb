import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { RentalEndStatus } from './rental-ending';

/** How and when a paid rental ended, as contracts announced it; one per rental, the first announcement kept. */
@Entity({ name: 'rental_endings' })
export class RentalEnding {
  @PrimaryColumn('uuid', { name: 'rental_id' })
  rentalId!: string;

  @Column('text')
  status!: RentalEndStatus;

  @Column('timestamptz', { name: 'ended_at' })
  endedAt!: Date;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
