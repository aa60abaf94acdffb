import { cursorParts, decodeCursor, encodeCursor, InvalidCursorError } from './keyset-cursor';

const id = '6f1c1b7e-3f0a-4b8e-9d4b-2a9f5c1e7d30';

describe('keyset cursors', () => {
  it('carry a sort key there and back, PostgreSQL timestamps at full precision', () => {
    const key = ['2026-11-24 09:07:00.123456+00', id];
    expect(decodeCursor(encodeCursor(key), [cursorParts.timestamp, cursorParts.uuid])).toEqual(key);
    expect(decodeCursor(encodeCursor(['1500', id]), [cursorParts.integer, cursorParts.uuid])).toEqual(['1500', id]);
  });

  it('refuse anything they did not hand out', () => {
    const parts = [cursorParts.integer, cursorParts.uuid];
    for (const cursor of [
      'not base64 json',
      encodeCursor([id, '1500']),
      encodeCursor(['1500']),
      encodeCursor(['1500', id, 'extra']),
      encodeCursor(['-1', id]),
      encodeCursor(["1500'; DROP TABLE listings; --", id]),
      Buffer.from(JSON.stringify({ price: 1 })).toString('base64url'),
      Buffer.from(JSON.stringify([1500, id])).toString('base64url'),
    ]) {
      expect(() => decodeCursor(cursor, parts)).toThrow(InvalidCursorError);
    }
  });
});
