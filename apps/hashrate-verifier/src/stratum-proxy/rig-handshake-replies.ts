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
