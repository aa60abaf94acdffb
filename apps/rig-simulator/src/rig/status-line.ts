import { type RigOptions } from './rig-options';
import { type RigStats } from './rig-stats';

export function statusLine(options: RigOptions, stats: RigStats, miningRate: number): string {
  const rejected = Object.entries(stats.rejectedByCode)
    .map(([code, count]) => `${count}×${code}`)
    .join(' ');
  return [
    `rig ${options.worker}`,
    `claim ${options.hashrate} H/s, mining ${Math.round(miningRate)} H/s`,
    `diff ${stats.difficulty?.toPrecision(4) ?? '-'}`,
    `submitted ${stats.submitted} accepted ${stats.accepted} rejected ${rejected || '0'}`,
    `reconnects ${stats.reconnects}`,
    `cheat ${options.cheat.kind}`,
  ].join(' | ');
}
