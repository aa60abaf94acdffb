import { LineSplitter } from './line-splitter';
import { LineTooLongError } from './line-too-long.error';

describe('LineSplitter', () => {
  it('joins lines split across chunks, drops \\r and blank lines', () => {
    const splitter = new LineSplitter(100);
    expect(splitter.push(Buffer.from('{"a":1}\r\n\n{"b"'))).toEqual(['{"a":1}']);
    expect(splitter.pendingBytes).toBe(4);
    expect(splitter.push(Buffer.from(':2}\n'))).toEqual(['{"b":2}']);
    expect(splitter.pendingBytes).toBe(0);
  });

  it('refuses a complete line over the limit', () => {
    expect(() => new LineSplitter(8).push(Buffer.from('123456789\n'))).toThrow(LineTooLongError);
  });

  it('refuses a partial line as soon as it passes the limit, before any newline', () => {
    const splitter = new LineSplitter(8);
    splitter.push(Buffer.from('12345'));
    expect(() => splitter.push(Buffer.from('6789'))).toThrow(LineTooLongError);
  });

  it('accepts a line of exactly the limit', () => {
    expect(new LineSplitter(8).push(Buffer.from('12345678\n'))).toEqual(['12345678']);
  });
});
