import { rentalStatuses } from '../rentals/rental-status';
import { rigCredentialOf } from './rig-credential';

describe('the credential a provider sees for a rental', () => {
  it('is shown while the rigs should mine: active, and disputed (still running until decided)', () => {
    expect(rigCredentialOf({ status: 'active', stratumCredential: 'hp_abc' })).toBe('hp_abc');
    expect(rigCredentialOf({ status: 'disputed', stratumCredential: 'hp_abc' })).toBe('hp_abc');
  });

  it('is hidden in every other status', () => {
    for (const status of rentalStatuses.filter((s) => s !== 'active' && s !== 'disputed')) {
      expect(rigCredentialOf({ status, stratumCredential: 'hp_abc' })).toBeNull();
    }
  });
});
