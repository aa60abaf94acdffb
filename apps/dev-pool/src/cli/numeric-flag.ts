import { z } from 'zod';

/** A positive number, also written as a power of two (`2^-18`), which is how tiny difficulties are thought of. */
export const positiveNumber = z
  .string()
  .trim()
  .transform((text) => {
    const power = /^2\^(-?\d+(?:\.\d+)?)$/.exec(text);
    return power ? 2 ** Number(power[1]) : Number(text);
  })
  .pipe(z.number().positive().finite());

export const port = z.coerce.number().int().min(0).max(65_535);
