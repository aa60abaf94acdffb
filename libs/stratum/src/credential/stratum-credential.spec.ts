import { issueStratumCredential } from './stratum-credential';

describe('issueStratumCredential', () => {
  it('issues distinct, URL-safe worker names of 144 random bits behind a recognisable prefix', () => {
    const issued = Array.from({ length: 1_000 }, issueStratumCredential);
    expect(new Set(issued).size).toBe(issued.length);
    for (const credential of issued) expect(credential).toMatch(/^hp_[A-Za-z0-9_-]{24}$/);
  });
});
