import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { utcDay } from './recording-path';

const DAY_FOLDER = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * Deletes recordings of days older than `retentionDays` (a day folder holds only that UTC day's
 * lines, since recordings rotate at midnight) and contract folders left empty. Returns what went.
 */
export async function deleteExpiredRecordings(dir: string, retentionDays: number, nowMs: number): Promise<string[]> {
  const oldestKept = utcDay(nowMs - retentionDays * DAY_MS);
  const deleted: string[] = [];
  for (const rental of await subfolders(dir)) {
    const rentalDir = path.join(dir, rental);
    const days = await subfolders(rentalDir);
    const expired = days.filter((day) => DAY_FOLDER.test(day) && day < oldestKept);
    for (const day of expired) {
      const dayDir = path.join(rentalDir, day);
      await rm(dayDir, { recursive: true, force: true });
      deleted.push(dayDir);
    }
    if (expired.length === days.length && (await readdir(rentalDir)).length === 0) {
      await rm(rentalDir, { recursive: true, force: true });
    }
  }
  return deleted;
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
