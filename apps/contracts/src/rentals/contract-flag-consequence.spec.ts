import { contractFlagCauses } from '@hashproof/events';
import { flagConsequence, underDeliveryReason } from './contract-flag-consequence';
import { rentalStatuses } from './rental-status';

describe('what a delivery flag does to a rental', () => {
  it('terminates an active rental for sustained under-delivery, and nothing else', () => {
    expect(flagConsequence('under-delivery-enforcement', 'active')).toBe('terminate');
    for (const status of rentalStatuses.filter((each) => each !== 'active')) {
      expect(flagConsequence('under-delivery-enforcement', status)).toBe('record');
    }
    expect(flagConsequence('under-delivery-enforcement', null)).toBe('record');
    for (const cause of contractFlagCauses.filter((each) => each !== 'under-delivery-enforcement')) {
      expect(flagConsequence(cause, 'active')).toBe('record');
    }
  });

  it('gives as reason the window and the contract-to-date p-value of the evidence', () => {
    const evidence = { window: { pValue: 0.2 }, contractToDate: { pValue: 0.000_012_345 } };
    expect(underDeliveryReason({ windowIndex: 7, evidence })).toBe(
      'sustained under-delivery: flagged under-delivery-enforcement after window 7, contract-to-date p-value 0.0000123',
    );
    expect(underDeliveryReason({ windowIndex: 2, evidence: { pValue: 0.0004 } })).toContain('p-value 0.000400');
    expect(underDeliveryReason({ windowIndex: 2, evidence: {} })).toContain('p-value not reported');
  });
});
