/** Largest extranonce2 a sane pool hands out; anything bigger is a broken line, not a job. */
export const MAX_EXTRANONCE2_SIZE = 32;
