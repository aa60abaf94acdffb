import { DEFAULT_VERSION_ROLLING_MASK } from '@hashproof/stratum';

/**
 * The rig mines the last 4 bytes of the pool's extranonce2. Its extranonce1 is empty: the pool's
 * extranonce1 and the rest of the pool's extranonce2 go into coinb1. That lets us answer subscribe
 * before authorize tells us which pool the rig is for, which rigs need (they wait for the reply).
 */
export const RIG_EXTRANONCE2_SIZE = 4;

export function subscribeReply(subscriptionId: string): unknown[] {
  return [
    [
      ['mining.set_difficulty', subscriptionId],
      ['mining.notify', subscriptionId],
    ],
    '',
    RIG_EXTRANONCE2_SIZE,
  ];
}

/**
 * BIP 310: version rolling granted with the standard mask ∩ the rig's (the pool is asked for the
 * same mask once known); every other extension declined. Returns the reply and the granted mask.
 */
export function configureReply(
  extensions: readonly string[],
  options: Readonly<Record<string, unknown>>,
): { reply: Record<string, unknown>; mask: number | null } {
  const reply: Record<string, unknown> = Object.fromEntries(extensions.map((extension) => [extension, false]));
  if (!extensions.includes('version-rolling')) return { reply, mask: null };
  const mask = (DEFAULT_VERSION_ROLLING_MASK & rigMask(options['version-rolling.mask'])) >>> 0;
  reply['version-rolling'] = true;
  reply['version-rolling.mask'] = mask.toString(16).padStart(8, '0');
  return { reply, mask };
}

function rigMask(value: unknown): number {
  if (typeof value !== 'string' || !/^[0-9a-fA-F]{1,8}$/.test(value)) return 0xffffffff;
  return Number.parseInt(value, 16);
}
