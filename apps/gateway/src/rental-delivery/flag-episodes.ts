import type { FlagCause, FlagChange } from './flag-change.entity';

/** One stretch during which a cause held: from the window that raised it to the one that cleared it. */
export interface FlagEpisode {
  readonly cause: FlagCause;
  readonly raisedInWindow: number;
  readonly raisedAt: Date;
  readonly evidence: Record<string, unknown>;
  readonly cleared: { readonly inWindow: number; readonly at: Date } | null;
}

/**
 * Pairs raises with clears. The verifier raises a cause only while it is not raised and clears it in a
 * later window, so per cause the changes alternate by window index; each clear closes the raise before it.
 * A clear whose raise has not arrived yet is left aside until it does; a raise whose clear is still in
 * flight reads as open until then.
 */
export function flagEpisodes(changes: readonly FlagChange[]): FlagEpisode[] {
  const ordered = [...changes].sort(
    (a, b) =>
      a.windowIndex - b.windowIndex ||
      (a.kind === b.kind ? 0 : a.kind === 'raised' ? -1 : 1) ||
      a.cause.localeCompare(b.cause),
  );
  const episodes: FlagEpisode[] = [];
  const openByCause = new Map<FlagCause, number>();
  for (const change of ordered) {
    if (change.kind === 'raised') {
      openByCause.set(change.cause, episodes.length);
      episodes.push({
        cause: change.cause,
        raisedInWindow: change.windowIndex,
        raisedAt: change.at,
        evidence: change.evidence ?? {},
        cleared: null,
      });
      continue;
    }
    const open = openByCause.get(change.cause);
    const episode = open === undefined ? undefined : episodes[open];
    if (open === undefined || !episode) continue;
    episodes[open] = { ...episode, cleared: { inWindow: change.windowIndex, at: change.at } };
    openByCause.delete(change.cause);
  }
  return episodes;
}
