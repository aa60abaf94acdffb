import Stripe from 'stripe';
import { PaymentProviderUnavailableError, UnknownPayoutAccountError } from './payout-account.errors';
import { StripePayoutAccountVerifier } from './stripe-payout-account.verifier';

function verifierAnswering(answer: () => Promise<unknown>) {
  const stripe = { accounts: { retrieve: jest.fn(answer) } };
  return { verifier: new StripePayoutAccountVerifier(stripe as unknown as Stripe), retrieve: stripe.accounts.retrieve };
}

describe('the Stripe payout account verifier', () => {
  it('reads payouts_enabled of the connected account it retrieves', async () => {
    const { verifier, retrieve } = verifierAnswering(async () => ({ id: 'acct_1', payouts_enabled: true }));
    await expect(verifier.payoutsEnabled('acct_1')).resolves.toBe(true);
    expect(retrieve).toHaveBeenCalledWith('acct_1');
    const restricted = verifierAnswering(async () => ({ id: 'acct_2', payouts_enabled: false }));
    await expect(restricted.verifier.payoutsEnabled('acct_2')).resolves.toBe(false);
  });

  it('takes an account Stripe does not have, or not for this platform, as unknown', async () => {
    const missing = verifierAnswering(async () => {
      throw new Stripe.errors.StripeInvalidRequestError({ message: 'No such account', statusCode: 404 });
    });
    await expect(missing.verifier.payoutsEnabled('acct_x')).rejects.toThrow(UnknownPayoutAccountError);
    const foreign = verifierAnswering(async () => {
      throw new Stripe.errors.StripePermissionError({ message: 'no access', statusCode: 403 });
    });
    await expect(foreign.verifier.payoutsEnabled('acct_y')).rejects.toThrow(UnknownPayoutAccountError);
  });

  it('reports Stripe being unreachable as a transient failure', async () => {
    const down = verifierAnswering(async () => {
      throw new Stripe.errors.StripeConnectionError({ message: 'ECONNREFUSED' });
    });
    await expect(down.verifier.payoutsEnabled('acct_z')).rejects.toThrow(PaymentProviderUnavailableError);
  });
});
