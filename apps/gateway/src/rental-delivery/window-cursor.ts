import { InvalidWindowCursorError } from './rental-delivery.errors';

/** Opaque to clients: the index of the last window handed out; the next page starts below it. */
export function encodeWindowCursor(windowIndex: number): string {
  return Buffer.from(JSON.stringify([windowIndex])).toString('base64url');
}

export function decodeWindowCursor(cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const windowIndex = Array.isArray(parsed) && parsed.length === 1 ? (parsed[0] as unknown) : undefined;
    if (typeof windowIndex !== 'number' || !Number.isSafeInteger(windowIndex) || windowIndex < 0) throw new Error();
    return windowIndex;
  } catch {
    throw new InvalidWindowCursorError();
  }
}
