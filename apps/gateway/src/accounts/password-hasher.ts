import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';

export interface ScryptCost {
  /** log2 of N, the CPU/memory cost. */
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

/**
 * N = 2^15, r = 8, p = 1: the OWASP password-storage minimum for scrypt (about 32 MiB and tens of
 * milliseconds per hash). Stored with each hash, so raising it later leaves old hashes verifiable.
 */
export const defaultScryptCost: ScryptCost = { ln: 15, r: 8, p: 1 };

const saltBytes = 16;
const keyBytes = 32;
/** Rejects stored parameters no sane configuration produces, so a corrupted row cannot pin the CPU. */
const maxCost: ScryptCost = { ln: 20, r: 32, p: 16 };
const phc = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * scrypt password hashes in a PHC-like string: `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (unpadded base64),
 * a fresh random salt per password, compared in constant time.
 */
@Injectable()
export class PasswordHasher {
  private decoy: Promise<string> | undefined;

  async hash(password: string): Promise<string> {
    const salt = randomBytes(saltBytes);
    const key = await derive(password, salt, keyBytes, defaultScryptCost);
    const { ln, r, p } = defaultScryptCost;
    return `$scrypt$ln=${ln},r=${r},p=${p}$${unpadded(salt)}$${unpadded(key)}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const match = phc.exec(stored);
    if (!match) return false;
    const [, ln, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
    const cost = { ln: Number(ln), r: Number(r), p: Number(p) };
    if (cost.ln > maxCost.ln || cost.r > maxCost.r || cost.p > maxCost.p) return false;
    const expected = Buffer.from(hash, 'base64');
    const actual = await derive(password, Buffer.from(salt, 'base64'), expected.length, cost);
    return timingSafeEqual(actual, expected);
  }

  /** Spends the same time as a real check, so a login for an unknown email cannot be told apart by timing. */
  async verifyDecoy(password: string): Promise<false> {
    this.decoy ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(password, await this.decoy);
    return false;
  }
}

function derive(password: string, salt: Buffer, length: number, { ln, r, p }: ScryptCost): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node's default maxmem (32 MiB) is exactly that at N=2^15, r=8, so double it.
  const options: ScryptOptions = { N: 2 ** ln, r, p, maxmem: 2 * 128 * 2 ** ln * r };
  // NFKC: the same password typed on another keyboard or OS may arrive composed differently.
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function unpadded(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
