import { z } from 'zod';

/** Hash rate in hashes per second, as a decimal integer string: exahash rates exceed Number.MAX_SAFE_INTEGER. */
export const hashesPerSecond = z.string().regex(/^(0|[1-9]\d{0,30})$/, 'a non-negative integer in H/s, as a string');

/** Money in integer minor units (cents) of an ISO 4217 currency; never a float. */
export const minorUnits = z.number().int().safe();

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');

export const isoTimestamp = z.iso.datetime({ offset: true });

/** A renter's pool as miners write it: `stratum+tcp://host:port`, IPv6 hosts in brackets. */
export const stratumPoolUrl = z
  .string()
  .max(300)
  .regex(/^stratum\+tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'a pool URL like stratum+tcp://host:3333');

/** The worker name a provider's rigs use for one rental; hard to guess, safe in a miner's config line. */
export const stratumCredential = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, '20–64 URL-safe characters');
