export interface Interval {
  readonly startsAt: Date;
  /** null while the outage goes on. */
  readonly endsAt: Date | null;
}

/** Milliseconds of the window covered by the intervals (pool outages, rig connections); overlaps count once. */
export function coveredMsWithin(outages: readonly Interval[], windowStartsAt: Date, windowEndsAt: Date): number {
  const from = windowStartsAt.getTime();
  const to = windowEndsAt.getTime();
  const clipped = outages
    .map((outage) => [Math.max(outage.startsAt.getTime(), from), Math.min(outage.endsAt?.getTime() ?? to, to)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = from;
  for (const [start, end] of clipped) {
    if (end <= reach) continue;
    covered += end - Math.max(start, reach);
    reach = end;
  }
  return covered;
}
