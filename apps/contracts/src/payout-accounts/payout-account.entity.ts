import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where a provider is paid: its Stripe connected account. */
@Entity({ name: 'provider_payout_accounts' })
export class PayoutAccount {
  @PrimaryColumn('uuid', { name: 'provider_id' })
  providerId!: string;

  /** `acct_…` */
  @Column('text', { name: 'stripe_account_id' })
  stripeAccountId!: string;

  /** Whether Stripe said the account could receive payouts when it was submitted; listings go live only then. */
  @Column('boolean', { name: 'payouts_enabled' })
  payoutsEnabled!: boolean;

  /** e.g. "provider:<id>", "admin:<id>". */
  @Column('text', { name: 'updated_by' })
  updatedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
