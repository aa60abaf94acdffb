import { invalidApiKey, noApiKey } from '../stripe-error';

// Test-mode secret and restricted keys; a live key never belongs at a stand-in.
const TEST_KEY = /^(sk|rk)_test_[A-Za-z0-9_]+$/;

/**
 * The API key of a request, as Stripe takes it: `Authorization: Bearer sk_test_…`, or HTTP Basic with the key as
 * user name (`curl -u sk_test_…:`). Without one, or with one that is not an accepted test key, a 401 in Stripe's words.
 */
export function apiKeyOf(authorization: string | undefined, acceptedKeys: ReadonlySet<string> | undefined): string {
  if (authorization === undefined || authorization.trim() === '') throw noApiKey();
  const [scheme = '', credentials = ''] = authorization.trim().split(/\s+/, 2);
  const key =
    scheme.toLowerCase() === 'basic' ? basicUser(credentials) : scheme.toLowerCase() === 'bearer' ? credentials : '';
  if (key === '') throw noApiKey();
  if (!TEST_KEY.test(key) || (acceptedKeys !== undefined && !acceptedKeys.has(key))) throw invalidApiKey(redacted(key));
  return key;
}

/** Stripe's way of quoting a key back: its prefix and last four characters, stars between (`sk_test_****Aso0`). */
export function redacted(key: string): string {
  const prefixEnd = key.lastIndexOf('_') + 1;
  const prefix = prefixEnd > 0 && key.length - prefixEnd > 4 ? key.slice(0, prefixEnd) : '';
  const visible = Math.min(4, Math.max(0, key.length - prefix.length - 1));
  return `${prefix}${'*'.repeat(key.length - prefix.length - visible)}${key.slice(key.length - visible)}`;
}

function basicUser(credentials: string): string {
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? decoded : decoded.slice(0, colon);
}
