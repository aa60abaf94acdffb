import { minPasswordLength, passwordProblem } from './password-policy';

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('correct horse battery staple')).toBeUndefined();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('🔑'.repeat(minPasswordLength - 1))).toMatch(/at least 12/);
    expect(passwordProblem('🔑🔒'.repeat(6))).toBeUndefined();
  });

  it.each([
    ['short', /at least 12 characters/],
    ['x'.repeat(257), /at most 256 characters/],
    ['aaaaaaaaaaaaaaaa', /single character/],
    ['password1234', /too common/],
    ['PassWord1234', /too common/],
    ['qwertyuiop123', /too common/],
  ])('refuses %s', (password, reason) => {
    expect(passwordProblem(password)).toMatch(reason);
  });
});
