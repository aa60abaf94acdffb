import { z } from 'zod';

/** The header carrying the gateway's authenticated caller on an internal call. */
export const INTERNAL_PRINCIPAL_HEADER = 'x-hashproof-principal';

/**
 * Who the gateway is calling on behalf of: its authenticated caller, passed on so the owning service
 * applies its own ownership rules.
 */
export interface ActingPrincipal {
  readonly id: string;
  readonly role: 'renter' | 'provider' | 'admin';
}

const actingPrincipalSchema = z.strictObject({
  id: z.uuid(),
  role: z.enum(['renter', 'provider', 'admin']),
});

/** Longer than any encoding of a valid principal; anything beyond it is refused before decoding. */
const maxEncodedLength = 256;

/** The header value: base64url of the principal as JSON. */
export function encodeActingPrincipal(principal: ActingPrincipal): string {
  return Buffer.from(JSON.stringify({ id: principal.id, role: principal.role }), 'utf8').toString('base64url');
}

/** The principal a header value names, or null when it is not a well-formed encoding of one. */
export function decodeActingPrincipal(value: string): ActingPrincipal | null {
  // Buffer's base64url decoding skips characters outside the alphabet; refuse them instead.
  if (value.length > maxEncodedLength || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = actingPrincipalSchema.safeParse(decoded);
  return parsed.success ? parsed.data : null;
}
