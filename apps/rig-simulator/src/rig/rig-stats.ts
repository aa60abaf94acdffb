export interface RigStats {
  readonly submitted: number;
  readonly accepted: number;
  /** Rejections by Stratum error code (20 other, 21 job not found, 22 duplicate, 23 low difficulty, …). */
  readonly rejectedByCode: Readonly<Record<number, number>>;
  /** Sum of the difficulties of accepted shares. */
  readonly acceptedWork: number;
  readonly hashes: number;
  readonly reconnects: number;
  readonly difficulty: number | null;
}

export function emptyRigStats(): RigStats {
  return { submitted: 0, accepted: 0, rejectedByCode: {}, acceptedWork: 0, hashes: 0, reconnects: 0, difficulty: null };
}

/** `stratum error [23, "Low difficulty share", null]` → 23; anything unreadable counts as 20 (other). */
export function errorCode(error: unknown): number {
  return Array.isArray(error) && typeof error[0] === 'number' ? error[0] : 20;
}
