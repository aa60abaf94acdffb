/** Expected hashes per share at difficulty 1: the difficulty-1 target is 0xffff·2^208 ≈ 2^256 / 2^32. */
export const HASHES_PER_DIFFICULTY_ONE = 2 ** 32;
