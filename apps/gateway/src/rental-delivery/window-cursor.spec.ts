import { InvalidWindowCursorError } from './rental-delivery.errors';
import { decodeWindowCursor, encodeWindowCursor } from './window-cursor';

describe('window cursors', () => {
  it('round-trip a window index', () => {
    for (const index of [0, 1, 1007, 2 ** 31 - 1]) expect(decodeWindowCursor(encodeWindowCursor(index))).toBe(index);
  });

  it.each([
    ['not base64 JSON', 'bm90LWEtY3Vyc29y'],
    ['empty', ''],
    ['a negative index', Buffer.from('[-1]').toString('base64url')],
    ['a fraction', Buffer.from('[1.5]').toString('base64url')],
    ['a string index', Buffer.from('["3"]').toString('base64url')],
    ['extra entries', Buffer.from('[3,4]').toString('base64url')],
  ])('refuses %s', (_label, cursor) => {
    expect(() => decodeWindowCursor(cursor)).toThrow(InvalidWindowCursorError);
  });
});
