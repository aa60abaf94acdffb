/** Block subsidy after the 2024 halving, in satoshis. */
const SUBSIDY_SATS = 312_500_000n;
const POOL_TAG = Buffer.from('/hashproof-dev-pool/', 'ascii');
// Pay-to-witness-pubkey-hash to a fixed, made-up key hash: the dev pool never spends anything.
const PAYOUT_SCRIPT = Buffer.concat([Buffer.from([0x00, 0x14]), Buffer.alloc(20, 0x42)]);

export interface CoinbaseSplit {
  readonly coinb1: Buffer;
  readonly coinb2: Buffer;
}

/**
 * A legacy-serialized coinbase whose scriptSig is `<BIP34 height> <pool tag> <extranonce>`, cut
 * around the extranonce bytes: coinb1 ‖ extranonce1 ‖ extranonce2 ‖ coinb2 is the whole transaction.
 */
export function splitCoinbase(height: number, extranonceBytes: number): CoinbaseSplit {
  const heightPush = scriptNumberPush(height);
  const tagPush = Buffer.concat([Buffer.from([POOL_TAG.length]), POOL_TAG]);
  const scriptSigLength = heightPush.length + tagPush.length + 1 + extranonceBytes;
  const coinb1 = Buffer.concat([
    uint32LE(1), // tx version
    Buffer.from([1]), // one input
    Buffer.alloc(32), // null prevout hash
    uint32LE(0xffffffff), // null prevout index
    Buffer.from([scriptSigLength]),
    heightPush,
    tagPush,
    Buffer.from([extranonceBytes]), // push of the extranonce that follows
  ]);
  const coinb2 = Buffer.concat([
    uint32LE(0xffffffff), // sequence
    Buffer.from([1]), // one output
    uint64LE(SUBSIDY_SATS),
    Buffer.from([PAYOUT_SCRIPT.length]),
    PAYOUT_SCRIPT,
    uint32LE(0), // lock time
  ]);
  return { coinb1, coinb2 };
}

/** BIP 34: the height as a minimal little-endian script number, behind its push opcode. */
function scriptNumberPush(value: number): Buffer {
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.push(rest % 256);
  if ((bytes.at(-1) ?? 0) & 0x80) bytes.push(0);
  return Buffer.from([bytes.length, ...bytes]);
}

function uint32LE(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value >>> 0);
  return out;
}

function uint64LE(value: bigint): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(value);
  return out;
}
