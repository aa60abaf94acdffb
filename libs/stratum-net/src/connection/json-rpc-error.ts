/** Stratum's error triple: [code, message, traceback]. */
export type StratumError = [code: number, message: string, traceback: null];

/** The conventional catch-all code ("Other/Unknown"). */
export const OTHER_ERROR_CODE = 20;

export function stratumError(code: number, message: string): StratumError {
  return [code, message, null];
}
