import path from 'node:path';

const SAFE_NAME = /^[\w.-]{1,128}$/;

/** `<dir>/<rentalId>/<yyyy-mm-dd>/<connectionId>[.<part>].jsonl`, the day in UTC. */
export function recordingPath(dir: string, rentalId: string, connectionId: string, ts: number, part: number): string {
  for (const name of [rentalId, connectionId]) {
    if (!SAFE_NAME.test(name) || name.startsWith('.')) throw new RangeError(`unsafe recording name "${name}"`);
  }
  const file = part === 0 ? `${connectionId}.jsonl` : `${connectionId}.${part}.jsonl`;
  return path.join(dir, rentalId, utcDay(ts), file);
}

export function utcDay(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}
