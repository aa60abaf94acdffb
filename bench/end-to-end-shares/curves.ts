/** A running count at a moment (ms since the epoch). */
export interface CountPoint {
  readonly at: number;
  readonly count: number;
}

/**
 * A running count over time, never decreasing. `polled`: read every so often while it grows share by
 * share, so it is interpolated between readings. `exact`: every change recorded when it happened (the
 * endpoint sends judged shares in batches), so it is a step function.
 */
export interface Curve {
  readonly kind: 'polled' | 'exact';
  readonly points: readonly CountPoint[];
}

/** Index of the first point satisfying `reached`, which holds from some index on; points.length if none. */
function firstIndex(points: readonly CountPoint[], reached: (point: CountPoint) => boolean): number {
  let [low, high] = [0, points.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(points[middle] as CountPoint)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The count at a moment. */
export function countAt(curve: Curve, at: number): number {
  const { points } = curve;
  const after = firstIndex(points, (point) => point.at > at);
  const previous = points[after - 1];
  const next = points[after];
  if (!previous) return 0;
  if (!next || curve.kind === 'exact') return previous.count;
  return previous.count + ((next.count - previous.count) * (at - previous.at)) / (next.at - previous.at);
}

/** When the count first reached a value; null if it never did. */
export function timeWhen(curve: Curve, count: number): number | null {
  const { points } = curve;
  const reached = firstIndex(points, (point) => point.count >= count);
  const next = points[reached];
  if (!next) return null;
  const previous = points[reached - 1];
  if (!previous || curve.kind === 'exact' || next.count === previous.count) return next.at;
  return previous.at + ((next.at - previous.at) * (count - previous.count)) / (next.count - previous.count);
}

/** Count per second between two moments. */
export function rate(curve: Curve, from: number, to: number): number {
  return ((countAt(curve, to) - countAt(curve, from)) * 1000) / (to - from);
}

/**
 * The delay of each share `downstream` reached in [from, to] (up to 2,000 of them, evenly spread):
 * when downstream reached its count minus when upstream had. Shares are taken to stay in order; where
 * they do not (partitions are consumed side by side) this is the delay of an in-order pipe with the same
 * counts, whose mean is the same.
 */
export function shareDelaysMs(upstream: Curve, downstream: Curve, from: number, to: number): number[] {
  const first = Math.floor(countAt(downstream, from)) + 1;
  const last = Math.floor(countAt(downstream, to));
  const stride = Math.max(1, Math.floor((last - first + 1) / 2_000));
  const delays: number[] = [];
  for (let count = first; count <= last; count += stride) {
    const [sent, arrived] = [timeWhen(upstream, count), timeWhen(downstream, count)];
    if (sent !== null && arrived !== null) delays.push(arrived - sent);
  }
  return delays;
}

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}
