import { StripeApiError } from '../stripe-error';
import { ConnectedAccounts } from './accounts';
import { type EmittedEvent } from './event-sink';
import { StandInStore } from './stand-in-store';
import { Transfers } from './transfers';

const cause = { requestId: 'req_test', idempotencyKey: null };

function setUp() {
  const emitted: EmittedEvent[] = [];
  const context = {
    store: new StandInStore(),
    events: { emit: (event: EmittedEvent) => emitted.push(event) },
    clock: Date.now,
  };
  return { emitted, accounts: new ConnectedAccounts(context), transfers: new Transfers(context) };
}

const newAccount = { type: 'express', country: 'DE', email: null, businessType: null, metadata: {} } as const;
const transfer = {
  amount: 2500,
  currency: 'eur',
  transferGroup: null,
  description: null,
  sourceTransaction: null,
  metadata: {},
};

describe('ConnectedAccounts', () => {
  it('creates accounts already onboarded, with the requested capabilities active', () => {
    const { accounts } = setUp();
    const account = accounts.create({ ...newAccount, requestedCapabilities: ['transfers'] });
    expect(account.id).toMatch(/^acct_[A-Za-z0-9]{16}$/);
    expect(account).toMatchObject({
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      capabilities: { transfers: 'active' },
      default_currency: 'eur',
    });
  });

  it('announces a change with account.updated, naming the account and the previous values', () => {
    const { accounts, emitted } = setUp();
    const { id } = accounts.create({ ...newAccount, requestedCapabilities: ['transfers'] });
    accounts.change(id, { payouts_enabled: false, capabilities: { transfers: 'inactive' } }, cause);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({
      type: 'account.updated',
      account: id,
      previousAttributes: { payouts_enabled: true, capabilities: { transfers: 'active' } },
    });
    accounts.change(id, { payouts_enabled: false }, cause);
    expect(emitted).toHaveLength(1);
  });

  it('lets transfers reach an account only while its transfers capability is active', () => {
    const { accounts, transfers } = setUp();
    const { id } = accounts.create({ ...newAccount, requestedCapabilities: ['transfers'] });
    expect(transfers.create({ ...transfer, destination: id }, cause)).toMatchObject({
      object: 'transfer',
      destination: id,
    });
    accounts.change(id, { capabilities: { transfers: 'inactive' } }, cause);
    expect(() => transfers.create({ ...transfer, destination: id }, cause)).toThrow(StripeApiError);
    expect(() => transfers.create({ ...transfer, destination: 'acct_missing' }, cause)).toThrow(
      "No such destination: 'acct_missing'",
    );
  });
});
