import type { FlagCause } from './flag-cause';
import { causesPresent, flagChanges, type WindowFacts } from './flag-rules';

const thresholds = { reviewAlpha: 0.01, enforcementAlpha: 0.001, maxInvalidRatio: 0.05 };
const honest: WindowFacts = {
  contractToDatePValue: 0.4,
  acceptedShares: 100,
  rejectedByReason: {},
  measuredSeconds: 600,
  rigConnectedSeconds: 600,
};

describe('causesPresent', () => {
  it('finds nothing in an honest window', () => {
    expect(causesPresent(honest, thresholds)).toEqual(new Set());
  });

  it('separates review from enforcement by significance', () => {
    expect(causesPresent({ ...honest, contractToDatePValue: 0.005 }, thresholds)).toEqual(
      new Set(['under-delivery-review']),
    );
    expect(causesPresent({ ...honest, contractToDatePValue: 0.0001 }, thresholds)).toEqual(
      new Set(['under-delivery-review', 'under-delivery-enforcement']),
    );
  });

  it('flags replays, foreign jobs and a high invalid ratio', () => {
    const facts = { ...honest, rejectedByReason: { duplicate: 3, 'unknown-job': 4 } };
    expect(causesPresent(facts, thresholds)).toEqual(
      new Set(['duplicate-shares', 'foreign-jobs', 'high-invalid-ratio']),
    );
    expect(causesPresent({ ...honest, rejectedByReason: { stale: 5 } }, thresholds)).toEqual(new Set());
  });

  it('flags a silent provider, but not a window the renter’s pool was down for entirely', () => {
    expect(causesPresent({ ...honest, acceptedShares: 0, rigConnectedSeconds: 0 }, thresholds)).toContain(
      'provider-silent',
    );
    expect(
      causesPresent({ ...honest, acceptedShares: 0, rigConnectedSeconds: 0, measuredSeconds: 0 }, thresholds),
    ).not.toContain('provider-silent');
  });

  it('keeps a raised under-delivery flag until the p-value is ten times its alpha, so it does not flap', () => {
    const raised = new Set<FlagCause>(['under-delivery-review', 'under-delivery-enforcement']);
    const at = (contractToDatePValue: number) => causesPresent({ ...honest, contractToDatePValue }, thresholds, raised);
    expect(at(thresholds.enforcementAlpha * 6)).toEqual(raised);
    expect(at(thresholds.enforcementAlpha * 10)).toEqual(new Set(['under-delivery-review']));
    expect(at(thresholds.reviewAlpha * 9)).toEqual(new Set(['under-delivery-review']));
    expect(at(thresholds.reviewAlpha * 10)).toEqual(new Set());
    // Not yet raised, the same p-values raise nothing.
    expect(causesPresent({ ...honest, contractToDatePValue: thresholds.enforcementAlpha * 6 }, thresholds)).toEqual(
      new Set(['under-delivery-review']),
    );
  });

  it('cannot flag under-delivery when the window could not be tested', () => {
    expect(causesPresent({ ...honest, contractToDatePValue: null }, thresholds)).toEqual(new Set());
  });
});

describe('flagChanges', () => {
  it('raises a cause once and clears it when it no longer holds', () => {
    expect(flagChanges(new Set(), new Set(['duplicate-shares']))).toEqual({ raise: ['duplicate-shares'], clear: [] });
    expect(flagChanges(new Set(['duplicate-shares']), new Set(['duplicate-shares']))).toEqual({ raise: [], clear: [] });
    expect(flagChanges(new Set(['duplicate-shares']), new Set())).toEqual({ raise: [], clear: ['duplicate-shares'] });
  });
});
