import type { FlagChange } from './flag-change.entity';
import { flagEpisodes } from './flag-episodes';

const rentalId = '5f0c7c2e-2a59-4d6a-9d0e-3c1f4b0a7e11';
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

function raised(cause: FlagChange['cause'], windowIndex: number): FlagChange {
  return { rentalId, cause, windowIndex, kind: 'raised', at: at(windowIndex), evidence: { windowIndex } };
}

function cleared(cause: FlagChange['cause'], windowIndex: number): FlagChange {
  return { rentalId, cause, windowIndex, kind: 'cleared', at: at(windowIndex), evidence: null };
}

describe('flag episodes', () => {
  it('closes each raise with the next clear of its cause, whatever order they were stored in', () => {
    const changes = [
      cleared('provider-silent', 2),
      raised('under-delivery-review', 1),
      raised('provider-silent', 5),
      raised('provider-silent', 0),
    ];
    expect(flagEpisodes(changes)).toEqual([
      {
        cause: 'provider-silent',
        raisedInWindow: 0,
        raisedAt: at(0),
        evidence: { windowIndex: 0 },
        cleared: { inWindow: 2, at: at(2) },
      },
      {
        cause: 'under-delivery-review',
        raisedInWindow: 1,
        raisedAt: at(1),
        evidence: { windowIndex: 1 },
        cleared: null,
      },
      { cause: 'provider-silent', raisedInWindow: 5, raisedAt: at(5), evidence: { windowIndex: 5 }, cleared: null },
    ]);
  });

  it('sets aside a clear whose raise has not arrived yet, and pairs it once the raise does', () => {
    expect(flagEpisodes([cleared('foreign-jobs', 4)])).toEqual([]);
    expect(flagEpisodes([cleared('foreign-jobs', 4), raised('foreign-jobs', 3)])).toMatchObject([
      { cause: 'foreign-jobs', raisedInWindow: 3, cleared: { inWindow: 4 } },
    ]);
  });

  it('never lets a clear close a later raise', () => {
    expect(
      flagEpisodes([raised('duplicate-shares', 0), cleared('duplicate-shares', 1), raised('duplicate-shares', 6)]),
    ).toMatchObject([
      { raisedInWindow: 0, cleared: { inWindow: 1 } },
      { raisedInWindow: 6, cleared: null },
    ]);
    // The clear of window 3 belongs to a raise in 2 that is still in flight, not to the raise in 6.
    expect(flagEpisodes([raised('duplicate-shares', 6), cleared('duplicate-shares', 3)])).toMatchObject([
      { raisedInWindow: 6, cleared: null },
    ]);
  });
});
