import { PayoutAccountNotConnectedError, VerifiedCapacityExceededError } from './go-live.errors';
import { assertMayGoLive, type GoLiveRequest } from './go-live-rule';

const TH = 1_000_000_000_000n;
const ready: GoLiveRequest = { payoutAccountConnected: true, verified: 100n * TH, live: 0n, offered: 40n * TH };

describe('the go-live rule', () => {
  it('lets a listing go live with a payout account and verified capacity for all live listings', () => {
    expect(() => assertMayGoLive(ready)).not.toThrow();
    expect(() => assertMayGoLive({ ...ready, live: 60n * TH })).not.toThrow();
  });

  it('refuses a provider without a connected payout account, whatever its capacity', () => {
    expect(() => assertMayGoLive({ ...ready, payoutAccountConnected: false })).toThrow(PayoutAccountNotConnectedError);
  });

  it('refuses one H/s beyond the verified hash rate, counting the provider’s other live listings', () => {
    expect(() => assertMayGoLive({ ...ready, live: 60n * TH + 1n })).toThrow(VerifiedCapacityExceededError);
    expect(() => assertMayGoLive({ ...ready, live: 60n * TH + 1n })).toThrow(
      "the provider's live listings would offer 100000000000001 H/s (60000000000001 H/s already live, " +
        '40000000000000 H/s in this one), more than the 100000000000000 H/s its latest capacity check verified',
    );
  });

  it('refuses a provider whose capacity was never verified, or whose latest check verified nothing', () => {
    expect(() => assertMayGoLive({ ...ready, verified: null })).toThrow(
      "no capacity check has verified this provider's hash rate yet",
    );
    expect(() => assertMayGoLive({ ...ready, verified: 0n })).toThrow(VerifiedCapacityExceededError);
  });

  it('stays exact for exahash rates beyond 2^53', () => {
    const verified = 10n ** 29n + 7n;
    expect(() => assertMayGoLive({ ...ready, verified, live: 10n ** 29n, offered: 7n })).not.toThrow();
    expect(() => assertMayGoLive({ ...ready, verified, live: 10n ** 29n, offered: 8n })).toThrow(
      VerifiedCapacityExceededError,
    );
  });
});
