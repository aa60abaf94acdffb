import { type WorkerSnapshot } from './worker-stats';

/** One human line per worker: accepted/rejected, the estimate with its 95 % interval. */
export function statsLine(snapshot: WorkerSnapshot): string {
  const rejected = Object.entries(snapshot.rejected)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  const estimate = snapshot.estimate
    ? `${formatRate(snapshot.estimate.estimatedHashrate)} [${formatRate(snapshot.estimate.lower)}, ${formatRate(snapshot.estimate.upper)}]`
    : 'n/a';
  return `${snapshot.worker}: accepted ${snapshot.accepted}, rejected ${rejected || 'none'}, work ${snapshot.delivered.work.toPrecision(4)}, ${estimate} over ${snapshot.seconds.toFixed(0)} s`;
}

export function formatRate(hashesPerSecond: number): string {
  const units = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s'];
  let value = hashesPerSecond;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}
