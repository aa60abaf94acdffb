/**
 * BIP 310 answer to mining.configure: version-rolling granted with the pool's mask ∩ the miner's
 * (the miner's own mask defaults to "anything"); every other extension declined.
 */
export function configureReply(
  extensions: readonly string[],
  options: Readonly<Record<string, unknown>>,
  poolMask: number,
): { reply: Record<string, unknown>; mask: number } {
  const reply: Record<string, unknown> = {};
  let mask = 0;
  for (const extension of extensions) reply[extension] = false;
  if (extensions.includes('version-rolling')) {
    mask = (poolMask & minerMask(options['version-rolling.mask'])) >>> 0;
    reply['version-rolling'] = true;
    reply['version-rolling.mask'] = mask.toString(16).padStart(8, '0');
  }
  return { reply, mask };
}

function minerMask(value: unknown): number {
  if (typeof value !== 'string' || !/^[0-9a-fA-F]{1,8}$/.test(value)) return 0xffffffff;
  return Number.parseInt(value, 16);
}
