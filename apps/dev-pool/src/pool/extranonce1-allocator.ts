import { randomInt } from 'node:crypto';

export const EXTRANONCE1_SIZE = 4;

/** Hands every live connection a distinct extranonce1, so no two miners ever hash the same coinbase. */
export class Extranonce1Allocator {
  private readonly live = new Set<number>();
  private next = randomInt(2 ** 32 - 1);

  allocate(): Buffer {
    while (this.live.has(this.next)) this.next = (this.next + 1) >>> 0;
    const value = this.next;
    this.live.add(value);
    this.next = (value + 1) >>> 0;
    const out = Buffer.alloc(EXTRANONCE1_SIZE);
    out.writeUInt32BE(value);
    return out;
  }

  release(extranonce1: Buffer): void {
    this.live.delete(extranonce1.readUInt32BE(0));
  }
}
