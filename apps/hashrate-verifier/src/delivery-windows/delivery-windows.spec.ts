import { deliveredWorkOf, HASHES_PER_DIFFICULTY_ONE, NO_WORK } from '@hashproof/hashrate';
import { judgeDelivery } from './judge-delivery';
import { coveredMsWithin } from './covered-time';
import { emptyTally, type JudgedShare, tallyShare, tallyShares, type WindowState } from './window-tally';
import { WindowSchedule } from './window-schedule';

const at = (iso: string) => new Date(iso);

describe('WindowSchedule', () => {
  const schedule = new WindowSchedule(at('2026-11-24T00:00:00Z'), at('2026-11-24T00:25:00Z'), 600_000);

  it('lays fixed windows from the contract start and cuts the last at the contract end', () => {
    expect(schedule.indexAt(at('2026-11-24T00:09:59.999Z'))).toBe(0);
    expect(schedule.indexAt(at('2026-11-24T00:10:00Z'))).toBe(1);
    expect(schedule.bounds(2)).toEqual({
      index: 2,
      startsAt: at('2026-11-24T00:20:00Z'),
      endsAt: at('2026-11-24T00:25:00Z'),
    });
    expect(schedule.lastIndex).toBe(2);
  });

  it('puts anything before the start into the first window', () => {
    expect(schedule.indexAt(at('2026-11-23T23:59:00Z'))).toBe(0);
  });

  it('follows an end brought forward: the window holding the new end is the last, cut there', () => {
    const cut = new WindowSchedule(at('2026-11-24T00:00:00Z'), at('2026-11-24T00:13:20.5Z'), 600_000);
    expect(cut.lastIndex).toBe(1);
    expect(cut.bounds(1)).toEqual({
      index: 1,
      startsAt: at('2026-11-24T00:10:00Z'),
      endsAt: at('2026-11-24T00:13:20.5Z'),
    });
    expect(cut.bounds(0).endsAt).toEqual(at('2026-11-24T00:10:00Z'));
    expect(cut.covers(at('2026-11-24T00:13:20.499Z'))).toBe(true);
    expect(cut.covers(at('2026-11-24T00:13:20.5Z'))).toBe(false);
  });

  it('ends at a window boundary without an empty window after it', () => {
    expect(new WindowSchedule(at('2026-11-24T00:00:00Z'), at('2026-11-24T00:20:00Z'), 600_000).lastIndex).toBe(1);
  });

  it('has no window at all for a contract ended at its start', () => {
    const empty = new WindowSchedule(at('2026-11-24T00:00:00Z'), at('2026-11-24T00:00:00Z'), 600_000);
    expect(empty.lastIndex).toBe(-1);
    expect(empty.covers(at('2026-11-23T23:59:59Z'))).toBe(true);
    expect(empty.covers(at('2026-11-24T00:00:00Z'))).toBe(false);
  });
});

describe('tallyShare', () => {
  const share = (overrides: Partial<JudgedShare>): JudgedShare => ({
    valid: true,
    reason: null,
    assignedDifficulty: 0.5,
    forwarded: false,
    poolVerdict: null,
    blockCandidate: false,
    ...overrides,
  });

  it('counts the assigned difficulty of valid shares the pool did not refuse', () => {
    let tally = emptyTally;
    tally = tallyShare(tally, share({}));
    tally = tallyShare(tally, share({ forwarded: true, poolVerdict: 'accepted', assignedDifficulty: 2 }));
    expect(tally.delivered).toEqual(deliveredWorkOf([0.5, 2]));
    expect(tally.rejectedByReason).toEqual({});
  });

  it('pays nothing for invalid shares or shares the pool refused or never answered, and records why', () => {
    let tally = emptyTally;
    tally = tallyShare(tally, share({ valid: false, reason: 'duplicate' }));
    tally = tallyShare(tally, share({ forwarded: true, poolVerdict: 'rejected' }));
    tally = tallyShare(tally, share({ forwarded: true, poolVerdict: 'no-reply' }));
    tally = tallyShare(
      tally,
      share({ valid: false, reason: 'low-difficulty', forwarded: true, poolVerdict: 'accepted' }),
    );
    expect(tally.delivered).toEqual(NO_WORK);
    expect(tally.rejectedByReason).toEqual({
      duplicate: 1,
      'pool-rejected': 1,
      'pool-no-reply': 1,
      'low-difficulty': 1,
    });
    expect(tally.poolDisagreements).toBe(2);
  });

  it('counts block candidates', () => {
    expect(tallyShare(emptyTally, share({ blockCandidate: true })).blockCandidates).toBe(1);
  });
});

describe('tallyShares', () => {
  const share = (overrides: Partial<JudgedShare>): JudgedShare => ({
    valid: true,
    reason: null,
    assignedDifficulty: 0.5,
    forwarded: false,
    poolVerdict: null,
    blockCandidate: false,
    ...overrides,
  });
  const open: WindowState = { ...emptyTally, lastDifficulty: null };

  it('adds a window’s shares one at a time, as tallyShare does, onto what the window held', () => {
    const held: WindowState = { ...tallyShare(emptyTally, share({ assignedDifficulty: 0.1 })), lastDifficulty: 0.1 };
    const shares = [
      share({ assignedDifficulty: 0.2 }),
      share({ valid: false, reason: 'duplicate', poolVerdict: 'accepted', forwarded: true }),
      share({ assignedDifficulty: 0.3, blockCandidate: true }),
    ];
    const tally = tallyShares(held, shares);
    expect(tally).toEqual({ ...shares.reduce(tallyShare, held), lastDifficulty: 0.3 });
    // The same sums in the same order: adding the batch's own total instead would give 0.6 here.
    expect(tally.delivered.work).toBe(0.1 + 0.2 + 0.3);
    expect(tally.delivered.work).not.toBe(0.1 + (0.2 + 0.3));
  });

  it('keeps the difficulty of the latest share that had one, or what the window had before', () => {
    expect(
      tallyShares(open, [share({ assignedDifficulty: 2 }), share({ assignedDifficulty: null })]).lastDifficulty,
    ).toBe(2);
    expect(tallyShares({ ...open, lastDifficulty: 4 }, [share({ assignedDifficulty: null })]).lastDifficulty).toBe(4);
    expect(tallyShares(open, [])).toBe(open);
  });
});

describe('coveredMsWithin', () => {
  const windowStart = at('2026-11-24T00:10:00Z');
  const windowEnd = at('2026-11-24T00:20:00Z');

  it('clips outages to the window and counts overlapping ones once', () => {
    const outages = [
      { startsAt: at('2026-11-24T00:05:00Z'), endsAt: at('2026-11-24T00:11:00Z') },
      { startsAt: at('2026-11-24T00:15:00Z'), endsAt: at('2026-11-24T00:16:00Z') },
      { startsAt: at('2026-11-24T00:15:30Z'), endsAt: at('2026-11-24T00:17:00Z') },
    ];
    expect(coveredMsWithin(outages, windowStart, windowEnd)).toBe(3 * 60_000);
  });

  it('counts an outage still going on up to the window end', () => {
    expect(coveredMsWithin([{ startsAt: at('2026-11-24T00:18:00Z'), endsAt: null }], windowStart, windowEnd)).toBe(
      120_000,
    );
  });
});

describe('judgeDelivery', () => {
  // 1 TH/s contracted, difficulty chosen so that the contract expects exactly one share a second.
  const contractedHashrate = 1e12;
  const difficulty = contractedHashrate / HASHES_PER_DIFFICULTY_ONE;
  const judge = (shares: number, measuredSeconds: number) =>
    judgeDelivery({
      delivered: deliveredWorkOf(Array.from({ length: shares }, () => difficulty)),
      measuredSeconds,
      contractedHashrate,
      difficultyInForce: difficulty,
      alpha: 0.01,
      tolerance: 0,
    });

  it('finds an honest window ok, with the contracted rate inside the interval', () => {
    const judgement = judge(600, 600);
    expect(judgement.verdict).toBe('ok');
    expect(judgement.estimatedHashrate).toBeCloseTo(contractedHashrate, -6);
    expect(judgement.lower).toBeLessThan(contractedHashrate);
    expect(judgement.upper).toBeGreaterThan(contractedHashrate);
  });

  it('flags a window at 70% of the contracted rate', () => {
    const judgement = judge(420, 600);
    expect(judgement.verdict).toBe('under-delivery');
    expect(judgement.pValue).toBeLessThan(1e-6);
  });

  it('does not hold the renter’s pool outage against the provider', () => {
    // 300 shares in a 600 s window whose pool was down for 300 s: full delivery over the provider's time.
    expect(judge(300, 300).verdict).toBe('ok');
    expect(judge(300, 600).verdict).toBe('under-delivery');
  });

  it('cannot tell from a window with no time to measure', () => {
    expect(judge(0, 0).verdict).toBe('insufficient-data');
  });
});
