import { z } from 'zod';

/** Hash rate in hashes per second, as a decimal integer string: exahash rates exceed Number.MAX_SAFE_INTEGER. */
export const hashesPerSecond = z.string().regex(/^(0|[1-9]\d{0,30})$/, 'a non-negative integer in H/s, as a string');

/** Money in integer minor units (cents) of an ISO 4217 currency; never a float. */
export const minorUnits = z.number().int().safe();

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');

export const isoTimestamp = z.iso.datetime({ offset: true });
