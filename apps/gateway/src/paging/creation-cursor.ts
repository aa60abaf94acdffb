import { DomainError } from '../problem-details/domain-error';

export class InvalidCursorError extends DomainError {
  readonly kind = 'invalid';
  readonly type = 'invalid-cursor';

  constructor() {
    super('the cursor is not one this API handed out');
  }
}

/** Where a page of rows ordered by creation (then id, so the order is total) ended. */
export interface CreationPosition {
  readonly createdAt: Date;
  readonly id: string;
}

/** Opaque to clients: the creation time and id of the last row handed out. */
export function encodeCreationCursor(row: CreationPosition): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

export function decodeCreationCursor(cursor: string): CreationPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(createdAt));
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(date.getTime())) throw new Error();
    return { createdAt: date, id };
  } catch {
    throw new InvalidCursorError();
  }
}
