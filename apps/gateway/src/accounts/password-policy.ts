export const minPasswordLength = 12;
/** Bounds the work a single login can cost the server. */
export const maxPasswordLength = 256;

/**
 * A short list of the most common passwords that meet the length rule (from public breach corpora), plus
 * site-specific guesses. Not a substitute for a full breached-password check, but it stops the worst.
 */
const commonPasswords = new Set([
  '000000000000',
  '111111111111',
  '123123123123',
  '123456123456',
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456abcdef',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'abc123abc123',
  'abcdefghijkl',
  'administrator',
  'baseball1234',
  'bitcoin12345',
  'bitcoinbitcoin',
  'changeme1234',
  'football1234',
  'hashproof123',
  'hashproof1234',
  'iloveyou1234',
  'letmein12345',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'princess1234',
  'qwerty123456',
  'qwertyuiop123',
  'qwertyuiopasdf',
  'satoshi12345',
  'satoshinakamoto',
  'sunshine1234',
  'trustno1trustno1',
  'welcome12345',
  'zaq12wsxcde3',
]);

/** Why the password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < minPasswordLength) return `the password must have at least ${minPasswordLength} characters`;
  if (length > maxPasswordLength) return `the password must have at most ${maxPasswordLength} characters`;
  if (new Set(password).size === 1) return 'the password must not repeat a single character';
  if (commonPasswords.has(password.toLowerCase())) return 'the password is too common';
  return undefined;
}
