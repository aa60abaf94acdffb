import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from './role';

@Entity({ name: 'accounts' })
export class Account {
  @PrimaryColumn('uuid')
  id!: string;

  /** As given at sign-up; unique and looked up case-insensitively through an index on lower(email). */
  @Column('text')
  email!: string;

  /** PHC-style scrypt string (see password-hasher.ts); never leaves the service. */
  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text')
  role!: Role;

  /** Millisecond precision, so a pagination cursor round-trips through a JavaScript Date exactly. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
