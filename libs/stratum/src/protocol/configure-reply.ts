/**
 * The BIP 310 answer to mining.configure: version-rolling granted with the offered mask ∩ the miner's
 * (a miner that names no mask accepts any); every other extension declined. `mask` is null when the
 * miner did not ask for version rolling.
 */
export function configureReply(
  extensions: readonly string[],
  options: Readonly<Record<string, unknown>>,
  offeredMask: number,
): { reply: Record<string, unknown>; mask: number | null } {
  const reply: Record<string, unknown> = Object.fromEntries(extensions.map((extension) => [extension, false]));
  if (!extensions.includes('version-rolling')) return { reply, mask: null };
  const mask = (offeredMask & minerMask(options['version-rolling.mask'])) >>> 0;
  reply['version-rolling'] = true;
  reply['version-rolling.mask'] = mask.toString(16).padStart(8, '0');
  return { reply, mask };
}

function minerMask(value: unknown): number {
  if (typeof value !== 'string' || !/^[0-9a-fA-F]{1,8}$/.test(value)) return 0xffffffff;
  return Number.parseInt(value, 16);
}
