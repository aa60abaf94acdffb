import { LineTooLongError } from './line-too-long.error';

const NEWLINE = 0x0a;

/**
 * Cuts a byte stream into '\n'-terminated lines (a trailing '\r' is dropped, blank lines skipped).
 * A line, complete or still arriving, longer than `maxLineBytes` throws: a peer that never sends a
 * newline must not grow our buffer without bound.
 */
export class LineSplitter {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly maxLineBytes: number) {}

  push(chunk: Buffer): string[] {
    const data = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const lines: string[] = [];
    let start = 0;
    for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
      this.checkLength(end - start);
      const line = data.toString('utf8', start, end).replace(/\r$/, '');
      if (line.trim() !== '') lines.push(line);
      start = end + 1;
    }
    this.pending = data.subarray(start);
    this.checkLength(this.pending.length);
    return lines;
  }

  /** Bytes of a line received without its newline yet. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  private checkLength(bytes: number): void {
    if (bytes > this.maxLineBytes) throw new LineTooLongError(this.maxLineBytes);
  }
}
