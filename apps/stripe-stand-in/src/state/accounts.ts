import type Stripe from 'stripe';
import { newId } from './ids';
import { found } from './stand-in-store';
import { type EventCause, nowSeconds, type StateContext } from './state-context';

export type AccountType = 'custom' | 'express' | 'standard';
export type BusinessType = 'company' | 'government_entity' | 'individual' | 'non_profit';
export type CapabilityName = 'card_payments' | 'transfers';
export type CapabilityStatus = 'active' | 'inactive' | 'pending';
export const CAPABILITY_NAMES: readonly CapabilityName[] = ['card_payments', 'transfers'];

export interface NewAccount {
  readonly type: AccountType;
  readonly country: string;
  readonly email: string | null;
  readonly businessType: BusinessType | null;
  readonly requestedCapabilities: readonly CapabilityName[];
  readonly metadata: Stripe.Metadata;
}

/** What the stand-in's control endpoint may change on a connected account (Stripe changes it during onboarding). */
export interface AccountStatusChange {
  readonly charges_enabled?: boolean;
  readonly payouts_enabled?: boolean;
  readonly details_submitted?: boolean;
  readonly capabilities?: Partial<Record<CapabilityName, CapabilityStatus>>;
}

// A few countries' settlement currencies; anything else settles in usd here.
const DEFAULT_CURRENCY: Readonly<Record<string, string>> = { US: 'usd', GB: 'gbp', CA: 'cad', AU: 'aud', JP: 'jpy' };
const EURO_COUNTRIES = new Set(['AT', 'BE', 'DE', 'ES', 'FI', 'FR', 'IE', 'IT', 'LU', 'NL', 'PT']);

const noRequirements = () => ({
  alternatives: [],
  current_deadline: null,
  currently_due: [],
  disabled_reason: null,
  errors: [],
  eventually_due: [],
  past_due: [],
  pending_verification: [],
});

/**
 * Connected accounts (a provider's payout account). Created through the stand-in they are already onboarded:
 * details submitted, charges and payouts enabled, requested capabilities active; the control endpoint changes that.
 */
export class ConnectedAccounts {
  constructor(private readonly context: StateContext) {}

  create(input: NewAccount): Stripe.Account {
    const id = newId.account();
    const capabilities: Stripe.Account.Capabilities = {};
    for (const name of input.requestedCapabilities) capabilities[name] = 'active';
    // Stripe's lists carry total_count, which the SDK's ApiList type leaves out.
    const externalAccounts = {
      object: 'list' as const,
      data: [],
      has_more: false,
      total_count: 0,
      url: `/v1/accounts/${id}/external_accounts`,
    };
    const account: Stripe.Account = {
      id,
      object: 'account',
      business_profile: null,
      business_type: input.businessType,
      capabilities,
      charges_enabled: true,
      country: input.country,
      created: nowSeconds(this.context),
      default_currency: DEFAULT_CURRENCY[input.country] ?? (EURO_COUNTRIES.has(input.country) ? 'eur' : 'usd'),
      details_submitted: true,
      email: input.email,
      external_accounts: externalAccounts,
      future_requirements: noRequirements(),
      metadata: input.metadata,
      payouts_enabled: true,
      requirements: noRequirements(),
      type: input.type,
    };
    this.context.store.accounts.set(id, account);
    return account;
  }

  retrieve(id: string): Stripe.Account {
    return found(this.context.store.accounts, id, { object: 'account', param: 'account' });
  }

  /** Applies a status change and emits `account.updated` (with the previous values) when anything changed. */
  change(id: string, change: AccountStatusChange, cause: EventCause): Stripe.Account {
    const account = this.retrieve(id);
    const previous: Record<string, unknown> = {};
    for (const flag of ['charges_enabled', 'payouts_enabled', 'details_submitted'] as const) {
      const value = change[flag];
      if (value !== undefined && value !== account[flag]) {
        previous[flag] = account[flag];
        account[flag] = value;
      }
    }
    const capabilities = account.capabilities ?? {};
    // For a hash, previous_attributes holds the old values of the keys that changed.
    const previousCapabilities: Record<string, string | null> = {};
    for (const name of CAPABILITY_NAMES) {
      const status = change.capabilities?.[name];
      if (status !== undefined && status !== capabilities[name]) {
        previousCapabilities[name] = capabilities[name] ?? null;
        capabilities[name] = status;
      }
    }
    if (Object.keys(previousCapabilities).length > 0) previous.capabilities = previousCapabilities;
    account.capabilities = capabilities;
    if (Object.keys(previous).length > 0) {
      this.context.events.emit({
        type: 'account.updated',
        object: account,
        cause,
        account: account.id,
        previousAttributes: previous,
      });
    }
    return account;
  }
}
