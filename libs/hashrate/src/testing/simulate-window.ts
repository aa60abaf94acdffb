import { type DeliveredWork } from '../work/delivered-work';
import { HASHES_PER_DIFFICULTY_ONE } from '../work/hashes-per-difficulty';

export interface DifficultySegment {
  readonly difficulty: number;
  readonly seconds: number;
}

/**
 * Simulates a rig hashing at `hashrate` through consecutive difficulty segments: shares arrive as
 * a Poisson process with exponential gaps of mean d · 2^32 / H, exactly what real PoW produces.
 */
export function simulateWindow(
  hashrate: number,
  segments: readonly DifficultySegment[],
  random: () => number,
): DeliveredWork {
  let shares = 0;
  let work = 0;
  let workSquared = 0;
  for (const { difficulty, seconds } of segments) {
    const meanGap = (difficulty * HASHES_PER_DIFFICULTY_ONE) / hashrate;
    let count = 0;
    for (let clock = -Math.log(1 - random()) * meanGap; clock < seconds; clock += -Math.log(1 - random()) * meanGap)
      count++;
    shares += count;
    work += count * difficulty;
    workSquared += count * difficulty * difficulty;
  }
  return { shares, work, workSquared };
}
