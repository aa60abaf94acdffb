import { HASHES_PER_DIFFICULTY_ONE } from '@hashproof/hashrate';

/** The share difficulty the endpoint's vardiff would give this rate: what a silent window is judged at. */
export function difficultyAimedAt(hashrate: number, targetSharesPerMinute: number): number {
  return (hashrate * 60) / (targetSharesPerMinute * HASHES_PER_DIFFICULTY_ONE);
}
