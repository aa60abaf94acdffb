import { DomainError } from '../problem-details/domain-error';

export class InvalidCursorError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'invalid-cursor';

  constructor() {
    super('the cursor is not one this API handed out');
  }
}

/** The sort key of the last row of a page, opaque to clients. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The sort key a cursor carries, each part checked by `parts` (a pattern per position); anything else,
 * tampered or from another list, is an InvalidCursorError.
 */
export function decodeCursor(cursor: string, parts: readonly RegExp[]): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (
    !Array.isArray(key) ||
    key.length !== parts.length ||
    !key.every((part, index) => typeof part === 'string' && parts[index]?.test(part))
  ) {
    throw new InvalidCursorError();
  }
  return key as string[];
}

export const cursorParts = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  integer: /^(0|[1-9]\d{0,30})$/,
  /** A timestamptz as PostgreSQL prints it, at its full (microsecond) precision. */
  timestamp: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/,
} as const;
